"""Traditional Chinese (繁體) read as simplified, character for character.

The lexicons and patterns of every later stage are simplified (本报讯, 高新区),
so a page in traditional characters is read through OpenCC's conversion: the
first stage puts a simplified copy in `raw` and keeps the page's own text in
`original` until kg/text/quote.py puts it back. Every character keeps its
place, so the offsets into the copy are offsets into the page, and the evidence
is quoted in the page's own characters.
"""
from __future__ import annotations

from functools import cache

import opencc

from kg.model import Document


@cache
def _converter() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


@cache
def _char(ch: str) -> str:
    converted = _converter().convert(ch)
    return converted if len(converted) == 1 else ch


def to_simplified(text: str) -> str:
    """`text` in simplified characters, as long as it was and aligned with it."""
    if _converter().convert(text) == text:
        return text     # most pages: one conversion of the whole, no phrase crosses a line
    lines = []
    for line in text.split("\n"):
        # Phrases convert better than characters (乾隆 stays, 乾燥 → 干燥), but a
        # phrase may change length; such a line is converted character by character.
        converted = _converter().convert(line)
        lines.append(converted if len(converted) == len(line) else "".join(map(_char, line)))
    return "\n".join(lines)


def simplify(doc: Document) -> Document:
    converted = to_simplified(doc.raw)
    if converted != doc.raw:
        doc.original, doc.raw = doc.raw, converted
    return doc
