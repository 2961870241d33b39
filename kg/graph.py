"""The store as a network: networkx graphs, network questions, GraphML/GEXF.

``build_graph(store)`` reads the whole knowledge graph with five SPARQL
SELECTs (entities, labels, Wikidata items, documents, assertions), never
one query per edge, and returns a ``networkx.MultiDiGraph``:

* nodes are entity IRIs, with ``type`` (Person, Organization, ...),
  ``labels`` ({lang: preferred label}), ``label`` (az, else en, else any),
  ``aliases``, ``wikidata`` ("Q227" or None), ``sources`` (documents that
  mention it), ``first_date`` / ``last_date`` (of those documents);
* edges are keyed by predicate: ``predicate`` (local name, e.g. "met"),
  ``predicate_iri``, ``symmetric``, ``evidence`` (a list of
  ``{sentence, doc, url, title, date, confidence, rule, subject_span,
  object_span}``, spans relative to the sentence, the subject span being
  the edge's source), ``sources``, ``confidence`` (the best),
  ``first_date`` / ``last_date``.

A symmetric relation (met, cooperatesWith) is stored in RDF in both
directions; here it is one edge, from the smaller IRI to the larger, whose
evidence merges both statements.

On top of it: ``centrality``, ``communities``, ``bridges``, ``analyze``
(DataFrames), ``find_entity``, ``shortest_paths`` / ``paths_frame``,
cutting the graph to size (``filter_graph``, ``ego_network``,
``query_graph``) and ``export_network`` (GraphML / GEXF, lists flattened).
"""
from __future__ import annotations

import itertools
import os
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO

import networkx as nx
import pandas as pd
from rdflib import Graph as RdfGraph
from rdflib import URIRef

from .config import ENTITY_NS, ONTOLOGY_NS
from .errors import InputError, QueryError
from .normalize import lookup_key
from .store import Store
from .vocab import entity_classes, relations

NETWORK_FORMATS = ("graphml", "gexf")
OTHER_TYPE = "Other"  # a node a --query returns that is no typed entity

# --- reading the store ----------------------------------------------------------------


def _values(var: str, iris: Iterable[str]) -> str:
    return f"VALUES ?{var} {{ {' '.join(f'<{i}>' for i in iris)} }}"


def _q_entities() -> str:
    return f"""SELECT DISTINCT ?e ?type ?g WHERE {{
  {_values('type', entity_classes().values())}
  GRAPH ?g {{ ?e a ?type }}
}}"""


def _q_labels() -> str:
    return f"""SELECT DISTINCT ?e ?kind ?label ?lang WHERE {{
  {_values('type', entity_classes().values())}
  ?e a ?type .
  {{ ?e skos:prefLabel ?label BIND("pref" AS ?kind) }}
  UNION {{ ?e skos:altLabel ?label BIND("alt" AS ?kind) }}
  BIND(LANG(?label) AS ?lang)
}}"""


_Q_WIKIDATA = "SELECT DISTINCT ?e ?wd WHERE { ?e kg:wikidata ?wd }"

_Q_DOCUMENTS = """SELECT ?g ?id ?url ?date ?title WHERE {
  GRAPH ?g {
    ?g a kg:Document .
    OPTIONAL { ?g dcterms:identifier ?id }
    OPTIONAL { ?g schema:url ?url }
    OPTIONAL { ?g dcterms:date ?date }
    OPTIONAL { ?g dcterms:title ?title }
  }
}"""

_Q_ASSERTIONS = """SELECT ?g ?a ?s ?p ?o ?sent ?text ?sstart ?conf ?rule ?ss ?se ?os ?oe WHERE {
  GRAPH ?g {
    ?a a kg:Assertion ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
    OPTIONAL { ?a kg:sentence ?sent .
               OPTIONAL { ?sent kg:text ?text }
               OPTIONAL { ?sent kg:start ?sstart } }
    OPTIONAL { ?a kg:confidence ?conf }
    OPTIONAL { ?a kg:rule ?rule }
    OPTIONAL { ?a kg:subjectStart ?ss }
    OPTIONAL { ?a kg:subjectEnd ?se }
    OPTIONAL { ?a kg:objectStart ?os }
    OPTIONAL { ?a kg:objectEnd ?oe }
  }
}"""


def _q_edges() -> str:
    return f"""SELECT DISTINCT ?s ?p ?o WHERE {{
  {_values('p', (r.iri for r in relations().values()))}
  ?s ?p ?o . FILTER(isIRI(?o))
}}"""


