"""Relate: the facts of SCHEMA.md, each with the sentence it was read from."""
from __future__ import annotations

from kg.model import Document
from kg.relate import cooperation, located, projects, roles, topics
from kg.relate.confidence import assess
from kg.relate.context import Context

FINDERS = (located.find, roles.find, projects.find, topics.find, cooperation.find)


def relate(doc: Document) -> Document:
    ctx = Context(doc)
    for find in FINDERS:
        ctx.source = "rule:" + find.__module__.rsplit(".", 1)[-1]    # each fact says which rule read it
        find(ctx)
    doc.triples = list(ctx.triples.values())
    return assess(doc)
