"""The store contract, on disk (Oxigraph) and in memory (rdflib).

Real stores in tmp_path, real child processes for the locking tests; the
data are three small hand-written Azerbaijani articles run through
``kg.rdf.extraction_quads``. ``test_query.py`` imports the corpus helpers.
"""
from __future__ import annotations

import io
import os
import re
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph, Literal, URIRef

import kg
from kg.config import META_GRAPH, STORE_SCHEMA_VERSION
from kg.errors import QueryError, StoreError
from kg.ids import doc_iri, entity_iri, entity_key
from kg.models import Article, Entity, Extraction, Mention, Relation, Sentence
from kg.rdf import extraction_quads
from kg.store import EXPORT_FORMATS, open_store
from kg.store.memory import MemoryStore
from kg.store.oxigraph import OxigraphStore
from kg.vocab import KG

ROOT = Path(kg.__file__).resolve().parent.parent

# --- a small corpus -------------------------------------------------------------

# name -> (type, English label, Wikidata item)
ENTITIES = {
    "Kamran Əliyev": ("Person", None, None),
    "Ahmed Naser Al-Raisi": ("Person", None, None),
    "Berik Asılov": ("Person", None, None),
    "İlham Əliyev": ("Person", "Ilham Aliyev", "Q57358"),
    "Viktor Orban": ("Person", "Viktor Orbán", "Q57641"),
    "İnterpol": ("Organization", "Interpol", "Q7823"),
    "Baş Prokurorluq": ("Organization", "Prosecutor General's Office", None),
    "Azərbaycan": ("Country", "Azerbaijan", "Q227"),
    "Qazaxıstan": ("Country", "Kazakhstan", "Q232"),
    "Macarıstan": ("Country", "Hungary", "Q28"),
    "Bakı": ("Place", "Baku", "Q9248"),
    "Beynəlxalq Antikorrupsiya Forumu": ("Event", None, None),
}


def key(name: str) -> str:
    return entity_key(ENTITIES[name][0], name)


def iri(name: str) -> str:
    return entity_iri(key(name))


def extraction(doc: str, sentences: list[str], mentions: dict[str, list[str]],
               relations: list[tuple], date: str | None = None) -> Extraction:
    """An Extraction with exact offsets.

    ``mentions`` maps an entity name to the surface forms that refer to it
    (each occurrence in the text becomes a mention); ``relations`` are
    ``(predicate, subject name, object name, sentence index, confidence)``.
    """
    text = " ".join(sentences)
    spans, start = [], 0
    for i, s in enumerate(sentences):
        spans.append(Sentence(index=i, start=start, end=start + len(s), text=s))
        start += len(s) + 1
    art = Article(id=doc, text=text, date=date, url=f"https://example.az/news/{doc}",
                  title=sentences[0], source=f"{doc}.txt")
    ex = Extraction(article=art, sentences=spans)
    first: dict[tuple[str, int], tuple[int, int]] = {}
    for name, surfaces in mentions.items():
        etype, en, wd = ENTITIES[name]
        ex.entities[key(name)] = Entity(key=key(name), type=etype, name=name,
                                        labels={"az": name, **({"en": en} if en else {})},
                                        wikidata=wd)
        for surface in surfaces:
            for m in re.finditer(re.escape(surface), text):
                sent = next(s.index for s in spans if s.start <= m.start() < s.end)
                ex.mentions.append(Mention(entity=key(name), start=m.start(), end=m.end(),
                                           text=surface, sentence=sent))
                first.setdefault((name, sent), (m.start(), m.end()))
    for pred, subj, obj, sent, conf in relations:
        ex.relations.append(Relation(
            subject=key(subj), predicate=pred, object=key(obj), sentence=sent,
            subject_span=first.get((subj, sent)), object_span=first.get((obj, sent)),
            rule=f"test.{pred}", confidence=conf))
    return ex


