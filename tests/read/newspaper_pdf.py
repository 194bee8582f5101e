"""Newspaper pages as PDF: news text typeset in columns, as the tests and benchmarks need them.

    typeset(texts, "page.pdf", columns=5)       # one text a page or more

A page is cut into bands across it: the first article alone, the others two
side by side, each with its headline over its own columns and its text flowing
down them, the columns of a band balanced. The text is set as Chinese papers
set it: justified by the space between characters, each paragraph's first line
indented two characters, no line begun with a comma or a closing quote,
subheads a size larger, reporters' names on a line of their own, set right.
An article too long for the page goes on over the next. The text is drawn in
a shuffled order of its frames, as page-layout programs write it, so a reader
that follows the file's order rather than the page's geometry mixes articles
and columns up.

The font is reportlab's STSong-Light, a CID font every PDF reader knows and no
file of which is needed: the tests run on a machine without CJK fonts.
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.lib.pagesizes import A3
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen.canvas import Canvas

from kg.model import Document
from kg.text.repair import repair
from kg.text.segment import NAMES, TRAILING_NAMES, segment
from kg.text.simplify import simplify

FONT = "STSong-Light"
pdfmetrics.registerFont(UnicodeCIDFont(FONT))
WIDTH, HEIGHT = A3
MARGIN, GAP, BAND_GAP = 40, 12, 20
# Characters a line may not begin with, and so hang at the end of the line before.
NO_START = "，。、；：？！”’」』）》〉…%"


@dataclass(frozen=True)
class Style:
    size: float
    leading: float
    indent: int = 0             # characters, on a paragraph's first line
    align: str = "justify"      # justify, left, right or centre


BODY = Style(9, 13, indent=2)
SUBHEAD = Style(11, 17, align="left")
BYLINE = Style(9, 13, align="right")
HEADLINE = Style(22, 30, align="centre")


@dataclass
class Line:
    text: str
    style: Style
    first: bool         # the paragraph's first line: indented
    last: bool          # its last: not justified


@dataclass
class Story:
    """An article as a page lays it out: its headline lines, then its blocks of text."""
    headline: list[str]
    blocks: list[tuple[str, Style]] = field(default_factory=list)

    def lines(self, width: float) -> list[Line]:
        return [line for text, style in self.blocks for line in _broken(text, style, width)]


def stories(text: str) -> list[Story]:
    """The articles of a page of news text, as kg segments it: headline, subheads and paragraphs."""
    doc = segment(repair(simplify(Document(id="page", raw=text))))
    found = []
    for article in doc.articles:
        block = [line for line in doc.text[article.start:article.end].split("\n") if line.strip()]
        head = 0
        while head < len(block) - 1 and _is_heading(block[head]):
            head += 1
        found.append(Story(block[:head], [styled for line in block[head:] for styled in _styled(line)]))
    return found


def _is_heading(line: str) -> bool:
    return not line.rstrip("”’」』）)").endswith(tuple("。！？!?…")) and len(line) < 40 \
        and not line.startswith(("本报讯", "►", "▶")) and not NAMES.match(line)


def _styled(line: str) -> list[tuple[str, Style]]:
    if NAMES.match(line) and " " in line:
        return [(line, BYLINE)]
    names = TRAILING_NAMES.search(line)
    if names:
        return [(line[:names.start()], BODY), (names.group(1), BYLINE)]
    return [(line, SUBHEAD if _is_heading(line) else BODY)]


def _broken(text: str, style: Style, width: float) -> list[Line]:
    """The paragraph broken into lines of `width`, none begun with a character of NO_START."""
    lines, start = [], 0
    while start < len(text):
        room = width - (style.indent * style.size if not lines else 0)
        end = start + 1
        while end < len(text) and _width(text[start:end + 1], style) <= room:
            end += 1
        while end < len(text) and text[end] in NO_START:       # hung at the line's end, squeezed in
            end += 1
        lines.append(Line(text[start:end], style, not lines, end >= len(text)))
        start = end
    return lines


def _width(text: str, style: Style) -> float:
    return pdfmetrics.stringWidth(text, FONT, style.size)


def typeset(texts: list[str], path: str | Path, columns: int = 5, seed: int = 0) -> Path:
    """A PDF of the news texts in `columns` columns, each text starting a new page."""
    canvas = Canvas(str(path), pagesize=A3, invariant=True)       # invariant: the same bytes every time
    rng = random.Random(seed)
    for text in texts:
        _Page(canvas, columns, rng).lay_out(stories(text))
        canvas.showPage()
    canvas.save()
    return Path(path)


class _Page:
    def __init__(self, canvas: Canvas, columns: int, rng: random.Random):
        self.canvas, self.columns, self.rng = canvas, columns, rng
        self.column = (WIDTH - 2 * MARGIN - (columns - 1) * GAP) / columns
        self.top = HEIGHT - MARGIN
        self.draws: list = []

    def lay_out(self, found: list[Story]) -> None:
        rest = found[1:]
        for band in [found[:1]] + [rest[i:i + 2] for i in range(0, len(rest), 2)]:
            if len(band) == 2 and self._pair(*band):
                continue
            for story in band:
                self._alone(story)
        self._flush()

    def _span(self, count: int) -> float:
        return count * self.column + (count - 1) * GAP

    def _alone(self, story: Story) -> None:
        lines, headline = story.lines(self.column), story.headline
        while lines:
            if self.top - MARGIN < 100:
                self._new_page()
            lines = self._place(headline, lines, 0, self.columns, self.top - MARGIN)
            self.top = self.bottom
            headline = []
            if lines:
                self._new_page()

    def _pair(self, a: Story, b: Story) -> bool:
        """Two articles side by side, the columns shared by length; False when they cannot fit on one page."""
        size_a, size_b = (sum(len(t) for t, _ in s.blocks) for s in (a, b))
        left = min(self.columns - 2, max(2, round(self.columns * size_a / (size_a + size_b))))
        parts = ((a, 0, left), (b, left, self.columns - left))
        need = max(self._headline(s.headline, n)[1] + _balanced(s.lines(self.column), n) for s, _, n in parts)
        if need > HEIGHT - 2 * MARGIN:
            return False
        if need > self.top - MARGIN:
            self._new_page()
        bottom = self.top
        for story, first, count in parts:
            self._place(story.headline, story.lines(self.column), first, count, need)
            bottom = min(bottom, self.bottom)
        self.top = bottom
        return True

    def _headline(self, texts: list[str], count: int) -> tuple[list[Line], float]:
        lines = [line for text in texts for line in _broken(text, HEADLINE, self._span(count))]
        return lines, sum(line.style.leading for line in lines) + (8 if lines else 0)

    def _place(self, headline: list[str], lines: list[Line], first: int, count: int, height: float) -> list[Line]:
        """Set the story from the top in columns first … first+count-1; the lines that did not fit."""
        x = MARGIN + first * (self.column + GAP)
        heads, used = self._headline(headline, count)
        self.draws.append(_drawing(heads, x, self.top, self._span(count)))
        y = self.top - used
        column_height = min(_balanced(lines, count), height - used, y - MARGIN)
        for k in range(count):
            taken = _fill(lines, column_height)
            cx = x + k * (self.column + GAP)
            self.draws.append(_drawing(lines[:taken], cx, y, self.column))
            if k:
                self.draws.append(_rule(cx - GAP / 2, y, y - column_height))
            lines = lines[taken:]
        self.bottom = y - column_height - BAND_GAP
        return lines

    def _new_page(self) -> None:
        self._flush()
        self.canvas.showPage()
        self.top = HEIGHT - MARGIN

    def _flush(self) -> None:
        self.rng.shuffle(self.draws)
        for draw in self.draws:
            draw(self.canvas)
        self.draws = []


def _fill(lines: list[Line], height: float) -> int:
    """How many of the lines one column of `height` holds."""
    used = 0.0
    for n, line in enumerate(lines):
        used += line.style.leading
        if used > height:
            return n
    return len(lines)


def _balanced(lines: list[Line], count: int) -> float:
    """The least column height that holds the lines in `count` columns."""
    height = sum(line.style.leading for line in lines) / count
    while True:
        rest, k = lines, 0
        while rest and k < count:
            rest, k = rest[_fill(rest, height):], k + 1
        if not rest:
            return height
        height += 2


def _drawing(lines: list[Line], x: float, top: float, width: float):
    def draw(canvas: Canvas):
        y = top
        for line in lines:
            y -= line.style.leading
            _draw_line(canvas, line, x, y + (line.style.leading - line.style.size) / 2, width)
    return draw


def _draw_line(canvas: Canvas, line: Line, x: float, y: float, width: float) -> None:
    style = line.style
    indent = style.indent * style.size if line.first else 0
    natural = _width(line.text, style)
    space = 0.0
    if style.align == "justify" and not line.last and len(line.text) > 1:
        space = (width - indent - natural) / (len(line.text) - 1)
    elif style.align == "right":
        indent = width - natural
    elif style.align == "centre":
        indent = (width - natural) / 2
    text = canvas.beginText(x + indent, y)
    text.setFont(FONT, style.size)
    text.setCharSpace(space)
    text.textOut(line.text)
    canvas.drawText(text)


def _rule(x: float, top: float, bottom: float):
    def draw(canvas: Canvas):
        canvas.setLineWidth(0.3)
        canvas.line(x, top, x, bottom)
    return draw
