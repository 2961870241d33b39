"""Cutting the network to size: by relation, type and support
(``filter_graph``), around an entity (``ego_network``), to what a query
returns (``query_graph``), or all three as the page's options ask
(``cut_graph``)."""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import networkx as nx
import pandas as pd
from rdflib import Graph as RdfGraph
from rdflib import URIRef

from ..errors import InputError, KgError, QueryError
from ..store import Store
from ..vocab import entity_classes, relations
from .labels import find_entity
from .network import OTHER_TYPE, add_edge, local_name, rows


def filter_graph(G: nx.MultiDiGraph, *, predicates: Iterable[str] | None = None,
                 types: Iterable[str] | None = None, min_sources: int = 1) -> nx.MultiDiGraph:
    """A copy with only the edges of ``predicates``, the nodes of ``types``,
    and the edges (and nodes) supported by at least ``min_sources`` documents.
    Nodes that had edges and lost all of them to a filter are dropped too."""
    preds = _names(predicates, set(relations()) | {d["predicate"] for *_, d in G.edges(data=True)}, "predicate")
    tset = _names(types, set(entity_classes()) | {OTHER_TYPE}, "type")
    H = nx.MultiDiGraph()
    H.graph.update(G.graph)
    keep_nodes = [n for n, a in G.nodes(data=True)
                  if (tset is None or a.get("type") in tset)
                  and (min_sources <= 1 or (a.get("sources") or 0) >= min_sources or a.get("type") == OTHER_TYPE)]
    H.add_nodes_from((n, G.nodes[n]) for n in keep_nodes)
    for u, v, k, d in G.edges(keys=True, data=True):
        if u in H and v in H and (preds is None or d["predicate"] in preds) \
                and (min_sources <= 1 or d.get("sources", 0) >= min_sources):
            H.add_edge(u, v, key=k, **d)
    if preds is not None or tset is not None or min_sources > 1:
        lost = [n for n in H if H.degree(n) == 0 and G.degree(n) > 0]
        H.remove_nodes_from(lost)
        if min_sources > 1:  # isolated nodes are noise once weak edges are cut
            H.remove_nodes_from([n for n in list(H) if H.degree(n) == 0])
    return H


def _names(values: Iterable[str] | None, known: set[str], what: str) -> set[str] | None:
    if values is None:
        return None
    if isinstance(values, str):
        values = [values]
    out = set()
    lower = {k.lower(): k for k in known}
    for v in values:
        for part in str(v).split(","):
            part = part.strip()
            if not part:
                continue
            if part.lower() not in lower:
                raise InputError(f"unknown {what} {part!r}; use one of {', '.join(sorted(known))}")
            out.add(lower[part.lower()])
    return out or None


def ego_network(G: nx.MultiDiGraph, center: str, depth: int = 1) -> nx.MultiDiGraph:
    """Everything within ``depth`` hops of ``center`` (edges in either direction)."""
    if depth < 0:
        raise InputError("--depth must be 0 or more")
    node = find_entity(G, center)
    reach = nx.single_source_shortest_path_length(G.to_undirected(as_view=True), node, cutoff=depth)
    H = G.subgraph(reach).copy()
    H.graph["focus"] = node
    return H


def query_graph(G: nx.MultiDiGraph, store: Store, query: str,
                bindings: dict | None = None) -> nx.MultiDiGraph:
    """The graph a query returns: the triples of a CONSTRUCT, or the ?s ?p ?o
    rows of a SELECT. ``query`` is SPARQL text or the path of a .rq file.
    Triples between IRIs become edges, with their evidence from ``G`` when
    ``G`` has that edge; other triples (literals, ...) are left out."""
    text = query
    if len(query) < 4096 and "\n" not in query and query.endswith((".rq", ".sparql")):
        try:
            text = Path(query).read_text(encoding="utf-8")
        except OSError as err:
            raise InputError(f"cannot read query file {query}: {err.strerror or err}") from err
    result = store.query(text, bindings)
    triples: list[tuple[str, str, str]] = []
    if isinstance(result, RdfGraph):
        for s, p, o in result:
            if isinstance(s, URIRef) and isinstance(o, URIRef):
                triples.append((str(s), str(p), str(o)))
    elif isinstance(result, pd.DataFrame):
        missing = {"s", "p", "o"} - set(result.columns)
        if missing:
            raise QueryError("a SELECT for a graph must return ?s ?p ?o "
                             f"(missing {', '.join('?' + m for m in sorted(missing))})")
        for r in rows(result[["s", "p", "o"]]):
            if r["s"] and r["p"] and r["o"] and all(":" in str(r[c]) and not str(r[c]).startswith("_:")
                                                     for c in ("s", "o")):
                triples.append((str(r["s"]), str(r["p"]), str(r["o"])))
    else:
        raise QueryError("--query needs a CONSTRUCT or a SELECT of ?s ?p ?o, not an ASK")
    rels_by_iri = {str(r.iri): r for r in relations().values()}
    H = nx.MultiDiGraph()
    H.graph.update(G.graph)
    for s, p, o in triples:
        info = rels_by_iri.get(p)
        if info is not None and info.symmetric and s > o:
            s, o = o, s
        for n in (s, o):
            if n in G and n not in H:
                H.add_node(n, **G.nodes[n])
        k = local_name(p)
        if H.has_edge(s, o, key=k):
            continue
        if G.has_edge(s, o, key=k):
            H.add_edge(s, o, key=k, **G.edges[s, o, k])
        else:
            add_edge(H, s, p, o, [], rels_by_iri)
    return H


def cut_graph(G: nx.MultiDiGraph, store=None, *, focus: str | None = None, depth: int = 1,
              query: str | None = None, predicates=None, types=None, min_sources: int = 1) -> nx.MultiDiGraph:
    """Apply --query, then --predicates/--types/--min-sources, then --focus/--depth."""
    if query is not None:
        if store is None:
            raise KgError("--query needs the store")
        G = query_graph(G, store, query)
    if predicates or types or min_sources > 1:
        G = filter_graph(G, predicates=predicates, types=types, min_sources=min_sources)
    if focus:
        G = ego_network(G, focus, depth)
    return G
