"""News outlets named in datelines: 某某网合肥7月30日电, 某某报讯, 某某讯 记者…, （某某报记者 张三）, 据某某晨报报道,
（来源：《某某报》）, and a paper and its site named as one (某某日报·某某网记者).

ANNOTATION.md makes an outlet named in a dateline an Organization (with no facts).
A dateline's wording says where the outlet's name ends — before 讯, 记者, 报道, or
the place and date of 电 — and the name begins where the line or a bracket does.
The model reads many outlets as companies, or not at all; the dateline settles it.
"""
from __future__ import annotations

import re

from kg.lexicon import is_word, load
from kg.model import Document, Mention

SOURCE = "dateline"
TYPE = "Organization"
_NAME = r"(?P<name>[^\s，。；：、,;:（）()【】·「」“”《》\d]{2,14}?)"
_OPEN = r"(?:^|(?<=[（(【\s·　]))"
_DATE = r"(?:\d{1,2}月)?\d{1,2}日"


def _like_an_outlet(name: str) -> bool:
    return bool(_OUTLET.search(name))


def _no_word_of_xun(name: str) -> bool:
    """讯 after the name makes no word with its last character (喜讯, 通讯 are news and telecoms, not a dateline)."""
    return not is_word(name[-1] + "讯")


# (pattern, what the name must be besides, if anything): a line of a newspaper's column may begin anywhere in a
# sentence, so where the wording alone (喜讯, 告诉记者) could end a line, the name must look like an outlet's
_DATELINES = [(re.compile(pattern, re.M), fits) for pattern, fits in (
    (_OPEN + _NAME + _DATE + "[电讯]", None),                                      # 某某网合肥7月30日电
    (_OPEN + _NAME + r"(?:[（(][^）)]{1,8}[）)])?讯", _like_an_outlet),              # 某某讯, 某某网(某某报网)讯
    (_OPEN + _NAME + r"讯(?=\s*(?:[（(]|记者|通讯员))", _no_word_of_xun),           # 南都讯 记者…: a byline follows
    (r"《" + _NAME + "》(?:快讯|讯)", None),                                      # （《某某时报》快讯中心）
    (_OPEN + _NAME + "(?:首席|特约)?记者", _like_an_outlet),                         # （某某报记者 张三）
    ("据《?" + _NAME + "》?(?:报道|消息)", None),                                  # 据某某晨报报道, 据《某某报》报道
    ("[（(](?:文章)?来源[：:]《?" + _NAME + "》?[）)]", None))]                    # （来源：某某网）, （来源：《某某报》）
_OUTLET = re.compile(r"(?:报|报社|网|新闻|客户端|社|台|观察|全媒体|时报|周刊|杂志|之声|在线|头条)$")
# the tails that name an outlet whatever else the name says (not 网 or 社 alone: 国家电网, 合作社)
_OUTLET_ONLY = re.compile(r"(?:日报|晚报|时报|报社|新闻网|新闻|通讯社|电视台|客户端|全媒体)$")


def names_an_outlet(name: str) -> bool:
    """Whether `name` ends as only an outlet's name does (某某日报, 澎湃新闻, 某某新闻网)."""
    return bool(_OUTLET_ONLY.search(name))


# the paper's own bylines, and reporters' grades (全媒体记者), name no outlet
_OWN = ("本报", "本刊", "本台", "本网", "本站", "记者", "通讯员", "全媒体", "融媒体", "见习", "实习", "特约")


def outlets(doc: Document, mentions: list[Mention]) -> list[Mention]:
    """`mentions`, with the outlets of the page's datelines in place of whatever overlapped them."""
    found = [m for s in doc.sentences for m in _in_sentence(s.text, s.start, s.index)]
    if not found:
        return mentions
    kept = [m for m in mentions if not any(m.start < o.end and o.start < m.end for o in found)]
    return sorted(kept + found, key=lambda m: (m.start, m.end))


def _in_sentence(text: str, base: int, sentence: int) -> list[Mention]:
    found: dict[int, Mention] = {}
    for pattern, fits in _DATELINES:
        for m in pattern.finditer(text):
            name, start = _without_place(m.group("name")), m.start("name")
            if name.startswith("据"):        # 据某某网记者了解
                name, start = name[1:], start + 1
            if len(name) >= 2 and not name.startswith(_OWN) and start not in found \
                    and (fits is None or fits(name)):
                found[start] = Mention(name, TYPE, base + start, base + start + len(name), sentence, source=SOURCE)
                joint = _JOINT.search(text, 0, start)       # 某某日报·某某网记者: two outlets of one byline
                if joint and names_an_outlet(joint.group("name")):
                    found[joint.start("name")] = Mention(joint.group("name"), TYPE, base + joint.start("name"),
                                                         base + joint.end("name"), sentence, source=SOURCE)
    return list(found.values())


_JOINT = re.compile(_OPEN + _NAME + "·$")


def _without_place(name: str) -> str:
    """某某网合肥 → 某某网: the place of 电 follows the outlet's name."""
    places = load().places
    for cut in range(2, len(name) - 1):
        if name[cut:] in places:
            return name[:cut]
    return name
