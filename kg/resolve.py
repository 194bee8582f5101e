"""Resolve: turn mentions into the entities they name.

Every surface form gets its entity's canonical name (潍坊 → 潍坊市, 生物医药产业 →
生物医药, 潍坊高新区磁悬浮…项目 → 磁悬浮…项目); 该企业 and its kind take the name of
the nearest entity of their type before them in the article; short names and
abbreviations (北京器检院, 华远重工) join the full name they stand for, and so do a
body's name read with its front cut off (海川电机公司 of 星海海川电机公司) and a project
named again shorter (星导新材料产业园 of 星导（昆明）新材料科技产业园, 欧星光项目).
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

from kg.lexicon import (LEVELS, PARTY, ZONE_TAILS, any_of, division_stems, is_plain_word, kind_forms, leading_place,
                        leading_zone_name, load, page_of)
from kg.model import BODIES, Document, Entity, Mention, name_key
from kg.recognize.coreference import NAMED_BY_TAIL, OUR_SCHOOL, REFERENCE, our_school, tails
from kg.recognize.coreference import SOURCE as COREFERENCE
from kg.recognize.gazetteer import abbreviations, leading_abbreviation, leading_zone_shape
from kg.recognize.learned import SOURCE as MODEL
from kg.recognize.short_forms import COMPANY_TAIL, in_order, is_short_form, name_core


def canonical(m: Mention) -> str:
    lex = load()
    if m.type == "Zone":
        return canonical_zone(m.name)       # a park called by its own name (kg/recognize/parks.py) is named whole
    if m.type == "Place" and m.text in lex.places:
        return lex.places[m.text].name
    if m.type == "Project":
        zone = leading_zone(m.text)
        if zone and len(m.text) - len(zone) >= 4:
            return m.text[len(zone):]
    if m.type == "Industry":
        tail = _INDUSTRY_TAIL.search(m.text)
        if tail and tail.start() >= 2:
            return m.text[:tail.start()]    # 生物医药产业, 工程机械集群 → 生物医药, 工程机械, as SCHEMA.md names industries
    return m.name


_INDUSTRY_TAIL = re.compile(r"(?:产业集群|产业链|产业群|产业|集群)$")
# 某某光电（ABC）, 世界卫生组织（WHO）: the abbreviation in Latin letters a body goes by, in brackets after its name
_LATIN_ABBREVIATION = r"[A-Za-z][A-Za-z0-9&.\-]{1,9}"
_ABBREVIATED = re.compile(rf"（{_LATIN_ABBREVIATION}）$")


def _without_abbreviation(m: Mention):
    """A body's mention read with the abbreviation after its name (某某光电（ABC）) ends before it: the
    abbreviation is one of the body's names, not part of its name (ANNOTATION.md), which `_merge_called` reads
    there as it does where the two were read apart."""
    found = _ABBREVIATED.search(m.text) if m.type in BODIES else None
    if found and found.start() >= 2:
        named = m.name == m.text
        m.text, m.end = m.text[:found.start()], m.start + found.start()
        m.name = m.text if named else m.name


@lru_cache(maxsize=1 << 16)
def leading_zone(text: str) -> str:
    """The zone a name begins with: from the gazetteer, else any place followed by 高新区 and the like."""
    return leading_zone_name(text) or leading_zone_shape(text)


def zone_in_name(name: str) -> str:
    """The zone a name begins with, or that begins after the broader places before it (四川德阳|广汉高新区创新创业
    服务中心 names 广汉高新区, as 广汉高新区创新创业服务中心 does), or ''."""
    return leading_zone(name) or next(filter(None, (leading_zone(name[end:]) for end, _ in _place_runs(name))), "")


def _corefer(doc: Document, mentions: list[Mention]) -> list[Mention]:
    """该企业 → the last company named before it in the same article; 我校 → the university named before it, or
    else the one the first of the article's bodies named after it begins with (某某学院 of 某某学院某某研究院)."""
    article_of = {s.index: a.index for a in doc.articles for s in a.sentences}
    kept = []
    for k, m in enumerate(mentions):
        if m.name == REFERENCE:
            article = article_of.get(m.sentence)
            antecedent = next((p.name for p in reversed(mentions[:k]) if p.type == m.type and p.name != REFERENCE
                               and (m.type not in NAMED_BY_TAIL or p.name.endswith(tails(m.text)))
                               and article_of.get(p.sentence) == article), None)
            if antecedent is None and m.text == OUR_SCHOOL:
                antecedent = our_school([p for p in mentions if p.type == m.type and p.name != REFERENCE
                                         and article_of.get(p.sentence) == article])
            if antecedent is None:
                continue
            m.name = antecedent
        kept.append(m)
    return kept


