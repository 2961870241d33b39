"""The store as a network: one ``networkx.MultiDiGraph`` with the evidence of every edge.

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
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

import networkx as nx
import pandas as pd

from ..config import ENTITY_NS, ONTOLOGY_NS
from ..store import Store
from ..vocab import entity_classes, relations

OTHER_TYPE = "Other"  # a node a --query returns that is no typed entity


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


def rows(df: pd.DataFrame) -> Iterable[dict]:
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


def local_name(iri: str) -> str:
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
    for r in rows(store.select(_Q_DOCUMENTS)):
        d = docs.setdefault(r["g"], {"doc": r["id"] or local_name(r["g"]), "url": None,
                                     "title": None, "date": None})
        for field in ("url", "title", "date"):
            if d[field] is None and r[field] is not None:
                d[field] = str(r[field])

    G = nx.MultiDiGraph()
    G.graph["documents"] = {d["doc"]: {**d, "iri": g} for g, d in docs.items()}

    node_docs: dict[str, set[str]] = defaultdict(set)
    node_types: dict[str, Counter] = defaultdict(Counter)
    for r in rows(store.select(_q_entities())):
        node_types[r["e"]][types_by_iri[r["type"]]] += 1
        node_docs[r["e"]].add(r["g"])

    pref: dict[str, dict[str, Counter]] = defaultdict(lambda: defaultdict(Counter))
    alts: dict[str, set[str]] = defaultdict(set)
    for r in rows(store.select(_q_labels())):
        if r["kind"] == "pref":
            pref[r["e"]][r["lang"] or ""][str(r["label"])] += 1
        else:
            alts[r["e"]].add(str(r["label"]))
    wikidata = {r["e"]: local_name(r["wd"]) for r in rows(store.select(_Q_WIKIDATA))}

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
    for r in rows(store.select(_Q_ASSERTIONS)):
        s, p, o = r["s"], r["p"], r["o"]
        info = rels_by_iri.get(p)
        sspan = _span(r["ss"], r["se"], r["sstart"])
        ospan = _span(r["os"], r["oe"], r["sstart"])
        if info is not None and info.symmetric and s > o:
            s, o, sspan, ospan = o, s, ospan, sspan
        d = docs.get(r["g"], {"doc": local_name(r["g"]), "url": None, "title": None, "date": None})
        ev = {"sentence": r["text"], "doc": d["doc"], "url": d["url"], "title": d["title"],
              "date": d["date"], "confidence": r["conf"], "rule": r["rule"],
              "subject_span": sspan, "object_span": ospan}
        dedup = (r["g"], r["sent"], tuple(sspan or ()), tuple(ospan or ()), r["rule"])
        evidence[(s, p, o)].setdefault(dedup, ev)

    triples = {(r["s"], r["p"], r["o"]) for r in rows(store.select(_q_edges()))}
    for s, p, o in list(triples):
        info = rels_by_iri.get(p)
        if info is not None and info.symmetric and s > o:
            triples.discard((s, p, o))
            triples.add((o, p, s))
    triples |= set(evidence)
    for s, p, o in sorted(triples):
        add_edge(G, s, p, o, list(evidence.get((s, p, o), {}).values()), rels_by_iri)
    return G


def _ensure_node(G: nx.MultiDiGraph, n: str) -> None:
    if n not in G:
        G.add_node(n, key=_key(n), type=OTHER_TYPE, labels={}, label=_key(n), aliases=[],
                   wikidata=None, sources=0, first_date=None, last_date=None)


def add_edge(G: nx.MultiDiGraph, s: str, p: str, o: str, evidence: list[dict],
              rels_by_iri: dict | None = None) -> None:
    rels_by_iri = rels_by_iri if rels_by_iri is not None else {str(r.iri): r for r in relations().values()}
    info = rels_by_iri.get(p)
    _ensure_node(G, s)
    _ensure_node(G, o)
    evidence = sorted(evidence, key=lambda e: (-(e["confidence"] or 0), e["date"] or "", e["doc"] or ""))
    dates = sorted(e["date"] for e in evidence if e["date"])
    confidences = [e["confidence"] for e in evidence if e["confidence"] is not None]
    G.add_edge(s, o, key=local_name(p), predicate=local_name(p), predicate_iri=p,
               symmetric=bool(info and info.symmetric), evidence=evidence,
               sources=len({e["doc"] for e in evidence}),
               confidence=max(confidences) if confidences else None,
               first_date=dates[0] if dates else None, last_date=dates[-1] if dates else None)
