"""rdflib against pyoxigraph: load a graph of a million triples and ask it the example questions.

    python benchmarks/rdf_query.py                      # 1,000,000 triples
    python benchmarks/rdf_query.py --triples 200000

The graph is the seeds' graph copied with fresh IRIs until it holds the number
of triples asked for, so that it has the shape real output has (entities,
statements, sentences, memberships, amounts). It is written as Turtle, as
kg build writes it, and each library loads that file and runs the questions
of ontology/queries. Prints a Markdown table of seconds. rdflib gets at most
--limit seconds a question (it runs in a forked process that is stopped then).
"""
from __future__ import annotations

import argparse
import math
import multiprocessing
import tempfile
import time
from pathlib import Path

import pyoxigraph
import rdflib

from kg.graph.merge import merge
from kg.pipeline import extract_all
from kg.rdf.graph import to_rdf
from kg.rdf.ontology import example_queries
from kg.rdf.terms import ID

ROOT = Path(__file__).resolve().parents[1]
QUESTIONS = ("companies_per_zone", "zones_by_industry", "projects_over_1bn", "zones_of_province", "fact_with_source")


def seeds_triples() -> list[pyoxigraph.Triple]:
    turtle = to_rdf(merge(extract_all(ROOT / "seeds").documents)).serialize(format="nt", encoding="utf-8")
    return list(pyoxigraph.parse(turtle, format=pyoxigraph.RdfFormat.N_TRIPLES))


def copies(triples: list[pyoxigraph.Triple], wanted: int):
    """The triples again and again, our IRIs suffixed with the copy's number: wanted triples in all."""
    def renamed(term, n):
        if isinstance(term, pyoxigraph.NamedNode) and term.value.startswith(str(ID)):
            return pyoxigraph.NamedNode(f"{term.value}-{n}")
        return term
    for n in range(math.ceil(wanted / len(triples))):
        for t in triples:
            yield pyoxigraph.Triple(renamed(t.subject, n), t.predicate, renamed(t.object, n))


def timed(run) -> tuple[float, object]:
    started = time.perf_counter()
    result = run()
    return time.perf_counter() - started, result


def rdflib_query(graph: rdflib.Graph, sparql: str, limit: float) -> tuple[float | None, int | None]:
    """Seconds and rows, or (None, None) when rdflib has not answered within `limit` seconds."""
    # fork: the child shares the parsed graph and can be stopped, which a thread cannot
    context = multiprocessing.get_context("fork")
    answer = context.Queue()
    child = context.Process(target=lambda: answer.put(timed(lambda: len(list(graph.query(sparql))))))
    child.start()
    child.join(limit)
    if child.is_alive():
        child.terminate()
        child.join()
        return None, None
    return answer.get()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--limit", type=float, default=300, help="seconds rdflib gets for one question")
    args = parser.parse_args()
    queries = example_queries()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "graph.ttl"
        pyoxigraph.serialize(copies(seeds_triples(), args.triples), str(path), format=pyoxigraph.RdfFormat.TURTLE)

        def oxigraph_load():
            store = pyoxigraph.Store()
            store.bulk_load(path=str(path), format=pyoxigraph.RdfFormat.TURTLE)
            return store
        rows = []
        ox_load, store = timed(oxigraph_load)
        rd_load, graph = timed(lambda: rdflib.Graph().parse(path, format="turtle"))
        rows.append(("load the Turtle file", rd_load, ox_load))
        size = len(store)
        assert size == len(graph)
        for name in QUESTIONS:
            ox, ox_rows = timed(lambda: len(list(store.query(queries[name]))))
            rd, rd_rows = rdflib_query(graph, queries[name], args.limit)
            assert rd_rows in (None, ox_rows), (name, ox_rows, rd_rows)
            rows.append((f"{name}.rq ({ox_rows} rows)", rd, ox))
        megabytes = path.stat().st_size / 1e6
    print(f"{size:,} triples, {megabytes:.0f} MB of Turtle\n")
    print("| step | rdflib s | pyoxigraph s | ratio |\n|---|---:|---:|---:|")
    for step, rd, ox in rows:
        if rd is None:
            print(f"| {step} | no answer in {args.limit:.0f} | {ox:.3f} | |")
        else:
            print(f"| {step} | {rd:.2f} | {ox:.3f} | {rd / max(ox, 1e-3):.0f}× |")


if __name__ == "__main__":
    main()
