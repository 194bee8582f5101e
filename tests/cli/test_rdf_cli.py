"""kg build --format, kg validate and kg query as a user runs them: exit codes, output, one-line errors."""
import csv
import io
import subprocess
import sys
from pathlib import Path

import pyoxigraph

ROOT = Path(__file__).resolve().parents[2]
PAGE = ROOT / "seeds" / "001_473abfdb58def16d.txt"


def kg(*args):
    return subprocess.run([sys.executable, "-m", "kg.cli", *args], capture_output=True, text=True, cwd=ROOT)


def _one_line_error(run, code=2):
    assert run.returncode == code, run.stderr
    assert "Traceback" not in run.stderr and len(run.stderr.strip().splitlines()) == 1, run.stderr
    assert run.stderr.startswith("kg: error: ")


def test_build_writes_the_chosen_format(tmp_path):
    run = kg("build", str(PAGE), "--out", str(tmp_path), "--format", "trig")
    assert run.returncode == 0, run.stderr
    assert str(tmp_path / "graph.trig") in run.stdout and not (tmp_path / "graph.ttl").exists()
    store = pyoxigraph.Store()
    store.load(path=str(tmp_path / "graph.trig"), format=pyoxigraph.RdfFormat.TRIG)
    assert len(store) > 500
    run = kg("build", str(PAGE), "--out", str(tmp_path), "--format", "rdfxml")
    assert run.returncode == 2 and "invalid choice: 'rdfxml'" in run.stderr


def test_validate_a_built_graph_and_a_broken_one(seeds_build, tmp_path):
    run = kg("validate", str(seeds_build / "graph.ttl"))
    assert run.returncode == 0, run.stdout + run.stderr
    assert "conforms" in run.stdout
    broken = tmp_path / "broken.ttl"
    turtle = (seeds_build / "graph.ttl").read_text(encoding="utf-8")
    # a company that also claims to be a person, with no Chinese label
    broken.write_text(turtle + '\n<https://w3id.org/kg-hz/id/company/0123456789abcdef> a '
                      '<https://w3id.org/kg-hz/ontology#Company> , <https://w3id.org/kg-hz/ontology#Person> ;\n'
                      '  <http://www.w3.org/2000/01/rdf-schema#label> "Nameless"@en .\n', encoding="utf-8")
    run = kg("validate", str(broken))
    assert run.returncode == 1
    lines = run.stdout.splitlines()
    assert any("company:0123456789abcdef" in line and "exactly one of the ten types" in line for line in lines)
    assert any("company:0123456789abcdef" in line and "exactly one rdfs:label in Chinese" in line for line in lines)
    assert "does not conform" in run.stderr


def test_validate_and_query_a_file_that_does_not_parse(tmp_path):
    bad = tmp_path / "graph.ttl"
    bad.write_text("<https://w3id.org/kg-hz/id/zone/1> a <https://w3id.org/kg-hz/ontology#Zone\n", encoding="utf-8")
    for run in (kg("validate", str(bad)), kg("query", str(bad), "ASK {}")):
        _one_line_error(run)
        assert "graph.ttl: not valid Turtle" in run.stderr
    _one_line_error(kg("validate", str(tmp_path / "nowhere.ttl")))


def test_query_from_an_argument_or_a_file(seeds_build, tmp_path):
    graph = str(seeds_build / "graph.ttl")
    run = kg("query", graph, 'SELECT ?name WHERE { ?z a hz:Zone ; rdfs:label ?name }', "--format", "csv")
    assert run.returncode == 0, run.stderr
    assert "潍坊高新区" in {row["name"] for row in csv.DictReader(io.StringIO(run.stdout))}
    run = kg("query", graph, "--file", "ontology/queries/zones_of_province.rq")
    assert run.returncode == 0 and "潍坊高新区" in run.stdout and "山东省" in run.stdout
    _one_line_error(kg("query", graph))
    _one_line_error(kg("query", graph, "ASK {}", "--file", "ontology/queries/zones_of_province.rq"))
    _one_line_error(kg("query", graph, "SELECT ?x WHERE { ?x }"))
