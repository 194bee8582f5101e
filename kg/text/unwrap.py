"""A sentence as a reader wants to see it quoted: on one line, without the line breaks of the PDF it came from.

The evidence a fact keeps is the page's own text (kg.text.quote), line breaks
and all: 潍坊高新区经济发展局党委书记、\\n\\n局长韩滨说。 Where it is shown — a
tooltip, kg show — a break between two Chinese characters goes, and one
between two words of a Latin script becomes a space.
"""
from __future__ import annotations

import re
from functools import lru_cache

_BREAK = re.compile(r"[ \t\u3000]*[\r\n\u2028\u2029][\s\u3000]*")


def _wide(ch: str) -> bool:
    # CJK ideographs and the full-width punctuation around them, which take no space between them
    return "\u2e80" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" or "\uff00" <= ch <= "\uffef" \
        or ch in "“”‘’—…·"


@lru_cache(maxsize=1 << 16)     # the views quote one sentence under every link it gives, in view after view
def unwrap(text: str) -> str:
    def join(m: re.Match) -> str:
        before, after = text[m.start() - 1:m.start()], text[m.end():m.end() + 1]
        return "" if not before or not after or _wide(before) or _wide(after) else " "

    return _BREAK.sub(join, text).strip()
