"""cooperatesWith: two bodies that work together (A与B合作, A联合B, A与B签署…协议)."""
from __future__ import annotations

import re

from kg.relate.context import Context

_ACTORS = ("Company", "Organization", "GovernmentAgency", "Zone")
_BETWEEN = re.compile(r"^(?:主动)?(?:与|同|和|联合|携手)$")
_AFTER = re.compile(r"^[^，。]{0,12}(合作|签署|签订|共建|联合|携手|对接|建立)")


def find(ctx: Context):
    for sentence, mentions in ctx.in_sentence.items():
        s = ctx.sentences.get(sentence)
        if s is None:
            continue
        actors = [m for m in mentions if m.type in _ACTORS]
        for a, b in zip(actors, actors[1:]):
            between = s.text[a.end - s.start:b.start - s.start]
            rest = s.text[b.end - s.start:]
            if _BETWEEN.match(between.strip("继")) and (between.endswith("联合") or _AFTER.match(rest)):
                ctx.add(ctx.entity(a), "cooperatesWith", ctx.entity(b), sentence)
