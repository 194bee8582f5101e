"""kg build with a person's corrections of the seeds' graph: every output shows them, every build applies them."""
import csv
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest

from kg.build import build
from kg.export import export
from kg.graph.load import load_graph
from kg.graph.network import to_networkx
from kg.rdf.load import load_graph as load_rdf
from kg.rdf.validate import validate
from kg.run.cache import Cache
from kg.write.rdf import serialize

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
CORRECTIONS = """\
# what 王芳 decided about the seeds' graph
- reject: {subject: 潍柴 (Company), relation: locatedIn, object: 潍坊高新区 (Zone)}
  by: 王芳
- accept: {subject: 韩滨 (Person), relation: holdsRole, object: 潍坊高新区经济发展局 (GovernmentAgency)}
  by: 王芳
- add: {subject: 魔方卫星 (Company), relation: locatedIn, object: 潍坊高新区 (Zone)}
  note: 潍坊高新区管委会网站，2024-03-01
  by: 王芳
- merge: 潍柴集团 (Company)
  into: 潍柴 (Company)
- merge: 石药集团欧意药业有限公司 (Company)
  into: 石药集团 (Company)
- retype: 烟台公共资源交易中心 (Company)
  to: GovernmentAgency
- alias: 歌尔 (Company)
  names: [歌尔集团]
- split: 新能源新材料 (Industry)
  drop: 新材料
- rename: 昆电工 (Company)
  to: 昆明电工
- recognise: 未来科学城 (Zone)
- reject: {subject: 潍坊高新 (Zone), relation: locatedIn, object: 潍坊市 (Place)}
"""
REJECTED = ("潍柴", "locatedIn", "潍坊高新区")
ACCEPTED = ("韩滨", "holdsRole", "潍坊高新区经济发展局")
ADDED = ("魔方卫星", "locatedIn", "潍坊高新区")


def news_with(tmp_path: Path, corrections: str) -> Path:
    news = tmp_path / "news"
    shutil.copytree(SEEDS, news)
    (news / "corrections.yaml").write_text(corrections, encoding="utf-8")
    return news


@pytest.fixture(scope="module")
def corrected(tmp_path_factory):
    news = news_with(tmp_path_factory.mktemp("corrected"), CORRECTIONS)
    out = news.parent / "out"
    return build(news, out), out       # news/corrections.yaml found by itself


def facts(folder: Path) -> set[tuple]:
    return {(r["subject"], r["predicate"], r.get("object")) for r in records(folder) if r["kind"] == "triple"}


def records(folder: Path) -> list[dict]:
    return [json.loads(line) for line in (folder / "extraction.jsonl").read_text(encoding="utf-8").splitlines()]


def names(g: nx.MultiDiGraph) -> dict[str, dict]:
    return {d["label"]: d for _, d in g.nodes(data=True)}


def edges(g: nx.MultiDiGraph) -> dict[tuple, dict]:
    return {(g.nodes[u]["label"], d["predicate"], g.nodes[v]["label"]): d for u, v, d in g.edges(data=True)}


def test_the_build_says_how_many_corrections_it_applied_and_which_match_nothing(corrected):
    report, _ = corrected
    c = report.corrections
    assert (c.applied, c.total) == (9, 11)
    zone, typo = c.unmatched
    assert zone.endswith("corrections.yaml:21: recognise 未来科学城 (Zone): no page names 未来科学城")
    assert "corrections.yaml:22: reject 潍坊高新 (Zone) locatedIn 潍坊市 (Place): matches nothing in the graph; " \
           "no entity is called 潍坊高新; nearest names: 潍坊高新区" in typo
    assert "corrections: 9 of 11 applied" in report.summary()
    assert not report.problems, "corrections.yaml beside the pages is no page"


def test_a_rejected_fact_is_gone_from_every_output(corrected, seeds_build, tmp_path):
    _, out = corrected
    for folder, present in ((seeds_build, True), (out, False)):
        assert (REJECTED in facts(folder)) is present
        g = to_networkx(load_graph(folder / "graph.ttl"))
        assert (REJECTED in edges(g)) is present, "in the RDF"
        exported = tmp_path / folder.name
        export(folder, "neo4j", exported)
        rows = list(csv.reader((exported / "relationships_LOCATED_IN.csv").open(encoding="utf-8")))
        ids = {d["label"]: n for n, d in to_networkx(load_graph(folder)).nodes(data=True)}
        assert any(r[:2] == [ids["潍柴"], ids["潍坊高新区"]] for r in rows) is present, "in the Neo4j CSV"
        export(folder, "graphml", exported / "graph.graphml")
        assert (REJECTED in edges(nx.read_graphml(exported / "graph.graphml"))) is present, "in GraphML"
        view = (folder / "graph.html").read_text(encoding="utf-8")
        assert ("潍柴 → 潍坊高新区" in view) is present, "in the view"


