"""Companies, organisations and government bodies, found by the tails of their names.

The tail gives the type (有限公司 → Company, 研究院 → Organization, 局 → GovernmentAgency);
the name runs leftwards from it to the first word that cannot be part of a name.
Short company names (华远重工, 星河生物) are found where news lists them: A、B、C等…企业.
"""
from __future__ import annotations

import re
from functools import cache

from kg.lexicon import any_of, is_plain_word, leading_place, load
from kg.model import Mention
from kg.recognize.people import person_name, post_pattern
from kg.recognize.places import ZONE_TAILS
from kg.recognize.tokens import STOP_WORDS, a_kind, in_listing_clauses, in_name, left_edge

# a tail that is the whole name, or a word that only ends like one, names no body (公司, 部门, 核心)
_TOO_GENERIC = {"有关部门", "相关部门", "各部门", "部门", "总部", "本部", "全部", "内部", "外部", "东部", "西部", "南部",
                "北部", "中部", "干部", "俱乐部", "销售部", "一部", "一局", "中心", "服务中心", "数据中心", "运营中心",
                "研发中心", "会展中心", "政务服务中心", "城市中心", "市中心", "核心", "重心", "信心", "初心", "决心",
                "管委会", "党工委", "委员会", "领导小组", "研究院", "研究所", "学院", "大学", "集团", "银行", "公司",
                "工作站", "实验室", "联合实验室", "办公室", "政府", "龙头企业", "游戏", "两大"}
# 布局, 格局, 全部, 内部: words that end like a bureau or a department but are neither
_NOT_BUREAU = set("布格开结大当邮全时政变破新定残棋饭骗僵困赌终出入对败胜战乱好")
_NOT_DEPARTMENT = set("全内外局总东西南北中上下底背头腹胸腰干俱本分面顶")
# 科技创新与人才服务中心: a conjunction inside a body's name
# 科技发展局, 重点建设领导小组: words that name what a body does
_INSIDE = frozenset({"与", "发展", "重点", "建设"})
_AGENCY_INSIDE = re.compile(r"(?:管理局|监督局|委员会|管委会|人民政府|厅|部)(?=.{2,})")
# 企业综合服务部, 企业法治工作委员会: a public body may serve enterprises; a company is no 企业 of a name
_PUBLIC_INSIDE = _INSIDE | {"企业"}
_SOCIETY_INSIDE = re.compile(r"(?:研究会|协会|学会|商会|大学|研究院|科学院)(?=.{2,})")
COMPANY_LIST = re.compile(r"((?:[^，。、；：！？“”\s]{2,10}、)+[^，。、；：！？“”\s]{2,10})等(?:(?!领域|产业|行业)[^，。；]){0,10}?(?:企业|公司|集团)")


def tail_continues(tail: str, nxt: str) -> bool:
    """局 in 局长, 部 in 部件, 大学 in 大学生: the next character shows the tail is part of a longer word."""
    if tail == "大学":
        return nxt == "生"
    return tail in ("部", "局", "中心") and bool(nxt) and nxt in "分长门署位件级组部心"


@cache
def _starting_posts() -> tuple[str, ...]:
    tails = tuple(t for t, _ in load().suffixes)
    return tuple(p for p in load().posts if p.startswith(tails) and p not in tails)


@cache
def _tails() -> re.Pattern:
    return any_of(s for s, _ in load().suffixes)


@cache
def _types() -> dict[str, str]:
    """Each tail's type: 有限公司 → Company."""
    return dict(load().suffixes)


