"""The store contract (kg.store.base), on every backend.

Here on disk (Oxigraph) and in memory (rdflib); tests/store/test_sparql.py
collects every test of this module that takes the ``store`` fixture again,
with a private Virtuoso behind it. The data are the small articles of
tests/store/documents.py run through ``kg.rdf.extraction_quads``.
"""
from __future__ import annotations

import io
import re

import pytest
from rdflib import Dataset, Graph, Literal, URIRef

from kg.config import META_GRAPH
from kg.errors import QueryError
from kg.ids import doc_iri
from kg.store import EXPORT_FORMATS
from kg.store.memory import MemoryStore
from kg.store.oxigraph import OxigraphStore
from kg.vocab import KG

from tests.store.documents import (CORPUS, HOSTILE, doc_hungary, doc_interpol, doc_kazakhstan, extraction, graph_of,
                                   graph_size, iri, load, quads)


# --- fixtures ---------------------------------------------------------------------


@pytest.fixture(params=["oxigraph", "memory"])
def store(request, tmp_path):
    s = OxigraphStore(tmp_path / "store") if request.param == "oxigraph" else MemoryStore()
    yield s
    s.close()


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
