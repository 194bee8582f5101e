"""signs, read off a signing ceremony: the projects an article reports as signed in a sentence of their own.

News of a ceremony says once that a zone held it (举行招商引资项目签约仪式) and
names the projects in the sentences after, where no signing word stands beside
them (共签订甲项目、乙项目等8个项目 is the sentence rule's; 包括甲项目、乙项目 after
a ceremony is this one's). A sentence that opens on the projects named before it
and says they were signed (甲项目、乙项目……。一个个项目的签约落地…) signs those.
The relation model weighs these facts on their own (their source is this rule's),
for a project named after a ceremony may also be one that only started building.
"""
from __future__ import annotations

import re

from kg.relate.context import Context
from kg.relate.projects import SIGNING, signed

_AFTER = 2         # the sentences after a ceremony that name what it signed (later ones name the zone's parks)
# 这些项目是当日签约落户…, 一个个项目的签约落地: a sentence on the projects the one before names, signed
_SIGNED_BEFORE = re.compile(rf"(?:这些|上述|以上|一个个|这批)[^，。；]{{0,6}}项目[^。]*?(?:{SIGNING.pattern})")
_CEREMONY = re.compile(r"签约(?:仪式|活动|大会|会|落地)|(?:集中|项目|现场)签约|签约(?:了)?(?:项目|[0-9一二三四五六七八九十]+个)")


def find(ctx: Context):
    ceremony: dict[int, int] = {}       # article → its first sentence that reports a ceremony
    for s in ctx.doc.sentences:
        if _CEREMONY.search(s.text):
            ceremony.setdefault(ctx.article_of[s.index].index, s.index)
    before = {s.index - 1 for s in ctx.doc.sentences if _SIGNED_BEFORE.match(s.text)}
    for sentence, mentions in ctx.in_sentence.items():
        article = ctx.article_of.get(sentence)
        first = ceremony.get(article.index) if article else None
        if first is not None and first < sentence <= first + _AFTER \
                or sentence in before and ctx.article_of.get(sentence + 1) is article:
            signed(ctx, sentence, mentions)
