"""KnowledgeGraph → rdflib Graph, every fact with the sentence it was read from.

Each fact is written as the plain link (subject hz:pred object), which is what
queries and viewers want, and once more as an rdf:Statement that reifies the
link and is prov:wasDerivedFrom the evidence sentences. What a plain link
cannot hold gets a resource of its own, in the standard vocabulary for it: a
post held is an org:Membership with its org:Role, an amount is a
schema:MonetaryAmount with its currency and the text's hedge — each derived
from the same sentences. Everything gets an IRI minted from its content, never
a blank node, so that the same graph always serialises to the same bytes.
"""
from __future__ import annotations

import warnings
from decimal import Decimal

from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, ORG, OWL, PROV, SDO, SKOS, XSD

from kg.lexicon import load as load_lexicon
from kg.model import ENTITY_TYPES, KnowledgeGraph, Money, Node, Provenance, Triple, name_key
from kg.rdf.terms import (AMOUNT, DIVISIONS, HZ, ID, MEMBERSHIP, ROLE, STATEMENT, content_iri, document_iri,
                          entity_iri, entity_namespace, sentence_iri)

PREFIXES = {"hz": HZ._NS, "id": ID, "skos": SKOS, "prov": PROV, "schema": SDO, "org": ORG,
            "owl": OWL, "xsd": XSD, "statement": STATEMENT, "membership": MEMBERSHIP, "role": ROLE,
            "amount": AMOUNT, "dcterms": DCTERMS, **{t.lower(): entity_namespace(t) for t in ENTITY_TYPES}}


def to_rdf(kg: KnowledgeGraph) -> Graph:
    # "core" rather than rdflib's default, which binds some thirty unrelated
    # vocabularies that would then compete for prefixes.
    g = Graph(bind_namespaces="core")
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)
    for doc_id in kg.documents:
        _add_document(g, doc_id, kg.dates.get(doc_id))
    for node in kg.nodes.values():
        _add_node(g, node)
    for triple in kg.triples:
        _add_triple(g, triple)
    _add_provinces(g, kg)
    return g


def _add_document(g: Graph, doc_id: str, date: str | None) -> None:
    doc = document_iri(doc_id)
    g.add((doc, RDF.type, HZ.Document))
    g.add((doc, RDFS.label, Literal(doc_id)))
    if date:        # the publication date the input gave
        g.add((doc, DCTERMS.date, Literal(date, datatype=XSD.date)))


def _add_node(g: Graph, node: Node) -> None:
    iri = entity_iri(node.type, node.id)
    g.add((iri, RDF.type, HZ[node.type]))     # an unknown type fails here, loudly
    g.add((iri, RDFS.label, Literal(node.name, lang="zh")))
    for alias in node.aliases:
        g.add((iri, SKOS.altLabel, Literal(alias, lang="zh")))
    for doc_id in node.docs:
        g.add((iri, HZ.mentionedIn, document_iri(doc_id)))


def _add_triple(g: Graph, t: Triple) -> None:
    if t.object is not None:
        obj = entity_iri(t.object.type, t.object.id)
    elif t.value is not None:
        obj = _decimal(t.value)
    else:
        warnings.warn(f"dropped {t.predicate} triple of {t.subject.name!r}: it has neither object nor value")
        return
    subj, pred = entity_iri(t.subject.type, t.subject.id), HZ[t.predicate]
    g.add((subj, pred, obj))

    # A fact read in three sentences is one statement (one membership, one
    # amount) derived from three sentences.
    derived = [_add_statement(g, subj, pred, obj)]
    if t.predicate == "holdsRole" and t.role:
        derived.append(_add_membership(g, subj, obj, t.role))
    if t.value is not None:
        derived.append(_add_amount(g, subj, t.value))
    if t.provenance is not None:
        sentence = _add_sentence(g, t.provenance)
        for resource in derived:
            g.add((resource, PROV.wasDerivedFrom, sentence))


