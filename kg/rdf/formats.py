"""The RDF formats kg writes and reads, each under one name, suffix and media type."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pyoxigraph import RdfFormat

from kg.read import InputError


@dataclass(frozen=True)
class Format:
    name: str           # as `kg build --format` takes it
    suffix: str
    rdflib: str         # rdflib's plugin name
    oxigraph: RdfFormat

    @property
    def media_type(self) -> str:
        return self.oxigraph.media_type


FORMATS = {f.name: f for f in (
    Format("turtle", ".ttl", "turtle", RdfFormat.TURTLE),
    Format("nt", ".nt", "nt", RdfFormat.N_TRIPLES),
    Format("jsonld", ".jsonld", "json-ld", RdfFormat.JSON_LD),
    Format("trig", ".trig", "trig", RdfFormat.TRIG),
)}


def format_of(path: str | Path) -> RdfFormat:
    """The format a graph file is in, read from its suffix (.ttl, .nt, .nq, .trig, .jsonld, .rdf …)."""
    found = RdfFormat.from_extension(Path(path).suffix.lstrip(".").lower())
    if found is None:
        raise InputError(f"{path}: unknown RDF format; name the file .ttl, .nt, .nq, .trig, .jsonld or .rdf")
    return found
