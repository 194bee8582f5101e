"""The views as a person meets them: opened from file:// in headless Chromium, searched, hovered, filtered."""
import networkx as nx
import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from headless import console_errors, open_view

from kg.graph.load import load_graph
from kg.graph.network import to_networkx


@pytest.fixture(scope="module")
def graph(seeds_build):
    return to_networkx(load_graph(seeds_build))


@pytest.fixture(scope="module")
def weifang(graph) -> str:
    (node,) = [n for n, d in graph.nodes(data=True) if d["label"] == "潍坊高新区"]
    return node


def expected_nodes(graph, page) -> int:
    """What the graph says the page should show: all of it, or what lies within two links of the zone."""
    if page.name == "graph.html":
        return graph.number_of_nodes()
    (zone,) = [n for n, d in graph.nodes(data=True) if d["type"] == "Zone" and page.stem.startswith(d["label"])]
    return len(nx.single_source_shortest_path_length(graph.to_undirected(as_view=True), zone, cutoff=2))


def test_every_view_opens_offline_without_errors_and_shows_the_graph(driver, seeds_build, graph):
    pages = [seeds_build / "graph.html", *sorted((seeds_build / "views").glob("*.html"))]
    assert len(pages) > 30
    for page in pages:
        open_view(driver, page)
        assert console_errors(driver) == [], page.name
        assert driver.execute_script("return kgView.nodes.length") == expected_nodes(graph, page), page.name
        assert driver.execute_script("return document.characterSet") == "UTF-8"
        # physics has stopped: the nodes hold still
        assert driver.execute_script("return kgView.network.physics.physicsEnabled") is False, page.name


@pytest.mark.parametrize("page", ["graph.html", "views/潍坊高新区.html"])
def test_typing_a_chinese_name_selects_and_focuses_its_node(driver, seeds_build, weifang, page):
    open_view(driver, seeds_build / page)
    driver.find_element(By.ID, "search").send_keys("潍坊高新区")
    WebDriverWait(driver, 5).until(lambda d: d.execute_script("return kgView.network.getSelectedNodes()") == [weifang])
    matches = driver.find_elements(By.CSS_SELECTOR, "#matches li")
    assert matches[0].text.startswith("潍坊高新区") and matches[0].is_displayed()
    # a part of the name finds it too, among others that contain it
    assert weifang in driver.execute_script("return kgView.matches('坊高新').map(n => n.id)")
    assert console_errors(driver) == []


def hover(driver, canvas_point: str):
    """Move the mouse over a point of the network given in its own coordinates."""
    x, y = driver.execute_script(f"const p = kgView.network.canvasToDOM({canvas_point}); return [p.x, p.y]")
    canvas = driver.find_element(By.CSS_SELECTOR, "#graph canvas")
    size = canvas.size
    ActionChains(driver).move_to_element_with_offset(canvas, 0, 0) \
        .move_to_element_with_offset(canvas, round(x - size["width"] / 2), round(y - size["height"] / 2)).perform()
    tooltip = driver.find_element(By.CSS_SELECTOR, "div.vis-tooltip")
    WebDriverWait(driver, 5).until(lambda d: tooltip.value_of_css_property("visibility") == "visible")
    return tooltip.text


def test_hovering_shows_a_node_s_type_and_aliases_and_a_link_s_evidence(driver, seeds_build, graph, weifang):
    open_view(driver, seeds_build / "views" / "潍坊高新区.html")
    driver.execute_script("kgView.network.moveTo({position: kgView.network.getPosition(arguments[0]), scale: 1.5})",
                          weifang)
    text = hover(driver, f"kgView.network.getPosition('{weifang}')")
    assert text.splitlines()[:2] == ["潍坊高新区", "高新区（Zone）"]
    assert all(alias in text for alias in graph.nodes[weifang]["aliases"])

    (bureau,) = [u for u, v, d in graph.in_edges(weifang, data=True) if d["predicate"] == "partOf"
                 and graph.nodes[u]["label"] == "潍坊高新区经济发展局"]
    edge = graph.edges[bureau, weifang, "partOf"]
    # a third of the way along the link, clear of both nodes and of the label in the middle
    point = (f"(() => {{ const a = kgView.network.getPosition('{bureau}'), "
             f"b = kgView.network.getPosition('{weifang}'); return {{x: a.x + (b.x - a.x) / 3, y: a.y + (b.y - a.y) / 3}}; }})()")
    driver.execute_script(f"kgView.network.moveTo({{position: {point}, scale: 1.5}})")
    text = hover(driver, point)
    assert text.startswith("隶属（partOf）")
    assert f"{edge['evidence'][0]}\n—— {edge['docs'][0]}" in text


def test_filters_hide_a_type_and_a_relation(driver, seeds_build, graph):
    open_view(driver, seeds_build / "graph.html")
    shown = "return Object.keys(kgView.network.getPositions()).length"
    zones = sum(d["type"] == "Zone" for _, d in graph.nodes(data=True))
    driver.find_element(By.CSS_SELECTOR, '#types input[data-type="Zone"]').click()
    assert driver.execute_script(shown) == graph.number_of_nodes() - zones
    located = sum(d["predicate"] == "locatedIn" for *_, d in graph.edges(data=True))
    driver.find_element(By.CSS_SELECTOR, '#relations input[data-relation="locatedIn"]').click()
    assert driver.execute_script("return kgView.shownEdges.length") == graph.number_of_edges() - located
    driver.find_element(By.CSS_SELECTOR, '#types input[data-type="Zone"]').click()
    assert driver.execute_script(shown) == graph.number_of_nodes()


def test_a_screenshot_shows_the_drawn_graph(driver, seeds_build, tmp_path_factory, weifang):
    open_view(driver, seeds_build / "graph.html")
    driver.find_element(By.ID, "search").send_keys("潍坊高新区")
    WebDriverWait(driver, 5).until(lambda d: d.execute_script("return kgView.network.getSelectedNodes()") == [weifang])
    # the canvas holds a drawing, not a blank page
    coloured = driver.execute_script("""
        const c = document.querySelector('#graph canvas');
        const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let n = 0;
        for (let i = 0; i < px.length; i += 4) if (px[i + 3] && (px[i] < 200 || px[i + 1] < 200 || px[i + 2] < 200)) n++;
        return n;""")
    assert coloured > 1000
    shot = tmp_path_factory.mktemp("screenshots") / "graph.png"
    assert driver.save_screenshot(str(shot)) and shot.stat().st_size > 10_000
    print(f"screenshot: {shot}")
