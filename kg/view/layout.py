"""Where each node starts on the page, computed before the page is written.

vis-network's own physics takes about 50 s to settle 500 nodes and never
settles 5,000, so the browser gets finished positions. networkx's spring
layout needs about a minute for 5,000 nodes; igraph's Fruchterman–Reingold,
in C, under a second.
"""
from __future__ import annotations

import random
import statistics

import igraph
import networkx as nx

# The median link's length on the page, in vis-network's units (a node is
# 10 to 40 across): long enough for a label between two nodes.
LINK_LENGTH = 150.0


def positions(g: nx.MultiDiGraph) -> dict[str, tuple[float, float]]:
    nodes = list(g.nodes)
    index = {n: i for i, n in enumerate(nodes)}
    links = [(index[u], index[v]) for u, v in g.edges()]
    # igraph draws from its random number generator; a fixed one makes the
    # same graph come out the same page every time.
    igraph.set_random_number_generator(random.Random(0))
    try:
        coords = igraph.Graph(n=len(nodes), edges=links).layout_fruchterman_reingold().coords
    finally:
        igraph.set_random_number_generator(random)
    scale = LINK_LENGTH / _median_length(coords, links)
    return {n: (round(x * scale, 1), round(y * scale, 1)) for n, (x, y) in zip(nodes, coords)}


def _median_length(coords: list[list[float]], links: list[tuple[int, int]]) -> float:
    lengths = [((coords[a][0] - coords[b][0]) ** 2 + (coords[a][1] - coords[b][1]) ** 2) ** 0.5
               for a, b in links if a != b]
    # No links (or all of one length zero): any scale will do.
    return (statistics.median(lengths) if lengths else 0.0) or 1.0
