"""The stages a document passes through, in order, and the whole build.

    repair → segment → recognise → resolve → relate      (one document)
    graph → write                                         (all documents)

Each stage takes a `Document` and returns it with more filled in, so a notebook
can run any prefix of them and look at what it has.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from kg.model import Document
from kg.read import DocumentError, read_documents
from kg.recognize import recognise
from kg.relate import relate
from kg.resolve import resolve
from kg.text.repair import repair
from kg.text.segment import segment

STAGES: tuple[Callable[[Document], Document], ...] = (repair, segment, recognise, resolve, relate)


def process(doc: Document) -> Document:
    for stage in STAGES:
        doc = stage(doc)
        if not isinstance(doc, Document):
            raise TypeError(f"stage {stage.__name__} returned {type(doc).__name__}, not a Document")
    return doc


def extract(text: str, doc_id: str = "text") -> Document:
    """Run every stage over one text: the quickest way to see what kg reads in a passage."""
    return process(Document(id=doc_id, raw=text))


@dataclass
class Failure:
    path: str
    reason: str


@dataclass
class Run:
    documents: list[Document] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)


def extract_all(source: str | Path, on_document: Callable[[str], None] | None = None) -> Run:
    """Read and extract every page under `source`; a page that cannot be read is reported, not fatal."""
    run = Run()
    for item in read_documents(source):
        if isinstance(item, DocumentError):
            run.failures.append(Failure(item.path, item.reason))
        else:
            try:
                run.documents.append(process(item))
            except Exception as exc:    # one bad page must not spoil the others
                run.failures.append(Failure(item.path, f"extraction failed: {type(exc).__name__}: {exc}"))
        if on_document:
            on_document(Path(item.path).stem)
    return run

