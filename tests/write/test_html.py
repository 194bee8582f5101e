import json
import re

import pytest

from kg.graph.merge import merge
from kg.write.html import COLOURS, to_html, write_html


@pytest.fixture
def page(weifang, weifang_000) -> str:
    return to_html(merge([weifang, weifang_000]))


def dataset(page: str, name: str) -> list[dict]:
    return json.loads(re.search(rf"{name} = new vis\.DataSet\((.*?)\);\n", page).group(1))


def test_nothing_is_fetched_from_the_network(page):
    assert not re.search(r"<(script|link)\b[^>]*\b(src|href)\s*=", page, re.IGNORECASE)
    assert "vis.Network" in page and "<script>" in page       # the library is inline
    assert '<meta charset="utf-8">' in page


def test_nodes_are_named_and_coloured_by_type(page, weifang):
    nodes = {n["label"]: n for n in dataset(page, "nodes")}
    assert set(nodes) == {e.name for e in weifang.entities}
    for e in weifang.entities:
        assert nodes[e.name]["color"] == COLOURS[e.type]
    assert len(set(COLOURS.values())) == len(COLOURS) == 10


def test_node_tooltip_has_type_aliases_documents_and_investment(page):
    title = {n["label"]: n["title"] for n in dataset(page, "nodes")}
    assert title["潍坊高新区"].splitlines() == [
        "Zone", "别名：潍坊国家高新区、潍坊高新技术产业开发区",
        "文档：000_6c1ec9c07335c472, 001_473abfdb58def16d"]
    # read in both documents, shown once
    assert title["磁悬浮智能制造产业化项目"].count("总投资：3,500,000,000 CNY") == 1


def test_edges_carry_predicate_role_and_evidence(page):
    edges = {e["label"]: e for e in dataset(page, "edges")}
    role = edges["holdsRole（党委书记、局长）"]
    assert role["title"] == "潍坊高新区经济发展局党委书记、局长韩滨说。\n—— 001_473abfdb58def16d"
    # the same link read in both documents is one edge with both sentences
    (located,) = [e for e in dataset(page, "edges") if e["label"] == "locatedIn" and "磁悬浮" in e["title"]]
    assert "—— 000_6c1ec9c07335c472" in located["title"] and "—— 001_473abfdb58def16d" in located["title"]


def test_write_html_writes_the_page(tmp_path, weifang):
    path = tmp_path / "graph.html"
    write_html(merge([weifang]), path)
    assert "韩滨" in path.read_text(encoding="utf-8")
