"""The knowledge graph as one Turtle file, the default of kg.write.rdf."""
from __future__ import annotations

import os

from kg.model import KnowledgeGraph
from kg.write.rdf import write_rdf


def write_turtle(kg: KnowledgeGraph, path: str | os.PathLike) -> None:
    write_rdf(kg, path, "turtle")
