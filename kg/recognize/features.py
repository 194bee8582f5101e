"""What the learned recogniser sees of each character: one module for training and for tagging.

A character is described by the characters around it, the word jieba puts it
in (and that word's part of speech), the lexicon names it lies in (a zone, a
province, a post, a company's tail, one of jieba's person or place names …),
and whether it stands inside 《》 or “”. The model learns from annotated text
how much each of these says; the lexicons are its evidence, not its verdict.

A text is read once into a few sequences, one item a character (`sequences`):
its characters, each one's place in its word, its word, what encloses it. A
feature template picks items of one sequence around a character ("lc": the
character on the left and the character itself) and its value joins them
("lc=潍坊"). Training reads the features as crfsuite's attribute strings
(`attributes`); the tagger (kg/recognize/learned.py) looks the same items up
as numbers. `marks` are the lexicon features, which a character may have many
of, or none.

    attributes("潍坊高新区管委会")[0]     # ['c=潍', 'l=^', …, 'xBzone', 'xBcity', …]
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import cache
from typing import NamedTuple

import numpy as np

from kg.lexicon import DIVISIONS, ZONE_TAILS, dictionary, load, tagger
from kg.recognize.tokens import PROPER_FLAGS, in_listing_clauses

_OPENERS = {"《": "》", "“": "”", "「": "」"}
BEFORE, AFTER = "^", "$"        # the items beyond a text's ends


class Template(NamedTuple):
    name: str
    sequence: str               # "char", "place", "word", "inside" or "list"
    offsets: tuple[int, ...]    # the items it joins, relative to the character


TEMPLATES = (
    Template("c", "char", (0,)), Template("l", "char", (-1,)), Template("r", "char", (1,)),
    Template("ll", "char", (-2,)), Template("rr", "char", (2,)),
    Template("lc", "char", (-1, 0)), Template("cr", "char", (0, 1)), Template("lr", "char", (-1, 1)),
    Template("w", "place", (0,)), Template("wl", "place", (-1,)), Template("wr", "place", (1,)),
    Template("W", "word", (0,)), Template("in", "inside", (0,)), Template("li", "list", (0,)))


def _ours() -> dict[str, set[str]]:
    """Our lexicons' names, each with the kinds it has (a zone, a city, a post, a company's tail …)."""
    kinds: dict[str, set[str]] = {}
    lex = load()

    def add(words, kind):
        for w in words:
            if w:
                kinds.setdefault(w, set()).add(kind)

    add(lex.zones, "zone")
    for name, place in lex.places.items():
        add([name], place.level if place.level in DIVISIONS else "world")
    add(lex.posts, "post")
    for tail, type_ in lex.suffixes:
        add([tail], "tail" + type_)
    add(lex.industries, "industry")
    add(lex.surnames, "surname")
    add(ZONE_TAILS, "zonetail")
    return kinds


class Lexicons:
    """Every lexicon name, ours and jieba's proper names, with the kinds it has, in one Aho-Corasick automaton."""

    def __init__(self):
        import ahocorasick_rs

        kinds = _ours()
        for w, (_, flag) in dictionary().items():
            if len(w) >= 2 and flag in PROPER_FLAGS:
                kinds.setdefault(w, set()).add("dict" + flag)
        words = sorted(kinds)
        self.kindsets = sorted({tuple(sorted(kinds[w])) for w in words})     # a few dozen
        number = {kindset: k for k, kindset in enumerate(self.kindsets)}
        self.kindset_of = np.array([number[tuple(sorted(kinds[w]))] for w in words], np.intp)
        self._automaton = ahocorasick_rs.AhoCorasick(words)

    def matches(self, text: str) -> list[tuple[int, int, int]]:
        """(word, start, end) of every lexicon name in `text`, overlaps and all."""
        return self._automaton.find_matches_as_indexes(text, overlapping=True)

    def marks(self, text: str) -> list[tuple[int, str]]:
        """(character, feature) for each character's place in each lexicon name over it ('xBzone', 'xEcity'),
        and for the characters just outside it ('<post': a post ends right before; '>tailCompany': a
        company's tail begins right after)."""
        marks = []
        for k, start, end in self.matches(text):
            for kind in self.kindsets[self.kindset_of[k]]:
                if end - start == 1:
                    marks.append((start, "xS" + kind))
                else:
                    marks += [(start, "xB" + kind), (end - 1, "xE" + kind)]
                    marks += [(j, "xM" + kind) for j in range(start + 1, end - 1)]
                if start:
                    marks.append((start - 1, ">" + kind))
                if end < len(text):
                    marks.append((end, "<" + kind))
        return marks


@cache
def lexicons() -> Lexicons:
    return Lexicons()


@cache
def lexicon_digest() -> str:
    """What the features read besides the text, in a word: the templates, and our lexicons' names with their
    kinds (jieba's own dictionary changes only with jieba). A CRF trained on other lexicons meets features its
    weights were not learned for; `kg train` keeps the digest in the archive, and kg.recognize.learned.stale
    says whether a model's differs, so that a lexicon grown since a model was trained does not go unnoticed."""
    digest = hashlib.sha256(" ".join(t.name for t in TEMPLATES).encode())
    kinds = _ours()
    for w in sorted(kinds):
        digest.update(f"{w}\t{'|'.join(sorted(kinds[w]))}\n".encode())
    return digest.hexdigest()[:16]


