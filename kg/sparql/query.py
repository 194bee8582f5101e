"""Run a SPARQL query on a graph file (in pyoxigraph) or on an endpoint, and print the answer.

    from kg.sparql.query import query, render
    result = query("out/graph.ttl", "SELECT ?z ?name WHERE { ?z a hz:Zone ; rdfs:label ?name }")
    print(render(result, "table"))

Queries may use the graph's prefixes (hz:, rdfs:, zone:, …) without declaring
them. A TriG file's named graphs are queried as one default graph.

`answer` is what kg query runs: the same, under a time limit that Ctrl-C does
not wait for. pyoxigraph cannot be interrupted inside a query, so a file is
queried in a child process, killed when the limit passes or on Ctrl-C.
"""
from __future__ import annotations

import json
import math
import multiprocessing
import re
import signal
from pathlib import Path

from prettytable import PrettyTable
from pyoxigraph import (Literal, QueryBoolean, QueryResultsFormat, QuerySolutions, RdfFormat, parse,
                        parse_query_results, serialize)

from kg.rdf.graph import PREFIXES
from kg.rdf.load import load_store
from kg.read import InputError
from kg.sparql.http import redact, request

RESULT_FORMATS = ("table", "csv", "json")
TIMEOUT = 30.0          # seconds, for kg query and kg serve
_RESULTS = {"application/sparql-results+json": "json", "application/json": "json", "application/n-triples": "nt"}
PREFIX_IRIS = {"rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
               "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
               **{name: str(ns) for name, ns in PREFIXES.items()}}


def is_endpoint(graph: str) -> bool:
    # Any scheme, so that kg.sparql.http refuses ftp://… as a URL, without its password, rather
    # than as a missing file; not by urlsplit, which raises on a malformed URL.
    return re.match(r"[A-Za-z][A-Za-z0-9+.-]*://", graph) is not None


def query(graph: str, sparql: str):
    """The answer of `sparql` on a graph file or at an endpoint URL: solutions, a boolean or triples."""
    if is_endpoint(graph):
        return query_endpoint(graph, sparql)
    return _query_store(load_store(graph), sparql)


def _query_store(store, sparql: str):
    try:
        return store.query(sparql, prefixes=PREFIX_IRIS, use_default_graph_as_union=True)
    except SyntaxError as exc:
        raise InputError(f"the query does not parse{_place(sparql, str(exc))}; check the SPARQL there") from None


def _place(sparql: str, message: str) -> str:
    """Where pyoxigraph's "error at 3:17: expected one of ABS, AVG, …" points, as line, column and the text
    that leads there (the column is just past what it could not read); the list of what its grammar expected
    says more of the parser than of the query."""
    at = re.match(r"error at (\d+):(\d+)", message)
    if not at:
        return f": {' '.join(message.split())[:200]}"
    line, column = int(at[1]), int(at[2])
    lines = sparql.splitlines() or [""]
    text = lines[line - 1][max(0, column - 21):column - 1].strip() if line <= len(lines) else ""
    return f" at line {line}, column {column}" + (f", after {text!r}" if text else "")


def query_endpoint(url: str, sparql: str, timeout: float = TIMEOUT):
    """The SPARQL 1.1 Protocol: the query is POSTed as is, the answer read as SPARQL JSON or N-Triples."""
    # on the query's first line, so that the server's error positions still name the right line
    sparql = " ".join(f"PREFIX {p}: <{iri}>" for p, iri in PREFIX_IRIS.items()) + " " + sparql
    content_type, body = request(url, "POST", sparql.encode("utf-8"), {
        "Content-Type": "application/sparql-query",
        "Accept": "application/sparql-results+json, application/n-triples;q=0.9"}, timeout=timeout)
    kind = _RESULTS.get(content_type)
    if kind is None:
        what = "an HTML page" if content_type == "text/html" else content_type
        raise InputError(f"{redact(url)} answered with {what}, not SPARQL results; "
                         f"give the endpoint's query URL (…/query, …/sparql)")
    try:
        if kind == "nt":
            return list(parse(body, format=RdfFormat.N_TRIPLES))
        json.loads(body)        # whole: pyoxigraph would only find a cut-off answer while printing it
        return parse_query_results(body, format=QueryResultsFormat.JSON)
    except (ValueError, SyntaxError):
        tail = body.decode("utf-8", "replace").strip().splitlines()[-1:] or ["nothing"]
        raise InputError(f"{redact(url)}: the answer breaks off or is not {content_type} (an endpoint cuts "
                         f"off a query past its time limit so); it ends: {tail[0][-200:]}") from None


def answer(graph: str, sparql: str, fmt: str = "table", timeout: float = TIMEOUT) -> str:
    """The answer rendered in `fmt`, or a one-line error once the query has run `timeout` seconds."""
    check_format(fmt)
    if is_endpoint(graph):
        return render(query_endpoint(graph, sparql, timeout), fmt)
    receive, send = multiprocessing.Pipe(duplex=False)
    child = multiprocessing.Process(target=_answer_in_child, args=(graph, sparql, fmt, send), daemon=True)
    child.start()
    send.close()
    try:
        message = _received(receive, child)
        if message == "loaded":
            # the time limit is the query's: loading a large file first does not count
            if not receive.poll(timeout):
                raise InputError(f"the query ran past {timeout:g} s and was stopped; give a longer --timeout, "
                                 f"or ask for less (LIMIT, a narrower pattern)")
            message = _received(receive, child)
        kind, text = message
    finally:
        child.kill()
        child.join()
    if kind == "error":
        raise InputError(text)
    return text


def _answer_in_child(graph: str, sparql: str, fmt: str, send) -> None:
    # Ctrl-C reaches the whole process group; the parent kills this process then, quietly
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        store = load_store(graph)
        send.send("loaded")
        send.send(("answer", render(_query_store(store, sparql), fmt)))
    except InputError as exc:
        send.send(("error", str(exc)))
    except (OSError, RuntimeError, ValueError) as exc:
        # pyoxigraph's errors while it evaluates: a SERVICE that cannot be reached, a bad regular expression
        send.send(("error", f"the query failed: {exc}"))


def _received(receive, child):
    try:
        return receive.recv()
    except EOFError:
        child.join()
        raise InputError(f"the query process stopped unexpectedly (exit code {child.exitcode})") from None


def read_query(path: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise InputError(f"{path}: not UTF-8 text; save the query as UTF-8") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read the query: {exc.strerror}") from None


def time_limit(text: str) -> float:
    """--timeout as given: seconds, more than none."""
    try:
        seconds = float(text)
    except ValueError:
        seconds = math.nan
    if not 0 < seconds < math.inf:
        raise InputError(f"--timeout {text}: give the seconds a query may run, a number above 0 (default: {TIMEOUT:g})")
    return seconds


def check_format(fmt: str) -> str:
    if fmt not in RESULT_FORMATS:
        raise InputError(f"unknown result format {fmt!r}; use one of {', '.join(RESULT_FORMATS)}")
    return fmt


def render(result, fmt: str = "table") -> str:
    """A table, or the standard SPARQL CSV and JSON results; a graph (CONSTRUCT, DESCRIBE) as Turtle."""
    check_format(fmt)
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
