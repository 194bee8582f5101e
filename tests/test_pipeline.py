"""Properties of the whole pipeline on any text: it never raises, and every span and evidence is true to the page.

Hypothesis writes the texts: any Unicode at all, and seed sentences broken up by
the damage real pages carry (line breaks, spaces, controls, traditional
characters, stray marks), so that facts are found and their provenance checked.
"""
import unicodedata

import opencc
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.pipeline import extract
from kg.text.simplify import to_simplified

# Sentences of the seeds that hold facts: a post, a project's investment, a zone's bureau.
SENTENCES = ["潍坊高新区经济发展局党委书记、局长韩滨说。",
             "此次会议主会场所在地的潍坊高新区磁悬浮智能制造产业化项目，总投资额35亿元，是潍坊高新区培育新质生产力的引领性项目。",
             "湖北犇星新材料股份有限公司董事长戴百雄表示。",
             "近日，北京市医疗器械检验研究院（海南）服务工作站成立大会在海口举办。"]
NOISE = st.sampled_from(["\n", "\n\n", " ", "\u3000", "\t", "\r\n", "\x07", "\x00", "\ufeff", "\ufffd", "►", "#",
                         "。", "，", ",", "“", "”", "（", "本报讯 ", "王明 李红\n", "图片来源：新华社\n", "𠀀", "é"])
TRADITIONAL = opencc.OpenCC("s2t").convert

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def damaged_pages(draw) -> str:
    """Seed sentences, maybe in traditional characters, with noise put in anywhere, even inside words."""
    parts = []
    for sentence in draw(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=4)):
        if draw(st.booleans()):
            sentence = TRADITIONAL(sentence)
        chars = list(sentence)
        for _ in range(draw(st.integers(0, 4))):
            chars.insert(draw(st.integers(0, len(chars))), draw(NOISE))
        parts.append("".join(chars))
    return draw(st.sampled_from(["", "\n", " "])).join(parts)


def _true_to_the_page(raw: str) -> None:
    doc = extract(raw)
    assert doc.raw == raw and not doc.original
    n = len(raw)
    for entity in doc.entities:
        for m in entity.mentions:
            start, end = doc.original_span(m.start, m.end)
            assert 0 <= start <= end <= n
            # each character read comes from the page: itself, simplified, made full-width, or a joining break
            for i in range(m.start, m.end):
                _from_the_page(doc.text[i], raw[doc.offsets[i]])
    for t in doc.triples:
        p = t.provenance
        assert p is not None and 0 <= p.start < p.end <= n
        assert p.text == raw[p.start:p.end]


def _from_the_page(read: str, page: str) -> None:
    made_full_width = unicodedata.normalize("NFKC", read) == page
    assert read in (page, to_simplified(page), " ", "\n") or made_full_width, (read, page)


@SETTINGS
@given(st.text())
def test_any_text_at_all(raw):
    _true_to_the_page(raw)


@SETTINGS
@given(damaged_pages())
def test_damaged_pages_of_seed_sentences(raw):
    _true_to_the_page(raw)


def test_facts_are_found_through_the_damage_and_quoted_with_it():
    # the properties above are worth their name only if such pages give facts
    for sentence in SENTENCES:
        half = len(sentence) // 2
        raw = "\ufeff" + TRADITIONAL(sentence[:half]) + "\n\n" + sentence[half:]
        doc = extract(raw)
        assert doc.triples, sentence
        for t in doc.triples:
            assert t.provenance.text == raw[t.provenance.start:t.provenance.end]
            assert "\n\n" in t.provenance.text and not t.provenance.text.startswith("\ufeff")


def test_extract_lines_makes_each_line_a_document_named_by_its_number():
    from kg.model import Document
    from kg.pipeline import extract_lines

    page = Document(id="page", raw="潍坊高新区经济发展局党委书记、局长韩滨说。\n\n石家庄高新区举办对接会。\n")
    docs = list(extract_lines([page], lines=True))
    assert [d.id for d in docs] == ["1", "3"]
    assert ("韩滨", "holdsRole") in {(t.subject.name, t.predicate) for t in docs[0].triples}
