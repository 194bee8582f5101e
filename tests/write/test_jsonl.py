import json
from decimal import Decimal

import pytest

from kg.graph.load import load_graph
from kg.model import Document, Entity, Triple
from kg.write.jsonl import records, write_jsonl

# SCHEMA.md: what the scorer reads, and the extras this writer adds.
ENTITY_KEYS = {"kind", "doc", "name", "type", "aliases"}
ENTITY_EXTRAS = {"id", "byline", "mentions", "source", "confidence"}
TRIPLE_KEYS = {"kind", "doc", "subject", "predicate"}
TRIPLE_EXTRAS = {"role", "currency", "qualifier", "evidence", "article", "sentence", "span", "source", "confidence"}


def by_kind(doc, kind):
    return [r for r in records(doc) if r["kind"] == kind]


def test_entity_lines_carry_the_scorer_keys_and_only_known_extras(weifang):
    lines = by_kind(weifang, "entity")
    assert [r["name"] for r in lines] == [e.name for e in weifang.entities]
    for r in lines:
        assert ENTITY_KEYS <= r.keys() <= ENTITY_KEYS | ENTITY_EXTRAS
        assert r["doc"] == "001_473abfdb58def16d"
        assert r["id"].startswith("https://w3id.org/kg-hz/id/")
        assert r["aliases"] == sorted(r["aliases"])
        assert r["source"] == sorted(r["source"])
    zone = next(r for r in lines if r["name"] == "潍坊高新区")
    assert zone["type"] == "Zone" and zone["aliases"] == ["潍坊高新技术产业开发区"]
    assert [r["name"] for r in lines if r.get("byline")] == ["冯玉诚"]


def test_mention_offsets_slice_the_original_file(weifang):
    for r in by_kind(weifang, "entity"):
        assert r["mentions"]
        for start, end in r["mentions"]:
            # the file breaks lines inside words: 潍坊\n\n市
            assert weifang.raw[start:end].replace("\n", "") == r["name"]
    han = next(r for r in by_kind(weifang, "entity") if r["name"] == "韩滨")
    assert [weifang.raw[s:e] for s, e in han["mentions"]] == ["韩滨"]


@pytest.mark.parametrize("subject, predicate, end", [
    ("潍坊高新区", "locatedIn", {"object": "潍坊市"}),
    ("韩滨", "holdsRole", {"object": "潍坊高新区经济发展局", "role": "党委书记、局长"}),
    ("磁悬浮智能制造产业化项目", "totalInvestment", {"value": 3500000000, "currency": "CNY"}),
])
def test_triple_lines(weifang, subject, predicate, end):
    (r,) = [r for r in by_kind(weifang, "triple") if r["subject"] == subject and r["predicate"] == predicate]
    assert TRIPLE_KEYS | end.keys() <= r.keys() <= TRIPLE_KEYS | TRIPLE_EXTRAS | {"object", "value"}
    assert {k: r[k] for k in end} == end
    assert ("object" in r) != ("value" in r)
    assert "qualifier" not in r           # written only when the text hedged
    assert type(r.get("value", 0)) is int


def test_triple_evidence_span_slices_the_original_file(weifang):
    for r in by_kind(weifang, "triple"):
        start, end = r["span"]
        assert weifang.raw[start:end].replace("\n", "") == r["evidence"]
        assert r["evidence"] == weifang.sentences[r["sentence"]].text and r["article"] == 0


def test_triple_ends_name_entity_lines_of_the_same_document(weifang):
    names = {r["name"] for r in by_kind(weifang, "entity")}
    for r in by_kind(weifang, "triple"):
        assert r["subject"] in names and r.get("object", r["subject"]) in names


def test_a_triple_with_neither_object_nor_value_is_dropped_with_a_warning():
    project = Entity("磁悬浮智能制造产业化项目", "Project")
    doc = Document(id="902_broken", raw="", entities=[project], triples=[Triple(project, "totalInvestment")])
    with pytest.warns(UserWarning, match="902_broken"):
        assert [r["kind"] for r in records(doc)] == ["entity"]


def test_write_jsonl_writes_utf8_lines_sorted_by_document(tmp_path, weifang, weifang_000):
    path = tmp_path / "extraction.jsonl"
    write_jsonl([weifang, weifang_000], path)
    text = path.read_text(encoding="utf-8")
    assert "潍坊高新区" in text and "\\u" not in text
    lines = [json.loads(line) for line in text.splitlines()]
    assert len(lines) == sum(len(d.entities) + len(d.triples) for d in (weifang, weifang_000))
    docs = [r["doc"] for r in lines]
    assert docs == sorted(docs)


def test_every_entity_and_fact_says_what_made_it():
    from kg.pipeline import extract

    lines = list(records(extract("潍坊高新区经济发展局党委书记、局长韩滨说。")))
    sources = {(r.get("name") or r["subject"], r.get("predicate")): r["source"] for r in lines}
    assert sources[("韩滨", None)] == ["model"]
    assert sources[("潍坊市", None)] == ["derived:city"]          # read off the zone's name
    assert sources[("韩滨", "holdsRole")] == "rule:roles"


def test_a_confidence_is_a_json_number_in_its_own_digits_and_reads_back_the_same(tmp_path, weifang):
    sure = {"潍坊高新区": Decimal("0.83"), "韩滨": Decimal("0.5"), "冯玉诚": Decimal("1")}
    for e in weifang.entities:
        e.confidence = sure.get(e.name, Decimal("0.07"))
    for t, confidence in zip(weifang.triples, ("0.83", "0.50", "1.00", "0.00", "0.6")):
        t.confidence = Decimal(confidence)
    write_jsonl([weifang], tmp_path / "extraction.jsonl")
    lines = (tmp_path / "extraction.jsonl").read_text(encoding="utf-8").splitlines()
    # the last key of each line, two places whatever the Decimal's own spelling, never a float's noise
    assert [line.rsplit(',"confidence":', 1)[1] for line in lines] == \
        ["0.83}", "0.07}", "0.07}", "0.07}", "0.50}", "1.00}", "0.83}", "0.50}", "1.00}", "0.00}", "0.60}"]
    assert all(isinstance(json.loads(line)["confidence"], float) for line in lines)     # a number, not a string
    kg = load_graph(tmp_path)
    assert kg.nodes[weifang.entity("潍坊高新区").id].confidence == Decimal("0.83")
    assert sorted(str(t.confidence) for t in kg.triples) == ["0.00", "0.50", "0.60", "0.83", "1.00"]


def test_extract_gives_every_entity_and_fact_a_confidence():
    from kg.pipeline import extract

    lines = list(records(extract("潍坊高新区经济发展局党委书记、局长韩滨说。")))
    assert lines and all(0 <= r["confidence"] <= 1 and r["confidence"].as_tuple().exponent <= -2 for r in lines)
