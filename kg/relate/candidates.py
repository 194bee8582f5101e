"""The pairs of entities a fact might join, each with what the relation model reads of it.

A candidate is two entities of one sentence (the one named first is `first`), an
entity with the zone its article is about where the sentence names no zone, or a
fact a rule read that neither of those covers (a zone and the city its name
carries, named in different sentences). The relation model (kg/relate/learned.py)
decides for each what relations join the two, in which direction, or none; training
(kg/train/relations.py) labels the same candidates from the gold, so that both read
the same features.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache, lru_cache

from kg.lexicon import Place, any_of, dictionary, load, post_run, short_place
from kg.model import ACTORS, GOLD_SOURCE, PREDICATES, SYMMETRIC, Entity, Mention, Money, Triple, name_key
from kg.recognize import datelines
from kg.recognize.policies import QUOTED
from kg.relate.context import Context
from kg.resolve import canonical_zone, leading_places, leading_zone, zone_city, zone_places

# What SCHEMA.md allows: the subject's types and the object's, for each relation.
_SUBJECTS = (*ACTORS, "Project")       # the names a sentence may be about, rather than the article's zone
SIGNATURES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "locatedIn": (("Company", "Organization", "Project", "Zone", "Place", "GovernmentAgency"), ("Zone", "Place")),
    "partOf": (("GovernmentAgency", "Organization", "Company"),
               ("Zone", "GovernmentAgency", "Organization", "Company")),
    "signs": (("Zone",), ("Project",)),
    "investsIn": (("Company", "Organization"), ("Project",)),
    "holdsRole": (("Person",), ("Company", "Organization", "GovernmentAgency", "Zone")),
    "cooperatesWith": (ACTORS, ACTORS),
    "focusesOn": (("Zone", "Company", "Organization"), ("Industry",)),
    "issues": (("Zone", "GovernmentAgency"), ("Policy",)),
    "produces": (("Company", "Organization"), ("Product",)),
}
NONE = "none"
# A label is a relation and its direction: `>` the first-named entity is the subject, `<` the second.
LABELS = (NONE, *(f"{p}{d}" for p in PREDICATES if p in SIGNATURES for d in (">" if p in SYMMETRIC else "><")),
          "totalInvestment>")
_REACH = 6          # a pair with more mentions than this between them is left to the rules (few such are facts)
# characters read before the first mention and after the second (3, 5, 6, 8: the folds' triples 0.5758, 0.5767,
# 0.5758, 0.5702 against 0.5801)
_WINDOW = 4
_PUNCT = "，。；：、,;:"


@cache
def allowed(first: str, second: str) -> tuple[str, ...]:
    """The labels SCHEMA.md allows between an entity of type `first` named before one of type `second`."""
    found = [NONE]
    for p, (subjects, objects) in SIGNATURES.items():
        if first in subjects and second in objects:
            found.append(p + ">")
        if second in subjects and first in objects and p not in SYMMETRIC:
            found.append(p + "<")
    return tuple(found)


@dataclass
class Candidate:
    first: Entity
    second: Entity | None           # None: an amount, for totalInvestment
    sentence: int
    features: list[str] = field(default_factory=list)
    rules: dict[str, Triple] = field(default_factory=dict)     # label → the fact a rule read for it
    value: Money | None = None
    role: str = ""
    elsewhere: bool = False         # a zone and a place the lexicon puts it outside of
    placed: bool = False            # a zone and a government named after a place, not after the zone
    apart: bool = False             # a comma or semicolon stands between the two
    national: bool = False          # a policy that is a set phrase of the language, the nation's

    @property
    def types(self) -> str:
        return f"{self.first.type}|{self.second.type if self.second else 'amount'}"

    def stated(self, label: str) -> bool:
        """Whether the text says all the fact needs: a holdsRole fact is no fact without its post; and whether
        the lexicon lets it be (a zone it places in one city lies in no other city, province or country, a
        place's government is no part of it, and a set phrase of the language is no page's body's policy)."""
        if label.startswith("locatedIn") and self.elsewhere or label.startswith("partOf") and self.placed \
                or label.startswith("issues") and self.national:
            return False
        if not label.startswith("holdsRole"):
            return True
        # 某局局长王明，某委主任李强: a clause's end parts a person from a body no rule gave them a post in
        return bool(self.role_in(label)) and (label in self.rules or not self.apart)

    def role_in(self, label: str) -> str:
        """The post of a holdsRole fact: the one its rule read, else the one between or after the two ends."""
        ruled = self.rules.get(label)
        return ruled.role if ruled is not None and ruled.role else self.role

    @property
    def labels(self) -> tuple[str, ...]:
        if self.second is None:
            return (NONE, "totalInvestment>")
        return allowed(self.first.type, self.second.type)


def candidates(ctx: Context, rule_triples: list[Triple]) -> list[Candidate]:
    """Every candidate of a document, in a fixed order, with its features."""
    found: dict[tuple, Candidate] = {}
    outlets = _outlets(ctx)
    made = _made(ctx)
    for sentence, mentions in sorted(ctx.in_sentence.items()):
        s = ctx.sentences.get(sentence)
        if s is None:
            continue
        ordered = sorted(mentions, key=lambda m: (m.start, m.end))
        entities = [None if e is None or e.id in outlets else e for e in map(ctx.entity, ordered)]
        for i in range(len(ordered)):
            for j in range(i + 1, len(ordered)):
                if j < i + 1 + _REACH or _listed_toward_zone(s, ordered, i, j):
                    _pair(found, s, ordered, entities, i, j, made)
        _with_main_zone(ctx, found, s, ordered, entities, made)
    for t in rule_triples:
        if not {t.subject.id, t.object.id if t.object else ""} & outlets:
            _ruled(ctx, found, t)
    _about_the_ends(found)
    return list(found.values())


def _outlets(ctx: Context) -> set[str]:
    """The entities named only in datelines: news outlets, of which ANNOTATION.md says nothing but their name."""
    return {e.id for e in ctx.doc.entities if e.mentions and all(m.source == datelines.SOURCE for m in e.mentions)}


def _listed_toward_zone(s, ordered: list[Mention], i: int, j: int) -> bool:
    """Whether, of two mentions farther apart than the reach, one is a zone and the other an item of a list
    that runs toward it (某高新区启动A、B、C……等项目): the list's items are the zone's alike."""
    a, b = ordered[i], ordered[j]
    if a.type == "Zone" and b.type != "Zone":
        near = ordered[j - 1]
        return near.end <= b.start and s.text[near.end - s.start:b.start - s.start] == "、"
    if b.type == "Zone" and a.type != "Zone":
        near = ordered[i + 1]
        return a.end <= near.start and s.text[a.end - s.start:near.start - s.start] == "、"
    return False


def _about_the_ends(found: dict):
    """What the page says of the two ends beyond the sentence: how often each is named, in how many sentences
    the two meet, and where a place stands to a zone. A zone lies in its city, and news names its province
    and country too (甘肃省兰州高新区, 中国): the lexicon tells them apart where the words around cannot."""
    meetings = Counter(frozenset(key[:2]) for key in found if key[1] != "value")
    for c in found.values():
        if c.second is None:
            continue
        tp = c.types
        c.features += [f"named1={min(len(c.first.mentions), 3)}|{tp}", f"named2={min(len(c.second.mentions), 3)}|{tp}",
                       f"meet={min(meetings[frozenset((c.first.id, c.second.id))], 3)}|{tp}"]
        c.features += _geography(c.first, c.second)
        c.elsewhere = _outside(c.first, c.second)
        c.placed = _a_places(c.first, c.second)
        c.national = _set_phrase(c.first) or _set_phrase(c.second)


def _geography(a: Entity, b: Entity) -> list[str]:
    """A place's level (province, city, county, world) and, beside a zone, whether it is the zone's city,
    that city's province, or neither."""
    if "Place" not in (a.type, b.type):
        return []
    place = a if a.type == "Place" else b
    known = _place(place.name)
    level = known.level if known else "unknown"
    if {a.type, b.type} != {"Zone", "Place"}:
        return [f"level={level}|{a.type}|{b.type}"]
    zone = a if a.type == "Zone" else b
    city = _place(zone_city(zone.name))
    listed = load().zones.get(zone.name)
    if city is not None and city == known:
        stands = "its-city"
    elif known and known.level == "province" and known.name in (city.province if city else "",
                                                                 listed.province if listed else ""):
        # a zone is in the province its name carries (湖南湘江新区); the gold says so of a province the page
        # names elsewhere one time in six
        named = any(known.name in zone_places(n) for n in [zone.name, *zone.aliases])
        stands = "its-province" if named else "its-province-unnamed"
    else:
        stands = "other" if city else "zone-without-city"
    order = "|zp" if a is zone else "|pz"
    return [f"geo={stands}{order}", f"level={level}{order}", f"geo={stands}|level={level}{order}"]


def _outside(a: Entity, b: Entity) -> bool:
    """Whether one of the two is a zone of the lexicon and the other a city, province or country that the
    lexicon puts it outside of (合肥高新区 and 武汉市); a zone known only by its province may lie in any of
    its cities. Two zones the lexicon puts in two cities lie in neither (威海火炬高新区 and 合肥高新区)."""
    if a.type == b.type == "Zone":
        cities = {listed.city if listed else "" for listed in map(load().zones.get, (a.name, b.name))}
        return len(cities) == 2 and "" not in cities
    if {a.type, b.type} != {"Zone", "Place"}:
        return False
    zone, place = (a, b) if a.type == "Zone" else (b, a)
    listed, known = load().zones.get(zone.name), _place(place.name)
    if listed is None or known is None or known.level == "county":
        return False
    places = [p for p in map(_place, [*zone_places(zone.name), listed.city, listed.province]) if p is not None]
    # a zone the lexicon places in a city (天津市, a city and a province at once) lies in no other city
    if known.level == "city" and not listed.city and not any(p.level in ("city", "county") for p in places):
        return False
    return bool(places) and known.name not in {n for p in places for n in (p.name, p.city, p.province)}


def _a_places(a: Entity, b: Entity) -> bool:
    """Whether one of the two is a zone and the other a government named after a place that does not name the
    zone (芜湖市委, 长春市朝阳区政府 beside 芜湖经开区): the place's, no part of the zone (ANNOTATION.md)."""
    if {a.type, b.type} != {"Zone", "GovernmentAgency"}:
        return False
    zone, body = (a, b) if a.type == "Zone" else (b, a)
    return bool(leading_places(body.name)) and not any(n in body.name for n in [zone.name, *zone.aliases])


def _set_phrase(e: Entity) -> bool:
    """Whether `e` is a policy named by a set phrase or an idiom of jieba's dictionary in quotes (“一国两制”,
    “五位一体”总体布局, 「三步走」): the nation's, coined long before the page, and issued by none of its bodies.
    On the folds, the four such facts read were all wrong; of the gold's four such policies, one is issued."""
    quoted = QUOTED.match(e.name) if e.type == "Policy" else None
    return bool(quoted) and dictionary().get(quoted.group(1), (0, ""))[1] in ("l", "i")


def _place(name: str) -> Place | None:
    places = load().places
    return places.get(name) or places.get(short_place(name)) if name else None


def _pair(found: dict, s, ordered: list[Mention], entities: list[Entity | None], i: int, j: int,
          made: dict[str, str]):
    """The i-th and j-th mentions of a sentence, if some relation may join them: the words between and
    around them, what stands between, whether a post does (the role of holdsRole)."""
    (a, b), (first, second) = (ordered[i], ordered[j]), (entities[i], entities[j])
    if first is None or second is None or first is second or len(allowed(a.type, b.type)) == 1:
        return
    key = (first.id, second.id, s.index)
    if key in found or (second.id, first.id, s.index) in found:
        return
    text, base = s.text, s.start
    between = text[a.end - base:b.start - base]
    inside = [m.type for m in ordered[i + 1:j] if m.start >= a.end and m.end <= b.start]   # sorted: none outside
    tp, kinds = f"{a.type}|{b.type}", sorted(set(inside))
    f = ["bias", "tp=" + tp, "len=" + _bucket(len(between)), f"tp={tp}|len={_bucket(len(between))}",
         "between=" + _bucket(len(inside)), *(f"inside={t}" for t in kinds),
         *(f"inside={t}|{tp}" for t in kinds), f"tp={tp}|between={_bucket(len(inside))}"]
    f += [f"p{ch}|{tp}" for ch in sorted(set(between) & set(_PUNCT))]
    f += _grams("b", between, tp)
    f += _grams("pre", text[max(0, a.start - base - _WINDOW):a.start - base], tp)
    f += _grams("post", text[b.end - base:b.end - base + _WINDOW], tp)
    f += [f"sent:{w}|{tp}" for w in _triggers(text)]
    f += _ends(made, first, second, tp)
    if b.type not in inside:
        f.append("nearest-second|" + tp)
    if a.type not in inside:
        f.append("nearest-first|" + tp)
    if second.name.startswith(first.name):
        f.append("prefix>|" + tp)
    elif first.name.startswith(second.name):
        f.append("prefix<|" + tp)
    role = _post(text[b.end - base:], between, first_is_person=a.type == "Person") \
        if "Person" in (a.type, b.type) else ""
    if role:
        f.append("post|" + tp)
    found[key] = Candidate(first, second, s.index, f, role=role,
                           apart=a.type != "Person" and any(p in between for p in "，,；;"))


def entity_keys(e: Entity) -> list[str]:
    """The rows of the entity table that speak of `e`, the most particular first."""
    sources = "+".join(sorted({m.source for m in e.mentions if m.source}))
    many = "many" if len(e.mentions) > 1 else "once"
    return [f"{e.type}|{sources}|{many}", f"{e.type}|{sources}", e.type]


def _made(ctx: Context) -> dict[str, str]:
    """By each entity's id, its type, what made it and whether the page names it once or more (entity_keys),
    reckoned once a page; none for the pages named with the gold's own names (kg/train/folds.py), whose source
    no page read at run time has."""
    return {e.id: key for e in ctx.doc.entities for key in entity_keys(e)[:1] if GOLD_SOURCE not in key}


def _ends(made: dict[str, str], first: Entity | None, second: Entity, tp: str) -> list[str]:
    """What made each end and whether the page names it more than once: a name the model read once is wrong
    more often than one a lexicon gave, and so are its facts. Triples 0.6408 → 0.6444 on the folds."""
    return [f"{which}={made[e.id]}|{tp}" for which, e in (("end1", first), ("end2", second))
            if e is not None and e.id in made]


def _before_in_sentence(ordered: list[Mention], b: Mention) -> list[str]:
    """The types of the names before `b` in its sentence: where another body stands before an industry
    (该研究院初步确定微电子、新能源), the industry is that body's, not the article's zone's."""
    return sorted({m.type for m in ordered if m.end <= b.start and m.type in _SUBJECTS}) or ["none"]


def _with_main_zone(ctx: Context, found: dict, s, ordered: list[Mention], entities: list[Entity | None],
                    made: dict[str, str]):
    """Facts of the zone an article is about, in a sentence that does not name it (主导产业为A、B); but not the
    fields of the posts a job fair offers (Context.about_hiring)."""
    zone = ctx.main_zone(s.index)
    if zone is None or any(e is zone for e in entities):
        return
    zones_here, bare = any(m.type == "Zone" for m in ordered), _calls_a_zone_by_kind(s, ordered)
    about, hiring = ctx.article_zone(s.index), ctx.about_hiring(s.index)
    for b, second in zip(ordered, entities):
        if second is None or len(allowed("Zone", b.type)) == 1 or (zone.id, second.id, s.index) in found \
                or _named_after_another(second, zone) or hiring and b.type == "Industry":
            continue
        tp = f"Zone|{b.type}"
        text, base = s.text, s.start
        f = ["bias", "main-zone", "tp=" + tp, "main-zone|" + tp, f"zone-in-sentence={zones_here}|{tp}",
             *_grams("pre", text[max(0, b.start - base - _WINDOW):b.start - base], "main|" + tp),
             *_grams("post", text[b.end - base:b.end - base + _WINDOW], "main|" + tp),
             *(f"before={t}|main|{tp}" for t in _before_in_sentence(ordered, b)),
             *(f"sent:{w}|main|{tp}" for w in _triggers(text)),
             f"bare-zone={bare}|main|{tp}", f"zones={min(about.named, 3)}|main|{tp}",
             # where a body or a project lies follows from what the article is about; a zone's industries do
             # not (with it for industries too, focusesOn read the folds 0.527 → 0.511)
             *([f"title-zone={about.first}|main|{tp}"] if b.type != "Industry" else []),
             *_ends(made, None, second, "main|" + tp)]
        found[(zone.id, second.id, s.index)] = Candidate(zone, second, s.index, f)


# a zone called by its kind alone or as 该区 (高新区已新引进…, 该高新区新升规企业…, 全区): the article's, most often
_BARE_ZONE = re.compile(r"(?:该|本|全|我)?(?:高新区|经开区|开发区|新区|园区|示范区|科学城|自贸区|综保区)|该区|全区|区内|我区")


def _calls_a_zone_by_kind(s, ordered: list[Mention]) -> bool:
    """Whether the sentence calls a zone by its kind alone, outside the names read there."""
    return any(not any(m.start <= s.start + found.start() < m.end for m in ordered)
               for found in _BARE_ZONE.finditer(s.text))


def _named_after_another(e: Entity, zone: Entity) -> bool:
    """某高新区科技局 belongs to the zone its name begins with, not to the one its article is about."""
    lead = leading_zone(e.name) if e.type != "Zone" else ""
    return bool(lead) and name_key(canonical_zone(lead)) not in {name_key(n) for n in [zone.name, *zone.aliases]}


def _ruled(ctx: Context, found: dict, t: Triple):
    """A rule's fact becomes a feature of the candidate it joins, or a candidate of its own."""
    sentence = t.provenance.sentence if t.provenance else -1
    rule = t.source or "rule"
    if t.object is None:
        key = (t.subject.id, "value", sentence, t.value)
        c = found.setdefault(key, Candidate(t.subject, None, sentence, ["bias", "amount"], value=t.value))
        label = "totalInvestment>"
    else:
        key = next((k for k in ((t.subject.id, t.object.id, sentence), (t.object.id, t.subject.id, sentence))
                    if k in found), None)
        if key is None:
            key = (t.subject.id, t.object.id, sentence)
            found[key] = Candidate(t.subject, t.object, sentence, ["bias", "rule-only"])
            found[key].features.append("tp=" + found[key].types)
        c = found[key]
        label = t.predicate + (">" if c.first is t.subject or t.predicate in SYMMETRIC else "<")
        if t.role:
            c.role = t.role
    c.rules[label] = t
    c.features += [f"rule={rule}|{label}", f"rule={label}", f"rule={label}|{c.types}"]


def _post(after: str, between: str, first_is_person: bool) -> str:
    """The post a person holds: 某公司董事长王明 has it between the two, 王明任某公司董事长 after the body."""
    found = post_pattern().search(between)
    if found is None and first_is_person:
        found = post_pattern().match(after)
    return found.group(0) if found else ""


@cache
def post_pattern() -> re.Pattern:
    return post_run()


def _grams(where: str, text: str, tp: str) -> list[str]:
    """The characters and character pairs of a stretch of text, with the two types."""
    if len(text) > 2 * _WINDOW:
        text = text[:_WINDOW] + "…" + text[-_WINDOW:]
    grams = dict.fromkeys([*text, *map(str.__add__, text, text[1:])])    # in order, each once
    return [f"{where}:{gram}|{tp}" for gram in grams]


@lru_cache(maxsize=64)     # every pair of a sentence asks
def _triggers(text: str) -> tuple[str, ...]:
    """The words of kg/data/relation_triggers.txt the sentence holds, wherever they stand in it."""
    return tuple(sorted(set(trigger_pattern().findall(text))))


@cache
def trigger_pattern() -> re.Pattern:
    return any_of(load().triggers)


def _bucket(n: int) -> str:
    return str(n) if n < 3 else "3-5" if n < 6 else "6-10" if n < 11 else "11-20" if n < 21 else "21+"
