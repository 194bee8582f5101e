"""Derive: the entities a page names only inside other names.

- the bodies a name is built on: 保定高新区党群部 names 保定高新区, 某某集团华远药业（随州）有限公司
  names 某某集团, 北京航空航天大学景德镇研究院 names 北京航空航天大学, 中科院某某所 names 中国科学院,
  科技部火炬中心 and 《国务院关于…》 name 科技部 and 国务院, 某银行某市分行某支行 names 某银行某市分行;
- the zone a park's name begins with (某某高新区某某园区 names 某某高新区), and the lexicon's zones a policy's
  title names (《某某高新区…行动计划》);
- the places a zone's or a government's name carries (潍坊高新区 → 潍坊市, as SCHEMA.md asks; 宝坻区政府 → 宝坻区);
- a zone's committee, which a post names (随州高新区党工委书记、管委会主任 → 随州高新区管委会);
- the company a project is named after where no company's tail says where it ends (星辰电子 of
  星辰电子智能传感器生产基地项目): a learned split (kg/derive/owners.py), or the company the page names
  in full that the split is the short form of (not a place of nature: 某某岛, 某某湖 cut before its 湖);
  and a name read as a person's that begins a project's;
- the project a body names when 项目 follows it (星河新材料项目);
- the product a project's name says it makes after its capacity (10GWh某某电池生产基地).

Each derived mention says so in its source ("derived:parent", "derived:city", "derived:committee",
"derived:owner", "derived:project", "derived:product").
"""
from __future__ import annotations

import re
from functools import cache

from kg.derive import owners
from kg.lexicon import ZONE_TAILS, Names, any_of, leading_country, load, post_run, short_place
from kg.model import Document, Entity, Mention, name_key
from kg.recognize import SUBSIDIARY, learned
from kg.recognize.brackets import paired
from kg.recognize.products import made, outputs
from kg.recognize.short_forms import COMPANY_TAIL, is_short_form, name_core
from kg.recognize.tokens import word_edges
from kg.resolve import (canonical_zone, carried_places, main_zone, merge_levelled, zone_city, zone_key,
                        zone_front, zone_in_name, zone_of_park)

PARENT, CITY, COMMITTEE, PROJECT = "derived:parent", "derived:city", "derived:committee", "derived:project"
OUTPUT = "derived:product"
_BUILT_ON = ("Company", "Organization", "GovernmentAgency", "Project")
_PARENT_TYPES = {"Company": ("Company",), "Organization": ("Organization", "Company"),
                 "GovernmentAgency": ("GovernmentAgency",), "Project": ("Company", "Organization")}
# a project is named after the company or university that builds it, not after a 中心 or 平台
_PROJECT_OWNER_TAILS = ("公司", "集团", "大学", "研究院", "学院", "科学院", "中学", "高中", "学校")


# 安巢经济开发区管委会, 东湖综保区建设管理办公室: the body that runs a zone names it, though no lexicon does
_KINDS = any_of(ZONE_TAILS).pattern       # a zone's kind, the longest first (高新技术产业开发区 before 开发区)
# and the kinds of the zones run by a committee that GB/T 37028 does not list (平潭综合实验区, 中新天津生态城, 自贸试验区厦门片区)
_RUN_KINDS = any_of((*ZONE_TAILS, "实验区", "生态城", "生态园", "片区")).pattern
_COMMITTEE_OF_ZONE = re.compile(r"(.{1,12}(?:%s))(?:党工委|管委会|管理委员会|管委|建设管理办公室|管理办公室)$" % _RUN_KINDS)


# the committees that run a zone: a bureau of one (某高新区管委会某某局) names it
_COMMITTEES = ("党工委", "管委会", "管理委员会")


# a committee named by its zone's kind alone, or by nothing (高新区管委会, 管委会主任)
_BARE_COMMITTEE = re.compile(r"(?:%s)?(?:管委会|管理委员会)" % _KINDS)
# what may stand before it: no part of a name (和科学城管委会、某公司签署; 区党工委副书记、管委会主任)
_BEFORE_BARE = re.compile(r"[^\u4e00-\u9fff]|[和与及同由向在对经为的]")


# what follows a group's name in its own registered name (某某集团股份有限公司 is the group, not a part of it)
_LEGAL_TAIL = re.compile(r"(?:股份有限公司|有限责任公司|有限公司|公司)?")


