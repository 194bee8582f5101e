"""The graph for property-graph tools: Neo4j (and LadybugDB) CSVs with their Cypher, GraphML and GEXF.

    from kg.export import export
    export("out", "neo4j", "out/neo4j")           # a folder of CSVs, load.cypher, ladybug.cypher
    export("out", "gexf", "out/graph.gexf")       # one file, for Gephi
"""
from __future__ import annotations

import os
from pathlib import Path

from kg.export.graphml import FORMATS, write_network
from kg.export.neo4j import write_neo4j
from kg.graph.load import load_graph
from kg.graph.network import to_networkx
from kg.read import InputError

EXPORTS = ("neo4j", *FORMATS)


def export(source: str | os.PathLike, format: str, out: str | os.PathLike) -> list[Path]:
    """Read a built graph (see kg.graph.load) and write it in `format`; returns the files written."""
    if format not in EXPORTS:
        raise InputError(f"unknown export format {format!r}; use one of {', '.join(EXPORTS)}")
    g = to_networkx(load_graph(source))
    try:
        return _write(g, format, Path(out))
    except OSError as exc:
        raise InputError(f"cannot write {exc.filename or out}: {exc.strerror or exc}; "
                         f"give --out {'a folder' if format == 'neo4j' else 'a file or folder'} "
                         f"you can write to") from None


def _write(g, format: str, out: Path) -> list[Path]:
    if format == "neo4j":
        return write_neo4j(g, out)
    if out.suffix.lower() != f".{format}":      # a folder to write graph.gexf into
        out = out / f"graph.{format}"
    out.parent.mkdir(parents=True, exist_ok=True)
    return [write_network(g, out, format)]
