"""How sure kg is of each entity and fact: a probability, calibrated on held-out folds.

Facts get theirs from the relation model (kg/relate/learned.py); an entity gets the
share of entities like it (its type, the components that found it, named once or
more) that were right on the folds the models never saw.
"""
from __future__ import annotations

from decimal import Decimal

from kg.confidence import kept
from kg.model import Document
from kg.relate.learned import decimal, relations


def default_min_confidence() -> Decimal:
    """The threshold `kg build` applies unless told otherwise: the one that maximised F1 in cross-validation."""
    return decimal(relations().threshold)


def assess(doc: Document) -> Document:
    model = relations()
    for e in doc.entities:
        e.confidence = decimal(model.entity_confidence(e))
    return doc


def confident(doc: Document, at: Decimal | None = None) -> Document:
    """The document with only the facts at confidence `at` or above (default: default_min_confidence())."""
    at = default_min_confidence() if at is None else at
    doc.triples = [t for t in doc.triples if kept(t.confidence, at)]
    return doc
