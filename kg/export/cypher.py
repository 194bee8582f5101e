"""The Cypher that loads the bulk-import CSVs into a running database, in Neo4j's dialect and in LadybugDB's.

Both scripts are written from the CSV headers (`aliases:string[]` is a list
split at ARRAY_DELIMITER, `totalInvestment:double` a number) and share one body
per file: MERGE each node on its id, then MATCH both ends by label and id and
MERGE the relationship. Only how a row is read and two function names differ,
so the LadybugDB script the tests run checks the Neo4j one's logic as well.

Labels and relationship types come from the graph, which a hand-edited record
can fill with anything: each is written in backticks (a backtick inside
doubled), never as bare Cypher, and the file names the scripts read are made
safe by kg.export.neo4j.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kg.export.neo4j import Table

# neo4j-admin's default array delimiter, so the import command needs no option for it.
ARRAY_DELIMITER = ";"


@dataclass(frozen=True)
class Dialect:
    name: str
    source: str                 # how a file's rows are read: {file}, {columns}
    ref: str                    # a column of the current row: {header}
    split: str                  # a string into a list: {ref}, {delimiter}
    number: str                 # a string into a double: {ref}
    schema: Callable[[list[Table], list[Table]], list[str]]   # what must exist before loading
    how_to_run: str
    boolean: str = "toBoolean({ref})"   # a string into a boolean: {ref}


def quoted(name: str) -> str:
    """A label, type or other name as a Cypher identifier, whatever it holds."""
    return "`" + name.replace("`", "``") + "`"


def _constraints(nodes: list[Table], relationships: list[Table]) -> list[str]:
    # Unique ids make MERGE and the MATCH of each relationship's ends index look-ups.
    return [f"CREATE CONSTRAINT {quoted(t.name + '_id')} IF NOT EXISTS FOR (n:{quoted(t.name)}) "
            f"REQUIRE n.id IS UNIQUE;" for t in nodes]


_LADYBUG_TYPES = {"ID": "STRING PRIMARY KEY", "string": "STRING", "string[]": "STRING[]", "double": "DOUBLE",
                  "boolean": "BOOLEAN"}


def _ladybug_tables(nodes: list[Table], relationships: list[Table]) -> list[str]:
    # LadybugDB has a schema: a table per label, and per type the label pairs it may join.
    def columns(t: Table) -> str:
        return ", ".join(f"{name} {_LADYBUG_TYPES[kind]}" for name, kind in map(_column, t.header) if name)

    def pairs(t: Table) -> str:
        return ", ".join(f"FROM {quoted(a)} TO {quoted(b)}" for a, b in t.pairs)

    return [*(f"CREATE NODE TABLE IF NOT EXISTS {quoted(t.name)}({columns(t)});" for t in nodes),
            *(f"CREATE REL TABLE IF NOT EXISTS {quoted(t.name)}({pairs(t)}, {columns(t)});" for t in relationships)]


NEO4J = Dialect("Neo4j 5", source="LOAD CSV WITH HEADERS FROM 'file:///{file}' AS row",
                ref="row.`{header}`", split="split({ref}, '{delimiter}')", number="toFloat({ref})",
                schema=_constraints,
                how_to_run="Copy the CSV files into Neo4j's import folder, then: "
                           "cypher-shell -u neo4j -p PASSWORD -f load.cypher")
LADYBUG = Dialect("LadybugDB", source="LOAD WITH HEADERS ({columns}) FROM '{file}' (header=true)",
                  ref="`{header}`", split="string_split({ref}, '{delimiter}')", number="CAST({ref} AS DOUBLE)",
                  schema=_ladybug_tables,
                  how_to_run="From this folder, as the file names are relative: "
                             "ladybug.Connection(ladybug.Database(PATH)).execute(open('ladybug.cypher').read())",
                  boolean="CAST({ref} AS BOOLEAN)")


def load_script(nodes: list[Table], relationships: list[Table], dialect: Dialect) -> str:
    statements = [*dialect.schema(nodes, relationships),
                  *(_load_nodes(t, dialect) for t in nodes),
                  *(_load_relationships(t, a, b, dialect) for t in relationships for a, b in t.pairs)]
    head = f"// The graph for {dialect.name}, written by kg export neo4j.\n// {dialect.how_to_run}\n"
    return head + "\n" + "\n\n".join(statements) + "\n"


def _load_nodes(t: Table, d: Dialect) -> str:
    properties = [h for h in t.header if _column(h)[0] and _column(h)[1] != "ID"]
    return (f"{_source(t, d)}\n"
            f"MERGE (n:{quoted(t.name)} {{id: {_ref(d, 'id:ID')}}})\n"
            f"SET {_assignments('n', properties, d)};")


def _load_relationships(t: Table, start: str, end: str, d: Dialect) -> str:
    # One statement per pair of labels: rows whose ends have other labels find
    # no match and are left to the statement for their own pair. Two MATCH
    # clauses, not one with a comma: LadybugDB (as Kùzu before it) plans the
    # comma as a cross product of the two labels first, which made 36,000
    # relationships take minutes.
    key = ", ".join(f"{name}: coalesce({_ref(d, name)}, '')" for name in t.merge_on)
    properties = [h for h in t.header if _column(h)[0] and _column(h)[0] not in t.merge_on]
    return (f"{_source(t, d)}\n"
            f"MATCH (a:{quoted(start)} {{id: {_ref(d, ':START_ID')}}})\n"
            f"MATCH (b:{quoted(end)} {{id: {_ref(d, ':END_ID')}}})\n"
            f"MERGE (a)-[r:{quoted(t.name)}{f' {{{key}}}' if key else ''}]->(b)\n"
            f"SET {_assignments('r', properties, d)};")


def _source(t: Table, d: Dialect) -> str:
    return d.source.format(file=t.file, columns=", ".join(f"`{h}` STRING" for h in t.header))


def _assignments(variable: str, headers: list[str], d: Dialect) -> str:
    return ", ".join(f"{variable}.{_column(h)[0]} = {_value(h, d)}" for h in headers)


def _value(header: str, d: Dialect) -> str:
    ref, kind = _ref(d, header), _column(header)[1]
    if kind.endswith("[]"):
        # An empty cell is no property, as neo4j-admin import leaves it, not a list of one empty string.
        return (f"CASE WHEN coalesce({ref}, '') = '' THEN null "
                f"ELSE {d.split.format(ref=ref, delimiter=ARRAY_DELIMITER)} END")
    if kind == "double":
        return d.number.format(ref=ref)
    if kind == "boolean":
        return d.boolean.format(ref=ref)
    return ref


def _ref(d: Dialect, header: str) -> str:
    return d.ref.format(header=header)


def _column(header: str) -> tuple[str, str]:
    """`aliases:string[]` → (aliases, string[]); `:LABEL` → ('', LABEL); `name` → (name, string)."""
    name, _, kind = header.partition(":")
    return name, kind or "string"