_QUOTED = re.compile(r"[“‘]([^”’]+)[”’]")
# a document's number: the issuer's abbreviation, the year in 〔〕 and the number (国办发〔2017〕7号)
_DOCUMENT_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,8}[〔\[［(（]\d{4}[〕\]］)）]\d+号")


def _numbered(doc: Document):
    """A document's number written beside its title, before it or in brackets after it (《关于…的意见》
    （某发〔2017〕7号）), names the same policy, there and wherever else the page writes it."""
    policies = sorted((m for m in doc.mentions if m.type == "Policy"), key=lambda m: m.start)
    named = {}
    for a, b in zip(policies, policies[1:]):
        between = doc.text[a.end:b.start].strip()
        a_number, b_number = _DOCUMENT_NUMBER.fullmatch(a.text), _DOCUMENT_NUMBER.fullmatch(b.text)
        if b_number and not a_number and between in ("", "（", "("):       # the title, then its number
            named.setdefault(b.text, a.name)
        elif a_number and not b_number and not between:                     # the number, then its title
            named.setdefault(a.text, b.name)
    for m in policies:
        m.name = named.get(m.text, m.name)


def _same_policy(short: str, long: str) -> bool:
    """“遍访企业” and “遍访企业”行动, 就业见习计划 and 高校毕业生就业见习计划: one policy."""
    a, b = _QUOTED.search(short), _QUOTED.search(long)
    if b and b.group(1) == (a.group(1) if a else short):      # 双招双引 of “双招双引”行动 too
        return True
    return len(short) >= 4 and long.endswith(short) and len(short) < len(long)


def _same_project(short: str, long: str) -> bool:
    """智能装备制造基地 within 华远机械智能装备制造基地项目, or 华远机械智能装备制造基地 without 项目: one project;
    and 新型材料项目 of 华远集团新型材料项目, named without its company, where four characters or more say what;
    quotation marks aside (“一站式”星河维修基地 of 全球一站式星河维修基地)."""
    a, b = _project_core(short), _project_core(long)
    if len(a) >= 4 and len(short) < len(long) and long.endswith(short):
        return True
    return len(a) >= 6 and (len(a) < len(b) and a in b or a == b and short != long) or _abridged(a, b)


def _abridged(short: str, long: str) -> bool:
    """星导新材料园 of 星导（昆明）新材料科技园, 金星国际医药城 of 金星药业国际医药城: a project named
    again with words of its name left out, its first two characters and its last kept, six or more."""
    return 6 <= len(short) < len(long) and short[:2] == long[:2] and short[-1] == long[-1] and in_order(short, long)


def _project_core(name: str) -> str:
    """A project's name without its quotation marks and 项目 (“星湖工业园”项目 → 星湖工业园)."""
    return _QUOTED.sub(r"\1", name).removesuffix("项目")


def _by_builder(short: str, long: str, projects: list[str]) -> bool:
    """欧星光项目 of 欧星光光学光电园项目: a project named by its builder and 项目, where the builder's name
    (three characters or more, no industry) begins one project of the page alone."""
    builder = short.removesuffix("项目")
    return short.endswith("项目") and len(builder) >= 3 and long.startswith(builder) and len(long) > len(short) \
        and builder not in load().industries and sum(p.startswith(builder) for p in projects if p != short) == 1


