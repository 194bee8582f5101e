from decimal import Decimal

import pyoxigraph
import pytest
import rdflib
from rdflib import RDF, XSD, Literal, URIRef
from rdflib.namespace import ORG, PROV, SKOS

from kg.graph.merge import merge
from kg.model import Document, Entity, Triple
from kg.rdf.graph import to_rdf
from kg.rdf.terms import HZ

PREFIXES = """
PREFIX hz: <https://w3id.org/kg-hz/ontology#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX schema: <https://schema.org/>
"""


@pytest.fixture
def turtle(weifang, weifang_000) -> bytes:
    return to_rdf(merge([weifang, weifang_000])).serialize(format="turtle", encoding="utf-8")


@pytest.fixture
def graph(turtle) -> rdflib.Graph:
    return rdflib.Graph().parse(data=turtle, format="turtle")


def test_turtle_parses_in_pyoxigraph_with_the_same_triples(turtle, graph):
    store = pyoxigraph.Store()
    store.load(turtle, format=pyoxigraph.RdfFormat.TURTLE)
    assert len(store) == len(graph)
    ask = store.query(PREFIXES + 'ASK { ?z a hz:Zone ; rdfs:label "潍坊高新区"@zh ; hz:locatedIn ?c . '
                                 '?c a hz:Place ; rdfs:label "潍坊市"@zh }')
    assert bool(ask)


def test_nodes_are_typed_labelled_and_aliased(graph):
    (zone,) = graph.subjects(rdflib.RDFS.label, Literal("潍坊高新区", lang="zh"))
    assert (zone, RDF.type, HZ.Zone) in graph
    assert set(graph.objects(zone, SKOS.altLabel)) == {Literal("潍坊高新技术产业开发区", lang="zh"),
                                                       Literal("潍坊国家高新区", lang="zh")}
    assert len(set(graph.objects(zone, HZ.mentionedIn))) == 2


def test_holds_role_keeps_the_post_and_the_evidence_in_the_original_file(graph, weifang):
    rows = list(graph.query(PREFIXES + """
        SELECT ?role ?evidence ?start ?end WHERE {
          ?p rdfs:label "韩滨"@zh ; hz:holdsRole ?org .
          ?org a hz:GovernmentAgency ; rdfs:label "潍坊高新区经济发展局"@zh .
          ?m a org:Membership ; org:member ?p ; org:organization ?org ;
             org:role [ a org:Role ; rdfs:label ?role ] ; prov:wasDerivedFrom ?s .
          ?st rdf:subject ?p ; rdf:predicate hz:holdsRole ; rdf:object ?org ; prov:wasDerivedFrom ?s .
          ?s a hz:Sentence ; hz:evidence ?evidence ; hz:start ?start ; hz:end ?end ; hz:article 0 ;
             hz:document/rdfs:label "001_473abfdb58def16d" .
        }"""))
    assert len(rows) == 1
    role, evidence, start, end = rows[0]
    assert role == Literal("党委书记、局长", lang="zh")
    assert str(evidence) == "潍坊高新区经济发展局党委书记、局长韩滨说。"
    assert weifang.raw[start.toPython():end.toPython()] == "潍坊高新区经济发展局\n\n党委书记、局长韩滨说。"


def test_total_investment_is_a_decimal_with_its_currency(graph):
    rows = list(graph.query(PREFIXES + """
        SELECT DISTINCT ?amount ?currency WHERE {
          ?p rdfs:label "磁悬浮智能制造产业化项目"@zh ; hz:totalInvestment ?amount ;
             hz:totalInvestmentAmount [ a schema:MonetaryAmount ; schema:value ?amount ; schema:currency ?currency ;
                                        prov:wasDerivedFrom ?s ] .
          ?st rdf:subject ?p ; rdf:predicate hz:totalInvestment ; rdf:object ?amount ; prov:wasDerivedFrom ?s .
        }"""))
    assert len(rows) == 1
    amount, currency = rows[0]
    assert amount.datatype == XSD.decimal and amount.toPython() == Decimal(3500000000)
    assert str(currency) == "CNY"


def test_a_fact_read_in_two_documents_is_one_statement_with_two_sources(graph):
    rows = list(graph.query(PREFIXES + """
        SELECT ?st (COUNT(?s) AS ?n) WHERE {
          ?p rdfs:label "磁悬浮智能制造产业化项目"@zh .
          ?st rdf:subject ?p ; rdf:predicate hz:locatedIn ; prov:wasDerivedFrom ?s .
        } GROUP BY ?st"""))
    assert [int(n) for _, n in rows] == [2]


