import json
import re
from decimal import Decimal

import pytest

from kg.graph.merge import merge
from kg.graph.network import to_networkx
from kg.view import page, render, whole
from kg.view.page import COLOURS, SHAPES, page_data


@pytest.fixture
def graph(weifang, weifang_000):
    return to_networkx(merge([weifang, weifang_000]))


@pytest.fixture
def html(graph) -> str:
    return render(whole(graph))


def data_of(html: str) -> dict:
    return json.loads(re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', html, re.S).group(1))


def test_nothing_is_fetched_from_the_network(html):
    assert not re.search(r"<(script|link|img|iframe)\b[^>]*\b(src|href)\s*=", html, re.IGNORECASE)
    assert not re.search(r"@import|url\(\s*['\"]?(https?:)?//", html)
    assert "vis.Network" in html and "kgView" in html          # vis-network and view.js are inline
    assert html.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in html


def test_nodes_are_named_typed_and_sized_by_links(html, graph, weifang):
    nodes = {n["label"]: n for n in data_of(html)["nodes"]}
    assert set(nodes) == {e.name for e in weifang.entities}
    for e in weifang.entities:
        assert nodes[e.name]["group"] == e.type
    # 潍坊高新区: in 潍坊市, the bureau is part of it, the project is in it
    assert nodes["潍坊高新区"]["value"] == 3
    assert nodes["冯玉诚"]["value"] == 0                          # a byline, linked to nothing
    assert all(isinstance(n["x"], float) and isinstance(n["y"], float) for n in nodes.values())


def test_legend_gives_each_type_present_a_colour_a_shape_and_a_count(html):
    types = {t["type"]: t for t in data_of(html)["types"]}
    assert set(types) == {"Zone", "Place", "Project", "GovernmentAgency", "Person"}
    assert types["Person"]["count"] == 2 and types["Zone"]["count"] == 1
    assert types["Zone"]["colour"] == COLOURS["Zone"] and types["Zone"]["shape"] == SHAPES["Zone"] == "star"
    assert len(set(COLOURS.values())) == len(COLOURS) == 10
    relations = {r["relation"]: r["count"] for r in data_of(html)["relations"]}
    assert relations == {"locatedIn": 2, "partOf": 1, "holdsRole": 1}   # totalInvestment is no link


def test_node_tooltip_has_type_aliases_documents_and_investment(html):
    title = {n["label"]: n["tip"] for n in data_of(html)["nodes"]}
    assert title["潍坊高新区"].splitlines() == [
        "潍坊高新区", "高新区（Zone）", "别名：潍坊国家高新区、潍坊高新技术产业开发区",
        "文档：000_6c1ec9c07335c472, 001_473abfdb58def16d"]
    # read in both documents, shown once
    assert title["磁悬浮智能制造产业化项目"].count("总投资：35亿元") == 1


def test_edges_carry_relation_post_and_evidence_with_its_document(html):
    edges = data_of(html)["edges"]
    (role,) = [e for e in edges if e["relation"] == "holdsRole"]
    assert role["label"] == "任职：党委书记、局长"
    assert role["tip"] == ("任职（holdsRole）：党委书记、局长\n韩滨 → 潍坊高新区经济发展局\n\n"
                           "潍坊高新区经济发展局党委书记、局长韩滨说。\n—— 001_473abfdb58def16d")
    # the same link read in both documents is one edge with both sentences
    (located,) = [e for e in edges if e["relation"] == "locatedIn" and "磁悬浮" in e["tip"]]
    assert "—— 000_6c1ec9c07335c472" in located["tip"] and "—— 001_473abfdb58def16d" in located["tip"]


def test_evidence_is_shown_without_the_pdfs_line_breaks(seeds_build):
    from kg.graph.load import load_graph

    g = to_networkx(load_graph(seeds_build))
    said = [s for *_, d in g.edges(data=True) for s in d["evidence"] if s.endswith("局长韩滨说。")]
    assert said and all("\n" in s for s in said)         # the page breaks the sentence over two lines
    tips = [e["tip"] for e in page_data(whole(g))["edges"] if "韩滨说" in e["tip"]]
    assert len(tips) == len(said)
    assert all("潍坊高新区经济发展局党委书记、局长韩滨说。\n—— 001_473abfdb58def16d" in tip for tip in tips)


def test_a_page_links_to_the_index_and_each_zone_node_to_its_page(graph):
    (zone,) = [n for n, d in graph.nodes(data=True) if d["type"] == "Zone"]
    html = render(whole(graph), index="../index.html", pages={zone: "%E6%BD%8D.html"})
    assert '<a id="home" href="../index.html">' in html
    assert {n["label"]: n.get("page") for n in data_of(html)["nodes"]}["潍坊高新区"] == "%E6%BD%8D.html"
    assert 'id="home"' not in render(whole(graph))      # a page of its own (kg view) has no index to go back to


def test_a_second_link_between_the_same_nodes_bends(seeds_build):
    from kg.graph.load import load_graph

    g = to_networkx(load_graph(seeds_build))
    edges = page_data(whole(g))["edges"]
    label = {n: d["label"] for n, d in g.nodes(data=True)}
    # the seeds say 新余高新区 signed the project and that the project is in it
    ends = [sorted((label[e["from"]], label[e["to"]]), key=len) for e in edges]
    pair = [e for e, (a, b) in zip(edges, ends) if a == "新余高新区" and b.endswith("LED玻璃基板项目")]
    assert sorted(e["relation"] for e in pair) == ["locatedIn", "signs"]
    assert sorted("smooth" in e for e in pair) == [False, True]


def test_small_views_settle_with_physics_big_ones_come_laid_out(graph, monkeypatch):
    assert page_data(whole(graph))["physics"] is True
    monkeypatch.setattr(page, "PHYSICS_MAX", graph.number_of_nodes() - 1)
    assert page_data(whole(graph))["physics"] is False


def test_a_sentence_cannot_close_the_script_element():
    text = page._script_json({"title": "示例公司发布</script><script>alert(1)</script>"})
    assert "</script" not in text and json.loads(text)["title"].endswith("alert(1)</script>")


def test_tooltips_say_the_confidence_and_links_carry_it_for_the_slider(weifang, weifang_000, html):
    # without confidences (a graph from an older kg): no line for it, and no slider
    assert not data_of(html)["confident"] and "置信度" not in json.dumps(data_of(html), ensure_ascii=False)
    for doc, sure in ((weifang, "0.40"), (weifang_000, "0.85")):
        for item in [*doc.triples, *doc.entities]:
            item.confidence = Decimal(sure)
    data = data_of(render(whole(to_networkx(merge([weifang, weifang_000])))))
    assert data["confident"]
    tips = {n["label"]: n["tip"].splitlines() for n in data["nodes"]}
    assert tips["韩滨"][:3] == ["韩滨", "人物（Person）", "置信度：0.40"]
    assert tips["潍坊高新区"][2] == "置信度：0.85"                    # named in both documents: the surer
    assert "总投资：35亿元（置信度 0.85）" in tips["磁悬浮智能制造产业化项目"]
    (role,) = [e for e in data["edges"] if e["relation"] == "holdsRole"]
    assert role["confidence"] == 0.4 and role["tip"].splitlines()[2] == "置信度：0.40"
    (located,) = [e for e in data["edges"] if e["relation"] == "locatedIn" and "磁悬浮" in e["tip"]]
    assert located["confidence"] == 0.85       # said at 0.40 and at 0.85
