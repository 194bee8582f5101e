"""The views as a person meets them: opened from file:// in headless Chromium, searched, hovered, pinned,
filtered, followed from page to page."""
from decimal import Decimal
from urllib.parse import unquote

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from headless import console_errors, open_view

from kg.graph.load import load_graph
from kg.graph.network import to_networkx
from kg.text.unwrap import unwrap
from kg.view import zone_view


@pytest.fixture(scope="module")
def graph(seeds_build):
    return to_networkx(load_graph(seeds_build))


@pytest.fixture(scope="module")
def weifang(graph) -> str:
    (node,) = [n for n, d in graph.nodes(data=True) if d["label"] == "潍坊高新区"]
    return node


def expected_nodes(graph, page) -> int:
    """What the graph says the page should show: all of it, or the zone's own neighbourhood."""
    if page.name == "graph.html":
        return graph.number_of_nodes()
    (zone,) = [n for n, d in graph.nodes(data=True) if d["type"] == "Zone" and page.stem == d["label"]]
    return zone_view(graph, zone).graph.number_of_nodes()


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


def point_at(driver, canvas_point: str) -> ActionChains:
    """The mouse over a point of the network given in its own coordinates."""
    x, y = driver.execute_script(f"const p = kgView.network.canvasToDOM({canvas_point}); return [p.x, p.y]")
    canvas = driver.find_element(By.CSS_SELECTOR, "#graph canvas")
    size = canvas.size
    return ActionChains(driver).move_to_element_with_offset(canvas, 0, 0) \
        .move_to_element_with_offset(canvas, round(x - size["width"] / 2), round(y - size["height"] / 2))


def hover(driver, canvas_point: str):
    point_at(driver, canvas_point).perform()
    tip = driver.find_element(By.ID, "tip")
    WebDriverWait(driver, 5).until(lambda d: tip.is_displayed())
    return tip.text


def test_hovering_shows_a_node_s_type_and_aliases_and_a_link_s_evidence(driver, seeds_build, graph, weifang):
    open_view(driver, seeds_build / "views" / "潍坊高新区.html")
    driver.execute_script("kgView.network.moveTo({position: kgView.network.getPosition(arguments[0]), scale: 1.5})",
                          weifang)
    text = hover(driver, f"kgView.network.getPosition('{weifang}')")
    assert text.splitlines()[:3] == ["潍坊高新区", "高新区（Zone）", f"置信度：{graph.nodes[weifang]['confidence']}"]
    assert all(alias in text for alias in graph.nodes[weifang]["aliases"])

    (bureau,) = [u for u, v, d in graph.in_edges(weifang, data=True) if d["predicate"] == "partOf"
                 and graph.nodes[u]["label"] == "潍坊高新区经济发展局"]
    edge = graph.edges[bureau, weifang, "partOf"]
    # a third of the way along the link, clear of both nodes and of the label in the middle
    point = (f"(() => {{ const a = kgView.network.getPosition('{bureau}'), "
             f"b = kgView.network.getPosition('{weifang}'); return {{x: a.x + (b.x - a.x) / 3, y: a.y + (b.y - a.y) / 3}}; }})()")
    driver.execute_script(f"kgView.network.moveTo({{position: {point}, scale: 1.5}})")
    text = hover(driver, point)
    assert text.splitlines()[:3] == ["隶属（partOf）", "潍坊高新区经济发展局 → 潍坊高新区", f"置信度：{edge['confidence']}"]
    assert f"{unwrap(edge['evidence'][0])}\n—— {edge['docs'][0]}" in text and "\n\n党委书记" not in text


def test_filters_hide_a_type_and_a_relation(driver, seeds_build, graph):
    open_view(driver, seeds_build / "graph.html")
    shown = "return Object.keys(kgView.network.getPositions()).length"
    linked = {n for n in graph if graph.degree(n)}        # the isolated wait behind their toggle
    zones = sum(graph.nodes[n]["type"] == "Zone" for n in linked)
    driver.find_element(By.CSS_SELECTOR, '#types input[data-type="Zone"]').click()
    assert driver.execute_script(shown) == len(linked) - zones
    located = sum(d["predicate"] == "locatedIn" for *_, d in graph.edges(data=True))
    driver.find_element(By.CSS_SELECTOR, '#relations input[data-relation="locatedIn"]').click()
    assert driver.execute_script("return kgView.shownEdges.length") == graph.number_of_edges() - located
    driver.find_element(By.CSS_SELECTOR, '#types input[data-type="Zone"]').click()
    assert driver.execute_script(shown) == len(linked)


