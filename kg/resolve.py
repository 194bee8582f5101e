"""Resolve: turn mentions into the entities they name.

Every surface form gets its entity's canonical name (潍坊 → 潍坊市, 生物医药产业 →
生物医药, 潍坊高新区磁悬浮…项目 → 磁悬浮…项目); 该企业 and its kind take the name of
the nearest entity of their type before them in the article; short names and
abbreviations (北京器检院, 华远重工) join the full name they stand for.
"""
from __future__ import annotations

import re
from functools import lru_cache

from kg.lexicon import is_plain_word, leading_place, leading_zone_name, load, short_place
from kg.model import Document, Entity, Mention, name_key
from kg.recognize.coreference import NAMED_BY_TAIL
from kg.recognize.organisations import tail_continues
from kg.recognize.places import leading_zone_shape
from kg.recognize.tokens import tokenize

_COMPANY_TAIL = re.compile(r"(股份有限公司|有限责任公司|有限公司|集团公司|集团|公司)$")


def canonical(m: Mention) -> str:
    lex = load()
    if m.type == "Zone":
        return canonical_zone(m.text)
    if m.type == "Place" and m.text in lex.places:
        return lex.places[m.text].name
    if m.type == "Project":
        zone = leading_zone(m.text)
        if zone and len(m.text) - len(zone) >= 4:
            return m.text[len(zone):]
    return m.name


@lru_cache(maxsize=1 << 16)
def leading_zone(text: str) -> str:
    """The zone a name begins with: from the gazetteer, else any place followed by 高新区 and the like."""
    return leading_zone_name(text) or leading_zone_shape(text)


def _corefer(doc: Document, mentions: list[Mention]) -> list[Mention]:
    """该企业 → the last company named before it in the same article."""
    article_of = {s.index: a.index for a in doc.articles for s in a.sentences}
    kept = []
    for k, m in enumerate(mentions):
        if m.name == "?":
            antecedent = next((p for p in reversed(mentions[:k]) if p.type == m.type and p.name != "?"
                               and (m.type not in NAMED_BY_TAIL or p.name.endswith(m.text[1:]))
                               and article_of.get(p.sentence) == article_of.get(m.sentence)), None)
            if antecedent is None:
                continue
            m.name = antecedent.name
        kept.append(m)
    return kept


def is_short_form(short: str, long: str) -> bool:
    """北京器检院 of 北京市医疗器械检验研究院, 华远重工 of 山东华远重工有限公司, 星河 of 星河（山东）科技有限公司."""
    if len(short) >= len(long) or len(short) < 2:
        return False
    core = _core(long)
    if long.startswith(short) and _COMPANY_TAIL.search(long) and not _COMPANY_TAIL.search(short):
        return True
    if short == core or (core.startswith(short) and len(short) >= 4):
        return True
    # an abbreviation keeps the first and last characters and the order of the rest
    if short[0] == long[0] and short[-1] == long[-1] and len(short) >= 3:
        it = iter(long)
        return all(ch in it for ch in short)
    return False


@lru_cache(maxsize=1 << 16)
def _core(name: str) -> str:
    """山东华远重工有限公司 → 华远重工: the name without its place, bracketed region and company tail."""
    core = re.sub(r"（[^）]*）", "", _COMPANY_TAIL.sub("", name))
    place = leading_place(core)
    return core[len(place):] if place and len(core) - len(place) >= 2 else core


_QUOTED = re.compile(r"[“‘]([^”’]+)[”’]")


def _same_policy(short: str, long: str) -> bool:
    """“遍访企业” and “遍访企业”行动, 就业见习计划 and 高校毕业生就业见习计划: one policy."""
    a, b = _QUOTED.search(short), _QUOTED.search(long)
    if a and b and a.group(1) == b.group(1):
        return True
    return len(short) >= 4 and long.endswith(short) and len(short) < len(long)


def _same_project(short: str, long: str) -> bool:
    """智能装备制造基地 within 华远机械智能装备制造基地项目: one project."""
    a, b = short.removesuffix("项目"), long.removesuffix("项目")
    return len(a) >= 6 and len(a) < len(b) and a in b


def _merge_short_forms(entities: dict[tuple[str, str], Entity]):
    families = {}       # only a company, body or agency takes another's short form
    for e in entities.values():
        families.setdefault(_family(e.type), []).append(e)
    index = {family: _Candidates(family, members) for family, members in families.items()}
    merged: set[int] = set()
    for key, short in list(entities.items()):
        for other in index[_family(short.type)].of(short.name):
            if other is short or id(other) in merged:
                continue
            if short.type == "Policy":
                merge = len(short.name) <= len(other.name) and _same_policy(short.name, other.name)
            elif short.type == "Project":
                merge = _same_project(short.name, other.name)
            else:
                merge = is_short_form(short.name, other.name)
            if merge:
                other.aliases |= {short.name} | short.aliases
                other.mentions += short.mentions
                for m in short.mentions:
                    m.name = other.name
                del entities[key]
                merged.add(id(short))
                break


