"""Documents → one KnowledgeGraph: the same entity named in many documents becomes one node."""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from decimal import Decimal

from kg.confidence import surest
from kg.lexicon import load
from kg.model import ENTITY_TYPES, Document, Entity, KnowledgeGraph, Node, Triple

DIVISIONS = "derived:divisions"     # a fact of China's division codes (kg/data/admin_divisions.csv)
# A city's province is looked up, not read: it is as sure as the reference data, which no threshold
# should drop.
LOOKED_UP = Decimal("1.00")


# A fact read in a thousand sentences keeps this many of them in the graph; the
# extraction record keeps every one. The graph then grows with what the pages
# say, not with how often they say it.
EVIDENCE_PER_FACT = 20


def merge(documents: Iterable[Document]) -> KnowledgeGraph:
    # Sorted by id so that the graph, and every file written from it, does not
    # depend on the order in which the documents were given.
    merger = Merger()
    for doc in sorted(documents, key=lambda d: d.id):
        merger.add(doc)
    return merger.graph()


class Merger:
    """Documents added one at a time, as a build streams them, into one graph."""

    def __init__(self):
        self._kg = KnowledgeGraph()
        self._names: dict[str, Counter[str]] = {}
        self._facts: Counter[tuple] = Counter()
        self._unkept: dict[tuple, Decimal | None] = {}     # the surest of the readings past EVIDENCE_PER_FACT

    def add(self, doc: Document, articles: int | None = None) -> None:
        """articles: how many the document has, when `doc` was read back from its record, which does not say."""
        kg = self._kg
        kg.documents.append(doc.id)
        kg.articles += len(doc.articles) if articles is None else articles
        if doc.date:
            kg.dates[doc.id] = doc.date
        # A triple's ends are entities of its document; taking them as well
        # means a stray one still gets a node rather than a KeyError later.
        listed = {id(e) for e in doc.entities}
        ends = [e for t in doc.triples for e in (t.subject, t.object) if e is not None]
        named = [*doc.entities, *ends]
        keys = {id(e): e.id for e in named}     # an entity's node id, worked out once
        for entity in named:
            key = keys[id(entity)]
            node = kg.nodes.get(key)
            if node is None:
                node = kg.nodes[key] = Node(key, entity.name, entity.type)
                self._names[key] = Counter()
            node.aliases |= entity.aliases
            node.aliases.add(entity.name)
            node.docs.add(doc.id)
            node.confidence = surest(node.confidence, entity.confidence)   # as sure as its surest document
            self._names[key][entity.name] += id(entity) in listed
        facts = self._facts
        for t in doc.triples:
            fact = (keys[id(t.subject)], t.predicate, keys[id(t.object)] if t.object else t.value, t.role)
            facts[fact] += 1
            if facts[fact] <= EVIDENCE_PER_FACT:
                kg.triples.append(t)
            else:
                self._unkept[fact] = surest(self._unkept.get(fact), t.confidence)

    def graph(self) -> KnowledgeGraph:
        kg = self._kg
        for node in kg.nodes.values():
            # Names equal under name_key may still differ in marks (《》, “”):
            # the node takes the spelling most documents use, first seen on a tie.
            node.name = self._names[node.id].most_common(1)[0][0]
            node.aliases.discard(node.name)
        kg.nodes = dict(sorted(kg.nodes.items(), key=lambda item: _order(item[1])))
        kg.documents.sort()
        _carry_confidence(kg.triples, self._unkept)
        kg.triples = _one_amount(kg.triples, self._facts) + in_provinces(kg)
        return kg


def _carry_confidence(triples: list[Triple], unkept: dict[tuple, Decimal | None]) -> None:
    """A fact is as sure as its surest sentence, kept or not: the first triple kept of a fact read past
    EVIDENCE_PER_FACT takes the confidence of the surest sentence left out, if that is higher."""
    if not unkept:
        return
    for t in triples:
        fact = (t.subject.id, t.predicate, t.object.id if t.object else t.value, t.role)
        if fact in unkept:
            t.confidence = surest(t.confidence, unkept.pop(fact))


def _one_amount(triples: list[Triple], said: Counter) -> list[Triple]:
    """A project's total investment is the amount most reports give, the first on a tie: one amount a
    project in every output (a property graph keeps one number on a node)."""
    best: dict[str, tuple] = {}
    for (subject, predicate, value, _), times in said.items():       # in the order first seen
        if predicate == "totalInvestment" and times > best.get(subject, (None, 0))[1]:
            best[subject] = (value, times)
    return [t for t in triples if t.predicate != "totalInvestment" or t.value == best[t.subject.id][0]]


def in_provinces(kg: KnowledgeGraph) -> list[Triple]:
    """Each city the pages name lies in its province, when the pages name that too: derived here, once,
    for every output, from the division codes (DIVISIONS, the facts' source) rather than from a sentence.

    Pages rarely say so (潍坊市 is in 山东省 is common knowledge), but "the zones of a province"
    is a question people ask."""
    places = load().places
    named = {node.name: node for node in kg.nodes.values() if node.type == "Place"}
    derived = []
    for node in sorted(named.values(), key=lambda n: n.id):
        place = places.get(node.name)
        # county names repeat across provinces (长安区); city names and county-level cities (…市) do not
        if place is not None and place.province in named and place.province != node.name and \
                (place.level == "city" or place.level == "county" and node.name.endswith("市")):
            province = named[place.province]
            derived.append(Triple(Entity(node.name, "Place"), "locatedIn", Entity(province.name, "Place"),
                                  source=DIVISIONS, confidence=LOOKED_UP))
    return derived


def _order(node: Node) -> tuple:
    rank = ENTITY_TYPES.index(node.type) if node.type in ENTITY_TYPES else len(ENTITY_TYPES)
    return rank, node.name, node.id
