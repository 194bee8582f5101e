"""Cut runs of text too long to be sentences into pieces the recognisers can take.

A news sentence runs to a few hundred characters. A run of many thousands with
no sentence end — a table flattened into one line, a page whose punctuation
was lost, junk — would make the recognisers' work grow with the square of its
length. It is cut into pieces of at most MAX_SENTENCE characters, at a comma or
a space where there is one, and the document carries a warning saying so.
"""
from __future__ import annotations

from collections.abc import Iterator

from kg.model import Document, Problem, Sentence

MAX_SENTENCE = 1000
# Where a long run is best cut, when one of these lies in the second half of a piece.
PAUSES = "，；、：,; \u3000"


def limit(doc: Document) -> Document:
    long = [s for s in doc.sentences if len(s.text) > MAX_SENTENCE]
    if not long:
        return doc
    index = 0
    for article in doc.articles:
        pieces = []
        for s in article.sentences:
            for start, end in _pieces(s.text) if len(s.text) > MAX_SENTENCE else [(0, len(s.text))]:
                pieces.append(Sentence(index, s.start + start, s.start + end, s.text[start:end]))
                index += 1
        article.sentences = pieces
    first = doc.original_span(long[0].start, long[0].start)[0]
    line = doc.raw.count("\n", 0, first) + 1
    doc.problems.append(Problem(doc.path, f"{len(long)} run(s) of over {MAX_SENTENCE:,} characters with no sentence "
                                          f"end, the first on line {line} ({len(long[0].text):,} characters); read "
                                          f"in pieces of {MAX_SENTENCE:,}", False, doc.id, line))
    return doc


def _pieces(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    while start < len(text):
        end = min(start + MAX_SENTENCE, len(text))
        if end < len(text):
            pause = max(text.rfind(ch, start + MAX_SENTENCE // 2, end) for ch in PAUSES)
            end = pause + 1 if pause >= 0 else end
        piece = text[start:end]
        # a piece cut at a space neither starts nor ends with it, as no sentence does
        if piece.strip():
            yield start + len(piece) - len(piece.lstrip()), start + len(piece.rstrip())
        start = end
