"""locatedIn and partOf: where things are and what they belong to.

- a zone is in the city its name carries (潍坊高新区 → 潍坊市);
- a body named after its zone belongs to it (石家庄高新区科技局 → 石家庄高新区);
- a name that begins with another's belongs to it (北京航空航天大学景德镇研究院 → 北京航空航天大学);
- projects and listed companies are in the zone their sentence, or else their article, is about.
"""
from __future__ import annotations

import re

from kg.model import name_key
from kg.recognize.organisations import COMPANY_LIST
from kg.relate.context import Context
from kg.resolve import canonical_zone, leading_zone, zone_city

_BODIES = ("GovernmentAgency", "Organization", "Company")
_IN_ZONE = re.compile(r"(位于|落户|入驻|坐落于|扎根)$")


def find(ctx: Context):
    for e in ctx.doc.entities:
        first = e.mentions[0].sentence if e.mentions else -1
        if e.type == "Zone":
            ctx.add(e, "locatedIn", ctx.named("Place", zone_city(e.name)), first)
        if e.type in _BODIES:
            _belongs(ctx, e, first)
    for sentence, mentions in ctx.in_sentence.items():
        s = ctx.sentences.get(sentence)
        if s is None:
            continue
        text, base = s.text, s.start
        zones = [m for m in mentions if m.type == "Zone"]
        for m in mentions:
            zone = _zone_for(ctx, m, zones, sentence)
            if m.type == "Project":
                ctx.add(ctx.entity(m), "locatedIn", zone, sentence)
            elif m.type == "Company" and _listed(text, m.start - base):
                ctx.add(ctx.entity(m), "locatedIn", zone, sentence)
            elif m.type in _BODIES and zones and _IN_ZONE.search(text[:m.start - base]):
                ctx.add(ctx.entity(m), "locatedIn", zone, sentence)


def _zone_for(ctx: Context, m, zones, sentence):
    """The zone nearest before the mention in its sentence, else the one its article is about."""
    before = [z for z in zones if z.end <= m.start]
    chosen = before[-1] if before else (zones[0] if zones else None)
    return ctx.entity(chosen) if chosen else ctx.main_zone(sentence)


def _listed(text: str, start: int) -> bool:
    """Named in a list of a zone's enterprises: 吸引了A、B、C等高科技企业入驻."""
    return any(m.start(1) <= start < m.end(1) for m in COMPANY_LIST.finditer(text))


def _belongs(ctx: Context, e, sentence: int):
    """A body belongs to the zone its name begins with, else to the longest body its name begins with."""
    zone_name = leading_zone(e.name)
    zone = ctx.named("Zone", canonical_zone(zone_name)) if zone_name else None
    if zone is not None:
        ctx.add(e, "partOf" if e.type == "GovernmentAgency" else "locatedIn", zone, sentence)
        return
    parents = [p for p in ctx.doc.entities if p.type in _BODIES and p is not e
               and e.name.startswith(p.name) and len(p.name) >= 3]
    if parents:
        parent = max(parents, key=lambda p: len(p.name))
        if name_key(parent.name) != name_key(e.name):
            ctx.add(e, "partOf", parent, sentence)
