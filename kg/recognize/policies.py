"""Policies, plans and programmes: 《titles》, “quoted” names, and the plans a body carries out.

- 《…》 is a policy's title;
- “X” followed by a policy's tail (机制, 政策, 改革, 攻坚战 …) names one;
- a bare “X” does only in a clause whose verb puts it into effect (推行…“一窗通办”),
  or as 以“X”为目标;
- 实施A工程、B工程…八大工程, 实施就业见习计划 and 根据某某重点项目清单 name plans without quotation marks.
"""
from __future__ import annotations

import re

from kg.model import Mention

_TITLE = re.compile(r"《[^《》]{2,60}》")
_TAILS = r"机制|政策|改革|行动|活动|计划|方案|攻坚战|体系|战略|制度|工程|品牌|清单|举措"
_QUOTED = re.compile(r"[“‘][^“”‘’]{2,20}[”’](?:[^，。；、“”‘’]{0,10}?(?:%s))?" % _TAILS)
_VERBS = re.compile(r"实施|推行|开展|落实|出台|印发|发布|实行|启动|构建|深化|推进|围绕|聚焦|抢抓|贯彻|执行")
# “保姆”式服务, “某某”理念: a quotation that describes a manner or a belief names no policy
_NOT_A_POLICY = ("式", "理念", "精神", "速度", "效应")
_CLAUSE_START = re.compile(r"[，。；：！？]")
_AIM = re.compile(r"^为(?:目标|抓手|重点|引领|主线)")
_PLAN = re.compile(r"(?:实施|推行|出台|印发|启动|制定)(?:了)?([^，。、；：“”《》]{2,14}?(?:计划|方案|行动|工程|清单))(?=[，。；、]|$)"
                   r"|(?:根据|按照|依据)([^，。、；：“”《》]{4,24}?(?:清单|方案|规划|意见|办法|通知|计划))(?=[，。；])")
_WORKS = re.compile(r"((?:[^，。、；：“”]{2,14}工程、)+[^，。、；：“”]{2,14}工程)[一二三四五六七八九十]+大工程")


def find(text: str, offset: int, sentence: int):
    for m in _TITLE.finditer(text) if "《" in text else ():
        yield Mention(m.group(), "Policy", offset + m.start(), offset + m.end(), sentence)
    for m in _QUOTED.finditer(text) if "“" in text or "‘" in text else ():
        if m.group().endswith(("”", "’")) and (not _in_effect(text, m) or text.startswith(_NOT_A_POLICY, m.end())):
            continue
        yield Mention(m.group(), "Policy", offset + m.start(), offset + m.end(), sentence)
    for m in _PLAN.finditer(text):
        k = 1 if m.group(1) else 2
        yield Mention(m.group(k), "Policy", offset + m.start(k), offset + m.end(k), sentence)
    for m in _WORKS.finditer(text) if "大工程" in text else ():     # it tries every character as a list's start
        pos = m.start(1)
        for k, item in enumerate(m.group(1).split("、")):
            start = pos
            if k == 0:      # 聚力实施产业建群强链工程: the list begins after its verb
                verbs = list(_VERBS.finditer(item))
                start += verbs[-1].end() if verbs else 0
            yield Mention(text[start:pos + len(item)], "Policy", offset + start, offset + pos + len(item), sentence)
            pos += len(item) + 1


def _in_effect(text: str, m: re.Match) -> bool:
    """Whether the clause of a bare quotation puts it into effect."""
    if text[m.start() - 1:m.start()] == "以" and _AIM.match(text[m.end():]):
        return True
    clause = _CLAUSE_START.split(text[:m.start()])[-1]
    return bool(_VERBS.search(clause))
