"""Newspaper pages in PDF: the text of each page in reading order, its columns apart, headlines on lines of their own.

The text read, which spans and evidence point into, is laid out as kg's other
inputs are:

- the blocks of a page — a column's run of lines, a headline — in the order
  pdfminer.six's layout analysis reads them, each line as the PDF sets it (the
  repair stage joins the lines a column's width broke), a blank line between blocks;
- a line set larger than the page's text (a headline, a subhead) is a heading:
  the lines of one heading are joined into one, marked as Markdown marks a
  heading (`# `), which the repair stage keeps apart from the text around it;
- pages are parted by a form feed, as pdftotext parts them (a page without text gives nothing).

pdfminer.six groups characters into lines and lines into blocks by their
positions on the page, so the columns of a page come out whole whatever order
the file draws them in; readers that follow the file's order (pypdf, PyMuPDF,
pdfium) mix the articles of a page when its layout program wrote them out of
order (benchmarks/pdf_readers.py measures it). A PDF of scanned pages has no
text to read: kg does not do OCR, and says so.
"""
from __future__ import annotations

import logging
import re
import statistics
from collections.abc import Iterator
from typing import BinaryIO

from pdfminer.high_level import extract_pages
from pdfminer.layout import LAParams, LTChar, LTFigure, LTImage, LTPage, LTTextBox, LTTextLine

from kg.read.formats import Page

# pdfminer logs what it works around (a missing CropBox, a font without
# widths) through Python's last-resort handler, which would print it on
# standard error: kg tells what matters itself, one problem line a file.
logging.getLogger("pdfminer").addHandler(logging.NullHandler())
logging.getLogger("pdfminer").propagate = False

# A line this much larger than the page's text is a heading: a newspaper's
# subheads are a size or two above its text (10.5 pt on 9 pt), its headlines far more.
HEADING = 1.15
# A heading's line this near the width of its widest was cut by the width, and goes on in the next.
FULL = 0.95
# The characters a font draws without saying which they are, written (cid:123) by pdfminer.
CID = re.compile(r"\(cid:\d+\)")
# Past this share of such characters the text is no text: its fonts cannot be read.
UNMAPPED = 0.5
# all_texts: text inside a Form XObject (a page placed whole, an article as a
# figure) is laid out too, rather than left as loose characters.
LAYOUT = LAParams(all_texts=True)
NO_OCR = ("kg does not do OCR: run OCR first (ocrmypdf adds a text layer to the PDF), or give the pages' "
          "text as .txt")


class Unreadable(Exception):
    """The PDF gives no text kg can read; the message says why and what to do."""


def pdf_page(f: BinaryIO) -> Page:
    """The text of every page of the PDF in `f`; raises Unreadable."""
    pages, pictures = [], []
    try:
        for number, layout in enumerate(extract_pages(f, laparams=LAYOUT), 1):
            pages.append(_page_text(layout))
            if not pages[-1] and _has_picture(layout):
                pictures.append(number)
    except Exception as exc:        # noqa: BLE001 — pdfminer's many errors for a damaged file: one file, not the build
        raise Unreadable(_why(exc)) from None
    return _checked(pages, pictures)


def _checked(pages: list[str], pictures: list[int]) -> Page:
    if not any(pages):
        if pictures:
            raise Unreadable(f"a scanned PDF: its pages are pictures, with no text layer; {NO_OCR}")
        raise Unreadable("a PDF with no text on any page")
    text = "\f\n".join(page for page in pages if page)
    unmapped = len(CID.findall(text))
    if unmapped > UNMAPPED * (unmapped + len(re.sub(r"\s", "", CID.sub("", text)))):
        raise Unreadable("a PDF whose fonts do not say which characters they draw (no ToUnicode map), so its text "
                         f"cannot be read; {NO_OCR}")
    page = Page(CID.sub("\ufffd", text))
    if pictures:
        page.warnings.append(f"{_count(len(pictures), 'page')} ({_list(pictures)}) of pictures with no text "
                             f"layer not read; {NO_OCR}")
    if unmapped:
        page.warnings.append(f"{unmapped} character(s) whose font does not say which they are, read as U+FFFD")
    return page


def _page_text(layout: LTPage) -> str:
    boxes = [(box, list(_lines(box))) for box in _boxes(layout)]
    body = _body_size([line for _, lines in boxes for line, _ in lines])
    ordered = _headlines_over_their_text(boxes, body)
    return "\n\n".join(block for lines in ordered if (block := "\n".join(_block(lines, body))))


def _boxes(container) -> Iterator[LTTextBox]:
    """The text blocks of a page or figure in reading order, those inside figures after the page's own."""
    for item in container:
        if isinstance(item, LTTextBox):
            yield item
        elif isinstance(item, LTFigure):
            yield from _boxes(item)


def _lines(box: LTTextBox) -> Iterator[tuple[LTTextLine, float]]:
    """Each line of the block that has text, with the size of its characters (their median)."""
    for line in box:
        if isinstance(line, LTTextLine):
            sizes = [ch.size for ch in line if isinstance(ch, LTChar) and not ch.get_text().isspace()]
            if sizes:
                yield line, statistics.median(sizes)


def _body_size(lines) -> float:
    """The size most of the page's characters are set in: its text, against which headings stand out."""
    weight: dict[float, int] = {}
    for line in lines:
        for ch in line:
            if isinstance(ch, LTChar):
                size = round(ch.size, 1)
                weight[size] = weight.get(size, 0) + 1
    return max(weight, key=weight.get) if weight else 0.0


