"""kg.query: the named queries (kg/query/*.rq) and their runner, on both embedded backends, over the
corpus of tests/store/documents.py."""
from __future__ import annotations

import re

import pandas as pd
import pytest
from rdflib import Graph, URIRef

from kg.config import META_GRAPH, QUERIES_DIR
from kg.errors import QueryError
from kg.rdf import extraction_quads
from kg.query import available, entity_bindings, load_query, parameters, run, stats
from kg.store.memory import MemoryStore
from kg.store.oxigraph import OxigraphStore
from kg.vocab import KG, entity_classes, relations
from tests.store.documents import HOSTILE, doc_interpol, doc_kazakhstan, graph_of, iri, load

NAMES = sorted(available())
# a binding for each parameter, so that every query has something to find
SAMPLE_BINDINGS = {
    "key": entity_bindings("Kamran Əliyev")["key"],
    "s": URIRef(iri("Kamran Əliyev")),
    "p": KG.met,
    "o": URIRef(iri("Ahmed Naser Al-Raisi")),
    "event": URIRef(iri("Beynəlxalq Antikorrupsiya Forumu")),
}


@pytest.fixture(scope="module")
def stores(tmp_path_factory):
    disk = OxigraphStore(tmp_path_factory.mktemp("q") / "store")
    memory = MemoryStore()
    for s in (disk, memory):
        load(s)
    yield {"oxigraph": disk, "memory": memory}
    disk.close()


@pytest.fixture(params=["oxigraph", "memory"])
def store(request, stores):
    return stores[request.param]


def bindings_for(name: str) -> dict:
    return {p: SAMPLE_BINDINGS[p] for p in parameters(name)}


def canonical(df: pd.DataFrame) -> list[tuple]:
    return sorted(tuple(str(v) for v in row) for row in df.itertuples(index=False))


# --- the query files ------------------------------------------------------------


def test_every_query_has_a_header():
    assert {"met", "evidence", "relations", "cooperation", "events", "timeline",
            "neighbourhood", "stats_entities", "stats_predicates", "stats_relations", "stats_documents",
            "stats_quads"} <= set(NAMES)
    for name in NAMES:
        text = load_query(name)
        assert text.startswith(f"# {name}: "), name
        assert "# Parameters" in text, name
        assert available()[name]
    assert parameters("met") == ["key"]
    assert parameters("evidence") == ["s", "p", "o"]
    assert parameters("cooperation") == []


def test_values_lists_match_the_ontology():
    kg_ns = str(KG.met)[: -len("met")]
    text = load_query("neighbourhood")
    lists = re.findall(r"VALUES \?\w+ \{([^}]*)\}", text) + re.findall(r"IN \(([^)]*)\)", text)
    assert len(lists) == 2
    for block in lists:
        assert {kg_ns + t for t in re.findall(r"kg:(\w+)", block)} == {
            str(r.iri) for r in relations().values()}
    symmetric = {str(r.iri) for r in relations().values() if r.symmetric}
    for name in ("relations", "timeline"):
        block = re.search(r"NOT IN \(([^)]*)\)", load_query(name)).group(1)
        assert {kg_ns + t for t in re.findall(r"kg:(\w+)", block)} == symmetric, name
    for name in ("stats_entities", "stats_quads"):
        block = re.search(r"VALUES \?class \{([^}]*)\}", load_query(name)).group(1)
        assert {kg_ns + t for t in re.findall(r"kg:(\w+)", block)} == {
            str(c) for c in entity_classes().values()}


def test_meta_graph_iri_in_queries():
    for name in ("stats_predicates", "stats_quads"):
        iris = set(re.findall(r"<(https://w3id\.org/kg-news/meta[^>]*)>", load_query(name)))
        assert iris == {META_GRAPH}


