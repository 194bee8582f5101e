"""The review page as a reviewer meets it, in headless Chromium: facts filtered, ticked right or wrong, an
entity retyped and another merged, the corrections file downloaded — and the rebuild it makes, in every output."""
import csv
import json
import time
from pathlib import Path

import networkx as nx
import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from headless import console_errors

from kg.build import build
from kg.export import export
from kg.graph.load import load_graph
from kg.graph.network import to_networkx
from kg.review import write_review

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
REJECTED = ("潍柴", "locatedIn", "潍坊高新区")
ACCEPTED = ("韩滨", "holdsRole", "潍坊高新区经济发展局")


def open_review(driver, page):
    driver.get(page.resolve().as_uri())
    WebDriverWait(driver, 30).until(lambda d: d.execute_script("return !!(window.kgReview && kgReview.ready)"))


def index_of(driver, subject, relation, obj) -> int:
    return driver.execute_script("return kgReview.data.facts.findIndex(f => f.subject === arguments[0] && "
                                 "f.relation === arguments[1] && f.object === arguments[2])", subject, relation, obj)


def shown(driver) -> list[dict]:
    return driver.execute_script("return [...document.querySelectorAll('#facts tbody tr')]"
                                 ".map(tr => kgReview.data.facts[+tr.dataset.fact])")


def row(driver, subject, relation, obj):
    """The fact's row, shown by filtering on its relation."""
    Select(driver.find_element(By.ID, "relation")).select_by_value(relation)
    return driver.find_element(By.CSS_SELECTOR, f"tr[data-fact='{index_of(driver, subject, relation, obj)}']")


@pytest.fixture(scope="module")
def page(seeds_build, tmp_path_factory):
    return write_review(seeds_build, tmp_path_factory.mktemp("review") / "review.html")


@pytest.fixture(scope="module")
def every_fact_page(tmp_path_factory):
    """The review of a build that keeps every fact, the unsure too, as a reviewer who checks those would make it:
    the facts the test decides on stand there whatever confidence the shipped model gives them."""
    out = tmp_path_factory.mktemp("every_fact")
    build(SEEDS, out, min_confidence="0")
    return write_review(out, out / "review.html")


def test_the_page_opens_offline_and_lists_every_fact_with_its_sentence(driver, page, seeds_build):
    open_review(driver, page)
    assert console_errors(driver) == []
    graph = load_graph(seeds_build)
    assert driver.execute_script("return kgReview.data.facts.length") == len(graph.facts())
    rows = driver.find_elements(By.CSS_SELECTOR, "#facts tbody tr")
    assert len(rows) == 200 and driver.find_element(By.ID, "shown").text == f"显示 200 / {len(graph.facts())} 条"
    driver.find_element(By.ID, "more").click()
    assert len(driver.find_elements(By.CSS_SELECTOR, "#facts tbody tr")) == 400
    accepted = row(driver, *ACCEPTED)
    assert "潍坊高新区经济发展局" in accepted.find_element(By.CSS_SELECTOR, ".evidence").text
    assert "局长韩滨说" in accepted.find_element(By.CSS_SELECTOR, ".evidence").text


def test_filters_by_relation_zone_and_document(driver, page):
    open_review(driver, page)
    Select(driver.find_element(By.ID, "relation")).select_by_value("holdsRole")
    posts = driver.execute_script("return kgReview.data.facts.filter(f => f.relation === 'holdsRole')")
    assert {f["relation"] for f in shown(driver)} == {"holdsRole"} and len(shown(driver)) == len(posts) > 10
    Select(driver.find_element(By.ID, "relation")).select_by_value("")
    Select(driver.find_element(By.ID, "zone")).select_by_value("潍坊高新区")
    zone = shown(driver)
    assert zone and all("潍坊高新区" in f["zones"] for f in zone)
    assert any(f["subject"] == "潍柴" for f in zone), "a company located in the zone is of the zone"
    Select(driver.find_element(By.ID, "document")).select_by_value("003_a47ea2bfe5e6e35c")
    assert shown(driver) == [], "no fact of page 003 is about 潍坊高新区"
    Select(driver.find_element(By.ID, "zone")).select_by_value("")
    assert {d for f in shown(driver) for d in f["docs"]} >= {"003_a47ea2bfe5e6e35c"}
    assert all("003_a47ea2bfe5e6e35c" in f["docs"] for f in shown(driver))


def test_the_least_confident_facts_come_first(driver, page):
    open_review(driver, page)
    shown_first = [float(r.text) for r in driver.find_elements(By.CSS_SELECTOR, "#facts tbody td.confidence")]
    every = driver.execute_script("return kgReview.data.facts.map(f => f.confidence)")
    assert shown_first == sorted(shown_first) and shown_first[0] == min(every) and None not in every


