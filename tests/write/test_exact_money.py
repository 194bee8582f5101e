"""Amounts from the text to every output exactly: the record, RDF, the property-graph exports and the views.

A page of signed projects, each with an amount as news writes it, is built
with the seed pages; every file the build and the exports write is then read
for the amounts' digits and scanned for the marks of a float (1030000000.0000001,
115999999.99999999, 1000000000000000013287555072).
"""
import csv
import re
from decimal import Decimal
from pathlib import Path

import networkx as nx
import orjson
import pytest

from kg.build import build
from kg.export import export
from kg.graph.load import load_graph
from kg.model import Money

SEEDS = Path(__file__).resolve().parent.parent.parent / "seeds"
# (project, the amount as written, its digits, currency): named as news names projects, after who builds them
PROJECTS = [("华远高端轴承", "1.16亿元", "116000000", "CNY"),
            ("宁德新能源电池", "10.3亿元", "1030000000", "CNY"),
            ("潍柴智能装备", "3500万元", "35000000", "CNY"),
            ("齐鲁生物医药产业园", "1,200万元", "12000000", "CNY"),
            ("晶科光伏组件", "１．５亿元", "150000000", "CNY"),
            ("浪潮数字经济产业园", "1.2万亿元", "1200000000000", "CNY"),
            ("利丰国际物流园", "5000万港元", "50000000", "HKD"),
            ("丰田汽车零部件", "120亿日元", "12000000000", "JPY"),
            ("氢能装备制造产业园", "二十亿元", "2000000000", "CNY")]
EXPECTED = {(f"{name}项目", Money(digits, currency)) for name, _, digits, currency in PROJECTS}
# what a float leaves: a run of zeros or nines before a last digit, after the point or in a long integer
NOISE = re.compile(r"\d\.\d*(?:0{5,}[1-9]|9{5,})|[1-9]0{6,}[1-9]\d{4,}|\d[eE]\+\d")


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    pages = tmp_path_factory.mktemp("pages")
    for seed in SEEDS.glob("*.txt"):
        (pages / seed.name).write_bytes(seed.read_bytes())
    (pages / "signed.txt").write_text("".join(f"潍坊高新区{name}项目开工，总投资{written}。"
                                              for name, written, *_ in PROJECTS), encoding="utf-8")
    out = tmp_path_factory.mktemp("out")
    build(pages, out, cache=None)
    export(out, "neo4j", out / "neo4j")
    export(out, "graphml", out / "graph.graphml")
    export(out, "gexf", out / "graph.gexf")
    return out


def amounts(kg) -> set:
    return {(t.subject.name, t.value) for t in kg.triples if t.value is not None and t.subject.name in
            {name for name, _ in EXPECTED}}


def test_the_record_holds_each_amount_as_its_digits_with_its_currency(built):
    lines = (built / "extraction.jsonl").read_text(encoding="utf-8").splitlines()
    written = {(r["subject"], r["value"], r["currency"]) for r in map(orjson.loads, lines)
               if r.get("predicate") == "totalInvestment"}
    assert {(name, int(m.digits), m.currency) for name, m in EXPECTED} <= written
    text = "\n".join(lines)
    assert all(f'"value":{m.digits},' in text for _, m in EXPECTED)


@pytest.mark.parametrize("source", ["extraction.jsonl", "graph.ttl"])
def test_the_record_and_the_rdf_read_back_to_the_same_decimals(built, source):
    assert amounts(load_graph(built / source)) == EXPECTED


def test_the_rdf_writes_each_amount_as_an_xsd_decimal_in_the_texts_digits(built):
    turtle = (built / "graph.ttl").read_text(encoding="utf-8")
    for _, money in EXPECTED:
        assert f'"{money.digits}"^^xsd:decimal' in turtle
        assert f'schema:currency "{money.currency}"' in turtle


def test_the_property_graph_exports_hold_the_same_amounts(built):
    with (built / "neo4j" / "nodes_Project.csv").open(encoding="utf-8") as f:
        rows = {r["name"]: (r["totalInvestment:double"], r["currency"]) for r in csv.DictReader(f)}
    assert {(name, Money(digits, currency)) for name, (digits, currency) in rows.items()
            if name in dict(EXPECTED)} == EXPECTED
    for graph in (nx.read_graphml(built / "graph.graphml"), nx.read_gexf(built / "graph.gexf")):
        read = {(d["label"], Decimal(repr(d["totalInvestment"])), d["currency"])
                for _, d in graph.nodes(data=True) if "totalInvestment" in d}
        assert {(name, m.amount, m.currency) for name, m in EXPECTED} <= read


def test_the_views_show_yi_and_wan(built):
    page = (built / "views" / "潍坊高新区.html").read_text(encoding="utf-8")
    for shown in ("总投资：1.16亿元", "总投资：1200万元", "总投资：1.2万亿元", "总投资：5000万港元", "总投资：120亿日元"):
        assert shown in page


def test_no_output_holds_float_noise(built):
    files = [p for p in built.rglob("*") if p.is_file()]
    assert {p.suffix for p in files} >= {".ttl", ".jsonl", ".html", ".csv", ".cypher", ".graphml", ".gexf"}
    for path in files:
        noise = NOISE.search(path.read_text(encoding="utf-8"))
        assert noise is None, f"{path.name}: {noise and noise.group()}"


def test_the_noise_scan_finds_what_a_float_writes():
    # 10.3 * 1e8, 1.16 * 1e8 and 1e27 as the old code wrote them
    for noisy in (repr(10.3 * 1e8), repr(1.16 * 1e8), str(int(1e27)), repr(1e27)):
        assert NOISE.search(noisy), noisy
