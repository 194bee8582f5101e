"""Check a graph against ontology/shapes.ttl with pyshacl, and say what is wrong in words.

    from kg.rdf.validate import validate
    report = validate(load_graph("out/graph.ttl"))
    print(report.conforms, *report.explain(), sep="\\n")
"""
from __future__ import annotations

from dataclasses import dataclass, field

import pyshacl
import rdflib
from rdflib import RDF, RDFS, SH, Literal, URIRef
from rdflib.term import Node

from kg.rdf.graph import PREFIXES
from kg.rdf.ontology import SHAPES
from kg.rdf.terms import HZ


@dataclass(frozen=True)
class Violation:
    focus: Node
    message: str
    path: Node | None = None
    value: Node | None = None


@dataclass
class Report:
    graph: rdflib.Graph
    violations: list[Violation] = field(default_factory=list)

    @property
    def conforms(self) -> bool:
        return not self.violations

    def explain(self) -> list[str]:
        """One line a violation: what the node is, which property, what was found, what the rule is."""
        return sorted(self._line(v) for v in self.violations)

    def _line(self, v: Violation) -> str:
        where = self.describe(v.focus)
        if v.path is not None:
            where += f" {self.describe(v.path)}"
        found = f" (found {self.describe(v.value)})" if v.value is not None and v.value != v.focus else ""
        return f"{where}: {v.message}{found}"

    def describe(self, node: Node) -> str:
        if isinstance(node, Literal):
            return node.n3(self.graph.namespace_manager)
        if not isinstance(node, URIRef):
            return "a path"     # a property path shape: sh:resultPath is a blank node
        name = node.n3(self.graph.namespace_manager)
        label = self.graph.value(node, RDFS.label)
        kinds = sorted(t.removeprefix(HZ._NS) for t in self.graph.objects(node, RDF.type) if t.startswith(HZ._NS))
        return f"{'/'.join(kinds)} {label} {name}".strip() if label is not None else name


def shapes() -> rdflib.Graph:
    return rdflib.Graph().parse(SHAPES)


def validate(graph: rdflib.Graph) -> Report:
    for prefix, ns in PREFIXES.items():     # so that explanations name terms as the Turtle does
        graph.bind(prefix, ns, override=False)
    # advanced: the shapes use SPARQL constraints; no inference, so that a
    # class is only what the graph states, as a triple store would see it.
    _, results, _ = pyshacl.validate(graph, shacl_graph=shapes(), advanced=True, inference="none")
    return Report(graph, [Violation(focus=results.value(r, SH.focusNode),
                                    message=str(results.value(r, SH.resultMessage) or results.value(r, SH.sourceConstraintComponent)),
                                    path=results.value(r, SH.resultPath), value=results.value(r, SH.value))
                          for r in results.subjects(RDF.type, SH.ValidationResult)])
