"""The fast matchers find what the plain regular expressions they replace find, on the seeds' text."""
from __future__ import annotations

from pathlib import Path

import pytest

from kg.lexicon import Names, any_of, load, tagger
from kg.recognize.places import gazetteer, zone_shape, zone_shapes

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


def test_the_tagger_keeps_lexicon_words_whole_with_their_own_tag():
    words = dict(tagger().cut("潍坊高新区管委会主任在潍坊市调研生物医药产业"))
    assert words["潍坊高新区"] == "nt"
    assert words["潍坊市"] == "ns"
    assert words["生物医药"] == "n"


def test_a_word_no_dictionary_holds_is_no_adverb():
    # jieba-rs guesses 'd' or 'm' for some unknown words; a name's first part must stay a noun
    flags = dict(tagger().cut("成都倍特药业股份有限公司"))
    assert flags["倍特"] == "nz"
