"""The KnowledgeGraph as a networkx MultiDiGraph: what the property-graph exports and the statistics read.

    from kg.graph.load import load_graph
    from kg.graph.network import to_networkx
    g = to_networkx(load_graph("out"))
    g.nodes[node_id]      # {'type': 'Zone', 'label': '…高新区', 'aliases': [...], 'docs': [...], 'confidence': Decimal('0.83')}
    g.edges(data=True)    # {'predicate': 'holdsRole', 'role': '局长', 'evidence': [...], 'docs': [...], 'confidence': …,
                          #  'reviewed': False, 'reviewer': ''}

Nodes are keyed by Node.id. A fact read in several sentences is one edge that
lists every sentence, with `docs[i]` the document of `evidence[i]`, and has the
confidence of the surest of them; the same two ends with another post are
another edge. A project's total investment is a node attribute, as property
graphs keep numbers, with its confidence beside it (totalInvestmentConfidence).
A confidence (a Decimal) is there only where the graph has one.
"""
from __future__ import annotations

from collections import Counter
from decimal import Decimal

import networkx as nx

from kg.confidence import surest
from kg.model import KnowledgeGraph, Money, Triple


def to_networkx(kg: KnowledgeGraph) -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    investments: dict[str, Counter[Money]] = {}
    sure: dict[str, Decimal | None] = {}       # a project's amount: the confidence of its surest report
    for node in kg.nodes.values():
        g.add_node(node.id, type=node.type, label=node.name,
                   aliases=sorted(node.aliases), docs=sorted(node.docs))
        if node.confidence is not None:
            g.nodes[node.id]["confidence"] = node.confidence
    for t in kg.triples:
        if t.object is not None:
            _add_fact(g, t)
        elif t.value is not None:
            investments.setdefault(t.subject.id, Counter())[t.value] += 1
            sure[t.subject.id] = surest(sure.get(t.subject.id), t.confidence)
    for node_id, amounts in investments.items():
        # Reports may disagree; the amount most of them give stands, the first on a tie. It is one fact
        # (KnowledgeGraph.facts), as sure as the surest report of any amount.
        money = amounts.most_common(1)[0][0]
        g.nodes[node_id].update(totalInvestment=money.amount, currency=money.currency)
        if sure[node_id] is not None:
            g.nodes[node_id]["totalInvestmentConfidence"] = sure[node_id]
    return g


def _add_fact(g: nx.MultiDiGraph, t: Triple) -> None:
    key = f"{t.predicate}:{t.role}" if t.role else t.predicate
    if not g.has_edge(t.subject.id, t.object.id, key):
        g.add_edge(t.subject.id, t.object.id, key, predicate=t.predicate, role=t.role, evidence=[], docs=[],
                   reviewed=False, reviewer="")
    edge = g.edges[t.subject.id, t.object.id, key]
    if t.reviewer:      # a person checked the fact (kg/correct)
        edge.update(reviewed=True, reviewer=t.reviewer)
    confidence = surest(edge.get("confidence"), t.confidence)
    if confidence is not None:
        edge["confidence"] = confidence
    p = t.provenance
    if p is not None and (p.text, p.doc) not in zip(edge["evidence"], edge["docs"]):
        edge["evidence"].append(p.text)
        edge["docs"].append(p.doc)


def fact_confidences(g: nx.MultiDiGraph) -> list[Decimal | None]:
    """The confidence of each fact fact_count counts: its edges', then its projects' amounts'."""
    return [*(c for *_, c in g.edges(data="confidence")),
            *(data.get("totalInvestmentConfidence") for _, data in g.nodes(data=True) if data.get("totalInvestment") is not None)]


def fact_count(g: nx.MultiDiGraph) -> int:
    """The facts a property graph holds: its edges and its projects' amounts, as KnowledgeGraph.facts counts them."""
    return g.number_of_edges() + sum(1 for _, amount in g.nodes(data="totalInvestment") if amount is not None)
