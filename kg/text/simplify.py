"""Traditional Chinese (繁體) read as simplified, character for character.

The lexicons and patterns of every later stage are simplified (本报讯, 高新区),
so a page in traditional characters is read through OpenCC's conversion: the
first stage puts a simplified copy in `raw` and keeps the page's own text in
`original` until kg/text/quote.py puts it back. Every character keeps its
place, so the offsets into the copy are offsets into the page, and the evidence
is quoted in the page's own characters.
"""
from __future__ import annotations

import re
from functools import cache
from operator import ne

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
    if _traditional(doc.raw, converted):
        doc.original, doc.raw = doc.raw, converted
    return doc


def _traditional(text: str, converted: str) -> bool:
    """Whether a page is written in traditional characters: OpenCC changes about a third of such a page's Chinese
    characters, and only a rare one of a simplified page's, which is no traditional form there (乾 of a company's
    name, 乾县; not to be read 干)."""
    if converted == text:
        return False
    changed = sum(map(ne, text, converted))
    return changed > _TRADITIONAL_SHARE * len(_CHINESE.findall(text))


_CHINESE = re.compile(r"[\u4e00-\u9fff]")
# the gold's pages: simplified ones 0.003 at most, traditional ones 0.31 at least; between, room for a short
# text's one odd character (a company's 乾 in a sentence of 19)
_TRADITIONAL_SHARE = 0.15