def doc_interpol() -> Extraction:
    return extraction(
        "2024-03-interpol",
        ["Azərbaycan Respublikasının Baş prokuroru Kamran Əliyev İnterpolun prezidenti "
         "Ahmed Naser Al-Raisi ilə görüşüb.",
         "Görüşdə Azərbaycan ilə İnterpol arasında əməkdaşlığın genişləndirilməsi müzakirə olunub."],
        {"Kamran Əliyev": ["Kamran Əliyev"], "Ahmed Naser Al-Raisi": ["Ahmed Naser Al-Raisi"],
         "İnterpol": ["İnterpol"], "Azərbaycan": ["Azərbaycan"]},
        [("met", "Kamran Əliyev", "Ahmed Naser Al-Raisi", 0, 0.9),
         ("heads", "Ahmed Naser Al-Raisi", "İnterpol", 0, 0.8),
         ("cooperatesWith", "Azərbaycan", "İnterpol", 1, 0.7)],
        date="2024-03-12")


def doc_kazakhstan() -> Extraction:
    return extraction(
        "2024-05-kazakhstan",
        ["Baş prokuror Kamran Əliyev Qazaxıstanın Baş prokuroru Berik Asılov ilə görüşüb.",
         "Tərəflər Azərbaycan ilə Qazaxıstan arasında əməkdaşlığı müzakirə ediblər.",
         "Bakıda keçirilən Beynəlxalq Antikorrupsiya Forumunu Baş Prokurorluq təşkil edib.",
         "Foruma Kamran Əliyev sədrlik edib, həmsədri Berik Asılov olub."],
        {"Kamran Əliyev": ["Kamran Əliyev"], "Berik Asılov": ["Berik Asılov"],
         "Qazaxıstan": ["Qazaxıstan"], "Azərbaycan": ["Azərbaycan"], "Bakı": ["Bakı"],
         "Beynəlxalq Antikorrupsiya Forumu": ["Beynəlxalq Antikorrupsiya Forumu"],
         "Baş Prokurorluq": ["Baş Prokurorluq"]},
        [("met", "Kamran Əliyev", "Berik Asılov", 0, 0.9),
         ("memberOf", "Berik Asılov", "Qazaxıstan", 0, 0.6),
         ("cooperatesWith", "Azərbaycan", "Qazaxıstan", 1, 0.7),
         ("organizedBy", "Beynəlxalq Antikorrupsiya Forumu", "Baş Prokurorluq", 2, 0.8),
         ("heldIn", "Beynəlxalq Antikorrupsiya Forumu", "Bakı", 2, 0.8),
         ("chairedBy", "Beynəlxalq Antikorrupsiya Forumu", "Kamran Əliyev", 3, 0.7),
         ("cochairedBy", "Beynəlxalq Antikorrupsiya Forumu", "Berik Asılov", 3, 0.7)],
        date="2024-05")


def doc_hungary() -> Extraction:
    return extraction(
        "2024-07-hungary",
        ["Azərbaycan Prezidenti İlham Əliyev Macarıstanın Baş naziri Viktor Orbanı qəbul edib.",
         "Azərbaycan ilə İnterpol arasında əməkdaşlıq davam edir."],
        {"İlham Əliyev": ["İlham Əliyev"], "Viktor Orban": ["Viktor Orban"],
         "Azərbaycan": ["Azərbaycan"], "Macarıstan": ["Macarıstan"], "İnterpol": ["İnterpol"]},
        [("heads", "İlham Əliyev", "Azərbaycan", 0, 0.95),
         ("met", "İlham Əliyev", "Viktor Orban", 0, 0.85),
         ("heads", "Viktor Orban", "Macarıstan", 0, 0.8),
         ("cooperatesWith", "Azərbaycan", "İnterpol", 1, 0.6)],
        date="2024-07-03")


CORPUS = (doc_interpol, doc_kazakhstan, doc_hungary)

HOSTILE = 'Dedi: "salam" \\ \\" }\n} GRAPH <http://evil/> { <a> <b> <c> } ; DROP ALL ; \'\'\' """ \t\r\n #'


def grown(ex: Extraction, n: int = 40) -> Extraction:
    """The same article with ``n`` more sentences (6 quads each)."""
    base = len(ex.article.text)
    for i in range(n):
        text = f"Əlavə cümlə {i}."
        start = len(ex.article.text) + 1
        ex.article.text += " " + text
        ex.sentences.append(Sentence(index=len(ex.sentences), start=start,
                                     end=start + len(text), text=text))
    assert len(ex.article.text) > base
    return ex


def quads(ex: Extraction) -> list:
    return list(extraction_quads(ex))


