"""The knowledge graph as one RDF file: Turtle, N-Triples, JSON-LD or TriG."""
from __future__ import annotations

import json
import os

import pyoxigraph
from rdflib import Graph

from kg.model import KnowledgeGraph
from kg.rdf.formats import FORMATS
from kg.rdf.graph import PREFIXES, rdf_triples, to_rdf
from kg.rdf.terms import GRAPH
from kg.write.atomic import atomic_open


def write_rdf(kg: KnowledgeGraph, path: str | os.PathLike, rdf_format: str = "turtle") -> None:
    with atomic_open(path, "wb") as f:
        f.write(serialize(kg, rdf_format))


def serialize(kg: KnowledgeGraph, rdf_format: str) -> bytes:
    """The graph in one format. Turtle, N-Triples and TriG are written by pyoxigraph, a million triples
    in seconds; JSON-LD, which is for small graphs and web pages, by rdflib, which compacts it."""
    if rdf_format == "jsonld":
        return _jsonld(to_rdf(kg))
    triples = rdf_triples(kg)
    prefixes = {prefix: str(ns) for prefix, ns in PREFIXES.items()}
    if rdf_format == "nt":
        # N-Triples has no order of its own: sorted lines are the same bytes every run.
        lines = pyoxigraph.serialize(triples, format=pyoxigraph.RdfFormat.N_TRIPLES).splitlines(keepends=True)
        return b"".join(sorted(lines))
    if rdf_format == "trig":
        # One named graph holds it all, so a quad store keeps it apart from
        # whatever else it holds; the provenance stays in reified statements.
        graph = pyoxigraph.NamedNode(GRAPH)
        quads = (pyoxigraph.Quad(t.subject, t.predicate, t.object, graph) for t in triples)
        return pyoxigraph.serialize(quads, format=pyoxigraph.RdfFormat.TRIG, prefixes=prefixes)
    return pyoxigraph.serialize(triples, format=FORMATS[rdf_format].oxigraph, prefixes=prefixes)


def _jsonld(graph: Graph) -> bytes:
    context = {prefix: str(ns) for prefix, ns in graph.namespaces()}
    document = json.loads(graph.serialize(format="json-ld", context=context, auto_compact=True))
    return json.dumps(_in_order(document), ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8") + b"\n"


def _in_order(value, key: str = ""):
    # rdflib lists nodes and values in the order of its index, which varies by
    # run; sorted, they come out the same every time. Only @list is ordered in
    # JSON-LD, and the graph has none, but it is kept as it is all the same.
    if isinstance(value, dict):
        return {k: _in_order(v, k) for k, v in value.items()}
    if isinstance(value, list):
        items = [_in_order(v) for v in value]
        return items if key == "@list" else sorted(items, key=lambda v: json.dumps(v, sort_keys=True))
    return value
