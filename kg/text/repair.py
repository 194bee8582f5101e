"""Undo the damage PDF extraction does to a news page, keeping a map back to the file.

The repaired text has one block a line: a paragraph, a heading or a byline.
Every character of it remembers the offset of the character it came from, so a
fact found in the repaired text can be shown in the original file.
"""
from __future__ import annotations

import re
import statistics

from kg.model import Document

# A line that ends one of these has finished its sentence; a line that does not
# was cut by the column width and continues on the next line.
SENTENCE_END = "。！？!?…"
CLOSERS = "”’」』）)】"
CAPTION = re.compile(r"^(图片来源|图片提供|摄影|供图)[:：]")
BLOCK_START = re.compile(r"^(本报讯|[►▶#]|图片来源)")
MARKDOWN_HEADING = re.compile(r"^#{1,6}\s*")
DOUBLED_HEADING = 200      # characters, both copies


def _cjk(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


def _word_char(ch: str) -> bool:
    return _cjk(ch) or ch.isdigit() or ch in "，。、；：“”（）《》％%"


class _Builder:
    """Text assembled character by character, each with its source offset."""

    def __init__(self):
        self.chars: list[str] = []
        self.offsets: list[int] = []

    def add(self, chars: list[tuple[str, int]]):
        for ch, off in chars:
            self.chars.append(ch)
            self.offsets.append(off)


def undouble(chars: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """北京器检院北京器检院（（海南海南）） → 北京器检院（海南）.

    Bold headings are sometimes printed twice over, and extraction keeps both
    copies of every run. Only a line made wholly of doubled runs is undone, so
    ordinary doubled words (常常, 一一) survive. A line longer than a doubled
    heading could be is left alone: the search grows with the square of its length.
    """
    if len(chars) > DOUBLED_HEADING:
        return chars
    text = "".join(c for c, _ in chars)
    out, i = [], 0
    while i < len(text):
        for k in range((len(text) - i) // 2, 0, -1):
            if text[i:i + k] == text[i + k:i + 2 * k]:
                out.extend(chars[i:i + k])
                i += 2 * k
                break
        else:
            if not text[i].isspace():
                return chars
            out.append(chars[i])
            i += 1
    return out if len(out) < len(chars) else chars


def _tidy_spaces(chars: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """Drop spaces inside Chinese text (推 动 海 南, 50 余家) but keep those between names."""
    if not any(ch in " \u3000\t" for ch, _ in chars):
        return chars
    out = []
    n = len(chars)
    j = 0       # the end of the run of spaces at i, found once a run: a long run stays linear
    for i, (ch, off) in enumerate(chars):
        if ch in " \u3000\t" and out:
            prev = out[-1][0]
            j = max(i, j)
            while j < n and chars[j][0] in " \u3000\t":
                j += 1
            nxt = chars[j][0] if j < n else ""
            if nxt and _word_char(prev) and _word_char(nxt) and _spaced_out(chars, i, j):
                continue
            if nxt and (prev.isdigit() or nxt.isdigit() or prev.isascii() != nxt.isascii()) \
                    and not (prev.isascii() and nxt.isascii()):
                continue
            if out[-1][0] == " ":
                continue
            out.append((" ", off))
            continue
        out.append((ch, off))
    while out and out[-1][0] == " ":
        out.pop()
    return out


def _spaced_out(chars, i, j) -> bool:
    """True when the space at i..j sits in letter-spaced text (推 动 海 南), not between words."""
    left, right = chars[i - 1][0], chars[j][0]
    if left in SENTENCE_END + CLOSERS + "，、；：":
        return False            # 。 王明: a byline after the last sentence keeps its space
    before = chars[i - 2][0] if i >= 2 else " "
    after = chars[j + 1][0] if j + 1 < len(chars) else " "
    return not (_cjk(left) and _cjk(right)) or before in " \u3000\t" or after in " \u3000\t"


_PUNCT = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）"}


def _fullwidth(chars: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """Half-width punctuation in Chinese text becomes full-width (济南市,济南高新区 → 济南市，济南高新区)."""
    if not any(ch in _PUNCT for ch, _ in chars):
        return chars
    out = []
    for i, (ch, off) in enumerate(chars):
        if ch in _PUNCT:
            prev = chars[i - 1][0] if i else ""
            nxt = chars[i + 1][0] if i + 1 < len(chars) else ""
            latin = (prev.isascii() and prev.isalnum()) and (nxt.isascii() and nxt.isalnum())
            if not latin and (_cjk(prev) or _cjk(nxt) or ch in ",:;" and not (prev.isdigit() and nxt.isdigit())):
                ch = _PUNCT[ch]
        out.append((ch, off))
    return out


def _ends_sentence(line: str) -> bool:
    line = line.rstrip(CLOSERS)
    return bool(line) and line[-1] in SENTENCE_END or line.endswith("：") and len(line) < 20


def _lines(raw: str):
    """(text, offset) per non-blank line, with the characters' own offsets."""
    pos = 0
    for line in raw.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        chars = [(c, pos + k) for k, c in enumerate(body)]
        pos += len(line)
        # trimmed by index, not pop(0), which would make a long run of spaces quadratic
        start, end = 0, len(chars)
        while start < end and (chars[start][0].isspace() or chars[start][0] == "\ufeff"):   # a byte-order mark too
            start += 1
        while end > start and chars[end - 1][0].isspace():
            end -= 1
        if start < end:
            yield chars[start:end]


def _clean_line(chars):
    """The line's characters, repaired, and whether it stands alone as a heading."""
    text = "".join(c for c, _ in chars)
    heading = MARKDOWN_HEADING.match(text)
    if heading:
        chars = chars[heading.end():]
    undoubled = undouble(chars)
    alone = bool(heading) or len(undoubled) < len(chars)
    return _fullwidth(_tidy_spaces(undoubled)), alone


def repair(doc: Document) -> Document:
    """Fill `doc.text` and `doc.offsets` from `doc.raw`."""
    lines = [_clean_line(chars) for chars in _lines(doc.raw)]
    lines = [(chars, alone) for chars, alone in lines
             if chars and not CAPTION.match("".join(c for c, _ in chars))]
    texts = ["".join(c for c, _ in chars) for chars, _ in lines]
    widths = [_width(text) for text in texts]
    out = _Builder()
    for k, (chars, alone) in enumerate(lines):
        if k and (alone or lines[k - 1][1] or not _continues(texts, widths, k - 1)):
            out.add([("\n", chars[0][1])])
        out.add(chars)
    doc.text = "".join(out.chars)
    doc.offsets = out.offsets + [out.offsets[-1] + 1 if out.offsets else 0]
    return doc


_NOT_ASCII = re.compile(r"[^\x00-\x7f]+")


def _width(text: str) -> float:
    """Printed width: digits and Latin letters take about half a Chinese character."""
    return len(text) - 0.5 * len(_NOT_ASCII.sub("", text))


INNER_SPACE = re.compile(r"[\u3400-\u9fff”] [\u3400-\u9fff“]")
LEAD = re.compile(r"^本报讯\s*(（[^）]*）)?\s*")


def _continues(texts: list[str], widths: list[float], k: int) -> bool:
    """Whether line k+1 carries on the sentence that line k broke off.

    A line cut by the column is about as long as its neighbours; a heading or
    the end of a paragraph is shorter. A heading's words are often spaced
    apart (高效服务 加速项目“聚变”), as are a byline's names.
    """
    line, nxt = texts[k], texts[k + 1]
    width = max(widths[k + 1], widths[k - 1] if k else 0)
    label = nxt.endswith("：") and len(nxt) < 20
    return not _ends_sentence(line) and widths[k] >= 0.5 * width and not label \
        and not INNER_SPACE.search(LEAD.sub("", line)) and not BLOCK_START.match(nxt)
