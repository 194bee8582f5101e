"""Documents → one KnowledgeGraph: the same entity named in many documents becomes one node."""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from kg.model import ENTITY_TYPES, Document, KnowledgeGraph, Node


def merge(documents: Iterable[Document]) -> KnowledgeGraph:
    # Sorted by id so that the graph, and every file written from it, does not
    # depend on the order in which documents finished processing.
    docs = sorted(documents, key=lambda d: d.id)
    kg = KnowledgeGraph(documents=[d.id for d in docs],
                        articles=sum(len(d.articles) for d in docs),
                        dates={d.id: d.date for d in docs if d.date})
    names: dict[str, Counter[str]] = {}
    for doc in docs:
        # A triple's ends are entities of its document; taking them as well
        # means a stray one still gets a node rather than a KeyError later.
        listed = {id(e) for e in doc.entities}
        ends = [e for t in doc.triples for e in (t.subject, t.object) if e is not None]
        for entity in [*doc.entities, *ends]:
            node = kg.nodes.setdefault(entity.id, Node(entity.id, entity.name, entity.type))
            node.aliases |= entity.aliases | {entity.name}
            node.docs.add(doc.id)
            names.setdefault(entity.id, Counter())[entity.name] += id(entity) in listed
        kg.triples.extend(doc.triples)
    for node in kg.nodes.values():
        # Names equal under name_key may still differ in marks (《》, “”):
        # the node takes the spelling most documents use, first seen on a tie.
        node.name = names[node.id].most_common(1)[0][0]
        node.aliases.discard(node.name)
    kg.nodes = dict(sorted(kg.nodes.items(), key=lambda item: _order(item[1])))
    return kg


def _order(node: Node) -> tuple:
    rank = ENTITY_TYPES.index(node.type) if node.type in ENTITY_TYPES else len(ENTITY_TYPES)
    return rank, node.name, node.id
