"""Evidence quoted from the page itself.

The stages before read a simplified, repaired copy of the page; this last one
puts the page's own text back in `raw` (see kg/text/simplify.py), and makes
each fact's evidence the span of the page it was read from, exactly as the page
has it — its own characters, traditional or simplified, and its own line
breaks — so that `doc.raw[start:end]` is always the evidence.
"""
from __future__ import annotations

import dataclasses

from kg.model import Document


def quote(doc: Document) -> Document:
    if doc.original:
        doc.raw, doc.original = doc.original, ""
    for triple in doc.triples:
        p = triple.provenance
        if p is not None:
            triple.provenance = dataclasses.replace(p, text=doc.raw[p.start:p.end])
    return doc
