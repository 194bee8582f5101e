"""The graph as GraphML or GEXF, through networkx, for Gephi and Cytoscape.

    from kg.export.graphml import write_network
    write_network(to_networkx(load_graph("out")), "out/graph.gexf")

Nodes carry `label` (the Chinese name), `type`, `aliases`, `docs` and, for
projects, `totalInvestment` and `currency`; edges carry `label` (the relation,
with the post for holdsRole), `predicate`, `role`, `evidence` and `docs`.
Neither format holds lists, so aliases and documents are joined with "；" and
evidence sentences with line breaks. Characters XML 1.0 cannot hold (control
characters but tab and line breaks, lone surrogates, U+FFFE and U+FFFF) are
dropped from every name, key and value, so that any page gives a file its
readers accept.
"""
from __future__ import annotations

import os
import re
from decimal import Decimal
from pathlib import Path

import networkx as nx
from networkx.readwrite.gexf import GEXFWriter
from networkx.readwrite.graphml import GraphMLWriter

from kg.read import InputError
from kg.write.atomic import atomic_open


class _Exact:
    """A writer that takes an amount's Decimal as a double, written in the text's digits (116000000)."""

    def construct_types(self):
        super().construct_types()
        self.xml_type[Decimal] = "double"


class _GraphML(_Exact, GraphMLWriter):
    pass


class _GEXF(_Exact, GEXFWriter):
    pass


def _graphml(g: nx.MultiDiGraph, f) -> None:
    # networkx's own writer, not the lxml one nx.write_graphml picks when lxml is installed: the same
    # bytes on every machine
    writer = _GraphML(encoding="utf-8", prettyprint=True, edge_id_from_attribute="id")
    writer.add_graph_element(g)
    writer.dump(f)


def _gexf(g: nx.MultiDiGraph, f) -> None:
    writer = _GEXF(encoding="utf-8", prettyprint=True)
    writer.add_graph(g)
    writer.write(f)


FORMATS = {"graphml": _graphml, "gexf": _gexf}
_JOINERS = {"evidence": "\n"}
_JOIN = "；"
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def write_network(g: nx.MultiDiGraph, path: str | os.PathLike, format: str | None = None) -> Path:
    """Write GraphML or GEXF, chosen by `format` or else by the file's suffix."""
    path = Path(path)
    format = format or path.suffix.lstrip(".").lower()
    if format not in FORMATS:
        raise InputError(f"{path}: cannot tell the format; name the file .graphml or .gexf")
    with atomic_open(path, "wb") as f:
        FORMATS[format](flat(g), f)
    return path


def flat(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy whose attributes are all strings or numbers, as both formats require."""
    out = nx.MultiDiGraph()
    for node, data in g.nodes(data=True):
        out.add_node(_xml(node), **_flat(data))
    for number, (start, end, key, data) in enumerate(g.edges(keys=True, data=True)):
        label = f"{data['predicate']}（{data['role']}）" if data["role"] else data["predicate"]
        # A numbered id: edge keys repeat across node pairs, and GraphML wants ids unique.
        out.add_edge(_xml(start), _xml(end), _xml(key), id=f"e{number}", label=_xml(label), **_flat(data))
    return out


def _flat(data: dict) -> dict:
    return {name: _xml(_JOINERS.get(name, _JOIN).join(value) if isinstance(value, list) else value)
            for name, value in data.items()}


def _xml(value):
    return _NOT_XML.sub("", value) if isinstance(value, str) else value
