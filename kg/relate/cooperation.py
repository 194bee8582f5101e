"""cooperatesWith: two bodies that work together (A与B合作, A联合B, A与B签署…协议)."""
from __future__ import annotations

import re

from kg.relate.context import Context

_ACTORS = ("Company", "Organization", "GovernmentAgency", "Zone")
# A与B…合作: what stands between the two is a few words of one clause, ending in the conjunction
_BETWEEN = re.compile(r"^(?:[^，。；：、]{0,8}?(?:与|同|联合|携手)|和)$")
_AFTER = re.compile(r"^[^，。]{0,12}(合作|签署|签订|共建|联合|携手|对接|建立)")


def find(ctx: Context):
    for sentence, mentions in ctx.in_sentence.items():
        s = ctx.sentences.get(sentence)
        if s is None:
            continue
        actors = [m for m in mentions if m.type in _ACTORS]
        for k, (a, b) in enumerate(zip(actors, actors[1:])):
            between = s.text[a.end - s.start:b.start - s.start]
            partners = [b, *_listed_after(s, actors[k + 1:])]
            rest = s.text[partners[-1].end - s.start:]
            if _BETWEEN.match(between) and (between.endswith("联合") or _AFTER.match(rest)):
                for partner in partners:
                    ctx.add(ctx.entity(a), "cooperatesWith", ctx.entity(partner), sentence)


def _listed_after(s, actors):
    """A与B、C等部门建立…: the partners listed after the first."""
    listed = []
    for prev, nxt in zip(actors, actors[1:]):
        if s.text[prev.end - s.start:nxt.start - s.start] != "、":
            break
        listed.append(nxt)
    return listed
