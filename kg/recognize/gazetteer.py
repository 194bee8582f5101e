"""Zones and places by name: the zones of the lexicons (national high-tech zones, the economic function
zones of GB/T 37028), China's divisions, the world's countries, and zone-shaped names (a place, then 高新区)."""
from __future__ import annotations

import re
from functools import cache

from kg.lexicon import Names, Prefixes, any_of, division_stems, is_plain_word, load
from kg.model import Document, Mention
from kg.recognize.tokens import word_edges

# a zone that is not in the national list still has a zone's shape: a place, then 高新区 or the like. These are
# fewer tails than official names end in (lexicon.ZONE_TAILS): a place then 园区, 产业园 or 试验区 may name a park,
# a project or a programme, and is left to the model.
_SHAPE_TAILS = "高新技术产业开发区|高新区|经济技术开发区|经济开发区|经开区|开发区|新区|综合保税区|综保区|保税区|科学城|科技城|自贸区|农高区|示范区"


@cache
def gazetteer() -> Names:
    return Names(set(load().zones) | set(load().places))


@cache
def _namesakes() -> Prefixes:
    """What a zone-shaped name begins with: a place's name, or a county's without its 县 or 区 (曹妃甸新区, 安化经开区),
    or an autonomous prefecture's stem (黔西南高新区). The places leave the latter out, for a county's short name is
    often a word too; before a zone's kind it is the division's."""
    return Prefixes(set(load().places) | set(division_stems()))


@cache
def zone_shape() -> re.Pattern:
    """What a zone-shaped name is, as one pattern; the functions below find the same faster."""
    places = any_of(n for n in _namesakes().names if len(n) >= 2).pattern
    # 西部（重庆）科学城: a region with its city in brackets
    return re.compile(r"(?:%s|%s)(?:国家)?(?:%s)" % (places, _REGION, _SHAPE_TAILS))


_REGION = r"[东西南北中]部(?:（[^（）]{2,4}）)?"
TAIL = re.compile(r"(?:国家)?(?:%s)" % _SHAPE_TAILS)
_REGION_BEFORE = re.compile(_REGION + "$")
_REGION_ZONE = re.compile(_REGION + TAIL.pattern)


def zone_shapes(text: str):
    """(start, end) of each zone-shaped name, as `zone_shape().finditer` finds them: found from
    the tail leftwards, since trying thousands of places at every character is slow."""
    namesakes = _namesakes()
    last = 0
    for tail in TAIL.finditer(text):
        at = tail.start()
        starts = [at - k for k in range(min(namesakes.max_len, at - last), 1, -1)
                  if text[at - k:at] in namesakes.names][:1]
        region = _REGION_BEFORE.search(text, max(last, at - 10), at)
        if region:
            starts.append(region.start())
        if starts:
            yield min(starts), tail.end()
            last = tail.end()


def leading_zone_shape(text: str) -> str:
    """The zone-shaped name `text` begins with, as `zone_shape().match` finds it, or ''."""
    for place in _namesakes().all(text, shortest=2):
        tail = TAIL.match(text, len(place))
        if tail:
            return text[:tail.end()]
    m = _REGION_ZONE.match(text)
    return m.group() if m else ""


def is_zone_shape(text: str) -> bool:
    """Whether the whole of `text` is a zone-shaped name, as `zone_shape().fullmatch` says."""
    return any(TAIL.fullmatch(text, len(place)) for place in _namesakes().all(text, shortest=2)) \
        or bool(_REGION_ZONE.fullmatch(text))


SOURCE = "gazetteer"


def find(text: str, offset: int, sentence: int, edges: set[int] | None = None):
    """The zones and places `text` names; `edges`: where its words begin and end, if known."""
    lex = load()
    for start, end in zone_shapes(text):
        yield Mention(text[start:end], "Zone", offset + start, offset + end, sentence, source=SOURCE)
    for start, end, name in gazetteer().finditer(text):
        kind = "Zone" if name in lex.zones else "Place"
        if kind == "Place" and not _stands_apart(name, text, start, end, edges):
            continue
        yield Mention(name, kind, offset + start, offset + end, sentence, source=SOURCE)


_STREET = re.compile(r"路|街(?!道)|大道|大街|巷")


def _stands_apart(name: str, text: str, start: int, end: int, edges: set[int] | None) -> bool:
    """A place's name inside a word is no place (白银 in 真金白银, 兴城市 in 新兴城市, 任县 in 此任县令): a short
    form is a word of its own, a full name begins one (开化县 of 开化县委); a word of the language that a
    district is also called (城区, 郊区) is none; and a short form that names a street (万源街, 中山路) is the
    street's, not the place's (a 街道 is a place, a town's subdistrict)."""
    if is_plain_word(name):
        return False
    short = load().places[name].name != name
    if short and _STREET.match(text, end):
        return False
    if edges is None:
        return True
    return start in edges and (end in edges or not short)


# the kinds of zone a zone named after its city is called by with the city's first character (哈新区, 哈经开区)
_ABBREVIATED_KINDS = ("高新区", "经开区", "新区", "开发区", "综保区")


@cache
def abbreviations() -> dict[str, tuple[str, str]]:
    """(the zone, its city's name without 市) of each short form of a lexicon zone named after its city that
    keeps the city's first character and the zone's kind (哈新区 of 哈尔滨新区), where one zone has it."""
    found: dict[str, set] = {}
    for zone in set(load().zones.values()):
        stem = zone.city.removesuffix("市")
        for kind in _ABBREVIATED_KINDS:
            if len(stem) >= 2 and zone.name == stem + kind:
                found.setdefault(stem[0] + kind, set()).add((zone.name, stem))
    return {short: next(iter(zones)) for short, zones in found.items() if len(zones) == 1}


def abbreviated(doc: Document) -> list[Mention]:
    """The zones a page names by their city's first character and their kind (哈新区平房片区 on a page about
    哈尔滨): a short form of one lexicon zone, beginning a word, on a page that names the zone's city (most
    such forms are the ends of other names, 东高新区 of 广东高新区, or of words, 确保经开区)."""
    forms = abbreviations()
    found = []
    for s in doc.sentences:
        for start, end, short in _abbreviated_names().finditer(s.text):
            city = forms[short][1]
            if city in doc.text and start in word_edges(s.text):
                found.append(Mention(short, "Zone", s.start + start, s.start + end, s.index, source=SOURCE))
    return found


@cache
def _abbreviated_names() -> Names:
    return Names(abbreviations())


def leading_abbreviation(text: str) -> str:
    """The short form of a lexicon zone (哈新区) that `text` begins with, or ''."""
    return _abbreviated_fronts().longest(text)


@cache
def _abbreviated_fronts() -> Prefixes:
    return Prefixes(abbreviations())
