"""Traditional pages read as well as simplified ones, the evidence in the page's own characters."""
import opencc
import pytest
from hypothesis import given
from hypothesis import strategies as st

from kg.pipeline import extract
from kg.text.simplify import to_simplified

PAGE = "001_473abfdb58def16d"


@pytest.fixture(scope="module")
def to_traditional():
    return opencc.OpenCC("s2t").convert


def _facts(doc):
    return {(t.subject.name, t.predicate, t.object.name if t.object else t.value.amount, t.role) for t in doc.triples}


def test_a_traditional_page_gives_the_facts_of_the_simplified_one(seeds, to_traditional):
    simplified = extract(seeds[PAGE], PAGE)
    traditional_raw = to_traditional(seeds[PAGE])
    assert traditional_raw != seeds[PAGE] and "濰坊高新區" in traditional_raw
    traditional = extract(traditional_raw, PAGE)
    assert _facts(traditional) == _facts(simplified) and len(_facts(simplified)) > 20
    assert {(e.name, e.type) for e in traditional.entities} == {(e.name, e.type) for e in simplified.entities}


def test_the_evidence_of_a_traditional_page_is_in_its_own_characters(seeds, to_traditional):
    raw = to_traditional(seeds[PAGE])
    doc = extract(raw, PAGE)
    role = next(t for t in doc.triples if t.predicate == "holdsRole" and t.subject.name == "韩滨")
    p = role.provenance
    assert p.text == raw[p.start:p.end] and "韓濱" in p.text and "韩滨" not in p.text
    assert role.object.name == "潍坊高新区经济发展局"     # matched, and named, in simplified characters


def test_simplified_text_is_left_as_it_is(seeds):
    for text in seeds.values():
        assert to_simplified(text) == text


@given(st.text(alphabet=st.characters(min_codepoint=0x3000, max_codepoint=0x9FFF) | st.sampled_from("\n ，。a1")))
def test_conversion_keeps_every_character_in_its_place(text):
    converted = to_simplified(text)
    assert len(converted) == len(text)
    assert [i for i, ch in enumerate(text) if ch == "\n"] == [i for i, ch in enumerate(converted) if ch == "\n"]


def test_a_simplified_page_keeps_a_character_that_is_traditional_elsewhere():
    text = "近日，星湖经开区与贵州乾星精工有限公司签约，乾县纺织工业园区负责人出席。"
    assert to_simplified(text) != text                  # OpenCC alone would read 乾 as 干
    doc = extract(text, "page")
    assert doc.raw == text and "贵州乾星精工有限公司" in {e.name for e in doc.entities}
