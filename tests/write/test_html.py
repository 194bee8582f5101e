import json
import re
from pathlib import Path
from urllib.parse import unquote

from kg.graph.load import load_graph
from kg.write.html import _file_name, write_views


def page_data(path: Path) -> dict:
    html = path.read_text(encoding="utf-8")
    return json.loads(re.search(r'id="kg-data">(.*?)</script>', html, re.S).group(1))


def test_kg_build_writes_the_whole_graph_a_page_per_zone_and_an_index(seeds_build):
    graph = load_graph(seeds_build)
    zones = sorted(n.name for n in graph.nodes.values() if n.type == "Zone")
    assert sorted(p.stem for p in (seeds_build / "views").glob("*.html")) == zones
    assert len(page_data(seeds_build / "graph.html")["nodes"]) == len(graph.nodes)


def test_the_index_links_every_page_with_its_counts(seeds_build):
    index = (seeds_build / "index.html").read_text(encoding="utf-8")
    rows = re.findall(r'<a href="([^"]+)">([^<]+)</a></td>\s*<td class="count">([\d,]+)</td>'
                      r'<td class="count">([\d,]+)</td>', index)
    assert len(rows) == 1 + len(list((seeds_build / "views").glob("*.html")))
    assert ("graph.html", "全图") == rows[0][:2]
    for href, title, nodes, facts in rows:
        data = page_data(seeds_build / unquote(href))
        assert (len(data["nodes"]), data["facts"]) == (int(nodes.replace(",", "")), int(facts.replace(",", "")))
        assert data["facts"] >= len(data["edges"])
    assert any(title == "潍坊高新区（2 跳以内）" and href == "views/%E6%BD%8D%E5%9D%8A%E9%AB%98%E6%96%B0%E5%8C%BA.html"
               for href, title, *_ in rows)


def test_a_capped_build_says_so_on_the_page_and_in_the_index(seeds_build, tmp_path):
    pages = write_views(load_graph(seeds_build), tmp_path, max_nodes=30)
    assert pages[0] == tmp_path / "graph.html" and pages[-1] == tmp_path / "index.html"
    note = "实体过多：只显示连接最多的 30 个"
    assert note in (tmp_path / "graph.html").read_text(encoding="utf-8")
    assert note in (tmp_path / "index.html").read_text(encoding="utf-8")
    assert len(page_data(tmp_path / "graph.html")["nodes"]) == 30


def test_zone_names_become_safe_distinct_file_names():
    taken: set[str] = set()
    assert _file_name("西部（重庆）科学城", "a1", taken) == "西部（重庆）科学城"
    assert _file_name("示例/高新区", "b2", taken) == "示例_高新区"
    assert _file_name("示例:高新区", "c3", taken) == "示例_高新区_c3"


def test_every_page_links_to_the_index_and_each_zone_node_to_its_own_page(seeds_build):
    for page in [seeds_build / "graph.html", *(seeds_build / "views").glob("*.html")]:
        html = page.read_text(encoding="utf-8")
        (home,) = re.findall(r'<a id="home" href="([^"]+)">', html)
        assert (page.parent / home).resolve() == (seeds_build / "index.html").resolve()
        zones = [n for n in page_data(page)["nodes"] if n["group"] == "Zone"]
        for node in zones:
            if "page" in node:
                target = page.parent / unquote(node["page"])
                assert target.is_file() and target.stem == node["label"], node["page"]
        # the whole graph links every zone; a zone's page every zone but itself
        assert sum("page" not in n for n in zones) == (0 if page.name == "graph.html" else 1)