def find(text: str, offset: int, sentence: int, tokens):
    types = _types()
    for m in _tails().finditer(text):
        # a tail inside a longer word is not a tail (局部, 部分, 中心城区)
        nxt, prev = text[m.end():m.end() + 1], text[m.start() - 1:m.start()]
        if tail_continues(m.group(), nxt):
            continue
        if m.group() == "学院" and text[m.start() - 2:m.start()] == "产业":
            continue        # a 产业学院 is a project that a university builds
        if m.group() == "局" and prev in _NOT_BUREAU or m.group() == "部" and prev in _NOT_DEPARTMENT:
            continue
        if text.startswith(_starting_posts(), m.start()):
            continue        # 党工委书记, 管委会主任: a post, with its body named before it
        start = left_edge(tokens, m.start(), allow=_INSIDE if types[m.group()] == "Company" else _PUBLIC_INSIDE)
        joined = text.rfind("与", start, m.start())
        if joined != -1 and _a_body_or_zone(text[start:joined], types):
            start = joined + 1      # A局与B部, 某某高新区与B公司: two parties, not one name
        built = text.rfind("建设", start, m.start())
        if built != -1 and text[built - 2:built] != "重点" and types[m.group()] != "Company":
            start = built + 2       # 建设市级创新中心: the body is what is built; 重点建设领导小组, 建设银行 are names
        name = text[start:m.end()]
        if types[m.group()] == "Organization" and a_kind(tokens, start, m.start()):
            continue
        if name in _TOO_GENERIC or len(name) < 3 or len(name) <= len(m.group()) < 3 \
                or is_plain_word(text[start:m.start()]) and m.group().endswith("公司"):
            continue        # 技术有限公司: a tail after a common word names no company
        yield Mention(name, _type(name, types[m.group()]), offset + start, offset + m.end(), sentence)
    yield from listed_companies(text, offset, sentence, tokens)
    yield from employers(text, offset, sentence, tokens)


def _a_body_or_zone(text: str, types: dict[str, str]) -> bool:
    """A body's name (…局), a zone's (…高新区) or a place's: a party of its own before 与."""
    return text.endswith(tuple(types)) or bool(_ZONE_TAIL.search(text)) or text in load().places


def _type(name: str, by_tail: str) -> str:
    """某某管理局药品审评中心: a unit of a body is of the body's kind, whatever its own tail."""
    if by_tail == "Organization" and _AGENCY_INSIDE.search(name):
        return "GovernmentAgency"
    if by_tail == "GovernmentAgency" and _SOCIETY_INSIDE.search(name):
        return "Organization"       # 某某研究会某某工作委员会: a society's committee is the society's
    return by_tail


_ZONE_TAIL = re.compile(r"(?:%s)$" % ZONE_TAILS)      # ends a zone's name; alone, it names no company
_CLAUSE = re.compile(r"[^，。；]+")     # a list of companies and its tail lie within one
_LIST_END = re.compile(r"等.*(?:企业|公司|集团)")


def company_lists(text: str):
    """The matches of COMPANY_LIST in `text`, found only where they can be."""
    return in_listing_clauses(COMPANY_LIST, text, _CLAUSE, _LIST_END)


def listed_companies(text: str, offset: int, sentence: int, tokens):
    """华远重工、星河生物、东方动力等50余家骨干企业 → three companies."""
    lex = load()
    for m in company_lists(text):
        pos = m.start(1)
        items = m.group(1).split("、")
        if any(is_plain_word(item) or item in lex.industries for item in items[1:]):
            continue        # 掌握技术、市场等话语权的企业: a list of words, not of companies
        for k, item in enumerate(items):
            start = pos
            if k == 0:
                start = left_edge(tokens, pos + len(item))
                # the first item's own tail is a token too; keep at least two characters
                start = min(start, pos + len(item) - 2)
                while text[start:pos + len(item)] and text[start] in STOP_WORDS:
                    start += 1
            name = text[start:pos + len(item)]
            if 2 <= len(name) <= 10 and name not in lex.industries and name not in lex.places \
                    and not is_plain_word(name) and not any(ch.isdigit() for ch in name):
                yield Mention(name, "Company", offset + start, offset + start + len(name), sentence)
            pos += len(item) + 1


def employers(text: str, offset: int, sentence: int, tokens):
    """；某某致康杰出人才王明: a short name that opens a clause right before a post and a person is a company's."""
    lex = load()
    for m in post_pattern().finditer(text):
        clause = max(text.rfind(p, 0, m.start()) for p in "，。；：！？") + 1
        name = text[clause:m.start()]
        if not 2 <= len(name) <= 6 or not person_name(text, m.start(2), tokens) or _tails().search(name) \
                or _ZONE_TAIL.fullmatch(name) \
                or is_plain_word(name) or name in lex.industries or leading_place(name) \
                or not all(in_name(tokens, k) for k, t in enumerate(tokens) if clause <= t.start < m.start()):
            continue
        yield Mention(name, "Company", offset + clause, offset + m.start(), sentence)
