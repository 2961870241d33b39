"""The interactive graph page: one self-contained, offline HTML file.

``write_page(store, path, ...)`` reads the graph (``kg.analysis``), cuts it to
size (query, predicates, types, sources, ego network), lays it out here in
Python, and writes one HTML file holding everything the page needs:

* **Offline.** vis-network's standalone build (``kg/web/assets``, Apache-2.0 /
  MIT, licence files beside it), the page's CSS and script are inlined; no
  ``src=``/``href=`` points outside the file. A Content-Security-Policy
  (``default-src 'none'``) makes the browser refuse any request the page
  might still try, and lets only the two inline scripts whose SHA-256 it
  lists run.
* **Safe.** Names, sentences, titles and URLs from articles travel as JSON
  inside ``<script type="application/json">`` (``<``, ``>`` and ``&``
  escaped as ``\\u003c`` etc., so no text can close the tag), and the page
  puts them into the document only as text (``textContent``, vis-network
  string tooltips, which it renders as text); links are made only for
  http(s) URLs and for Wikidata ids of the form ``Q123``. An injected
  ``<script>`` or ``onerror=`` could not run anyway: the CSP allows neither.
* **Fast.** Positions are computed before the page is written (see
  ``kg.web.layout``: Fruchterman-Reingold with grid / FFT-mesh repulsion, numpy
  only, about 1 s for 5,000 nodes), vis-network's physics is off, edges
  are straight; the browser only draws. Labels are drawn once zoomed in
  enough to read them.

Past ``max_nodes`` (default ``MAX_NODES``) the page is not written:
``GraphTooLarge`` says how large the graph is and which filter to use.
"""
from __future__ import annotations

import base64
import hashlib
import html
import json
import math
import re
import time
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import networkx as nx

from .. import __version__
from ..analysis import OTHER_TYPE, betweenness, build_graph, cut_graph, node_label, predicate_label, simple_graph
from ..config import OUTPUT_DIR
from ..errors import KgError
from ..vocab import class_labels, entity_classes, relations
from .layout import layout

ASSETS = Path(__file__).resolve().parent / "assets"
# Past these the page is not written. Measured in headless Chromium without a
# GPU on 2 CPUs (bench/bench_viz.py): 5,000 entities draw in 1.7 s and redraw
# (pan, zoom) in 0.1 s; 10,000 in 2.9 s and 0.22 s, which is sluggish.
MAX_NODES = 8_000
MAX_EDGES = 16_000
LANGS = ("az", "en")

# Colour-blind-friendly (Okabe-Ito based) colours and distinct shapes per type.
TYPE_STYLE = {
    "Person": {"color": "#0072B2", "shape": "dot"},
    "Organization": {"color": "#E69F00", "shape": "square"},
    "Country": {"color": "#009E73", "shape": "diamond"},
    "Place": {"color": "#CC79A7", "shape": "triangle"},
    "Event": {"color": "#D55E00", "shape": "star"},
    OTHER_TYPE: {"color": "#999999", "shape": "dot"},
}
PREDICATE_COLORS = ["#4E79A7", "#F28E2B", "#E15759", "#76B7B2", "#59A14F", "#EDC948",
                    "#B07AA1", "#FF9DA7", "#9C755F", "#6B6ECF", "#BAB0AC", "#8CD17D"]


class GraphTooLarge(KgError):
    """The graph is past what a browser page stays usable with."""

    exit_code = 6


@dataclass
class PageSummary:
    path: str
    nodes: int
    edges: int
    bytes: int
    seconds: float
    layout_seconds: float
    left_out_isolated: int = 0

    def __str__(self) -> str:
        extra = f", {self.left_out_isolated} unconnected entities left out" if self.left_out_isolated else ""
        return (f"wrote {self.path}: {self.nodes} entities, {self.edges} relations{extra} "
                f"({self.bytes / 1e6:.1f} MB, {self.seconds:.1f} s)")


# --- the page -------------------------------------------------------------------------------


def _asset(name: str) -> str:
    return (ASSETS / name).read_text(encoding="utf-8")


