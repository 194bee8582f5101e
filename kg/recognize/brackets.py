"""Names with a bracket inside: 某某（天津）有限公司, 某某（集团）股份有限公司, 某园（一期）.

A company's registered name may carry its place or 集团 in brackets, and a project
its phase. The model often ends a name at the opening bracket or begins one after
the closing one, which leaves two wrong mentions (某某（集团 and （集团）股份有限公司,
or a person 某某 and 天津）有限公司) where there is one name. A mention whose
brackets do not pair, or which begins with a pair (（集团）股份有限公司 after 某某),
is made whole here: it runs on to the closing bracket, or back to the opening one,
and takes in the mention on the other side, or the words back to the clause's
start where none was read. The tail decides the type
(有限公司 makes it a company), so the whole takes the type of its last part.

A name all in brackets (（经发局）, the short form that credits a text) is the name within them.

A name with a stock code in brackets (某某（300123）, 某某（股票代码：600123）) is a listed company's,
whatever the model read it as; where it read none, the name runs back to the clause's start.

A quotation or title mark at a mention's edge that pairs with none inside it
(」国际博览会, 某某产业园”) is the end of a quotation around or before the name,
not part of it, and is left out. A mark inside a name the model read pairs with one
at its edge (`quoted_whole`): a name it ended before its closing mark (某某“药谷) runs
on over it, and one it ran on past the closing mark of a name in quotes
(「某某光谷」国际博览会) ends there, before the lexicon's names are weighed against it.
"""
from __future__ import annotations

import re

from kg.model import Document, Mention

OPEN, CLOSE = "（", "）"
_REACH = 12         # the longest bracketed part taken in: a place, 集团, a phase, a name in Latin letters
_STOP = re.compile(r"[，。；：、！？“”《》\s]")
QUOTES = {"“": "”", "「": "」", "‘": "’", "《": "》"}      # opening mark → closing mark
_CLOSING = {close: opening for opening, close in QUOTES.items()}
_MARKS = {*QUOTES, *_CLOSING}
_FRONT = 6          # the longest front of a name, before its bracket, read without a mention there


def mend(doc: Document, mentions: list[Mention]) -> list[Mention]:
    """`mentions`, each one whose brackets do not pair joined with the rest of its name, and without the
    quotation marks at their edges that pair with none inside."""
    mentions = [_unquoted(m) if m.text[:1] in _MARKS or m.text[-1:] in _MARKS else m for m in mentions]
    if OPEN not in doc.text:
        return [m for m in mentions if m is not None]
    bounds = {s.index: (s.start, s.end) for s in doc.sentences}
    ordered: list[Mention | None] = sorted((m for m in mentions if m is not None), key=lambda m: (m.start, m.end))
    for k, m in enumerate(ordered):
        if m is None or paired(m.text) and not _begins_inside(m.text):
            continue
        lo, hi = bounds.get(m.sentence, (0, len(doc.text)))
        start, end, last = _start(doc.text, m, lo), _end(doc.text, m, hi), m
        for j, other in enumerate(ordered):      # the mentions the whole takes in give way to it
            if j == k or other is None or other.sentence != m.sentence:
                continue
            if start < other.end and other.start < end or other.end == start and doc.text[start] == OPEN:
                start, end = min(start, other.start), max(end, other.end)
                last = other if other.end > last.end else last
                ordered[j] = None
        if doc.text[start:start + 1] == OPEN:   # no mention before the bracket: the words back to the clause's start
            front = _clause_start(doc.text, lo, start, ordered)
            start = m.start if front is None else front
        ordered[k] = Mention(doc.text[start:end], last.type, start, end, m.sentence, source=m.source) \
            if end - start >= 2 else None
    return _once([_unbracketed(m) if m.text[:1] == OPEN else m for m in ordered if m is not None])


_STOCK_CODE = re.compile(r"（(?:(?:股票|证券)代码：?)?[0-9]{6}(?:\.S[HZ])?）")
LISTED = "stock-code"


def listed(doc: Document, mentions: list[Mention]) -> list[Mention]:
    """`mentions`, with the name before each stock code a company."""
    found = {}
    bounds = {s.index: s for s in doc.sentences}
    for code in _STOCK_CODE.finditer(doc.text):
        read = [m for m in mentions if m.end == code.start()]
        if read:
            found[read[0].start, read[0].end] = Mention(read[0].text, "Company", read[0].start, read[0].end,
                                                        read[0].sentence, source=LISTED)
            continue
        s = next((s for s in bounds.values() if s.start <= code.start() < s.end), None)
        front = _clause_start(doc.text, s.start, code.start(), mentions) if s else None
        if front is not None:
            found[front, code.start()] = Mention(doc.text[front:code.start()], "Company", front, code.start(),
                                                 s.index, source=LISTED)
    if not found:
        return mentions
    kept = [found.pop((m.start, m.end), m) for m in mentions]
    return sorted(kept + list(found.values()), key=lambda m: (m.start, m.end))


