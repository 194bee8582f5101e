"""Industries: the vocabulary of industries, and the items of a list that ends in 产业 / 领域 / 产业集群."""
from __future__ import annotations

import re
from functools import cache

from kg.lexicon import any_of, is_plain_word, load
from kg.model import Mention
from kg.recognize.tokens import glued_to_noun, in_listing_clauses, in_name, left_edge

# A、B和C等(N个)?…产业: every item of such a list is an industry, known or not
_LIST = re.compile(r"((?:[^，。、；：！？“”（）]{2,16}、)+[^，。、；：！？“”（）]{2,16}?)(?:等|\s)*(?:[0-9一二三四五六七八九十]+个|两大|三大|四大|五大|六大)?"
                   r"(?:主导|特色|优势|未来|新兴|战略性新兴|重点|高成长|细分|支柱|传统|传统优势|外贸)*"
                   r"(?:产业(?!化)|领域|产业链|产业集群|行业|新业态|业态|新模式|赛道|(?<=个)方向)")
_CLAUSE = re.compile(r"[^，。；：！？“”（）]+")      # a list and its tail lie within one
_LIST_END = re.compile(r"产业|领域|行业|业态|新模式|赛道|方向")     # every tail _LIST allows holds one
# 新能源及新型储能, 软件和信息服务: one industry whose name joins two words
_JOINS = frozenset({"及", "和", "与"})
_TAIL = re.compile(r"(产业集群|产业链|产业|领域)$")
_VERDICTS = set("新大强快广多高好")
_BODY = re.compile(r"[0-9]{2,}|[0-9]+[条个家项]|企业|公司|项目|中心|建设|机构|平台|园区|部门|型$|岗位")


@cache
def _vocabulary() -> re.Pattern:
    return any_of(load().industries)


def find(text: str, offset: int, sentence: int, tokens):
    for m in _vocabulary().finditer(text):
        # a known word counts only where it is used as an industry: 生物医药产业, 航空、新材料
        after = text[m.end():m.end() + 2]
        if not (after.startswith(("产业", "领域", "、", "和", "及", "等")) or text[m.start() - 1:m.start()] in ("、", "和", "及")) \
                or text[m.end():m.end() + 3] == "产业化":
            continue        # 技术成果产业化 makes results into products; it names no industry
        end = m.end() + 2 if text[m.end():m.end() + 2] == "产业" else m.end()
        yield Mention(text[m.start():end], "Industry", offset + m.start(), offset + end, sentence, name=m.group())
    for m in in_listing_clauses(_LIST, text, _CLAUSE, _LIST_END):
        yield from _items(text, m, offset, sentence, tokens)


def _items(text, m, offset, sentence, tokens):
    items = m.group(1).split("、")
    last_start = m.start(1) + len(m.group(1)) - len(items[-1])
    if not _all_name(tokens, last_start, m.end(1)):
        return      # 低空经济作为抢占…: the list did not end where the tail is
    if text[m.end():m.end() + 1] in _VERDICTS:
        return      # 专业领域新、潜力大: the tail is the subject of a verdict, the items are verdicts too
    pos, found = m.start(1), []
    for k, item in enumerate(items):
        start = pos
        if k == 0:
            start = _trim_lead(text, max(left_edge(tokens, pos + len(item), allow=_JOINS), pos), pos + len(item))
        surface = text[start:pos + len(item)]
        name = _TAIL.sub("", surface).strip()
        if _BODY.search(name if k else item[-4:]) and k < len(items) - 1:
            return      # a list of bodies or works (企业、中心建设、…产业集群) is no list of industries
        if 2 <= len(name) <= 16 and not _BODY.search(name) \
                and _all_name(tokens, start, pos + len(item)) and _ends_in_noun(tokens, name, start):
            found.append(Mention(surface, "Industry", offset + start, offset + pos + len(item), sentence, name=name))
        pos += len(item) + 1
    yield from found


def _all_name(tokens, start: int, end: int) -> bool:
    return all(in_name(tokens, k, _JOINS) for k, t in enumerate(tokens) if t.end > start and t.start < end)


def _ends_in_noun(tokens, name: str, start: int) -> bool:
    """速度快, 创新能力强: an item that ends in an adjective or verb describes, it names no industry."""
    if name in load().industries:
        return True
    if is_plain_word(name):
        return False
    end = start + len(name)
    at = next((k for k, t in enumerate(tokens) if t.start < end <= t.end), None)
    if at is None:
        return True
    last = tokens[at]
    # 显示器件: the tagger cut 件 off a noun, and the noun decides
    return last.flag[0] in "nj" or last.flag in ("vn", "eng", "b") \
        or last.flag in ("zg", "g") and glued_to_noun(last, tokens[at - 1] if at else None)


def _trim_lead(text: str, start: int, end: int) -> int:
    """以能源电子 → 能源电子: drop a leading preposition the tagger glued to the first item."""
    while end - start > 2 and text[start] in "以在把将对从如涵盖聚焦":
        start += 1
    return start
