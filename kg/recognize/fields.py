"""Industries the lexicon names, where the words after them say they are fields: 某某产业, 某某领域.

The model reads most of the lexicon's industries (kg/data/industries.txt) by
itself; one it leaves unread stands where a line break or an unusual clause
cut it off from what the model learned to expect (国家级生物医药产业 平台,
发力空天产业与…). The word after the name says what it is: an industry's 产业
(not 产业园 or 产业基地, a park), a field's 领域, 赛道 or 类 (5个电子信息类项目), or
the 等 that ends a list of them, where the name is the list's last item
(…、先进制造等). Counted on the folds' output before this rule: of the lexicon's
industries no other component read, 11 of 12 so placed are the gold's
industries, against 28 of 60 wherever they stand.
"""
from __future__ import annotations

import re
from functools import cache

from kg.lexicon import Names, load
from kg.model import Document, Mention

SOURCE = "field"
_SAID_A_FIELD = re.compile(r"产业(?!园|基地|化|项目)|领域|新?赛道|类")
_ITEM = "、"     # 等 ends a list of industries where the name is an item of it, not a firm's name's end (某某半导体等)


@cache
def _industries() -> Names:
    return Names(w for w in load().industries if len(w) >= 2)


def fields(doc: Document, mentions: list[Mention]) -> list[Mention]:
    """`mentions`, and each industry of the lexicon that nothing was read over, where a field's word follows."""
    found = [Mention(name, "Industry", s.start + start, s.start + end, s.index, source=SOURCE)
             for s in doc.sentences for start, end, name in _industries().finditer(s.text)
             if _SAID_A_FIELD.match(s.text, end) or s.text.startswith("等", end) and s.text[start - 1:start] == _ITEM]
    found = [f for f in found if not any(m.overlaps(f) for m in mentions)]
    return sorted(mentions + found, key=lambda m: (m.start, m.end)) if found else mentions
