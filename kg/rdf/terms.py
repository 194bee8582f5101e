"""The ontology's terms and the spelling of our IRIs, declared once.

`HZ` is closed: a term missing from ontology/hz.ttl is an AttributeError at the
first use, not a silently new IRI in the output.
"""
from __future__ import annotations

from urllib.parse import quote

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace


class HZ(DefinedNamespace):
    _NS = Namespace("https://w3id.org/kg-hz/ontology#")
    _fail = True

    # the ten entity types of SCHEMA.md
    Zone: URIRef
    Place: URIRef
    Company: URIRef
    Organization: URIRef
    GovernmentAgency: URIRef
    Person: URIRef
    Project: URIRef
    Industry: URIRef
    Policy: URIRef
    Product: URIRef
    # the sources that provenance points to
    Document: URIRef
    Sentence: URIRef

    # the ten relations of SCHEMA.md
    locatedIn: URIRef
    partOf: URIRef
    signs: URIRef
    investsIn: URIRef
    holdsRole: URIRef
    cooperatesWith: URIRef
    focusesOn: URIRef
    issues: URIRef
    produces: URIRef
    totalInvestment: URIRef

    # what a statement carries besides its three ends
    role: URIRef
    currency: URIRef
    qualifier: URIRef
    # where a statement or a name was read
    mentionedIn: URIRef
    document: URIRef
    article: URIRef
    sentence: URIRef
    evidence: URIRef
    start: URIRef
    end: URIRef


ID = Namespace("https://w3id.org/kg-hz/id/")


# Statements are minted from their content (kg.rdf.graph) under their own path.
STATEMENT = Namespace(ID["statement/"])


def entity_namespace(type_: str) -> Namespace:
    # One path per type, so that Turtle can bind a prefix for each
    # (zone:b83fd62077cc181a) where one id: prefix could not abbreviate a path.
    return Namespace(ID[f"{type_.lower()}/"])


def entity_iri(type_: str, entity_id: str) -> URIRef:
    # The id is hex (Entity.id), so the IRI never holds Chinese, spaces or
    # brackets that a strict parser or a browser would choke on.
    return entity_namespace(type_)[entity_id]


def document_iri(doc_id: str) -> URIRef:
    # Document ids are file stems and may hold anything; percent-encoding keeps
    # the IRI valid while leaving the usual ASCII stems readable.
    return ID[f"document/{quote(doc_id, safe='')}"]


def sentence_iri(doc_id: str, sentence: int) -> URIRef:
    return URIRef(f"{document_iri(doc_id)}/sentence/{sentence}")
