"""Relate: the facts of SCHEMA.md, each with the sentence it was read from and a confidence.

The rules read what they can (each fact names the rule that read it); the relation
model (kg/relate/learned.py) then weighs every candidate pair, the rules' facts
among its features, and keeps each fact it finds with its confidence.
"""
from __future__ import annotations

from kg.model import Document
from kg.relate import cooperation, learned, located, projects, roles, signings, titles, topics
from kg.relate.confidence import assess
from kg.relate.context import Context

FINDERS = (located.find, roles.find, projects.find, signings.find, titles.find, topics.find, cooperation.find)


def read_by_rules(doc: Document) -> Context:
    """The document's context, with the facts the rules read in it."""
    ctx = Context(doc)
    for find in FINDERS:
        ctx.source = "rule:" + find.__module__.rsplit(".", 1)[-1]    # each fact says which rule read it
        find(ctx)
    return ctx


def relate(doc: Document) -> Document:
    ctx = read_by_rules(doc)
    doc.triples = learned.facts(ctx, list(ctx.triples.values()))
    return assess(doc)
