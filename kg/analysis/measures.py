"""Network questions as tables: the most central actors, the communities
and the bridges between them."""
from __future__ import annotations

from collections import Counter

import networkx as nx
import pandas as pd

from ..errors import InputError
from .labels import node_label


def simple_graph(G: nx.MultiDiGraph) -> nx.Graph:
    """Undirected, one edge per connected pair, ``weight`` = number of
    relations between them, ``predicates`` = their names."""
    U = nx.Graph()
    U.add_nodes_from(G.nodes(data=True))
    for u, v, d in G.edges(data=True):
        if u == v:
            continue
        if U.has_edge(u, v):
            U[u][v]["weight"] += 1
            U[u][v]["predicates"].append(d.get("predicate"))
        else:
            U.add_edge(u, v, weight=1, predicates=[d.get("predicate")])
    return U


def betweenness(U: nx.Graph, exact_limit: int = 2000, seed: int = 42) -> dict:
    """Normalised betweenness; past ``exact_limit`` nodes estimated from 500
    sampled sources (exact Brandes is O(nm): minutes at 10^4 nodes)."""
    if U.number_of_nodes() <= exact_limit:
        return nx.betweenness_centrality(U, normalized=True)
    return nx.betweenness_centrality(U, k=min(500, U.number_of_nodes()), normalized=True, seed=seed)


def centrality(G: nx.MultiDiGraph, *, lang: str = "az", top: int | None = None) -> pd.DataFrame:
    """The most central actors: degree (distinct neighbours), relations (edges,
    all predicates), normalised degree centrality and betweenness."""
    U = simple_graph(G)
    deg_c = nx.degree_centrality(U) if len(U) > 1 else {n: 0.0 for n in U}
    btw = betweenness(U)
    rows = [{"entity": node_label(G.nodes[n], lang), "type": G.nodes[n].get("type"),
             "degree": U.degree(n), "relations": G.degree(n),
             "degree_centrality": round(deg_c[n], 4), "betweenness": round(btw[n], 4),
             "sources": G.nodes[n].get("sources", 0), "key": G.nodes[n].get("key", n), "iri": n}
            for n in U]
    df = pd.DataFrame(rows, columns=["entity", "type", "degree", "relations", "degree_centrality",
                                     "betweenness", "sources", "key", "iri"])
    df = df.sort_values(["degree", "betweenness", "entity"], ascending=[False, False, True])
    df = df.reset_index(drop=True)
    return df.head(top) if top else df


def community_sets(G: nx.MultiDiGraph, *, method: str = "louvain", seed: int = 42) -> list[set]:
    """Communities, largest first (isolated nodes are communities of one)."""
    U = simple_graph(G)
    if U.number_of_edges() == 0:
        comms = [{n} for n in U]
    elif method == "louvain":
        comms = nx.community.louvain_communities(U, weight="weight", seed=seed)
    elif method in ("greedy", "greedy_modularity"):
        comms = nx.community.greedy_modularity_communities(U, weight="weight")
    else:
        raise InputError(f"unknown community method {method!r}; use louvain or greedy")
    return sorted((set(c) for c in comms), key=lambda c: (-len(c), min(c)))


def communities(G: nx.MultiDiGraph, *, method: str = "louvain", seed: int = 42,
                lang: str = "az") -> pd.DataFrame:
    """One row per entity: its community (0 = the largest), the community's
    size and its best-connected member (a readable name for it)."""
    U = simple_graph(G)
    rows = []
    for i, members in enumerate(community_sets(G, method=method, seed=seed)):
        hub = max(members, key=lambda n: (U.degree(n), n))
        for n in sorted(members, key=lambda n: (-U.degree(n), n)):
            rows.append({"community": i, "size": len(members), "hub": node_label(G.nodes[hub], lang),
                         "entity": node_label(G.nodes[n], lang), "type": G.nodes[n].get("type"),
                         "degree": U.degree(n), "key": G.nodes[n].get("key", n), "iri": n})
    return pd.DataFrame(rows, columns=["community", "size", "hub", "entity", "type", "degree", "key", "iri"])


def community_summary(comms: pd.DataFrame, members: int = 5) -> pd.DataFrame:
    """One row per community: its size, hub and best-connected members."""
    rows = [{"community": c, "size": len(g), "hub": g["hub"].iloc[0],
             "members": ", ".join(g["entity"].head(members)) + (", …" if len(g) > members else "")}
            for c, g in comms.groupby("community", sort=True)]
    return pd.DataFrame(rows, columns=["community", "size", "hub", "members"])


def bridges(G: nx.MultiDiGraph, comms: pd.DataFrame | None = None, *, lang: str = "az",
            method: str = "louvain", seed: int = 42) -> pd.DataFrame:
    """The entities that link communities: for each node with a neighbour in
    another community, how many other communities it reaches and through how
    many links, with its betweenness. Most-bridging first."""
    if comms is None:
        comms = communities(G, method=method, seed=seed, lang=lang)
    of = dict(zip(comms["iri"], comms["community"]))
    U = simple_graph(G)
    btw = betweenness(U)
    rows = []
    for n in U:
        reached = Counter(of[m] for m in U[n] if of.get(m) != of.get(n))
        if not reached:
            continue
        rows.append({"entity": node_label(G.nodes[n], lang), "type": G.nodes[n].get("type"),
                     "community": of.get(n), "communities_reached": len(reached),
                     "cross_links": sum(reached.values()),
                     "reaches": ",".join(str(c) for c in sorted(reached)),
                     "betweenness": round(btw[n], 4), "key": G.nodes[n].get("key", n), "iri": n})
    df = pd.DataFrame(rows, columns=["entity", "type", "community", "communities_reached", "cross_links",
                                     "reaches", "betweenness", "key", "iri"])
    return df.sort_values(["communities_reached", "cross_links", "betweenness", "entity"],
                          ascending=[False, False, False, True]).reset_index(drop=True)


def analyze(G: nx.MultiDiGraph, *, top: int | None = 20, method: str = "louvain", seed: int = 42,
            lang: str = "az") -> dict[str, pd.DataFrame]:
    """``{"central": ..., "communities": ..., "bridges": ...}``; ``top``
    limits the central and bridges tables (None: all rows)."""
    comms = communities(G, method=method, seed=seed, lang=lang)
    br = bridges(G, comms, lang=lang)
    return {"central": centrality(G, lang=lang, top=top), "communities": comms,
            "bridges": br.head(top) if top else br}