def _parents(entities: dict[tuple[str, str], Entity]):
    lex = load()
    tails = [(t, kind) for t, kind in lex.suffixes if len(t) >= 2 or kind == "GovernmentAgency"]
    # a company's branch names the branch it is one of (某银行某市分行某某支行 names 某银行某市分行)
    branches = [(t, "Company") for t in lex.unit_tails if len(t) >= 2]
    for e in [e for e in entities.values() if e.type in _BUILT_ON]:
        # a project keeps its zone in its mentions only (江阴高新区某某校区 → 某某校区)
        zone = next(filter(None, (zone_in_name(text) for text in [e.name, *(m.text for m in e.mentions)])), "")
        run = _run_zone(e)
        if zone and zone != e.name and (zone in lex.zones or zone_city(zone)) and len(zone) >= len(run):
            _mentioned_in(entities, e, zone, "Zone", canonical_zone(zone))
        elif run:       # the zone a committee runs, longer than the lexicon's it begins with (某试验区某片区管委会)
            zone = run
            _mentioned_in(entities, e, zone, "Zone", canonical_zone(zone))
        units = branches if e.type == "Company" else []
        named = [(t, kind) for t, kind in [*tails, *units] if t in e.name]      # a few tails in a name, or none
        # a tail ends a word of the name: not 局 of 局长, 大学 of 大学生, 中学 of 集中学习, 学校 of 大学校企
        edges = word_edges(e.name) if named else set()
        for tail, kind in named:
            at = e.name.find(tail, max(1, 4 - len(tail)))     # a parent has at least four characters
            while at != -1:
                prefix = e.name[:at + len(tail)]
                if not _LEGAL_TAIL.fullmatch(e.name[len(prefix):]) \
                        and (not prefix.startswith(zone or "\0") or prefix[len(zone):] in _COMMITTEES) \
                        and paired(prefix) \
                        and prefix not in lex.places \
                        and kind in _PARENT_TYPES[e.type] \
                        and at + len(tail) in edges \
                        and (e.type != "Project" or tail.endswith(_PROJECT_OWNER_TAILS)):
                    parent = prefix.removesuffix(SUBSIDIARY)         # 某某医药子公司某某有限公司 names 某某医药
                    _mentioned_in(entities, e, parent, kind, parent)
                at = e.name.find(tail, at + 1)


def _run_zone(e: Entity) -> str:
    """The zone a committee named after it runs (哈经开区管委会 → 哈经开区; 高新区管委会 names none), or ''."""
    committee = _COMMITTEE_OF_ZONE.match(e.name) if e.type == "GovernmentAgency" else None
    return committee.group(1) if committee and committee.group(1) not in ZONE_TAILS else ""


def _parks(entities: dict[tuple[str, str], Entity]):
    """A zone's park names the zone (某某高新区某某园区, kg/recognize/parks.py), and is known by its own name
    after the zone's too (某某园区, as ANNOTATION.md's gold names it)."""
    for e in [e for e in entities.values() if e.type == "Zone"]:
        if zone := zone_of_park(e.name):
            named = zone_front(e.name)
            _mentioned_in(entities, e, named, "Zone", zone)
            if len(e.name) - len(named) >= 2:
                e.aliases.add(e.name[len(named):])


def _academies(entities: dict[tuple[str, str], Entity]):
    """中科院 is 中国科学院 (kg/data/academies.txt), and a body named after it (中科院某某所) names it."""
    forms = load().academies
    for e in [e for e in entities.values() if e.type == "Organization" and e.name in forms]:
        if forms[e.name] != e.name:
            e.aliases.add(forms[e.name])
    for e in [e for e in entities.values() if e.type in _BUILT_ON]:
        form = max((f for f in forms if e.name.startswith(f) and len(e.name) > len(f)), key=len, default="")
        if form:
            _mentioned_in(entities, e, form, "Organization", forms[form])


def _zones_in_titles(entities: dict[tuple[str, str], Entity]):
    """A policy's title names the zones of the lexicon in it (《某某高新区…行动计划》 names 某某高新区)."""
    for e in [e for e in entities.values() if e.type == "Policy"]:
        for _, _, zone in _zone_names().finditer(e.name):
            _mentioned_in(entities, e, zone, "Zone", canonical_zone(zone))


@cache
def _zone_names() -> Names:
    """The lexicon's zones of four characters or more (two- and three-character short forms name places too)."""
    return Names(z for z in load().zones if len(z) >= 4)


