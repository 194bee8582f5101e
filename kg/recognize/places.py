"""Zones and places: the gazetteer of national high-tech zones, China's divisions, and zone-shaped names."""
from __future__ import annotations

import re
from functools import cache

from kg.lexicon import any_of, load
from kg.model import Mention

# a zone that is not in the national list still has a zone's shape: a place, then 高新区 or the like
ZONE_TAILS = "高新技术产业开发区|高新区|经济技术开发区|经开区|科学城|科技城|自贸区|农高区|示范区"


@cache
def _gazetteer() -> re.Pattern:
    return any_of(set(load().zones) | set(load().places))


@cache
def zone_shape() -> re.Pattern:
    places = any_of(n for n in load().places if len(n) >= 2).pattern
    # 西部（重庆）科学城: a region with its city in brackets
    return re.compile(r"(?:%s|[东西南北中]部(?:（[^（）]{2,4}）)?)(?:国家)?(?:%s)" % (places, ZONE_TAILS))


def find(text: str, offset: int, sentence: int, tokens=()):
    lex = load()
    edges = {t.start for t in tokens} | {t.end for t in tokens}
    for m in zone_shape().finditer(text):
        yield Mention(m.group(), "Zone", offset + m.start(), offset + m.end(), sentence)
    for m in _gazetteer().finditer(text):
        name = m.group()
        kind = "Zone" if name in lex.zones else "Place"
        short = kind == "Place" and lex.places[name].name != name
        # a short form inside a word is no place (白银 in 真金白银, 兴城 in 以产兴城)
        if short and tokens and not (m.start() in edges and m.end() in edges):
            continue
        yield Mention(name, kind, offset + m.start(), offset + m.end(), sentence)