def _unquoted(m: Mention) -> Mention | None:
    text, a, b = m.text, 0, len(m.text)
    while a < b and text[a] in _MARKS and (text[a] in _CLOSING or QUOTES[text[a]] not in text[a + 1:b]):
        a += 1
    while b > a and text[b - 1] in _MARKS and (text[b - 1] in QUOTES or _CLOSING[text[b - 1]] not in text[a:b - 1]):
        b -= 1
    if (a, b) == (0, len(text)):
        return m
    return Mention(text[a:b], m.type, m.start + a, m.start + b, m.sentence, source=m.source) if b - a >= 2 else None


def _unbracketed(m: Mention) -> Mention:
    """（经发局） → 经发局: a name all in brackets (a short form after the text it credits) is the name within."""
    inner = m.text[1:-1]
    if not (m.text.endswith(CLOSE) and len(inner) >= 2 and paired(inner)):
        return m
    return Mention(inner, m.type, m.start + 1, m.end - 1, m.sentence, source=m.source)


def quoted_whole(m: Mention, text: str) -> Mention:
    """`m` run on over the closing mark of a quotation it opens (某某“药谷 → 某某“药谷”), or ended at the closing
    mark of the quotation it begins in (“某某汽车城”汽车零部件产业 → 某某汽车城)."""
    end = m.end
    for opening, closing in QUOTES.items():
        if m.text.count(opening) == m.text.count(closing) + 1 and text[end:end + 1] == closing:
            end += 1
        elif m.text.count(closing) == m.text.count(opening) + 1 and text[m.start - 1:m.start] == opening:
            end = m.start + m.text.index(closing)
    if end == m.end or end - m.start < 2:
        return m
    return Mention(text[m.start:end], m.type, m.start, end, m.sentence, source=m.source)


def paired(name: str) -> bool:
    """Whether each bracket of `name` closes one it opened: 某某（集团） is whole, 某某（集团 is not."""
    depth = 0
    for ch in name:
        depth += (ch == OPEN) - (ch == CLOSE)
        if depth < 0:
            return False
    return depth == 0


def _begins_inside(name: str) -> bool:
    """Whether `name` begins with a bracket that the name goes on after (（集团）股份有限公司): the front
    before the bracket is missing. A name all in brackets (（经发局）) is a short form, whole (_unbracketed)."""
    return name.startswith(OPEN) and not name.endswith(CLOSE)


def _start(text: str, m: Mention, lo: int) -> int:
    """The opening bracket the text of `m` lacks, or where it begins."""
    close = m.text.find(CLOSE)
    if close < 0 or OPEN in m.text[:close]:
        return m.start
    opened = text.rfind(OPEN, max(lo, m.start - _REACH), m.start)
    if opened < 0 or _STOP.search(text, opened, m.start):
        return m.start + close + 1          # no opening near: what follows the bracket is the name
    return opened


def _clause_start(text: str, lo: int, opened: int, mentions: list) -> int | None:
    """The start of a name that runs from its clause's start to an opening bracket (、某某（昆明）…), if short."""
    cut = max((x.end() for x in _STOP.finditer(text, lo, opened)), default=lo)
    if not 2 <= opened - cut <= _FRONT or any(m and cut < m.end and m.start < opened for m in mentions):
        return None
    return cut


def _end(text: str, m: Mention, hi: int) -> int:
    """Where the name of `m` ends: after the closing bracket its text lacks."""
    opened = m.text.rfind(OPEN)
    if opened < 0 or CLOSE in m.text[opened:]:
        return m.end
    close = text.find(CLOSE, m.end, min(hi, m.end + _REACH))
    if close < 0 or _STOP.search(text, m.end, close):
        return m.start + opened             # no closing near: the name ends before the bracket
    return close + 1


def _once(mentions: list[Mention]) -> list[Mention]:
    """One mention of each stretch of text."""
    seen, kept = set(), []
    for m in mentions:
        if (m.start, m.end) not in seen:
            seen.add((m.start, m.end))
            kept.append(m)
    return kept