def graph_of(ex: Extraction) -> str:
    return doc_iri(ex.article.id)


def load(store, *docs) -> None:
    for make in docs or CORPUS:
        ex = make()
        store.replace_document(graph_of(ex), quads(ex))


def graph_size(store, graph: str) -> int:
    df = store.select("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g",
                      {"g": URIRef(graph)})
    return int(df["n"].iloc[0]) if len(df) else 0


# --- fixtures ---------------------------------------------------------------------


@pytest.fixture(params=["oxigraph", "memory"])
def store(request, tmp_path):
    s = OxigraphStore(tmp_path / "store") if request.param == "oxigraph" else MemoryStore()
    yield s
    s.close()


@pytest.fixture
def disk(tmp_path):
    s = OxigraphStore(tmp_path / "store")
    yield s
    s.close()


def python(code: str, *args: str) -> subprocess.Popen:
    """A child Python that can import kg, its stdout a pipe."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-c", textwrap.dedent(code), *args], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def wait_for(proc: subprocess.Popen, word: str) -> None:
    line = proc.stdout.readline()
    if line.strip() != word:
        proc.kill()
        raise AssertionError(f"child said {line!r}; stderr: {proc.stderr.read()}")


# --- contract tests, both backends ------------------------------------------------


def test_insert_and_count(store):
    ex = doc_interpol()
    q = quads(ex)
    store.replace_document(graph_of(ex), q)
    assert store.count() == len(set(q))
    assert store.documents() == [graph_of(ex)]
    assert store.document_hash(graph_of(ex)) == ex.article.sha256
    assert store.document_hash(doc_iri("absent")) is None


def test_reinsert_same_document_adds_nothing(store):
    load(store)
    before = store.count()
    load(store, doc_interpol)
    load(store, doc_interpol)
    assert store.count() == before


def test_replace_drops_old_facts(store):
    load(store)
    ex = doc_interpol()
    ex.relations = [r for r in ex.relations if r.predicate != "met"]
    ex.article.text += " Yenilənib."
    store.replace_document(graph_of(ex), quads(ex))
    assert store.document_hash(graph_of(ex)) == ex.article.sha256
    ask = "ASK { GRAPH ?g { ?a kg:met ?b } }"
    assert not store.ask(ask, {"g": URIRef(graph_of(ex))})
    assert store.ask(ask, {"g": URIRef(graph_of(doc_kazakhstan()))})  # other documents keep theirs
    assert graph_size(store, graph_of(ex)) == len(set(quads(ex)))


def test_remove_document(store):
    load(store)
    g = graph_of(doc_kazakhstan())
    n = graph_size(store, g)
    total = store.count()
    assert store.remove_document(g) is True
    assert store.remove_document(g) is False
    assert store.count() == total - n
    assert g not in store.documents()
    assert len(store.documents()) == 2


def test_same_entity_in_two_documents_is_one_node(store):
    load(store)
    df = store.select("SELECT DISTINCT ?k ?x WHERE { ?x kg:key ?k }", {"k": "kamran eliyev"})
    assert df["x"].tolist() == [iri("Kamran Əliyev")]
    graphs = store.select("SELECT DISTINCT ?x ?g WHERE { GRAPH ?g { ?x a kg:Person } }",
                          {"x": URIRef(iri("Kamran Əliyev"))})
    assert len(graphs) == 2


def test_quads_must_name_the_graph(store):
    ex = doc_interpol()
    q = quads(ex)
    q[3] = (*q[3][:3], URIRef(doc_iri("other")))
    with pytest.raises(ValueError):
        store.replace_document(graph_of(ex), q)
    with pytest.raises(ValueError):
        store.replace_document(META_GRAPH, [])
    assert store.count() == 0


def test_hostile_literal_round_trips(store):
    ex = extraction("hostile", [HOSTILE, "Kamran Əliyev Berik Asılov ilə görüşüb."],
                    {"Kamran Əliyev": ["Kamran Əliyev"], "Berik Asılov": ["Berik Asılov"]},
                    [("met", "Kamran Əliyev", "Berik Asılov", 1, 0.5)])
    ex.article.title = HOSTILE
    store.replace_document(graph_of(ex), quads(ex))
    df = store.select("SELECT ?t WHERE { ?s kg:text ?t ; kg:index 0 }")
    assert df["t"].tolist() == [HOSTILE]
    df = store.select("SELECT ?t WHERE { ?d dcterms:title ?t }")
    assert df["t"].tolist() == [HOSTILE]
    assert store.count() == len(set(quads(ex)))
    assert store.documents() == [graph_of(ex)]


def test_hostile_bindings_are_inert(store):
    load(store)
    before = store.count()
    for value in [HOSTILE, '"} ; DROP ALL ; #', "x\" || true || \"", "kamran eliyev\n} UNION { ?x ?p ?o"]:
        df = store.select("SELECT ?k ?x WHERE { ?x kg:key ?k }", {"k": value})
        assert df.empty
        assert not store.ask("ASK { ?x kg:key ?k }", {"k": value})
    assert store.count() == before
    with pytest.raises(QueryError):
        store.select("SELECT ?x WHERE { ?x ?p ?o }", {"x} ; DROP ALL": "a"})


def test_binding_must_be_selected(store):
    load(store)
    with pytest.raises(QueryError, match=r"cannot bind \?k"):
        store.select("SELECT ?x WHERE { ?x kg:key ?k }", {"k": "kamran eliyev"})


def test_malformed_sparql_reports_position(store):
    with pytest.raises(QueryError) as err:
        store.select("SELECT ?x WHERE {\n  ?x ?p \n}")
    message = str(err.value)
    assert "\n" not in message
    assert re.search(r"\b3\b", message), message  # the line of the error


def test_result_values(store):
    load(store)
    df = store.select("""
        SELECT ?doc ?date ?conf ?start ?flag ?nothing WHERE {
          GRAPH ?doc { ?doc a kg:Document ; dcterms:date ?date .
                       ?a kg:confidence ?conf ; kg:subjectStart ?start } 
          BIND(true AS ?flag)
          OPTIONAL { ?doc kg:absent ?nothing }
        } ORDER BY DESC(?conf) ?doc ?start LIMIT 1""")
    assert list(df.columns) == ["doc", "date", "conf", "start", "flag", "nothing"]
    row = df.iloc[0]
    assert row["doc"] == graph_of(doc_hungary())
    assert row["date"] == "2024-07-03"
    assert isinstance(row["conf"], float) and row["conf"] == 0.95
    assert row["start"] == 0 + len("Azərbaycan Prezidenti ")
    assert bool(row["flag"]) is True
    assert row["nothing"] is None
    empty = store.select("SELECT ?a ?b WHERE { ?a kg:absent ?b }")
    assert list(empty.columns) == ["a", "b"] and empty.empty


def test_query_kinds(store):
    load(store)
    assert store.query("ASK { ?x a kg:Event }") is True
    g = store.construct("CONSTRUCT { ?a kg:met ?b } WHERE { ?a kg:met ?b }")
    assert isinstance(g, Graph) and len(g) == 6  # three meetings, both directions
    with pytest.raises(QueryError, match="SELECT"):
        store.select("ASK { ?x ?p ?o }")


def by_value(triples) -> set:
    """Triples with literals compared by value: Oxigraph stores numbers in
    canonical form ("0.900"^^xsd:decimal comes back as "0.9")."""
    return {(s, p, (o.toPython(), o.datatype, o.language) if isinstance(o, Literal) else o)
            for s, p, o in triples}


@pytest.mark.parametrize("fmt", EXPORT_FORMATS)
def test_export(store, fmt):
    load(store)
    everything = by_value((s, p, o) for make in CORPUS for s, p, o, _ in quads(make()))
    out = io.BytesIO()
    store.export(out, fmt)
    data = out.getvalue().decode("utf-8")
    if fmt in ("trig", "nquads"):
        ds = Dataset()
        ds.parse(data=data, format=fmt)
        graphs = {str(g.identifier) for g in ds.graphs() if len(g)}
        assert graphs == {graph_of(make()) for make in CORPUS}
        assert sum(1 for _ in ds.quads((None, None, None, None))) == store.count()
        assert META_GRAPH not in data
    else:
        g = Graph()
        g.parse(data=data, format={"turtle": "turtle", "ntriples": "nt", "jsonld": "json-ld"}[fmt])
        assert by_value(g) == everything
        if fmt == "ntriples":
            assert len([ln for ln in data.splitlines() if ln.strip()]) == len(everything)


def test_export_unknown_format(store):
    with pytest.raises(ValueError):
        store.export(io.BytesIO(), "xml")


def test_open_store_paths(tmp_path, monkeypatch):
    assert isinstance(open_store(":memory:"), MemoryStore)
    monkeypatch.setenv("KG_STORE", str(tmp_path / "env-store"))
    with open_store() as s:
        assert isinstance(s, OxigraphStore) and s.path == str(tmp_path / "env-store")
    with open_store(tmp_path / "explicit") as s:
        assert s.path == str(tmp_path / "explicit")


# --- Oxigraph only -----------------------------------------------------------------


def test_persists_and_reopens(tmp_path):
    path = tmp_path / "store"
    with OxigraphStore(path) as s:
        load(s)
        n = s.count()
    with OxigraphStore(path) as s:
        assert s.count() == n
    with OxigraphStore(path, read_only=True) as s:
        assert s.count() == n
        assert len(s.documents()) == 3
        with pytest.raises(StoreError, match="read-only"):
            s.remove_document(graph_of(doc_interpol()))


def test_meta_graph_holds_the_version(tmp_path):
    path = tmp_path / "store"
    OxigraphStore(path).close()
    db = ox.Store.read_only(str(path))
    versions = [q.object.value for q in db.quads_for_pattern(None, ox.NamedNode(str(KG.schemaVersion)),
                                                             None, ox.NamedNode(META_GRAPH))]
    assert versions == [str(STORE_SCHEMA_VERSION)]
    del db


@pytest.mark.parametrize("version", [STORE_SCHEMA_VERSION + 1, 0])
def test_schema_version_mismatch(tmp_path, version):
    path = tmp_path / "store"
    with OxigraphStore(path) as s:
        load(s, doc_interpol)
    db = ox.Store(str(path))
    db.update(f"""DELETE WHERE {{ GRAPH <{META_GRAPH}> {{ ?s ?p ?o }} }} ;
                  INSERT DATA {{ GRAPH <{META_GRAPH}> {{ <{META_GRAPH}> <{KG.schemaVersion}> {version} }} }}""")
    del db
    for read_only in (False, True):
        with pytest.raises(StoreError, match=f"store at {re.escape(str(path))} has layout version "
                                             f"{version}; this kg reads version {STORE_SCHEMA_VERSION}"):
            OxigraphStore(path, read_only=read_only)


def test_read_only_without_store(tmp_path):
    with pytest.raises(StoreError, match=r"no store at .*; run `kg ingest` first"):
        OxigraphStore(tmp_path / "nothing", read_only=True)
    assert not (tmp_path / "nothing").exists()


def test_refuses_a_folder_of_other_files(tmp_path):
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(StoreError, match="not a kg store"):
        OxigraphStore(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


def test_closed_store(tmp_path):
    s = OxigraphStore(tmp_path / "store")
    s.close()
    with pytest.raises(StoreError, match="closed"):
        s.count()
    OxigraphStore(tmp_path / "store").close()  # the lock went with close()


def test_invalid_iri_is_rejected(disk):
    with pytest.raises(ValueError):
        disk.replace_document(doc_iri("x"), [(URIRef("http://a b/"), URIRef("http://p"),
                                              Literal("o"), URIRef(doc_iri("x")))])
    assert disk.count() == 0


def test_failed_replace_keeps_the_old_document(store):
    """Every quad is checked before the store is touched: a bad quad at the
    end of a replacement leaves the old document whole. (That no reader
    ever sees a half-written document is test_reader_while_writer_writes.)"""
    load(store)
    g = graph_of(doc_interpol())
    before = graph_size(store, g)
    wrong_graph = quads(doc_interpol())[:-1] + [(URIRef(iri("Bakı")), URIRef(str(KG.key)),
                                                  Literal("x"), URIRef(doc_iri("other")))]
    with pytest.raises(ValueError):
        store.replace_document(g, wrong_graph)
    assert graph_size(store, g) == before
    if isinstance(store, OxigraphStore):
        bad_iri = quads(doc_interpol())[:-1] + [(URIRef("http://a b/"), URIRef(str(KG.key)),
                                                 Literal("x"), URIRef(g))]
        with pytest.raises(ValueError):
            store.replace_document(g, bad_iri)
        assert graph_size(store, g) == before


def test_second_writer_is_refused(tmp_path):
    path = tmp_path / "store"
    OxigraphStore(path).close()
    child = python("""
        import sys, time
        from kg.store import open_store
        s = open_store(sys.argv[1])
        print("ready", flush=True)
        time.sleep(60)
    """, str(path))
    try:
        wait_for(child, "ready")
        with pytest.raises(StoreError) as err:
            OxigraphStore(path)
        assert str(err.value) == (f"store at {path} is in use by another kg process (a writer); "
                                  "wait for it to finish or use a different --store")
    finally:
        child.kill()
        child.wait()
    OxigraphStore(path).close()  # free again once the writer is gone


def test_reader_while_writer_writes(tmp_path):
    """Readers open while a writer replaces documents in a loop, and every
    document they see is whole: one of its two versions, never a mix."""
    path = tmp_path / "store"
    OxigraphStore(path).close()
    child = python("""
        import sys, time
        sys.path.insert(0, sys.argv[2])
        from test_store import CORPUS, graph_of, grown, quads
        from kg.store import open_store
        s = open_store(sys.argv[1])
        versions = [(graph_of(make()), quads(make()), quads(grown(make()))) for make in CORPUS]
        for g, small, big in versions:
            s.replace_document(g, small)
        print("ready", flush=True)
        deadline, i = time.time() + 30, 0
        while time.time() < deadline:
            for g, small, big in versions:
                s.replace_document(g, big if i % 2 else small)
            i += 1
    """, str(path), str(Path(__file__).parent))
    try:
        wait_for(child, "ready")
        expected = {graph_of(make()): {len(set(quads(make()))), len(set(quads(grown(make()))))}
                    for make in CORPUS}
        deadline = time.time() + 3
        rounds = 0
        while time.time() < deadline or rounds < 5:
            with OxigraphStore(path, read_only=True) as reader:
                df = reader.select("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
                                   "FILTER (?g != <%s>) } GROUP BY ?g" % META_GRAPH)
                sizes = dict(zip(df["g"], df["n"]))
                assert set(sizes) == set(expected)
                for g, n in sizes.items():
                    assert n in expected[g], (g, n, expected[g])
                assert len(reader.documents()) == 3
            rounds += 1
        assert child.poll() is None, child.stderr.read()
        assert rounds >= 5
    finally:
        child.kill()
        child.wait()


def test_timeout_stops_a_slow_query(disk):
    bulk = doc_iri("bulk")
    disk.replace_document(bulk, [(URIRef(f"{bulk}#s{i}"), URIRef(str(KG.index)), Literal(i), URIRef(bulk))
                                 for i in range(3000)])
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a kg:index ?x . ?b kg:index ?y . ?c kg:index ?z }"
    t = time.perf_counter()
    with pytest.raises(QueryError, match=r"^query stopped after 1 s \(--timeout\)$"):
        disk.select(slow, timeout=1)
    assert time.perf_counter() - t < 5


def test_timeout_runs_fast_queries(disk):
    load(disk)
    fast = disk.select("SELECT ?k ?x WHERE { ?x kg:key ?k }", {"k": "kamran eliyev"}, timeout=30)
    assert set(fast["x"]) == {iri("Kamran Əliyev")}
    assert disk.ask("ASK { ?x a kg:Event }", timeout=30) is True
    assert len(disk.construct("CONSTRUCT { ?a kg:met ?b } WHERE { ?a kg:met ?b }", timeout=30)) == 6
    with pytest.raises(QueryError, match="malformed SPARQL: .*line 1, column"):
        disk.select("SELECT ?x WHERE { ?x }", timeout=30)
    with pytest.raises(QueryError, match=r"cannot bind \?k"):
        disk.select("SELECT ?x WHERE { ?x kg:key ?k }", {"k": "x"}, timeout=30)


def test_memory_store_has_no_timeout():
    with pytest.raises(QueryError, match="timeout"):
        MemoryStore().select("SELECT * WHERE { ?s ?p ?o }", timeout=1)
