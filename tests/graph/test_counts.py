"""One graph, one count: kg build, kg stats on the folder and on graph.ttl, the views and the Neo4j
export give the same number of facts; a city's province is derived once, for every output."""
import csv
import re
from pathlib import Path

import pytest

from kg.build import build
from kg.export import export
from kg.graph.load import load_graph
from kg.graph.network import fact_count, to_networkx

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("counts") / "out"
    report = build(SEEDS, out)
    return report, out


def test_every_output_counts_the_same_facts(built, tmp_path):
    report, out = built
    counted = len(report.graph.facts())
    assert f"facts: {counted} " in report.summary()
    assert fact_count(to_networkx(load_graph(out))) == counted
    assert fact_count(to_networkx(load_graph(out / "graph.ttl"))) == counted
    index = (out / "index.html").read_text(encoding="utf-8")
    overview = re.search(r'<a href="graph.html">[^<]+</a></td>\s*<td class="count">[\d,]+</td>'
                         r'<td class="count">([\d,]+)</td>', index)
    assert int(overview.group(1).replace(",", "")) == counted
    export(out, "neo4j", tmp_path / "neo4j")
    links = sum(1 for f in (tmp_path / "neo4j").glob("relationships_*.csv") for _ in csv.reader(f.open()))
    links -= len(list((tmp_path / "neo4j").glob("relationships_*.csv")))      # the headers
    amounts = sum(1 for f in (tmp_path / "neo4j").glob("nodes_*.csv") for row in csv.DictReader(f.open())
                  if row.get("totalInvestment:double"))
    assert links + amounts == counted


def test_a_city_lies_in_its_province_in_every_output(built):
    report, out = built
    derived = [t for t in report.graph.triples if t.source == "derived:divisions"]
    assert ("潍坊市", "山东省") in {(t.subject.name, t.object.name) for t in derived}
    for source in (out, out / "graph.ttl"):
        g = load_graph(source)
        assert any(t.subject.name == "潍坊市" and t.predicate == "locatedIn" and t.object.name == "山东省"
                   for t in g.triples), source
