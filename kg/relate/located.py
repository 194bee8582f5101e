"""locatedIn and partOf: where things are and what they belong to.

- a zone is in the city its name carries (潍坊高新区 → 潍坊市), a park in the zone it is named after (and through
  it in the zone's city, which the gold does not repeat for the park);
- a body named after its zone belongs to it (石家庄高新区科技局 → 石家庄高新区);
- a name that begins with another's belongs to it (北京航空航天大学景德镇研究院 → 北京航空航天大学);
- projects and listed companies are in the zone their sentence, or else their article, is about;
- other bodies are in a zone where the wording puts them there (位于…, <zone>企业X, X在<zone>启用);
- what is said to lie (位于, 坐落于) in a zone or place is there (某中心位于某科学城, 位于某高新区的某公司);
- places listed before 等 and a region are in it (佛山、广州、深圳等珠三角);
- a government named after its place is in it (宝坻区政府 → 宝坻区);
- a place named right after the province or city it lies in is in it (河北唐山曹妃甸区: 曹妃甸区 → 唐山市 → 河北省),
  and so is a zone (甘肃兰州新区, where the name read for the zone is 兰州新区);
- a park no lexicon holds is in the zone its article is about (星河工业园区 in an article about 西宁经开区);
- the bodies a list names before 等 and another body's 直属单位 are part of it (A所、B所等8家中科院直属单位);
- a bureau that names no place belongs to the zone named before it, unless it is the central government's
  (科技部, 党中央, kg/data/central_bodies.txt), a city's named by its level (市经信委), or the department of a party
  committee one of its members heads (某市委常委、统战部部长: the committee's).
"""
from __future__ import annotations

import re
from functools import lru_cache

from kg.lexicon import Place, leading_country, leading_place, load, places_named
from kg.model import name_key
from kg.recognize import PARENT_LINK
from kg.recognize.features import listed
from kg.recognize.towns import JOINED
from kg.relate.candidates import SIGNATURES
from kg.relate.context import Context
from kg.resolve import canonical_zone, carried_places, leading_places, leading_zone, places_agree, zone_of_park

_BODIES = ("GovernmentAgency", "Organization", "Company")
_NATIONAL = ("国家", "中国", "中华", "全国", "国务院")
_LEVELS = ("省", "市", "州", "县")
_IN_ZONE = re.compile(r"(位于|落户|入驻|坐落于|扎根)$")
# the words between a zone and a body that put the body in the zone
_ZONE_BEFORE = re.compile(r"^(?:的|内的?|区内)?(?:重点|龙头|骨干|高新技术|科技型|链主)?企业$")   # 成都高新区企业X
_ZONE_AFTER = re.compile(r"^(?:是|为|系)$")                                           # X是南通高新区…企业
_OPENED = re.compile(r"^(?:正式)?(?:启用|揭牌|成立|落地|落户|投产|开工|开业|运营|建成)")
_AS_ZONES = re.compile(r"作为$")                                                       # 作为A高新区的…，X
_TOWN = re.compile(r"(?:镇|乡|街道)$")


def _placed_in(text: str, m, zones, base: int):
    """The zone a sentence's wording puts a body in, if it does."""
    start, end = m.start - base, m.end - base
    if zones and _IN_ZONE.search(text[:start]):
        before = [z for z in zones if z.end <= m.start]
        return before[-1] if before else zones[0]
    for z in zones:
        zs, ze = z.start - base, z.end - base
        if ze <= start and _ZONE_BEFORE.match(text[ze:start]):
            return z
        if zs >= end and _ZONE_AFTER.match(text[end:zs]) and "企业" in re.split(r"[，。；]", text[ze:])[0]:
            return z
        if zs >= end and text[end:zs] == "在" and _OPENED.match(text[ze:]):     # X在某高新区启用
            return z
        if ze <= start and _AS_ZONES.search(text[:zs]) and re.fullmatch(r"[^，。；]*，", text[ze:start]):
            return z
    return None