def test_the_confidence_slider_hides_the_links_below_it_and_hovering_one_shows_its_confidence(driver, hashed_builds):
    _, out = hashed_builds["all"]
    graph = to_networkx(load_graph(out))
    open_view(driver, out / "graph.html")
    slider = driver.find_element(By.ID, "min-confidence")
    assert slider.is_displayed() and slider.get_attribute("value") == "0"
    shown = "return kgView.shownEdges.get().map(e => [e.from, e.to, e.relation]).sort()"
    drawn = "return kgView.network.body.edgeIndices.length"

    def links(at_least: str) -> list:
        return sorted([u, v, d["predicate"]] for u, v, d in graph.edges(data=True)
                      if d["confidence"] >= Decimal(at_least))

    assert driver.execute_script(shown) == links("0") and driver.execute_script(drawn) == graph.number_of_edges()
    # the keyboard moves the slider as a reader would: End to 1, then down a step at a time
    slider.send_keys(Keys.END)
    assert driver.execute_script(shown) == links("1")
    for _ in range(20):
        slider.send_keys(Keys.ARROW_LEFT)
    assert driver.find_element(By.ID, "min-confidence-value").text == "0.80"
    expected = links("0.80")
    assert 0 < len(expected) < graph.number_of_edges() // 2
    assert driver.execute_script(shown) == expected and driver.execute_script(drawn) == len(expected)
    hidden = graph.number_of_edges() - len(expected)
    assert f"{hidden} 条置信度低于 0.80，未显示" in driver.find_element(By.ID, "status").text

    # a link still shown, hovered: its confidence, at or above the slider's
    (u, v, key, d) = next((u, v, k, d) for u, v, k, d in graph.edges(keys=True, data=True)
                          if d["confidence"] >= Decimal("0.8") and graph.nodes[u]["label"] != graph.nodes[v]["label"])
    point = (f"(() => {{ const a = kgView.network.getPosition('{u}'), "
             f"b = kgView.network.getPosition('{v}'); return {{x: a.x + (b.x - a.x) / 3, y: a.y + (b.y - a.y) / 3}}; }})()")
    driver.execute_script(f"kgView.network.moveTo({{position: {point}, scale: 3}})")
    text = hover(driver, point)
    assert f"{graph.nodes[u]['label']} → {graph.nodes[v]['label']}" in text
    assert f"置信度：{d['confidence']}" in text.splitlines()
    # back to 0: every link again
    slider.send_keys(Keys.HOME)
    assert driver.execute_script(shown) == links("0")
    assert console_errors(driver) == []


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


READABLE = 12 - 1e-6     # pixels: a label sized to be read at 12 may come out a rounding error short (11.999…)


def on_screen_label_sizes(driver) -> dict[str, float]:
    """Each shown node's label height in screen pixels at the present zoom, if its centre is on the canvas."""
    return driver.execute_script("""
        const net = kgView.network, scale = net.getScale(), canvas = document.querySelector('#graph canvas');
        const out = {};
        for (const id of kgView.shownNodes.getIds()) {
          const p = net.canvasToDOM(net.getPosition(id));
          if (p.x < 0 || p.y < 0 || p.x > canvas.clientWidth || p.y > canvas.clientHeight) continue;
          out[kgView.nodes.get(id).label] = net.body.nodes[id].labelModule.fontOptions.size * scale;
        }
        return out;""")


def test_the_overview_opens_with_the_biggest_labels_readable_and_loners_behind_a_toggle(driver, seeds_build, graph):
    open_view(driver, seeds_build / "graph.html")
    alone = [d["label"] for n, d in graph.nodes(data=True) if graph.degree(n) == 0]
    assert alone
    assert driver.execute_script("return kgView.shownNodes.length") == graph.number_of_nodes() - len(alone)
    assert f"{len(alone)} 个孤立实体未显示" in driver.find_element(By.ID, "status").text
    sizes = on_screen_label_sizes(driver)
    biggest = sorted(graph.nodes, key=lambda n: -graph.degree(n))[:10]
    for node in biggest:
        label = graph.nodes[node]["label"]
        assert sizes.get(label, 0) >= READABLE, (label, sizes.get(label))
    toggle = driver.find_element(By.ID, "isolated")
    assert not toggle.is_selected()
    toggle.click()
    assert driver.execute_script("return kgView.shownNodes.length") == graph.number_of_nodes()
    assert "孤立实体未显示" not in driver.find_element(By.ID, "status").text


