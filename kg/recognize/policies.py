"""Named policies: a document's title in 《》 and a quoted slogan with its kind (“某某”人才政策).

News names a policy by its document's title (《关于某某的若干意见》, SCHEMA.md) or
by a slogan in quotes and the kind of programme it is (“两创一促”行动, “某某”发展战略).
The model cuts long titles short, or reads only the place at their head. A title that
ends as an official document's does (意见, 办法, 方案 …, kg/data/policy_words.csv) is one
policy, and so is a quoted slogan that a programme's word (政策, 战略, 工程) follows within
four characters (人才, 发展, 国家), the next one with it where two follow (“某某”战略布局), and a
quoted slogan that counts its points (“六稳”, “一窗通办”, “5+2”) where it is coined, not a
word of jieba's dictionary, or a set phrase of it (一国两制): an ordinal (“第一棒”), a numeral
word (“一把手”, “一线”), an idiom or an attribute (“一站式”) is no policy; what it lays out is
named with it (“5+2”产业格局). A year's campaign in quotes (“项目落地攻坚年”) is a policy too, but
not the points a counting slogan counts, quoted on their own (“签约一批”, “开工一批” of “三个一批”).
Unquoted, a programme is named by what launches it (实施某某赋能工程) or by a list of two or
more (某某强链工程、某某落地工程). The names inside a title stay mentions (the body that issued it is
an entity of the page); what the model read as a policy inside the name, or across its
ends, gives way to it.
"""
from __future__ import annotations

import re
from functools import cache

from kg.lexicon import any_of, dictionary, load
from kg.model import Document, Mention
from kg.recognize.brackets import QUOTES
from kg.recognize.tokens import word_edges

SOURCE = "policy"
TYPE = "Policy"
_TITLE = re.compile(r"《[^《》\n]{2,60}》")
_QUOTES = [(o, c) for o, c in QUOTES.items() if o != "《"]      # 「」 on traditional-character pages
_EDITION = re.compile(r"(?:[（(][^（）()]{1,12}[）)])+$")      # （试行）, （2025-2027年）
# Unquoted, only these words name one programme: 政策, 体系 or 模式 after plain words name a field of work
# (人才政策, 产业体系), and a project's 工程 follows a place or a thing (供水保障工程), not a launching verb.
_PROGRAMME = r"(?:(?!工程|计划)[\u4e00-\u9fff]){4,10}(?:工程|行动计划|专项行动|计划)"     # one, not 某工程八大工程
_LAUNCHED = re.compile(r"(?<=实施|开展|启动|推进|打造|深化)%s(?=[，。；、\s]|等)" % _PROGRAMME)
# a short quoted slogan with a number in it (“六稳”, “5+2”)
_COUNTING = re.compile("|".join(f"{o}(?=[^{o}{c}\\n]{{0,8}}[一二三四五六七八九十两0-9])[^{o}{c}\\n，。]{{2,10}}{c}"
                                for o, c in _QUOTES))
# a name's quoted words at its start (“一国两制”, 「三步走」战略), and the counted thing they end in (一批 of 签约一批)
QUOTED = re.compile("[%s]([^%s]+)[%s]" % ("".join(o for o, _ in _QUOTES), "".join(o + c for o, c in _QUOTES),
                                          "".join(c for _, c in _QUOTES)))
_COUNTED = re.compile(r"[一二三四五六七八九十两][^一二三四五六七八九十两0-9]+$")
# what a counting slogan lays out, named with it: “5+2”产业格局, “3+1”主导产业, “144”现代产业集群
_LAID_OUT = re.compile(r"[\u4e00-\u9fff]{0,6}?(?:产业集群|集群体系|产业格局|产业体系|主导产业)")
# a year's campaign in quotes (“大抓落实年”, “招商引资提升年”), not a year's number (“2024年”)
_CAMPAIGN_YEAR = re.compile("|".join(f"{o}[^{o}{c}\\n，。0-9]{{1,11}}[^{o}{c}\\n，。0-9一二三四五六七八九十两百千]年{c}"
                                     for o, c in _QUOTES))
# an item after one that is a programme too; where the first item begins, the list does not say
_LISTED = re.compile(r"(?<=工程、|计划、|行动、)%s(?=[、，。；\s]|等)" % _PROGRAMME)