def _family(type_: str) -> str:
    return "org" if type_ in ("Company", "Organization", "GovernmentAgency") else type_


class _Candidates:
    """The members of a family a name may be the short form of, in the family's order: only those
    that share the clue every short form shares with its full name, not every member of a large page.

    A short form begins as its full name or its core does (华远重工 of 山东华远重工有限公司); a short
    policy ends as its full one or quotes the same words; a project may lie anywhere in another's name."""

    def __init__(self, family: str, members: list[Entity]):
        self.family, self.members = family, members
        self._by_clue: dict[str, list[int]] = {}
        for k, e in enumerate(members):
            for clue in self._clues(e.name, full=True):
                self._by_clue.setdefault(clue, []).append(k)

    def _clues(self, name: str, full: bool) -> set[str]:
        if self.family == "Project":
            return {""}
        if self.family == "Policy":
            quoted = _QUOTED.search(name)
            return {"end:" + name[-1:], *(["quote:" + quoted.group(1)] if quoted else [])}
        return {name[:1], _core(name)[:1]} if full else {name[:1]}

    def of(self, short: str) -> list[Entity]:
        found = sorted({k for clue in self._clues(short, full=False) for k in self._by_clue.get(clue, ())})
        return [self.members[k] for k in found]


def _parents(entities: dict[tuple[str, str], Entity]):
    """The bodies a name is built on are entities too: 保定高新区党群部 names 保定高新区,
    某某集团华远药业（随州）有限公司 names 某某集团, 北京航空航天大学景德镇研究院 names 北京航空航天大学."""
    lex = load()
    tails = [(t, kind) for t, kind in lex.suffixes if len(t) >= 2 or kind == "GovernmentAgency"]
    for e in [e for e in entities.values() if e.type in _BUILT_ON]:
        # a project keeps its zone in its mentions only (江阴高新区某某校区 → 某某校区)
        zone = next(filter(None, (leading_zone(text) for text in [e.name, *(m.text for m in e.mentions)])), "")
        if zone and zone != e.name and (zone in lex.zones or zone_city(zone)):
            _mentioned_in(entities, e, zone, "Zone", canonical_zone(zone))
        for tail, kind in [(t, kind) for t, kind in tails if t in e.name]:     # a hundred tails, a few in a name
            at = e.name.find(tail, max(1, 4 - len(tail)))     # a parent has at least four characters
            while at != -1:
                prefix = e.name[:at + len(tail)]
                if prefix != e.name and not prefix.startswith(zone or "\0") and prefix not in lex.places \
                        and kind in _PARENT_TYPES[e.type] and not tail_continues(tail, e.name[at + len(tail):at + len(tail) + 1]) \
                        and (e.type != "Project" or tail.endswith(_PROJECT_OWNER_TAILS)):
                    _mentioned_in(entities, e, prefix, kind, prefix)
                at = e.name.find(tail, at + 1)


def _mentioned_in(entities, holder: Entity, prefix: str, kind: str, name: str):
    """Add the entity whose name begins `holder`'s, mentioned where `holder` is."""
    e = entities.setdefault((kind, name_key(name)), Entity(name, kind))
    for m in holder.mentions:
        at = m.text.find(prefix)
        if at != -1:
            e.mentions.append(Mention(prefix, kind, m.start + at, m.start + at + len(prefix), m.sentence, name=name))
            if prefix != name:
                e.aliases.add(prefix)


_BUILT_ON = ("Company", "Organization", "GovernmentAgency", "Project")
_PARENT_TYPES = {"Company": ("Company",), "Organization": ("Organization", "Company"),
                 "GovernmentAgency": ("GovernmentAgency",), "Project": ("Company", "Organization")}
# a project is named after the company or university that builds it, not after a 中心 or 平台
_PROJECT_OWNER_TAILS = ("公司", "集团", "大学", "研究院", "学院", "科学院", "中学", "高中", "学校")


def canonical_zone(text: str) -> str:
    lex = load()
    return lex.zones[text].name if text in lex.zones and text == lex.zones[text].official else text


def _zone_cities(entities: dict[tuple[str, str], Entity]):
    """A zone's city is an entity of the document even when only the zone's name carries it."""
    for zone in [e for e in entities.values() if e.type == "Zone"]:
        city = zone_city(zone.name)
        if not city:
            continue
        place = entities.setdefault(("Place", name_key(city)), Entity(city, "Place"))
        if short_place(city) != city:
            place.aliases.add(short_place(city))
        if not place.mentions:      # the city is read from the zone's name, so that is where it is mentioned
            place.mentions += [Mention(m.text, "Place", m.start, m.end, m.sentence, name=city) for m in zone.mentions[:1]]


