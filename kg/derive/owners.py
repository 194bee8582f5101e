"""The company a project is named after: 星辰电子 of 星辰电子智能传感器生产基地项目.

A project named with its company in front keeps the company in its name, and the
company is an entity of its own that invests in it (ANNOTATION.md). A name with a
company's tail (某某有限公司…项目) says where the company ends; most do not
(星辰电子智能传感器生产基地项目, 海川材料轻量化车身项目). Where one does is
learned: a logistic regression scores each place the name may split (where one
of jieba's words ends), from what stands either side of it, whether the page
names the front part on its own and whether it lists the name among others. It
learns from the gold's projects (kg/train/owners.py) and its weights travel in
the recogniser's archive, so each fold's recogniser has its own.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import numpy as np

from kg.lexicon import Prefixes, dictionary, leading_place, load
from kg.recognize.tokens import tokenize

SOURCE = "derived:owner"
THRESHOLD = 0.6      # best with `listed` on kept folds: typed entities 0.8217, triples 0.6704 (at 0.55: 0.8206, 0.6697)
_LATIN = re.compile(r"[A-Za-z]")
_PARK_WORDS = ("园", "谷")      # not 城: a developer names its towns after itself (某某城)
_NUMBER = re.compile(r"[0-9一二三四五]")


def splits(name: str, page: str) -> list[tuple[int, list[str]]]:
    """Each place an owner may end, after a word and leaving two characters or more either side, with what
    the model reads of `name` split there, on a page whose text is `page`."""
    words = tokenize(name)
    whole = page.count(name)
    listed = _listed(name, page)
    return [(w.end, _features(name, w.end, words, page.count(name[:w.end]) - whole, listed)) for w in words
            if 2 <= w.end <= len(name) - 2]


def _listed(name: str, page: str) -> bool:
    """Whether the page names `name` as an item of a list (甲、乙等; 、乙; 和乙). A signing's list of projects
    names most of them after their firms (甲光电产业园、乙功率半导体生产基地、丙全球采购中心), by short names
    no dictionary knows; a project named alone is more often named after its place or what it makes."""
    item = re.escape(name)
    return re.search(rf"{item}[、等]|[、和及]{item}", page) is not None


def _features(name: str, end: int, words: list, elsewhere: int, listed: bool) -> list[str]:
    front, rest = name[:end], name[end:]
    after = next(t for t in words if t.start == end)
    before = [t for t in words if t.end <= end]
    place = leading_place(front)
    lex = load()
    found = ["bias", f"len={min(len(front), 8)}", f"words={min(len(before), 4)}",
             f"freq={_frequency(front)}", f"corefreq={_frequency(front[len(place):] if place else front)}",
             f"last={front[-1]}", f"last2={front[-2:]}", f"next={rest[0]}", f"next2={rest[:2]}",
             f"nextword={after.word}", f"nextpos={after.flag}", f"lastpos={before[-1].flag}",
             "pos=" + "+".join(t.flag for t in before[:3]), f"nextfreq={_frequency(after.word)}"]
    industry = _industries().longest(rest, shortest=2)
    if industry:
        found += ["rest-industry", f"rest-industry={min(len(industry), 4)}"]
    front_industry = _industries().longest(front, shortest=2)
    if front_industry:
        found.append("front-is-industry" if front_industry == front else "front-begins-industry")
    found += [flag for flag, yes in (("front-place", front in lex.places), ("front-begins-place", bool(place)),
                                     ("rest-place", bool(leading_place(rest))),
                                     ("front-tail", any(front.endswith(t) for t, _ in _tails())),
                                     ("front-trade", len(front) >= 4 and _trade(front)),
                                     ("front-latin", bool(_LATIN.search(front))),
                                     ("rest-number", bool(_NUMBER.match(rest)))) if yes]
    found.append(f"elsewhere={min(max(elsewhere, 0), 2)}")      # the page names the front part on its own
    if listed:      # and, in a list, how rare the front part is and whether the page names it alone weigh anew
        found += ["listed", *(f"listed|{f}" for f in found if f.startswith(("freq=", "corefreq=", "elsewhere=")))]
    return found


def _trade(front: str) -> bool:
    """Whether `front` is a name of two characters or more and a trade word (某某电子, 某某药业), not two
    trades or an industry and a trade (电子科技, 新能源科技)."""
    lex = load()
    return any(front[-n:] in lex.trades and front[:-n] not in lex.trades and front[:-n] not in lex.industries
               for n in range(2, min(4, len(front) - 2) + 1))


def _frequency(word: str) -> str:
    f = dictionary().get(word, (0, ""))[0]
    return "none" if f == 0 else "low" if f < 50 else "mid" if f < 1000 else "high"


@lru_cache(maxsize=1)
def _industries() -> Prefixes:
    return Prefixes(load().industries)


@lru_cache(maxsize=1)
def _tails() -> tuple:
    return tuple((t, kind) for t, kind in load().suffixes if len(t) >= 2)


class Owners:
    """The weights of the split model: one a feature, and the features' names."""

    def __init__(self, names, weights):
        self.weight = dict(zip((str(n) for n in names), np.asarray(weights, np.float64).tolist()))

    def owner(self, name: str, page: str) -> str:
        """The company `name` begins with, or '' where the model puts none at THRESHOLD or above. No front that a
        park's one-character word follows (星湖 of 星湖园先进制造产业园): the front and that word name the park."""
        parks = {t.start for t in tokenize(name) if t.word in _PARK_WORDS}
        scored = [(sum(self.weight.get(f, 0.0) for f in features), -end) for end, features in splits(name, page)
                  if end not in parks]
        best = max(scored, default=(-np.inf, 0))
        return name[:-best[1]] if 1 / (1 + np.exp(-best[0])) >= THRESHOLD else ""


@lru_cache(maxsize=8)
def owners_in(path: Path, stamp: int) -> Owners | None:
    """The split model the recogniser's archive at `path` carries (stamp: its mtime, so a retrained file is
    read again); None for an archive without one."""
    with np.load(path, allow_pickle=False) as arrays:
        if "owner_features" not in arrays:
            return None
        return Owners(arrays["owner_features"], arrays["owner_weights"])