def test_facts_without_a_confidence_come_last(driver, seeds_build, tmp_path):
    lines = (seeds_build / "extraction.jsonl").read_text(encoding="utf-8").splitlines()
    sure = {ACCEPTED: 0.91, REJECTED: 0.12}
    with_confidences = []
    for line in lines:
        r = json.loads(line)
        r.pop("confidence", None)       # a record of an older kg, with no confidence but these two
        if r["kind"] == "triple" and (r["subject"], r["predicate"], r.get("object")) in sure:
            r["confidence"] = sure[r["subject"], r["predicate"], r.get("object")]
        with_confidences.append(json.dumps(r, ensure_ascii=False))
    (tmp_path / "extraction.jsonl").write_text("\n".join(with_confidences) + "\n", encoding="utf-8")
    open_review(driver, write_review(tmp_path, tmp_path / "review.html"))
    first, second = driver.find_elements(By.CSS_SELECTOR, "#facts tbody tr")[:2]
    assert [r.find_element(By.CSS_SELECTOR, ".confidence").text for r in (first, second)] == ["0.12", "0.91"]
    order = driver.execute_script("return kgReview.data.facts.map(f => f.confidence)")
    unknown = order.index(None)
    assert unknown > 2 and set(order[unknown:]) == {None}, "the facts of unknown confidence come last"
    assert set(order[2:unknown]) == {1.0}, "then the cities' provinces, looked up in the division codes"
    assert "潍柴" in first.text and "韩滨" in second.text


def test_ticked_facts_a_retype_and_a_merge_download_as_corrections_that_the_rebuild_applies_everywhere(
        driver, every_fact_page, tmp_path):
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    driver.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})
    open_review(driver, every_fact_page)
    reviewer = driver.find_element(By.ID, "reviewer")
    reviewer.clear()
    reviewer.send_keys("王芳")
    click(driver, row(driver, *REJECTED).find_element(By.CSS_SELECTOR, "button.reject"))
    assert "rejected" in row(driver, *REJECTED).get_attribute("class")
    click(driver, row(driver, *ACCEPTED).find_element(By.CSS_SELECTOR, "button.accept"))
    # the zone's company 歌尔集团 is 歌尔; 碳基新材料 is an industry, not a company
    edit(driver, row(driver, "歌尔集团", "locatedIn", "潍坊高新区"), "歌尔集团 (Company)", into="歌尔 (Company)")
    edit(driver, row(driver, "碳基新材料", "locatedIn", "济宁高新区"), "碳基新材料 (Company)", retype="Industry")
    assert driver.find_element(By.ID, "decided").text == "4 项决定待下载"
    driver.find_element(By.ID, "download").click()
    downloaded = downloads / "corrections.yaml"
    deadline = time.time() + 10
    while not downloaded.is_file() and time.time() < deadline:
        time.sleep(0.1)
    assert console_errors(driver) == []
    text = downloaded.read_text(encoding="utf-8")
    assert '- reject: {subject: "潍柴 (Company)", relation: locatedIn, object: "潍坊高新区 (Zone)"}\n  by: "王芳"' in text

    report = build(SEEDS, tmp_path / "out", corrections=[downloaded])
    assert (report.corrections.applied, report.corrections.unmatched) == (4, [])
    assert report.corrections.unfit >= 1, "an industry lies in no zone (nor focuses on one, below the threshold)"
    out = tmp_path / "out"
    facts = {(r["subject"], r["predicate"], r.get("object")): r for r in map(json.loads, (out / "extraction.jsonl")
                                                                                  .read_text(encoding="utf-8").splitlines())
             if r["kind"] == "triple"}
    assert REJECTED not in facts and facts[ACCEPTED]["reviewer"] == "王芳"
    assert ("歌尔", "locatedIn", "潍坊高新区") in facts and ("歌尔集团", "locatedIn", "潍坊高新区") not in facts
    export(out, "graphml", tmp_path / "graph.graphml")
    export(out, "neo4j", tmp_path / "neo4j")
    for g in (to_networkx(load_graph(out / "graph.ttl")), nx.read_graphml(tmp_path / "graph.graphml")):
        labels = {d["label"]: d for _, d in g.nodes(data=True)}
        edges = {(g.nodes[u]["label"], d.get("predicate"), g.nodes[v]["label"]) for u, v, d in g.edges(data=True)}
        assert REJECTED not in edges and ACCEPTED in edges and "歌尔集团" not in labels
        assert labels["碳基新材料"]["type"] == "Industry"
    nodes = list(csv.reader((tmp_path / "neo4j" / "nodes_Industry.csv").open(encoding="utf-8")))
    assert any(r[2] == "碳基新材料" for r in nodes)
    assert "潍柴 → 潍坊高新区" not in (out / "graph.html").read_text(encoding="utf-8")
    open_review(driver, write_review(out, out / "review.html"))
    accepted = row(driver, *ACCEPTED)
    assert "已审核：王芳" in accepted.text, "the page of the rebuild shows who reviewed the fact"


def click(driver, element):
    """As a reader would: the element scrolled to the middle of the window, clear of the sticky header."""
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
    element.click()


def edit(driver, tr, entity: str, into: str = "", retype: str = ""):
    click(driver, tr.find_element(By.CSS_SELECTOR, f"button.entity[data-entity='{entity}']"))
    dialog = driver.find_element(By.ID, "editor")
    WebDriverWait(driver, 5).until(lambda d: dialog.is_displayed())
    if retype:
        Select(driver.find_element(By.ID, "retype")).select_by_value(retype)
    if into:
        driver.find_element(By.ID, "merge-into").send_keys(into)
    driver.find_element(By.ID, "apply-edit").click()
    WebDriverWait(driver, 5).until(lambda d: not dialog.is_displayed())
