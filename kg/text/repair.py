"""Undo the damage PDF extraction does to a news page, keeping a map back to the file.

The repaired text has one block a line: a paragraph, a heading or a byline.
Every character of it remembers the offset of the character it came from, so a
fact found in the repaired text can be shown in the original file.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from statistics import median
from typing import NamedTuple

from kg.model import Document

# A line that ends one of these has finished its sentence; a line that does not
# was cut by the column width and continues on the next line.
SENTENCE_END = "。！？!?…"
CLOSERS = "”’」』）)】"
CAPTION = re.compile(r"^(图片来源|图片提供|摄影|供图)[:：]")
# lines that open a block of their own: a lead, a marker, a caption, a web page's original title, digest or note
BLOCK_START = re.compile(r"^(本报讯|[►▶#]|图片来源|原标题|导读|编者按|[\[［【]?摘要)")
# lines that stand alone, no sentence running on into them or out of them: a byline, its names spaced apart
# (某某日报记者 王明 通讯员 李强; not a column's 据记者了解该项目), a document's number (某政办函〔2017〕103号)
ALONE = re.compile(r"^(?=.*\s)[^，。；！？,;!?]{0,16}[记記]者[^，。；！？,;!?]{0,24}$|^[\u4e00-\u9fff]{1,8}〔\d{4}〕\d+号$")
MARKDOWN_HEADING = re.compile(r"^#{1,6}\s*")
DOUBLED_HEADING = 200      # characters, both copies
# Characters that show nothing: zero-width spaces and joiners, direction marks,
# embeddings, overrides and isolates, the soft hyphen, the word joiner, a byte-
# order mark within the text. Inside a name (潍坊\u200b高新区) they would split it
# in two; they are dropped, and the characters around them keep their offsets.
INVISIBLE = re.compile("[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]")


def _cjk(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


def _word_char(ch: str) -> bool:
    return _cjk(ch) or ch.isdigit() or ch in "，。、；：“”（）《》％%"


class Line(NamedTuple):
    """A line of the page, and the offset in the raw page of each of its characters."""
    text: str
    offsets: Sequence[int]      # a range while the line is untouched, a list once characters are dropped

    def keep(self, indices: list[int]) -> Line:
        return Line("".join(self.text[i] for i in indices), [self.offsets[i] for i in indices])


def undouble(line: Line) -> Line:
    """北京器检院北京器检院（（海南海南）） → 北京器检院（海南）.

    Bold headings are sometimes printed twice over, and extraction keeps both
    copies of every run. Only a line made wholly of doubled runs is undone, so
    ordinary doubled words (常常, 一一) survive. A line longer than a doubled
    heading could be is left alone: the search grows with the square of its length.
    """
    text = line.text
    if len(text) > DOUBLED_HEADING:
        return line
    kept, i = [], 0
    while i < len(text):
        half = (len(text) - i) // 2
        # a run doubled at i repeats its first character within half the rest: most lines fail here at once
        if not text[i].isspace() and text.find(text[i], i + 1, i + half + 1) < 0:
            return line
        for k in range(half, 0, -1):
            if text[i:i + k] == text[i + k:i + 2 * k]:
                kept.extend(range(i, i + k))
                i += 2 * k
                break
        else:
            if not text[i].isspace():
                return line
            kept.append(i)
            i += 1
    return line.keep(kept) if len(kept) < len(text) else line


_SPACE = " \u3000\t"
_ANY_SPACE = re.compile(f"[{_SPACE}]")


def _tidy_spaces(line: Line) -> Line:
    """Drop spaces inside Chinese text (推 动 海 南, 50 余家) but keep those between names."""
    text = line.text
    if not _ANY_SPACE.search(text):
        return line
    chars, offsets = [], []
    n = len(text)
    j = 0       # the end of the run of spaces at i, found once a run: a long run stays linear
    for i, ch in enumerate(text):
        if ch in _SPACE and chars:
            prev = chars[-1]
            j = max(i, j)
            while j < n and text[j] in _SPACE:
                j += 1
            nxt = text[j] if j < n else ""
            if nxt and _word_char(prev) and _word_char(nxt) and _spaced_out(text, i, j):
                continue
            if nxt and (prev.isdigit() or nxt.isdigit() or prev.isascii() != nxt.isascii()) \
                    and not (prev.isascii() and nxt.isascii()):
                continue
            if prev == " ":
                continue
            ch = " "
        chars.append(ch)
        offsets.append(line.offsets[i])
    while chars and chars[-1] == " ":
        chars.pop()
        offsets.pop()
    return Line("".join(chars), offsets)


def _spaced_out(text: str, i: int, j: int) -> bool:
    """True when the space at i..j sits in letter-spaced text (推 动 海 南), not between words."""
    left, right = text[i - 1], text[j]
    if left in SENTENCE_END + CLOSERS + "，、；：":
        return False            # 。 王明: a byline after the last sentence keeps its space
    before = text[i - 2] if i >= 2 else " "
    after = text[j + 1] if j + 1 < len(text) else " "
    return not (_cjk(left) and _cjk(right)) or before in _SPACE or after in _SPACE


_PUNCT = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）"}
_ANY_PUNCT = re.compile("[" + re.escape("".join(_PUNCT)) + "]")


def _fullwidth(line: Line) -> Line:
    """Half-width punctuation in Chinese text becomes full-width (济南市,济南高新区 → 济南市，济南高新区)."""
    text = line.text
    if not _ANY_PUNCT.search(text):
        return line
    chars = list(text)
    opened: list[bool] = []     # whether each bracket still open was made full-width, so its pair is too
    for i, ch in enumerate(text):
        if ch in _PUNCT:
            prev = text[i - 1] if i else ""
            nxt = text[i + 1] if i + 1 < len(text) else ""
            latin = (prev.isascii() and prev.isalnum()) and (nxt.isascii() and nxt.isalnum())
            wide = not latin and (_cjk(prev) or _cjk(nxt) or ch in ",:;" and not (prev.isdigit() and nxt.isdigit()))
            if ch == "(":
                opened.append(wide)
            elif ch == ")" and opened:
                wide = opened.pop()       # 某某(300123)1月: the pair of （ is ）, and of a narrow one, f(x)的, narrow
            if wide:
                chars[i] = _PUNCT[ch]
    return Line("".join(chars), line.offsets)


def _ends_sentence(line: str) -> bool:
    line = line.rstrip(CLOSERS)
    return bool(line) and line[-1] in SENTENCE_END or line.endswith("：") and len(line) < 20


def _lines(raw: str):
    """Each non-blank line of the page, trimmed, and whether a blank line stands before it."""
    pos, blank = 0, False
    for line in raw.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        start, end = 0, len(body)
        while start < end and (body[start].isspace() or body[start] == "\ufeff"):   # a byte-order mark too
            start += 1
        while end > start and body[end - 1].isspace():
            end -= 1
        if start < end:
            yield Line(body[start:end], range(pos + start, pos + end)), blank
        blank = start == end
        pos += len(line)


def visible(line: Line) -> Line:
    """The line without its INVISIBLE characters."""
    if not INVISIBLE.search(line.text):
        return line
    return line.keep([i for i, ch in enumerate(line.text) if not INVISIBLE.match(ch)])


def _clean_line(line: Line) -> tuple[Line, bool]:
    """The line repaired, and whether it stands alone as a heading."""
    line = visible(line)
    heading = line.text.startswith("#") and MARKDOWN_HEADING.match(line.text)
    if heading:
        line = Line(line.text[heading.end():], line.offsets[heading.end():])
    undoubled = undouble(line)
    alone = bool(heading) or len(undoubled.text) < len(line.text)
    return _fullwidth(_tidy_spaces(undoubled)), alone


def repair(doc: Document) -> Document:
    """Fill `doc.text` and `doc.offsets` from `doc.raw`."""
    lines = [(*_clean_line(line), blank) for line, blank in _lines(doc.raw)]
    lines = [(line, alone, blank) for line, alone, blank in lines if line.text and not CAPTION.match(line.text)]
    texts = [line.text for line, _, _ in lines]
    widths = [_width(text) for text in texts]
    usual = median(widths) if widths else 0.0
    parts, offsets = [], []
    for k, (line, alone, blank) in enumerate(lines):
        # across a blank line, a line short beside the page's usual line ends its sentence: a title above its
        # byline, on a page whose lines are paragraphs; not a column's line, cut at the foot of a page
        if k and (alone or lines[k - 1][1] or not _continues(texts, widths, k - 1, usual if blank else 0.0)):
            parts.append("\n")
            offsets.append(line.offsets[0])
        parts.append(line.text)
        offsets.extend(line.offsets)
    doc.text = "".join(parts)
    doc.offsets = offsets + [offsets[-1] + 1 if offsets else 0]
    return doc


_NOT_ASCII = re.compile(r"[^\x00-\x7f]+")


def _width(text: str) -> float:
    """Printed width: digits and Latin letters take about half a Chinese character."""
    return len(text) - 0.5 * len(_NOT_ASCII.sub("", text))


INNER_SPACE = re.compile(r"[\u3400-\u9fff”] [\u3400-\u9fff“]")
LEAD = re.compile(r"^本报讯\s*(（[^）]*）)?\s*")


def _continues(texts: list[str], widths: list[float], k: int, usual: float = 0.0) -> bool:
    """Whether line k+1 carries on the sentence that line k broke off.

    A line cut by the column is about as long as its neighbours; a heading or
    the end of a paragraph is shorter. A heading's words are often spaced
    apart (高效服务 加速项目“聚变”), as are a byline's names. Across a blank
    line, `usual` (the page's median line) counts as a neighbour too.
    """
    line, nxt = texts[k], texts[k + 1]
    width = max(widths[k + 1], widths[k - 1] if k else 0, usual)
    label = nxt.endswith("：") and len(nxt) < 20
    return not _ends_sentence(line) and widths[k] >= 0.5 * width and not label \
        and not (" " in line and INNER_SPACE.search(LEAD.sub("", line))) and not BLOCK_START.match(nxt) \
        and not ALONE.match(nxt) and not ALONE.match(line)