def _merge_short_forms(entities: dict[tuple[str, str], Entity]):
    families = {}       # only a company, body or agency takes another's short form
    for e in entities.values():
        families.setdefault(_family(e.type), []).append(e)
    index = {family: _Candidates(family, members) for family, members in families.items()}
    projects = [e.name for e in families.get("Project", ())]
    merged: set[int] = set()
    for key, short in list(entities.items()):
        for other in index[_family(short.type)].of(short.name):
            if other is short or id(other) in merged:
                continue
            if short.type == "Policy":
                merge = len(short.name) <= len(other.name) and _same_policy(short.name, other.name)
            elif short.type == "Project":
                merge = _same_project(short.name, other.name) or _by_builder(short.name, other.name, projects)
            elif short.type == "Zone" and zone_record(short.name):
                merge = False       # a lexicon zone is a zone of its own, not the short form of its park's name
            else:
                merge = is_short_form(short.name, other.name) or short.type == other.type == "Company" \
                    and _without_trade(short.name, other.name)
            if merge:
                _merge_into(other, short)
                del entities[key]
                merged.add(id(short))
                break


def _without_trade(short: str, long: str) -> bool:
    """星跃 of 星跃医疗, 星海 of 星海药业有限公司: a company named without its one trade word (and its tail)."""
    return long.startswith(short) and COMPANY_TAIL.sub("", long)[len(short):] in load().trades


def _merge_cut_names(entities: dict[tuple[str, str], Entity]):
    """海川电机公司 of 星海海川电机公司: a body's name of four characters or more that ends one other body's name
    on the page, or one of its names (高开区管委会 of 临江高开区管委会, the short name of 临江高新技术产业开发区管委会),
    is that body's, its front cut off (the model began late: 致辞，星海|海川电机公司). Where the
    longer one is the misreading (某某主事临江管理局), the shorter stays one of its names, which facts match."""
    bodies = [e for e in entities.values() if _family(e.type) == "org"]
    for key, e in list(entities.items()):
        if _family(e.type) != "org" or len(e.name) < 4:
            continue
        longer = [b for b in bodies if b is not e and any(len(n) > len(e.name) and n.endswith(e.name)
                                                          for n in (b.name, *b.aliases))]
        if len(longer) == 1:
            _merge_into(longer[0], e)
            del entities[key]
            bodies.remove(e)


_PEOPLES = re.compile("人民政府$")      # 青海省人民政府 is the 省政府 a page names after it


def merge_levelled(entities: dict[tuple[str, str], Entity]):
    """省委, 区政府, 省科学院: a body named by the level of its place alone is the one body of the page with that name
    after its place (安徽省委, 长春市朝阳区政府, 甘肃省科学院), where there is one."""
    bodies = [e for e in entities.values() if _family(e.type) == "org" and leading_place(e.name)]
    for key, e in list(entities.items()):
        if _family(e.type) != "org" or not e.name.startswith(LEVELS) or leading_place(e.name):
            continue
        full = [b for b in bodies if b.type == e.type and b.name != e.name
                and _PEOPLES.sub("政府", b.name).endswith(_PEOPLES.sub("政府", e.name))]
        if len(full) == 1:
            _merge_into(full[0], e)
            del entities[key]


def _inner_names(e: Entity) -> set[str]:
    """The shorter names news gives a government body: without 中共 (中共湖南省委 → 湖南省委), and without the
    broader places before its own place or zone (深圳市宝安区委 → 宝安区委, 湖北省武汉市东湖高新区管委会 →
    东湖高新区管委会)."""
    if e.type != "GovernmentAgency":
        return set()
    names = {e.name.removeprefix(PARTY)} if e.name.startswith(PARTY) and len(e.name) > 4 else set()
    runs = list(_place_runs(e.name))
    if len(runs) >= 2 and len(e.name) - runs[-2][0] > len(runs[-1][1]):
        names.add(e.name[runs[-2][0]:])        # the last place and the body's own name
    if runs and leading_zone(e.name[runs[-1][0]:]):
        names.add(e.name[runs[-1][0]:])         # the zone and the body's own name
    return names


