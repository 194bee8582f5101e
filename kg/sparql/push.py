"""Upload a graph file to a triple store with the SPARQL 1.1 Graph Store HTTP Protocol.

    from kg.sparql.push import push
    push("out/graph.ttl", "http://localhost:7878/store", graph="https://example.org/graphs/news")

The same request loads Oxigraph (…/store), Fuseki (…/dataset/data), GraphDB
(…/repositories/NAME/rdf-graphs/service) and Virtuoso (…/sparql-graph-crud).
"""
from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode, urlsplit

from pyoxigraph import DefaultGraph, NamedNode, RdfFormat, serialize

from kg.rdf.load import load_store
from kg.read import InputError
from kg.sparql.http import check_url, redact, request


@dataclass
class Pushed:
    triples: int
    graphs: list[str]       # the graphs written, "default" for the default graph


def push(path: str, endpoint: str, graph: str | None = None, replace: bool = False,
         token: str | None = None) -> Pushed:
    """Send every graph of the file: into `graph` if given, else each into the graph of the same name.

    replace=True uses PUT, which replaces what the target graph held; the
    default POST adds to it. `token` is sent as a bearer token, as kg serve
    --writable asks of updates.
    """
    check_url(endpoint)
    target = _named(graph) if graph else None
    store = load_store(path)
    sources = [DefaultGraph(), *store.named_graphs()]
    written, total = [], 0
    for source in sources:
        triples = [q.triple for q in store.quads_for_pattern(None, None, None, source)]
        if not triples and not (source == DefaultGraph() and len(sources) == 1):
            continue
        into = target or (source if isinstance(source, NamedNode) else None)
        body = serialize(triples, format=RdfFormat.TURTLE)
        headers = {"Content-Type": "text/turtle; charset=utf-8",
                   **({"Authorization": f"Bearer {token}"} if token else {})}
        content_type, _ = request(_graph_url(endpoint, into), "PUT" if replace else "POST", body, headers)
        if content_type == "text/html":
            # a graph store answers with nothing, or with counts; a page is a web site's, or a login's
            raise InputError(f"{redact(endpoint)} answered with an HTML page, not as a graph store does; "
                             f"give the graph store URL (…/store, …/data, …/rdf-graphs/service)")
        written.append(into.value if into is not None else "default")
        total += len(triples)
    return Pushed(total, sorted(set(written)))


def _named(iri: str) -> NamedNode:
    try:
        node = NamedNode(iri)
    except ValueError as exc:
        raise InputError(f"--graph {iri}: not an IRI ({exc}); give one like https://example.org/graphs/news") from None
    if not urlsplit(iri).scheme:
        raise InputError(f"--graph {iri}: not an absolute IRI; give one like https://example.org/graphs/news")
    return node


def _graph_url(endpoint: str, graph: NamedNode | None) -> str:
    param = urlencode({"graph": graph.value}) if graph is not None else "default"
    return f"{endpoint}{'&' if urlsplit(endpoint).query else '?'}{param}"
