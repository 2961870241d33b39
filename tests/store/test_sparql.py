"""kg.store.sparql: the remote store against a real SPARQL server.

The store contract of tests/store/test_contract.py runs here unchanged
against a private Virtuoso (Debian's virtuoso-opensource, started once per
session by the ``virtuoso`` fixture of conftest.py; the tests skip when it
is not installed): every test of test_contract.py that takes the ``store``
fixture is collected again in this module, where ``store`` is a
SparqlStore. Then what only a remote store has: authentication, the Graph
Store Protocol, atomic replacement under concurrent readers, the named
queries agreeing with the embedded store, the bulk path, and the CLI end
to end.
"""
from __future__ import annotations

import inspect
import io
import json
import threading
import time

import pandas as pd
import pytest
from rdflib import Literal, URIRef

from kg.cli import main as kg_main
from kg.config import DOC_NS, META_GRAPH, ONTOLOGY_NS, STORE_SCHEMA_VERSION
from kg.errors import QueryError, StoreError
from kg.ids import doc_iri
from kg.query import available, entity_bindings, parameters, run, stats
from kg.store.oxigraph import OxigraphStore
from kg.store.sparql import SparqlStore
from kg.synth import write_articles
from kg.vocab import KG

from tests.store import test_contract as contract
from tests.store import test_oxigraph as disk_tests
from tests.store.documents import CORPUS, doc_interpol, graph_of, grown, iri, load, quads


# --- the store contract, against Virtuoso ------------------------------------------------

CONTRACT = sorted(name for name, fn in vars(contract).items()
                  if name.startswith("test_") and callable(fn)
                  and "store" in inspect.signature(fn).parameters)

globals().update({name: getattr(contract, name) for name in CONTRACT})


@pytest.fixture
def store(virtuoso):
    """An empty remote store: kg's graphs dropped from the session's server."""
    virtuoso.clear()
    s = SparqlStore(virtuoso.endpoint)
    yield s
    s.close()


def test_the_contract_is_collected():
    assert len(CONTRACT) >= 15
    assert "test_insert_and_count" in CONTRACT and "test_export" in CONTRACT


def test_persists_between_openers_and_read_only(store, virtuoso):
    load(store)
    n = store.count()
    with SparqlStore(virtuoso.endpoint, read_only=True) as reader:
        assert reader.count() == n
        assert len(reader.documents()) == 3
        with pytest.raises(StoreError, match="read-only"):
            reader.remove_document(graph_of(doc_interpol()))
        with pytest.raises(StoreError, match="read-only"):
            reader.replace_document(graph_of(doc_interpol()), quads(doc_interpol()))
    assert store.count() == n


def test_meta_graph_and_layout_version(store, virtuoso):
    df = store.select(f"SELECT ?v WHERE {{ GRAPH <{META_GRAPH}> {{ ?s kg:schemaVersion ?v }} }}")
    assert df["v"].tolist() == [STORE_SCHEMA_VERSION]
    load(store, doc_interpol)
    assert META_GRAPH not in store.documents()
    assert store.count() == len(set(quads(doc_interpol())))
    store._update(f"DELETE WHERE {{ GRAPH <{META_GRAPH}> {{ ?s ?p ?o }} }} ; "
                  f"INSERT DATA {{ GRAPH <{META_GRAPH}> {{ <{META_GRAPH}> <{KG.schemaVersion}> 99 }} }}", "test")
    for read_only in (False, True):
        with pytest.raises(StoreError, match=f"has layout version 99; this kg reads version {STORE_SCHEMA_VERSION}"):
            SparqlStore(virtuoso.endpoint, read_only=read_only)
    store._update(f"DROP SILENT GRAPH <{META_GRAPH}>", "test")
    with pytest.raises(StoreError, match="has layout version none"):
        SparqlStore(virtuoso.endpoint)


def test_other_graphs_on_the_server_are_not_kgs(store):
    """Virtuoso's own graphs (and anyone else's) stay out of count and export."""
    load(store, doc_interpol)
    store._update("INSERT DATA { GRAPH <http://example.org/not-kg> { <http://a> <http://b> <http://c> } }",
                  "test")
    try:
        assert store.count() == len(set(quads(doc_interpol())))
        out = io.BytesIO()
        store.export(out, "nquads")
        assert b"not-kg" not in out.getvalue() and b"openlinksw" not in out.getvalue()
        assert store.documents() == [graph_of(doc_interpol())]
    finally:
        store._update("DROP SILENT GRAPH <http://example.org/not-kg>", "test")


def test_invalid_iri_is_rejected_before_sending(store):
    disk_tests.test_invalid_iri_is_rejected(store)  # the disk store's test (rdflib in memory accepts it)


def test_export_in_batches(store, monkeypatch):
    """Exports ask for a few graphs at a time; all of them come back."""
    import kg.store.sparql
    monkeypatch.setattr(kg.store.sparql, "EXPORT_BATCH", 100)
    load(store)
    out = io.BytesIO()
    store.export(out, "nquads")
    assert len([ln for ln in out.getvalue().splitlines() if ln.strip()]) == store.count()