def test_load_query_sources(tmp_path):
    assert load_query("met") == (QUERIES_DIR / "met.rq").read_text(encoding="utf-8")
    assert load_query("met.rq") == load_query("met")
    own = tmp_path / "mine.rq"
    own.write_text("SELECT ?x WHERE { ?x a kg:Event }", encoding="utf-8")
    assert load_query(str(own)).startswith("SELECT")
    with pytest.raises(QueryError, match="no query named 'nope'; known: .*met"):
        load_query("nope")
    with pytest.raises(QueryError, match="cannot read"):
        load_query(str(tmp_path / "absent.rq"))
    with pytest.raises(QueryError):
        load_query("../../etc/passwd")


# --- every query on both backends -------------------------------------------------


@pytest.mark.parametrize("name", NAMES)
def test_backends_agree(stores, name):
    results = {k: run(s, name, bindings_for(name)) for k, s in stores.items()}
    a, b = results["oxigraph"], results["memory"]
    if isinstance(a, Graph):
        assert set(a) == set(b) and len(a) > 0
    else:
        assert list(a.columns) == list(b.columns)
        assert canonical(a) == canonical(b)
        assert len(a) > 0, name


# --- what the queries answer -------------------------------------------------------


def test_met(store):
    df = run(store, "met", entity_bindings("Kamran Əliyev"))
    assert list(df.columns) == ["other", "otherLabel", "sentence", "doc", "url", "date", "confidence"]
    rows = {r.otherLabel: r for r in df.itertuples()}
    assert set(rows) == {"Ahmed Naser Al-Raisi", "Berik Asılov"}
    raisi = rows["Ahmed Naser Al-Raisi"]
    assert raisi.other == iri("Ahmed Naser Al-Raisi")
    assert raisi.doc == graph_of(doc_interpol())
    assert raisi.sentence == doc_interpol().sentences[0].text
    assert raisi.url == "https://example.az/news/2024-03-interpol"
    assert raisi.date == "2024-03-12" and raisi.confidence == 0.9
    assert df["otherLabel"].tolist() == ["Berik Asılov", "Ahmed Naser Al-Raisi"]  # newest first


def test_met_matches_typed_names_not_namesakes(store):
    for typed in ("kamran əliyev", "KAMRAN ƏLİYEV", "Kamran  Əliyev,", "kamran eliyev"):
        df = run(store, "met", entity_bindings(typed))
        assert "Ahmed Naser Al-Raisi" in set(df["otherLabel"]), typed
    ilham = run(store, "met", entity_bindings("İlham Əliyev"))
    assert ilham["otherLabel"].tolist() == ["Viktor Orban"]
    assert run(store, "met", entity_bindings("Əliyev")).empty


def test_met_unbound_lists_every_meeting(store):
    df = run(store, "met")
    # three meetings, each seen from both sides (and once per key of the person)
    assert len(df[["other", "doc"]].drop_duplicates()) == 6
    assert set(df["key"]) >= {"kamran eliyev", "ahmed naser al raisi", "ilham eliyev", "ilham aliyev"}


def test_hostile_names_are_inert(store):
    before = store.count()
    for name in (HOSTILE, '"} ; DROP ALL ; #', "Kamran Əliyev\" } UNION { ?x ?p ?o"):
        assert run(store, "met", entity_bindings(name)).empty
        assert run(store, "relations", entity_bindings(name)).empty
        assert len(run(store, "neighbourhood", entity_bindings(name))) == 0
    assert store.count() == before
    with pytest.raises(QueryError):
        entity_bindings(" ;;; ")


