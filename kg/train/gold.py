"""The domain gold as training sentences: each gold name found where its page says it.

A gold file lists a page's entities by name and alias, not where they stand;
each name is looked for in the page as kg reads it (simplified, repaired,
segmented), the longest first, and every place it stands is a mention of its
type. The posts of holdsRole facts are marked as POST, as are the posts of the
lexicon where no gold name is.

    for doc_id, sentences in gold_examples([Path("gold/dev2")], [Path("corpus/dev2")]):
        for text, spans in sentences: ...
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from kg.model import GOLD_SOURCE, Document, Mention
from kg.read import InputError
from kg.resolve import leading_zone
from kg.text.repair import repair
from kg.text.segment import segment
from kg.text.simplify import simplify, to_simplified
from kg.lexicon import any_of, load
from kg.train.corpora import Span

_ROLE_PARTS = re.compile(r"[、，,和及兼]")


def gold_files(folders: Iterable[Path]) -> list[Path]:
    return sorted(p for folder in folders for p in Path(folder).glob("*.json"))


def page_of(doc_id: str, text_folders: Iterable[Path]) -> Path:
    for folder in text_folders:
        path = Path(folder) / f"{doc_id}.txt"
        if path.is_file():
            return path
    raise InputError(f"no page {doc_id}.txt for the gold file of {doc_id} in "
                     f"{', '.join(map(str, text_folders))}; give the folder of its text")


def read_page(path: Path, doc_id: str) -> Document:
    """The page as the pipeline reads it, up to the sentences the recogniser tags."""
    return segment(repair(simplify(Document(id=doc_id, raw=path.read_text(encoding="utf-8")))))


def _variants(name: str) -> set[str]:
    """A gold name as it may stand in the page: simplified, with either kind of bracket."""
    forms = {name.strip(), to_simplified(name.strip())}
    return {f.translate(_BRACKETS) for f in forms} | forms


def name_forms(entity: dict) -> set[str]:
    """Every form a gold entity's name and aliases may take in its page."""
    return {form for n in [entity["name"], *entity.get("aliases", [])] for form in _variants(n) if form}


_BRACKETS = str.maketrans("()", "（）")


def gold_spans(doc: Document, gold: dict) -> list[Span]:
    """Where each gold entity and post stands in the page, the longest names first, none overlapping."""
    names = [(form, e["type"]) for e in gold["entities"] for form in name_forms(e)]
    names += [(to_simplified(part), "POST") for t in gold["triples"] if t.get("role")
              for part in _ROLE_PARTS.split(t["role"]) if len(part) >= 2]
    taken = bytearray(len(doc.text))
    spans = []
    for name, kind in sorted(set(names), key=lambda n: (-len(n[0]), n)):
        at = doc.text.find(name)
        while at != -1:
            end = at + len(name)
            if not any(taken[at:end]):
                spans += _zone_apart(doc.text, at, end, kind)
                taken[at:end] = b"\1" * (end - at)
            at = doc.text.find(name, at + 1)
    return _with_posts(doc.text, sorted(spans))


def _with_posts(text: str, spans: list[Span]) -> list[Span]:
    """`spans` and every post of the lexicon where no span is."""
    taken = {k for start, end, _ in spans for k in range(start, end)}
    posts = [(m.start(), m.end(), "POST") for m in any_of(load().posts).finditer(text)
             if not taken.intersection(range(m.start(), m.end()))]
    return sorted(spans + posts)


def _zone_apart(text: str, start: int, end: int, kind: str) -> list[Span]:
    """A project named with its zone in front (潍坊高新区磁悬浮…项目) is the zone, then the project:
    the project's name is without it (ANNOTATION.md), and the model learns where each begins."""
    zone = leading_zone(text[start:end]) if kind == "Project" else ""
    if zone and end - start - len(zone) >= 2:
        return [(start, start + len(zone), "Zone"), (start + len(zone), end, kind)]
    return [(start, end, kind)]


def sentences(doc: Document, spans: list[Span]) -> list[tuple[str, list[Span]]]:
    """The page's sentences, each with the spans that lie within it."""
    return [(s.text, [(a - s.start, b - s.start, kind) for a, b, kind in spans if s.start <= a and b <= s.end])
            for s in doc.sentences]


def gold_mentions(doc: Document, gold: dict) -> list[Mention]:
    """The gold's names as the mentions of the page, where it says them, each within one sentence; posts are no
    entities."""
    spans = gold_spans(doc, gold)
    return [Mention(doc.text[a:b], kind, a, b, s.index, source=GOLD_SOURCE) for s in doc.sentences
            for a, b, kind in spans if kind != "POST" and s.start <= a and b <= s.end]


def gold_examples(gold_folders: Iterable[Path], text_folders: Iterable[Path]) \
        -> Iterator[tuple[str, list[tuple[str, list[Span]]]]]:
    """(document id, its sentences with their spans) for every gold file."""
    text_folders = list(text_folders)
    for path in gold_files(gold_folders):
        gold = json.loads(path.read_text(encoding="utf-8"))
        doc = read_page(page_of(gold["doc"], text_folders), gold["doc"])
        yield gold["doc"], sentences(doc, gold_spans(doc, gold))