def _merge_zones(entities: dict[tuple[str, str], Entity]):
    """Zones that are one zone of the lexicon (东湖高新区, 中国光谷, 湖北省武汉市东湖高新区) are one entity, named as
    first named, and so are the bodies named after them (东湖高新区管委会, 武汉东湖高新区管委会)."""
    first: dict[tuple[str, str, str], Entity] = {}
    for key, e in list(entities.items()):
        same = zone_key(e.type, e.name)
        if same is None:
            continue
        kept = first.setdefault(same, e)
        if kept is not e:
            _merge_into(kept, e)
            del entities[key]


def _merge_zone_short_forms(entities: dict[tuple[str, str], Entity]):
    """A zone named by its name's first word, alone or with the kind its full name ends in (前海 of 前海合作区,
    中关村示范区 of 中关村国家自主创新示范区, 张江园区 of 上海市张江高科技园区), is that zone where the page names one such.
    A place's name (成都 of 成都高新区) names any zone of the place, and a zone's name begins its parks' names
    (中关村延庆园, 某经开区某片区): neither is merged."""
    zones = [e for e in entities.values() if e.type == "Zone"]
    for key, e in list(entities.items()):
        if e.type != "Zone":
            continue
        kind = _KIND_AT_END.search(e.name)
        lead = e.name[:kind.start()] if kind else e.name
        if len(lead) < 2 or lead in load().places:
            continue
        full = [z for z in zones if z is not e and len(z.name) > len(e.name) and not _park_of(z.name, e.name)
                and _without_places(z.name).startswith(lead) and (kind is None or z.name.endswith(kind.group()))]
        if len(full) == 1:
            _merge_into(full[0], e)
            del entities[key]
            zones.remove(e)


def _merge_kinds_with_district(entities: dict[tuple[str, str], Entity]):
    """开发区（头屯河区）: a zone named by its kind alone, with the district that runs with it in brackets, is the one
    zone of the page whose name ends in that kind (乌鲁木齐经济技术开发区（头屯河区）)."""
    zones = [e for e in entities.values() if e.type == "Zone"]
    for key, e in list(entities.items()):
        alone = _KIND_AND_DISTRICT.fullmatch(e.name) if e.type == "Zone" else None
        if alone is None:
            continue
        full = [z for z in zones if z is not e and not _KIND_AND_DISTRICT.fullmatch(z.name)
                and _BRACKETED.sub("", z.name).endswith(alone.group(1))]
        if len(full) == 1:
            _merge_into(full[0], e)
            del entities[key]


_KINDS = any_of(ZONE_TAILS).pattern      # every kind of zone, the longest first
_KIND_AND_DISTRICT = re.compile(r"(%s)[（(][^）)]+[）)]" % _KINDS)
_BRACKETED = re.compile(r"[（(][^）)]*[）)]")


def _merge_parks_built(entities: dict[tuple[str, str], Entity]):
    """A park the page names as a project too (星湖产业园 and 星湖产业园项目, “星湖工业园”项目) is that project, as
    ANNOTATION.md has it, where it is no zone of the lexicon. A company's name before 项目 stays the company's."""
    projects = {_project_core(e.name): e for e in entities.values() if e.type == "Project"}
    for key, park in list(entities.items()):
        project = projects.get(park.name)
        if park.type != "Zone" or project is None or project.name == park.name or zone_record(park.name):
            continue
        for m in park.mentions:
            m.type = "Project"
        _merge_into(project, park)
        del entities[key]


def _park_of(name: str, zone: str) -> bool:
    """Whether `name` is a park's: a zone's name and more than a kind (中关村延庆园), not 前海合作区 of 前海."""
    return bool(zone_of_park(name)) or name.startswith(zone) and not _KIND_AT_END.fullmatch(name[len(zone):])


def _without_places(name: str) -> str:
    prefixes = _place_prefixes(name)
    return name[len(prefixes[-1]):] if prefixes else name


