"""The names a corrections file says kg must always recognise, with their types (`- recognise: 名称 (Zone)`).

A person who declares a name knows better than the model and the lexicons:
where one of them reads a stretch that crosses the name, or lies inside it,
the declared name wins; only a longer name read around it whole stays (a
declared 某某谷 inside 某某谷科技有限公司).
"""
from __future__ import annotations

from kg.model import Document, Mention

SOURCE = "declared"


def find(doc: Document) -> list[Mention]:
    """Every occurrence of a declared name in the document's sentences, longest names first where they overlap."""
    found = []
    for s in doc.sentences:
        for name, type_ in doc.declared:
            at = s.text.find(name)
            while at >= 0:
                found.append(Mention(name, type_, s.start + at, s.start + at + len(name), s.index, source=SOURCE))
                at = s.text.find(name, at + 1)
    return found
