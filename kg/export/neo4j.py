"""The graph as neo4j-admin bulk-import CSVs, with the Cypher that loads the same files into a running database.

    from kg.export.neo4j import write_neo4j
    write_neo4j(to_networkx(load_graph("out")), "out/neo4j")

One nodes file per label and one relationships file per type, each with its
neo4j-admin header (`id:ID`, `:LABEL`, `aliases:string[]`, `:START_ID`, …),
UTF-8 without a BOM. Beside them `load.cypher` (constraints, then LOAD CSV and
MERGE, for cypher-shell) and `kuzu.cypher` (the same load for Kùzu, whose
tables must be declared first).
"""
from __future__ import annotations

import csv
import os
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx

from kg.export.cypher import ARRAY_DELIMITER, KUZU, NEO4J, load_script
from kg.model import ENTITY_TYPES, PREDICATES
from kg.write.atomic import atomic_open, atomic_write

NODE_HEADER = ["id:ID", ":LABEL", "name", "aliases:string[]", "docs:string[]"]
INVESTMENT_HEADER = ["totalInvestment:double", "currency"]
RELATIONSHIP_HEADER = [":START_ID", ":END_ID", ":TYPE", "role", "evidence:string[]", "doc:string[]"]
SCRIPTS = {"load.cypher": NEO4J, "kuzu.cypher": KUZU}
_OURS = re.compile(r"(nodes|relationships)_\w+\.csv")


@dataclass
class Table:
    name: str                   # the label, or the relationship type
    kind: str                   # "nodes" or "relationships"
    header: list[str]
    rows: list[list] = field(default_factory=list)
    pairs: list[tuple[str, str]] = field(default_factory=list)   # relationships: (start label, end label) found
    merge_on: tuple[str, ...] = ()   # relationships: properties that tell apart two between the same nodes

    @property
    def file(self) -> str:
        return f"{self.kind}_{self.name}.csv"


def relationship_type(predicate: str) -> str:
    """Neo4j's convention for types: locatedIn → LOCATED_IN."""
    return re.sub(r"(?<=[a-z])(?=[A-Z])", "_", predicate).upper()


def node_tables(g: nx.MultiDiGraph) -> list[Table]:
    members: dict[str, list] = {}
    for node, data in g.nodes(data=True):
        members.setdefault(data["type"], []).append((node, data))
    tables = []
    for label in sorted(members, key=lambda label: _rank(ENTITY_TYPES, label)):
        # Only labels with an amount get the money columns: no empty column for people.
        invested = any("totalInvestment" in data for _, data in members[label])
        table = Table(label, "nodes", NODE_HEADER + (INVESTMENT_HEADER if invested else []))
        for node, data in members[label]:
            money = [data.get("totalInvestment"), data.get("currency")] if invested else []
            table.rows.append([node, label, data["label"], data["aliases"], data["docs"], *money])
        tables.append(table)
    return tables


def relationship_tables(g: nx.MultiDiGraph) -> list[Table]:
    tables: dict[str, Table] = {}
    pairs: dict[str, Counter] = {}
    for start, end, data in g.edges(data=True):
        type_ = relationship_type(data["predicate"])
        table = tables.setdefault(type_, Table(type_, "relationships", list(RELATIONSHIP_HEADER)))
        table.rows.append([start, end, type_, data["role"], data["evidence"], data["docs"]])
        pairs.setdefault(type_, Counter())[g.nodes[start]["type"], g.nodes[end]["type"]] += 1
        if data["role"]:
            table.merge_on = ("role",)
    for type_, table in tables.items():
        table.pairs = [pair for pair, _ in pairs[type_].most_common()]
    return sorted(tables.values(), key=lambda t: _rank([relationship_type(p) for p in PREDICATES], t.name))


def write_neo4j(g: nx.MultiDiGraph, out: str | os.PathLike) -> list[Path]:
    """Write the CSVs and both load scripts into `out`; files of an earlier export that no longer apply are removed."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    nodes, relationships = node_tables(g), relationship_tables(g)
    written = [_write_csv(out / t.file, t) for t in (*nodes, *relationships)]
    for name, dialect in SCRIPTS.items():
        atomic_write(out / name, load_script(nodes, relationships, dialect))
        written.append(out / name)
    # A label gone from the graph must not come back from an old file with the next import.
    for stale in out.iterdir():
        if _OURS.fullmatch(stale.name) and stale not in written:
            stale.unlink()
    return written


def _write_csv(path: Path, table: Table) -> Path:
    with atomic_open(path, "w") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(table.header)
        writer.writerows([_cell(v) for v in row] for row in table.rows)
    return path


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        # neo4j-admin cannot escape the array delimiter; the full-width semicolon
        # reads the same in Chinese text and keeps each element whole.
        return ARRAY_DELIMITER.join(_text(v).replace(ARRAY_DELIMITER, "；") for v in value)
    if isinstance(value, float):
        return repr(value)
    return _text(value)


def _text(value) -> str:
    # A line break inside a field needs --multiline-fields on import and is
    # slow to parse; within a name or a sentence it is only a space.
    return " ".join(str(value).splitlines())


def _rank(order, name: str) -> tuple:
    order = list(order)
    return (order.index(name) if name in order else len(order), name)