def test_evidence(store):
    df = run(store, "evidence", {"s": URIRef(iri("Kamran Əliyev")), "p": KG.met,
                                 "o": URIRef(iri("Ahmed Naser Al-Raisi"))})
    assert len(df) == 1
    row = df.iloc[0]
    ex = doc_interpol()
    assert row["doc"] == graph_of(ex) and row["rule"] == "test.met" and row["confidence"] == 0.9
    assert row["sentence"] == ex.sentences[0].text
    text = ex.article.text
    assert text[row["subjectStart"]:row["subjectEnd"]] == "Kamran Əliyev"
    assert text[row["objectStart"]:row["objectEnd"]] == "Ahmed Naser Al-Raisi"
    # the symmetric edge the other way round has the same evidence, offsets swapped
    back = run(store, "evidence", {"s": URIRef(iri("Ahmed Naser Al-Raisi")), "p": KG.met,
                                   "o": URIRef(iri("Kamran Əliyev"))})
    assert back["sentence"].tolist() == [row["sentence"]]
    assert text[back["objectStart"].iloc[0]:back["objectEnd"].iloc[0]] == "Kamran Əliyev"
    none = run(store, "evidence", {"s": URIRef(iri("Kamran Əliyev")), "p": KG.heads,
                                   "o": URIRef(iri("Ahmed Naser Al-Raisi"))})
    assert none.empty


def test_relations(store):
    df = run(store, "relations", entity_bindings("Azərbaycan"))
    got = {(r.direction, r.relation, r.otherLabel, r.documents) for r in df.itertuples()}
    assert got == {("out", "cooperatesWith", "İnterpol", 2),
                   ("out", "cooperatesWith", "Qazaxıstan", 1),
                   ("in", "heads", "İlham Əliyev", 1)}
    assert df["documents"].tolist()[0] == 2
    assert set(df["predicate"]) == {str(KG.cooperatesWith), str(KG.heads)}


def test_cooperation(store):
    df = run(store, "cooperation")
    got = [(r.aLabel, r.bLabel, r.documents) for r in df.itertuples()]
    assert got == [("Azərbaycan", "İnterpol", 2), ("Azərbaycan", "Qazaxıstan", 1)]


def test_events(store):
    df = run(store, "events")
    assert len(df) == 1
    row = df.iloc[0]
    assert row["eventLabel"] == "Beynəlxalq Antikorrupsiya Forumu"
    assert (row["organizers"], row["chairs"], row["cochairs"], row["places"]) == (
        "Baş Prokurorluq", "Kamran Əliyev", "Berik Asılov", "Bakı")
    assert row["documents"] == 1 and row["first"] == "2024-05"
    other = run(store, "events", {"event": URIRef(iri("Bakı"))})
    assert other.empty


def test_events_with_missing_roles(tmp_path):
    """Unbound lists stay None (no GROUP_CONCAT over unbound values)."""
    ex = doc_kazakhstan()
    ex.relations = [r for r in ex.relations if r.predicate not in ("chairedBy", "cochairedBy")]
    with OxigraphStore(tmp_path / "s") as disk:
        for s in (disk, MemoryStore()):
            s.replace_document(graph_of(ex), list(extraction_quads(ex)))
            row = run(s, "events").iloc[0]
            assert row["chairs"] is None and row["cochairs"] is None
            assert row["organizers"] == "Baş Prokurorluq"


def test_undated_articles_sort_first_on_both_backends(tmp_path):
    """An article without a date next to dated ones: the date-ordered
    questions answer alike on both backends (rdflib's ORDER BY used to raise
    on a mix of bound and unbound dates), the undated fact first in time."""
    undated = doc_interpol()
    undated.article.date = None
    answers = {}
    with OxigraphStore(tmp_path / "s") as disk:
        for name, s in (("oxigraph", disk), ("memory", MemoryStore())):
            load(s, lambda: undated, doc_kazakhstan)
            answers[name] = {
                "timeline": run(s, "timeline", entity_bindings("Kamran Əliyev"))["date"].tolist(),
                "met": run(s, "met", entity_bindings("Kamran Əliyev"))["date"].tolist(),
                "evidence": len(run(s, "evidence", {"s": URIRef(iri("Kamran Əliyev")), "p": KG.met,
                                                    "o": URIRef(iri("Ahmed Naser Al-Raisi"))})),
            }
    assert answers["oxigraph"] == answers["memory"]
    assert answers["memory"]["timeline"] == [None, "2024-05", "2024-05"]
    assert answers["memory"]["met"] == ["2024-05", None]
    assert answers["memory"]["evidence"] == 1


