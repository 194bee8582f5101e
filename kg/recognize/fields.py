"""Industries the lexicon names, where the words after them say they are fields: 某某产业, 某某领域.

The model reads most of the lexicon's industries (kg/data/industries.txt) by
itself; one it leaves unread stands where a line break or an unusual clause
cut it off from what the model learned to expect (国家级生物医药产业 平台,
发力空天产业与…). The word after the name says what it is: an industry's 产业
(not 产业园 or 产业基地, a park), a field's 领域, 赛道 or 类 (5个电子信息类项目), or
the 等 that ends a list of them, where the name is the list's last item
(…、先进制造等). Counted on the folds' output before this rule: of the lexicon's
industries no other component read, 11 of 12 so placed are the gold's
industries, against 28 of 60 wherever they stand. A sector of the economy (金融, 软件, 康养:
kg/data/sectors.txt), which the model learns nothing of, is an industry so placed too, where it
is the field's whole name (四川康养产业, not 职业教育产业).
"""
from __future__ import annotations

import re
from functools import cache

from kg.lexicon import Names, load
from kg.model import Document, Mention
from kg.recognize.tokens import tokenize

SOURCE = "field"
_SAID_A_FIELD = re.compile(r"产业(?!园|基地|化|项目)|领域|新?赛道|类")
_ITEM = "、"     # 等 ends a list of industries where the name is an item of it, not a firm's name's end (某某半导体等)


@cache
def _industries() -> Names:
    return Names(w for w in load().industries | load().sectors if len(w) >= 2)


def fields(doc: Document, mentions: list[Mention]) -> list[Mention]:
    """`mentions`, and each industry of the lexicon that nothing was read over, where a field's word follows."""
    found = [Mention(name, "Industry", s.start + start, s.start + end, s.index, source=SOURCE)
             for s in doc.sentences for start, end, name in _industries().finditer(s.text)
             if _said_a_field(s.text, start, end, name)]
    found = [f for f in found if not any(m.overlaps(f) for m in mentions)]
    return sorted(mentions + found, key=lambda m: (m.start, m.end)) if found else mentions


def _said_a_field(text: str, start: int, end: int, name: str) -> bool:
    """Whether the words after `name` say it is a field; a sector only by a field's word (等 ends lists of much
    else: 工业、商贸等9个专班, 餐饮、住宿等配套服务设施), and where it is all of the field's name."""
    if name in load().sectors:
        return _SAID_A_FIELD.match(text, end) is not None and _begins_the_name(text, start)
    return _SAID_A_FIELD.match(text, end) is not None or text.startswith("等", end) and text[start - 1:start] == _ITEM


def _begins_the_name(text: str, start: int) -> bool:
    """Whether a word begins at `start` after none that names a kind of it: 四川康养产业, 全市汽车产业, 和服务外包产业,
    but not 光电子产业 or 职业教育产业, 数字金融产业 (a field of its own)."""
    before = [w for w in tokenize(text) if w.end <= start]
    if not before or before[-1].end != start:
        return not before
    last = before[-1]
    return not (last.flag in _KINDS and not last.word.startswith(_SCOPES))


_KINDS = ("n", "vn", "nz", "an", "b")       # a noun or an attribute before it: a kind of the sector
_SCOPES = ("全", "本")                       # 全市, 全省, 本地: where, not what kind
