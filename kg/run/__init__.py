"""Extraction at scale: every page extracted once, in one process, in N, or on a Dask cluster.

    from kg.run import extract_stream
    for item in extract_stream(read_documents("news/"), jobs=2, cache=Cache.default()):
        ...                                   # an Extracted per page, or a Problem, in reading order

A page's result is its lines of the extraction record, so what a worker sends
back, what the cache keeps and what the build writes are one and the same
thing, and a page gives the same output however it was extracted. The graph
is merged from those lines read back; a worker reads them back itself, so
that the process that merges does nothing per page but merge.
"""
from __future__ import annotations

import functools
import gc
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from decimal import Decimal

import orjson

from kg.confidence import kept
from kg.model import Document, Problem, Triple
from kg.read import InputError
from kg.run.cache import Cache


@dataclass
class Extracted:
    doc: str
    lines: list[str]                    # the page's extraction record, JSON a line
    articles: int = 0
    problems: list[Problem] = field(default_factory=list)
    reused: bool = False                # taken from the cache
    read: Document | None = None        # the lines read back: the page's entities and triples

    @property
    def built(self) -> bool:
        return not any(p.skipped for p in self.problems)

    def document(self) -> Document:
        """The page as its record lines say, with its entities and triples, for the graph."""
        if self.read is None:
            self.read = _read_back(self.doc, map(orjson.loads, self.lines))
        return self.read

    def at_least(self, threshold: Decimal) -> tuple[Extracted, list[Triple]]:
        """The page with only the facts read at `threshold` or more, in its lines and in its document
        alike, and the triples left out. A copy: what the cache keeps has every fact, so that another
        threshold needs no new extraction."""
        if threshold <= 0:
            return self, []
        doc = self.document()
        # a fact a person accepted (kg/correct) stays, however unsure the model was of it
        if all(kept(t.confidence, threshold) or t.reviewer for t in doc.triples):
            return self, []
        # Only triple lines are parsed again: every writer of the record starts a line with its kind.
        lines = [line for line in self.lines if not line.startswith('{"kind":"triple"')
                 or _kept(orjson.loads(line), threshold)]
        triples = [t for t in doc.triples if kept(t.confidence, threshold) or t.reviewer]
        left_out = [t for t in doc.triples if not (kept(t.confidence, threshold) or t.reviewer)]
        return replace(self, lines=lines, read=replace(doc, triples=triples)), left_out


def _kept(record: dict, threshold: Decimal) -> bool:
    from kg.graph.load import confidence_of

    return kept(confidence_of(record), threshold) or bool(record.get("reviewed"))


def _read_back(doc: str, records: Iterable[dict]) -> Document:
    from kg.graph.load import RecordReader

    reader = RecordReader()
    for record in records:
        reader.read(record, doc)
    return reader.documents.get(doc) or Document(doc, raw="")


# A passage that takes every stage through its lexicons and patterns.
_WARM_UP = ("济南高新区管委会主任王明表示，2023年济南高新区与山东华泰科技有限公司签约新材料、生物医药等产业项目12个，"
            "总投资120亿元，实施《高新区产业发展规划》。")


@functools.cache
def prepare() -> None:
    """Load every lexicon now, once a process, and set them aside from the garbage collector.

    Loaded before the workers fork, the lexicons are shared with them rather than
    built in each; frozen, the collector never writes to the objects, which would
    make each worker copy the pages that hold them.
    """
    from kg.pipeline import extract
    extract(_WARM_UP)
    gc.freeze()


@contextmanager
def fewer_collections():
    """Within the block, the garbage collector looks for cycles every 50,000 new objects, not every 700.

    A build keeps millions of objects to its end (the graph), and makes a few
    hundred cycles a page; collected every 700 objects, the collector spent a
    tenth of a build looking at the graph again and again. Workers forked
    within the block collect alike."""
    before = gc.get_threshold()
    gc.set_threshold(50_000, 20, 100)
    try:
        yield
    finally:
        gc.set_threshold(*before)


def extract_one(doc: Document) -> Extracted:
    """One page through every stage; a page that breaks a stage is reported, never fatal."""
    from kg.pipeline import process_page
    from kg.write.jsonl import line, records

    prepare()
    done = process_page(doc)
    if done is None:
        return Extracted(doc.id, [], 0, list(doc.problems))
    page = list(records(done))
    lines = [line(record) for record in page]
    # read back from the records themselves: what their lines would parse into, without the parsing
    return Extracted(doc.id, lines, len(done.articles), list(doc.problems), read=_read_back(doc.id, page))


def extract_stream(items: Iterable[Document | Problem], jobs: int = 1, cache: Cache | None = None,
                   dask: str | None = None) -> Iterator[Extracted | Problem]:
    """Each page's Extracted, and each Problem met in reading, in the order they were read.

    Pages are read as they are needed: however many there are, only a few at a
    time are held in memory, waiting for a worker or for their turn to be yielded."""
    cache = cache or Cache(None)
    mapper = _mapper(jobs, dask)
    with mapper as submit:
        queue: deque[Callable[[], Extracted | Problem]] = deque()
        for item in items:
            queue.append(_ticket(item, cache, submit))
            while len(queue) > mapper.window:
                yield queue.popleft()()
        while queue:
            yield queue.popleft()()


def _ticket(item, cache: Cache, submit) -> Callable[[], Extracted | Problem]:
    """What yields the item's result when its turn comes: at once if it is known, else when its worker is done."""
    if isinstance(item, Problem):
        return lambda: item
    if not cache.keeps:
        return submit(item)
    key = cache.key(item)
    found = cache.get(key)
    if found is not None:
        return lambda: found
    pending = submit(item)

    def result() -> Extracted:
        extracted = pending()
        if extracted.built:
            cache.put(key, extracted)
        return extracted
    return result


def check_workers(jobs: int, dask: str | None = None) -> None:
    """InputError unless `jobs` processes, or the cluster at `dask`, can be had: said before a page is read."""
    if isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 1:
        raise InputError(f"--jobs {jobs}: give 1 or more worker processes")
    # past a few per core, workers only share the cores and each holds its own pages in memory
    most = 4 * (os.cpu_count() or 1)
    if jobs > most:
        raise InputError(f"--jobs {jobs}: more workers than this machine can run ({os.cpu_count()} cores); "
                         f"give at most {most}")
    if dask is not None:
        from kg.run.cluster import check_address
        check_address(dask)


def _mapper(jobs: int, dask: str | None):
    if dask:
        from kg.run.cluster import DaskMapper
        return DaskMapper(dask)
    if jobs > 1:
        from kg.run.local import ProcessMapper
        return ProcessMapper(jobs)
    from kg.run.local import InlineMapper
    return InlineMapper()
