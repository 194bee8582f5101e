"""Towns and subdistricts: the divisions below a county (某某县某某镇、某某镇, 某某区某某街道); and counties
named short in a list (联动北碚、沙坪坝、九龙坡五区).

The lexicons stop at counties (kg/data/admin_divisions.csv), and a town's name is
short and often a word as well (长安, 临江). News names a town after its county
or city, or in a list with other towns: a name of two or three characters and
镇, 乡 or 街道 right after a county's or city's mention, or after such a town and
、 or 和, is a place; so is each of two or more such names a list joins on its own
(下辖某江镇、某竹镇和城东街道), the first beginning where a word does.
"""
from __future__ import annotations

import re
from collections import defaultdict
from functools import cache

from kg.lexicon import Place, dictionary, divisions, is_plain_word, load, short_place
from kg.model import Document, Mention
from kg.recognize.tokens import word_edges

SOURCE = "town"
COUNTIES = "listed-counties"
_TAIL = r"(?:镇|乡|街道)"
_TOWN = re.compile(r"[\u4e00-\u9fff]{2,3}?%s(?![\u4e00-\u9fff]?(?:政府|党委|人民|长|书记|村|级))" % _TAIL)
JOINED = ("、", "和", "及")     # what joins the items of a list of names
_LISTED = re.compile(r"[\u4e00-\u9fff]{2,3}?%s(?:[%s][\u4e00-\u9fff]{2,3}?%s)+" % (_TAIL, "".join(JOINED), _TAIL))


def towns(doc: Document, mentions: list[Mention]) -> list[Mention]:
    """`mentions`, and the towns named after a county's or city's mention or in a list after such a town."""
    places = load().places
    found: list[Mention] = []
    for m in mentions:
        if m.type != "Place" or getattr(places.get(m.text), "level", "") not in ("county", "city"):
            continue
        at = m.end
        while town := _TOWN.match(doc.text, at):
            if is_plain_word(town.group()[:2]):
                break
            if not any(n.start < town.end() and town.start() < n.end for n in mentions):     # not read already
                found.append(Mention(town.group(), "Place", town.start(), town.end(), m.sentence, source=SOURCE))
            at = town.end() + 1
            if doc.text[town.end():at] not in JOINED:
                break
    found += [t for t in _listed(doc) if not any(t.overlaps(n) for n in mentions + found if not _misread(n, t))]
    if not found:
        return mentions
    kept = [m for m in mentions if not any(_misread(m, t) for t in found)]      # 古竹镇 read as a person
    return sorted(kept + found, key=lambda m: (m.start, m.end))


def _listed(doc: Document) -> list[Mention]:
    """The towns of a list of two or more that names nothing else (下辖某江镇、某竹镇和城东街道)."""
    found = []
    for s in doc.sentences:
        for run in _LISTED.finditer(s.text) if any(j in s.text for j in JOINED) else ():
            items = re.split("(?<=[镇乡道])[%s]" % "".join(JOINED), run.group())
            raw, items[0] = items[0], _first_town(s.text, run.start(), items[0])
            at = run.start() + len(raw) - len(items[0])         # where the first town begins
            towns = []
            for item in items:
                core = re.sub(_TAIL + "$", "", item)
                if 2 <= len(core) <= 3 and (not is_plain_word(core) or dictionary()[core][1] == "s"):     # 城北
                    towns.append(Mention(item, "Place", s.start + at, s.start + at + len(item), s.index,
                                         source=SOURCE))
                at += len(item) + 1
            if len(towns) >= 2 and len(towns) == len(items):
                found += towns
    return found


def _first_town(text: str, start: int, item: str) -> str:
    """The first item's town, beginning where one of jieba's words does (辖某江镇 of 下辖某江镇 → 某江镇): the
    shortest such name, a list's first name being often stuck to the verb before it."""
    edges = word_edges(text[max(0, start - 4):start + len(item)])
    shift = start - max(0, start - 4)
    tail = len(re.search(_TAIL + "$", item).group())
    for n in (2, 3):
        at = len(item) - tail - n
        if at >= 0 and at + shift in edges:
            return item[at:]
    return ""


# a run of short names, two or three characters each, that 、, 和 or 及 join: the first and the last may have other
# words stuck to them (联动北碚、…、璧山五区), which `_counties` trims
_RUN = re.compile(r"[\u4e00-\u9fff]{2,6}(?:[%s][\u4e00-\u9fff]{2,3})*、[\u4e00-\u9fff]{2,6}" % "".join(JOINED))


def counties(doc: Document, mentions: list[Mention]) -> list[Mention]:
    """`mentions`, and the counties a list names by their short names (北碚、沙坪坝、九龙坡): a county's short name
    is matched nowhere else, being often a word too (七星, 南山), but two or more of them in a list, each of
    a county of a city or province the page names, are the counties."""
    found = []
    for s in doc.sentences:
        if not _a_county_listed(s.text):
            continue
        for run in _RUN.finditer(s.text):
            raws = re.split("[%s]" % "".join(JOINED), run.group())
            items = _counties(doc.text, raws)
            if sum(item is not None for item in items) < 2:
                continue
            at = s.start + run.start()
            for k, (raw, item) in enumerate(zip(raws, items)):
                if item:
                    start = at + (len(raw) - len(item) if k == 0 else 0)      # the first item's county ends it
                    county = Mention(item, "Place", start, start + len(item), s.index, source=COUNTIES)
                    if not any(county.overlaps(n) and not _misread(n, county) for n in mentions):
                        found.append(county)
                at += len(raw) + 1
    if not found:
        return mentions
    # what the model read as a firm or a person in the county's stead (九龙坡 among 北碚、沙坪坝、九龙坡) is the county
    kept = [m for m in mentions if not any(_misread(m, county) for county in found)]
    return sorted(kept + found, key=lambda m: (m.start, m.end))


def _misread(m: Mention, county: Mention) -> bool:
    return (m.start, m.end) == (county.start, county.end) and m.type != "Place"


def _a_county_listed(text: str) -> bool:
    """Whether a county's short name stands before a 、 of `text`: most lists are of other things."""
    shorts = _by_short()
    at = text.find("、")
    while at >= 0:
        if text[max(0, at - 2):at] in shorts or text[max(0, at - 3):at] in shorts:
            return True
        at = text.find("、", at + 1)
    return False


def _counties(page: str, items: list[str]) -> list[str | None]:
    """Each item's county short name, where it is one of a county of a city or province the page names: the
    first item's at its end, the last's at its start, the others whole."""
    named = []
    for k, item in enumerate(items):
        forms = [item] if 0 < k < len(items) - 1 else \
            [item[-n:] for n in (3, 2)] if k == 0 else [item[:n] for n in (3, 2)]
        named.append(next((f for f in forms if _named_county(page, f)), None))
    return named


def _named_county(page: str, short: str) -> bool:
    return any(short_place(p.province) in page or (p.city not in ("市辖区", "县", "") and short_place(p.city) in page)
               for p in _by_short().get(short, ()))


@cache
def _by_short() -> dict[str, list[Place]]:
    """The counties (districts, counties, banners) by their names without 区, 县 or 旗."""
    by_short = defaultdict(list)
    for place in divisions():
        if place.level == "county" and place.name[-1] in "区县旗" and len(place.name) >= 3:
            by_short[place.name[:-1]].append(place)
    return dict(by_short)
