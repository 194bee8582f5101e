"""A graph into a pyoxigraph store — a graph file, a build folder or its record — with a one-line error for a
file that does not parse.

pyoxigraph's parsers are strict (an IRI with a space, a relative IRI, a bad
escape are errors, not warnings) and name the line and column, so every
command that reads a graph reads it here.
"""
from __future__ import annotations

from pathlib import Path

import rdflib
from pyoxigraph import Quad, RdfFormat, Store, serialize

from kg.rdf.formats import FORMATS, format_of
from kg.graph.load import RECORD
from kg.read import InputError


def load_store(path: str | Path) -> Store:
    """A graph file, a folder written by kg build (its graph file), or an extraction record made into RDF."""
    path = graph_file(Path(path))
    if path.suffix == ".jsonl":
        return _from_record(path)
    rdf_format = format_of(path)
    store = Store()
    try:
        store.bulk_load(path=str(path), format=rdf_format)
    except SyntaxError as exc:
        raise InputError(f"{path}: not valid {rdf_format.name}{_where(exc)}: {_reason(exc)}") from None
    return store


def graph_file(path: Path) -> Path:
    """The file to read for `path`: itself, or in a folder kg build wrote the graph (graph.ttl …) or the record."""
    if path.is_dir():
        found = [path / f"graph{f.suffix}" for f in FORMATS.values()] + [path / RECORD]
        for candidate in found:
            if candidate.is_file():
                return candidate
        raise InputError(f"{path}: holds neither graph.ttl nor {RECORD}; give a folder written by kg build")
    if not path.is_file():
        raise InputError(f"{path}: no such file or folder; give a folder written by kg build, its graph.ttl "
                         f"or its {RECORD}")
    return path


def load_graph(path: str | Path) -> rdflib.Graph:
    """The file as one rdflib graph; the triples of named graphs are merged into it."""
    store = load_store(path)
    triples = (q.triple for q in store)
    return rdflib.Graph().parse(data=serialize(triples, format=RdfFormat.N_TRIPLES), format="nt")


def _from_record(path: Path) -> Store:
    from kg.graph.load import from_record
    from kg.rdf.graph import rdf_triples

    store = Store()
    store.bulk_extend(Quad(t.subject, t.predicate, t.object) for t in rdf_triples(from_record(path)))
    return store


def _where(exc: SyntaxError) -> str:
    return f" at line {exc.lineno}, column {exc.offset}" if exc.lineno else ""


def _reason(exc: SyntaxError) -> str:
    # pyoxigraph says "Parser error between line 3 column 11 and line 4 column 1: Unexpected end of file";
    # the place is said once, as line and column, and the reason kept to its first line
    message = (str(exc.msg or exc).strip().splitlines() or [type(exc).__name__])[0]
    return message.split(": ", 1)[1] if message.startswith("Parser error") and ": " in message else message