def test_a_zones_page_opens_with_every_label_readable(driver, seeds_build):
    open_view(driver, seeds_build / "views" / "潍坊高新区.html")
    sizes = on_screen_label_sizes(driver)
    assert len(sizes) > 20 and min(sizes.values()) >= READABLE, sizes


def test_every_page_leads_back_to_the_index_and_a_zone_node_to_its_page(driver, seeds_build, weifang):
    open_view(driver, seeds_build / "views" / "济宁高新区.html")
    driver.find_element(By.ID, "home").click()
    WebDriverWait(driver, 10).until(lambda d: unquote(d.current_url).endswith("/index.html"))
    driver.find_element(By.LINK_TEXT, "全图").click()
    WebDriverWait(driver, 10).until(lambda d: d.execute_script("return !!(window.kgView && kgView.ready)"))
    # double-clicking a zone opens its page; its tooltip links there too
    driver.execute_script("kgView.network.moveTo({position: kgView.network.getPosition(arguments[0]), scale: 1.5})",
                          weifang)
    point_at(driver, f"kgView.network.getPosition('{weifang}')").click().perform()
    link = driver.find_element(By.CSS_SELECTOR, "#tip a")
    assert link.text == "打开潍坊高新区的页面 →"
    point_at(driver, f"kgView.network.getPosition('{weifang}')").double_click().perform()
    WebDriverWait(driver, 10).until(lambda d: unquote(d.current_url).endswith("/views/潍坊高新区.html"))
    WebDriverWait(driver, 10).until(lambda d: d.execute_script("return !!(window.kgView && kgView.ready)"))
    assert driver.find_element(By.TAG_NAME, "h1").text.startswith("潍坊高新区")


def test_a_click_pins_the_tooltip_so_its_evidence_can_be_selected_and_copied(driver, seeds_build, graph, weifang):
    open_view(driver, seeds_build / "views" / "潍坊高新区.html")
    (bureau,) = [n for n, d in graph.nodes(data=True) if d["label"] == "潍坊高新区经济发展局"]
    point = (f"(() => {{ const a = kgView.network.getPosition('{bureau}'), "
             f"b = kgView.network.getPosition('{weifang}'); return {{x: a.x + (b.x - a.x) / 3, y: a.y + (b.y - a.y) / 3}}; }})()")
    driver.execute_script(f"kgView.network.moveTo({{position: {point}, scale: 1.5}})")
    point_at(driver, point).click().perform()
    tip = driver.find_element(By.ID, "tip")
    assert tip.is_displayed() and "pinned" in tip.get_attribute("class")
    # the mouse leaves for the canvas, crossing other nodes: the tooltip stays
    ActionChains(driver).move_by_offset(-200, -150).move_by_offset(400, 0).perform()
    assert tip.is_displayed() and "潍坊高新区经济发展局党委书记、局长韩滨说。" in tip.text
    # and a drag across its text selects it
    ActionChains(driver).move_to_element(tip).move_to_element_with_offset(tip, -tip.size["width"] // 2 + 4, -4) \
        .click_and_hold().move_to_element_with_offset(tip, tip.size["width"] // 2 - 4, tip.size["height"] // 2 - 4) \
        .release().perform()
    assert "局长韩滨说。" in driver.execute_script("return window.getSelection().toString()")
    assert tip.is_displayed()
    # a click on the empty canvas lets it go; Escape does too
    driver.find_element(By.CSS_SELECTOR, "#tip .close").click()
    assert not tip.is_displayed()
    point_at(driver, point).click().perform()
    assert tip.is_displayed()
    ActionChains(driver).send_keys("\ue00c").perform()      # Escape
    assert not tip.is_displayed()
    assert console_errors(driver) == []
