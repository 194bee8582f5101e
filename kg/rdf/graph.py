"""KnowledgeGraph → RDF triples, every fact with the sentence it was read from.

Each fact is written as the plain link (subject hz:pred object), which is what
queries and viewers want, and once more as an rdf:Statement that reifies the
link, is prov:wasDerivedFrom the evidence sentences and has the fact's
hz:confidence, that of its surest sentence (as KnowledgeGraph.facts has it);
an entity has its own hz:confidence too. What a plain link
cannot hold gets a resource of its own, in the standard vocabulary for it: a
post held is an org:Membership with its org:Role, an amount is a
schema:MonetaryAmount with its currency and the text's hedge — each derived
from the same sentences. Everything gets an IRI minted from its content, never
a blank node, so that the same graph always serialises to the same bytes.

The triples are pyoxigraph terms, not an rdflib Graph: a graph of a million
triples is made and written in seconds this way, against minutes in rdflib.
`to_rdf` gives the rdflib Graph for the small graphs of validation and tests.
"""
from __future__ import annotations

import warnings
from decimal import Decimal
from functools import cache, lru_cache

import rdflib
from pyoxigraph import Literal, NamedNode, RdfFormat, Triple, serialize
from rdflib import RDF, RDFS
from rdflib.namespace import DCTERMS, ORG, OWL, PROV, SDO, SKOS, XSD

from kg.confidence import surest
from kg.graph import merge
from kg.model import ENTITY_TYPES, KnowledgeGraph, Money, Node, Provenance, Triple as Fact, name_key
from kg.rdf.terms import (AGENT, AMOUNT, DIVISIONS, HZ, ID, MEMBERSHIP, ROLE, STATEMENT, content_iri, document_iri,
                          entity_iri, entity_namespace, sentence_iri)

PREFIXES = {"hz": HZ._NS, "id": ID, "skos": SKOS, "prov": PROV, "schema": SDO, "org": ORG,
            "owl": OWL, "xsd": XSD, "statement": STATEMENT, "membership": MEMBERSHIP, "role": ROLE,
            "amount": AMOUNT, "dcterms": DCTERMS, **{t.lower(): entity_namespace(t) for t in ENTITY_TYPES}}


# the vocabulary's terms as pyoxigraph nodes, made once: a million triples look them up millions of times
DCTERMS_date = NamedNode(DCTERMS.date)
HZ_Document = NamedNode(HZ.Document)
HZ_Sentence = NamedNode(HZ.Sentence)
HZ_article = NamedNode(HZ.article)
HZ_confidence = NamedNode(HZ.confidence)
HZ_document = NamedNode(HZ.document)
HZ_end = NamedNode(HZ.end)
HZ_evidence = NamedNode(HZ.evidence)
HZ_locatedIn = NamedNode(HZ.locatedIn)
HZ_mentionedIn = NamedNode(HZ.mentionedIn)
HZ_qualifier = NamedNode(HZ.qualifier)
HZ_sentence = NamedNode(HZ.sentence)
HZ_start = NamedNode(HZ.start)
HZ_totalInvestmentAmount = NamedNode(HZ.totalInvestmentAmount)
ORG_Membership = NamedNode(ORG.Membership)
ORG_Role = NamedNode(ORG.Role)
ORG_member = NamedNode(ORG.member)
ORG_organization = NamedNode(ORG.organization)
ORG_role = NamedNode(ORG.role)
PROV_wasDerivedFrom = NamedNode(PROV.wasDerivedFrom)
PROV_wasAttributedTo = NamedNode(PROV.wasAttributedTo)
PROV_Agent = NamedNode(PROV.Agent)
HZ_reviewed = NamedNode(HZ.reviewed)
RDF_Statement = NamedNode(RDF.Statement)
RDF_object = NamedNode(RDF.object)
RDF_predicate = NamedNode(RDF.predicate)
RDF_subject = NamedNode(RDF.subject)
RDF_type = NamedNode(RDF.type)
RDFS_label = NamedNode(RDFS.label)
SDO_Dataset = NamedNode(SDO.Dataset)
SDO_MonetaryAmount = NamedNode(SDO.MonetaryAmount)
SDO_currency = NamedNode(SDO.currency)
SDO_value = NamedNode(SDO.value)
SKOS_altLabel = NamedNode(SKOS.altLabel)
XSD_date = NamedNode(XSD.date)
XSD_decimal = NamedNode(XSD.decimal)