def _rows(df: pd.DataFrame) -> Iterable[dict]:
    """Rows as dicts with None (never NaN) for unbound cells."""
    cols = list(df.columns)
    for values in df.itertuples(index=False, name=None):
        yield {c: (None if _missing(v) else v) for c, v in zip(cols, values)}


def _missing(v) -> bool:
    return v is None or (isinstance(v, float) and v != v)


def _int(v) -> int | None:
    try:
        return None if _missing(v) else int(v)
    except (TypeError, ValueError):
        return None


def _local(iri: str) -> str:
    if iri.startswith(ONTOLOGY_NS):
        return iri[len(ONTOLOGY_NS):]
    for sep in ("#", "/"):
        if sep in iri.rstrip(sep):
            return iri.rstrip(sep).rsplit(sep, 1)[1]
    return iri


def _key(iri: str) -> str:
    return iri[len(ENTITY_NS):] if iri.startswith(ENTITY_NS) else iri


def _span(start, end, offset) -> list[int] | None:
    start, end = _int(start), _int(end)
    if start is None or end is None:
        return None
    off = _int(offset) or 0
    return [start - off, end - off]


def _pick_label(candidates: Counter) -> str:
    """The most frequent label; ties broken by the shortest, then alphabetically."""
    return sorted(candidates.items(), key=lambda kv: (-kv[1], len(kv[0]), kv[0]))[0][0]


def build_graph(store: Store) -> nx.MultiDiGraph:
    """The whole stored graph as a MultiDiGraph (see the module docstring)."""
    types_by_iri = {str(v): k for k, v in entity_classes().items()}
    docs: dict[str, dict] = {}
    for r in _rows(store.select(_Q_DOCUMENTS)):
        d = docs.setdefault(r["g"], {"doc": r["id"] or _local(r["g"]), "url": None,
                                     "title": None, "date": None})
        for field in ("url", "title", "date"):
            if d[field] is None and r[field] is not None:
                d[field] = str(r[field])

    G = nx.MultiDiGraph()
    G.graph["documents"] = {d["doc"]: {**d, "iri": g} for g, d in docs.items()}

    node_docs: dict[str, set[str]] = defaultdict(set)
    node_types: dict[str, Counter] = defaultdict(Counter)
    for r in _rows(store.select(_q_entities())):
        node_types[r["e"]][types_by_iri[r["type"]]] += 1
        node_docs[r["e"]].add(r["g"])

    pref: dict[str, dict[str, Counter]] = defaultdict(lambda: defaultdict(Counter))
    alts: dict[str, set[str]] = defaultdict(set)
    for r in _rows(store.select(_q_labels())):
        if r["kind"] == "pref":
            pref[r["e"]][r["lang"] or ""][str(r["label"])] += 1
        else:
            alts[r["e"]].add(str(r["label"]))
    wikidata = {r["e"]: _local(r["wd"]) for r in _rows(store.select(_Q_WIKIDATA))}

    for e, counts in node_types.items():
        labels = {lang: _pick_label(c) for lang, c in pref[e].items()}
        others = {lbl for c in pref[e].values() for lbl in c} | alts[e]
        aliases = sorted(others - set(labels.values()))
        dates = sorted(docs[g]["date"] for g in node_docs[e] if g in docs and docs[g]["date"])
        G.add_node(e, key=_key(e), type=_pick_label(counts), labels=labels,
                   label=labels.get("az") or labels.get("en") or next(iter(labels.values()), _key(e)),
                   aliases=aliases, wikidata=wikidata.get(e), sources=len(node_docs[e]),
                   first_date=dates[0] if dates else None, last_date=dates[-1] if dates else None)

    rels_by_iri = {str(r.iri): r for r in relations().values()}
    evidence: dict[tuple[str, str, str], dict[tuple, dict]] = defaultdict(dict)
    for r in _rows(store.select(_Q_ASSERTIONS)):
        s, p, o = r["s"], r["p"], r["o"]
        info = rels_by_iri.get(p)
        sspan = _span(r["ss"], r["se"], r["sstart"])
        ospan = _span(r["os"], r["oe"], r["sstart"])
        if info is not None and info.symmetric and s > o:
            s, o, sspan, ospan = o, s, ospan, sspan
        d = docs.get(r["g"], {"doc": _local(r["g"]), "url": None, "title": None, "date": None})
        ev = {"sentence": r["text"], "doc": d["doc"], "url": d["url"], "title": d["title"],
              "date": d["date"], "confidence": r["conf"], "rule": r["rule"],
              "subject_span": sspan, "object_span": ospan}
        dedup = (r["g"], r["sent"], tuple(sspan or ()), tuple(ospan or ()), r["rule"])
        evidence[(s, p, o)].setdefault(dedup, ev)

    triples = {(r["s"], r["p"], r["o"]) for r in _rows(store.select(_q_edges()))}
    for s, p, o in list(triples):
        info = rels_by_iri.get(p)
        if info is not None and info.symmetric and s > o:
            triples.discard((s, p, o))
            triples.add((o, p, s))
    triples |= set(evidence)
    for s, p, o in sorted(triples):
        _add_edge(G, s, p, o, list(evidence.get((s, p, o), {}).values()), rels_by_iri)
    return G


