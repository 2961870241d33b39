"""kg.analysis and kg.export.network: the store as a networkx graph, network questions, GraphML/GEXF.

Built from real articles (the seed article and the shared dev corpus, read
where they are) and from small hand-made extractions whose every fact is
known. The builders are in tests/graphdata.py.
"""
from __future__ import annotations

import io
import json

import networkx as nx
import pandas as pd
import pytest
from click.testing import CliRunner

from kg.config import ENTITY_NS
from kg.errors import InputError, QueryError
from kg.analysis import (analyze, bridges, build_graph, centrality, communities, community_summary,
                         ego_network, filter_graph, find_entity, node_label, paths_frame, query_graph,
                         shortest_paths)
from kg.export import export_network
from kg.store import open_store

from tests.conftest import DEV as CORPUS_DEV
from tests.graphdata import KAMRAN, RAISI, iri, two_clubs, write_docs

needs_dev_corpus = pytest.mark.skipif(not (CORPUS_DEV / "az-0001.txt").exists(),
                                      reason=f"the shared dev corpus is not at {CORPUS_DEV}")


# --- fixtures (the stores are in conftest.py) -----------------------------------------------


@pytest.fixture(scope="module")
def clubs(clubs_store):
    return build_graph(clubs_store)


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


def test_find_entity(clubs):
    anar = iri("Person", "Anar Məmmədov")
    assert find_entity(clubs, "Anar Məmmədov") == anar
    assert find_entity(clubs, "anar mammadov") == anar  # English label, case-folded
    assert find_entity(clubs, "A. Məmmədov") == anar  # alias
    assert find_entity(clubs, "person/anar-memmedov") == anar  # key
    assert find_entity(clubs, anar) == anar  # IRI
    assert find_entity(clubs, "Bəxtiyar") == iri("Person", "Bəxtiyar Əliyev")  # unique partial match
    with pytest.raises(InputError, match="no entity"):
        find_entity(clubs, "Nobody Anywhere")
    with pytest.raises(InputError, match=r"matches \d+ entities"):
        find_entity(clubs, "ov")  # Məmmədov, Həsənov: ambiguous


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


# --- network questions --------------------------------------------------------------------------------


def test_centrality(clubs):
    df = centrality(clubs)
    assert list(df.columns[:6]) == ["entity", "type", "degree", "relations", "degree_centrality", "betweenness"]
    assert len(df) == clubs.number_of_nodes()
    top = df.iloc[0]
    assert top["degree"] == 3 and top["entity"] in ("Elvin Quliyev", "Fərid Həsənov", "Qasım Rzayev")
    by_name = df.set_index("entity")
    # Fərid stands between the four on his side and the four beyond him
    assert by_name.loc["Fərid Həsənov", "betweenness"] == df["betweenness"].max()
    assert by_name.loc["Bəxtiyar Əliyev", "betweenness"] > by_name.loc["Anar Məmmədov", "betweenness"] == 0
    assert centrality(clubs, top=3).shape[0] == 3
    assert centrality(clubs, lang="en")["entity"].isin(["Azerbaijan"]).any()


def test_communities_and_bridges(clubs):
    comms = communities(clubs)
    assert set(comms.columns) >= {"community", "size", "hub", "entity", "type", "degree", "iri"}
    of = dict(zip(comms["entity"], comms["community"]))
    assert of["Qasım Rzayev"] == of["Rəşad Babayev"] == of["Sənan Hüseynov"]
    assert of["Anar Məmmədov"] == of["Elvin Quliyev"]
    assert of["Anar Məmmədov"] != of["Qasım Rzayev"]
    greedy = communities(clubs, method="greedy")
    assert greedy["community"].nunique() >= 2
    with pytest.raises(InputError):
        communities(clubs, method="astrology")
    summary = community_summary(comms)
    assert summary["size"].sum() == clubs.number_of_nodes()
    br = bridges(clubs, comms)
    assert not br.empty and (br["communities_reached"] >= 1).all()
    names = set(br["entity"])
    assert "Bəxtiyar Əliyev" in names or {"Fərid Həsənov", "Qasım Rzayev"} & names
    tables = analyze(clubs, top=2)
    assert set(tables) == {"central", "communities", "bridges"}
    assert len(tables["central"]) == 2 and len(tables["communities"]) == clubs.number_of_nodes()


def test_shortest_paths_with_evidence(clubs):
    paths = shortest_paths(clubs, "Anar Məmmədov", "Sənan Hüseynov")
    assert len(paths) == 1 and len(paths[0]) == 4
    hops = paths[0]
    assert [h["source"] for h in hops] == ["Anar Məmmədov", "Fərid Həsənov", "Bəxtiyar Əliyev", "Qasım Rzayev"]
    assert hops[-1]["target"] == "Sənan Hüseynov"
    for h in hops:
        assert h["predicate"] == "met" and h["direction"] == "--"
        assert h["sentence"] and h["doc"] in ("club-1", "club-2") and h["url"]
    df = paths_frame(paths)
    assert list(df["hop"]) == [1, 2, 3, 4] and (df["path"] == 1).all()
    # a directed relation followed against its direction says so
    back = shortest_paths(clubs, "Azərbaycan", "Xarici İşlər Nazirliyi", lang="en")
    assert back[0][0]["direction"] == "<-" and back[0][0]["predicate"] == "partOf"
    assert back[0][0]["source"] == "Azerbaijan" and back[0][0]["target"] == "Ministry of Foreign Affairs"
    one = shortest_paths(clubs, "Anar Məmmədov", "Fərid Həsənov")
    assert len(one) == 1 and len(one[0]) == 1
    with pytest.raises(InputError):
        shortest_paths(clubs, "Anar Məmmədov", "Anar Məmmədov")


