"""The forms news archives come in: a page of text, a web page, an archive of articles.

    .txt, .md    the page's text as it is
    .html, .htm  the text of the page's body; its date from the page's metadata
    .jsonl       one article a line: {"id", "title", "date", "text", …}; other keys are kept

Each reader gives the text the pipeline reads and the spans point into — for a
web page the body's text, for an archive the article's `text` — with what the
input says of its date and title.
"""
from __future__ import annotations

import codecs
import datetime
import json
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import BinaryIO


@dataclass
class Page:
    text: str
    date: str = ""
    meta: dict = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


# ---- dates -------------------------------------------------------------------

# 2024-01-05, 2024/1/5, 2024.01.05, 2024年1月5日, and the same with a time after it
DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")


def iso_date(value) -> str | None:
    """The date `value` gives, as 2024-01-05; None when it gives none."""
    m = DATE.search(value) if isinstance(value, str) else None
    if not m:
        return None
    try:
        return datetime.date(*map(int, m.groups())).isoformat()
    except ValueError:      # 2024-02-30
        return None


def dated(page: Page, value) -> Page:
    if value in (None, ""):
        return page
    date = iso_date(value)
    if date:
        page.date = date
    else:
        page.warnings.append(f"the date {str(value)[:40]!r} is not a date; give it as 2024-01-05 "
                             "(the article is built without one)")
    return page


# ---- web pages ---------------------------------------------------------------

# Elements that break a line where they start and end, as a browser shows them.
BLOCKS = {"address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption", "figure",
          "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre",
          "section", "table", "td", "th", "tr", "ul"}
# Elements whose content is not the page's text.
HIDDEN = {"script", "style", "noscript", "template", "head", "title", "svg", "iframe", "object"}
# Where web pages put their publication date, commonest first.
DATE_META = ("article:published_time", "datepublished", "pubdate", "publishdate", "date", "dc.date",
             "dcterms.date", "dc.date.issued", "og:published_time")


class _Body(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0
        self.meta: dict[str, str] = {}
        self.title: list[str] = []
        self.times: list[str] = []
        self.headline: list[str] = []       # the text of the first <h1>
        self._in_title = False
        self._in_h1 = 0                     # 1 inside the first <h1>, 2 after it

    def handle_starttag(self, tag, attrs):
        attrs = {k: v or "" for k, v in attrs}
        if tag == "meta":
            key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
            self.meta.setdefault(key, attrs.get("content", ""))
        elif tag == "time" and attrs.get("datetime"):
            self.times.append(attrs["datetime"])
        self._in_title |= tag == "title"
        self._in_h1 += tag == "h1" and not self._in_h1
        if tag in HIDDEN:
            self.hidden += 1
        elif tag in BLOCKS:
            self.parts.append("\n")

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag in HIDDEN:       # <svg/> opens nothing
            self.hidden -= 1

    def handle_endtag(self, tag):
        self._in_title &= tag != "title"
        self._in_h1 += tag == "h1" and self._in_h1 == 1
        if tag in HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):
        if self._in_title:
            self.title.append(data)
        if self._in_h1 == 1:
            self.headline.append(data)
        if not self.hidden:
            # in HTML a run of white space, line breaks included, shows as one
            # space; a no-break space (&nbsp;) is no white space of HTML's
            self.parts.append(re.sub(r"[ \t\n\r\f]+", " ", data))


def html_page(source: str) -> Page:
    """The text of the page's body, one block a line, with its <title> and date."""
    return html_parts(source)[0]


def html_parts(source: str) -> tuple[Page, dict[str, str], str]:
    """html_page(source), and what else the page says of itself: its <meta> tags, and its first <h1>."""
    body = _Body()
    body.feed(_closed(source))
    body.close()
    lines = (line.strip() for line in "".join(body.parts).split("\n"))
    page = Page("\n".join(line for line in lines if line))
    title = " ".join("".join(body.title).split())
    if title:
        page.meta["title"] = title
    found = next((body.meta[key] for key in DATE_META if body.meta.get(key)), None)
    return dated(page, found or (body.times[0] if body.times else None)), body.meta, " ".join(
        "".join(body.headline).split())


def _closed(source: str) -> str:
    """The page with every `<` after its last `>` written as `&lt;`: text, as a browser shows it.

    html.parser (before Python 3.13.4) tries each `<` of an unclosed tail as the
    start of a tag reaching to the end of the page: a megabyte of `<a` took
    hours. A `<` with no `>` after it starts no tag, so nothing else changes."""
    tail = source.rfind(">") + 1
    return source if "<" not in source[tail:] else source[:tail] + source[tail:].replace("<", "&lt;")


