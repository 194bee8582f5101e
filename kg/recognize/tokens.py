"""Words: jieba's cut of a text, as tokens with their offsets, and where words begin and end."""
from __future__ import annotations

import re
from functools import lru_cache
from itertools import accumulate, repeat
from typing import NamedTuple

from kg.lexicon import tagger


# jieba's parts of speech of the words that make a clause, never a name: adverbs, prepositions, particles,
# numbers, pronouns, conjunctions, measure words
CLAUSE_FLAGS = ("d", "p", "u", "m", "r", "c", "q")
# jieba's parts of speech for names of people, places, bodies and other proper names
PROPER_FLAGS = ("nr", "ns", "nt", "nz")


class Token(NamedTuple):      # a tuple: a page makes tens of thousands
    word: str
    flag: str
    start: int
    end: int


def tokenize(text: str) -> list[Token]:
    words, flags = tagger().tags(text)
    ends = list(accumulate(map(len, words)))
    # tuple.__new__ straight from C: Token._make, a Python function, costs a third more
    tokens = list(map(tuple.__new__, repeat(Token), zip(words, flags, [0, *ends[:-1]], ends)))
    if "eng" in flags:
        tokens = _numbered(tokens)
    return tokens


def _numbered(tokens: list[Token]) -> list[Token]:
    """3D, 5G: a number and the letters after it make one word."""
    joined = tokens[:1]
    for tok in tokens[1:]:
        if tok.flag == "eng" and joined[-1].flag == "m":
            last = joined.pop()
            tok = Token(last.word + tok.word, "eng", last.start, tok.end)
        joined.append(tok)
    return joined


@lru_cache(maxsize=256)     # a sentence's mentions ask in turn
def inside_common_words(text: str) -> frozenset[int]:
    """The offsets of `text` past the first character of a word of jieba's that is no proper name."""
    return frozenset(at for t in tokenize(text) if not t.flag.startswith(PROPER_FLAGS)
                     for at in range(t.start + 1, t.end))


def word_edges(text: str) -> set[int]:
    """The offsets where the words of `text` begin and end."""
    words, _ = tagger().tags(text)
    return set(accumulate(map(len, words), initial=0))


def in_listing_clauses(pattern: re.Pattern, text: str, clause: re.Pattern, tail: re.Pattern):
    """pattern.finditer(text), run only over the clauses (the runs `clause` matches) that hold
    a 、 and the word `tail` finds, the word a list must end in.

    A list pattern tries every character as a list's start; where no 、 or no such word is, no list can be."""
    for part in clause.finditer(text):
        if "、" in part.group() and tail.search(part.group()):
            yield from pattern.finditer(text, part.start(), part.end())
