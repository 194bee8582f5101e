import math
import statistics

import networkx as nx
import pytest

from kg.view.layout import GAP, LINK_LENGTH, positions


def test_every_node_gets_the_same_place_every_time(seeds_graph):
    at = positions(seeds_graph)
    assert set(at) == set(seeds_graph.nodes)
    assert positions(seeds_graph) == at


def test_links_are_long_enough_for_a_label(seeds_graph):
    at = positions(seeds_graph)
    largest = max(nx.weakly_connected_components(seeds_graph), key=len)
    lengths = [math.dist(at[u], at[v]) for u, v in seeds_graph.subgraph(largest).edges()]
    assert statistics.median(lengths) == pytest.approx(LINK_LENGTH, abs=1)


def test_unlinked_parts_do_not_overlap(seeds_graph):
    at = positions(seeds_graph)
    boxes = []
    for part in nx.weakly_connected_components(seeds_graph):
        xs, ys = [at[n][0] for n in part], [at[n][1] for n in part]
        boxes.append((min(xs), min(ys), max(xs), max(ys)))
    assert len(boxes) > 100
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            apart = a[2] + GAP / 2 < b[0] or b[2] + GAP / 2 < a[0] or a[3] + GAP / 2 < b[1] or b[3] + GAP / 2 < a[1]
            assert apart, (a, b)