def _ensure_node(G: nx.MultiDiGraph, n: str) -> None:
    if n not in G:
        G.add_node(n, key=_key(n), type=OTHER_TYPE, labels={}, label=_key(n), aliases=[],
                   wikidata=None, sources=0, first_date=None, last_date=None)


def _add_edge(G: nx.MultiDiGraph, s: str, p: str, o: str, evidence: list[dict],
              rels_by_iri: dict | None = None) -> None:
    rels_by_iri = rels_by_iri if rels_by_iri is not None else {str(r.iri): r for r in relations().values()}
    info = rels_by_iri.get(p)
    _ensure_node(G, s)
    _ensure_node(G, o)
    evidence = sorted(evidence, key=lambda e: (-(e["confidence"] or 0), e["date"] or "", e["doc"] or ""))
    dates = sorted(e["date"] for e in evidence if e["date"])
    confidences = [e["confidence"] for e in evidence if e["confidence"] is not None]
    G.add_edge(s, o, key=_local(p), predicate=_local(p), predicate_iri=p,
               symmetric=bool(info and info.symmetric), evidence=evidence,
               sources=len({e["doc"] for e in evidence}),
               confidence=max(confidences) if confidences else None,
               first_date=dates[0] if dates else None, last_date=dates[-1] if dates else None)


# --- labels and lookup -------------------------------------------------------------------


def node_label(attrs: dict, lang: str = "az") -> str:
    """The label in ``lang``, falling back to the other language, then to any."""
    labels = attrs.get("labels") or {}
    other = "en" if lang == "az" else "az"
    return (labels.get(lang) or labels.get(other) or attrs.get("label")
            or next(iter(labels.values()), None) or attrs.get("key") or "?")


def predicate_label(predicate: str, lang: str = "az") -> str:
    info = relations().get(predicate)
    if info is None:
        return predicate
    return info.label_az if lang == "az" else info.label_en


def find_entity(G: nx.MultiDiGraph, name: str) -> str:
    """The node ``name`` denotes: an IRI, a key (``person/kamran-eliyev``),
    or a label or alias in any language (compared by ``lookup_key``).
    Raises InputError when nothing or more than one entity matches."""
    name = name.strip()
    if name in G:
        return name
    if ENTITY_NS + name in G:
        return ENTITY_NS + name
    want = lookup_key(name)
    exact, partial = [], []
    for n, a in G.nodes(data=True):
        keys = {lookup_key(x) for x in [*(a.get("labels") or {}).values(), *(a.get("aliases") or []),
                                          a.get("label") or ""] if x}
        if want in keys:
            exact.append(n)
        elif want and any(want in k for k in keys):
            partial.append(n)
    found = exact or partial
    if len(found) == 1:
        return found[0]
    if not found:
        raise InputError(f"no entity called {name!r} in the graph")
    found.sort(key=lambda n: (-G.degree(n), n))
    listed = "; ".join(f"{G.nodes[n]['label']} ({G.nodes[n]['key']})" for n in found[:8])
    more = f" and {len(found) - 8} more" if len(found) > 8 else ""
    raise InputError(f"{name!r} matches {len(found)} entities: {listed}{more}; "
                     "give the key in parentheses instead")


# --- cutting to size ------------------------------------------------------------------------


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
        for r in _rows(result[["s", "p", "o"]]):
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
        k = _local(p)
        if H.has_edge(s, o, key=k):
            continue
        if G.has_edge(s, o, key=k):
            H.add_edge(s, o, key=k, **G.edges[s, o, k])
        else:
            _add_edge(H, s, p, o, [], rels_by_iri)
    return H


# --- network questions --------------------------------------------------------------------


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


# --- export ------------------------------------------------------------------------------------


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
