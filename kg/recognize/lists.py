"""The items of a list are of one kind: 新能源、生物医药、集成电路、人工智能等领域.

News names a zone's industries, its companies and their products in lists. Where
the other components found most items of a list as names of one type, each
complete, an item they missed is a name of that type too. The list gives an
item's bounds between two 、, and the last one's where 等 ends it. The first
item of a list of industries begins where the clause's words end, after its last
verb, preposition, adverb, particle or pronoun (将围绕|未来显示器件、新材料、检测设备等领域);
other names are led into with a generic word of their kind as often (签约项目包括…),
so a list of them keeps its first item as the other components read it. A clause
that a word for projects leads into lists projects, whatever else was read
(总部项目，包括A总部、B研发中心等), and so does a list that a signing leads into and
等…项目 ends (签约了A、B等重点项目): its items the other components missed are projects.
"""
from __future__ import annotations

import re
from collections import Counter

from kg.model import Document, Mention
from kg.recognize.tokens import CLAUSE_FLAGS, tokenize

SOURCE = "list"
_CLAUSE = re.compile(r"[^，。；：！？,;:!?\n]+")
_LONGEST = 12       # an item longer than this is a phrase, not a name
# the parts of speech of the words a clause leads into its list with (将围绕, 形成了以, 企业的): its own words,
# verbs, adjectives and punctuation
_LEADS_IN = (*CLAUSE_FLAGS, "v", "a", "x")


def complete(doc: Document, mentions: list[Mention]) -> list[Mention]:
    """`mentions`, and each list item they miss where most of its list's items are mentions of one type."""
    in_sentence: dict[int, list[Mention]] = {}
    for m in mentions:
        in_sentence.setdefault(m.sentence, []).append(m)
    found = []
    for s in doc.sentences:
        if "、" not in s.text:
            continue
        here = in_sentence.get(s.index, [])
        for clause in _CLAUSE.finditer(s.text):
            found += _missed(_items(clause.group(), s.start + clause.start()), here, doc.text, s.index) \
                or _projects_listed(s.text, clause, s.start, here, s.index)
    return sorted(mentions + found, key=lambda m: (m.start, m.end)) if found else mentions


def _items(clause: str, at: int) -> list[tuple[int, int, bool]]:
    """(start, end, whether it is the first) of each item of a list of three or more in `clause`."""
    chunks = clause.split("、")
    if len(chunks) < 3:
        return []
    items = []
    for k, chunk in enumerate(chunks):
        end = at + len(chunk)
        if k == len(chunks) - 1:
            cut = chunk.find("等")
            end = at + cut if cut > 0 else -1
        if end != -1:
            items.append((at, end, k == 0))
        at += len(chunk) + 1
    return items


def _missed(items, here: list[Mention], text: str, sentence: int) -> list[Mention]:
    if not items:
        return []
    whole = {}
    for start, end, first in items:
        for m in here:
            if m.end == end and (first or m.start == start):
                whole[start, end] = m.type
    if not whole:
        return []
    kind, count = Counter(whole.values()).most_common(1)[0]
    if count * 2 < len(items):
        return []
    bounds = [(first_item_start(text, start, end) if first else start, end) for start, end, first in items
              if not first or kind == "Industry"]
    return [Mention(text[start:end], kind, start, end, sentence, source=SOURCE) for start, end in bounds
            if (start, end) not in whole and 2 <= end - start <= _LONGEST
            and _unread(start, end, here)]


def _unread(start: int, end: int, here: list[Mention]) -> bool:
    return not any(m.start < end and start < m.end for m in here)


# 总部项目，包括A、B、C等 / 签约项目4个，包括A、B: a clause that a word for projects leads into lists projects
_PROJECTS_BEFORE = re.compile(r"项目(?:[0-9一二三四五六七八九十]+个)?[，,：:]$")
_LISTS_PROJECTS = re.compile(r"(?:包括|分别是|分别为|主要有)[:：]?")
_NOT_A_PROJECT = re.compile(r"[0-9一二三四五六七八九十]+个|涉及|以上")


# 签约了A、B、C等重点项目: a list that a signing leads into and 等…项目 ends
_SIGNED_PROJECTS = re.compile(r"(?:包括|签约了|签订了|引进了|落地了)[:：]?([^、]+(?:、[^、]+)+?)(?:等|在内)[^、]{0,12}?项目")


def _projects_listed(text: str, clause: re.Match, at: int, here: list[Mention], sentence: int) -> list[Mention]:
    """The items the other components missed of a list of projects that a word for projects or a signing
    leads into."""
    listed = _project_list(text, clause)
    if listed is None:
        return []
    begins, body = listed
    found, start = [], at + clause.start() + begins
    for item in body.split("、"):
        end = start + len(item)
        if 4 <= len(item) <= 20 and not _NOT_A_PROJECT.search(item) and _unread(start, end, here):
            found.append(Mention(item, "Project", start, end, sentence, source=SOURCE))
        start = end + 1
    return found


def _project_list(text: str, clause: re.Match) -> tuple[int, str] | None:
    """(where in the clause it begins, its items joined by 、) of the list of projects the clause holds."""
    if "、" not in clause.group():
        return None
    lead = _LISTS_PROJECTS.match(clause.group())
    if lead is not None and _PROJECTS_BEFORE.search(text, 0, clause.start()):
        body = clause.group()[lead.end():]
        return lead.end(), body.split("等", 1)[0]
    signed = _SIGNED_PROJECTS.search(clause.group())
    return (signed.start(1), signed.group(1)) if signed else None


def first_item_start(text: str, start: int, end: int) -> int:
    """Where the first item of a list begins: after the clause's last word that leads into it."""
    words = tokenize(text[start:end])
    lead = max((k for k, w in enumerate(words) if w.flag.startswith(_LEADS_IN) and w.flag != "vn"), default=-1)
    return start + (words[lead].end if lead >= 0 else 0)