def _headlines_over_their_text(boxes: list, body: float) -> list[list]:
    """The blocks' lines in reading order, each headline moved to just before the text it stands over.

    pdfminer groups blocks by nearness: the headlines of two articles set side
    by side are nearer each other than their text, and are read one after the
    other before either article. A headline belongs before the first column of
    the text below it: the highest block it stands over, and the blocks level
    with it to its left that no other headline stands over (a headline is
    centred over its columns, and may not reach the first)."""
    headings = {k for k, (_, lines) in enumerate(boxes) if _is_heading(lines, body)}
    before: dict[int, list] = {}
    for k in sorted(headings):
        first = _first_column(k, boxes, headings)
        if first is not None:
            before.setdefault(first, []).append(boxes[k][1])
    moved = {k for k in headings if _first_column(k, boxes, headings) is not None}
    return [lines for k, (_, own) in enumerate(boxes) if k not in moved for lines in (*before.get(k, []), own)]


def _first_column(k: int, boxes: list, headings: set[int]) -> int | None:
    head = boxes[k][0]
    below = [j for j, (box, _) in enumerate(boxes) if j not in headings and box.y1 <= head.y0 + 2]
    under = [j for j in below if _overlap(head, boxes[j][0]) > 0]
    if not under:
        return None
    top = max(boxes[j][0].y1 for j in under)
    level = sorted((j for j in below if abs(boxes[j][0].y1 - top) <= 3), key=lambda j: boxes[j][0].x0)
    at = min(level.index(j) for j in under if j in level)
    while at and _beside(boxes[level[at - 1]][0], boxes[level[at]][0]) and not any(
            _stands_over(boxes[h][0], boxes[level[at - 1]][0]) for h in headings if h != k):
        at -= 1
    return level[at]


def _beside(left: LTTextBox, right: LTTextBox) -> bool:
    """Whether two blocks are in neighbouring columns: the second starts within a column's width and a half of
    the first (the first may be a paragraph's short last line)."""
    return left.x1 <= right.x0 + 2 and right.x0 - left.x0 <= 1.5 * max(left.width, right.width)


def _stands_over(head: LTTextBox, box: LTTextBox) -> bool:
    return _overlap(head, box) > 0 and box.y1 <= head.y0 + 2 and head.y0 - box.y1 <= 3 * head.height


def _is_heading(lines: list, body: float) -> bool:
    return bool(lines) and all(size >= HEADING * body for _, size in lines)


def _overlap(a: LTTextBox, b: LTTextBox) -> float:
    return min(a.x1, b.x1) - max(a.x0, b.x0)


def _block(lines: list[tuple[LTTextLine, float]], body: float) -> list[str]:
    """The block's lines as text: each line of text alone, each heading's lines joined into one `# ` line."""
    out, run = [], []
    for line, size in [*lines, (None, 0.0)]:        # the last, none, ends the last run of heading lines
        if run and (line is None or size < HEADING * body or abs(size - run[0][1]) > 0.1 * run[0][1]):
            out.extend("# " + heading for heading in _headings(run))
            run = []
        if line is not None and size >= HEADING * body:
            run.append((line, size))
        elif line is not None:
            out.append(line.get_text().strip())
    return out


def _headings(run: list[tuple[LTTextLine, float]]) -> list[str]:
    """Heading lines of one size as headings: a line as wide as the widest goes on to the next, unless it
    ends in a colon (海口高新区：, a kicker over its title)."""
    widest = max(line.width for line, _ in run)
    found, current = [], []
    for line, _ in run:
        current.append(line.get_text().strip())
        if line.width < FULL * widest or current[-1].endswith(("：", ":")):
            found.append(_joined(current))
            current = []
    return found + ([_joined(current)] if current else [])


def _joined(lines: list[str]) -> str:
    """Lines of one heading as one: Chinese runs on, words of a Latin script keep a space between them."""
    text = lines[0]
    for line in lines[1:]:
        latin = text[-1:].isascii() and text[-1:].isalnum() and line[:1].isascii() and line[:1].isalnum()
        text += (" " if latin else "") + line
    return text


def _has_picture(container) -> bool:
    return any(isinstance(item, LTImage) or isinstance(item, LTFigure) and _has_picture(item) for item in container)


def _why(exc: Exception) -> str:
    name = type(exc).__name__
    if name in ("PDFPasswordIncorrect", "PDFEncryptionError", "PDFEncryptionWarning"):
        return ("an encrypted PDF that needs a password; give it decrypted (qpdf --decrypt --password=… in.pdf "
                "out.pdf)")
    if name in ("PDFSyntaxError", "PSEOF", "PSSyntaxError", "PDFNoValidXRef", "PDFTypeError", "PDFValueError"):
        return f"a damaged PDF that cannot be read ({name}: {_first_line(exc)}); save or export it again"
    return f"a PDF that cannot be read ({name}: {_first_line(exc)})"


def _first_line(exc: Exception) -> str:
    text = str(exc).strip().splitlines()
    return text[0][:120] if text else "no detail"


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _list(numbers: list[int], most: int = 10) -> str:
    shown = ", ".join(map(str, numbers[:most]))
    return shown + (f" and {len(numbers) - most} more" if len(numbers) > most else "")
