"""The ontology, its SHACL shapes and its example queries: files shipped inside the package.

ontology/ at the top of the repository is the one copy; kg/ontology links to it
so that a wheel carries the same files (see package-data in pyproject.toml).
"""
from __future__ import annotations

from importlib.resources import files
from pathlib import Path

_FOLDER = files("kg") / "ontology"

ONTOLOGY = Path(str(_FOLDER / "hz.ttl"))
SHAPES = Path(str(_FOLDER / "shapes.ttl"))


def example_queries() -> dict[str, str]:
    """The example questions of ontology/queries, by file stem."""
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(Path(str(_FOLDER / "queries")).glob("*.rq"))}
