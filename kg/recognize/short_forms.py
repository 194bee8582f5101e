"""Names read off other names: the short forms of the bodies a page names in full, project owners, and
the other places a page names what was read once.

A page names 北京市医疗器械检验研究院 once and 北京器检院 after; it names
某某电子智能终端生产基地项目 and, elsewhere, 某某电子 opening a clause of
its own; it names 某某新材 where the words around make it a firm's name and
again where they do not (某某新材表示…). These components run after the others,
on the names they found, and every search is one pass over the page, whatever
the number of names.
"""
from __future__ import annotations

import re
from bisect import bisect_left, insort
from os.path import commonprefix
from functools import lru_cache

from kg.lexicon import Names, body_tails, is_plain_word, leading_place, leading_zone_name, load, org_tails
from kg.model import Document, Mention, Sentence
from kg.recognize import coreference
from kg.recognize.brackets import QUOTES
from kg.recognize.gazetteer import leading_zone_shape
from kg.recognize.tokens import tokenize, word_edges

SHORT_FORM, OWNER, REPEATED = "short-form", "owner", "repeated"
COMPANY_TAIL = re.compile(r"(股份有限公司|有限责任公司|有限公司|集团公司|集团|公司)$")
_GROUP_TAILS = ("集团", "公司")
_QUOTED = re.compile("[%s]" % "".join(QUOTES))
_GROUP_BETWEEN = re.compile(r".{1,6}集团(?:股份有限公司|有限责任公司|有限公司)?")


def is_short_form(short: str, long: str) -> bool:
    """北京器检院 of 北京市医疗器械检验研究院, 华远重工 of 山东华远重工有限公司, 星河 of 星河（山东）科技有限公司."""
    if len(short) >= len(long) or len(short) < 2:
        return False
    if load().academies.get(short, long) != long:
        return False        # 中科院 is 中国科学院's, not 中国科学院海西研究院's (kg/data/academies.txt)
    if long.startswith(short) and short.endswith(body_tails()):
        return False        # 星湖学院 of 星湖学院某某研究院: the body it belongs to, named whole
    named_in = long.find(short)
    if named_in >= 0 and short.endswith(_GROUP_TAILS) and COMPANY_TAIL.sub("", long[named_in + len(short):]):
        return False        # 星河集团 of 星河集团某某药业有限公司: the group whose firm the longer name is
    core = name_core(long)
    if long.startswith(short) and COMPANY_TAIL.search(long) and not COMPANY_TAIL.search(short):
        return not _place_alone(COMPANY_TAIL.sub("", long[len(short):]))    # 星河中国公司: the firm's arm
    if short.endswith("集团") and long.startswith(short[:-2]) and _GROUP_BETWEEN.fullmatch(long[len(short) - 2:]) \
            and len(name_core(short)) >= 2:
        return True     # 星海高科集团 of 星海高科国有控股集团有限公司: the words before 集团 left out
    if short == core or (core.startswith(short) and len(short) >= 4):
        return True
    # an abbreviation keeps the first and last characters and the order of the rest, and every place: 某市委 is
    # no abbreviation of 某市某区委, the body of a place within
    return short[0] == long[0] and short[-1] == long[-1] and len(short) >= 3 and not _drops_a_place(short, long) \
        and not _place_and_tail(short, long) and not _department_of(short, long) and in_order(short, long)


def in_order(short: str, long: str) -> bool:
    """Whether every character of `short` stands in `long`, in the same order (an abbreviation's)."""
    rest = iter(long)
    return all(ch in rest for ch in short)


def _place_alone(name: str) -> bool:
    return bool(name) and leading_place(name) == name


def _place_and_tail(short: str, long: str) -> bool:
    """北京大学, 某省银行: a place and a kind of body, a name of its own rather than the abbreviation of another
    (北京某某大学, 某省某某银行, or 某省银行某分行, a branch of it); but 某区政府 of 某区人民政府, the same kind
    shortened."""
    place = leading_place(short)
    kind = short[len(place):]
    if not place or kind not in org_tails():
        return False
    own = next((tail for tail in org_tails() if long.endswith(tail)), "")
    return not (len(own) > len(kind) and own.endswith(kind))


def _department_of(short: str, long: str) -> bool:
    """Whether `long` is a department of the place `short` begins with (上海市委 and 上海市经信委, 某县政府 and
    某县发改局): a body of the place's own, not its abbreviation."""
    place = leading_place(short)
    return bool(place) and long.startswith(place) and long[len(place):] in load().departments