def _script_json(data) -> str:
    """JSON that is safe inside <script type="application/json">: nothing in
    it can close the element or open a comment."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return (text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _csp_hash(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode() + "'"


def _clean_url(url) -> str | None:
    return str(url).strip() if url else None


def _sizes(G: nx.MultiDiGraph, size_by: str) -> dict:
    U = simple_graph(G)
    if size_by == "betweenness":
        value = betweenness(U)
    elif size_by == "degree":
        value = dict(U.degree())
    else:
        raise KgError(f"unknown --size-by {size_by!r}; use degree or betweenness")
    top = max(value.values(), default=0) or 1
    # vis-network maps value linearly to node size and label size; the square
    # root keeps the many small nodes apart from each other, not all minimal.
    return {n: round(100 * math.sqrt(max(value[n], 0) / top), 1) for n in G}


def page_data(G: nx.MultiDiGraph, *, lang: str = "az", size_by: str = "degree",
              positions: dict | None = None, title: str | None = None) -> dict:
    """The JSON the page script reads (compact: nodes and edges by index,
    sentences, documents and rules listed once)."""
    positions = positions if positions is not None else layout(G)
    sizes = _sizes(G, size_by)
    nodes = list(G.nodes)
    index = {n: i for i, n in enumerate(nodes)}
    types_present = Counter(G.nodes[n].get("type") or OTHER_TYPE for n in nodes)
    known_types = [*entity_classes(), OTHER_TYPE]
    type_names = ([t for t in known_types if t in types_present]
                  + sorted(t for t in types_present if t not in known_types))
    type_index = {t: i for i, t in enumerate(type_names)}
    rels = relations()
    preds_present = Counter(d["predicate"] for *_, d in G.edges(data=True))
    pred_names = [p for p in rels if p in preds_present] + sorted(p for p in preds_present if p not in rels)
    pred_index = {p: i for i, p in enumerate(pred_names)}
    all_preds = list(rels) + sorted(p for p in preds_present if p not in rels)

    sentences: dict[str, int] = {}
    docs: dict[str, int] = {}
    doc_list: list[dict] = []
    rules: dict[str, int] = {}
    meta_docs = G.graph.get("documents", {})

    def doc_ref(ev: dict) -> int:
        name = ev.get("doc") or "?"
        if name not in docs:
            docs[name] = len(doc_list)
            known = meta_docs.get(name, {})
            doc_list.append({"id": name, "title": ev.get("title") or known.get("title"),
                             "url": _clean_url(ev.get("url") or known.get("url")),
                             "date": ev.get("date") or known.get("date")})
        return docs[name]

    def intern(table: dict, value) -> int:
        return table.setdefault(value if value is not None else "", len(table))

    out_nodes = []
    for n in nodes:
        a = G.nodes[n]
        t = a.get("type") or OTHER_TYPE
        x, y = positions.get(n, (0.0, 0.0))
        qid = a.get("wikidata")
        out_nodes.append({
            "l": node_label(a, lang), "L": a.get("labels") or {}, "t": type_index[t], "x": x, "y": y,
            "z": sizes[n], "a": a.get("aliases") or [], "k": a.get("key") or n, "i": n,
            "w": qid if qid and re.fullmatch(r"Q[1-9][0-9]*", str(qid)) else None,
            "s": a.get("sources") or 0, "f": a.get("first_date"), "e": a.get("last_date"),
        })

    pair_count = Counter(frozenset((u, v)) for u, v in G.edges())
    pair_seen: Counter = Counter()
    out_edges = []
    for u, v, d in G.edges(data=True):
        pair = frozenset((u, v))
        nth = pair_seen[pair]
        pair_seen[pair] += 1
        curve = 0.0
        if pair_count[pair] > 1:  # parallel relations: fan them out
            curve = round(0.12 * (nth + 1), 2)
        ev = []
        for e in d.get("evidence") or []:
            ss, os_ = e.get("subject_span"), e.get("object_span")
            ev.append([intern(sentences, e.get("sentence")), doc_ref(e), e.get("confidence"),
                       intern(rules, e.get("rule")), ss, os_])
        out_edges.append({"f": index[u], "t": index[v], "p": pred_index[d["predicate"]],
                          "c": d.get("confidence"), "s": d.get("sources", 0), "v": ev, "r": curve})

    dates = sorted(d["date"] for d in doc_list if d.get("date"))
    return {
        "meta": {"lang": lang, "title": title or "kg", "generator": f"kg {__version__}",
                 "generated": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
                 "sizeBy": size_by, "focus": index.get(G.graph.get("focus")),
                 "dateMin": dates[0] if dates else None, "dateMax": dates[-1] if dates else None,
                 "big": len(out_nodes) > 1500 or len(out_edges) > 3000},
        "types": [{"name": t, "label": _type_label(t, lang), **TYPE_STYLE.get(t, TYPE_STYLE[OTHER_TYPE]),
                   "count": types_present[t]} for t in type_names],
        "predicates": [{"name": p, "label": predicate_label(p, lang),
                        "symmetric": bool(rels[p].symmetric) if p in rels else False,
                        "color": PREDICATE_COLORS[all_preds.index(p) % len(PREDICATE_COLORS)],
                        "count": preds_present[p]} for p in pred_names],
        "nodes": out_nodes,
        "edges": out_edges,
        "sentences": list(sentences),
        "docs": doc_list,
        "rules": list(rules),
    }


_OTHER_LABELS = {"az": "digər", "en": "other"}  # not an ontology class: the page's name for the rest


def _type_label(t: str, lang: str) -> str:
    """A type's name in the page's language: the ontology's rdfs:label."""
    if t == OTHER_TYPE:
        return _OTHER_LABELS.get(lang, _OTHER_LABELS["en"])
    labels = class_labels().get(t, {})
    return labels.get(lang) or labels.get("en") or t


