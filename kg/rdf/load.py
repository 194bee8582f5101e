"""A graph file into a pyoxigraph store, with a one-line error for a file that does not parse.

pyoxigraph's parsers are strict (an IRI with a space, a relative IRI, a bad
escape are errors, not warnings) and name the line and column, so every
command that reads a graph reads it here.
"""
from __future__ import annotations

from pathlib import Path

import rdflib
from pyoxigraph import RdfFormat, Store, serialize

from kg.rdf.formats import format_of
from kg.read import InputError


def load_store(path: str | Path) -> Store:
    path = Path(path)
    if not path.is_file():
        raise InputError(f"{path}: no such file; give a graph written by kg build (graph.ttl)")
    rdf_format = format_of(path)
    store = Store()
    try:
        store.bulk_load(path=str(path), format=rdf_format)
    except SyntaxError as exc:
        raise InputError(f"{path}: not valid {rdf_format.name}: {_first_line(exc)}") from None
    return store


def load_graph(path: str | Path) -> rdflib.Graph:
    """The file as one rdflib graph; the triples of named graphs are merged into it."""
    store = load_store(path)
    triples = (q.triple for q in store)
    return rdflib.Graph().parse(data=serialize(triples, format=RdfFormat.N_TRIPLES), format="nt")


def _first_line(exc: Exception) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]
