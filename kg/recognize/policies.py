"""Policies, plans and programmes: 《titles》, and “quoted” names with a policy's tail."""
from __future__ import annotations

import re

from kg.model import Mention

_TITLE = re.compile(r"《[^《》]{2,60}》")
_QUOTED = re.compile(r"[“‘][^“”‘’]{2,20}[”’](?:[^，。；、“”‘’]{0,10}?"
                     r"(?:机制|政策|改革|行动|活动|计划|方案|攻坚战|体系|战略|制度|工程|品牌))?")
# a bare quotation is a policy only after a verb that puts one into effect
_VERBS = re.compile(r"(?:实施|推行|开展|落实|出台|印发|发布|实行|打响|启动|构建|深化|推进|围绕|以)$")


def find(text: str, offset: int, sentence: int):
    for m in _TITLE.finditer(text):
        yield Mention(m.group(), "Policy", offset + m.start(), offset + m.end(), sentence)
    for m in _QUOTED.finditer(text):
        if m.group().endswith(("”", "’")) and not _VERBS.search(text[:m.start()]):
            continue
        yield Mention(m.group(), "Policy", offset + m.start(), offset + m.end(), sentence)
