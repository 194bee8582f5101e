"""Entities by name in the networkx graph of kg.graph.network: what kg show, kg search and kg view --entity ask.

    from kg.graph.find import card, find, search
    g = to_networkx(load_graph("out"))
    [g.nodes[n]["label"] for n in search(g, "高新")]       # best first
    print(card(g, find(g, "潍坊高新区")).text())          # its type, aliases, facts, their sentences and confidences

Names are compared as the scorer compares them (kg.model.name_key). When no
entity has a name, the error names the nearest ones: those within the name
(东湖高新区 for 武汉东湖高新区), those that hold it, and those spelt alike.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from decimal import Decimal

import networkx as nx

from kg.model import Money, name_key
from kg.read import InputError
from kg.text.unwrap import unwrap

# Suggestions below this likeness (difflib's ratio) are more noise than help: 韩斌 and 韩滨 are 0.5.
NEAR = 0.5
EVIDENCE_SHOWN = 3


def names(data: dict) -> list[str]:
    return [data["label"], *data["aliases"]]


def search(g: nx.MultiDiGraph, text: str, limit: int | None = None) -> list[str]:
    """Ids of the entities whose name or alias holds `text`: the name itself first, then an alias, a name
    that starts with it, one that holds it; among equals the better linked, then the shorter name."""
    if limit is not None and limit < 0:
        raise InputError(f"limit must be 0 (no limit) or more, not {limit}")
    key = name_key(text)
    if not key:
        raise InputError("give some of a name to search for")
    ranked = []
    for node, data in g.nodes(data=True):
        keys = [name_key(n) for n in names(data)]
        rank = 0 if keys[0] == key else 1 if key in keys else 2 if any(k.startswith(key) for k in keys) \
            else 3 if any(key in k for k in keys) else None
        if rank is not None:
            ranked.append((rank, -g.degree(node), len(data["label"]), data["label"], node))
    return [node for *_, node in sorted(ranked)][:limit or None]


def listing(g: nx.MultiDiGraph, node: str) -> str:
    """One line for kg search: type, links, name and aliases."""
    data = g.nodes[node]
    aliases = f"  (also {'、'.join(data['aliases'])})" if data["aliases"] else ""
    return f"{data['type']:<16}  {g.degree(node):4d} links  {data['label']}{aliases}"


def matches(g: nx.MultiDiGraph, name: str) -> list[str]:
    """Ids of the entities called `name` or with it as an alias, the best linked first; else an error that
    names the nearest."""
    key = name_key(name)
    exact = [n for n, d in g.nodes(data=True) if key in {name_key(a) for a in names(d)}]
    if exact:
        return sorted(exact, key=lambda n: (-g.degree(n), n))
    near = nearest(g, name)
    hint = f"; did you mean {'、'.join(near)}?" if near else "; kg search finds names by any part of them"
    raise InputError(f"no entity is called {name!r}{hint}")


def find(g: nx.MultiDiGraph, name: str) -> str:
    """The id of the entity called `name`; a name two entities share (a zone and a company named after
    it) is the better linked one's."""
    return matches(g, name)[0]


def nearest(g: nx.MultiDiGraph, name: str, n: int = 5) -> list[str]:
    """The names most like `name` (difflib's likeness), among those spelt alike and those within it or
    holding it, however unlike."""
    key = name_key(name)
    scored: dict[str, float] = {}
    for data in g.nodes.values():
        for candidate in names(data):
            other = name_key(candidate)
            likeness = difflib.SequenceMatcher(None, key, other).ratio()
            if likeness >= NEAR or other and (other in key or key in other):
                scored[data["label"]] = max(likeness, scored.get(data["label"], 0.0))
    return sorted(scored, key=lambda label: (-scored[label], label))[:n]


@dataclass
class Fact:
    subject: str
    predicate: str
    object: str
    role: str = ""
    evidence: list[tuple[str, str]] = field(default_factory=list)     # (sentence on one line, its document)
    confidence: Decimal | None = None

    def text(self) -> str:
        role = f"（{self.role}）" if self.role else ""
        lines = [f"  {self.subject} {self.predicate}{role} {self.object}{_sure(self.confidence)}"]
        lines += [f"      “{sentence}” ({doc})" for sentence, doc in self.evidence[:EVIDENCE_SHOWN]]
        if len(self.evidence) > EVIDENCE_SHOWN:
            lines.append(f"      … and {len(self.evidence) - EVIDENCE_SHOWN} more sentences")
        return "\n".join(lines)


@dataclass
class Card:
    """One entity as kg show prints it."""
    name: str
    type: str
    aliases: list[str]
    docs: list[str]
    investment: Money | None
    facts: list[Fact]
    confidence: Decimal | None = None
    investment_confidence: Decimal | None = None

    def text(self) -> str:
        sure = "" if self.confidence is None else f", confidence {self.confidence}"
        lines = [f"{self.name} ({self.type}{sure})"]
        if self.aliases:
            lines.append("aliases: " + "、".join(self.aliases))
        if self.investment is not None:
            lines.append(f"total investment: {self.investment.digits} {self.investment.currency}"
                         f"{_sure(self.investment_confidence)}")
        lines.append(f"documents ({len(self.docs)}): " + ", ".join(self.docs))
        lines.append(f"facts ({len(self.facts)}):" if self.facts else "facts: none")
        return "\n".join([*lines, *(f.text() for f in self.facts)])


def card(g: nx.MultiDiGraph, node: str) -> Card:
    """The entity `node` with its facts, those it is the subject of first, each with its sentences."""
    data = g.nodes[node]
    investment = Money(data["totalInvestment"], data["currency"]) if "totalInvestment" in data else None
    # a link of the entity to itself is among both its out- and its in-links: listed once
    edges = [*g.out_edges(node, data=True), *((u, v, d) for u, v, d in g.in_edges(node, data=True) if u != node)]
    facts = [Fact(g.nodes[u]["label"], d["predicate"], g.nodes[v]["label"], d["role"],
                  [(unwrap(s), doc) for s, doc in zip(d["evidence"], d["docs"])], d.get("confidence"))
             for u, v, d in edges]
    return Card(data["label"], data["type"], list(data["aliases"]), list(data["docs"]), investment, facts,
                data.get("confidence"), data.get("totalInvestmentConfidence"))


def _sure(confidence: Decimal | None) -> str:
    return "" if confidence is None else f"  (confidence {confidence})"
