"""KnowledgeGraph → rdflib Graph, every fact with the sentence it was read from.

Each fact is written twice over: once as the plain link (subject hz:pred object),
which is what queries and viewers want, and once as an rdf:Statement that
carries what the link cannot — the holdsRole post, the currency and hedge of
an amount, and prov:wasDerivedFrom the evidence sentences. Statements and
sentences get IRIs minted from their content, never blank nodes, so that the
same graph always serialises to the same bytes.
"""
from __future__ import annotations

import hashlib
import warnings
from decimal import Decimal

from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import OWL, PROV, SDO, SKOS, XSD

from kg.model import ENTITY_TYPES, KnowledgeGraph, Money, Node, Provenance, Triple
from kg.rdf.terms import HZ, ID, STATEMENT, document_iri, entity_iri, entity_namespace, sentence_iri

PREFIXES = {"hz": HZ._NS, "id": ID, "skos": SKOS, "prov": PROV, "schema": SDO,
            "owl": OWL, "xsd": XSD, "statement": STATEMENT,
            **{t.lower(): entity_namespace(t) for t in ENTITY_TYPES}}


def to_rdf(kg: KnowledgeGraph) -> Graph:
    # "core" rather than rdflib's default, which binds some thirty unrelated
    # vocabularies that would then compete for prefixes.
    g = Graph(bind_namespaces="core")
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)
    for doc_id in kg.documents:
        _add_document(g, doc_id)
    for node in kg.nodes.values():
        _add_node(g, node)
    for triple in kg.triples:
        _add_triple(g, triple)
    return g


def _add_document(g: Graph, doc_id: str) -> None:
    doc = document_iri(doc_id)
    g.add((doc, RDF.type, HZ.Document))
    g.add((doc, RDFS.label, Literal(doc_id)))


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
        obj = _amount(t.value)
    else:
        warnings.warn(f"dropped {t.predicate} triple of {t.subject.name!r}: it has neither object nor value")
        return
    subj, pred = entity_iri(t.subject.type, t.subject.id), HZ[t.predicate]
    g.add((subj, pred, obj))

    # One statement per distinct fact: the same post read in three sentences is
    # one statement derived from three sentences; a different post is another.
    qualifiers = _qualifiers(t)
    stmt = _statement_iri(subj, pred, obj, qualifiers)
    g.add((stmt, RDF.type, RDF.Statement))
    g.add((stmt, RDF.subject, subj))
    g.add((stmt, RDF.predicate, pred))
    g.add((stmt, RDF.object, obj))
    for p, o in qualifiers:
        g.add((stmt, p, o))
    if t.provenance is not None:
        g.add((stmt, PROV.wasDerivedFrom, _add_sentence(g, t.provenance)))


def _qualifiers(t: Triple) -> list[tuple[URIRef, Literal]]:
    found = []
    if t.role:
        found.append((HZ.role, Literal(t.role, lang="zh")))
    if t.value is not None and t.value.currency:
        found.append((HZ.currency, Literal(t.value.currency)))
    if t.value is not None and t.value.qualifier:
        found.append((HZ.qualifier, Literal(t.value.qualifier, lang="zh")))
    return found


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


def _amount(money: Money) -> Literal:
    # Through repr, the shortest decimal that round-trips the float, so 3.5e9
    # is written 3500000000.0 and not with binary noise; 'f' keeps exponents
    # out, which the xsd:decimal lexical form does not allow.
    return Literal(format(Decimal(repr(float(money.amount))), "f"), datatype=XSD.decimal)


def _statement_iri(subj: URIRef, pred: URIRef, obj, qualifiers) -> URIRef:
    key = "\t".join(term.n3() for term in (subj, pred, obj, *(x for q in qualifiers for x in q)))
    return STATEMENT[hashlib.sha1(key.encode()).hexdigest()[:16]]