def marks(text: str) -> list[tuple[int, str]]:
    return lexicons().marks(text)


def normal(ch: str) -> str:
    """One form for the many ways a character is written: full-width, upper case, any digit."""
    folded = unicodedata.normalize("NFKC", ch).lower()[:1] or ch
    return "0" if folded.isdigit() else folded


class _Normal(dict):
    """A table for str.translate: each character's normal form, worked out the first time it is met."""

    def __missing__(self, code: int) -> str:
        self[code] = normal(chr(code))
        return self[code]


_NORMAL = _Normal()


def _words(text: str) -> tuple[list[str], list[str]]:
    """Each character's place in its jieba word with the word's part of speech ('Bns'), and the word."""
    words, flags = tagger().tags(text)
    place, word = [], []
    for w, flag in zip(words, flags):
        n = len(w)
        place += _places(n, flag)
        word += [w if n <= 6 else "~"] * n
    return place, word


@cache
def _places(length: int, flag: str) -> tuple[str, ...]:
    if length == 1:
        return ("S" + flag,)
    return ("B" + flag, *["M" + flag] * (length - 2), "E" + flag)


def _enclosed(text: str) -> list[str | None]:
    """'《' for a character inside 《…》, '“' inside “…”: where policies and products are named."""
    inside: list[str | None] = [None] * len(text)
    for m in _ENCLOSED.finditer(text):
        inside[m.start() + 1:m.end() - 1] = [m.group()[0]] * (m.end() - m.start() - 2)
    return inside


_ENCLOSED = re.compile("|".join(f"{o}[^{o}{c}]{{0,58}}{c}" for o, c in _OPENERS.items()))


def listed(text: str) -> list[str | None]:
    """'company' for a character of an item of a list of companies (A、B、C等企业), 'industry' of one of
    industries (A、B、C等产业, …领域): news names the enterprises and industries of a zone in lists."""
    listed: list[str | None] = [None] * len(text)
    if "、" not in text:
        return listed       # most sentences hold no list
    for kind, pattern in LISTS.items():
        for m in in_listing_clauses(pattern, text, _CLAUSE, _LIST_END):
            at = m.start(1)
            for item in m.group(1).split("、"):
                listed[at:at + len(item)] = [kind] * len(item)
                at += len(item) + 1
    return listed


# the words that say what kind of industries a zone has, not which: 主导产业, 特色产业集群
QUALIFIERS = "主导|特色|优势|未来|新兴|战略性新兴|重点|高成长|细分|支柱|传统"
# A、B和C等(N个)?…产业 / …企业: the items of a list and the word it ends in lie within one clause
LISTS = {"company": re.compile(r"((?:[^，。、；：！？“”\s]{2,10}、)+[^，。、；：！？“”\s]{2,10})等"
                               r"(?:(?!领域|产业|行业)[^，。；]){0,10}?(?:企业|公司|集团)"),
         "industry": re.compile(r"((?:[^，。、；：！？“”（）]{2,16}、)+[^，。、；：！？“”（）]{2,16}?)(?:等|\s)*"
                                r"(?:[0-9一二三四五六七八九十]+个|两大|三大|四大|五大|六大)?"
                                r"(?:%s)*"
                                r"(?:产业(?!化)|领域|产业链|产业集群|行业|新业态|业态|赛道)" % QUALIFIERS)}
_CLAUSE = re.compile(r"[^，。；：！？]+")
_LIST_END = re.compile(r"企业|公司|集团|产业|领域|行业|业态|赛道")


def sequences(text: str) -> dict[str, str | list[str | None]]:
    """The items the templates read, one a character of `text` (None: nothing there); the characters
    as a string."""
    place, word = _words(text)
    return {"char": text.translate(_NORMAL), "place": place, "word": word, "inside": _enclosed(text),
            "list": listed(text)}


def values(template: Template, items: list[str | None]) -> list[str | None]:
    """The template's value at every character, from the items of its sequence."""
    reach = max(map(abs, template.offsets))
    padded = [BEFORE] * reach + list(items) + [AFTER] * reach
    picked = [padded[reach + off:reach + off + len(items)] for off in template.offsets]
    if len(picked) == 1:
        return picked[0]
    return ["".join(joined) for joined in zip(*picked)]


def attributes(text: str) -> list[list[str]]:
    """The features of every character of `text` as crfsuite's attribute strings, a list each."""
    rows: list[list[str]] = [[] for _ in text]
    read = sequences(text)
    for template in TEMPLATES:
        prefix = template.name + "="
        for row, value in zip(rows, values(template, read[template.sequence])):
            if value is not None:
                row.append(prefix + value)
    for at, mark in marks(text):
        rows[at].append(mark)
    return rows