def test_timeline(store):
    df = run(store, "timeline", entity_bindings("Kamran Əliyev"))
    assert df["date"].tolist() == ["2024-03-12", "2024-05", "2024-05"]
    facts = {(r.subjectLabel, r.relation, r.objectLabel) for r in df.itertuples()}
    assert facts == {("Kamran Əliyev", "met", "Ahmed Naser Al-Raisi"),
                     ("Kamran Əliyev", "met", "Berik Asılov"),
                     ("Beynəlxalq Antikorrupsiya Forumu", "chairedBy", "Kamran Əliyev")}


def test_neighbourhood(store):
    g = run(store, "neighbourhood", entity_bindings("Ahmed Naser Al-Raisi"))
    assert isinstance(g, Graph)
    edges = {(str(s), str(p).rsplit("#", 1)[1], str(o)) for s, p, o in g}
    assert (iri("Kamran Əliyev"), "met", iri("Ahmed Naser Al-Raisi")) in edges
    assert (iri("Ahmed Naser Al-Raisi"), "heads", iri("İnterpol")) in edges
    assert (iri("Kamran Əliyev"), "met", iri("Berik Asılov")) in edges  # depth 2
    assert (iri("Azərbaycan"), "cooperatesWith", iri("İnterpol")) in edges  # depth 2
    assert (iri("Berik Asılov"), "memberOf", iri("Qazaxıstan")) not in edges  # depth 3
    assert not any(iri("Viktor Orban") in (s, o) for s, _, o in edges)
    assert {p for _, p, _ in edges} <= set(relations())


def test_stats(store):
    tables = stats(store)
    assert set(tables) == {"entities", "relations", "documents", "quads"}
    entities = dict(zip(tables["entities"]["type"], tables["entities"]["entities"]))
    assert entities == {"Person": 5, "Country": 3, "Organization": 2, "Event": 1, "Place": 1}
    size = tables["quads"].iloc[0]
    assert size["quads"] == store.count() and size["graphs"] == 3 and size["entities"] == 12
    assert run(store, "stats_predicates")["quads"].sum() == store.count()
    rel = tables["relations"].set_index("relation")
    assert set(rel.index) <= set(relations()) and (rel["assertions"] >= rel["facts"]).all()
    assert (rel["documents"] >= 1).all() and (rel["documents"] <= 3).all()
    docs = tables["documents"].iloc[0]
    assert (docs["documents"], docs["languages"], docs["dated"], docs["first"], docs["last"]) == (
        3, "az", 3, "2024-03-12", "2024-07-03")


def test_stats_on_an_empty_store(tmp_path):
    with OxigraphStore(tmp_path / "empty") as s:
        tables = stats(s)
        assert tables["entities"].empty
        assert tables["quads"].iloc[0]["quads"] == 0
        assert tables["documents"].iloc[0]["first"] is None


def test_run_accepts_sparql_text_and_files(store, tmp_path):
    df = run(store, "SELECT ?k ?x WHERE { ?x kg:key ?k }", {"k": "bakı".replace("ı", "i")})
    assert list(df.columns) == ["x"] and df["x"].tolist() == [iri("Bakı")]
    own = tmp_path / "events-here.rq"
    own.write_text("SELECT DISTINCT ?e WHERE { ?e kg:heldIn ?p }", encoding="utf-8")
    assert run(store, str(own))["e"].tolist() == [iri("Beynəlxalq Antikorrupsiya Forumu")]
    assert run(store, "ASK { ?x kg:met ?y }") is True


def test_run_with_timeout(stores):
    disk = stores["oxigraph"]
    df = run(disk, "met", entity_bindings("Kamran Əliyev"), timeout=30)
    assert canonical(df) == canonical(run(disk, "met", entity_bindings("Kamran Əliyev")))
    assert len(run(disk, "neighbourhood", entity_bindings("Kamran Əliyev"), timeout=30)) > 0
