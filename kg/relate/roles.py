"""holdsRole: “<organisation><post><person>” — the body named right before the post."""
from __future__ import annotations

import re
from functools import cache

from kg.lexicon import post_run
from kg.model import Entity
from kg.relate.context import Context

_ACTORS = ("Company", "Organization", "GovernmentAgency", "Zone")
_UNIT = re.compile(r"[\u4e00-\u9fff]{2,6}(?:部|处|科|室)")


@cache
def post_pattern() -> re.Pattern:
    """One or more posts joined by 、 (党委书记、局长), then the name; matched at every character (a lookahead),
    since a post may begin inside an earlier one's match (某区人大常委会主任王明 holds 常委 and 主任)."""
    return re.compile(r"(?=(%s)([\u4e00-\u9fff]{2,4}))" % post_run().pattern)


def find(ctx: Context):
    for sentence, mentions in ctx.in_sentence.items():
        s = ctx.sentences.get(sentence)
        if s is None:
            continue
        for m in post_pattern().finditer(s.text):
            person = next((p for p in mentions if p.type == "Person" and p.start == s.start + m.start(2)), None)
            if person is None:
                continue
            posts_start = s.start + m.start(1)
            posts = m.group(1)
            org = next((o for o in mentions if o.type in _ACTORS and o.end == posts_start), None)
            if org is None:     # 某某中心规划发展部部长: the post is in a unit of the body named before it
                org = next((o for o in mentions if o.type in _ACTORS
                            and _UNIT.fullmatch(ctx.doc.text[o.end:posts_start])), None)
                if org is None:
                    continue
                posts = ctx.doc.text[org.end:posts_start] + posts
            _add(ctx, ctx.entity(person), ctx.entity(org), posts, posts_start, sentence)


def _add(ctx: Context, person: Entity, org: Entity | None, posts: str, at: int, sentence: int):
    """随州高新区党工委书记、管委会主任王明: one fact per body the posts name (the committee, which
    kg/derive made, and the zone)."""
    if org is None:
        return
    for post in posts.split("、") if "管委会" in posts else [posts]:
        target, role = org, post
        if org.type == "Zone" and post.startswith("管委会"):
            target = ctx.named("GovernmentAgency", org.name + "管委会")
            if target is None:
                continue
            role = post[len("管委会"):] or post
            ctx.add(target, "partOf", org, sentence)
        ctx.add(person, "holdsRole", target, sentence, role=role)
