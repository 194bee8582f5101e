"""Zones and places: the gazetteer of national high-tech zones, China's divisions, and zone-shaped names."""
from __future__ import annotations

import re
from functools import cache

from kg.lexicon import Names, any_of, load
from kg.model import Mention

# a zone that is not in the national list still has a zone's shape: a place, then 高新区 or the like
ZONE_TAILS = "高新技术产业开发区|高新区|经济技术开发区|经开区|科学城|科技城|自贸区|农高区|示范区"


@cache
def gazetteer() -> Names:
    return Names(set(load().zones) | set(load().places))


@cache
def zone_shape() -> re.Pattern:
    places = any_of(n for n in load().places if len(n) >= 2).pattern
    # 西部（重庆）科学城: a region with its city in brackets
    return re.compile(r"(?:%s|[东西南北中]部(?:（[^（）]{2,4}）)?)(?:国家)?(?:%s)" % (places, ZONE_TAILS))


_TAIL = re.compile(r"(?:国家)?(?:%s)" % ZONE_TAILS)
_REGION = re.compile(r"[东西南北中]部(?:（[^（）]{2,4}）)?$")


@cache
def _place_names() -> tuple[frozenset[str], int]:
    names = frozenset(n for n in load().places if len(n) >= 2)
    return names, max(map(len, names))


def zone_shapes(text: str):
    """(start, end) of each zone-shaped name, as `zone_shape().finditer` finds them: found from
    the tail leftwards, since trying thousands of places at every character is slow."""
    names, longest = _place_names()
    last = 0
    for tail in _TAIL.finditer(text):
        at = tail.start()
        starts = [at - k for k in range(min(longest, at - last), 1, -1) if text[at - k:at] in names][:1]
        region = _REGION.search(text, max(last, at - 10), at)
        if region:
            starts.append(region.start())
        if starts:
            yield min(starts), tail.end()
            last = tail.end()


def find(text: str, offset: int, sentence: int, tokens=()):
    lex = load()
    edges = None
    for start, end in zone_shapes(text):
        yield Mention(text[start:end], "Zone", offset + start, offset + end, sentence)
    for start, end, name in gazetteer().finditer(text):
        kind = "Zone" if name in lex.zones else "Place"
        short = kind == "Place" and lex.places[name].name != name
        # a short form inside a word is no place (白银 in 真金白银, 兴城 in 以产兴城)
        if short and tokens:
            edges = edges or {t.start for t in tokens} | {t.end for t in tokens}
            if not (start in edges and end in edges):
                continue
        yield Mention(name, kind, offset + start, offset + end, sentence)
