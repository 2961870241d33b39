"""kg.web.layout: positions, fast, deterministic and spread."""
from __future__ import annotations

import math
import time

import networkx as nx

from kg.analysis import build_graph
from kg.web.layout import layout


def test_layout_is_fast_deterministic_and_spread(synthetic_stores):
    G = build_graph(synthetic_stores(1000))
    started = time.perf_counter()
    pos = layout(G)
    assert time.perf_counter() - started < 5
    assert pos == layout(G)
    xy = list(pos.values())
    assert len(xy) == G.number_of_nodes() and all(math.isfinite(c) for p in xy for c in p)
    assert len(set(xy)) == len(xy)  # no two nodes on the same spot
    # neighbours end up closer than strangers
    import numpy as np
    P = {n: np.array(p) for n, p in pos.items()}
    edge = np.median([np.linalg.norm(P[u] - P[v]) for u, v in G.edges()])
    nodes = list(P)
    rng = np.random.default_rng(0)
    rand = np.median([np.linalg.norm(P[nodes[i]] - P[nodes[j]]) for i, j in rng.integers(0, len(nodes), (2000, 2))])
    assert edge < rand / 3
    # components are packed side by side, not on top of each other
    two = nx.MultiDiGraph()
    two.add_edges_from([("a", "b"), ("c", "d")])
    p = layout(two)
    assert min(math.dist(p["a"], p[x]) for x in "cd") > 50
