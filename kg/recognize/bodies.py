"""Bodies named with their place in front: 中国工程院, 澳门科技大学, 临江星河电子有限公司.

The gazetteer reads the place at the head of such a name wherever the model
missed the whole. A place followed, within one word-bounded run of a few
characters, by a tail that decides a body's type (研究院, 大学, 有限公司 …,
kg/data/org_suffixes.csv) is that body; what the model read inside the run is
part of its name.
"""
from __future__ import annotations

import re
from functools import cache

from kg.lexicon import any_of, load
from kg.model import Document, Mention
from kg.recognize.tokens import word_edges

SOURCE = "place-body"
_RUN = 10       # characters between the place and the tail at most: a name, not a clause
_CLAUSE = re.compile(r"[和与及同]|合作|共建|签约|建设|成立|打造")       # 某县与某大学共建研究院: a clause, not a name


@cache
def _tail() -> re.Pattern:
    tails = any_of(tail for tail, _ in load().deciding)
    return re.compile(r"[\u4e00-\u9fff]{0,%d}?(?:%s)" % (_RUN, tails.pattern))


def bodies(doc: Document, mentions: list[Mention]) -> list[Mention]:
    """`mentions`, with each place that a body's name goes on from made that body."""
    sentences = {s.index: s for s in doc.sentences}
    kept: list[Mention] = []
    body_end = -1
    for m in mentions:
        if m.start < body_end:
            continue        # what the model read inside the body's name
        body = _body_after(doc.text, sentences.get(m.sentence), m, mentions) if m.type == "Place" else None
        while body and kept and kept[-1].type == "Place" and kept[-1].end == body.start:     # 广东 + 粤港澳大湾区…
            before = kept.pop()
            body = Mention(doc.text[before.start:body.end], body.type, before.start, body.end, body.sentence,
                           source=SOURCE)
        kept.append(body or m)
        body_end = body.end if body else -1
    return kept


def _body_after(text: str, sentence, place: Mention, mentions: list[Mention]) -> Mention | None:
    found = _tail().match(text, place.end)
    if sentence is None or found is None or found.end() > sentence.start + len(sentence.text) \
            or _CLAUSE.search(found.group()):
        return None
    if any(place.end <= n.start < found.end() < n.end for n in mentions):      # a longer name goes on
        return None
    if found.end() - sentence.start not in word_edges(sentence.text):
        return None
    kind = next(kind for tail, kind in load().deciding if found.group().endswith(tail))
    return Mention(text[place.start:found.end()], kind, place.start, found.end(), place.sentence, source=SOURCE)