class _Triples(dict):
    """The graph's triples, each once, in the order they were first added (which depends only on the graph)."""

    def __init__(self):
        super().__init__()
        # a fact read in twenty sentences, or a sentence that says five facts, is written out once
        self.derived: dict[tuple, list[NamedNode]] = {}     # fact → its statement, membership, amount
        self.sentences: dict[Provenance, NamedNode] = {}
        self.confidence: dict[tuple, Decimal | None] = {}   # fact → that of its surest sentence

    def add(self, triple: tuple) -> None:
        self.setdefault(Triple(*triple), None)


@cache
def _n(iri: str) -> NamedNode:
    return NamedNode(iri)


@lru_cache(maxsize=1 << 20)
def _entity(type_: str, entity_id: str) -> NamedNode:
    return NamedNode(entity_iri(type_, entity_id))


@lru_cache(maxsize=1 << 20)
def _document(doc_id: str) -> NamedNode:
    return NamedNode(document_iri(doc_id))


def _minted(namespace, *parts: NamedNode | Literal | str) -> NamedNode:
    # a term's N-Triples form, as rdflib's n3() gives it: the IRIs stay those of earlier versions
    return NamedNode(content_iri(namespace, *(p if isinstance(p, str) else str(p) for p in parts)))


def rdf_triples(kg: KnowledgeGraph) -> list[Triple]:
    """The graph's RDF triples, grouped by subject, in an order that depends only on the graph."""
    g = _Triples()
    for doc_id in kg.documents:
        _add_document(g, doc_id, kg.dates.get(doc_id))
    for node in kg.nodes.values():
        _add_node(g, node)
    for triple in kg.triples:
        _add_triple(g, triple)
    for fact, confidence in g.confidence.items():
        if confidence is not None:
            g.add((g.derived[fact][0], HZ_confidence, _confidence(confidence)))
    return sorted(g, key=lambda t: str(t.subject))      # stable: a subject's triples keep their order


def to_rdf(kg: KnowledgeGraph) -> rdflib.Graph:
    """The graph as an rdflib Graph, with our prefixes bound: for validation and small graphs."""
    # "core" rather than rdflib's default, which binds some thirty unrelated
    # vocabularies that would then compete for prefixes.
    graph = rdflib.Graph(bind_namespaces="core")
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns)
    return graph.parse(data=serialize(rdf_triples(kg), format=RdfFormat.N_TRIPLES), format="nt")


def _add_document(g: _Triples, doc_id: str, date: str | None) -> None:
    doc = _document(doc_id)
    g.add((doc, RDF_type, HZ_Document))
    g.add((doc, RDFS_label, Literal(doc_id)))
    if date:        # the publication date the input gave
        g.add((doc, DCTERMS_date, Literal(date, datatype=XSD_date)))


def _add_node(g: _Triples, node: Node) -> None:
    iri = _entity(node.type, node.id)
    g.add((iri, RDF_type, _n(HZ[node.type])))     # an unknown type fails here, loudly
    g.add((iri, RDFS_label, Literal(node.name, language="zh")))
    for alias in sorted(node.aliases):
        g.add((iri, SKOS_altLabel, Literal(alias, language="zh")))
    for doc_id in sorted(node.docs):
        g.add((iri, HZ_mentionedIn, _document(doc_id)))
    if node.confidence is not None:
        g.add((iri, HZ_confidence, _confidence(node.confidence)))


def _add_triple(g: _Triples, t: Fact) -> None:
    if t.object is not None:
        obj = _entity(t.object.type, t.object.id)
    elif t.value is not None:
        obj = _decimal(t.value)
    else:
        warnings.warn(f"dropped {t.predicate} triple of {t.subject.name!r}: it has neither object nor value")
        return
    # A fact read in three sentences is one statement (one membership, one
    # amount) derived from three sentences.
    fact = (t.subject.type, t.subject.id, t.predicate, obj, t.role)
    derived = g.derived.get(fact)
    if derived is None:
        subj, pred = _entity(t.subject.type, t.subject.id), _n(HZ[t.predicate])
        g.add((subj, pred, obj))
        derived = g.derived[fact] = [_add_statement(g, subj, pred, obj)]
        if t.predicate == "holdsRole" and t.role:
            derived.append(_add_membership(g, subj, obj, t.role))
        if t.value is not None:
            derived.append(_add_amount(g, subj, t.value))
    g.confidence[fact] = surest(g.confidence.get(fact), t.confidence)
    if t.reviewer:
        _reviewed(g, derived[0], t.reviewer)
    if t.provenance is not None:
        sentence = _add_sentence(g, t.provenance)
        for resource in derived:
            g.add((resource, PROV_wasDerivedFrom, sentence))
    elif t.source == merge.DIVISIONS:
        for resource in derived:
            g.add((resource, PROV_wasDerivedFrom, _divisions(g)))


