"""kg.analysis.views: the network cut to size."""
from __future__ import annotations

import pytest

from kg.analysis import ego_network, filter_graph, query_graph
from kg.errors import InputError, QueryError

from tests.graphdata import iri


def test_filter_graph(clubs):
    met = filter_graph(clubs, predicates=["met"])
    assert {d["predicate"] for *_, d in met.edges(data=True)} == {"met"}
    assert iri("Country", "Azərbaycan") not in met  # lost its only edge
    orgs = filter_graph(clubs, types="Organization,Country")
    assert set(orgs) == {iri("Organization", "Xarici İşlər Nazirliyi"), iri("Country", "Azərbaycan")}
    strong = filter_graph(clubs, min_sources=2)
    assert [(d["predicate"], d["sources"]) for *_, d in strong.edges(data=True)] == [("met", 2)]
    assert set(strong) == {iri("Person", "Anar Məmmədov"), iri("Person", "Elvin Quliyev")}
    with pytest.raises(InputError, match="unknown predicate"):
        filter_graph(clubs, predicates=["likes"])
    with pytest.raises(InputError, match="unknown type"):
        filter_graph(clubs, types=["Animal"])


def test_ego_network(clubs):
    ego = ego_network(clubs, "Bəxtiyar Əliyev", 1)
    assert set(ego) == {iri("Person", n) for n in ("Bəxtiyar Əliyev", "Fərid Həsənov", "Qasım Rzayev")}
    assert ego.graph["focus"] == iri("Person", "Bəxtiyar Əliyev")
    assert ego_network(clubs, "Bəxtiyar Əliyev", 2).number_of_nodes() == 7
    assert set(ego_network(clubs, "Bəxtiyar Əliyev", 0)) == {iri("Person", "Bəxtiyar Əliyev")}


def test_query_graph_construct_and_select(clubs, clubs_store, tmp_path):
    construct = "CONSTRUCT { ?s kg:met ?o } WHERE { ?s kg:met ?o . ?s a kg:Person . ?o a kg:Person }"
    G = query_graph(clubs, clubs_store, construct)
    assert {d["predicate"] for *_, d in G.edges(data=True)} == {"met"}
    assert G.number_of_edges() == 8  # both RDF directions of a symmetric fact are one edge
    assert all(d["evidence"] for *_, d in G.edges(data=True))
    rq = tmp_path / "heads.rq"
    rq.write_text("SELECT ?s ?p ?o WHERE { ?s ?p ?o . VALUES ?p { kg:heads kg:partOf } }", encoding="utf-8")
    H = query_graph(clubs, clubs_store, str(rq))
    assert sorted(d["predicate"] for *_, d in H.edges(data=True)) == ["heads", "partOf"]
    assert H.nodes[iri("Country", "Azərbaycan")]["wikidata"] == "Q227"  # node attributes kept
    with pytest.raises(QueryError, match=r"\?s \?p \?o"):
        query_graph(clubs, clubs_store, "SELECT ?a WHERE { ?a a kg:Person }")
    with pytest.raises(QueryError):
        query_graph(clubs, clubs_store, "ASK { ?s ?p ?o }")
