"""kg.analysis.network: the store as one networkx graph with the evidence of every edge.

Built from real articles (the seed article and the shared dev corpus, read
where they are) and from small hand-made extractions whose every fact is
known. The builders are in tests/graphdata.py.
"""
from __future__ import annotations

import pytest

from kg.analysis import build_graph, find_entity, node_label

from tests.conftest import DEV as CORPUS_DEV
from tests.graphdata import KAMRAN, RAISI, iri


needs_dev_corpus = pytest.mark.skipif(not (CORPUS_DEV / "az-0001.txt").exists(),
                                      reason=f"the shared dev corpus is not at {CORPUS_DEV}")


# --- the graph from real articles ---------------------------------------------------------------


def _edges_between(G, a, b):
    return [(u, v, d) for u, v, d in G.edges(data=True) if {u, v} == {a, b}]


def test_seed_article_met_edge_with_evidence(seed_store):
    G = build_graph(seed_store)
    k, r = find_entity(G, KAMRAN), find_entity(G, RAISI)
    met = [(u, v, d) for u, v, d in _edges_between(G, k, r) if d["predicate"] == "met"]
    assert len(met) == 1, "a symmetric relation is one edge, not one per direction"
    u, v, d = met[0]
    assert d["symmetric"] is True and u < v
    assert d["evidence"], "every extracted edge has its evidence"
    ev = d["evidence"][0]
    assert KAMRAN in ev["sentence"] and "Al-Raisi" in ev["sentence"]
    assert ev["doc"] == "az-0001" and 0 < ev["confidence"] <= 1 and ev["rule"]
    # spans are relative to the sentence; the subject span is the edge's source
    names = {k: "Əliyev", r: "Al-Raisi"}
    if ev["subject_span"] and ev["object_span"]:
        assert names[u] in ev["sentence"][slice(*ev["subject_span"])]
        assert names[v] in ev["sentence"][slice(*ev["object_span"])]
    assert G.nodes[k]["type"] == "Person" and G.nodes[k]["labels"]["az"] == KAMRAN
    assert G.nodes[k]["sources"] == 1


def test_built_with_a_few_selects_not_one_per_edge(clubs_store, corpus_store):
    for store in (clubs_store, corpus_store):
        calls = []
        original = store.select

        def counting(sparql, bindings=None, timeout=None, _orig=original):
            calls.append(sparql)
            return _orig(sparql, bindings, timeout)

        store.select = counting
        try:
            G = build_graph(store)
        finally:
            del store.select
        assert G.number_of_edges() > 0
        assert len(calls) <= 6, len(calls)


@needs_dev_corpus
def test_corpus_graph_is_consistent(corpus_store):
    G = build_graph(corpus_store)
    assert G.number_of_nodes() > 50 and G.number_of_edges() > 50
    docs = G.graph["documents"]
    assert "az-0001" in docs and docs["az-0001"]["url"].startswith("https://")
    for u, v, k, d in G.edges(keys=True, data=True):
        assert k == d["predicate"]
        if d["symmetric"]:
            assert u < v and not G.has_edge(v, u, key=k)
        assert d["sources"] == len({e["doc"] for e in d["evidence"]})
        for e in d["evidence"]:
            assert e["sentence"] and e["doc"] in docs
            for span in (e["subject_span"], e["object_span"]):
                if span:
                    assert 0 <= span[0] < span[1] <= len(e["sentence"])
    for n, a in G.nodes(data=True):
        assert a["type"] in {"Person", "Organization", "Country", "Place", "Event"}
        assert a["sources"] >= 1 and a["label"]
        if a["first_date"]:
            assert a["first_date"] <= a["last_date"]


# --- the graph from hand-made articles ------------------------------------------------------------


def test_node_attributes(clubs):
    anar = clubs.nodes[iri("Person", "Anar Məmmədov")]
    assert anar["labels"] == {"az": "Anar Məmmədov", "en": "Anar Mammadov"}
    assert "A. Məmmədov" in anar["aliases"] and "Anar Məmmədov" not in anar["aliases"]
    assert anar["sources"] == 2 and (anar["first_date"], anar["last_date"]) == ("2023-05", "2024-02")
    az = clubs.nodes[iri("Country", "Azərbaycan")]
    assert az["wikidata"] == "Q227" and az["type"] == "Country" and az["sources"] == 2
    assert node_label(az, "en") == "Azerbaijan" and node_label(az, "az") == "Azərbaycan"
    elvin = clubs.nodes[iri("Person", "Elvin Quliyev")]
    assert node_label(elvin, "en") == "Elvin Quliyev"  # no English label: falls back to az


def test_edge_evidence_merges_documents_and_directions(clubs):
    a, e = iri("Person", "Anar Məmmədov"), iri("Person", "Elvin Quliyev")
    edges = _edges_between(clubs, a, e)
    assert len(edges) == 1
    u, v, d = edges[0]
    assert d["predicate"] == "met" and d["symmetric"] and d["sources"] == 2
    assert [x["doc"] for x in d["evidence"]] == ["club-1", "club-2"]  # best confidence first
    assert d["confidence"] == 0.9 and (d["first_date"], d["last_date"]) == ("2023-05", "2024-02")
    for ev in d["evidence"]:
        s = ev["sentence"]
        assert s[slice(*ev["subject_span"])] == clubs.nodes[u]["label"]
        assert s[slice(*ev["object_span"])] == clubs.nodes[v]["label"]
        assert ev["url"].startswith("https://example.org/club-") and ev["title"].startswith("Club")


def test_directed_edges_keep_their_direction(clubs):
    e, n = iri("Person", "Elvin Quliyev"), iri("Organization", "Xarici İşlər Nazirliyi")
    assert clubs.has_edge(e, n, key="heads") and not clubs.has_edge(n, e, key="heads")
    d = clubs.edges[e, n, "heads"]
    assert d["symmetric"] is False and d["confidence"] == 0.7
    assert d["evidence"][0]["sentence"][slice(*d["evidence"][0]["subject_span"])] == "Elvin Quliyev"
