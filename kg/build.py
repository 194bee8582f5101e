"""The main job: pages in, graph out — as one function a notebook can call.

    from kg.build import build
    report = build("seeds", "out")
    print(report.summary())

The output folder is replaced in one step when everything in it is written, so
a build that is interrupted, even by kill -9, leaves the previous one whole.
"""
from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from kg.confidence import normal
from kg.correct import Book, CorrectionReport, added, corrected, corrections_files, declaring, not_pages
from kg.graph.merge import Merger
from kg.model import KnowledgeGraph, Problem, fact_key
from kg.rdf.formats import FORMATS
from kg.read import InputError, expected_documents, read_documents, scan
from kg.read.walk import OUTPUT_MARKER
from kg.recognize.learned import recogniser
from kg.relate.confidence import default_min_confidence
from kg.run import check_workers, extract_stream, fewer_collections
from kg.run.cache import Cache
from kg.run.local import alongside
from kg.write.atomic import atomic_folder, atomic_write
from kg.write.html import write_views
from kg.write.output import MARKER_TEXT, in_place, output_folder
from kg.write.problems import write_problems
from kg.write.rdf import write_rdf


def outputs(rdf_format: str = "turtle") -> tuple[str, ...]:
    return (f"graph{FORMATS[rdf_format].suffix}", "extraction.jsonl", "graph.html", "views", "index.html",
            "problems.jsonl")


# Everything a build writes, in any format, and its mark: a new build replaces
# all of it, and keeps whatever else the folder holds.
WRITTEN = {name for rdf_format in FORMATS for name in outputs(rdf_format)} | {OUTPUT_MARKER}


@dataclass
class BuildReport:
    graph: KnowledgeGraph
    out: Path
    seconds: float
    problems: list[Problem] = field(default_factory=list)
    rdf_format: str = "turtle"
    reused: int = 0             # pages whose extraction the cache held
    extracted: int = 0          # pages extracted afresh
    min_confidence: Decimal = Decimal("0.00")   # the facts kept are at this or more
    left_out: int = 0           # facts no sentence said at min_confidence or more
    corrections: CorrectionReport | None = None     # what the corrections files changed, when there were any

    @property
    def exit_code(self) -> int:
        """0: every page built; 1: built, with problems; 2: nothing could be built."""
        return 2 if not self.graph.documents else 1 if self.problems else 0

    def summary(self) -> str:
        g = self.graph
        types = Counter(n.type for n in g.nodes.values())
        facts = g.facts()
        predicates = Counter(t.predicate for t in facts.values())
        lines = [f"documents: {len(g.documents)}   articles: {g.articles}   "
                 f"entities: {len(g.nodes)}   facts: {len(facts)}   seconds: {self.seconds:.1f}",
                 f"pages extracted: {self.extracted}   reused from the cache: {self.reused}",
                 "entities by type:   " + ", ".join(f"{t} {n}" for t, n in types.most_common()),
                 "facts by relation:  " + ", ".join(f"{p} {n}" for p, n in predicates.most_common())]
        if self.min_confidence > 0:
            lines.append(f"min confidence: {self.min_confidence}   facts left out below it: {self.left_out}")
        if self.corrections:
            lines.append(self.corrections.summary())
        lines += ["written: " + ", ".join(str(self.out / name) for name in outputs(self.rdf_format))]
        if self.problems:
            skipped = sum(p.skipped for p in self.problems)
            lines.append(f"problems: {len(self.problems)} ({skipped} skipped, {len(self.problems) - skipped} "
                         f"built with a warning), listed in {self.out / 'problems.jsonl'}")
        return "\n".join(lines)


class _NothingBuilt(Exception):
    """No page could be built: the output folder is left as it was."""


