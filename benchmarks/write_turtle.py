"""How long kg takes to write a graph of a million RDF triples as Turtle.

    python benchmarks/write_turtle.py                  (at least 1,000,000 triples)
    python benchmarks/write_turtle.py --triples 200000

The graph is the seeds' extraction copied with every entity renamed per copy
(示例高新区 → 示例高新区#17), so that each copy adds new nodes and facts as a
larger corpus would, until its RDF holds the triples asked for. The time is
that of kg.write.rdf.write_rdf: making the RDF terms, ordering and writing.
"""
from __future__ import annotations

import argparse
import copy
import dataclasses
import sys
import tempfile
import time
from pathlib import Path

from kg.graph.merge import Merger
from kg.model import Document
from kg.pipeline import extract_all
from kg.rdf.graph import rdf_triples
from kg.write.rdf import write_rdf

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def big_graph(triples: int):
    seeds = extract_all(SEEDS).documents
    per_copy = len(rdf_triples(_merged(seeds, 1)))
    return _merged(seeds, -(-triples // per_copy) + 2)     # copies share a few triples (the provinces)


def _merged(seeds: list[Document], copies: int):
    merger = Merger()
    for k in range(copies):
        for seed in seeds:
            entities, triples = copy.deepcopy((seed.entities, seed.triples))
            for entity in entities:
                entity.name = f"{entity.name}#{k}"
            doc = Document(id=f"{seed.id}-{k}", raw="", entities=entities, triples=triples)
            for t in doc.triples:
                if t.provenance is not None:
                    t.provenance = dataclasses.replace(t.provenance, doc=doc.id)
            merger.add(doc, len(seed.articles))
    return merger.graph()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--triples", type=int, default=1_000_000, help="at least this many triples (default 1M)")
    args = parser.parse_args()
    graph = big_graph(args.triples)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "graph.ttl"
        started = time.perf_counter()
        write_rdf(graph, path, "turtle")
        seconds = time.perf_counter() - started
        size = path.stat().st_size
    count = len(rdf_triples(graph))
    print(f"{count:,} triples ({len(graph.nodes):,} entities, {len(graph.triples):,} facts read in sentences) "
          f"written as Turtle in {seconds:.1f} s: {size / 1e6:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
