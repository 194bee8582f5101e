"""Generic mentions that point back to a named entity: 该企业, 该项目, 该高新区 …, the bare 公司 that opens a
clause of a company's announcement (某某（300123）公告，公司于近日与…签署…), or any 公司 of one that declares it
calls its firm so (某某股份有限公司（以下简称“公司”）), a bare 研究院 so (研究院将重点围绕…),
and a university's 我校.

They are recognised here with an empty name; resolve gives them the name of
the nearest entity of their type before them in the same article (我校, where none is, that of the
university the article's first body named after one is named after).
"""
from __future__ import annotations

import re

from kg.model import Mention
from kg.recognize.brackets import QUOTES
from kg.recognize.tokens import tokenize

_TYPES = {"企业": "Company", "公司": "Company", "集团": "Company", "项目": "Project",
          "高新区": "Zone", "园区": "Zone", "区": "Zone",
          "联合实验室": "Organization", "实验室": "Organization", "研究院": "Organization", "研究所": "Organization",
          "大学": "Organization", "学院": "Organization", "协会": "Organization"}
_GENERIC = re.compile(r"该(%s)" % "|".join(sorted(_TYPES, key=len, reverse=True)))
# 该企业 may point to any company; 该实验室 only to a body whose name ends so
NAMED_BY_TAIL = {"Organization"}
REFERENCE = "?"     # the name of a generic mention until resolve names it
SOURCE = "coreference"


# 我校, in a university's own news: the university, named before as a 大学, 学院 or 学校, or at the head of the name
# of one of its bodies (某某学院某某研究院)
OUR_SCHOOL = "我校"
_SCHOOLS = ("大学", "学院", "学校")
_SCHOOL_AT_HEAD = re.compile(r".{2,8}?(?:%s)" % "|".join(_SCHOOLS))


def tails(reference: str) -> tuple[str, ...]:
    """What the name a reference of a type NAMED_BY_TAIL points to ends with: 该实验室, 实验室 → 实验室; 我校 → 大学 …"""
    return _SCHOOLS if reference == OUR_SCHOOL else (reference.removeprefix("该"),)


def our_school(bodies: list[Mention]) -> str | None:
    """The university the first of `bodies` whose name begins with one's is named after (某某学院 of 某某学院某某
    研究院), or None."""
    return next((head.group() for b in bodies if (head := _SCHOOL_AT_HEAD.match(b.name))), None)


# 公司 at a clause's start, before what it did or will do (于近日, 拟, 计划, 与 …); and 研究院, 研究所 or 实验室 so
# (根据协议，研究院将重点围绕…): the one the page named
_DOES = r"(?=于|近日|拟|将|计划|已|与|在|通过|重点|主要|致力)"
_ANNOUNCING = re.compile(r"(?:^|(?<=[，。；：]))公司" + _DOES)
_BODY_DOING = re.compile(r"(?:^|(?<=[，。；：]))(?:研究院|研究所|实验室)" + _DOES)


# 某某股份有限公司（以下简称“公司”）: an announcement that calls its firm 公司, wherever it says so after
_CALLS_ITSELF = re.compile(r"（以下简称[“「]公司[”」]")


def calls_itself_company(text: str) -> bool:
    """Whether a page declares that it calls its firm 公司 (a listed company's announcement)."""
    return _CALLS_ITSELF.search(text) is not None


def find(text: str, offset: int, sentence: int, firm_declared: bool = False):
    """The generic mentions of a sentence; with `firm_declared`, every 公司 that is a word of its own (not 子公司,
    上市公司) is the page's firm too (根据公司业务发展需要)."""
    if firm_declared:
        announcing = {m.start() for m in _ANNOUNCING.finditer(text)}
        for w in tokenize(text):
            # a quoted 公司 is the declaration's own
            if w.word == "公司" and w.start not in announcing and text[w.start - 1:w.start] not in QUOTES:
                yield Mention(w.word, "Company", offset + w.start, offset + w.end, sentence, name=REFERENCE,
                              source=SOURCE)
    for m in _GENERIC.finditer(text):
        yield Mention(m.group(), _TYPES[m.group(1)], offset + m.start(), offset + m.end(), sentence, name=REFERENCE,
                      source=SOURCE)
    for m in re.finditer(OUR_SCHOOL, text):
        yield Mention(m.group(), "Organization", offset + m.start(), offset + m.end(), sentence, name=REFERENCE,
                      source=SOURCE)
    for pattern, type_ in ((_ANNOUNCING, "Company"), (_BODY_DOING, "Organization")):
        for m in pattern.finditer(text):
            yield Mention(m.group(), type_, offset + m.start(), offset + m.end(), sentence, name=REFERENCE,
                          source=SOURCE)
