"""The extraction record of SCHEMA.md: what the scorer reads, one JSON object a line.

Keys beyond the schema's (id, byline, mentions, source, evidence, article,
sentence, span, confidence) are allowed and ignored by the scorer; they let a reader go from any
line back to the exact characters of the source file, and say how sure kg is of each
entity and fact ("confidence": 0.83, the last key of its line). A page whose input gives
a date or other metadata (a .jsonl article's keys) has a line of its own,
{"kind": "document", "doc", "date", "meta"}, before its entities; the scorer
reads only entity and triple lines.
"""
from __future__ import annotations

import json
import os
import warnings
from collections.abc import Iterable, Iterator
from decimal import Decimal

import orjson

from kg.confidence import normal
from kg.model import Document, Entity, Triple
from kg.rdf.terms import entity_iri
from kg.write.atomic import atomic_open


def records(doc: Document) -> Iterator[dict]:
    if doc.date or doc.meta:
        yield _document(doc)
    for entity in doc.entities:
        yield _entity(doc, entity)
    for triple in doc.triples:
        if triple.object is None and triple.value is None:
            warnings.warn(f"{doc.id}: dropped {triple.predicate} triple of {triple.subject.name!r}: "
                          "it has neither object nor value")
            continue
        yield _triple(doc, triple)


def line(record: dict) -> str:
    """A record as one line of compact JSON, the way every writer of the record spells it."""
    try:
        return orjson.dumps(record, default=_digits).decode()      # a fifth of the time json takes
    except orjson.JSONEncodeError:      # what orjson declines, such as an integer past 64 bits in a page's metadata
        return json.dumps(record, ensure_ascii=False, separators=(",", ":"), default=_as_float)


def _digits(value):
    # A confidence is a Decimal: written as the JSON number of its own digits (0.50, 0.83), as no
    # float would spell it.
    if isinstance(value, Decimal):
        return orjson.Fragment(format(value, "f"))
    raise TypeError(f"{type(value).__name__} is not JSON")


def _as_float(value):
    # json cannot write a number's digits as given; a confidence's two places read back the same from
    # the float. Only a document line with such metadata comes here, and it holds no confidence.
    if isinstance(value, Decimal):
        return float(value)
    raise TypeError(f"{type(value).__name__} is not JSON")


def json_number(amount: Decimal) -> int | float | str:
    """The amount as JSON that reads back as the same digits.

    35亿元 is 3500000000, as in the schema's example; 12.5元 is 12.5. A reader
    (orjson, Python's json, the scorer) takes a fraction or an integer past 64
    bits as a double, which holds 15 significant digits exactly: past that the
    amount is written as a string of its digits, which the scorer reads all the same.
    """
    whole = amount == amount.to_integral_value()
    if whole and abs(amount) < 2 ** 63:
        return int(amount)
    if Decimal(repr(float(amount))) == amount:
        return int(amount) if whole else float(amount)
    return format(amount, "f")


def write_jsonl(documents: Iterable[Document], path: str | os.PathLike) -> None:
    # Sorted by id, as kg.graph.merge does, so the file does not depend on the
    # order in which documents finished.
    with atomic_open(path, "w") as f:
        for doc in sorted(documents, key=lambda d: d.id):
            for record in records(doc):
                f.write(line(record) + "\n")


def _document(doc: Document) -> dict:
    # what the input said of the page (its date, an archive's other keys); the scorer reads no such line
    record = {"kind": "document", "doc": doc.id}
    if doc.date:
        record["date"] = doc.date
    if doc.meta:
        record["meta"] = doc.meta
    return record


def _entity(doc: Document, e: Entity) -> dict:
    record = {"kind": "entity", "doc": doc.id, "name": e.name, "type": e.type,
              "aliases": sorted(e.aliases), "id": str(entity_iri(e.type, e.id))}
    if e.byline:
        record["byline"] = True
    record["mentions"] = sorted(list(doc.original_span(m.start, m.end)) for m in e.mentions)
    record["source"] = sorted({m.source for m in e.mentions if m.source})     # the components that found it
    if e.confidence is not None:
        record["confidence"] = normal(e.confidence)
    return record


def _triple(doc: Document, t: Triple) -> dict:
    record = {"kind": "triple", "doc": doc.id, "subject": t.subject.name, "predicate": t.predicate}
    if t.object is not None:
        record["object"] = t.object.name
    else:
        record["value"] = json_number(t.value.amount)
        if t.value.currency:
            record["currency"] = t.value.currency
        if t.value.qualifier:
            record["qualifier"] = t.value.qualifier
    if t.role:
        record["role"] = t.role
    if t.source:
        record["source"] = t.source
    if t.provenance is not None:
        p = t.provenance
        record.update(evidence=p.text, article=p.article, sentence=p.sentence, span=[p.start, p.end])
    if t.confidence is not None:
        record["confidence"] = normal(t.confidence)
    if t.reviewer:      # a person checked it (kg/correct)
        record.update(reviewed=True, reviewer=t.reviewer)
    return record
