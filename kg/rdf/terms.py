"""The ontology's terms and the spelling of our IRIs, declared once.

`HZ` is closed: a term missing from ontology/hz.ttl is an AttributeError at the
first use, not a silently new IRI in the output.
"""
from __future__ import annotations

import hashlib
from functools import lru_cache
from urllib.parse import quote

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace
from rdflib.term import Node


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

    # the amount a totalInvestment figure stands for, with its currency and hedge
    totalInvestmentAmount: URIRef
    qualifier: URIRef
    # where a statement or a name was read
    mentionedIn: URIRef
    document: URIRef
    article: URIRef
    sentence: URIRef
    evidence: URIRef
    start: URIRef
    end: URIRef
    # how sure kg is of a statement or an entity
    confidence: URIRef
    # a person checked the fact, or added it (kg/correct)
    reviewed: URIRef


ID = Namespace("https://w3id.org/kg-hz/id/")


# Resources that stand for a fact rather than a named thing — a reified
# statement, a post held, a role, an amount — get IRIs minted from their
# content, each kind under its own path.
STATEMENT = Namespace(ID["statement/"])
MEMBERSHIP = Namespace(ID["membership/"])
ROLE = Namespace(ID["role/"])
AMOUNT = Namespace(ID["amount/"])
# the people who reviewed facts (a corrections file's `by:`)
AGENT = Namespace(ID["agent/"])

# The division codes in kg/data, the source of the links from a city to its province.
DIVISIONS = URIRef(ID["source/admin-divisions"])

# The named graph that TriG output puts the whole graph in.
GRAPH = URIRef(ID["graph"])


def content_iri(namespace: Namespace, *parts: Node | str) -> URIRef:
    """The same content always gives the same IRI, in any run, with no blank node."""
    key = "\t".join(p.n3() if isinstance(p, Node) else p for p in parts)
    return namespace[hashlib.sha1(key.encode()).hexdigest()[:16]]


def entity_namespace(type_: str) -> Namespace:
    # One path per type, so that Turtle can bind a prefix for each
    # (zone:b83fd62077cc181a) where one id: prefix could not abbreviate a path.
    return Namespace(ID[f"{type_.lower()}/"])


@lru_cache(maxsize=1 << 16)
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
