"""Bodies named with their place in front: 中国工程院, 澳门科技大学, 临江星河电子有限公司.

The gazetteer reads the place at the head of such a name wherever the model
missed the whole. A place followed, within one word-bounded run of a few
characters, by a tail that decides a body's type (研究院, 大学, 有限公司 …,
kg/data/org_suffixes.csv) is that body; what the model read inside the run is
part of its name. So is a body followed by the name of one of its units
(中国科学院 + 软件研究所, 天津市人民政府 + 办公厅, kg/data/unit_tails.txt): the unit,
of the body's type, but a firm's laboratory or institute is an organisation.
"""
from __future__ import annotations

import re
from functools import cache

from kg.lexicon import any_of, load
from kg.model import BODIES, Document, Mention
from kg.recognize.coreference import REFERENCE
from kg.recognize.tokens import tokenize, word_edges

SOURCE = "place-body"
_RUN = 10       # characters between the place and the tail at most: a name, not a clause
# verbs no body's name holds: a run over one (某学院共建研究院, 在北京举行招商会) is a clause's, not a name
CLAUSE_VERBS = re.compile(r"共建|创建|签约|成立|打造|举行|召开|举办")
_CLAUSE = re.compile(rf"[和与及同各]|合作|对接|建设|{CLAUSE_VERBS.pattern}")   # 某县与某大学共建研究院: a clause


@cache
def _tail(unit: bool) -> re.Pattern:
    # a place's government (某市人民政府, 某区管委会) follows it at once, and is kg/recognize/governments.py's: over a
    # run, its tail ends a clause (某区区长某某率某区政府)
    tails = any_of(load().unit_tails if unit else
                   [tail for tail, kind in load().deciding if kind != "GovernmentAgency"])
    return re.compile(r"[\u4e00-\u9fff]{0,%d}?(?:%s)" % (_RUN, tails.pattern))


def bodies(doc: Document, mentions: list[Mention]) -> list[Mention]:
    """`mentions`, with each place that a body's name goes on from made that body."""
    sentences = {s.index: s for s in doc.sentences}
    kept: list[Mention] = []
    body_end = -1
    for m in mentions:
        if m.start < body_end:
            continue        # what the model read inside the body's name
        body = _body_after(doc.text, sentences.get(m.sentence), m, mentions) \
            if m.type == "Place" or m.type in BODIES else None
        while body and kept and kept[-1].type == "Place" and kept[-1].end == body.start:     # 广东 + 粤港澳大湾区…
            before = kept.pop()
            body = Mention(doc.text[before.start:body.end], body.type, before.start, body.end, body.sentence,
                           source=SOURCE)
        kept.append(body or m)
        body_end = body.end if body else -1
    return kept


def _in_a_clause(run: str) -> bool:
    """Whether a word of `run` belongs to a clause, not a name: a particle, an adverb, a pronoun or a preposition
    (某某股份有限公司的国家重点实验室, 某某公司正式登陆某某交易所, 某某孵化器将链接高校院所)."""
    return any(w.flag.startswith(_CLAUSE_WORDS) for w in tokenize(run))


_CLAUSE_WORDS = ("u", "d", "ad", "r", "p")


def _body_after(text: str, sentence, place: Mention, mentions: list[Mention]) -> Mention | None:
    unit = place.type in BODIES
    found = _tail(unit).match(text, place.end)
    if sentence is None or found is None or found.end() > sentence.start + len(sentence.text) \
            or place.name == REFERENCE or _CLAUSE.search(found.group()) or _in_a_clause(found.group()):
        return None
    if any(place.end <= n.start < found.end() < n.end for n in mentions):      # a longer name goes on
        return None
    if found.end() - sentence.start not in word_edges(sentence.text):
        return None
    decided = next((kind for tail, kind in load().deciding if found.group().endswith(tail)), None)
    # a unit is of its body's type (某市人民政府办公厅), but a firm's laboratory or institute is no firm
    kind = place.type if unit and (place.type != "Company" or decided is None) else decided
    return Mention(text[place.start:found.end()], kind, place.start, found.end(), place.sentence, source=SOURCE)