@cache
def _slogan() -> re.Pattern:
    programmes = [w for w, kind in load().policy_words.items() if kind == "programme"]
    quoted = "|".join(f"{o}[^{o}{c}\\n]{{1,20}}{c}" for o, c in _QUOTES)
    return re.compile(r"(?:%s)[^，。；、：！？“”「」‘’《》\s]{0,4}?(?:%s)+" % (quoted, any_of(programmes).pattern))


def policies(doc: Document, mentions: list[Mention]) -> list[Mention]:
    """`mentions`, with the page's named policies, and without what the model read across them or the points
    of a counting slogan."""
    found = [m for s in doc.sentences for m in _in_sentence(s.text, s.start, s.index)]
    in_sentence: dict[int, list[Mention]] = {}
    for p in found:
        in_sentence.setdefault(p.sentence, []).append(p)
    kept = [m for m in mentions if not any(_gives_way(m, p) for p in in_sentence.get(m.sentence, ()))]
    return _without_points(sorted(kept + found, key=lambda m: (m.start, m.end)))


def _without_points(mentions: list[Mention]) -> list[Mention]:
    """`mentions` less the points of a counting slogan: where quoted policies of a page end in the same counted
    thing, the longest name is the programme and the others its points (“三个一批”活动 of “签约一批”,
    “开工一批”; “高效办成一件事” of “立项一件事”, “一件事”), whatever read them."""
    longest: dict[str, int] = {}
    for m in mentions:
        if m.type == TYPE and (counted := _counted(m.text)):
            longest[counted] = max(longest.get(counted, 0), len(m.text))
    return [m for m in mentions if m.type != TYPE or len(m.text) >= longest.get(_counted(m.text), 0)]


def _counted(name: str) -> str:
    """The counted thing a quoted slogan ends in (一批 of “签约一批”, 一件事), or ''."""
    quoted = QUOTED.match(name)
    counted = _COUNTED.search(quoted.group(1)) if quoted else None
    return counted.group() if counted else ""


def _gives_way(m: Mention, policy: Mention) -> bool:
    inside = policy.start <= m.start and m.end <= policy.end
    overlaps = m.start < policy.end and policy.start < m.end
    return overlaps and (not inside or m.type == TYPE)


def _in_sentence(text: str, base: int, sentence: int) -> list[Mention]:
    spans = [m.span() for m in _TITLE.finditer(text) if _EDITION.sub("", m.group()[1:-1]).endswith(_words())]
    if any(o in text for o, _ in _QUOTES):
        slogans = [m for m in _slogan().finditer(text) if not any(a <= m.start() < b for a, b in spans)]
        edges = word_edges(text) if slogans else set()      # jieba's words only where a slogan may end
        spans += [m.span() for m in slogans if m.end() in edges]
        coined = [(m.start(), _laid_out(text, m.end())) for m in _COUNTING.finditer(text) if _coined(m.group()[1:-1])]
        for a, b in sorted(coined + [m.span() for m in _CAMPAIGN_YEAR.finditer(text)]):
            if not any(x < b and a < y for x, y in spans):
                spans.append((a, b))
    spans += [s for s in _programmes(text) if not any(a <= s[0] < b for a, b in spans)]
    return [Mention(text[a:b], TYPE, base + a, base + b, sentence, source=SOURCE) for a, b in spans]


def _coined(slogan: str) -> bool:
    """Whether a quoted slogan is a coined one or a set phrase (习用语), not an ordinal or a common word."""
    frequency, flag = dictionary().get(slogan, (0, ""))
    return "第" not in slogan and (frequency == 0 or flag == "l")


def _laid_out(text: str, end: int) -> int:
    """Where the name of a counting slogan that ends at `end` ends: after what it lays out, if named."""
    kind = _LAID_OUT.match(text, end)
    return kind.end() if kind else end


def _programmes(text: str) -> list[tuple[int, int]]:
    """The spans of the unquoted programmes a launching verb or a list of them names in `text`."""
    return sorted({m.span() for pattern in (_LAUNCHED, _LISTED) for m in pattern.finditer(text)})


@cache
def _words() -> tuple[str, ...]:
    return tuple(load().policy_words)
