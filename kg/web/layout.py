"""Positions for the page, computed before it is written: each connected
component laid out on its own (pivot MDS start, then Fruchterman-Reingold
with grid / FFT-mesh repulsion, numpy only, about 1 s for 5,000 nodes),
components packed in rows. The browser then only draws."""
from __future__ import annotations

import math

import networkx as nx
import numpy as np

from ..analysis import simple_graph

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
