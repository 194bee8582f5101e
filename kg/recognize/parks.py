"""A zone's parks and areas: 某某高新区某某园区, 某某开发区某某片区, 某某新区某某新城.

A zone is made of parks (园区, 园, 分园), areas (片区) and new towns (新城), which news
names after the zone: the zone's name, a name of two to six characters, and the tail. The
whole is a zone of its own (ANNOTATION.md: a park run as a zone is a Zone); derive finds
the zone it is named after, and relate puts it there. Named so once, the park goes by its own
name after (某某高新区星湖园 …, 星湖园出台了…): wherever that stands alone, it is the park.

A park that projects settle in (落户某某科技园, 入驻某某智谷) hosts them, as a zone does, whatever the model
read its name as there and elsewhere on the page.

No noun follows a park's name: 某某园区产业赋能中心项目 names a project, not a park; nor is an
industrial park (产业园) one, which news more often builds as a project.

A name the model reads as a person's right before a zone's kind (某某新区, 某某示范区) is the zone's.
"""
from __future__ import annotations

import re

from kg.lexicon import Names, tagger
from kg.model import Document, Mention
from kg.recognize.gazetteer import TAIL
from kg.recognize.short_forms import sentence_finder

SOURCE = "park"
# an 产业园 is more often built as a project than run as a zone (某某高新区某某产业园最后一栋高层封顶)
_PARK = re.compile(r"[\u4e00-\u9fff]{2,6}?(?:园区|片区|分园|(?<!产业)园|新城)")
_GOES_ON = ("n", "j")      # the parts of speech of a word that makes a longer name of the park (…园区产业)


def parks(doc: Document, mentions: list[Mention]) -> list[Mention]:
    """`mentions`, with each zone named with one of its parks right after it read as that park."""
    ends = {s.index: s.end for s in doc.sentences}
    kept, skip = [], set()
    for k, m in enumerate(mentions):
        if k in skip:
            continue
        park = _park_after(doc.text, m, ends[m.sentence]) if m.type == "Zone" else None
        if park is None:
            kept.append(m)
            continue
        inside = {j for j in range(k + 1, len(mentions)) if mentions[j].start < park.end}
        if any(not mentions[j].within(park) for j in inside):
            kept.append(m)          # a name runs on past the park's end: the park is part of it
            continue
        skip |= inside
        kept.append(park)
    return _called_by_own_name(doc, kept)


def _called_by_own_name(doc: Document, mentions: list[Mention]) -> list[Mention]:
    """`mentions`, and each place where a park's own name (its name after its zone's, of three characters or
    more: 星湖园 of 某某高新区星湖园) stands outside the names read, a mention of the park."""
    from kg.resolve import zone_front      # late: resolve imports the recognisers, and this is one

    own = {}
    for m in mentions:
        zone = zone_front(m.text) if m.type == "Zone" else ""
        if zone and len(m.text) - len(zone) >= 3 and _PARK.fullmatch(m.text, len(zone)):
            own.setdefault(m.text[len(zone):], m.text)
    if not own:
        return mentions
    sentence_of = sentence_finder(doc)
    found = []
    for start, end, name in Names(own).finditer(doc.text):
        sentence = sentence_of(start)
        if sentence is not None and not any(m.start < end and start < m.end for m in mentions):
            found.append(Mention(name, "Zone", start, end, sentence, name=own[name], source=SOURCE))
    return sorted(mentions + found, key=lambda m: (m.start, m.end)) if found else mentions


def _park_after(text: str, zone: Mention, sentence_end: int) -> Mention | None:
    found = _PARK.match(text, zone.end, sentence_end)
    if not found:
        return None
    nxt = next((flag for _, flag in tagger().cut(text[found.end():sentence_end])), "x")
    if nxt.startswith(_GOES_ON):
        return None
    return Mention(text[zone.start:found.end()], "Zone", zone.start, found.end(), zone.sentence, source=SOURCE)


HOST = "host-park"
_SETTLE = re.compile(r"(?:落户|入驻|进驻|位于)(?:在|于|到)?$")
_PARK_END = re.compile(r"(?:园区|园|谷|城)$")
_MISREAD = ("Project", "Person")
# 在某某生态园投资建设, 在某某产业基地举行: a park where something is built or held, named nowhere else
_HELD_IN = re.compile(r"在([^，。；、：“”（）\s在的个]{2,12}?(?:园区|园|谷|城|基地))(?=投资|建设|举行|开工|落地|设立|注册)")


def hosts(doc: Document, mentions: list[Mention]) -> list[Mention]:
    """`mentions`, with each park that the page says something settles in, and its other mentions, a zone, and
    each park that something is built or held in, where nothing was read, a zone too."""
    settled = {m.text for m in mentions if m.type in _MISREAD and _PARK_END.search(m.text)
               and _SETTLE.search(doc.text, max(0, m.start - 4), m.start)}
    kept = [Mention(m.text, "Zone", m.start, m.end, m.sentence, source=HOST)
            if m.text in settled and m.type in _MISREAD else m for m in mentions]
    held = [Mention(park.group(1), "Zone", s.start + park.start(1), s.start + park.end(1), s.index, source=HOST)
            for s in doc.sentences for park in _HELD_IN.finditer(s.text)]
    held = [h for h in held if not any(m.start < h.end and h.start < m.end for m in kept)]
    return sorted(kept + held, key=lambda m: (m.start, m.end)) if held else kept


NAMED = "zone-named"


def misread_people(doc: Document, mentions: list[Mention]) -> list[Mention]:
    """`mentions`, with a name read as a person's right before a zone's kind (沈抚示范区) read as the zone's: no
    person is named so. A zone named after a place or a county the lexicon knows (曹妃甸新区) the gazetteer finds;
    one named after no such place is the model's to find."""
    kept = []
    for k, m in enumerate(mentions):
        tail = TAIL.match(doc.text, m.end) if m.type == "Person" else None
        if tail and (k + 1 == len(mentions) or mentions[k + 1].start >= tail.end()):
            m = Mention(doc.text[m.start:tail.end()], "Zone", m.start, tail.end(), m.sentence, source=NAMED)
        kept.append(m)
    return kept