def _drops_a_place(short: str, long: str) -> bool:
    """Whether `long` names a place after the one it begins with that `short` leaves out."""
    inner = leading_place(long[len(leading_place(long)):])
    return bool(inner) and inner not in short


@lru_cache(maxsize=1 << 16)
def name_core(name: str) -> str:
    """山东华远重工有限公司 → 华远重工: the name without its place, bracketed region and company tail."""
    core = re.sub(r"（[^）]*）", "", COMPANY_TAIL.sub("", name))
    place = leading_place(core)
    return core[len(place):] if place and len(core) - len(place) >= 2 else core


class Taken:
    """The spans of a page's mentions, which do not overlap, kept in order for bisection."""

    def __init__(self, mentions: list[Mention]):
        self.spans = sorted((m.start, m.end) for m in mentions)

    def overlapping(self, start: int, end: int) -> list[tuple[int, int]]:
        k = bisect_left(self.spans, (start, start))
        k = k - 1 if k and self.spans[k - 1][1] > start else k
        found = []
        while k < len(self.spans) and self.spans[k][0] < end:
            found.append(self.spans[k])
            k += 1
        return found

    def add(self, start: int, end: int):
        insort(self.spans, (start, end))

    def remove(self, span: tuple[int, int]):
        self.spans.pop(bisect_left(self.spans, span))


def short_forms(doc: Document, mentions: list[Mention]) -> list[Mention]:
    """`mentions`, and every place where a short form of a body's full name stands; a shorter mention
    inside the short form (北京 in 北京器检院) gives way to it."""
    names = sorted({(m.text, m.type) for m in mentions if m.type in ("Company", "Organization") and len(m.text) >= 6})
    wanted: dict[str, tuple[str, str]] = {}
    candidates = _abbreviations(doc.text, {(name[0], name[-1]) for name, _ in names})
    for name, kind in names:
        for short in _short_candidates(name, candidates.get((name[0], name[-1]), ())):
            wanted.setdefault(short, (name, kind))
    for own, name in _own_names({m.text for m in mentions if m.type == "Company"}).items():
        wanted.setdefault(own, (name, "Company"))
    if not wanted:
        return mentions
    taken, inside, sentence_of, sentences = Taken(mentions), set(), sentence_finder(doc), doc.sentences
    found = []
    for start, end, short in Names(wanted).finditer(doc.text):
        crossing = taken.overlapping(start, end)
        within = [s for s in crossing if start <= s[0] and s[1] <= end]
        sentence = sentence_of(start)
        if len(within) < len(crossing) or sentence is None or not _word_edge(sentences[sentence], end):
            continue
        for span in within:
            taken.remove(span)
            inside.add(span)
        taken.add(start, end)
        name, kind = wanted[short]
        found.append(Mention(short, kind, start, end, sentence, name=name, source=SHORT_FORM))
    return sorted([m for m in mentions if (m.start, m.end) not in inside] + found, key=lambda m: m.start)


# the types whose names read once are names wherever the page repeats them: a zone's name, counted to tell which
# zone an article is about, is the gazetteer's; places, bureaus and policies named again gained no fact
_REPEATED = ("Company", "Organization", "Person", "Project", "Product", "Industry")
_SHORTEST_REPEATED = 3      # 医药, 航空, 金融: two characters are as often a word of a longer name


def repeated(doc: Document, mentions: list[Mention]) -> list[Mention]:
    """`mentions`, and every other place the page names a firm, body, person, project, product or industry of
    three characters or more that was read somewhere on it, as a whole word where no other name stands: the
    model reads a name where the words around it tell, and misses it where they do not. A name read as two
    types is left as read."""
    types: dict[str, set[str]] = {}
    for m in mentions:
        if m.source != coreference.SOURCE:      # 该企业: a word that points back, not a name
            types.setdefault(m.text, set()).add(m.type)
    wanted = {name: kind for name, kinds in types.items() if len(kinds) == 1
              for kind in kinds if kind in _REPEATED and len(name) >= _SHORTEST_REPEATED}
    if not wanted:
        return mentions
    taken, sentence_of, sentences = Taken(mentions), sentence_finder(doc), doc.sentences
    found = []
    for start, end, name in Names(wanted).finditer(doc.text):
        k = sentence_of(start)
        if k is not None and end <= sentences[k].end and not taken.overlapping(start, end) \
                and _word_edge(sentences[k], start, end):
            found.append(Mention(name, wanted[name], start, end, k, source=REPEATED))
    return sorted(mentions + found, key=lambda m: (m.start, m.end))


