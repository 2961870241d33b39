"""The interactive graph page: one self-contained, offline HTML file.

``write_page(store, path, ...)`` reads the graph (``kg.graph``), cuts it to
size (query, predicates, types, sources, ego network), lays it out here in
Python, and writes one HTML file holding everything the page needs:

* **Offline.** vis-network's standalone build (``kg/assets``, Apache-2.0 /
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
  ``layout``: Fruchterman-Reingold with grid / FFT-mesh repulsion, numpy
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
import numpy as np

from . import __version__
from .config import OUTPUT_DIR
from .errors import KgError
from .graph import (OTHER_TYPE, betweenness, build_graph, ego_network, filter_graph, node_label,
                    predicate_label, query_graph, simple_graph)
from .vocab import entity_classes, relations

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


# --- layout ---------------------------------------------------------------------------------

_CELL = 1 << 21
_KERNELS: dict[int, tuple[np.ndarray, np.ndarray]] = {}
_EXACT_LIMIT = 700  # up to this many nodes, repulsion between all pairs


def _grid_pairs(pos: np.ndarray, radius: float) -> tuple[np.ndarray, np.ndarray]:
    """Index pairs (i < j within a cell) of points in the same or adjacent
    grid cells of side ``radius``: every pair closer than ``radius`` is in."""
    c = np.floor(pos / radius).astype(np.int64) + _CELL // 2
    key = c[:, 0] * _CELL + c[:, 1]
    order = np.argsort(key, kind="stable")
    ukeys, starts, counts = np.unique(key[order], return_index=True, return_counts=True)
    out_i, out_j = [], []
    for dx, dy in ((0, 0), (1, -1), (1, 0), (1, 1), (0, 1)):  # each cell pair once
        want = key + dx * _CELL + dy
        idx = np.minimum(np.searchsorted(ukeys, want), len(ukeys) - 1)
        a = np.nonzero(ukeys[idx] == want)[0]
        if not len(a):
            continue
        st, ct = starts[idx[a]], counts[idx[a]]
        rep = np.repeat(a, ct)
        offs = np.arange(int(ct.sum())) - np.repeat(np.cumsum(ct) - ct, ct)
        b = order[np.repeat(st, ct) + offs]
        if dx == 0 and dy == 0:
            keep = rep < b
            rep, b = rep[keep], b[keep]
        out_i.append(rep)
        out_j.append(b)
    if not out_i:
        return np.empty(0, np.int64), np.empty(0, np.int64)
    return np.concatenate(out_i), np.concatenate(out_j)


def _unit_kernel(m: int) -> tuple[np.ndarray, np.ndarray]:
    if m not in _KERNELS:
        ax = np.fft.fftfreq(2 * m) * 2 * m  # offsets 0..m-1, -m..-1
        dx, dy = np.meshgrid(ax, ax, indexing="ij")
        r2 = dx * dx + dy * dy
        r2[0, 0] = np.inf
        _KERNELS[m] = (np.fft.rfft2(dx / r2), np.fft.rfft2(dy / r2))
    return _KERNELS[m]


def _mesh_repulsion(pos: np.ndarray, k: float, weights: np.ndarray, m: int = 128) -> tuple[np.ndarray, float]:
    """Fruchterman-Reingold repulsion (k^2/d) from every node, on an m x m
    mesh: masses binned to cells, convolved with the force kernel by FFT
    (the particle-mesh method). Accurate beyond a cell or two; the caller
    adds the exact force between close pairs."""
    lo = pos.min(0)
    h = max(float((pos.max(0) - lo).max()), 1e-6) / (m - 1)
    g = np.floor((pos - lo) / h + 0.5).astype(np.int64)
    flat = g[:, 0] * m + g[:, 1]
    mass = np.bincount(flat, weights, minlength=m * m).reshape(m, m)
    kx, ky = _unit_kernel(m)
    spectrum = np.fft.rfft2(mass, s=(2 * m, 2 * m))
    fx = np.fft.irfft2(spectrum * kx, s=(2 * m, 2 * m))[:m, :m].ravel()
    fy = np.fft.irfft2(spectrum * ky, s=(2 * m, 2 * m))[:m, :m].ravel()
    return np.c_[fx[flat], fy[flat]] * (k * k / h), h


def _bfs(adj: list[list[int]], src: int, n: int) -> np.ndarray:
    dist = np.full(n, -1.0)
    dist[src] = 0
    frontier, d = [src], 0
    while frontier:
        d += 1
        nxt = []
        for u in frontier:
            for v in adj[u]:
                if dist[v] < 0:
                    dist[v] = d
                    nxt.append(v)
        frontier = nxt
    return dist


def _pivot_mds(adj: list[list[int]], n: int, pivots: int, rng: np.random.Generator) -> np.ndarray:
    """Brandes & Pich's pivot MDS: hop distances from a few spread-out pivots,
    classical scaling. A good global shape in O(pivots * edges)."""
    k = min(pivots, n)
    dist = np.empty((n, k))
    nearest = np.full(n, np.inf)
    p = int(rng.integers(n))
    for i in range(k):
        dist[:, i] = _bfs(adj, p, n)
        nearest = np.minimum(nearest, dist[:, i])
        p = int(np.argmax(nearest))
    d2 = dist ** 2
    c = -0.5 * (d2 - d2.mean(axis=0) - d2.mean(axis=1)[:, None] + d2.mean())
    u, s, _ = np.linalg.svd(c, full_matrices=False)
    return u[:, :2] * s[:2]


def _force_directed(pos: np.ndarray, ei: np.ndarray, ej: np.ndarray, k: float, iterations: int) -> np.ndarray:
    """Fruchterman-Reingold, with ForceAtlas2's degree-weighted repulsion
    (a node of degree d repels like d + 1 nodes: hubs push their many
    neighbours apart instead of crowding them)."""
    n = len(pos)
    mass = (np.bincount(ei, minlength=n) + np.bincount(ej, minlength=n) + 1).astype(float)
    t0 = k * math.sqrt(n) * 0.1
    for it in range(iterations):
        temp = t0 * (1 - it / iterations) + k * 0.05
        if n <= _EXACT_LIMIT:
            delta = pos[:, None, :] - pos[None, :, :]
            f = k * k * np.outer(mass, mass) / ((delta ** 2).sum(-1) + 1e-6)
            np.fill_diagonal(f, 0)
            disp = (delta * f[:, :, None]).sum(1)
        else:
            disp, h = _mesh_repulsion(pos, k, mass)
            disp *= mass[:, None]
            radius = max(h, 0.5 * k)
            i, j = _grid_pairs(pos, radius)
            delta = pos[i] - pos[j]
            d2 = (delta ** 2).sum(1) + 1e-6
            f = np.where(d2 < radius * radius, k * k * mass[i] * mass[j] / d2, 0.0)
            fx, fy = delta[:, 0] * f, delta[:, 1] * f
            disp[:, 0] += np.bincount(i, fx, n) - np.bincount(j, fx, n)
            disp[:, 1] += np.bincount(i, fy, n) - np.bincount(j, fy, n)
        if len(ei):
            delta = pos[ei] - pos[ej]
            f = np.sqrt((delta ** 2).sum(1)) / k  # attraction d^2/k along the edge
            fx, fy = delta[:, 0] * f, delta[:, 1] * f
            disp[:, 0] -= np.bincount(ei, fx, n) - np.bincount(ej, fx, n)
            disp[:, 1] -= np.bincount(ei, fy, n) - np.bincount(ej, fy, n)
        length = np.sqrt((disp ** 2).sum(1)) + 1e-9
        pos += disp * (np.minimum(length, temp) / length)[:, None]
    return pos


def _nearest_distance(pos: np.ndarray, radius: float) -> np.ndarray:
    """Each point's distance to its nearest neighbour (capped at ``radius``)."""
    best = np.full(len(pos), float(radius))
    i, j = _grid_pairs(pos, radius)
    if len(i):
        d = np.sqrt(((pos[i] - pos[j]) ** 2).sum(1))
        np.minimum.at(best, i, d)
        np.minimum.at(best, j, d)
    return best