def find(ctx: Context):
    bodies: dict[str, list] = {}
    zones: dict[str, list] = {}         # the page's zones by each of their names, the lexicon's or not
    for e in ctx.doc.entities:
        by_name = bodies if e.type in _BODIES else zones if e.type == "Zone" else None
        for name in (e.name, *sorted(e.aliases)) if by_name is not None else ():
            by_name.setdefault(name, []).append(e)      # 中科院某某所 belongs to 中国科学院, called 中科院 too
    for e in ctx.doc.entities:
        first = e.mentions[0].sentence if e.mentions else -1
        if e.type == "Zone":
            # a park is in the zone it is named after, and through it in the zone's places (ANNOTATION.md)
            if zone := zone_of_park(e.name):
                ctx.add(e, "locatedIn", ctx.named("Zone", zone), first)
            else:
                for place in carried_places(e):
                    ctx.add(e, "locatedIn", ctx.named("Place", place), first)
        if e.type in _BODIES:
            _belongs(ctx, e, first, bodies, zones)
            ctx.add(e, "locatedIn", ctx.named("Place", leading_country(e.name)), first)     # 德国星河科技
            places = leading_places(e.name)         # 天津市宝坻区政府: 宝坻区 → 天津市
            for outer, inner in zip(places, places[1:]):
                if _within(inner, load().places[outer]):
                    ctx.add(ctx.named("Place", inner), "locatedIn", ctx.named("Place", outer), first)
    unplaced: dict = {}     # projects whose sentences name no zone: the article's, unless one does elsewhere
    for sentence, mentions in ctx.in_sentence.items():
        s = ctx.sentences.get(sentence)
        if s is None:
            continue
        text, base = s.text, s.start
        zones = [m for m in mentions if m.type == "Zone"]
        _nested_places(ctx, mentions, sentence)
        _zones_after_places(ctx, mentions, sentence)
        _listed_as_units_of(ctx, mentions, sentence)
        _subsidiaries_named(ctx, mentions, sentence)
        _said_to_lie(ctx, s, ctx.outermost.get(sentence, mentions))
        _listed_in_region(ctx, mentions, sentence)
        for m in mentions:
            entity = ctx.entity(m)
            if m.type == "Project":
                zone = _named_after(ctx, m.text) or _zone_for(ctx, m, zones)
                if zone is None and entity is not None:
                    unplaced.setdefault(entity.id, (entity, sentence))
                ctx.add(entity, "locatedIn", zone, sentence)
            elif m.type in ("Company", "Organization") and _listed(text, m.start - base, m.type):
                ctx.add(entity, "locatedIn", _zone_for(ctx, m, zones) or ctx.main_zone(sentence), sentence)
            elif m.type in _BODIES:
                placed = _placed_in(text, m, zones, base)
                if placed is not None:
                    ctx.add(entity, "locatedIn", ctx.entity(placed), sentence)
    placed = {t.subject.id for t in ctx.triples.values() if t.predicate == "locatedIn"}
    for key, (project, sentence) in unplaced.items():
        if key not in placed:
            ctx.add(project, "locatedIn", ctx.main_zone(sentence), sentence)
    _parks_of_the_article_zone(ctx)


# 星河工业园区, 临江高科园区, 某某人工智能产业园: a park, not a zone of its own
_PARK = re.compile(r"(?:园区|片区|园)$")


def _parks_of_the_article_zone(ctx: Context):
    """A park the lexicons do not hold and no rule put in a zone (星河工业园区、临江工业园区新增开工项目) is in the
    zone its article is about, unless its name holds that zone's (临江市星河高科技园区 of 星河) or carries
    a place the zone does not lie in (大兴区星河工业园区 in an article about 潍坊高新区)."""
    in_zone = {t.subject.id for t in ctx.triples.values() if t.predicate == "locatedIn" and t.object.type == "Zone"}
    lexicon = load()
    for park in ctx.doc.entities:
        if park.type != "Zone" or park.id in in_zone or not park.mentions or not _PARK.search(park.name) \
                or park.name in lexicon.zones:
            continue
        sentence = park.mentions[0].sentence
        zone = ctx.main_zone(sentence)
        if zone is None or zone is park or _PARK.search(zone.name) \
                or any(name in park.name for name in [zone.name, *zone.aliases]) or not _places_agree(park, zone):
            continue
        ctx.add(park, "locatedIn", zone, sentence)


def _places_agree(park, zone) -> bool:
    """Whether each place the park's name carries is one the zone lies in or lies in one the zone does."""
    outer = carried_places(zone)
    return not outer or all(any(places_agree(p, o) for o in outer) for p in carried_places(park))


