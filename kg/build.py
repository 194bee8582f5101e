"""The main job: pages in, graph out — as one function a notebook can call.

    from kg.build import build
    report = build("seeds", "out")
    print(report.summary())
"""
from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from kg.graph.merge import merge
from kg.model import KnowledgeGraph
from kg.pipeline import Failure, extract_all
from kg.rdf.formats import FORMATS
from kg.read import page_paths
from kg.write.html import write_views
from kg.write.jsonl import write_jsonl
from kg.write.rdf import write_rdf


def outputs(rdf_format: str = "turtle") -> tuple[str, ...]:
    return (f"graph{FORMATS[rdf_format].suffix}", "extraction.jsonl", "graph.html", "views", "index.html")


@dataclass
class BuildReport:
    graph: KnowledgeGraph
    out: Path
    seconds: float
    failures: list[Failure] = field(default_factory=list)
    rdf_format: str = "turtle"

    def summary(self) -> str:
        g = self.graph
        types = Counter(n.type for n in g.nodes.values())
        predicates = Counter(t.predicate for t in g.triples)
        lines = [f"documents: {len(g.documents)}   articles: {g.articles}   "
                 f"entities: {len(g.nodes)}   triples: {len(g.triples)}   seconds: {self.seconds:.1f}",
                 "entities by type:    " + ", ".join(f"{t} {n}" for t, n in types.most_common()),
                 "triples by relation: " + ", ".join(f"{p} {n}" for p, n in predicates.most_common()),
                 "written: " + ", ".join(str(self.out / name) for name in outputs(self.rdf_format))]
        if self.failures:
            lines.append(f"skipped {len(self.failures)} page(s) that could not be read; see the messages above")
        return "\n".join(lines)


def build(source: str | Path, out: str | Path,
          progress: Callable[[int, int, str], None] | None = None, rdf_format: str = "turtle") -> BuildReport:
    """Extract every page under `source` and write the graph, the record and the views into `out`.

    rdf_format: turtle (graph.ttl), nt (graph.nt), jsonld (graph.jsonld) or trig (graph.trig).
    """
    started = time.perf_counter()
    total = len(page_paths(source))
    done = 0

    def tick(doc_id: str):
        nonlocal done
        done += 1
        if progress:
            progress(done, total, doc_id)

    run = extract_all(source, on_document=tick)
    graph = merge(run.documents)
    out = Path(out)
    if run.documents:
        out.mkdir(parents=True, exist_ok=True)
        write_jsonl(run.documents, out / "extraction.jsonl")
        write_rdf(graph, out / outputs(rdf_format)[0], rdf_format)
        write_views(graph, out)
    return BuildReport(graph, out, time.perf_counter() - started, run.failures, rdf_format)
