"""kg stats on the seeds' graph: each figure checked against the graph it was computed from."""
from collections import Counter

import pytest

from kg.graph.load import load_graph
from kg.graph.merge import merge
from kg.graph.network import to_networkx
from kg.graph.stats import graph_stats


@pytest.fixture(scope="module")
def seeds_graph(seeds_build):
    return load_graph(seeds_build)


def test_counts(seeds_graph):
    stats = graph_stats(to_networkx(seeds_graph))
    assert stats.entities == len(seeds_graph.nodes)
    assert stats.types == Counter(n.type for n in seeds_graph.nodes.values())
    facts = {(t.subject.id, t.predicate, t.object.id if t.object else None, t.role) for t in seeds_graph.triples}
    assert stats.relations == Counter(p for _, p, _, _ in facts)
    assert stats.documents == len(seeds_graph.documents) == 5


def test_most_connected_zones_and_companies(seeds_graph):
    stats = graph_stats(to_networkx(seeds_graph), top=5)
    neighbours: dict[str, set] = {}
    for t in seeds_graph.triples:
        if t.object is not None and t.object.id != t.subject.id:
            neighbours.setdefault(t.subject.id, set()).add(t.object.id)
            neighbours.setdefault(t.object.id, set()).add(t.subject.id)
    for type_ in ("Zone", "Company"):
        ranked = stats.central[type_]
        assert len(ranked) == 5 and all(r.type == type_ for r in ranked)
        degrees = sorted((len(neighbours.get(n.id, ())) for n in seeds_graph.nodes.values() if n.type == type_),
                         reverse=True)
        assert [r.degree for r in ranked] == degrees[:5]
    assert stats.central["Zone"][0].label == "潍坊高新区"
    assert stats.central["Zone"][0].betweenness > 0


def test_components_and_documents(seeds_graph):
    stats = graph_stats(to_networkx(seeds_graph))
    assert sum(stats.components) == stats.entities
    assert stats.components == sorted(stats.components, reverse=True) and stats.components[0] > 100
    docs = sorted((len(n.docs) for n in seeds_graph.nodes.values()), reverse=True)
    assert [r.docs for r in stats.most_documented] == docs[:10]


def test_betweenness_marks_the_broker(weifang):
    # 潍坊高新区 joins its city, its project and its bureau, whose chief hangs off the bureau:
    # 5 of the 10 pairs of the other five entities pass through the zone, 3 through the bureau.
    g = to_networkx(merge([weifang]))
    stats = graph_stats(g)
    (zone,) = stats.central["Zone"]
    assert zone.label == "潍坊高新区" and zone.degree == 3 and zone.betweenness == pytest.approx(0.5)
    betweenness = {r.label: r.betweenness for r in stats.most_documented}
    assert betweenness["潍坊高新区经济发展局"] == pytest.approx(0.3) and betweenness["潍坊市"] == 0
    assert stats.components == [5, 1]     # the reporter in the byline stands alone


def test_summary_reads(seeds_graph):
    stats = graph_stats(to_networkx(seeds_graph), top=3)
    text = stats.summary()
    assert text.splitlines()[0] == f"entities: {len(seeds_graph.nodes)}   facts: {stats.facts}   documents: 5"
    assert "most connected Zone" in text and "潍坊高新区" in text and "connected components:" in text
