"""Projects, bases, parks and facilities: names ending 项目, 基地, 产业园, 生产线 …"""
from __future__ import annotations

import re

from kg.model import Mention
from kg.recognize.places import is_zone_shape
from kg.recognize.tokens import NAME_WORDS, a_kind, left_edge

TAILS = re.compile(r"(?:项目|基地|产业园区|产业园|工业园|科技园|园区|校区|生产线|综合体|标准厂房|厂房|产业学院|平台|医院)")
# words that make a project tail generic when they are all the name has (重点项目, 一批大项目)
_GENERIC = re.compile(r"^(?:[0-9一二三四五六七八九十百千几多余个批家项类]|重点|重大|大|好|新|产业|工业|该|此|这个|这些|投资|建设|"
                      r"招商|签约|开工|在建|续建|新建|亿元以上|以上|各类|其他|包靠|领导|级|企业|创新|服务|科研|国家级|"
                      r"省级|市级|公共|综合|生产|示范|配套|优质|延链补链强链|延链|补链|强链|引领性|标志性|龙头|"
                      r"特色|专业|数字化|智能化|集成|载体|孵化|合作|技术|研发|优秀|首批|第二批|落地|产业化|重点产业|"
                      r"储备|谋划|推进|保障|服务保障|产业链|上下游|全部|所有|工程建设|固定资产|固定资产投资|闲置|实体|高科技|招商引资|"
                      r"共|等|和|及|、)*$")


# 研发及制造基地: conjunctions join the parts of a project's name
_INSIDE = frozenset({"及", "与"})
_GENERIC_END = re.compile(r"(重点项目|重大项目|大项目|好项目|新项目|一批项目|产业项目)$")
# 20余个…项目 counts a kind of project, 行动各项目 points at them all; 入选…园区 names an honour, not a place being built
_COUNTED = re.compile(r"[0-9一二两三四五六七八九十百千]+[余多]?[个家项批类]$")
_TITLED = ("入选", "获评", "获批", "评为", "认定为", "获得", "列入", "纳入", "成为")


def _named(text: str, tokens, start: int, tail: int) -> bool:
    """Whether the words before a tail name one project, rather than count, rank or act on projects."""
    if _COUNTED.search(text[:start]) or text[:start].endswith(_TITLED) or text[tail - 1] in "各每":
        return False
    verb = next((t for t in tokens if t.end == tail), None)
    # 抓项目, 开展项目: a verb right before the tail takes it as its object
    return verb is None or verb.flag != "v" or verb.word in NAME_WORDS


def find(text: str, offset: int, sentence: int, tokens):
    for m in TAILS.finditer(text):
        start = left_edge(tokens, m.start(), limit=30, allow=_INSIDE)
        while start < m.start() and text[start] in "）)":
            start += 1
        if text[start - 1:start] == "”" and "“" in text[:start]:
            start = text.rindex("“", 0, start)     # “某某药谷”国家级生物医药产业平台
        head = text[start:m.start()]
        name = text[start:m.end()]
        if len(head) < 4 or _GENERIC.match(head) or _GENERIC_END.search(name) or is_zone_shape(head) \
                or m.group() == "平台" and (len(head) < 6 or a_kind(tokens, start, m.start())) \
                or not _named(text, tokens, start, m.start()):
            continue
        yield Mention(name, "Project", offset + start, offset + m.end(), sentence)
