"""Run a SPARQL query on a graph file (in pyoxigraph) or on an endpoint, and print the answer.

    from kg.sparql.query import query, render
    result = query("out/graph.ttl", "SELECT ?z ?name WHERE { ?z a hz:Zone ; rdfs:label ?name }")
    print(render(result, "table"))

Queries may use the graph's prefixes (hz:, rdfs:, zone:, …) without declaring
them. A TriG file's named graphs are queried as one default graph.
"""
from __future__ import annotations

from urllib.parse import urlsplit

from prettytable import PrettyTable
from pyoxigraph import (Literal, QueryBoolean, QueryResultsFormat, QuerySolutions, RdfFormat, parse,
                        parse_query_results, serialize)

from kg.rdf.graph import PREFIXES
from kg.rdf.load import load_store
from kg.read import InputError
from kg.sparql.http import request

RESULT_FORMATS = ("table", "csv", "json")
PREFIX_IRIS = {"rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
               "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
               **{name: str(ns) for name, ns in PREFIXES.items()}}


def is_endpoint(graph: str) -> bool:
    return urlsplit(graph).scheme in ("http", "https")


def query(graph: str, sparql: str):
    """The answer of `sparql` on a graph file or at an endpoint URL: solutions, a boolean or triples."""
    if is_endpoint(graph):
        return query_endpoint(graph, sparql)
    store = load_store(graph)
    try:
        return store.query(sparql, prefixes=PREFIX_IRIS, use_default_graph_as_union=True)
    except SyntaxError as exc:
        raise InputError(f"the query does not parse: {exc}") from None


def query_endpoint(url: str, sparql: str):
    """The SPARQL 1.1 Protocol: the query is POSTed as is, the answer read as SPARQL JSON or N-Triples."""
    # on the query's first line, so that the server's error positions still name the right line
    sparql = " ".join(f"PREFIX {p}: <{iri}>" for p, iri in PREFIX_IRIS.items()) + " " + sparql
    content_type, body = request(url, "POST", sparql.encode("utf-8"), {
        "Content-Type": "application/sparql-query",
        "Accept": "application/sparql-results+json, application/n-triples;q=0.9"})
    if content_type == "application/n-triples":
        return list(parse(body, format=RdfFormat.N_TRIPLES))
    return parse_query_results(body, format=QueryResultsFormat.JSON)


def render(result, fmt: str = "table") -> str:
    """A table, or the standard SPARQL CSV and JSON results; a graph (CONSTRUCT, DESCRIBE) as Turtle."""
    if fmt not in RESULT_FORMATS:
        raise InputError(f"unknown result format {fmt!r}; use one of {', '.join(RESULT_FORMATS)}")
    if isinstance(result, (QuerySolutions, QueryBoolean)) and fmt != "table":
        kind = QueryResultsFormat.CSV if fmt == "csv" else QueryResultsFormat.JSON
        return result.serialize(format=kind).decode("utf-8")
    if isinstance(result, QueryBoolean):
        return "true" if result else "false"
    if isinstance(result, QuerySolutions):
        return _table(result)
    return serialize(result, format=RdfFormat.TURTLE, prefixes=PREFIX_IRIS).decode("utf-8")


def _table(solutions: QuerySolutions) -> str:
    names = [v.value for v in solutions.variables]
    table = PrettyTable(names, align="l")
    rows = 0
    for solution in solutions:
        table.add_row([_cell(solution[name]) for name in names])
        rows += 1
    return f"{table.get_string()}\n{rows} row{'' if rows == 1 else 's'}"


def _cell(term) -> str:
    if term is None:
        return ""
    if isinstance(term, Literal):
        return term.value
    iri = getattr(term, "value", str(term))
    # the longest namespace, so zone:… rather than id:zone/…
    matches = [(len(ns), prefix) for prefix, ns in PREFIX_IRIS.items() if iri.startswith(ns) and iri != ns]
    if not matches:
        return f"<{iri}>"
    size, prefix = max(matches)
    return f"{prefix}:{iri[size:]}"
