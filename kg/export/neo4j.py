"""The graph as neo4j-admin bulk-import CSVs, with the Cypher that loads the same files into a running database.

    from kg.export.neo4j import write_neo4j
    write_neo4j(to_networkx(load_graph("out")), "out/neo4j")

One nodes file per label and one relationships file per type, each with its
neo4j-admin header (`id:ID`, `:LABEL`, `aliases:string[]`, `:START_ID`, …),
UTF-8 without a BOM. Beside them `load.cypher` (constraints, then LOAD CSV and
MERGE, for cypher-shell) and `ladybug.cypher` (the same load for LadybugDB,
whose tables must be declared first).

Labels and types are the graph's own but for what would make a loader read them
otherwise: control and format characters and backslashes are dropped, `;`
(neo4j-admin's list delimiter) becomes `；`, and a name that another differs
from only in case is numbered, as LadybugDB's table names ignore case. A file is
named after its label when the label is plain ASCII, else after a safe form of
it and a hash, so that no label can reach outside the folder or into a quote.
"""
from __future__ import annotations

import csv
import hashlib
import os
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import networkx as nx

from kg.export.cypher import ARRAY_DELIMITER, LADYBUG, NEO4J, load_script
from kg.model import ENTITY_TYPES, PREDICATES
from kg.write.atomic import atomic_open, atomic_write

NODE_HEADER = ["id:ID", ":LABEL", "name", "aliases:string[]", "docs:string[]"]
INVESTMENT_HEADER = ["totalInvestment:double", "currency"]
RELATIONSHIP_HEADER = [":START_ID", ":END_ID", ":TYPE", "role", "evidence:string[]", "doc:string[]"]
REVIEW_HEADER = ["reviewed:boolean", "reviewer"]       # a person checked the fact (kg/correct)
# Every graph kg builds has a confidence on each node, relationship and project's amount; one from an
# older kg has none, and gets no empty columns for them.
CONFIDENCE = "confidence:double"
INVESTMENT_CONFIDENCE = "totalInvestmentConfidence:double"
SCRIPTS = {"load.cypher": NEO4J, "ladybug.cypher": LADYBUG}
# kuzu.cypher: the embedded database's script before LadybugDB took over from Kùzu.
_OURS = re.compile(r"(nodes|relationships)_\w+\.csv|kuzu\.cypher")
_PLAIN = re.compile(r"[A-Za-z0-9_]+")
# Control and format characters (zero-width, bidi), lone surrogates, line and paragraph separators.
_DROPPED = {"Cc", "Cf", "Cs", "Zl", "Zp"}


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
        if _PLAIN.fullmatch(self.name):
            return f"{self.kind}_{self.name}.csv"
        digest = hashlib.sha1(self.name.encode("utf-8")).hexdigest()[:8]
        return f"{self.kind}_{'_'.join(_PLAIN.findall(self.name))}_{digest}.csv"


def relationship_type(predicate: str) -> str:
    """Neo4j's convention for types: locatedIn → LOCATED_IN."""
    return re.sub(r"(?<=[a-z])(?=[A-Z])", "_", predicate).upper()


@dataclass(frozen=True)
class Names:
    """The label of each entity type and the relationship type of each predicate."""
    labels: dict[str, str]
    types: dict[str, str]


def names(g: nx.MultiDiGraph) -> Names:
    # Labels first, in the ontology's order, so that a numbered name is never one of ours.
    taken: set[str] = set()
    labels = {t for _, t in g.nodes(data="type")}
    predicates = {p for _, _, p in g.edges(data="predicate")}
    return Names({t: _unique(_clean(t), taken) for t in sorted(labels, key=lambda t: _rank(ENTITY_TYPES, t))},
                 {p: _unique(_clean(relationship_type(p)), taken)
                  for p in sorted(predicates, key=lambda p: _rank(PREDICATES, p))})


def node_tables(g: nx.MultiDiGraph, named: Names) -> list[Table]:
    members: dict[str, list] = {}
    for node, data in g.nodes(data=True):
        members.setdefault(data["type"], []).append((node, data))
    tables = []
    for type_, label in named.labels.items():
        # A label gets a column only if some node has its value: no empty money columns for people,
        # no confidence for a graph from an older kg.
        optional = [(column, key) for column, key in ((CONFIDENCE, "confidence"),
                                                      *zip(INVESTMENT_HEADER, ("totalInvestment", "currency")),
                                                      (INVESTMENT_CONFIDENCE, "totalInvestmentConfidence"))
                    if any(key in data for _, data in members[type_])]
        table = Table(label, "nodes", NODE_HEADER + [column for column, _ in optional])
        for node, data in members[type_]:
            table.rows.append([node, label, data["label"], data["aliases"], data["docs"],
                               *(data.get(key) for _, key in optional)])
        tables.append(table)
    return tables


def relationship_tables(g: nx.MultiDiGraph, named: Names) -> list[Table]:
    sure = {data["predicate"] for _, _, data in g.edges(data=True) if "confidence" in data}
    tables = {p: Table(type_, "relationships", RELATIONSHIP_HEADER + ([CONFIDENCE] if p in sure else []) + REVIEW_HEADER)
              for p, type_ in named.types.items()}
    pairs: dict[str, Counter] = {p: Counter() for p in tables}
    for start, end, data in g.edges(data=True):
        table = tables[data["predicate"]]
        confidence = [data.get("confidence")] if data["predicate"] in sure else []
        table.rows.append([start, end, table.name, data["role"], data["evidence"], data["docs"], *confidence,
                           *_review(data)])
        pairs[data["predicate"]][named.labels[g.nodes[start]["type"]], named.labels[g.nodes[end]["type"]]] += 1
        if data["role"]:
            table.merge_on = ("role",)
    for predicate, table in tables.items():
        table.pairs = [pair for pair, _ in pairs[predicate].most_common()]
    return list(tables.values())


def _review(edge: dict) -> list[str]:
    return ["true" if edge.get("reviewed") else "false", edge.get("reviewer", "")]


def write_neo4j(g: nx.MultiDiGraph, out: str | os.PathLike) -> list[Path]:
    """Write the CSVs and both load scripts into `out`; files of an earlier export that no longer apply are removed."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    named = names(g)
    nodes, relationships = node_tables(g, named), relationship_tables(g, named)
    written = [_write_csv(out / t.file, t) for t in (*nodes, *relationships)]
    for name, dialect in SCRIPTS.items():
        atomic_write(out / name, load_script(nodes, relationships, dialect))
        written.append(out / name)
    # A label gone from the graph must not come back from an old file with the next import.
    for stale in out.iterdir():
        if _OURS.fullmatch(stale.name) and stale not in written:
            stale.unlink()
    return written


def _clean(name: str) -> str:
    # A backslash goes as well: some Cypher parsers read \u0060 as a backtick even inside backticks.
    kept = "".join(ch for ch in name if ch != "\\" and unicodedata.category(ch) not in _DROPPED)
    return kept.replace(ARRAY_DELIMITER, "；") or "_"


def _unique(name: str, taken: set[str]) -> str:
    candidate, number = name, 1
    while candidate.casefold() in taken:
        number += 1
        candidate = f"{name}_{number}"
    taken.add(candidate.casefold())
    return candidate


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
    if isinstance(value, Decimal):      # an amount, in the text's digits
        return format(value, "f")
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