def test_accepted_and_added_facts_say_who_decided_in_every_output(corrected, tmp_path):
    _, out = corrected
    reviewed = {(r["subject"], r["predicate"], r["object"]): r for r in records(out) if r.get("reviewed")}
    assert set(reviewed) == {ACCEPTED, ADDED} and {r["reviewer"] for r in reviewed.values()} == {"王芳"}
    added = reviewed[ADDED]
    assert (added["doc"], added["source"], added["evidence"]) == ("corrections.yaml", "reviewer", "潍坊高新区管委会网站，2024-03-01")
    rdf = load_rdf(out / "graph.ttl")
    said = {(str(s), str(p), str(o)) for s, p, o, who in rdf.query("""
        SELECT ?s ?p ?o ?who WHERE { ?st hz:reviewed true ; prov:wasAttributedTo/rdfs:label ?who ;
            rdf:subject/rdfs:label ?s ; rdf:predicate ?p ; rdf:object/rdfs:label ?o }""",
        initNs={"hz": "https://w3id.org/kg-hz/ontology#", "prov": "http://www.w3.org/ns/prov#"}) if str(who) == "王芳"}
    assert said == {(s, f"https://w3id.org/kg-hz/ontology#{p}", o) for s, p, o in (ACCEPTED, ADDED)}
    export(out, "neo4j", tmp_path / "neo4j")
    rows = list(csv.DictReader((tmp_path / "neo4j" / "relationships_HOLDS_ROLE.csv").open(encoding="utf-8")))
    assert sum(r["reviewed:boolean"] == "true" and r["reviewer"] == "王芳" for r in rows) == 1
    export(out, "graphml", tmp_path / "graph.graphml")
    exported = edges(nx.read_graphml(tmp_path / "graph.graphml"))
    assert exported[ACCEPTED]["reviewed"] is True and exported[ADDED]["reviewer"] == "王芳"
    assert exported[("潍坊高新区", "locatedIn", "潍坊市")]["reviewed"] is False
    assert "已审核：王芳" in (out / "views" / "潍坊高新区.html").read_text(encoding="utf-8")


def test_merged_renamed_retyped_and_aliased_entities_are_so_in_the_graph(corrected, seeds_build):
    before, after = names(to_networkx(load_graph(seeds_build))), names(to_networkx(load_graph(corrected[1])))
    assert "潍柴集团" in before and "潍柴集团" not in after and "潍柴集团" in after["潍柴"]["aliases"]
    assert "石药集团欧意药业有限公司" not in after and "石药集团欧意药业有限公司" in after["石药集团"]["aliases"]
    assert ("石药集团欧意药业有限公司", "partOf", "石药集团") in facts(seeds_build)
    assert ("石药集团", "partOf", "石药集团") not in facts(corrected[1]), "the merge makes no fact link the company to itself"
    assert (before["烟台公共资源交易中心"]["type"], after["烟台公共资源交易中心"]["type"]) == ("Company", "GovernmentAgency")
    assert "歌尔集团" not in after and "歌尔集团" in after["歌尔"]["aliases"]
    assert "新材料" in before["新能源新材料"]["aliases"] and "新材料" not in after["新能源新材料"]["aliases"]
    assert "昆电工" not in after and after["昆明电工"]["aliases"] == ["昆电工"]
    assert ("昆明电工", "locatedIn", "昆明高新区") in facts(corrected[1])


def test_the_corrected_graph_conforms_to_the_shapes(corrected):
    report = validate(load_rdf(corrected[1] / "graph.ttl"))
    assert report.conforms, "\n".join(report.explain())


def test_the_build_gives_the_graph_of_the_record_corrected_by_hand(tmp_path, seeds_build):
    news = news_with(tmp_path, CORRECTIONS.split("- add:")[0])      # the reject and the accept
    build(news, tmp_path / "out")
    by_hand = []
    for line in (seeds_build / "extraction.jsonl").read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        fact = (r.get("subject"), r.get("predicate"), r.get("object"))
        if fact == REJECTED:
            continue
        if fact == ACCEPTED:
            r.update(reviewed=True, reviewer="王芳")
        by_hand.append(json.dumps(r, ensure_ascii=False))
    (tmp_path / "by-hand.jsonl").write_text("\n".join(by_hand) + "\n", encoding="utf-8")
    graph = load_graph(tmp_path / "by-hand.jsonl")
    assert (tmp_path / "out" / "graph.ttl").read_bytes() == serialize(graph, "turtle")