_KIND_AT_END = re.compile("(?:%s)$" % _KINDS)
# the kinds a zone is called by alone; 园区 and 产业园 call any park so
_ANY_KIND = any_of({form for kind in ZONE_TAILS if not kind.endswith(("园区", "园")) for form in kind_forms(kind)})


def zone_key(type_: str, name: str) -> tuple[str, str, str] | None:
    """What two names of a zone, or of a body named after it, share when they name one thing: (type, the zone's
    official name, the rest of the name); None for other names."""
    zone = name if type_ == "Zone" else leading_zone(name) if type_ == "GovernmentAgency" else ""
    record = zone_record(zone) if zone else ""
    return (type_, record, name[len(zone):]) if record else None


# 某某自由贸易试验区（以下简称“某某自贸区”）, 某某注射液（商品名：某某）: the name a page says it calls a thing by
# and 某某组织（ABC）: an abbreviation in Latin letters in brackets right after a name is a name it goes by too
_CALLED = re.compile(r"（(?:(?:以下)?(?:简称|商品名)[：:]?[“「]?([^“”「」（）()，,。、：:？?]{2,12})[”」]?[^（）]{0,12}"
                     rf"|({_LATIN_ABBREVIATION}))）")


def _merge_called(doc: Document, entities: dict[tuple[str, str], Entity]):
    """The name a page says it calls a thing by, in brackets right after its name (以下简称, 简称, 商品名, or an
    abbreviation in Latin letters), is one of that thing's names: what was read there (a brand read as a person)
    is that thing, of its type. A word for the thing's kind (以下简称“公司”, “本项目”) names none here: an
    announcement's 公司 is read as its firm's mention wherever it stands (kg/recognize/coreference.py)."""
    ends = {m.end: e for e in entities.values() for m in e.mentions}
    for called in _CALLED.finditer(doc.text):
        thing, name = ends.get(called.start()), called.group(1) or called.group(2)
        if thing is None or is_plain_word(name) or name.startswith(("本", "该")) \
                or not any(e is thing for e in entities.values()):      # merged into another already
            continue
        for key, other in list(entities.items()):
            if other is not thing and name_key(name) in {name_key(n) for n in (other.name, *other.aliases)}:
                for m in other.mentions:
                    m.type = thing.type
                _merge_into(thing, other)
                del entities[key]
        thing.aliases.add(name)


def _merge_into(kept: Entity, other: Entity):
    kept.aliases |= {other.name} | other.aliases
    kept.mentions += other.mentions
    for m in other.mentions:
        m.name = kept.name


def _family(type_: str) -> str:
    return "org" if type_ in BODIES else type_


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
            return {"end:" + name[-1:], "quote:" + (quoted.group(1) if quoted else name)}
        return {name[:1], name_core(name)[:1]} if full else {name[:1]}

    def of(self, short: str) -> list[Entity]:
        found = sorted({k for clue in self._clues(short, full=False) for k in self._by_clue.get(clue, ())})
        return [self.members[k] for k in found]


@lru_cache(maxsize=1 << 12)
def zone_record(name: str) -> str:
    """The official name of the lexicon zone `name` is a form of, or '': 东湖高新区, 武汉东湖高新区 and 中国光谷 are
    forms the lexicon gives; 湖北省武汉市东湖高新区 (places before it), 贵阳国家高新区 (国家), 襄阳市高新区 (市) and
    襄阳高新技术开发区 (a long tail written short) are forms news gives them."""
    zones = load().zones
    for form in _zone_forms(name):
        if form in zones:
            return zones[form].official
    return ""


def _zone_forms(name: str):
    name = _DISTRICT.sub("", name)      # 某经济技术开发区（某某区）, 某高新区·某某区: the district that shares its administration
    for form in [name, *(name[len(p):] for p in _place_prefixes(name))]:
        bare = form.replace("国家", "", 1)
        for f in dict.fromkeys([form, bare, _without_shi(bare)]):     # in order: the first found wins
            yield f
            yield re.sub(r"高新技术(?:产业)?开发区$|高新技术产业园区$", "高新区", f)


