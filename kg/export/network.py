"""The network as GraphML or GEXF: attributes flattened to what those formats
hold (strings, numbers, booleans)."""
from __future__ import annotations

import os
from pathlib import Path
from typing import BinaryIO

import networkx as nx

from ..analysis import OTHER_TYPE, build_graph, node_label
from ..errors import InputError
from ..store import Store

NETWORK_FORMATS = ("graphml", "gexf")


def flat_graph(G: nx.MultiDiGraph, lang: str = "az") -> nx.MultiDiGraph:
    """A copy whose attributes are strings, numbers and booleans only (what
    GraphML and GEXF can hold): labels per language, aliases joined by " | ",
    evidence reduced to counts, the best sentence and the documents."""
    F = nx.MultiDiGraph()
    for n, a in G.nodes(data=True):
        attrs = {"label": node_label(a, lang), "key": a.get("key") or n, "type": a.get("type") or OTHER_TYPE,
                 "sources": int(a.get("sources") or 0), "degree": G.degree(n)}
        for lg, text in sorted((a.get("labels") or {}).items()):
            attrs[f"label_{lg or 'none'}"] = text
        if a.get("aliases"):
            attrs["aliases"] = " | ".join(a["aliases"])
        for field in ("wikidata", "first_date", "last_date"):
            if a.get(field):
                attrs[field] = str(a[field])
        F.add_node(n, **attrs)
    for u, v, k, d in G.edges(keys=True, data=True):
        ev = d.get("evidence") or []
        attrs = {"label": d["predicate"], "predicate": d["predicate"], "predicate_iri": d["predicate_iri"],
                 "symmetric": bool(d["symmetric"]), "evidence_count": len(ev),
                 "sources": int(d.get("sources") or 0),
                 "docs": " | ".join(sorted({e["doc"] for e in ev if e.get("doc")}))}
        if d.get("confidence") is not None:
            attrs["confidence"] = float(d["confidence"])
        for field in ("first_date", "last_date"):
            if d.get(field):
                attrs[field] = str(d[field])
        if ev and ev[0].get("sentence"):
            attrs["sentence"] = ev[0]["sentence"]
            for field in ("url", "rule"):
                if ev[0].get(field):
                    attrs[field] = str(ev[0][field])
        F.add_edge(u, v, key=k, **attrs)
    return F


def export_network(store_or_graph: Store | nx.MultiDiGraph, target: str | os.PathLike | BinaryIO,
                   fmt: str = "graphml", *, lang: str = "az") -> None:
    """Write the network as GraphML or GEXF to a path or a binary stream."""
    if fmt not in NETWORK_FORMATS:
        raise InputError(f"unknown network format {fmt!r}; use graphml or gexf")
    G = store_or_graph if isinstance(store_or_graph, nx.Graph) else build_graph(store_or_graph)
    F = flat_graph(G, lang)
    write = nx.write_graphml if fmt == "graphml" else nx.write_gexf
    if isinstance(target, (str, os.PathLike)):
        path = Path(target)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".part")
        write(F, str(tmp))
        tmp.replace(path)
    else:
        write(F, target)