def test_closed_store(virtuoso):
    s = SparqlStore(virtuoso.endpoint)
    s.close()
    with pytest.raises(StoreError, match="closed"):
        s.count()


def test_timeout_is_reported(store):
    bulk = doc_iri("bulk")
    store.replace_document(bulk, [(URIRef(f"{bulk}#s{i}"), URIRef(str(KG.index)), Literal(i), URIRef(bulk))
                                  for i in range(2000)])
    # minutes of work: the client stops waiting at once, the server at its own
    # limit (MaxQueryExecutionTime, 10 s in the fixture's virtuoso.ini)
    slow = ("SELECT (COUNT(*) AS ?n) WHERE { ?a kg:index ?x . ?b kg:index ?y . ?c kg:index ?z . "
            "FILTER (?x + ?y + ?z = -1) }")
    t = time.perf_counter()
    with pytest.raises(QueryError, match=r"^query stopped after 0.5 s \(--timeout\)$"):
        store.select(slow, timeout=0.5)
    assert time.perf_counter() - t < 5
    assert store.ask("ASK { ?x kg:index 5 }", timeout=30) is True


def test_digest_authentication(virtuoso):
    """Virtuoso's /sparql-auth with Digest, as the dba user: reads and writes."""
    virtuoso.clear()
    url = f"sparql+http://dba:dba@127.0.0.1:{virtuoso.http_port}/sparql-auth?auth=digest"
    with SparqlStore(url) as s:
        assert s.path == f"sparql+http://127.0.0.1:{virtuoso.http_port}/sparql-auth"
        load(s, doc_interpol)
        assert s.count() == len(set(quads(doc_interpol())))
        assert s.remove_document(graph_of(doc_interpol())) is True
    wrong = f"sparql+http://dba:wrong@127.0.0.1:{virtuoso.http_port}/sparql-auth?auth=digest"
    with pytest.raises(StoreError, match="refused .*HTTP 401"):
        SparqlStore(wrong)


def test_graph_store_protocol_remove(virtuoso):
    """With graph-store=, removing a document is one GSP DELETE."""
    virtuoso.clear()
    url = (f"sparql+http://dba:dba@127.0.0.1:{virtuoso.http_port}/sparql-auth"
           f"?auth=digest&graph-store=/sparql-graph-crud-auth")
    with SparqlStore(url) as s:
        assert s.endpoint.graph_store == f"http://127.0.0.1:{virtuoso.http_port}/sparql-graph-crud-auth"
        contract.test_remove_document(s)  # the store contract's removal, through GSP DELETE


def test_replacement_is_atomic_for_readers(store, virtuoso):
    """A writer replaces documents in a loop (one Update request each: DROP +
    INSERT DATA); readers never see a document missing or half-written."""
    versions = [(graph_of(make()), quads(make()), quads(grown(make(), 60))) for make in CORPUS]
    for g, small, _ in versions:
        store.replace_document(g, small)
    expected = {g: {len(set(small)), len(set(big))} for g, small, big in versions}
    stop = threading.Event()
    errors: list[BaseException] = []

    def write():
        try:
            with SparqlStore(virtuoso.endpoint) as w:
                i = 0
                while not stop.is_set():
                    for g, small, big in versions:
                        w.replace_document(g, big if i % 2 else small)
                    i += 1
        except BaseException as err:  # noqa: BLE001 - reported below
            errors.append(err)

    writer = threading.Thread(target=write)
    writer.start()
    rounds = 0
    try:
        deadline = time.time() + 4
        while time.time() < deadline or rounds < 10:
            df = store.select("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
                              f'FILTER (STRSTARTS(STR(?g), "{DOC_NS}")) }} GROUP BY ?g')
            sizes = dict(zip(df["g"], df["n"]))
            assert set(sizes) == set(expected), sizes
            for g, n in sizes.items():
                assert n in expected[g], (g, n, expected[g])
            rounds += 1
    finally:
        stop.set()
        writer.join(60)
    assert not errors, errors
    assert rounds >= 10


# --- the named queries agree with the embedded store ----------------------------------------

SAMPLE = {
    "key": entity_bindings("Kamran Əliyev")["key"],
    "s": URIRef(iri("Kamran Əliyev")), "p": KG.met, "o": URIRef(iri("Ahmed Naser Al-Raisi")),
    "event": URIRef(iri("Beynəlxalq Antikorrupsiya Forumu")),
}


def _canonical(result) -> list:
    if isinstance(result, pd.DataFrame):
        rows = []
        for row in result.itertuples(index=False):
            rows.append(tuple("" if v is None else f"{v:.6g}" if isinstance(v, float) else str(v) for v in row))
        return sorted(rows)
    if isinstance(result, bool):
        return [result]
    return sorted((str(s), str(p), str(o)) for s, p, o in result)


@pytest.fixture(scope="module")
def both(virtuoso, tmp_path_factory):
    virtuoso.clear()
    remote = SparqlStore(virtuoso.endpoint)
    disk = OxigraphStore(tmp_path_factory.mktemp("agree") / "store")
    for s in (remote, disk):
        load(s)
    yield remote, disk
    remote.close()
    disk.close()