def _component_layout(U: nx.Graph, nodes: list, k: float, rng: np.random.Generator) -> np.ndarray:
    n = len(nodes)
    if n == 1:
        return np.zeros((1, 2))
    if n == 2:
        return np.array([[-k / 2, 0.0], [k / 2, 0.0]])
    index = {u: i for i, u in enumerate(nodes)}
    adj = [[index[v] for v in U[u] if v != u] for u in nodes]
    pairs = np.array([(index[u], index[v]) for u, v in U.subgraph(nodes).edges() if u != v],
                     dtype=np.int64).reshape(-1, 2)
    if n <= 8:
        angle = np.arange(n) * 2 * np.pi / n
        pos = np.c_[np.cos(angle), np.sin(angle)] * k
    else:
        pos = _pivot_mds(adj, n, 40, rng)
        pos -= pos.mean(0)
        rms = float(np.sqrt((pos ** 2).sum(1).mean())) or 1.0
        pos = pos / rms * (k * math.sqrt(n) * 0.5) + rng.normal(0, 0.1 * k, (n, 2))
    iterations = 60 if n > _EXACT_LIMIT else (80 if n > 100 else 100)
    pos = _force_directed(pos, pairs[:, 0], pairs[:, 1], k, iterations)
    # Scale so that a typical node has its nearest neighbour at least k/2 away
    # (room for a label) and a typical edge is at least 1.5 k long.
    pos -= pos.mean(0)
    spread = float(np.sqrt((pos ** 2).sum(1).mean())) or 1.0
    pos *= k * math.sqrt(n) / spread  # a common scale first
    nearest = float(np.median(_nearest_distance(pos, 4 * k)))
    factor = 0.5 * k / nearest if nearest > 0 else 1.0
    if len(pairs):  # and edges long enough to see, and to point at, between their nodes
        edge = float(np.median(np.sqrt(((pos[pairs[:, 0]] - pos[pairs[:, 1]]) ** 2).sum(1))))
        if edge > 0:
            factor = max(factor, 1.5 * k / edge)
    pos *= factor
    return pos - pos.mean(0)


