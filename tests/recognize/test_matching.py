"""The fast matchers find what the plain regular expressions they replace find, on the seeds' text."""
from __future__ import annotations

from pathlib import Path

import pytest

from kg.lexicon import Names, any_of, leading_place, leading_zone_name, load, tagger
from kg.recognize.gazetteer import gazetteer, is_zone_shape, leading_zone_shape, zone_shape, zone_shapes
from kg.recognize.features import LISTS, listed

SEEDS = sorted((Path(__file__).resolve().parents[2] / "seeds").glob("*.txt"))


@pytest.fixture(scope="module")
def pages() -> list[str]:
    # the page text with its line breaks dropped, so that names broken over lines are whole
    return [p.read_text(encoding="utf-8").replace("\n", "") for p in SEEDS]


def test_the_gazetteer_finds_what_an_alternation_of_its_names_finds(pages):
    names = set(load().zones) | set(load().places)
    pattern = any_of(names)
    for text in pages:
        expected = [(m.start(), m.end(), m.group()) for m in pattern.finditer(text)]
        assert list(gazetteer().finditer(text)) == expected
        assert len(expected) > 20


def test_names_prefer_the_longest_at_one_place():
    assert list(Names(["潍坊", "潍坊市", "市场"]).finditer("潍坊市场")) == [(0, 3, "潍坊市")]


def test_zone_shapes_are_what_the_zone_pattern_finds(pages):
    for text in pages + ["西部（重庆）科学城和某某国家高新区", "潍坊国家高新区潍坊高新区"]:
        assert list(zone_shapes(text)) == [(m.start(), m.end()) for m in zone_shape().finditer(text)]


def test_leading_names_are_what_an_alternation_of_the_names_matches(pages):
    place, zone = any_of(load().places), any_of(load().zones)
    for text in pages:
        for at in range(len(text)):
            m, z = place.match(text, at), zone.match(text, at)
            assert leading_place(text[at:]) == (m.group() if m else "")
            assert leading_zone_name(text[at:]) == (z.group() if z else "")


def test_zone_shapes_at_a_start_are_what_the_zone_pattern_matches(pages):
    shape = zone_shape()
    texts = pages + ["西部（重庆）科学城和某某国家高新区", "中部（某某地）国家高新区", "潍坊国家高新区潍坊高新区"]
    found = 0
    for text in texts:
        for m in shape.finditer(text):
            found += 1
            for at in range(max(0, m.start() - 4), m.start() + 3):      # starts before, at and inside the name
                for end in (m.end() - 1, m.end(), m.end() + 2):
                    head = text[at:end]
                    expected = shape.match(head)
                    assert leading_zone_shape(head) == (expected.group() if expected else "")
                    assert is_zone_shape(head) == bool(shape.fullmatch(head))
    assert found > 10


@pytest.mark.parametrize("kind", ["company", "industry"])
def test_list_patterns_over_clauses_find_what_they_find_over_the_page(pages, kind):
    pattern = LISTS[kind]
    for text in pages:
        expected = {k for m in pattern.finditer(text) for k in range(m.start(1), m.end(1)) if text[k] != "、"}
        assert {k for k, found in enumerate(listed(text)) if found == kind} == expected
    assert any(pattern.search(text) for text in pages)


def test_the_tagger_keeps_lexicon_words_whole_with_their_own_tag():
    words = dict(tagger().cut("潍坊高新区管委会主任在潍坊市调研生物医药产业"))
    assert words["潍坊高新区"] == "nt"
    assert words["潍坊市"] == "ns"
    assert words["生物医药"] == "n"


def test_a_word_no_dictionary_holds_is_no_adverb():
    # jieba-rs guesses 'd' or 'm' for some unknown words; a name's first part must stay a noun
    flags = dict(tagger().cut("成都倍特药业股份有限公司"))
    assert flags["倍特"] == "nz"