def test_every_link_has_a_statement_with_provenance(graph):
    links = [(s, p, o) for s, p, o in graph if p in {HZ[x] for x in ("locatedIn", "partOf", "holdsRole",
                                                                       "totalInvestment")}]
    assert len(links) == 5
    for s, p, o in links:
        (st,) = set(graph.subjects(RDF.subject, s)) & set(graph.subjects(RDF.predicate, p)) \
            & set(graph.subjects(RDF.object, o))
        assert (st, RDF.type, RDF.Statement) in graph
        assert list(graph.objects(st, PROV.wasDerivedFrom))


def test_no_blank_nodes_and_our_iris_are_https(graph):
    for triple in graph:
        assert not any(isinstance(term, rdflib.BNode) for term in triple)
        for term in triple:
            if isinstance(term, URIRef):     # only the W3C's own vocabularies keep http
                assert str(term).startswith(("https://", "http://www.w3.org/")), term


def test_a_triple_with_neither_object_nor_value_is_dropped_with_a_warning():
    project = Entity("磁悬浮智能制造产业化项目", "Project")
    doc = Document(id="902_broken", raw="", entities=[project],
                   triples=[Triple(project, "totalInvestment")])
    with pytest.warns(UserWarning, match="neither object nor value"):
        graph = to_rdf(merge([doc]))
    assert not list(graph.subjects(RDF.type, RDF.Statement))


def test_the_same_post_read_twice_is_one_membership_and_another_post_is_another(weifang):
    chief = weifang.entity("韩滨")
    bureau = weifang.entity("潍坊高新区经济发展局")
    first = weifang.triples[3]
    assert (first.subject, first.role) == (chief, "党委书记、局长")
    weifang.triples += [Triple(chief, "holdsRole", bureau, role="党委书记、局长", provenance=weifang.triples[0].provenance),
                        Triple(chief, "holdsRole", bureau, role="副局长", provenance=first.provenance)]
    graph = to_rdf(merge([weifang]))
    memberships = {(m, graph.value(graph.value(m, ORG.role), rdflib.RDFS.label).toPython())
                   for m in graph.subjects(RDF.type, ORG.Membership)}
    assert sorted(role for _, role in memberships) == ["党委书记、局长", "副局长"]
    both = next(m for m, role in memberships if role == "党委书记、局长")
    assert len(set(graph.objects(both, PROV.wasDerivedFrom))) == 2
    # still one statement for the one link, derived from every sentence that says it
    (statement,) = graph.subjects(RDF.predicate, HZ.holdsRole)
    assert len(set(graph.objects(statement, PROV.wasDerivedFrom))) == 2


def test_a_city_lies_in_its_province_when_the_pages_name_both(weifang):
    city_links = PREFIXES + """
        SELECT ?source WHERE {
          ?zone rdfs:label "潍坊高新区"@zh ; hz:locatedIn ?city .
          ?city rdfs:label "潍坊市"@zh ; hz:locatedIn ?province .
          ?province rdfs:label "山东省"@zh .
          ?st rdf:subject ?city ; rdf:object ?province ; prov:wasDerivedFrom ?source .
          ?source a schema:Dataset .
        }"""
    assert not list(to_rdf(merge([weifang])).query(city_links))     # no province named, none added
    weifang.entities.append(Entity("山东省", "Place"))
    assert len(list(to_rdf(merge([weifang])).query(city_links))) == 1


def test_a_statement_has_the_confidence_of_its_surest_sentence_as_a_decimal(weifang, weifang_000):
    for doc, sure in ((weifang, "0.40"), (weifang_000, "0.85")):
        for item in [*doc.triples, *doc.entities]:
            item.confidence = Decimal(sure)
    graph = rdflib.Graph().parse(data=to_rdf(merge([weifang, weifang_000])).serialize(format="nt"), format="nt")
    rows = {(str(s), p): c for s, p, c in graph.query(PREFIXES + """
        SELECT ?s ?p ?c WHERE { ?st rdf:subject/rdfs:label ?s ; rdf:predicate ?p ; hz:confidence ?c }""")}
    # said in both documents: the surer one's; said in one: its own, as the text gave it (0.40, not 0.4)
    assert rows["磁悬浮智能制造产业化项目", HZ.locatedIn] == Literal("0.85", datatype=XSD.decimal)
    assert rows["磁悬浮智能制造产业化项目", HZ.totalInvestment] == Literal("0.85", datatype=XSD.decimal)
    assert rows["韩滨", HZ.holdsRole] == Literal("0.40", datatype=XSD.decimal)
    assert str(rows["韩滨", HZ.holdsRole]) == "0.40"
    assert len(rows) == 5       # every statement has one
    named = dict(graph.query(PREFIXES + "SELECT ?name ?c WHERE { ?e rdfs:label ?name ; hz:confidence ?c }"))
    assert named[Literal("潍坊高新区", lang="zh")] == Literal("0.85", datatype=XSD.decimal)   # named in both
    assert named[Literal("韩滨", lang="zh")] == Literal("0.40", datatype=XSD.decimal)
