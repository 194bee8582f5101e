"""The main job: pages in, graph out — as one function a notebook can call.

    from kg.build import build
    report = build("seeds", "out")
    print(report.summary())

The output folder is replaced in one step when everything in it is written, so
a build that is interrupted, even by kill -9, leaves the previous one whole.
"""
from __future__ import annotations

import os
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from kg.graph.merge import merge
from kg.model import KnowledgeGraph, Problem
from kg.pipeline import extract_all
from kg.rdf.formats import FORMATS
from kg.read import InputError, expected_documents, page_paths
from kg.write.atomic import atomic_folder
from kg.write.html import write_views
from kg.write.jsonl import write_jsonl
from kg.write.problems import write_problems
from kg.write.rdf import write_rdf


def outputs(rdf_format: str = "turtle") -> tuple[str, ...]:
    return (f"graph{FORMATS[rdf_format].suffix}", "extraction.jsonl", "graph.html", "views", "index.html",
            "problems.jsonl")


# Everything a build writes, in any format: a new build replaces all of it, and
# keeps whatever else the folder holds.
WRITTEN = {name for rdf_format in FORMATS for name in outputs(rdf_format)}


@dataclass
class BuildReport:
    graph: KnowledgeGraph
    out: Path
    seconds: float
    problems: list[Problem] = field(default_factory=list)
    rdf_format: str = "turtle"

    @property
    def exit_code(self) -> int:
        """0: every page built; 1: built, with problems; 2: nothing could be built."""
        return 2 if not self.graph.documents else 1 if self.problems else 0

    def summary(self) -> str:
        g = self.graph
        types = Counter(n.type for n in g.nodes.values())
        predicates = Counter(t.predicate for t in g.triples)
        lines = [f"documents: {len(g.documents)}   articles: {g.articles}   "
                 f"entities: {len(g.nodes)}   triples: {len(g.triples)}   seconds: {self.seconds:.1f}",
                 "entities by type:    " + ", ".join(f"{t} {n}" for t, n in types.most_common()),
                 "triples by relation: " + ", ".join(f"{p} {n}" for p, n in predicates.most_common()),
                 "written: " + ", ".join(str(self.out / name) for name in outputs(self.rdf_format))]
        if self.problems:
            skipped = sum(p.skipped for p in self.problems)
            lines.append(f"problems: {len(self.problems)} ({skipped} skipped, {len(self.problems) - skipped} "
                         f"built with a warning), listed in {self.out / 'problems.jsonl'}")
        return "\n".join(lines)


def build(source: str | Path, out: str | Path,
          progress: Callable[[int, int, str], None] | None = None, rdf_format: str = "turtle") -> BuildReport:
    """Extract every page under `source` and write the graph, the record and the views into `out`.

    rdf_format: turtle (graph.ttl), nt (graph.nt), jsonld (graph.jsonld) or trig (graph.trig).
    """
    started = time.perf_counter()
    out = Path(out)
    folder = _output_folder(out)
    # the output folder among the pages is no news (nor are its graph.html and extraction.jsonl)
    exclude = [] if Path(source).resolve().is_relative_to(folder) else [folder]
    total = expected_documents(page_paths(source, exclude))
    done = 0

    def tick(doc_id: str):
        nonlocal done
        done += 1
        if progress:
            progress(done, total, doc_id)

    run = extract_all(source, on_document=tick, exclude=exclude)
    graph = merge(run.documents)
    if run.documents:
        with atomic_folder(folder, replaces=WRITTEN) as new:
            write_jsonl(run.documents, new / "extraction.jsonl")
            write_rdf(graph, new / outputs(rdf_format)[0], rdf_format)
            write_views(graph, new)
            write_problems(run.problems, new / "problems.jsonl")
    return BuildReport(graph, out, time.perf_counter() - started, run.problems, rdf_format)


def _output_folder(out: Path) -> Path:
    """Where `out` really is (a link to a folder is followed), if a build can replace it."""
    folder = Path(os.path.realpath(out))
    if folder.exists() and not folder.is_dir():
        raise InputError(f"{out}: a file, not a folder; give a folder to write into")
    if Path.cwd().resolve().is_relative_to(folder):
        raise InputError(f"{out}: the build replaces this folder as a whole, and it holds the current folder; "
                         "give the output a folder of its own (e.g. out)")
    return folder