def test_a_declared_name_is_recognised_and_a_new_declaration_extracts_the_pages_again(tmp_path):
    news = tmp_path / "news"
    news.mkdir()
    (news / "page.txt").write_text("当天，未来科学城与北汽集团签署战略合作协议。\n", encoding="utf-8")
    cache = Cache(tmp_path / "cache")
    first = build(news, tmp_path / "out", cache=cache)
    assert "未来科学城" not in {n.name for n in first.graph.nodes.values()}
    (news / "corrections.yaml").write_text("- recognise: 未来科学城 (Zone)\n", encoding="utf-8")
    second = build(news, tmp_path / "out", cache=cache)
    assert (second.extracted, second.reused) == (1, 0), "the declaration is part of what the page's record is made of"
    assert ("未来科学城", "cooperatesWith", "北汽集团") in facts(tmp_path / "out")
    entity = next(r for r in records(tmp_path / "out") if r.get("name") == "未来科学城")
    assert (entity["type"], entity["source"]) == ("Zone", ["declared"])
    assert build(news, tmp_path / "out", cache=cache).reused == 1
    assert second.corrections.unmatched == []


def kg(*args, seed="0"):
    env = {**os.environ, "PYTHONHASHSEED": seed}
    return subprocess.run([sys.executable, "-m", "kg.cli", *args], capture_output=True, text=True, cwd=ROOT, env=env)


def test_the_same_corrections_give_the_same_bytes_under_any_hash_seed(tmp_path):
    news = news_with(tmp_path, CORRECTIONS)
    outputs = []
    for seed in ("1", "2"):
        run = kg("build", str(news), "--out", str(tmp_path / seed), "--no-cache", "--quiet", seed=seed)
        assert run.returncode == 0, run.stderr
        assert run.stderr.count("kg: warning: correction ") == 2
        outputs.append([(tmp_path / seed / name).read_bytes() for name in ("extraction.jsonl", "graph.ttl")])
    assert outputs[0] == outputs[1]


def test_a_bad_corrections_file_is_one_line_and_nothing_is_built(tmp_path):
    bad = tmp_path / "review.yaml"
    bad.write_text("- reject: {subject: 潍柴 (Company), relation: liesIn, object: 潍坊高新区 (Zone)}\n", encoding="utf-8")
    run = kg("build", str(SEEDS), "--out", str(tmp_path / "out"), "--corrections", str(bad))
    assert run.returncode == 2 and not (tmp_path / "out").exists()
    assert run.stderr == (f"kg: error: {bad}:1: unknown relation 'liesIn'; write one of locatedIn, partOf, signs, "
                          "investsIn, holdsRole, cooperatesWith, focusesOn, issues, produces, totalInvestment "
                          "(did you mean investsIn?)\n")
    run = kg("build", str(SEEDS), "--out", str(tmp_path / "out"), "--corrections", str(tmp_path / "none.yaml"))
    assert run.returncode == 2 and "none.yaml: no such corrections file" in run.stderr
    assert "Traceback" not in run.stderr


def test_a_file_given_replaces_the_folder_s_own_which_is_still_no_page(tmp_path):
    news = tmp_path / "news"
    news.mkdir()
    shutil.copy(SEEDS / "001_473abfdb58def16d.txt", news)
    (news / "corrections.yaml").write_text("- retype: 韩滨 (Person)\n  to: Organization\n", encoding="utf-8")
    given = tmp_path / "review.yaml"
    given.write_text("- reject: {subject: 韩滨, relation: holdsRole, object: 潍坊高新区经济发展局}\n"
                     "- retype: 潍坊高新区 (Company)\n  to: Zone\n", encoding="utf-8")
    report = build(news, tmp_path / "out", corrections=str(given))
    assert not report.problems and report.graph.documents == ["001_473abfdb58def16d"]
    assert ("韩滨", "holdsRole", "潍坊高新区经济发展局") not in facts(tmp_path / "out")
    assert {n.type for n in report.graph.nodes.values() if n.name == "韩滨"} == {"Person"}, "the folder's file is not applied"
    (unmatched,) = report.corrections.unmatched
    assert unmatched.endswith("review.yaml:2: retype 潍坊高新区 (Company) to Zone: matches nothing in the graph; "
                              "潍坊高新区 is Zone there, not Company")


def test_a_fact_a_person_accepted_stays_above_any_threshold_and_an_added_one_is_sure(tmp_path):
    news = news_with(tmp_path, CORRECTIONS.split("- merge:")[0])
    report = build(news, tmp_path / "out", min_confidence="0.99")
    kept = {(r["subject"], r["predicate"], r["object"]): r for r in records(tmp_path / "out")
            if r["kind"] == "triple" and "object" in r}
    assert float(kept[ACCEPTED]["confidence"]) < 0.99 and kept[ACCEPTED]["reviewer"] == "王芳"
    assert kept[ADDED]["confidence"] == 1.0 and report.left_out > 0
    assert validate(load_rdf(tmp_path / "out" / "graph.ttl")).conforms
