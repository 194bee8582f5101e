"""The items of a list are of one kind: 新能源、生物医药、集成电路、人工智能等领域.

News names a zone's industries, its companies and their products in lists. Where
the other components found most items of a list as names of one type, each
complete, an item they missed is a name of that type too. Only items whose
bounds the list itself gives are taken: those between two 、, and the last one
where 等 ends it (the first item's start is where the clause's words end, which
the list does not say).
"""
from __future__ import annotations

import re
from collections import Counter

from kg.model import Document, Mention

SOURCE = "list"
_CLAUSE = re.compile(r"[^，。；：！？,;:!?\n]+")
_LONGEST = 12       # an item longer than this is a phrase, not a name


def complete(doc: Document, mentions: list[Mention]) -> list[Mention]:
    """`mentions`, and each list item they miss where most of its list's items are mentions of one type."""
    in_sentence: dict[int, list[Mention]] = {}
    for m in mentions:
        in_sentence.setdefault(m.sentence, []).append(m)
    found = []
    for s in doc.sentences:
        if "、" not in s.text:
            continue
        here = in_sentence.get(s.index, [])
        for clause in _CLAUSE.finditer(s.text):
            found += _missed(_items(clause.group(), s.start + clause.start()), here, doc.text, s.index)
    return sorted(mentions + found, key=lambda m: (m.start, m.end)) if found else mentions


def _items(clause: str, at: int) -> list[tuple[int, int, bool]]:
    """(start, end, whether it is the first) of each item of a list of three or more in `clause`."""
    chunks = clause.split("、")
    if len(chunks) < 3:
        return []
    items = []
    for k, chunk in enumerate(chunks):
        end = at + len(chunk)
        if k == len(chunks) - 1:
            cut = chunk.find("等")
            end = at + cut if cut > 0 else -1
        if end != -1:
            items.append((at, end, k == 0))
        at += len(chunk) + 1
    return items


def _missed(items, here: list[Mention], text: str, sentence: int) -> list[Mention]:
    if not items:
        return []
    whole = {}
    for start, end, first in items:
        for m in here:
            if m.end == end and (first or m.start == start):
                whole[start, end] = m.type
    if not whole:
        return []
    kind, count = Counter(whole.values()).most_common(1)[0]
    if count * 2 < len(items):
        return []
    return [Mention(text[start:end], kind, start, end, sentence, source=SOURCE) for start, end, first in items
            if not first and (start, end) not in whole and 2 <= end - start <= _LONGEST
            and not any(m.start < end and start < m.end for m in here)]
