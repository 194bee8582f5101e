"""cooperatesWith: bodies that work together (A与B合作, A联合B, A对接B, A与B签署…协议), and each two of the
bodies listed as one party to what they do together (A、B和C共同主办, 由A、B和C主办, A、B与C签署…协议)."""
from __future__ import annotations

import re
from functools import cache

from kg.lexicon import post_run
from kg.model import ACTORS
from kg.recognize.towns import JOINED
from kg.relate.context import Context

# A与B…合作, A主动对接B: what stands between the two is a few words of one clause, ending in the conjunction
# or in a verb of working together, but for 由 (某研究所由某团队联合B、C共同建设: what they build, no partner)
_WORKS_WITH = ("联合", "携手", "联手", "牵手", "对接")     # a verb of working together: no word after the partner is needed
_BETWEEN = re.compile(r"^(?:(?!由)[^，。；：、]{0,8}?(?:与|同|%s)|和)$" % "|".join(_WORKS_WITH))
# （以下简称“某某”）: a short name declared after a body, which stands between it and its partner
_SHORT_NAME = re.compile(r"[（(]以下简称[^）)]{0,20}[）)][，,]?")
# ，分别与: a clause that opens with its partner, the subject named in a clause before
_ACROSS = re.compile(r"^[^。；]*[，,](?:并|还|也|又|分别|先后|已)*(?:与|同)$")
_AFTER = re.compile(r"^[^，。]{0,12}(合作|签署|签订|共建|建立|%s)" % "|".join(_WORKS_WITH))
_ALL_PARTIES = re.compile(r"^等?(?:三方|四方|五方|多方|各方)")
_ONE_PARTY = re.compile(r"^(?:、|和|与|及|以及)$")
_TOGETHER = re.compile(r"^(?:[^，。；]{0,10}?共同|等?[还又也将已]?(?:三方|四方|多方|各方)?(?:签署|签订|共建|联合主办|主办|共同))")


def find(ctx: Context):
    for sentence, mentions in ctx.outermost.items():
        s = ctx.sentences.get(sentence)
        if s is None:
            continue
        actors = [m for m in mentions if m.type in ACTORS]
        for k, (a, b) in enumerate(zip(actors, actors[1:])):
            between = _SHORT_NAME.sub("", s.text[a.end - s.start:b.start - s.start])
            partners = [b, *_listed_after(s, actors[k + 1:])]
            rest = _SHORT_NAME.sub("", s.text[partners[-1].end - s.start:])
            if _joins(a, between) and (between.endswith(_WORKS_WITH) or _AFTER.match(rest)):
                for partner in partners:
                    ctx.add(ctx.entity(a), "cooperatesWith", ctx.entity(partner), sentence)
                if _ALL_PARTIES.match(rest):     # A携手B、C三方…: each two of them
                    for j, p in enumerate(partners):
                        for q in partners[j + 1:]:
                            ctx.add(ctx.entity(p), "cooperatesWith", ctx.entity(q), sentence)
        _with_the_zone(ctx, s, sentence, actors)
        for party in _parties(s, actors):
            for k, a in enumerate(party):
                for b in party[k + 1:]:
                    ctx.add(ctx.entity(a), "cooperatesWith", ctx.entity(b), sentence)


# ，先后与A和B等企业进行了有效对接 / 與B就…進行深入洽談: a clause that opens with its partner and names no subject
_OPENS_WITH = re.compile(r"(?:^|[，,；;])(?:并|还|也|又|分别|先后|已|积极|主动|同时|随后)*(?:与|同)$")
_TALKS = re.compile(r"^[^，。；;]{0,30}?(?:洽谈|沟通|对接|交流|会谈|合作|签署|签订|共建)")


def _with_the_zone(ctx: Context, s, sentence: int, actors: list):
    """A clause that opens with 与 and its partners is said of the zone its article is about (news leaves out
    the zone it reports on: 高新区一行赴深圳…；与B就…进行深入洽谈)."""
    zone = ctx.main_zone(sentence)
    if zone is None:
        return
    for k, first in enumerate(actors):
        if not _OPENS_WITH.search(s.text[:first.start - s.start]):
            continue
        partners = [first, *_listed_after(s, actors[k:], JOINED)]
        if _TALKS.match(s.text[partners[-1].end - s.start:].lstrip("等")):
            for partner in map(ctx.entity, partners):
                if partner is not None and not partner.name.startswith(zone.name):     # not its own committee
                    ctx.add(zone, "cooperatesWith", partner, sentence)


def _joins(a, between: str) -> bool:
    """Whether what stands between a body and the next leads from the one to the other as partners: a few
    words ending in 与 within a clause; or, from a zone or an agency, which news makes the subject of a
    sentence, a clause's opening 与 (某高新区召开对接会，分别与B、C签订…)."""
    return bool(_BETWEEN.match(between) or a.type in ("Zone", "GovernmentAgency") and _ACROSS.match(between))


def _parties(s, actors):
    """Runs of two bodies or more joined by 、, 和, 与 that together sign, build or host something."""
    run = actors[:1]
    for prev, nxt in zip(actors, [*actors[1:], None]):
        if nxt is not None and _ONE_PARTY.match(s.text[prev.end - s.start:nxt.start - s.start]):
            run.append(nxt)
            continue
        if len(run) >= 2 and _TOGETHER.match(s.text[run[-1].end - s.start:]):
            yield run
        run = [nxt]


def _listed_after(s, actors, joined=("、",)):
    """A与B、C等部门建立…: the partners listed after the first (joined by 、, or by what `joined` holds), each
    perhaps with the post and name of whoever stands for it (与A董事长张三和B董事长李四签订…)."""
    listed = []
    for prev, nxt in zip(actors, actors[1:]):
        between = s.text[prev.end - s.start:nxt.start - s.start]
        if between not in joined and _by_whom().sub("", between, count=1) not in (*joined, "和", "及"):
            break
        listed.append(nxt)
    return listed


@cache
def _by_whom() -> re.Pattern:
    """The post and name of the person who stands for a party (董事长张三)."""
    return re.compile(r"^(?:%s)[\u4e00-\u9fff]{2,4}(?=[和及、]$)" % post_run().pattern)