def _central_bodies(entities: dict[tuple[str, str], Entity]):
    """A body or a document named after a central body (科技部火炬中心, 《国务院关于…》, 中共中央办公厅) names it
    (kg/data/central_bodies.txt)."""
    central = load().central_bodies
    for e in [e for e in entities.values() if e.type in (*_BUILT_ON, "Policy")]:
        name = e.name.removeprefix("《")
        body = max((b for b in central if name.startswith(b) and len(name) > len(b)), key=len, default="")
        if body:
            _mentioned_in(entities, e, body, "GovernmentAgency", body)


def _mentioned_in(entities, holder: Entity, prefix: str, kind: str, name: str, source: str = PARENT):
    """Add the entity whose name begins `holder`'s, mentioned where `holder` is."""
    e = _entity(entities, kind, name)
    if e is holder:         # a name its own alias begins (某某 of 某某（随州）有限公司, read as the same company)
        return
    for m in holder.mentions:
        at = m.text.find(prefix)
        if at != -1:
            e.mentions.append(Mention(prefix, kind, m.start + at, m.start + at + len(prefix), m.sentence,
                                      name=e.name, source=source))
            e.aliases.add(prefix)


def _entity(entities: dict[tuple[str, str], Entity], kind: str, name: str) -> Entity:
    """The page's entity of that name or alias (星辰集团 of 宁海星辰集团股份有限公司); for a zone or a body named
    after one, the page's entity of the same zone by any of its names (东湖高新区管委会 names the zone the page
    calls 武汉东湖高新区)."""
    same, key = zone_key(kind, name), name_key(name)
    if (kind, key) in entities:
        return entities[(kind, key)]
    # 某新区管委会 is the short form of 某新区管理委员会, which the page may write whole
    whole = name[:-3] + "管理委员会" if kind == "GovernmentAgency" and name.endswith("管委会") else name
    found = entities.get((kind, name_key(whole))) or next(
        (e for e in entities.values() if e.type == kind and (zone_key(e.type, e.name) == same if same
                                                             else key in map(name_key, e.aliases))), None)
    if found is None and kind in ("Company", "Organization"):
        named = [e for e in entities.values() if e.type == kind and _same_body(name, e.name)]
        found = named[0] if len(named) == 1 else None
    if found is None:
        return entities.setdefault((kind, key), Entity(name, kind))
    found.aliases.add(name)         # derive's own name for it, which the relation rules look it up by
    return found


def _same_body(derived: str, named: str) -> bool:
    """Whether a body derive found inside a longer name is one the page names in another form: registered in
    full (某某金属 of 宁波某某金属有限公司, 某某集团 of 宁波某某集团股份有限公司) or abbreviated (中国科技大学 of
    中国科学技术大学). A body whose name begins another's is another (某某银行 and 某某银行上海分行, 某某 and
    某某新能源汽车公司)."""
    return derived != named and (derived in (name_core(named), COMPANY_TAIL.sub("", named))
                                 or not derived.startswith(named) and is_short_form(named, derived))


def _owners(doc: Document, entities: dict[tuple[str, str], Entity]):
    """The company each project is named after, where no entity of the page begins its name already."""
    path = learned.model_path()
    model = owners.owners_in(path, path.stat().st_mtime_ns)
    if model is None:
        return
    bodies = _body_names(entities)
    # 石油化工 of 石油化工产业园: an industry the project is for; 某某软件园 of 某某软件园（一期）孵化基地: the park
    # it is in. A name the page or a lexicon gives a thing of another type is no builder's.
    others = {n for e in entities.values() if e.type != "Company" for n in [e.name, *e.aliases]}
    lex = load()
    # 研究院 of 研究院总部项目: a kind of body, named by its tail alone, is no builder's name
    kinds = {tail for tail, _ in lex.suffixes}
    for project in [e for e in entities.values() if e.type == "Project"]:
        if not any(project.name.startswith(n) for n in bodies):
            owner = model.owner(project.name, doc.text)
            if owner and owner not in others and owner not in lex.industries and owner not in lex.zones \
                    and owner not in kinds and not _in_a_landform(owner, project.name):
                _mentioned_in(entities, project, owner, "Company", _registered(owner, entities), owners.SOURCE)


def _in_a_landform(front: str, name: str) -> bool:
    """Whether a project's name begins with a place of nature rather than a firm: an island, a lake, a bay,
    a mountain or a region (青屿岛某某中试基地, 某某湖科技园 cut before its 湖, 华东地区某某基地)."""
    return front.endswith(_LANDFORMS) or name[len(front)] in _LANDFORMS or front.endswith(_REGIONS)