@pytest.mark.parametrize("name", [n for n in sorted(available()) if n != "stats_quads"])
def test_named_queries_agree_with_oxigraph(both, name):
    remote, disk = both
    b = {p: SAMPLE[p] for p in parameters(name)} or None
    got, want = run(remote, name, b), run(disk, name, b)
    if isinstance(want, pd.DataFrame):
        assert list(got.columns) == list(want.columns)
        if name == "stats_predicates":  # Virtuoso's own graphs count too: compare kg's predicates
            got, want = (df[df["predicate"].str.startswith(ONTOLOGY_NS)] for df in (got, want))
    assert _canonical(got) == _canonical(want)


def test_stats_counts_kgs_quads(both):
    remote, disk = both
    assert remote.count() == disk.count()
    assert stats(remote)["entities"].equals(stats(disk)["entities"])


# --- the CLI, end to end ---------------------------------------------------------------------


def test_cli_against_the_server(virtuoso, tmp_path, capsys, monkeypatch):
    virtuoso.clear()
    monkeypatch.setenv("KG_STORE", virtuoso.endpoint)
    folder = tmp_path / "articles"
    write_articles(folder, 12, seed=3)
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02 binary")

    def kg(*args) -> tuple[int, str, str]:
        code = kg_main(list(args))
        out, err = capsys.readouterr()
        return code, out, err

    code, out, err = kg("ingest", "--no-progress", str(folder))
    assert code == 2 and "rejected" in err and "broken.txt" in err
    first = out.strip()
    assert first.startswith("12 ingested")
    code, out, _ = kg("ingest", "--no-progress", "-j", "2", str(folder))
    assert out.strip().startswith("0 ingested") and "12 unchanged" in out
    code, out, _ = kg("query", "stats_quads", "--format", "json")
    assert code == 0 and json.loads(out)[0]["graphs"] >= 12
    code, out, _ = kg("stats")
    assert code == 0 and "documents" in out
    code, out, _ = kg("query", "SELECT ?d WHERE { ?d a kg:Document } ORDER BY ?d LIMIT 1", "--format", "csv")
    assert code == 0 and out.splitlines()[1] == doc_iri("synth-000000")
    nq = tmp_path / "graph.nq"
    code, _, _ = kg("export", "--format", "nquads", "-o", str(nq))
    assert code == 0 and nq.stat().st_size > 0
    code, _, _ = kg("export", "--format", "graphml", "-o", str(tmp_path / "g.graphml"))
    assert code == 0
    code, out, _ = kg("viz", "-o", str(tmp_path / "g.html"))
    assert code == 0 and (tmp_path / "g.html").stat().st_size > 0
    code, out, err = kg("remove", "synth-000000", "nothing-here")
    assert code == 1 and "removed synth-000000" in out and "nothing-here" in err
    with SparqlStore(virtuoso.endpoint) as s:
        assert len(s.documents()) == 11


# --- the bulk path: an embedded build, N-Quads, the server's own loader ---------------------------


def test_bulk_load_of_an_export_with_meta(virtuoso, tmp_path, capsys):
    """Build locally, ``kg export --format nquads --with-meta``, load the file
    with Virtuoso's bulk loader (ld_dir + rdf_loader_run): kg then reads the
    server as a whole store, and the answers are the embedded store's."""
    folder = tmp_path / "articles"
    write_articles(folder, 20, seed=11)
    local = tmp_path / "local"
    assert kg_main(["--store", str(local), "ingest", "--no-progress", str(folder)]) == 0
    nq = virtuoso.folder / "bulk.nq"  # in the server's DirsAllowed
    assert kg_main(["--store", str(local), "export", "--format", "nquads", "--with-meta", "-o", str(nq)]) == 0
    capsys.readouterr()

    def bulk_load(path) -> None:
        virtuoso.clear()
        virtuoso.bulk_load(path)

    try:
        bulk_load(nq)
        with OxigraphStore(local, read_only=True) as mine, SparqlStore(virtuoso.endpoint, read_only=True) as server:
            assert server.count() == mine.count() > 0
            assert server.documents() == mine.documents()
            for name in ("met", "cooperation"):
                ours = run(mine, name)
                theirs = run(server, name)
                assert len(theirs) == len(ours) > 0
        assert kg_main(["--store", virtuoso.endpoint, "stats"]) == 0
        assert "documents" in capsys.readouterr().out

        # Without the meta graph the server holds kg's documents but no layout
        # version: kg says so in one line instead of guessing.
        plain = virtuoso.folder / "plain.nq"
        assert kg_main(["--store", str(local), "export", "--format", "nquads", "-o", str(plain)]) == 0
        bulk_load(plain)
        capsys.readouterr()
        assert kg_main(["--store", virtuoso.endpoint, "stats"]) != 0
        err = capsys.readouterr().err
        assert "layout version none" in err and "Traceback" not in err
    finally:
        virtuoso.clear()
        virtuoso.sql("delete from DB.DBA.load_list;")
