"""Where each node starts on the page, computed before the page is written.

vis-network's own physics takes about 50 s to settle 500 nodes and never
settles 5,000, so the browser gets finished positions. networkx's spring
layout needs about a minute for 5,000 nodes; igraph's Fruchterman–Reingold,
in C, under a second. Each connected part is laid out on its own and the
parts are packed in rows, largest first: laid out together, the parts with no
link between them drift to the edge and squeeze the largest into a ball.
"""
from __future__ import annotations

import math
import random
import statistics

import networkx as nx

# The median link's length on the page, in vis-network's units (a node is
# 8 to 40 across): long enough for a label between two nodes.
LINK_LENGTH = 150.0
GAP = LINK_LENGTH       # between two packed parts

Points = list[tuple[float, float]]


def positions(g: nx.MultiDiGraph) -> dict[str, tuple[float, float]]:
    import igraph       # here, not above: it brings in matplotlib, half a second that only views need

    nodes = list(g.nodes)
    index = {n: i for i, n in enumerate(nodes)}
    whole = igraph.Graph(n=len(nodes), edges=[(index[u], index[v]) for u, v in g.edges()])
    parts = sorted(whole.connected_components(), key=lambda part: (-len(part), part[0]))
    # igraph draws from its random number generator; a fixed one makes the
    # same graph come out the same page every time.
    igraph.set_random_number_generator(random.Random(0))
    try:
        shapes = [_lay_out(whole.subgraph(part)) for part in parts]
    finally:
        igraph.set_random_number_generator(random)
    at: dict[str, tuple[float, float]] = {}
    for part, points in zip(parts, _pack(shapes)):
        at.update((nodes[i], (round(x, 1), round(y, 1))) for i, (x, y) in zip(part, points))
    return at


def _lay_out(part) -> Points:
    """One connected part, its median link LINK_LENGTH long, its corner at (0, 0)."""
    if part.vcount() == 1:
        return [(0.0, 0.0)]
    coords = part.layout_fruchterman_reingold().coords
    lengths = [math.dist(coords[a], coords[b]) for a, b in part.get_edgelist() if a != b]
    scale = LINK_LENGTH / ((statistics.median(lengths) if lengths else 0.0) or 1.0)
    left, top = min(x for x, _ in coords), min(y for _, y in coords)
    return [((x - left) * scale, (y - top) * scale) for x, y in coords]


def _pack(shapes: list[Points]) -> list[Points]:
    """Shelf packing: parts left to right in rows about as wide as all of them are tall."""
    sizes = [(max(x for x, _ in s) + GAP, max(y for _, y in s) + GAP) for s in shapes]
    width = max([math.sqrt(sum(w * h for w, h in sizes)), *(w for w, _ in sizes)])
    placed, x, y, row = [], 0.0, 0.0, 0.0
    for shape, (w, h) in zip(shapes, sizes):
        if x + w > width and x > 0:
            x, y, row = 0.0, y + row, 0.0
        placed.append([(x + px, y + py) for px, py in shape])
        x, row = x + w, max(row, h)
    return placed
