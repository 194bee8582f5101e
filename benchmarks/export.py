"""How long kg export and kg stats take as the graph grows, and a Kùzu load of the CSVs.

    python benchmarks/export.py [BUILD_DIR] [--copies 1 10 100]

The graph of BUILD_DIR (default: out, from `kg build seeds/ --out out/`) is
copied side by side N times under fresh ids, so the shape stays that of real
news while the size grows; seconds are wall-clock, one run each.
"""
from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

import kuzu
import networkx as nx

from kg.export.graphml import write_network
from kg.export.neo4j import write_neo4j
from kg.graph.load import load_graph
from kg.graph.network import to_networkx
from kg.graph.stats import graph_stats


def copies(g: nx.MultiDiGraph, n: int) -> nx.MultiDiGraph:
    return nx.union_all([nx.relabel_nodes(g, {node: f"{node}{k:04x}" for node in g}) for k in range(n)])


def timed(step):
    started = time.perf_counter()
    step()
    return time.perf_counter() - started


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("build", nargs="?", default="out")
    p.add_argument("--copies", type=int, nargs="+", default=[1, 10, 100])
    args = p.parse_args()
    base = to_networkx(load_graph(args.build))
    print("| copies | nodes | relationships | kg stats | neo4j CSVs + Cypher | Kùzu load | GraphML | GEXF |")
    print("|---|---|---|---|---|---|---|---|")
    for n in args.copies:
        g = copies(base, n)
        with tempfile.TemporaryDirectory() as tmp:
            tmp = Path(tmp)
            seconds = [timed(lambda: graph_stats(g)), timed(lambda: write_neo4j(g, tmp / "neo4j"))]
            here = Path.cwd()
            os.chdir(tmp / "neo4j")
            try:
                conn = kuzu.Connection(kuzu.Database(str(tmp / "kuzu")))
                seconds.append(timed(lambda: conn.execute(Path("kuzu.cypher").read_text(encoding="utf-8"))))
            finally:
                os.chdir(here)
            seconds += [timed(lambda: write_network(g, tmp / "g.graphml")),
                        timed(lambda: write_network(g, tmp / "g.gexf"))]
        print(f"| {n} | {g.number_of_nodes():,} | {g.number_of_edges():,} | "
              + " | ".join(f"{s:.1f} s" for s in seconds) + " |", flush=True)


if __name__ == "__main__":
    main()