def test_no_path(clubs):
    G = clubs.copy()
    G.add_node(ENTITY_NS + "person/loner", key="person/loner", type="Person", labels={"az": "Tənha Adam"},
               label="Tənha Adam", aliases=[], wikidata=None, sources=1, first_date=None, last_date=None)
    assert shortest_paths(G, "Anar Məmmədov", "Tənha Adam") == []
    assert paths_frame([]).empty


# --- export ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_export_network(clubs_store, clubs, tmp_path, fmt):
    target = tmp_path / f"g.{fmt}"
    export_network(clubs_store, target, fmt)
    read = nx.read_graphml if fmt == "graphml" else nx.read_gexf
    H = read(str(target))
    assert H.number_of_nodes() == clubs.number_of_nodes()
    assert H.number_of_edges() == clubs.number_of_edges()
    anar = H.nodes[iri("Person", "Anar Məmmədov")]
    assert anar["label"] == "Anar Məmmədov" and anar["label_en"] == "Anar Mammadov"
    assert anar["type"] == "Person" and int(anar["sources"]) == 2 and "A. Məmmədov" in anar["aliases"]
    assert H.nodes[iri("Country", "Azərbaycan")]["wikidata"] == "Q227"
    for *_, d in H.edges(data=True):
        assert d["predicate"] in {"met", "heads", "partOf"}
        assert int(d["evidence_count"]) >= 1 and d["sentence"] and d["docs"].startswith("club-")
        assert isinstance(d["symmetric"], bool) or str(d["symmetric"]).lower() in ("true", "false")
    buf = io.BytesIO()
    export_network(clubs, buf, fmt)  # a stream, and a graph instead of a store
    assert buf.getvalue().startswith(b"<?xml")
    with pytest.raises(InputError):
        export_network(clubs, buf, "dot")


# --- the commands -----------------------------------------------------------------------------------------


def _kg(store_path, *args):
    from kg.cli import cli
    return CliRunner().invoke(cli, ["--store", str(store_path), *args], catch_exceptions=False)


@pytest.fixture(scope="module")
def clubs_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("clubs-cli") / "store"
    write_docs(open_store(str(path)), two_clubs()).close()
    return path


def test_cli_analyze(clubs_path, tmp_path):
    r = _kg(clubs_path, "analyze", "--top", "3", "--csv", str(tmp_path / "out"))
    assert r.exit_code == 0, r.output
    assert "Most central" in r.output and "Communities" in r.output and "Bridges" in r.output
    assert "Bəxtiyar Əliyev" in r.output
    central = pd.read_csv(tmp_path / "out" / "central.csv")
    assert len(central) == 9 and {"entity", "degree", "betweenness"} <= set(central.columns)
    assert (tmp_path / "out" / "communities.csv").exists() and (tmp_path / "out" / "bridges.csv").exists()
    r = _kg(clubs_path, "analyze", "--predicates", "heads,partOf", "--method", "greedy")
    assert r.exit_code == 0 and "Anar" not in r.output


def test_cli_path(clubs_path):
    r = _kg(clubs_path, "path", "Anar Məmmədov", "Qasım Rzayev")
    assert r.exit_code == 0, r.output
    assert "Path 1 of 1 (3 hops)" in r.output
    assert "Bəxtiyar Əliyev Qasım Rzayev ilə görüşüb." in r.output and "club-2" in r.output
    r = _kg(clubs_path, "path", "Anar Məmmədov", "Qasım Rzayev", "--format", "json")
    hops = json.loads(r.output)[0]
    assert [h["predicate"] for h in hops] == ["met", "met", "met"]
    r = _kg(clubs_path, "path", "Anar Məmmədov", "Qasım Rzayev", "--format", "csv")
    assert r.output.splitlines()[0].startswith("path,hop,source")


def test_cli_path_errors(clubs_path):
    from kg.cli import main
    assert main(["--store", str(clubs_path), "path", "Anar Məmmədov", "Nobody Known"]) == InputError.exit_code


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_cli_export_network(clubs_path, tmp_path, fmt):
    out = tmp_path / f"g.{fmt}"
    r = _kg(clubs_path, "export", "--format", fmt, "-o", str(out))
    assert r.exit_code == 0, r.output
    H = (nx.read_graphml if fmt == "graphml" else nx.read_gexf)(str(out))
    assert H.number_of_edges() == 10