def _without_shi(name: str) -> str:
    """襄阳高新区 of 襄阳市高新区, 乌鲁木齐高新区 of 乌鲁木齐市高新区: a city's name without 市 before a zone's."""
    place = leading_place(name)
    return name[:len(place) - 1] + name[len(place):] if place.endswith("市") and len(place) >= 3 else name


_DISTRICT = re.compile(r"（[^（）]{2,8}[区县市]）$|·[^·]{2,8}[区县市]$")


def _place_prefixes(name: str) -> list[str]:
    """The places a name begins with, each with those before it: 湖北省武汉市… → 湖北省, 湖北省武汉市."""
    return [name[:end] for end, _ in _place_runs(name)]


def _place_runs(name: str):
    """(where it ends, the place) of each place a name begins with, one after another."""
    at = 0
    while place := leading_place(name[at:]):
        at += len(place)
        yield at, place


def canonical_zone(text: str) -> str:
    """A lexicon zone's name as news calls it (某某高新技术产业开发区 → 某某高新区; 哈新区, a short form of one
    zone's, → 哈尔滨新区); any other name as it is."""
    lex = load()
    if text in lex.zones and text == lex.zones[text].official:
        return lex.zones[text].name
    return abbreviations().get(text, (text,))[0]


def lexicon_names(doc: Document) -> Document:
    """Each zone of the lexicon takes the lexicon's name, whatever form the page gives it (中国光谷, 襄阳市高新区,
    湖南长沙高新区 → 东湖高新区, 襄阳高新区, 长沙高新区), and so does a body named after one in front of its own
    (武汉东湖新技术开发区管委会 → 东湖高新区管委会), and a national academy (中科院 → 中国科学院,
    kg/data/academies.txt); the page's forms stay aliases, so that pages naming one thing differently meet in
    one node of the graph. The last naming, after the facts are read: the stages before go by
    the page's own names. A zone named after places of its own is no lexicon zone of another place (绍兴滨海新区
    is not 天津's 滨海新区), and a name another entity of the page has already is left alone."""
    taken = {(e.type, name_key(e.name)) for e in doc.entities}
    for e in doc.entities:
        name = _lexicon_name(e.type, e.name)
        if name and (e.type, name_key(name)) not in taken:
            taken.add((e.type, name_key(name)))
            e.aliases = (e.aliases | {e.name}) - {name}
            e.name = name
            for m in e.mentions:
                m.name = name
    return doc


def own_bodies(doc: Document) -> Document:
    """A body still named by its level alone after the namings (省委 of a page that names no province, 市发改委) is
    its page's own: one node of the graph a page, not one for every page's 省委."""
    for e in doc.entities:
        e.page = page_of(e.type, e.name, doc.id)
    return doc


def _lexicon_name(type_: str, name: str) -> str:
    """The name of a zone, or of a body named after one, with the lexicon's name of the zone, where the places
    the name begins with are the zone's own; an academy's official name; '' for other names."""
    if type_ == "Organization":
        return load().academies.get(name, "")
    key = zone_key(type_, name)
    if key is None:
        return ""
    _, record, rest = key
    known = load().zones[record]
    zone = name[:len(name) - len(rest)]
    return known.name + rest if all(places_agree(known.city or known.province, p) for p in leading_places(zone)) \
        else ""


def zone_front(name: str) -> str:
    """The lexicon zone's name, or short form of one (哈新区 of 哈尔滨新区), that `name` begins with, or ''."""
    return leading_zone_name(name) or leading_abbreviation(name)


def zone_of_park(name: str) -> str:
    """The zone a park's name begins with (某某高新区某某园区 → 某某高新区, kg/recognize/parks.py), as the lexicon
    calls it; '' for a name that is no park's."""
    zone = zone_front(name)
    if not zone or zone == name or name[len(zone)] in "（(":
        return ""       # 某经开区（某区）: the zone itself, with the district it is one with
    return canonical_zone(zone)