def zone_city(zone: str) -> str:
    """潍坊高新区 → 潍坊市: from the gazetteer, else from the place its name begins with."""
    lex = load()
    place = leading_place(zone)
    if place and lex.places[place].level in ("city", "county", "province"):
        return lex.places[place].name
    if zone in lex.zones:
        return lex.zones[zone].city
    m = re.search(r"（([^）]{2,4})）", zone)
    if m and m.group(1) in lex.places:
        return lex.places[m.group(1)].name
    return ""


def _project_owners(doc: Document):
    """某某卫星柔性化…基地项目 … 某某卫星致力于…: the name a project begins with, when it also
    opens a clause of its own elsewhere on the page, is the company that builds it."""
    taken = [(m.start, m.end) for m in doc.mentions]
    found = []
    for project in {m.name for m in doc.mentions if m.type == "Project"}:
        for owner in _leading_names(project):
            at = [a for a in _occurrences(doc.text, owner) if _opens_clause(doc.text, a)
                  and not any(s < a + len(owner) and a < e for s, e in taken)]
            if at:
                for a in at:
                    sentence = _sentence_of(doc, a)
                    if sentence is not None:
                        found.append(Mention(owner, "Company", a, a + len(owner), sentence))
                break
    doc.mentions = sorted(doc.mentions + found, key=lambda m: m.start)


def _leading_names(project: str):
    """The candidate owner names a project's name begins with, longest first: whole words, four to eight characters."""
    lex = load()
    ends = [t.end for t in tokenize(project) if 4 <= t.end <= 8 and t.end < len(project) - 2]
    for end in sorted(ends, reverse=True):
        name = project[:end]
        if name not in lex.industries and not leading_place(name) and not leading_zone(name) \
                and not is_plain_word(name, min_freq=1):
            yield name


def _sentence_of(doc: Document, at: int) -> int | None:
    return next((s.index for s in doc.sentences if s.start <= at < s.end), None)


def _opens_clause(text: str, at: int) -> bool:
    return at == 0 or text[at - 1] in "，。；：！？\n" or text[max(0, at - 2):at] in ("此次", "目前", "其中")


def _add_short_mentions(doc: Document):
    """Find the short forms of the bodies the page names in full (华远重工, 北京器检院)."""
    taken = {(m.start, m.end) for m in doc.mentions}
    inside: set[tuple[int, int]] = set()
    found = []
    names = {(m.name, m.type) for m in doc.mentions if m.type in ("Company", "Organization") and len(m.name) >= 6}
    for name, type_ in sorted(names):
        for short in _short_candidates(name, doc.text):
            for at in _occurrences(doc.text, short):
                span = (at, at + len(short))
                within = {(a, b) for a, b in taken if span[0] <= a and b <= span[1]}
                # a shorter mention inside the short form (北京 in 北京器检院) gives way to it
                if any(a < span[1] and span[0] < b for a, b in taken - within):
                    continue
                sentence = _sentence_of(doc, at)
                if sentence is not None:
                    found.append(Mention(short, type_, span[0], span[1], sentence, name=name))
                    taken.add(span)
                    inside |= within
    kept = [m for m in doc.mentions if (m.start, m.end) not in inside]
    doc.mentions = sorted(kept + found, key=lambda m: m.start)


def _short_candidates(name: str, text: str) -> set[str]:
    shorts = {_core(name)}
    if "（" in name:
        shorts.add(name.split("（")[0])      # 星河（山东）科技有限公司 → 星河
    # abbreviations that keep the first and last characters: 北京器检院 for 北京市医疗器械检验研究院
    last = name[-1]
    for at in _occurrences(text, last):
        for k in range(3, 7):
            candidate = text[at - k + 1:at + 1]
            if len(candidate) == k and candidate[0] == name[0] and not re.search(r"[，。、；：\s]", candidate) \
                    and is_short_form(candidate, name):
                shorts.add(candidate)
    return {s for s in shorts if len(s) >= 3 and s != name and s not in load().places}


def _occurrences(text: str, word: str):
    at = text.find(word)
    while at != -1:
        yield at
        at = text.find(word, at + len(word))


def resolve(doc: Document) -> Document:
    for m in doc.mentions:
        if m.name != "?":
            m.name = canonical(m)
    _project_owners(doc)
    _add_short_mentions(doc)
    doc.mentions = _corefer(doc, doc.mentions)
    bylines = {(n, s) for a in doc.articles for n, s, _ in a.bylines}
    entities: dict[tuple[str, str], Entity] = {}
    for m in doc.mentions:
        e = entities.setdefault((m.type, name_key(m.name)), Entity(m.name, m.type))
        e.mentions.append(m)
        if m.text != m.name and not m.text.startswith("该"):
            e.aliases.add(m.text)
        e.byline = e.byline or (m.text, m.start) in bylines
    _merge_short_forms(entities)
    _parents(entities)
    _zone_cities(entities)
    for e in entities.values():
        e.aliases.discard(e.name)
    doc.entities = list(entities.values())
    return doc