def _add_provinces(g: Graph, kg: KnowledgeGraph) -> None:
    """Each city or county the pages name lies in its province, if the pages name that too.

    Pages rarely say so (潍坊市 is in 山东省 is common knowledge), but "the zones
    of a province" is a question people ask; the division codes answer it, and
    the statement says that they, not a sentence, are its source.
    """
    places = load_lexicon().places
    named = {node.name: node for node in kg.nodes.values() if node.type == "Place"}
    links = []
    for node in sorted(named.values(), key=lambda n: n.id):
        place = places.get(node.name)
        # county names repeat across provinces (长安区); city names and county-level cities (…市) do not
        if place is not None and place.province in named and \
                (place.level == "city" or place.level == "county" and node.name.endswith("市")):
            links.append((entity_iri("Place", node.id), entity_iri("Place", named[place.province].id)))
    if not links:
        return
    g.add((DIVISIONS, RDF.type, SDO.Dataset))
    g.add((DIVISIONS, RDFS.label, Literal("中华人民共和国行政区划（统计用区划代码）", lang="zh")))
    g.add((DIVISIONS, RDFS.label, Literal("China's administrative divisions (statistical division codes)", lang="en")))
    for city, province in links:
        g.add((city, HZ.locatedIn, province))
        g.add((_add_statement(g, city, HZ.locatedIn, province), PROV.wasDerivedFrom, DIVISIONS))


def _add_statement(g: Graph, subj: URIRef, pred: URIRef, obj) -> URIRef:
    stmt = content_iri(STATEMENT, subj, pred, obj)
    g.add((stmt, RDF.type, RDF.Statement))
    g.add((stmt, RDF.subject, subj))
    g.add((stmt, RDF.predicate, pred))
    g.add((stmt, RDF.object, obj))
    return stmt


def _add_membership(g: Graph, person: URIRef, organisation: URIRef, post: str) -> URIRef:
    role = content_iri(ROLE, name_key(post))
    g.add((role, RDF.type, ORG.Role))
    g.add((role, RDFS.label, Literal(post, lang="zh")))
    membership = content_iri(MEMBERSHIP, person, organisation, role)
    g.add((membership, RDF.type, ORG.Membership))
    g.add((membership, ORG.member, person))
    g.add((membership, ORG.organization, organisation))
    g.add((membership, ORG.role, role))
    return membership


def _add_amount(g: Graph, project: URIRef, money: Money) -> URIRef:
    value = _decimal(money)
    amount = content_iri(AMOUNT, project, value, money.currency, money.qualifier)
    g.add((project, HZ.totalInvestmentAmount, amount))
    g.add((amount, RDF.type, SDO.MonetaryAmount))
    g.add((amount, SDO.value, value))
    g.add((amount, SDO.currency, Literal(money.currency)))
    if money.qualifier:
        g.add((amount, HZ.qualifier, Literal(money.qualifier, lang="zh")))
    return amount


def _add_sentence(g: Graph, p: Provenance) -> URIRef:
    sentence = sentence_iri(p.doc, p.sentence)
    g.add((sentence, RDF.type, HZ.Sentence))
    g.add((sentence, HZ.document, document_iri(p.doc)))
    g.add((sentence, HZ.article, Literal(p.article)))
    g.add((sentence, HZ.sentence, Literal(p.sentence)))
    g.add((sentence, HZ.evidence, Literal(p.text, lang="zh")))
    g.add((sentence, HZ.start, Literal(p.start)))
    g.add((sentence, HZ.end, Literal(p.end)))
    return sentence


def _decimal(money: Money) -> Literal:
    # Through repr, the shortest decimal that round-trips the float, so 3.5e9
    # is written 3500000000.0 and not with binary noise; 'f' keeps exponents
    # out, which the xsd:decimal lexical form does not allow.
    return Literal(format(Decimal(repr(float(money.amount))), "f"), datatype=XSD.decimal)
