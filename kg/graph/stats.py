"""What analysts ask of a graph first, computed with networkx.

    from kg.graph.load import load_graph
    from kg.graph.network import to_networkx
    from kg.graph.stats import graph_stats
    print(graph_stats(to_networkx(load_graph("out"))).summary())

Facts are counted by confidence in five bands (0.0–0.2 … 0.8–1.0, each holding
its lower bound, the last 1.0 too), with those of unknown confidence apart.
Degree is the number of distinct neighbours, whatever the direction and however
many relations join them; betweenness is networkx's normalised betweenness
centrality on that same undirected graph: how often an entity lies on the
shortest paths between others — the brokers of the graph.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import networkx as nx

from kg.confidence import bands
from kg.graph.network import fact_confidences, fact_count
from kg.read import InputError

CENTRAL_TYPES = ("Zone", "Company")
# Exact betweenness takes time in nodes × edges; past EXACT_UP_TO nodes it is
# estimated from SAMPLES sources (seeded, so the figures repeat), which keeps
# 50,000 nodes under half a minute (benchmarks/export.py).
EXACT_UP_TO = 2000
SAMPLES = 256


@dataclass
class Ranked:
    label: str
    type: str
    degree: int
    betweenness: float
    docs: int


@dataclass
class GraphStats:
    entities: int
    facts: int
    documents: int
    types: Counter
    relations: Counter
    central: dict[str, list[Ranked]]     # by entity type, most connected first
    components: list[int]                # sizes, largest first
    most_documented: list[Ranked]
    betweenness_sampled: bool = False
    confidence: Counter = field(default_factory=Counter)   # facts by band (kg.confidence.BANDS), low to high

    def summary(self) -> str:
        lines = [f"entities: {self.entities}   facts: {self.facts}   documents: {self.documents}",
                 "entities by type:  " + _counts(self.types),
                 "facts by relation: " + _counts(self.relations),
                 # in the bands' order, low to high, empty ones too: a histogram, not a ranking
                 "facts by confidence: " + ", ".join(f"{band} {n}" for band, n in self.confidence.items()),
                 _components(self.components)]
        estimated = " (estimated)" if self.betweenness_sampled else ""
        for type_, ranked in self.central.items():
            lines += ["", f"most connected {type_}: degree, betweenness{estimated}, name",
                      *(f"  {r.degree:6d}  {r.betweenness:6.4f}  {r.label}" for r in ranked)]
        lines += ["", "in the most documents: documents, type, name",
                  *(f"  {r.docs:6d}  {r.type:<16}  {r.label}" for r in self.most_documented)]
        return "\n".join(lines)


def graph_stats(g: nx.MultiDiGraph, top: int = 10) -> GraphStats:
    if top < 0:
        raise InputError(f"top must be 0 or more, not {top}")
    simple = nx.Graph(g)      # distinct neighbours; self-loops would count a node as its own neighbour
    simple.remove_edges_from(nx.selfloop_edges(simple))
    sampled = simple.number_of_nodes() > EXACT_UP_TO
    betweenness = nx.betweenness_centrality(simple, k=SAMPLES if sampled else None, seed=0)

    def ranked(node) -> Ranked:
        data = g.nodes[node]
        return Ranked(data["label"], data["type"], simple.degree(node), betweenness[node], len(data["docs"]))

    relations = Counter(predicate for _, _, predicate in g.edges(data="predicate"))
    invested = sum(1 for _, amount in g.nodes(data="totalInvestment") if amount is not None)
    if invested:
        relations["totalInvestment"] = invested
    by_degree = sorted(g.nodes, key=lambda n: (-simple.degree(n), -betweenness[n], g.nodes[n]["label"]))
    by_docs = sorted(g.nodes, key=lambda n: (-len(g.nodes[n]["docs"]), -simple.degree(n), g.nodes[n]["label"]))
    return GraphStats(
        entities=g.number_of_nodes(), facts=fact_count(g),
        documents=len({d for _, docs in g.nodes(data="docs") for d in docs}),
        types=Counter(t for _, t in g.nodes(data="type")), relations=relations,
        central={t: [ranked(n) for n in by_degree if g.nodes[n]["type"] == t][:top] for t in CENTRAL_TYPES},
        components=sorted((len(c) for c in nx.connected_components(simple)), reverse=True),
        most_documented=[ranked(n) for n in by_docs[:top]],
        betweenness_sampled=sampled, confidence=bands(fact_confidences(g)))


def _counts(counter: Counter) -> str:
    return ", ".join(f"{name} {n}" for name, n in counter.most_common())


def _components(sizes: list[int]) -> str:
    if not sizes:
        return "connected components: none (the graph is empty)"
    alone = sizes.count(1)
    largest = ", ".join(str(s) for s in sizes[:5] if s > 1)
    return (f"connected components: {len(sizes)}; the largest hold {largest or 'one entity each'}"
            f" entities; {alone} entities stand alone")