_LANDFORMS = ("岛", "湖", "湾", "山", "江", "河")
_REGIONS = ("区域", "地区")


def _body_names(entities: dict[tuple[str, str], Entity]) -> list[str]:
    """Every name of the page's companies and organisations, the bodies that build projects, longest first."""
    return sorted({n for e in entities.values() if e.type in ("Company", "Organization") for n in (e.name, *e.aliases)
                   if n}, key=len, reverse=True)


def _builders_read_as_people(entities: dict[tuple[str, str], Entity]):
    """A name read as a person's that begins a project's (海某 of 海某无锡某某基地项目) is the company that builds
    it: projects are named after firms, not people (a brand's first character is often a surname). A project
    named after a body the page names (某某（山东）医学科技有限公司展厅) is that body's."""
    bodies = [e.name for e in entities.values() if e.type in ("Company", "Organization")]
    projects = [e.name for e in entities.values() if e.type == "Project"
                and not any(e.name.startswith(b) for b in bodies)]      # named after a body the page names
    for key, person in [(k, e) for k, e in entities.items() if e.type == "Person"]:
        if any(p.startswith(person.name) and len(p) > len(person.name) + 2
               and not p.startswith(_PERSONS_WORK, len(person.name)) for p in projects):
            del entities[key]
            for m in person.mentions:
                m.type = "Company"
            company = entities.setdefault(("Company", key[1]), Entity(person.name, "Company"))
            company.mentions += person.mentions


# 某某团队某某项目, 某某院士工作站: a project a person leads is named after them
_PERSONS_WORK = ("团队", "院士", "教授", "博士", "工作室", "课题组", "专家")


def _registered(owner: str, entities: dict[tuple[str, str], Entity]) -> str:
    """The name of the one company of the page that `owner` is the short form of (某某 of 某某工业公司, whose
    某某新材料项目 it builds), or else `owner`."""
    named = [e.name for e in entities.values() if e.type == "Company" and e.name.startswith(owner)
             and is_short_form(owner, e.name)]
    return named[0] if len(named) == 1 else owner


def _countries(entities: dict[tuple[str, str], Entity]):
    """德国星河科技 is 星河科技 of 德国: the country is a place of the page, and the body is known by its name
    without it too (ANNOTATION.md names such a company without its country)."""
    for e in [e for e in entities.values() if e.type in _BUILT_ON]:
        country = leading_country(e.name)
        if country:
            _mentioned_in(entities, e, country, "Place", country, CITY)
            if e.type != "Project":
                e.aliases.add(e.name[len(country):])


def _carried_places(entities: dict[tuple[str, str], Entity]):
    """The places a zone's or a government body's name carries are entities of the document (ANNOTATION.md:
    a zone's city, even when only the zone's name carries it; 宝坻区 of 宝坻区政府, as the gold has it)."""
    for holder in [e for e in entities.values() if e.type in ("Zone", "GovernmentAgency")]:
        for city in carried_places(holder):
            place = entities.setdefault(("Place", name_key(city)), Entity(city, "Place"))
            if short_place(city) != city:
                place.aliases.add(short_place(city))
            if not place.mentions:      # the place is read from the holder's name, so that is where it is mentioned
                place.mentions += [Mention(m.text, "Place", m.start, m.end, m.sentence, name=city, source=CITY)
                                   for m in holder.mentions[:1]]


def _committees(doc: Document, entities: dict[tuple[str, str], Entity]):
    """A zone followed by posts of which one is its committee's (管委会主任): the committee is an entity,
    mentioned where the post names it, though the page never writes its name whole."""
    agencies = [m for e in entities.values() if e.type == "GovernmentAgency" for m in e.mentions]
    for zone in [e for e in entities.values() if e.type == "Zone"]:
        for m in zone.mentions:
            posts = post_run().match(doc.text, m.end)
            at = posts.group().find("管委会") if posts else -1
            if at == -1 or (at and posts.group()[at - 1] != "、") \
                    or any(a.start <= m.end + at < a.end for a in agencies):     # a body read whole already
                continue
            # named as the page names it (武汉东湖新技术开发区管委会), found by its zone's name too
            e = _entity(entities, "GovernmentAgency", m.text + "管委会")
            if zone.name + "管委会" != e.name:
                e.aliases.add(zone.name + "管委会")
            e.mentions.append(Mention("管委会", "GovernmentAgency", m.end + at, m.end + at + 3, m.sentence,
                                      name=e.name, source=COMMITTEE))