def main_zone(mentions: Iterable[Mention], text: str = "", at: int = 0) -> str:
    """The name of the zone an article is about, of its mentions: the one it names most often, a park's name
    naming its zone too (某某高新区某某园区 names 某某高新区); '' for an article that names none. Named as often
    as its park, the zone is the one (区党工委书记 heads the zone). Where the article's `text` (beginning at
    `at` in its page) is given, the zone is called by its kind alone too (经开区举行…), where it is the only
    zone of that kind named."""
    zones = [m for m in mentions if m.type == "Zone"]
    counts = Counter(name for m in zones for name in (zone_of_park(m.name), m.name) if name)
    if text:
        counts.update(_by_kind_alone(text, at, zones, list(counts)))
    # a zone named only in its park's name (某某新区某某片区, no 某某新区 on its own) is the article's over the park
    # where its own bodies act there, called by their kind alone (区党工委书记…, 管委会主任…)
    named = {m.name for m in zones} if text and not _BARE_BODY.search(text) else set(counts)
    return max(counts, key=lambda name: (counts[name], name in named)) if counts else ""


# 区党工委, 管委会 with no name before them: the article's zone's own bodies
_BARE_BODY = re.compile(r"(?:^|[^\u4e00-\u9fff])区?(?:党工委|管委会)")


def _by_kind_alone(text: str, at: int, zones: list[Mention], names: list[str]) -> Counter:
    """How often `text` calls each zone by its kind outside the zones' names, where no other zone named has
    that kind."""
    named_by: dict[str, set[str]] = {}         # a form of a kind → the zones named of that kind
    for name in names:
        kind = _KIND_AT_END.search(name)
        for form in kind_forms(kind.group()) if kind and kind.start() > 0 else ():
            named_by.setdefault(form, set()).add(name)
    counts: Counter = Counter()
    for start, kind in _kinds_in(text):
        zone = named_by.get(kind, ())
        if len(zone) == 1 and not any(z.start <= at + start < z.end for z in zones):
            counts[next(iter(zone))] += 1
    return counts


@lru_cache(maxsize=64)
def _kinds_in(text: str) -> tuple[tuple[int, str], ...]:
    """Where `text` names a kind of zone, and which: the longest kind at each place (高新区, not the 新区 in
    it). An article's zone is asked for by several stages, each scanning its text."""
    return tuple((k.start(), k.group()) for k in _ANY_KIND.finditer(text))


def zone_city(zone: str) -> str:
    """潍坊高新区 → 潍坊市: the narrowest of zone_places."""
    places = zone_places(zone)
    return places[-1] if places else ""


def carried_places(e: Entity) -> list[str]:
    """The places an entity's names carry, which it lies in: those of any of a zone's names (河北雄安新区, an alias
    of 雄安新区, carries 河北省), and of a government body named after places, not a zone (天津市宝坻区政府)."""
    if e.type == "Zone":
        own = zone_places(e.name)
        # a short name the page uses (滨海新区 of 宁波滨海新区) may be another zone's in the lexicon: its places
        # count only where they agree with those the zone's own name carries
        return list(dict.fromkeys([*own, *(p for name in sorted(e.aliases) for p in zone_places(name)
                                          if not own or any(places_agree(p, o) for o in own))]))
    if e.type == "GovernmentAgency" and not leading_zone(e.name):
        return list(leading_places(e.name.removeprefix(PARTY)))
    return []


def places_agree(a: str, b: str) -> bool:
    """Whether one of two places of the lexicon, by name, is the other or lies in it."""
    places = load().places
    x, y = places.get(a), places.get(b)
    return a == b or x is not None and y is not None and (b in (x.city, x.province) or a in (y.city, y.province))


@lru_cache(maxsize=1 << 12)
def leading_places(name: str) -> tuple[str, ...]:
    """The provinces, cities and counties a name begins with, the broadest first (广东广州南沙新区 → 广东省, 广州市)."""
    lex = load()
    places = []
    for _, place in _place_runs(name):
        if lex.places[place].level not in ("city", "county", "province"):
            break
        places.append(lex.places[place].name)
    return tuple(places)


