from decimal import Decimal

from kg.graph.merge import EVIDENCE_PER_FACT, merge
from kg.graph.network import to_networkx
from kg.model import Document, Entity, Triple, fact_key


def test_one_node_per_entity_across_documents(weifang, weifang_000):
    kg = merge([weifang, weifang_000])
    zone = kg.nodes[weifang.entity("潍坊高新区").id]
    assert zone.name == "潍坊高新区" and zone.type == "Zone"
    assert zone.aliases == {"潍坊高新技术产业开发区", "潍坊国家高新区"}
    assert zone.docs == {"000_6c1ec9c07335c472", "001_473abfdb58def16d"}
    assert len(kg.nodes) == 6       # zone and project are shared; the 000 copies add no node


def test_documents_articles_and_triples_are_collected(weifang, weifang_000):
    kg = merge([weifang, weifang_000])
    assert kg.documents == ["000_6c1ec9c07335c472", "001_473abfdb58def16d"]
    assert kg.articles == 2
    assert len(kg.triples) == len(weifang.triples) + len(weifang_000.triples)
    for t in kg.triples:
        assert kg.nodes[t.subject.id].type == t.subject.type
        assert t.object is None or t.object.id in kg.nodes


def test_order_of_input_does_not_matter(weifang, weifang_000):
    a, b = merge([weifang, weifang_000]), merge([weifang_000, weifang])
    assert list(a.nodes) == list(b.nodes)
    assert [(n.name, n.aliases, n.docs) for n in a.nodes.values()] == \
           [(n.name, n.aliases, n.docs) for n in b.nodes.values()]
    assert [(t.subject.id, t.predicate, t.provenance) for t in a.triples] == \
           [(t.subject.id, t.predicate, t.provenance) for t in b.triples]


def test_nodes_are_ordered_by_type_then_name(weifang):
    types = [n.type for n in merge([weifang]).nodes.values()]
    assert types == ["Zone", "Place", "GovernmentAgency", "Person", "Person", "Project"]


def test_a_spelling_differing_only_in_spaces_is_the_same_node_and_kept_as_alias(weifang, weifang_000):
    spaced = Document(id="900_spaced", raw="潍坊 高新区", entities=[Entity("潍坊 高新区", "Zone")])
    kg = merge([weifang, weifang_000, spaced])
    zone = kg.nodes[spaced.entities[0].id]
    assert zone.name == "潍坊高新区"                    # two documents against one
    assert "潍坊 高新区" in zone.aliases and "潍坊高新区" not in zone.aliases


def test_a_triple_end_missing_from_the_entity_list_still_gets_a_node():
    zone, city = Entity("潍坊高新区", "Zone"), Entity("潍坊市", "Place")
    doc = Document(id="901_stray", raw="", entities=[zone], triples=[Triple(zone, "locatedIn", city)])
    kg = merge([doc])
    assert kg.nodes[city.id].name == "潍坊市" and kg.nodes[city.id].docs == {"901_stray"}


def _sure(doc: Document, confidence: str, entity: str = "") -> Document:
    """The document with every fact at `confidence`, and every entity too (or only `entity`)."""
    for t in doc.triples:
        t.confidence = Decimal(confidence)
    for e in doc.entities:
        if not entity or e.name == entity:
            e.confidence = Decimal(confidence)
    return doc


def test_a_fact_said_twice_and_an_entity_named_twice_are_as_sure_as_the_surest(weifang, weifang_000):
    # 磁悬浮智能制造产业化项目 locatedIn 潍坊高新区 is said in both documents, at 0.40 and at 0.90
    low, high = _sure(weifang, "0.40"), _sure(weifang_000, "0.90")
    for order in ([low, high], [high, low]):
        kg = merge(order)
        project = low.entity("磁悬浮智能制造产业化项目")
        (located,) = [t for t in kg.facts().values() if t.subject.id == project.id and t.predicate == "locatedIn"]
        assert located.confidence == Decimal("0.90")
        assert sorted(t.confidence for t in kg.triples if fact_key(t) == fact_key(located)) == \
            [Decimal("0.40"), Decimal("0.90")]       # each sentence keeps its own
        assert kg.nodes[project.id].confidence == Decimal("0.90")
        assert kg.nodes[low.entity("韩滨").id].confidence == Decimal("0.40")      # named in one document only
        edge = to_networkx(kg).edges[project.id, low.entity("潍坊高新区").id, "locatedIn"]
        assert edge["confidence"] == Decimal("0.90") and len(edge["evidence"]) == 2


def test_a_fact_said_past_the_evidence_kept_is_as_sure_as_its_surest_sentence(weifang):
    # the same sentence in many documents: only the first EVIDENCE_PER_FACT are kept, the surest is the last
    docs = []
    for n in range(EVIDENCE_PER_FACT + 3):
        doc = Document(f"{n:03d}", raw="")
        zone, city = Entity("潍坊高新区", "Zone"), Entity("潍坊市", "Place")
        doc.entities = [zone, city]
        doc.triples = [Triple(zone, "locatedIn", city, confidence=Decimal("0.99" if n == EVIDENCE_PER_FACT + 2
                                                                          else "0.30"))]
        docs.append(doc)
    kg = merge(docs)
    assert len(kg.triples) == EVIDENCE_PER_FACT
    (fact,) = kg.facts().values()
    assert fact.confidence == Decimal("0.99")
