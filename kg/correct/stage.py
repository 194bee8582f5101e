"""The corrections as a stage of kg build: which files, the names they declare, each page's record corrected.

    book = Book.read(corrections_files("news/", None))    # news/corrections.yaml, when there is one
    pages = declaring(read_documents("news/"), book)      # each page told the names to recognise
    item = corrected(extracted, book)                     # a page's record lines, corrected
"""
from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

import orjson

from kg.correct.apply import Book
from kg.correct.read import CorrectionsError
from kg.graph.load import RecordReader, confidence_of
from kg.model import Document, Problem
from kg.read import printable
from kg.run import Extracted
from kg.write.jsonl import line

DEFAULT = "corrections.yaml"        # found in the input folder when no file is given


def corrections_files(source: str | Path, given: Iterable[str | Path] | None) -> list[Path]:
    """The files given, each of which must be there; else the input folder's corrections.yaml, if any."""
    if given is None:
        default = Path(source) / DEFAULT
        return [default] if Path(source).is_dir() and default.is_file() else []
    files = [Path(given)] if isinstance(given, (str, os.PathLike)) else [Path(p) for p in given]
    for path in files:
        if not path.is_file():
            raise CorrectionsError(f"{printable(path)}: no such corrections file; give the YAML file of "
                                   f"decisions to apply (see README, Corrections)")
    return files


def not_pages(source: str | Path, book: Book) -> list[Path]:
    """The files a build does not read as pages: the corrections, and the input folder's corrections.yaml
    even when other files are given instead of it."""
    return [*book.files, Path(source) / DEFAULT]


def declaring(items: Iterable[Document | Problem], book: Book) -> Iterator[Document | Problem]:
    """Each page told the names it must recognise, before it is extracted (and before its cache key is made)."""
    names = book.declared
    for item in items:
        if names and isinstance(item, Document):
            item.declared = names
        yield item


def corrected(item: Extracted, book: Book) -> Extracted:
    """The page's record lines with the corrections applied, read back for the graph."""
    records = book.correct([_parsed(text) for text in item.lines])
    return Extracted(item.doc, [line(r) for r in records], item.articles, item.problems, item.reused,
                     read=read_back(item.doc, records))


def _parsed(text: str) -> dict:
    record = orjson.loads(text)
    if "confidence" in record:      # the Decimal the record's writer spells with its own digits (0.50), not 0.5
        record["confidence"] = confidence_of(record)
    return record


def added(book: Book) -> list[Extracted]:
    """The facts the corrections add: one document a file, named after it."""
    return [Extracted(doc, [line(r) for r in records], 0, read=read_back(doc, records))
            for doc, records in book.added()]


def read_back(doc: str, records: list[dict]) -> Document:
    reader = RecordReader()
    for record in records:
        reader.read(record, doc)
    return reader.documents.get(doc) or Document(doc, raw="")
