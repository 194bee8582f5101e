"""kg.sparql.query: the graph's prefixes without declaring them, the three result formats, clear errors."""
import csv
import io
import json

import pytest

from kg.read import InputError
from kg.sparql.query import query, render

ZONES = 'SELECT ?zone ?name WHERE { ?zone a hz:Zone ; rdfs:label ?name } ORDER BY ?name'


@pytest.fixture(scope="module")
def graph(seeds_build) -> str:
    return str(seeds_build / "graph.ttl")


def test_a_table_with_prefixed_iris_and_plain_labels(graph):
    table = render(query(graph, ZONES), "table")
    lines = table.splitlines()
    assert [cell.strip() for cell in lines[1].split("|")[1:-1]] == ["zone", "name"]
    row = next(line for line in lines if "潍坊高新区" in line)
    assert "| zone:" in row and '"' not in row and "@zh" not in row
    assert lines[-1].endswith("rows") and int(lines[-1].split()[0]) == sum("| zone:" in line for line in lines)


def test_csv_and_json_are_the_sparql_results_formats(graph):
    rows = list(csv.DictReader(io.StringIO(render(query(graph, ZONES), "csv"))))
    assert {"zone", "name"} == set(rows[0]) and "潍坊高新区" in {r["name"] for r in rows}
    assert all(r["zone"].startswith("https://w3id.org/kg-hz/id/zone/") for r in rows)
    results = json.loads(render(query(graph, ZONES), "json"))
    assert results["head"]["vars"] == ["zone", "name"]
    assert len(results["results"]["bindings"]) == len(rows)
    assert {"type": "literal", "value": "潍坊高新区", "xml:lang": "zh"} in \
        [b["name"] for b in results["results"]["bindings"]]


def test_ask_and_construct(graph):
    assert render(query(graph, 'ASK { ?z rdfs:label "潍坊高新区"@zh }')) == "true"
    assert render(query(graph, 'ASK { ?z rdfs:label "不存在的高新区"@zh }'), "json") == '{"head":{},"boolean":false}'
    turtle = render(query(graph, 'CONSTRUCT { ?z a hz:Zone } WHERE { ?z rdfs:label "潍坊高新区"@zh }'))
    assert "zone:" in turtle and "a hz:Zone" in turtle


def test_a_query_that_does_not_parse_and_a_file_that_is_not_rdf(graph, tmp_path):
    with pytest.raises(InputError, match="the query does not parse"):
        query(graph, "SELECT ?x WHERE { ?x a }")
    bad = tmp_path / "broken.ttl"
    bad.write_text('<https://w3id.org/kg-hz/id/zone/1> a "unterminated .\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"broken\.ttl: not valid Turtle at line 1, column \d+: "):
        query(str(bad), ZONES)
    table = tmp_path / "graph.csv"
    table.write_text("zone,name\n", encoding="utf-8")
    with pytest.raises(InputError, match="unknown RDF format"):
        query(str(table), ZONES)
