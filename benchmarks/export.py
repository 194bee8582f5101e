"""How long kg export and kg stats take as the graph grows, and a LadybugDB load of the CSVs.

    python benchmarks/export.py [BUILD_DIR] [--copies 1 10 100]

The graph of BUILD_DIR (default: out, from `kg build seeds/ --out out/`) is
copied side by side N times under fresh ids, so the shape stays that of real
news while the size grows; seconds are wall-clock, one run each. Where the
archived Kùzu is still installed, the same script is also timed in it, beside
LadybugDB, its maintained fork, which the export now writes for.
"""
from __future__ import annotations

import argparse
import importlib.util
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

from kg.export.graphml import write_network
from kg.export.neo4j import write_neo4j
from kg.graph.load import load_graph
from kg.graph.network import to_networkx
from kg.graph.stats import graph_stats

KUZU = importlib.util.find_spec("kuzu") is not None


def copies(g: nx.MultiDiGraph, n: int) -> nx.MultiDiGraph:
    return nx.union_all([nx.relabel_nodes(g, {node: f"{node}{k:04x}" for node in g}) for k in range(n)])


def timed(step):
    started = time.perf_counter()
    step()
    return time.perf_counter() - started


# Each database in a process of its own: the two modules cannot be imported into one.
LOAD = """import sys, time, {module} as db
conn = db.Connection(db.Database(sys.argv[1]))
script = open("ladybug.cypher", encoding="utf-8").read()
started = time.perf_counter()
conn.execute(script)
print(time.perf_counter() - started)"""


def load_time(module: str, folder: Path, where: Path) -> float:
    """Seconds to run the export's ladybug.cypher in a new database of `module` (ladybug, or kuzu)."""
    # run from the export's folder, as the script names its CSVs relative to it
    done = subprocess.run([sys.executable, "-c", LOAD.format(module=module), str(where)], cwd=folder,
                          capture_output=True, text=True, check=True)
    return float(done.stdout)


def row(g: nx.MultiDiGraph, tmp: Path) -> list[str]:
    seconds = [timed(lambda: graph_stats(g)), timed(lambda: write_neo4j(g, tmp / "neo4j")),
               load_time("ladybug", tmp / "neo4j", tmp / "ladybug")]
    if KUZU:
        seconds.append(load_time("kuzu", tmp / "neo4j", tmp / "kuzu"))
    seconds += [timed(lambda: write_network(g, tmp / "g.graphml")), timed(lambda: write_network(g, tmp / "g.gexf"))]
    return [f"{s:.1f} s" for s in seconds]


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("build", nargs="?", default="out")
    p.add_argument("--copies", type=int, nargs="+", default=[1, 10, 100])
    args = p.parse_args()
    base = to_networkx(load_graph(args.build))
    columns = ["kg stats", "neo4j CSVs + Cypher", "LadybugDB load", *(["Kùzu load"] if KUZU else []),
               "GraphML", "GEXF"]
    print("| copies | nodes | relationships | " + " | ".join(columns) + " |")
    print("|---" * (len(columns) + 3) + "|")
    for n in args.copies:
        g = copies(base, n)
        with tempfile.TemporaryDirectory() as tmp:
            cells = row(g, Path(tmp))
        print(f"| {n} | {g.number_of_nodes():,} | {g.number_of_edges():,} | " + " | ".join(cells) + " |", flush=True)


if __name__ == "__main__":
    main()