def statement_iri(t: Fact) -> str:
    """The IRI of the statement that reifies the fact: what a corrections file may name it by."""
    obj = _entity(t.object.type, t.object.id) if t.object is not None else _decimal(t.value)
    return _minted(STATEMENT, _entity(t.subject.type, t.subject.id), _n(HZ[t.predicate]), obj).value


def _reviewed(g: _Triples, statement: NamedNode, reviewer: str) -> None:
    """A person checked the fact, or added it: who, as a prov:Agent."""
    agent = _minted(AGENT, reviewer)
    g.add((statement, HZ_reviewed, Literal(True)))
    g.add((statement, PROV_wasAttributedTo, agent))
    g.add((agent, RDF_type, PROV_Agent))
    g.add((agent, RDFS_label, Literal(reviewer)))


def _divisions(g: _Triples) -> NamedNode:
    """The division codes, the source of the links from a city to its province (kg.graph.merge.in_provinces)."""
    g.add((_n(DIVISIONS), RDF_type, SDO_Dataset))
    g.add((_n(DIVISIONS), RDFS_label, Literal("中华人民共和国行政区划（统计用区划代码）", language="zh")))
    g.add((_n(DIVISIONS), RDFS_label, Literal("China's administrative divisions (statistical division codes)", language="en")))
    return _n(DIVISIONS)


def _add_statement(g: _Triples, subj: NamedNode, pred: NamedNode, obj) -> NamedNode:
    stmt = _minted(STATEMENT, subj, pred, obj)
    g.add((stmt, RDF_type, RDF_Statement))
    g.add((stmt, RDF_subject, subj))
    g.add((stmt, RDF_predicate, pred))
    g.add((stmt, RDF_object, obj))
    return stmt


def _add_membership(g: _Triples, person: NamedNode, organisation: NamedNode, post: str) -> NamedNode:
    role = _minted(ROLE, name_key(post))
    g.add((role, RDF_type, ORG_Role))
    g.add((role, RDFS_label, Literal(post, language="zh")))
    membership = _minted(MEMBERSHIP, person, organisation, role)
    g.add((membership, RDF_type, ORG_Membership))
    g.add((membership, ORG_member, person))
    g.add((membership, ORG_organization, organisation))
    g.add((membership, ORG_role, role))
    return membership


def _add_amount(g: _Triples, project: NamedNode, money: Money) -> NamedNode:
    value = _decimal(money)
    amount = _minted(AMOUNT, project, value, money.currency, money.qualifier)
    g.add((project, HZ_totalInvestmentAmount, amount))
    g.add((amount, RDF_type, SDO_MonetaryAmount))
    g.add((amount, SDO_value, value))
    g.add((amount, SDO_currency, Literal(money.currency)))
    if money.qualifier:
        g.add((amount, HZ_qualifier, Literal(money.qualifier, language="zh")))
    return amount


def _add_sentence(g: _Triples, p: Provenance) -> NamedNode:
    if p in g.sentences:
        return g.sentences[p]
    sentence = g.sentences[p] = _n(sentence_iri(p.doc, p.sentence))
    g.add((sentence, RDF_type, HZ_Sentence))
    g.add((sentence, HZ_document, _document(p.doc)))
    g.add((sentence, HZ_article, Literal(p.article)))
    g.add((sentence, HZ_sentence, Literal(p.sentence)))
    g.add((sentence, HZ_evidence, Literal(p.text, language="zh")))
    g.add((sentence, HZ_start, Literal(p.start)))
    g.add((sentence, HZ_end, Literal(p.end)))
    return sentence


def _confidence(confidence) -> Literal:
    # its own digits (0.50), as the extraction record writes it
    return Literal(format(confidence, "f"), datatype=XSD_decimal)


def _decimal(money: Money) -> Literal:
    # the text's digits, with no exponent, which the xsd:decimal lexical form does not allow
    return Literal(money.digits, datatype=XSD_decimal)
