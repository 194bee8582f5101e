"""A place's own government bodies: 开化县委, 镇江市政协, 润州区人大常委会.

A province, city or county is run by its Party committee (某市委), the standing
committee of its people's congress (人大常委会), its government (人民政府) and its
political consultative conference (政协), and news names each by the place and the
body's short name. The gazetteer finds the place, and the model often stops there
too: a place followed by one of these is a government body, which derive puts in
the place again (kg/derive). Named by its level alone (省委, 市委书记, 区政协主席), the body
is that of the last place of that level the page named before it, short (镇江) or
whole, or a zone's name carried (ANNOTATION.md: 市委 on a page about 镇江 is 镇江市委;
after 潍坊高新区, 潍坊市委); where none was named before it (区委书记… in a page's
lead), that of the first named after it; what the model read of it without its level (发改委 of
市发改委) is part of it.
A committee and a government named as one (嘉兴市委市政府) are two bodies.
So is a department a place or a zone names after it (某省科技厅, 某市发改委, 某高新区投促中心,
kg/data/government_departments.txt).
"""
from __future__ import annotations

import re
from functools import cache

from kg.lexicon import LEVELS, any_of, load
from kg.model import Document, Mention

SOURCE = "government"
# the bodies of a place, a longer name before its part; 委 but not 委托 (entrusts) or 委员 (a member)
_BODY = re.compile(r"人大常委会|委员会|人民政府|政府|政协|纪委|委(?![托员屈])")
# 市委组织部: a department of the committee named by its level, named after the place as the committee is
_BY_LEVEL = re.compile(r"([省市区县州])(委(?:组织部|宣传部|统战部|政法委|办公室|办公厅)|%s)" % _BODY.pattern)


# 嘉兴市委市政府, 省委省政府: a place's Party committee and its government named as one, which are two bodies
_PAIRED = re.compile(r"(.*([省市区县州])委)(\2(?:人民)?政府)")


def governments(doc: Document, mentions: list[Mention]) -> list[Mention]:
    """`mentions`, with each place that a government body's name follows made that body's mention, and each
    pair of a place's committee and government named as one made two."""
    kept: list[Mention] = []
    for m in [part for m in mentions for part in _apart(m)]:
        if kept and kept[-1].source == SOURCE and m.start < kept[-1].end:
            continue        # what the model read of the body's name (政协) is in the body's mention now
        body = _body_after(doc.text, m)
        if body:
            m = Mention(m.text + body.group(), "GovernmentAgency", m.start, body.end(), m.sentence, source=SOURCE)
        kept.append(m)
    return _by_level(doc, kept)


def _body_after(text: str, m: Mention) -> re.Match | None:
    """The government body or department whose name follows the place or zone `m` at once, if any."""
    place = m.type == "Place" and m.text.endswith(LEVELS)
    if not place and m.type != "Zone":
        return None
    return _departments().match(text, m.end) or (_BODY.match(text, m.end) if place else None)


@cache
def _departments() -> re.Pattern:
    return any_of(load().departments)


def _apart(m: Mention) -> list[Mention]:
    """嘉兴市委市政府 → 嘉兴市委, and 市政府 named 嘉兴市政府; 省委省政府 → 省委, 省政府."""
    paired = _PAIRED.fullmatch(m.text) if m.type == "GovernmentAgency" else None
    if paired is None:
        return [m]
    committee, government = paired.group(1), paired.group(3)
    cut = m.start + len(committee)
    return [Mention(committee, m.type, m.start, cut, m.sentence, source=SOURCE),
            Mention(government, m.type, cut, m.end, m.sentence, name=committee[:-2] + government, source=SOURCE)]


def _by_level(doc: Document, mentions: list[Mention]) -> list[Mention]:
    """`mentions`, with each body named by its level alone (市委, 区政协), found or not, named after the last
    place of that level mentioned before it, or else the first after it."""
    from kg.resolve import canonical, zone_places      # late: resolve imports the recognisers, and this is one

    lex = load()
    # a place named short (镇江) is the place its full name (镇江市) names
    places = [(m.start, name) for m in mentions if m.type in ("Place", "Zone")
              for name in ([canonical(m)] if m.type == "Place" else zone_places(m.name)) if name.endswith(LEVELS)]
    places += [(m.start, body.group(1)) for m in mentions if m.type == "GovernmentAgency"       # 绍兴市委…市政府
               and (body := _of_place().fullmatch(m.name)) and body.group(1) in lex.places]
    places.sort()

    def place(level: str, start: int) -> str:
        of_level = [(at, name) for at, name in places if name[-1] == level]
        before = [name for at, name in of_level if at < start]
        return before[-1] if before else of_level[0][1] if of_level else ""

    found, inside = [], []
    for m in mentions:
        body = next(_by_level_bodies(m.text, whole=True), None) if m.type == "GovernmentAgency" else None
        if body and (named := place(body.group(1), m.start)):
            m.name = named + body.group(2)
    for s in doc.sentences:
        for body in _by_level_bodies(s.text):
            start, end = s.start + body.start(), s.start + body.end()
            named = place(body.group(1), start)
            read = [m for m in mentions if m.start < end and start < m.end]
            # 发改委 of 市发改委: the model's body without its level gives way to the whole
            if named and all(m.type == "GovernmentAgency" and start < m.start and m.end <= end for m in read):
                inside += read
                found.append(Mention(body.group(), "GovernmentAgency", start, end, s.index,
                                     name=named + body.group(2), source=SOURCE))
    if not found:
        return mentions
    kept = [m for m in mentions if all(m is not part for part in inside)]
    return sorted(kept + found, key=lambda m: (m.start, m.end))


def _by_level_bodies(text: str, whole: bool = False):
    """The bodies `text` names by their level alone (市委, 区政协, 市委组织部), and the departments (市发改委,
    《省编委办…》) where no name runs into the level; with `whole`, only one that is all of `text`."""
    for pattern in (_BY_LEVEL, _department_by_level()):
        if not whole:
            yield from pattern.finditer(text)
        elif found := pattern.fullmatch(text):
            yield found


@cache
def _of_place() -> re.Pattern:
    """A body or a department named after its place (绍兴市委, 芜湖市发改委): the place, group 1."""
    return re.compile(r"(.+[%s])(?:%s|%s)" % ("".join(LEVELS), _BODY.pattern, _departments().pattern))


@cache
def _department_by_level() -> re.Pattern:
    # after a character of a name (福建省发改委 read as no place), the level is the name's, not a body's own
    return re.compile(r"(?:(?<![\u4e00-\u9fff])|(?<=[与和及从向由在至对经]))([省市区县州])(%s)" % _departments().pattern)