def _committee_of(entities: dict[tuple[str, str], Entity], zone: Entity) -> Entity:
    """The zone's committee: the one the page names by any of the zone's names (东湖高新区管委会, where the page
    calls the zone 光谷 most often), or else one named after the zone's name."""
    named = (entities.get(("GovernmentAgency", name_key(name + "管委会"))) for name in sorted(zone.aliases))
    found = next((e for e in named if e is not None), None)
    if found is None:
        return _entity(entities, "GovernmentAgency", zone.name + "管委会")
    found.aliases.add(zone.name + "管委会")     # derive's own name for it, which the relation rules look it up by
    return found


def _bare_committees(doc: Document, entities: dict[tuple[str, str], Entity]):
    """A committee the page names without its zone (科学城管委会、某公司签署…; 区党工委副书记、管委会主任某某) is
    the committee of the zone its article is about: an entity, with the page's words as its alias."""
    in_sentence: dict[int, list[Mention]] = {}
    for e in entities.values():
        for m in e.mentions:
            in_sentence.setdefault(m.sentence, []).append(m)
    for article in doc.articles:
        named = [m for s in article.sentences for m in in_sentence.get(s.index, ())]
        zone = entities.get(("Zone", name_key(main_zone(named, doc.text[article.start:article.end], article.start))))
        for s in article.sentences if zone else ():
            for (start, end, words), read in _bare_in(s, in_sentence.get(s.index, [])):
                committee = _committee_of(entities, zone)
                if not read:
                    committee.mentions.append(Mention(words, "GovernmentAgency", start, end, s.index,
                                                      name=committee.name, source=COMMITTEE))
                for bare in [e for e in entities.values() if read and e is not committee
                             and any(m in read for m in e.mentions)]:
                    committee.mentions += bare.mentions     # the model read the bare name as a body of its own
                    del entities[(bare.type, name_key(bare.name))]
                committee.aliases.add(words)


def _bare_in(s, named: list[Mention]):
    """((start, end, words), the mentions read there) of each committee the sentence names without its zone:
    where nothing was read over it or just before it, but the bare name itself."""
    if "管委会" not in s.text and "管理委员会" not in s.text:
        return
    for found in _BARE_COMMITTEE.finditer(s.text):
        if found.start() and not _BEFORE_BARE.match(s.text, found.start() - 1):
            continue
        start, end = s.start + found.start(), s.start + found.end()
        read = [m for m in named if m.start < end and start < m.end or m.end == start]
        if all((m.start, m.end, m.type) == (start, end, "GovernmentAgency") for m in read):
            yield (start, end, found.group()), read


def _projects_of_bodies(doc: Document, entities: dict[tuple[str, str], Entity]):
    """A company or institution named right before 项目 names a project too (星河新材料项目, 某某研究院项目):
    the body builds it (ANNOTATION.md), and both are entities of the page."""
    for body in [e for e in entities.values() if e.type in ("Company", "Organization")]:
        for m in [m for m in body.mentions if doc.text.startswith("项目", m.end)]:
            project = _entity(entities, "Project", m.text + "项目")
            project.mentions.append(Mention(m.text + "项目", "Project", m.start, m.end + 2, m.sentence,
                                            name=project.name, source=PROJECT))


def _outputs(entities: dict[tuple[str, str], Entity]):
    """The product a project's name says it makes, after its capacity (年产1500万双某某深加工项目, 10GWh某某电池
    生产基地) or before the making of its plant after its builder's name (某某公司某某涂料生产基地), is an entity of
    the page, mentioned inside the project's name."""
    bodies = _body_names(entities)
    for project in [e for e in entities.values() if e.type == "Project"]:
        builder = next((n for n in bodies if project.name.startswith(n)), "")
        for output in outputs(project.name) + made(project.name[len(builder):]):
            _mentioned_in(entities, project, output, "Product", output, OUTPUT)


def derive(doc: Document) -> Document:
    entities = {(e.type, name_key(e.name)): e for e in doc.entities}
    _projects_of_bodies(doc, entities)
    _academies(entities)
    _central_bodies(entities)
    _zones_in_titles(entities)
    _parents(entities)
    _parks(entities)
    _builders_read_as_people(entities)
    _owners(doc, entities)
    _outputs(entities)
    _countries(entities)
    _carried_places(entities)
    _committees(doc, entities)
    _bare_committees(doc, entities)
    merge_levelled(entities)        # a body derived here (安徽省委) may be one the page names by its level (省委)
    for e in entities.values():
        e.aliases.discard(e.name)
    doc.entities = list(entities.values())
    return doc