def render_html(data: dict) -> str:
    """The page: template, CSS, vis-network, data and page script inlined,
    with a CSP that lists the two scripts' hashes and allows no request."""
    vis_js = _asset("vis-network.min.js")
    page_js = _asset("page.js")
    csp = "; ".join([
        "default-src 'none'",
        f"script-src {_csp_hash(vis_js)} {_csp_hash(page_js)}",
        "style-src 'unsafe-inline'",  # vis-network injects its stylesheet
        "img-src data:",  # ... whose icons are data: URIs
        "font-src 'none'", "connect-src 'none'", "media-src 'none'", "object-src 'none'",
        "frame-src 'none'", "worker-src 'none'", "manifest-src 'none'",
        "base-uri 'none'", "form-action 'none'",
    ])
    parts = {
        "CSP": html.escape(csp, quote=False).replace('"', "&quot;"),  # in a "-quoted attribute
        "TITLE": html.escape(data["meta"]["title"]),
        "LANG": html.escape(data["meta"]["lang"], quote=True),  # always az or en
        "CSS": _asset("page.css"),
        "VIS_JS": vis_js,
        "DATA": _script_json(data),
        "PAGE_JS": page_js,
    }
    # One pass, so nothing inserted is ever scanned for placeholders again.
    return re.sub(r"@@(\w+)@@", lambda m: parts[m.group(1)], _asset("page.html"))


def too_large_message(nodes: int, edges: int, max_nodes: int, max_edges: int) -> str:
    what = f"{nodes:,} entities" if nodes > max_nodes else f"{edges:,} relations"
    limit = f"{max_nodes:,} entities" if nodes > max_nodes else f"{max_edges:,} relations"
    return (f"the graph has {what}, more than a page stays usable with ({limit}); no page written. "
            "Cut it down: --focus ENTITY --depth 1 (one actor's network), --min-sources 2 "
            "(facts from several articles), --types Person,Organization, --predicates met,heads, "
            "or --query FILE.rq; or raise --max-nodes")


def render_page(G: nx.MultiDiGraph, path: str | Path, *, lang: str = "az", size_by: str = "degree",
                max_nodes: int = MAX_NODES, max_edges: int = MAX_EDGES, isolated: bool = False,
                title: str | None = None) -> PageSummary:
    """Lay out ``G`` and write its page to ``path`` (a graph already cut to size)."""
    started = time.perf_counter()
    if lang not in LANGS:
        raise KgError(f"unknown language {lang!r}; use az or en")
    left_out = 0
    if not isolated and G.number_of_edges():
        lonely = [n for n in G if G.degree(n) == 0 and n != G.graph.get("focus")]
        if lonely:
            left_out = len(lonely)
            G = G.copy()
            G.remove_nodes_from(lonely)
    if G.number_of_nodes() > max_nodes or G.number_of_edges() > max_edges:
        raise GraphTooLarge(too_large_message(G.number_of_nodes(), G.number_of_edges(), max_nodes, max_edges))
    t = time.perf_counter()
    positions = layout(G)
    layout_seconds = time.perf_counter() - t
    data = page_data(G, lang=lang, size_by=size_by, positions=positions, title=title)
    text = render_html(data)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".part")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)
    return PageSummary(str(path), G.number_of_nodes(), G.number_of_edges(), len(text.encode("utf-8")),
                       time.perf_counter() - started, layout_seconds, left_out)


def write_page(store, path: str | Path = OUTPUT_DIR / "graph.html", *, lang: str = "az", focus: str | None = None,
               depth: int = 1, query: str | None = None, predicates=None, types=None, min_sources: int = 1,
               max_nodes: int = MAX_NODES, size_by: str = "degree", isolated: bool = False,
               title: str | None = None) -> PageSummary:
    """The page of the stored graph, cut to size; see the module docstring.

    ``focus``/``depth``: the ego network of an entity (name, alias or key);
    ``query``: a CONSTRUCT, or a SELECT of ?s ?p ?o (text or .rq file);
    ``predicates``/``types``: names (lists or comma-separated strings);
    ``min_sources``: keep facts that that many documents support;
    ``isolated``: also show entities without any relation.
    Raises ``GraphTooLarge`` past ``max_nodes``."""
    G = cut_graph(build_graph(store), store, focus=focus, depth=depth, query=query,
                  predicates=predicates, types=types, min_sources=min_sources)
    if title is None:
        title = "kg" + (f": {node_label(G.nodes[G.graph['focus']], lang)}" if G.graph.get("focus") else "")
    return render_page(G, path, lang=lang, size_by=size_by, max_nodes=max_nodes,
                       max_edges=max(MAX_EDGES, 2 * max_nodes), isolated=isolated, title=title)