@lru_cache(maxsize=1 << 12)
def zone_places(zone: str) -> tuple[str, ...]:
    """The places a zone's name carries, the broadest first, which it lies in (ANNOTATION.md); else its city
    in the gazetteer, or the place its bracket names (高新区（新市区）)."""
    lex = load()
    # a district that is a zone's whole name is the zone itself (浦东新区: in its city), or another's (绍兴滨海新区)
    carried = leading_places(zone)
    places = tuple(p for p in carried if not zone.endswith(p))
    county = _division_before_tail(zone)
    if county and places and places[-1] not in (lex.places[county].city, lex.places[county].province):
        county = ""         # 天津滨海高新区: not Jiangsu's 滨海县
    if places or county:
        return places + ((county,) if county else ())
    if carried:
        district = lex.places[carried[-1]]
        city = district.province if district.city == "市辖区" else district.city
        return (city,) if city else ()
    if zone in lex.zones and lex.zones[zone].city:
        return (lex.zones[zone].city,)
    m = re.search(r"（([^）]{2,4})）", zone)
    return (lex.places[m.group(1)].name,) if m and m.group(1) in lex.places else ()


def _division_before_tail(zone: str) -> str:
    """安化经开区 → 安化县, 黔西南高新区 → 黔西南布依族苗族自治州: a county or an autonomous prefecture named by
    its stem right before a zone's tail. The lexicon matches no stem in running text (七星 is a word too);
    before 经开区 or 高新区 it names the division."""
    at = max((end for end, _ in _place_runs(zone)), default=0)
    listed = load().zones.get(zone)
    for k in (4, 3, 2):         # 西双版纳, 曹妃甸, 安化
        division = division_stems().get(zone[at:at + k])
        if division and zone[at + k:].removeprefix("国家") in _COUNTY_ZONE_TAILS \
                and (listed is None or listed.province in ("", load().places[division].province)):
            return division
    return ""


# the zones a county runs, named after it (新区, 科学城 and 工业园区 take other names: 东湖, 南沙, 东川)
_COUNTY_ZONE_TAILS = ("高新技术产业开发区", "高新区", "经济技术开发区", "经济开发区", "经开区", "开发区")


def _one_type(mentions: list[Mention]) -> None:
    """A name the model reads as one type in most places is of that type in all (某某科技 a company,
    though one sentence read it as an organisation): the model reads each sentence on its own."""
    votes: dict[str, Counter] = {}
    for m in mentions:
        if m.source == MODEL:
            votes.setdefault(m.text, Counter())[m.type] += 1
    for m in mentions:
        if m.source == MODEL and len(votes[m.text]) > 1:
            m.type = votes[m.text].most_common(1)[0][0]      # the first read on a tie


def resolve(doc: Document) -> Document:
    _one_type(doc.mentions)
    for m in doc.mentions:
        _without_abbreviation(m)
        if m.name != REFERENCE:
            m.name = canonical(m)
    doc.mentions = _corefer(doc, doc.mentions)
    _numbered(doc)
    bylines = {(n, s) for a in doc.articles for n, s, _ in a.bylines}
    entities: dict[tuple[str, str], Entity] = {}
    for m in doc.mentions:
        e = entities.setdefault((m.type, name_key(m.name)), Entity(m.name, m.type))
        e.mentions.append(m)
        if m.text != m.name and m.source != COREFERENCE:     # 该企业, 公司: no name of the company
            e.aliases.add(m.text)
        e.byline = e.byline or (m.text, m.start) in bylines
    _merge_short_forms(entities)
    _merge_cut_names(entities)
    merge_levelled(entities)
    _merge_zones(entities)
    _merge_zone_short_forms(entities)
    _merge_kinds_with_district(entities)
    _merge_parks_built(entities)
    _merge_called(doc, entities)
    for e in entities.values():
        e.aliases |= _inner_names(e)
        e.aliases.discard(e.name)
    doc.entities = list(entities.values())
    return doc
