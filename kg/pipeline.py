"""The stages a document passes through, in order, and the whole build.

    one document:   simplify → repair → segment → limit → recognise → resolve → derive → relate
                    → lexicon_names → own_bodies → quote
    all documents:  graph → write

Each stage takes a `Document` and returns it with more filled in, so a notebook
can run any prefix of them and look at what it has.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from kg.derive import derive
from kg.model import Document, Problem
from kg.read import read_documents
from kg.recognize import recognise
from kg.relate import relate
from kg.relate.confidence import confident
from kg.resolve import lexicon_names, own_bodies, resolve
from kg.text.limit import limit
from kg.text.quote import quote
from kg.text.repair import repair
from kg.text.segment import segment
from kg.text.simplify import simplify

STAGES: tuple[Callable[[Document], Document], ...] = (simplify, repair, segment, limit, recognise, resolve, derive,
                                                      relate, lexicon_names, own_bodies, quote)


def process(doc: Document, until: Callable[[Document], Document] | None = None) -> Document:
    """Every stage over `doc`, or those before `until` (training reads the pages up to their relations)."""
    for stage in STAGES[:STAGES.index(until)] if until else STAGES:
        doc = stage(doc)
        if not isinstance(doc, Document):
            raise TypeError(f"stage {stage.__name__} returned {type(doc).__name__}, not a Document")
    return doc


def process_page(doc: Document) -> Document | None:
    """process(doc); or, if a stage fails on it, None and the failure among the page's problems."""
    try:
        return process(doc)
    except Exception as exc:    # one bad page must not spoil the others
        doc.problems.append(Problem(doc.path, f"extraction failed: {type(exc).__name__}: {exc}", doc=doc.id))
        return None


def extract(text: str, doc_id: str = "text") -> Document:
    """Run every stage over one text: the quickest way to see what kg reads in a passage."""
    return process(Document(id=doc_id, raw=text))


@dataclass
class Run:
    documents: list[Document] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)     # pages skipped, and warnings of pages built


def extract_all(source: str | Path, on_document: Callable[[str], None] | None = None,
                exclude: Iterable[str | Path] = ()) -> Run:
    """Read and extract every page under `source`; a page that cannot be read is reported, not fatal."""
    run = Run()
    for item in read_documents(source, exclude):
        if isinstance(item, Problem):
            run.problems.append(item)
        else:
            done = process_page(item)
            if done is not None:
                run.documents.append(done)
            run.problems.extend(item.problems)
        if on_document:
            on_document(item.id if isinstance(item, Document) else item.doc or Path(item.path).stem)
    return run


def extract_lines(items: Iterable[Document | Problem], lines: bool = False) -> Iterator[Document | Problem]:
    """What `kg extract` prints: each document extracted, and the problems met on the way, in order.

    With `lines`, every line of a page is a document of its own, named by its number (1, 2, …)."""
    for item in items:
        if isinstance(item, Problem):
            yield item
            continue
        docs = [Document(id=str(n), raw=line) for n, line in enumerate(item.raw.splitlines(), 1)
                if line.strip()] if lines else [item]
        for doc in docs:
            yield confident(process(doc))       # the facts a build keeps by default
        yield from item.problems + [p for doc in docs if doc is not item for p in doc.problems]