def build(source: str | Path, out: str | Path, progress: Callable[[int, int, str], None] | None = None,
          rdf_format: str = "turtle", jobs: int = 1, cache: Cache | None = None, dask: str | None = None,
          force: bool = False, follow_links: bool = False,
          min_confidence: Decimal | float | str | None = None,
          corrections: Iterable[str | Path] | None = None) -> BuildReport:
    """Extract every page under `source` and write the graph, the record and the views into `out`.

    rdf_format: turtle (graph.ttl), nt (graph.nt), jsonld (graph.jsonld) or trig (graph.trig).
    jobs: worker processes; dask: the address of a Dask scheduler to extract on instead.
    cache: where extractions are kept between builds (Cache.default()); None extracts every page afresh.
    force: write into a folder that holds files kg did not write (kg/write/output.py says which are refused).
    follow_links: read the pages that links lead to outside `source` (by default each is reported).
    min_confidence: keep only the facts some sentence says at this confidence or more, from 0 to 1, in every
    output (default: kg.relate.confidence.default_min_confidence()); the record keeps only those sentences.
    corrections: the corrections files to apply (kg/correct); None: `source`/corrections.yaml when there is one.
    """
    started = time.perf_counter()
    out = Path(out)
    at_least = threshold(default_min_confidence() if min_confidence is None else min_confidence)
    check_workers(jobs, dask)
    recogniser()        # a model that cannot be read stops the build here, not on every page
    folder = output_folder(out, [source], force, WRITTEN)
    book = Book.read(corrections_files(source, corrections))     # a file that does not read stops the build here
    found = scan(source, not_pages(source, book), follow_links=follow_links)
    total = expected_documents(p for p in found if isinstance(p, Path)) + sum(isinstance(p, Problem) for p in found)
    report = BuildReport(KnowledgeGraph(), out, 0.0, rdf_format=rdf_format, min_confidence=at_least)
    try:
        with fewer_collections(), atomic_folder(folder, WRITTEN, in_place(folder)) as new:
            with (new / "extraction.jsonl").open("w", encoding="utf-8") as record:
                pages = declaring(read_documents(source, not_pages(source, book), follow_links=follow_links), book)
                merger, left_out = _extract(pages, record, report, progress, total, book, jobs=jobs, cache=cache,
                                            dask=dask)
            report.graph = merger.graph()
            report.corrections = book.report(report.graph) if book else None
            report.left_out = len(left_out - report.graph.facts().keys())
            if not report.graph.documents:
                raise _NothingBuilt
            # with workers to spare, the views are drawn while the graph is written
            with alongside(lambda: write_views(report.graph, new), fork=jobs > 1):
                write_rdf(report.graph, new / outputs(rdf_format)[0], rdf_format)
            write_problems(report.problems, new / "problems.jsonl")
            atomic_write(new / OUTPUT_MARKER, MARKER_TEXT)
    except _NothingBuilt:
        pass
    report.seconds = time.perf_counter() - started
    return report


def threshold(value: Decimal | float | str) -> Decimal:
    """A --min-confidence as a Decimal, or an InputError that says what to give."""
    try:
        return normal(value.strip() if isinstance(value, str) else value)
    except ValueError:
        raise InputError(f"--min-confidence {value}: give a number from 0 to 1, such as 0.5") from None


def _extract(items, record, report: BuildReport, progress, total: int, book: Book,
             **how) -> tuple[Merger, set[tuple]]:
    """Stream every page's extraction, corrected, into the record file and the graph; only the graph stays
    in memory. Then the facts the corrections add, as a document of their own.

    The threshold applies here, to each page as extracted or taken from the cache, and so to the record
    and the graph alike, and to every output written from them. Returns the facts of the sentences it
    left out (KnowledgeGraph.facts' keys), some of which other sentences may say surely enough."""
    merger = Merger()
    left_out: set[tuple] = set()
    for done, item in enumerate(extract_stream(items, **how), 1):
        if isinstance(item, Problem):
            report.problems.append(item)
            name = item.doc or Path(item.path).stem
        else:
            name = item.doc
            report.problems.extend(item.problems)
            if item.built:
                if book:        # before the threshold, which keeps the facts a person accepted
                    item = corrected(item, book)
                item, unsure = item.at_least(report.min_confidence)
                left_out.update(map(fact_key, unsure))
                record.write("".join(line + "\n" for line in item.lines))
                merger.add(item.document(), item.articles)
                report.reused += item.reused
                report.extracted += not item.reused
        if progress:
            progress(done, total, name)
    for item in added(book):
        record.write("".join(line + "\n" for line in item.lines))
        merger.add(item.document(), item.articles)
    return merger, left_out