# 位于: what is said to lie in a zone or place, before it (某中心位于某科学城) or after it and 的 (位于某高新区的某公司)
_LIES = re.compile(r"位于|坐落于|坐落在")
_LIES_LOOSE = 6             # words between 位于 and the place (国家级园区, 某某集团旗下): what it is
_LIES_IN = re.compile(r"^(?:内|区内|旁)?的$")
_WHERE = ("Zone", "Place")
_LIE_IN_PLACES = SIGNATURES["locatedIn"][0]


def _said_to_lie(ctx: Context, s, mentions: list):
    """What lies where 位于 says: the name that ends where 位于 begins, or the one after the places and 的."""
    text = ctx.doc.text
    ordered = sorted(mentions, key=lambda m: m.start)
    for said in _LIES.finditer(text, s.start, s.start + len(s.text)):
        after = [m for m in ordered if m.start >= said.end()]
        where = _places_after(text, said.end(), after)
        if not where:
            continue
        before = next((m for m in ordered if m.end == said.start()), None)
        later = next((m for m in after if m.start >= where[-1].end), None)
        if later is not None and not _LIES_IN.match(text[where[-1].end:later.start]):
            later = None
        for thing in (m for m in (before, later) if m is not None and m.type in _LIE_IN_PLACES):
            for place in where:
                ctx.add(ctx.entity(thing), "locatedIn", ctx.entity(place), s.index)


def _places_after(text: str, at: int, after: list) -> list:
    """The places and zones that begin a few words after `at`: two joined by 与, 和 or 、, or one right after the
    place the lexicon puts it in (湖北省宜昌市)."""
    where = []
    for m in after:
        gap = text[(where[-1].end if where else at):m.start]
        if m.type not in _WHERE:
            break
        if where and not (gap in (*JOINED, "与") or not gap and _within(m.text, load().places.get(where[-1].text))):
            break
        if not where and (len(gap) > _LIES_LOOSE or _CLAUSE_BREAK.search(gap)):
            break
        where.append(m)
    return where


_CLAUSE_BREAK = re.compile(r"[，。；：,;:]")


# A、B等8家某院直属单位, A、B等某集团旗下企业: the bodies listed are units of the one named after 等
_UNITS_OF = re.compile(r"等(?:[0-9一二三四五六七八九十]+[家个所])?$")
_UNITS = re.compile(r"直属|下属|所属|旗下")


def _listed_as_units_of(ctx: Context, mentions: list, sentence: int):
    """A、B等8家中科院直属单位: the bodies a list names before 等 and a body's 直属单位 are part of that body."""
    text = ctx.doc.text
    bodies = sorted((m for m in mentions if m.type in _BODIES), key=lambda m: m.start)
    for k, parent in enumerate(bodies):
        if k == 0 or not _UNITS.match(text, parent.end) or not _UNITS_OF.search(text, bodies[k - 1].end, parent.start):
            continue
        for item in _listed_before(text, bodies, k):
            ctx.add(ctx.entity(item), "partOf", ctx.entity(parent), sentence)


# 星河医药子公司某某生物, 某集团旗下某某制造有限公司 (the recogniser splits them where it read them as one name):
# the body named after the link is the other's
_SUBSIDIARY = re.compile(rf"的?(?:全资|控股)?(?:{PARENT_LINK.pattern})")
_FIRMS = ("Company", "Organization")


def _subsidiaries_named(ctx: Context, mentions: list, sentence: int):
    """A firm a sentence names right after another and 子公司 or 旗下 is part of that other."""
    text = ctx.doc.text
    firms = sorted((m for m in mentions if m.type in _FIRMS), key=lambda m: m.start)
    for parent, firm in zip(firms, firms[1:]):
        if _SUBSIDIARY.fullmatch(text, parent.end, firm.start):
            ctx.add(ctx.entity(firm), "partOf", ctx.entity(parent), sentence)


def _listed_before(text: str, ordered: list, k: int) -> list:
    """The mention right before the k-th of `ordered`, and those listed before it (A、B和C等…)."""
    items = [ordered[k - 1]]
    for item in reversed(ordered[:k - 1]):
        if text[item.end:items[-1].start] not in JOINED:
            break
        items.append(item)
    return items


