"""How two entities are connected: the shortest paths, each hop with its
best evidence."""
from __future__ import annotations

import itertools

import networkx as nx
import pandas as pd

from ..errors import InputError
from .labels import find_entity, node_label, predicate_label
from .measures import simple_graph


def shortest_paths(G: nx.MultiDiGraph, a: str, b: str, *, max_paths: int = 5,
                   lang: str = "az") -> list[list[dict]]:
    """How ``a`` is connected to ``b``: up to ``max_paths`` shortest paths
    (edges followed in either direction), each a list of hops
    ``{source, target, predicate, direction, sentence, doc, url, title, date,
    confidence, evidence_count, other_predicates}``; ``direction`` is "->"
    when the relation runs source to target, "<-" when it runs back, "--"
    for a symmetric one. [] if they are not connected."""
    src, dst = find_entity(G, a), find_entity(G, b)
    if src == dst:
        raise InputError("the two entities are the same")
    U = simple_graph(G)
    try:
        paths = list(itertools.islice(nx.all_shortest_paths(U, src, dst), max_paths))
    except nx.NetworkXNoPath:
        return []
    return [[_hop(G, u, v, lang) for u, v in zip(p, p[1:])] for p in paths]


def _hop(G: nx.MultiDiGraph, u: str, v: str, lang: str) -> dict:
    options = []
    for x, y, direction in ((u, v, "->"), (v, u, "<-")):
        for k, d in (G.get_edge_data(x, y) or {}).items():
            options.append((d, "--" if d["symmetric"] else direction))
    options.sort(key=lambda o: (-(o[0]["confidence"] or 0), -len(o[0]["evidence"]), o[0]["predicate"]))
    d, direction = options[0]
    ev = d["evidence"][0] if d["evidence"] else {}
    return {"source": node_label(G.nodes[u], lang), "target": node_label(G.nodes[v], lang),
            "source_iri": u, "target_iri": v, "predicate": d["predicate"],
            "predicate_label": predicate_label(d["predicate"], lang), "direction": direction,
            "sentence": ev.get("sentence"), "doc": ev.get("doc"), "url": ev.get("url"),
            "title": ev.get("title"), "date": ev.get("date"), "confidence": ev.get("confidence"),
            "evidence_count": len(d["evidence"]),
            "other_predicates": ",".join(sorted({o[0]["predicate"] for o in options[1:]}
                                                - {d["predicate"]}))}


def paths_frame(paths: list[list[dict]]) -> pd.DataFrame:
    """``shortest_paths`` as one table: a row per hop, numbered by path and hop."""
    cols = ["path", "hop", "source", "direction", "predicate", "target", "sentence", "doc", "date",
            "url", "confidence", "evidence_count", "other_predicates"]
    rows = [{"path": i + 1, "hop": j + 1, **{c: h.get(c) for c in cols[2:]}}
            for i, p in enumerate(paths) for j, h in enumerate(p)]
    return pd.DataFrame(rows, columns=cols)