def layout(G: nx.Graph, *, k: float = 100.0, seed: int = 1) -> dict:
    """Node -> (x, y) in vis-network pixels: each connected component laid
    out on its own (pivot MDS start, then force-directed), components packed
    in rows, largest first. Deterministic for a given seed."""
    U = G if not G.is_directed() and not G.is_multigraph() else simple_graph(G)
    rng = np.random.default_rng(seed)
    comps = sorted((sorted(c, key=str) for c in nx.connected_components(U)), key=lambda c: (-len(c), str(c[0])))
    placed = []
    for comp in comps:
        pos = _component_layout(U, comp, k, rng)
        lo, hi = pos.min(0), pos.max(0)
        placed.append((comp, pos - lo, hi - lo + 0.6 * k))  # positions from the box corner, box with margin
    total = sum(float(w * h) for *_, (w, h) in placed)
    row_width = max(math.sqrt(total) * 1.3, max((float(s[0]) for *_, s in placed), default=0.0))
    out: dict = {}
    x = y = row_height = 0.0
    for comp, pos, (w, h) in placed:
        if x > 0 and x + w > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        for node, (px, py) in zip(comp, pos):
            out[node] = (float(px + x), float(py + y))
        x += float(w)
        row_height = max(row_height, float(h))
    if out:
        xs, ys = zip(*out.values())
        cx, cy = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
        out = {n: (round(px - cx, 1), round(py - cy, 1)) for n, (px, py) in out.items()}
    return out


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


_TYPE_LABELS = {
    "az": {"Person": "şəxs", "Organization": "təşkilat", "Country": "ölkə", "Place": "yer",
           "Event": "tədbir", OTHER_TYPE: "digər"},
    "en": {"Person": "person", "Organization": "organization", "Country": "country", "Place": "place",
           "Event": "event", OTHER_TYPE: "other"},
}


def _type_label(t: str, lang: str) -> str:
    return _TYPE_LABELS.get(lang, _TYPE_LABELS["en"]).get(t, t)


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
