"""Towns and subdistricts: the divisions below a county (某某县某某镇、某某镇, 某某区某某街道).

The lexicons stop at counties (kg/data/admin_divisions.csv), and a town's name is
short and often a word as well (长安, 临江). News names a town after its county
or city, or in a list with other towns: a name of two or three characters and
镇, 乡 or 街道 right after a county's or city's mention, or after such a town and
、 or 和, is a place.
"""
from __future__ import annotations

import re

from kg.lexicon import is_plain_word, load
from kg.model import Document, Mention

SOURCE = "town"
_TOWN = re.compile(r"[\u4e00-\u9fff]{2,3}?(?:镇|乡|街道)(?![\u4e00-\u9fff]?(?:政府|党委|人民|长|书记|村|级))")
JOINED = ("、", "和", "及")     # what joins the items of a list of names


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
    return sorted(mentions + found, key=lambda m: (m.start, m.end)) if found else mentions
