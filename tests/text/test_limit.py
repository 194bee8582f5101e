"""Runs too long to be sentences are cut into pieces, and the page says so."""
from kg.model import Document
from kg.pipeline import extract
from kg.text.limit import MAX_SENTENCE, limit
from kg.text.repair import repair
from kg.text.segment import segment

SENTENCE = "潍坊高新区经济发展局党委书记、局长韩滨说。"


def _segmented(raw: str) -> Document:
    return segment(repair(Document(id="t", raw=raw, path="t.txt")))


def test_a_long_run_is_cut_at_its_pauses_into_pieces_that_cover_it():
    run = "，".join(["示例高新区推动产业发展"] * 400)          # 4,799 characters with no sentence end
    doc = limit(_segmented(f"{SENTENCE}\n{run}。\n{SENTENCE}"))
    sentences = doc.sentences
    assert [s.index for s in sentences] == list(range(len(sentences)))
    assert all(len(s.text) <= MAX_SENTENCE for s in sentences)
    pieces = sentences[1:-1]
    assert len(pieces) == 5 and all(s.text.endswith("，") for s in pieces[:-1])
    assert "".join(s.text for s in pieces) == run + "。"
    assert all(doc.text[s.start:s.end] == s.text for s in sentences)
    (warning,) = doc.problems
    assert not warning.skipped and warning.line == 2 and "1 run(s) of over 1,000 characters" in warning.reason


def test_a_run_with_no_pause_at_all_is_cut_every_max_sentence_characters():
    doc = limit(_segmented("高" * (2 * MAX_SENTENCE + 5)))
    assert [len(s.text) for s in doc.sentences] == [MAX_SENTENCE, MAX_SENTENCE, 5]


def test_pages_of_sentences_are_left_as_they_are(seeds):
    for raw in seeds.values():
        doc = _segmented(raw)
        before = [(s.index, s.start, s.end) for s in doc.sentences]
        assert [(s.index, s.start, s.end) for s in limit(doc).sentences] == before and not doc.problems


def test_facts_inside_a_long_run_are_still_read():
    raw = "、".join(["示例科技有限公司"] * 300) + " " + SENTENCE.rstrip("。") + "，" + "、".join(["示例"] * 300)
    doc = extract(raw)
    assert any(t.predicate == "holdsRole" and t.subject.name == "韩滨" for t in doc.triples)
    assert doc.problems and all(raw[t.provenance.start:t.provenance.end] == t.provenance.text for t in doc.triples)
