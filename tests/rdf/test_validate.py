"""SHACL: the graph of the seeds conforms; graphs broken in the ways the shapes name do not, and say why."""
import pytest
from rdflib import RDF, RDFS, XSD, Literal
from rdflib.namespace import ORG, PROV, SDO

from kg.rdf.load import load_graph
from kg.rdf.terms import HZ
from kg.rdf.validate import validate


@pytest.fixture(scope="module")
def seeds_graph(seeds_build):
    return load_graph(seeds_build / "graph.ttl")


@pytest.fixture
def graph(seeds_graph):
    copy = seeds_graph.__class__()
    copy += seeds_graph
    for prefix, ns in seeds_graph.namespaces():
        copy.bind(prefix, ns)
    return copy


def _labelled(graph, label):
    (node,) = graph.subjects(RDFS.label, Literal(label, lang="zh"))
    return node


def test_the_seeds_graph_conforms(seeds_graph):
    report = validate(seeds_graph)
    assert report.conforms, "\n".join(report.explain())


def test_a_relation_outside_its_range_is_explained(graph):
    zone, person = _labelled(graph, "潍坊高新区"), _labelled(graph, "韩滨")
    graph.add((zone, HZ.locatedIn, person))
    report = validate(graph)
    assert not report.conforms
    (line,) = report.explain()
    assert line.startswith("Zone 潍坊高新区 zone:") and "hz:locatedIn" in line
    assert "locatedIn links to Zone or Place only (found Person 韩滨 person:" in line


def test_two_types_two_labels_and_a_float_amount_are_each_named(graph):
    zone, project = _labelled(graph, "潍坊高新区"), _labelled(graph, "磁悬浮智能制造产业化项目")
    graph.add((zone, RDF.type, HZ.Place))
    graph.add((zone, RDFS.label, Literal("潍坊高新技术产业开发区", lang="zh")))
    graph.remove((project, HZ.totalInvestment, None))
    graph.add((project, HZ.totalInvestment, Literal(3.5e9, datatype=XSD.double)))
    text = "\n".join(validate(graph).explain())
    assert "exactly one of the ten types" in text
    assert "exactly one rdfs:label in Chinese" in text
    assert "totalInvestment is a non-negative xsd:decimal" in text
    assert "has no totalInvestmentAmount of the same value" in text


def test_an_amount_without_currency_and_a_membership_without_role(graph):
    amount = next(graph.subjects(RDF.type, SDO.MonetaryAmount))
    graph.remove((amount, SDO.currency, None))
    membership = next(graph.subjects(RDF.type, ORG.Membership))
    graph.remove((membership, ORG.role, None))
    messages = {v.message for v in validate(graph).violations}
    assert messages == {"an amount has exactly one schema:currency, an ISO 4217 code such as CNY",
                        "a membership has exactly one org:role, an org:Role"}


def test_a_fact_without_its_sentence_or_span(graph):
    statement = next(graph.subjects(RDF.type, RDF.Statement))
    graph.remove((statement, PROV.wasDerivedFrom, None))
    sentence = next(graph.subjects(RDF.type, HZ.Sentence))
    start = graph.value(sentence, HZ.start)
    graph.remove((sentence, HZ.end, None))
    graph.add((sentence, HZ.end, Literal(start.toPython())))      # an empty span
    messages = {v.message for v in validate(graph).violations}
    assert any(m.startswith("a statement is prov:wasDerivedFrom the hz:Sentence") for m in messages)
    assert "a sentence has exactly one hz:start, a character offset before its hz:end" in messages


def test_a_statement_without_a_confidence_or_with_one_past_1(graph):
    statements = list(graph.subjects(RDF.type, RDF.Statement))
    assert all(graph.value(st, HZ.confidence) is not None for st in statements)
    graph.remove((statements[0], HZ.confidence, None))
    graph.set((statements[1], HZ.confidence, Literal("1.5", datatype=XSD.decimal)))
    graph.set((statements[2], HZ.confidence, Literal("0.5", datatype=XSD.string)))
    zone = _labelled(graph, "潍坊高新区")
    graph.set((zone, HZ.confidence, Literal("-0.1", datatype=XSD.decimal)))
    lines = validate(graph).explain()
    about = {line for line in lines if "hz:confidence, an xsd:decimal from 0 to 1" in line}
    assert about == set(lines)
    # each broken statement named, whatever number of constraints it breaks
    for st in statements[:3]:
        assert f"statement:{str(st).rsplit('/', 1)[-1]} hz:confidence: a statement has exactly one" in "\n".join(about)
    (entity,) = [line for line in about if "an entity has at most one hz:confidence" in line]
    assert entity.startswith("Zone 潍坊高新区 zone:") and '(found "-0.1"^^xsd:decimal)' in entity
