from pathlib import Path

import pytest

from kg.graph.merge import merge
from kg.pipeline import extract_all
from kg.rdf.formats import FORMATS
from kg.write.rdf import write_rdf

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture(scope="session")
def seeds_kg():
    run = extract_all(SEEDS)
    assert not run.problems, run.problems
    return merge(run.documents)


@pytest.fixture(scope="session")
def seeds_files(seeds_kg, tmp_path_factory) -> dict[str, Path]:
    """The seeds' graph in each format kg build writes, by format name."""
    folder = tmp_path_factory.mktemp("formats")
    files = {}
    for name, fmt in FORMATS.items():
        files[name] = folder / f"graph{fmt.suffix}"
        write_rdf(seeds_kg, files[name], name)
    return files