# ---- archives of articles ----------------------------------------------------

KEYS = ("id", "date", "text")       # the keys that are not metadata
# An article nests a few levels at most (its metadata); the writers of the
# record, and Python's own recursion, have limits far above this one.
MAX_DEPTH = 32
SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass
class Line:
    number: int         # 1-based
    byte: int           # where it starts in the file
    page: Page | None = None
    id: str = ""
    error: str = ""     # why the line is no article
    error_byte: int | None = None


def articles(f: BinaryIO, limit: int) -> Iterator[Line]:
    """The articles of a JSON Lines archive, one at a time; a line longer than `limit` bytes is not read."""
    number, byte = 0, 0
    while raw := f.readline(limit + 1):
        number += 1
        line, length = Line(number, byte), len(raw)
        if length > limit and not raw.endswith(b"\n"):
            length += _skip_line(f)
            line.error = f"longer than {limit:,} bytes; split the article"
        elif number == 1 and raw.startswith(codecs.BOM_UTF8):
            line.byte += len(codecs.BOM_UTF8)
            _article(line, raw[len(codecs.BOM_UTF8):])
        elif raw.strip():
            _article(line, raw)
        byte += length
        if line.page or line.error:
            yield line


def _article(line: Line, raw: bytes) -> None:
    constants = []
    try:
        # NaN and Infinity are no JSON, though Python writes them, and 1e400 is infinite: each is read as
        # null (as pandas means NaN), so that every writer of the record can write what was read
        record = json.loads(raw.decode("utf-8"), parse_constant=lambda name: constants.append(name),
                            parse_float=lambda text: _finite(text, constants))
    except UnicodeDecodeError as exc:
        line.error_byte = line.byte + exc.start
        line.error = f"byte {line.error_byte} is not UTF-8; JSON Lines are UTF-8"
        return
    except json.JSONDecodeError as exc:
        line.error = f"not JSON: {exc.msg} (column {exc.colno})"
        return
    except (RecursionError, ValueError) as exc:     # [[[[… a thousand deep; an integer of 5,000 digits
        line.error = f"not JSON that can be read: {str(exc).split(':')[0]}"
        return
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        line.error = 'no article: give an object with a "text" (and "id", "title", "date")'
        return
    if _deeper_than(record, MAX_DEPTH):
        line.error = f"nested deeper than {MAX_DEPTH} levels; an article is an object of plain values"
        return
    try:
        _read(line, record, len(constants))
    except Exception as exc:       # noqa: BLE001 — whatever else is wrong with it, the others are read
        line.error = f"cannot be read: {type(exc).__name__}: {exc}"


def _read(line: Line, record: dict, constants: int) -> None:
    record, unpaired = _unpaired(record)
    line.id = str(record.get("id") or "")
    page = Page(record["text"], meta={k: v for k, v in record.items() if k not in KEYS})
    if unpaired:
        page.warnings.append(f"{unpaired} unpaired surrogate escape(s) (\\ud800…) read as U+FFFD")
    if constants:
        page.warnings.append(f"{constants} NaN or Infinity value(s), which JSON does not have, read as null")
    line.page = dated(page, record.get("date"))


def _finite(text: str, constants: list) -> float | None:
    value = float(text)
    if math.isfinite(value):
        return value
    constants.append(text)
    return None


def _deeper_than(value, limit: int) -> bool:
    """Whether lists and objects nest more than `limit` deep in `value`; looked at without recursion."""
    level = [value]
    for _ in range(limit):
        level = [v for x in level if isinstance(x, (list, dict)) for v in (x.values() if isinstance(x, dict) else x)]
        if not level:
            return False
    return any(isinstance(x, (list, dict)) for x in level)


def _unpaired(value) -> tuple[object, int]:
    """JSON may escape half a surrogate pair, which no UTF-8 file can hold: each becomes U+FFFD."""
    if isinstance(value, str):
        return SURROGATE.subn("\ufffd", value)
    if isinstance(value, list):
        pairs = [_unpaired(v) for v in value]
        return [v for v, _ in pairs], sum(n for _, n in pairs)
    if isinstance(value, dict):
        pairs = [(_unpaired(k), _unpaired(v)) for k, v in value.items()]
        return {k: v for (k, _), (v, _) in pairs}, sum(m + n for (_, m), (_, n) in pairs)
    return value, 0


def _skip_line(f: BinaryIO) -> int:
    """Read past the rest of the line a chunk at a time, never holding it whole; its length."""
    skipped = 0
    while chunk := f.readline(1 << 20):
        skipped += len(chunk)
        if chunk.endswith(b"\n"):
            break
    return skipped
