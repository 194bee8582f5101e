"""The output parses in the strict parsers triple stores use: RDF4J's Rio (GraphDB) and Raptor (rapper).

Both come from Debian's packages; scripts/install-strict-parsers.sh installs
them when they are missing.
"""
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from kg.rdf.ontology import ONTOLOGY, SHAPES

ROOT = Path(__file__).resolve().parents[2]
JARS = Path("/usr/share/java")
# Rio and what it needs at run time (JSON-LD reads through jsonld-java and the HTTP client)
LIBRARIES = ("slf4j-api", "commons-text", "commons-lang3", "commons-io", "guava", "jsonld-java", "jackson-core",
             "jackson-databind", "jackson-annotations", "httpclient", "httpclient-cache", "httpcore")
RAPTOR_SYNTAX = {".ttl": "turtle", ".nt": "ntriples", ".trig": "trig"}     # Raptor reads no JSON-LD


@pytest.fixture(scope="session")
def parsers():
    if not (shutil.which("rapper") and (JARS / "rdf4j-rio-turtle.jar").is_file() and shutil.which("java")):
        subprocess.run(["bash", str(ROOT / "scripts" / "install-strict-parsers.sh")], check=True)


def rdf4j(*paths: Path) -> subprocess.CompletedProcess:
    jars = sorted(JARS.glob("rdf4j-*.jar"))
    classpath = [str(j) for j in jars if not re.search(r"-\d[\d.]*\.jar$", j.name)]    # the unversioned links
    classpath += [str(JARS / f"{name}.jar") for name in LIBRARIES]
    return subprocess.run(["java", "-cp", ":".join(classpath), str(Path(__file__).with_name("RioParse.java")),
                           *map(str, paths)], capture_output=True, text=True)


def rapper(path: Path) -> subprocess.CompletedProcess:
    return subprocess.run(["rapper", "--count", "-i", RAPTOR_SYNTAX[path.suffix], str(path)],
                          capture_output=True, text=True)


def test_rdf4j_parses_every_format_and_the_ontology(parsers, seeds_files):
    files = [*seeds_files.values(), ONTOLOGY, SHAPES]
    run = rdf4j(*files)
    assert run.returncode == 0, run.stderr
    counts = [int(n) for n in run.stdout.split()]
    assert len(counts) == len(files) and len(set(counts[:len(seeds_files)])) == 1 and counts[0] > 4000


def test_rapper_parses_turtle_ntriples_trig_and_the_ontology(parsers, seeds_files):
    counts = set()
    for path in [*seeds_files.values(), ONTOLOGY, SHAPES]:
        if path.suffix not in RAPTOR_SYNTAX:
            continue
        run = rapper(path)
        assert run.returncode == 0 and "Error" not in run.stderr and "Warning" not in run.stderr, run.stderr
        if path in seeds_files.values():
            counts.add(int(re.search(r"returned (\d+) (?:triples|statements)", run.stderr).group(1)))
    assert len(counts) == 1


def test_both_reject_an_iri_with_a_space(parsers, tmp_path):
    # so that their passing the graph above means something
    bad = tmp_path / "bad.nt"
    bad.write_text('<https://w3id.org/kg-hz/id/document/a b> <https://w3id.org/kg-hz/ontology#p> "x" .\n')
    assert rdf4j(bad).returncode != 0
    assert rapper(bad).returncode != 0