def _listed_in_region(ctx: Context, mentions: list, sentence: int):
    """佛山、广州、深圳等珠三角…: the places a list names before 等 and a region are in the region."""
    text = ctx.doc.text
    places = sorted((m for m in mentions if m.type == "Place"), key=lambda m: m.start)
    for k, region in enumerate(places):
        if k == 0 or text[region.start - 1:region.start] != "等" or places[k - 1].end != region.start - 1:
            continue
        items = _listed_before(text, places, k)
        if len(items) >= 2:
            for item in items:
                ctx.add(ctx.entity(item), "locatedIn", ctx.entity(region), sentence)


def _nested_places(ctx: Context, mentions: list, sentence: int):
    """天津市宝坻区, 河北唐山曹妃甸区: a place right after the one the lexicon puts it in; 邻水县高滩镇、坛同镇:
    the towns named after their county or city, and listed after such a town."""
    places = sorted((m for m in mentions if m.type == "Place"), key=lambda m: m.start)
    lexicon = load().places
    for k, (outer, inner) in enumerate(zip(places, places[1:])):
        if outer.end != inner.start:
            continue
        if _within(inner.text, lexicon.get(outer.text)):
            ctx.add(ctx.entity(inner), "locatedIn", ctx.entity(outer), sentence)
        elif _TOWN.search(inner.text) and getattr(lexicon.get(outer.text), "level", "") in ("county", "city"):
            town = inner
            for nxt in [inner, *places[k + 2:]]:
                if nxt is not inner and (ctx.doc.text[town.end:nxt.start] not in JOINED or not _TOWN.search(nxt.text)):
                    break
                ctx.add(ctx.entity(nxt), "locatedIn", ctx.entity(outer), sentence)
                town = nxt


def _zones_after_places(ctx: Context, mentions: list, sentence: int):
    """甘肃兰州新区, 广东广州南沙新区: a zone named right after the province or city it lies in is in it, though the
    name read for it (兰州新区) does not carry that place; a zone the lexicons do not place is in the place
    named right before it, and in those that place is named right after."""
    lexicon = load().places
    ordered = sorted((m for m in mentions if m.type in _WHERE), key=lambda m: m.start)
    for k, zone in enumerate(ordered):
        entity = ctx.entity(zone) if zone.type == "Zone" else None
        if entity is None:
            continue
        inside = [lexicon[p] for p in carried_places(entity) if p in lexicon]
        at = zone.start
        for place in reversed(ordered[:k]):
            outer = lexicon.get(place.text)
            if place.type != "Place" or place.end != at or outer is None:
                break
            if not inside or any(p.name == outer.name or _lies_in(p, outer) for p in inside):
                ctx.add(entity, "locatedIn", ctx.entity(place), sentence)
                inside = inside or [outer]
            at = place.start


def _within(inner: str, outer: Place | None) -> bool:
    """Whether a place of the name `inner` lies in `outer` (of two 朝阳区, the one in 长春市 lies in it)."""
    return outer is not None and any(_lies_in(place, outer) for place in places_named(inner))


def _lies_in(inner: Place, outer: Place) -> bool:
    if inner.level == "world":
        return False
    if outer.level == "province":
        return inner.province == outer.name and inner.level in ("city", "county") and \
            (inner.level == "city" or inner.city in ("市辖区", "县", ""))      # a municipality's districts
    return outer.level == "city" and inner.level == "county" and inner.city == outer.name


def _zone_for(ctx: Context, m, zones):
    """The zone nearest before the mention in its sentence, else the sentence's first."""
    before = [z for z in zones if z.end <= m.start]
    chosen = before[-1] if before else (zones[0] if zones else None)
    return ctx.entity(chosen) if chosen else None


def _zone_before(ctx: Context, m):
    """The zone named last before a mention in its sentence, on its own or at the head of a body's name."""
    for other in reversed([o for o in ctx.in_sentence.get(m.sentence, ()) if o.end <= m.start]):
        zone = ctx.entity(other) if other.type == "Zone" else _named_after(ctx, other.text)
        if zone is not None:
            return zone
    return None


def _named_after(ctx: Context, text: str):
    """江阴高新区某某校区: a project whose name begins with its zone's."""
    zone_name = leading_zone(text)
    return ctx.named("Zone", canonical_zone(zone_name)) if zone_name else None


def _of_another_government(name: str) -> bool:
    """科技部, 海关总署: the central government's; 市委, 省政府, 市经信委: a city's or a province's, named by its
    level (a zone's own bodies are named by their zone or by their work alone: 财政局, 管委会)."""
    return name.startswith(_LEVELS) or name in load().central_bodies