def _own_names(firms: set[str]) -> dict[str, str]:
    """A firm named after its group's brand, which another firm of the page is named after too (星河汽车,
    星河爱思科): its own name, three characters or more, is its short form (爱思科)."""
    found = {}
    for firm in firms:
        for other in firms - {firm}:
            brand = len(commonprefix([firm, other]))
            own = firm[brand:]
            if brand >= 2 and len(own) >= 3 and not COMPANY_TAIL.search(own) and own not in load().trades:
                found[own] = firm
    return found


def _word_edge(s: Sentence, *at: int) -> bool:
    """Whether a word of the sentence begins or ends at each offset of the page `at` (the sentence tagged once): a
    short form ends where a word does (中科院院 of 中科院院士 is none, its 院 the first of 院士), and a name repeated
    stands whole."""
    edges = word_edges(s.text)
    return all(a - s.start in edges for a in at)


def _abbreviations(text: str, ends: set[tuple[str, str]]) -> dict[tuple[str, str], set[str]]:
    """Every stretch of three to six characters without punctuation whose first and last characters
    begin and end some name: the abbreviations any of them might have, found in one pass."""
    lasts = {last for _, last in ends}
    found: dict[tuple[str, str], set[str]] = {}
    for at, ch in enumerate(text):
        if ch not in lasts:
            continue
        for k in range(3, 7):
            candidate = text[at - k + 1:at + 1]
            if len(candidate) == k and (candidate[0], ch) in ends and not _BREAK.search(candidate):
                found.setdefault((candidate[0], ch), set()).add(candidate)
    return found


_BREAK = re.compile(r"[，。、；：\s]")


def _short_candidates(name: str, abbreviations) -> list[str]:
    shorts = {name_core(name), *(a for a in abbreviations if is_short_form(a, name))}
    if "（" in name:
        shorts.add(name.split("（")[0])      # 星河（山东）科技有限公司 → 星河
    return sorted(s for s in shorts if len(s) >= 3 and s != name and s not in load().places)


def owners(doc: Document, mentions: list[Mention]) -> list[Mention]:
    """某某卫星柔性化…基地项目 … 某某卫星致力于…: the name a project begins with, when it also
    opens a clause of its own elsewhere on the page, is the company that builds it; the project named
    again (东数西算某某配套项目 opening two clauses) is no clause of the owner's."""
    taken, sentence_of = Taken(mentions), sentence_finder(doc)
    found = []
    for project in sorted({m.text for m in mentions if m.type == "Project"}):
        for owner in _leading_names(project):
            at = [a for a in _occurrences(doc.text, owner) if _opens_clause(doc.text, a)
                  and not doc.text.startswith(project, a) and not taken.overlapping(a, a + len(owner))]
            sentences = [(a, sentence_of(a)) for a in at]
            found += [Mention(owner, "Company", a, a + len(owner), s, source=OWNER) for a, s in sentences
                      if s is not None]
            if at:
                break
    return sorted(mentions + found, key=lambda m: m.start)


def _leading_names(project: str):
    """The candidate owner names a project's name begins with, longest first: whole words, four to eight characters,
    none in quotes (“某药”产业基地 names what the base makes)."""
    lex = load()
    ends = [t.end for t in tokenize(project) if 4 <= t.end <= 8 and t.end < len(project) - 2]
    for end in sorted(ends, reverse=True):
        name = project[:end]
        if not _QUOTED.search(name) and name not in lex.industries and not leading_place(name) \
                and not leading_zone_name(name) and not leading_zone_shape(name) and not is_plain_word(name, min_freq=1):
            yield name


def sentence_finder(doc: Document):
    """A function from an offset of the page to the index of the sentence there, or None."""
    sentences = doc.sentences
    starts = [s.start for s in sentences]

    def sentence_of(at: int) -> int | None:
        k = bisect_left(starts, at + 1) - 1
        return sentences[k].index if k >= 0 and at < sentences[k].end else None
    return sentence_of


def _opens_clause(text: str, at: int) -> bool:
    return at == 0 or text[at - 1] in "，。；：！？\n" or text[max(0, at - 2):at] in ("此次", "目前", "其中")


def _occurrences(text: str, word: str):
    at = text.find(word)
    while at != -1:
        yield at
        at = text.find(word, at + len(word))
