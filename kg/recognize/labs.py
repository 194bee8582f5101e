"""National research bases named field first: 某某质量研究国家重点实验室, 快速制造国家工程研究中心.

The programmes of kg/data/lab_kinds.txt name each base by its field and then the
programme's name. The model reads the programme's name, which it has seen in many
names, and begins there, or reads the field as a firm (某某农药), or reads nothing.
The name begins where the clause's words before the programme's name do: after a
mark, 的, or a verb that sets the base up (共建, 建立). A unit of the base read from
the programme's name on (国家工程研究中心某某创新中心) is named with the field too,
and the programme's name with no field before it (等国家重点实验室) names no base, nor does
the name of a kind of platform alone, at a level or none (建设市级产业创新中心、技术创新中心
等创新平台; kg/data/platform_kinds.txt).
"""
from __future__ import annotations

import re

from kg.lexicon import load, tagger
from kg.model import Document, Mention, Sentence
from kg.recognize.bodies import CLAUSE_VERBS

SOURCE = "lab"
TYPE = "Organization"
_REACH = 12         # the longest field read
_NOT_A_NAME = re.compile(r"[^\u4e00-\u9fffA-Za-z0-9]")
_SETS_UP = re.compile(rf"{CLAUSE_VERBS.pattern}|建立|设立|组建|建成|依托|引进|获批|拥有")


def labs(doc: Document, mentions: list[Mention]) -> list[Mention]:
    """`mentions` with each base named field first read whole, over what was read inside it, and without the
    programmes' names read alone."""
    kinds = load().lab_kinds
    found = [lab for s in doc.sentences for lab in _in_sentence(s, [k for k in kinds if k in s.text], mentions)]
    kept = [m for m in mentions if not _a_kind(m.text) and not any(m.overlaps(f) for f in found)]
    return sorted(kept + found, key=lambda m: (m.start, m.end))


def _a_kind(name: str) -> bool:
    """Whether `name` is a programme's or a kind of platform's alone (国家重点实验室, 省级技术创新中心)."""
    lex = load()
    return name in lex.lab_kinds or _LEVEL.sub("", name) in lex.platform_kinds


_LEVEL = re.compile(r"^(?:国家|省|市|区|县)级?")


def _in_sentence(s: Sentence, kinds: list[str], mentions: list[Mention]) -> list[Mention]:
    """The bases the sentence `s` names field first, of the programmes `kinds` it names."""
    found = []
    for kind in kinds:
        for at in (m.start() + s.start for m in re.finditer(kind, s.text)):
            field = _field(s.text[max(0, at - s.start - _REACH):at - s.start])
            start = at - len(field)
            if not field or any(f.start <= start < f.end for f in found):
                continue
            # what the model read from the programme's name on: the base, or a unit of it
            end = max([m.end for m in mentions if m.start == at] + [at + len(kind)])
            if not any(m.start <= start and end <= m.end for m in mentions):      # not read whole already
                found.append(Mention(s.text[start - s.start:end - s.start], TYPE, start, end, s.index,
                                     source=SOURCE))
    return found


def _field(before: str) -> str:
    """The field a base's name gives before the programme's name: the words of the clause `before` ends,
    back to 的 or a verb that sets a base up; '' for one shorter than two characters."""
    clause = _NOT_A_NAME.split(before)[-1]
    field = ""
    for word in reversed(tagger().tags(clause)[0] if clause else ()):
        if word in ("的", "之") or _SETS_UP.fullmatch(word):
            break
        field = word + field
    return field if len(field) >= 2 else ""