_ITEMS = r"((?:[^，。、；：！？“”\s]{2,24}、)+[^，。、；：！？“”\s]{2,24})等"
# 聚集了A、B等在国际上有较大影响力的企业, A、B等高校及科研院所落户某区: the bodies a zone gathers, however long
# what is said of them
_GATHERED = re.compile(r"(?:聚集|集聚|吸引|引进|引入|汇聚)了?%s[^，。；]{0,24}?(?:企业|公司|集团|高校|院所|机构)"
                       r"|%s[^，。；]{0,24}?(?:落户|入驻|进驻)" % (_ITEMS, _ITEMS))


def _listed(text: str, start: int, type_: str) -> bool:
    """Named in a list of a zone's enterprises (吸引了A、B、C等高科技企业入驻, 聚集了A、B等在国际上有较大影响力的
    企业), or of the bodies that settle in it (A、B等高校及科研院所落户某区)."""
    if "、" not in text:
        return False        # most sentences hold no list
    return type_ == "Company" and listed(text)[start] == "company" or any(a <= start < b for a, b in _gathered(text))


@lru_cache(maxsize=64)     # every body of a sentence asks
def _gathered(text: str) -> tuple[tuple[int, int], ...]:
    return tuple(m.span(m.lastindex) for m in _GATHERED.finditer(text))


def _longest_parent(bodies: dict[str, list], e) -> tuple[object, int]:
    """The body (or zone) with the longest name (three characters or more) that `e`'s name begins with, first
    named first, and that name's length; (None, 0) where there is none.

    bodies: the document's bodies (or zones) by name."""
    for end in range(len(e.name), 2, -1):
        found = [p for p in bodies.get(e.name[:end], ()) if p is not e]
        if found:
            return found[0], end
    return None, 0


def _belongs(ctx: Context, e, sentence: int, bodies: dict[str, list], zones: dict[str, list]):
    """A body belongs to the zone or the body with the longest name its own begins with: a lexicon zone or one
    the page names (福建自贸试验区厦门片区管委会 → the 片区, not the 试验区), or a body that begins with the zone's
    name (某保税区管委会航空产业发展局 → 某保税区管委会)."""
    lexicon_zone = _named_after(ctx, e.name)
    zone, zone_end = max([(lexicon_zone, len(leading_zone(e.name)) if lexicon_zone else 0),
                          _longest_parent(zones, e)], key=lambda found: found[1])
    parent, parent_end = _longest_parent(bodies, e)
    if zone is not None and zone_end >= parent_end:
        ctx.add(e, "partOf" if e.type == "GovernmentAgency" else "locatedIn", zone, sentence)
        return
    if parent is not None:
        if name_key(parent.name) != name_key(e.name):
            ctx.add(e, "partOf", parent, sentence)
    elif places := carried_places(e):
        # 宝坻区政府, 贵州省委: a government named after its place, under no body of the page, is in that place
        ctx.add(e, "locatedIn", ctx.named("Place", places[-1]), sentence)
    elif committee := _committee_before(ctx, e):
        ctx.add(e, "partOf", committee, sentence)
    elif e.type == "GovernmentAgency" and e.mentions and not leading_place(e.name) \
            and not e.name.startswith(_NATIONAL) and not _of_another_government(e.name):
        # 某某高新区科技局、科创办: a bureau that names no place is the zone's its sentence speaks of
        first = e.mentions[0]
        ctx.add(e, "partOf", _zone_before(ctx, first) or ctx.main_zone(first.sentence), first.sentence)


# 兰州市委常委、统战部部长: a member of a party committee who heads one of its departments
_MEMBER_OF = ("常委、", "委员、")


def _committee_before(ctx: Context, e):
    """The party committee a department belongs to where a post on the committee comes right before the department
    (某市委常委、统战部部长某某): the committee, not the zone the sentence speaks of."""
    text = ctx.doc.text
    for m in e.mentions:
        before = next((o for o in ctx.in_sentence.get(m.sentence, ()) if o.type == "GovernmentAgency"
                       and o.text.endswith("委") and text[o.end:m.start] in _MEMBER_OF), None)
        if before is not None:
            return ctx.entity(before)
    return None
