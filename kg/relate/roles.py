"""holdsRole: “<organisation><post><person>” — the body named right before the post."""
from __future__ import annotations

import re

from kg.model import Entity, Mention, name_key
from kg.recognize.people import post_pattern
from kg.relate.context import Context

_ACTORS = ("Company", "Organization", "GovernmentAgency", "Zone")
_UNIT = re.compile(r"[\u4e00-\u9fff]{2,6}(?:部|处|科|室)")


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
    """随州高新区党工委书记、管委会主任王明: one fact per body the posts name."""
    if org is None:
        return
    for post in posts.split("、") if "管委会" in posts else [posts]:
        target, role = org, post
        if org.type == "Zone" and post.startswith("管委会"):
            start = at + posts.index(post)
            target = ctx.named("GovernmentAgency", org.name + "管委会") or \
                _agency(ctx, org.name + "管委会", Mention("管委会", "GovernmentAgency", start, start + 3, sentence))
            role = post[len("管委会"):] or post
            ctx.add(target, "partOf", org, sentence)
        ctx.add(person, "holdsRole", target, sentence, role=role)


def _agency(ctx: Context, name: str, mention: Mention) -> Entity:
    """The committee a post names (管委会主任) when the text names it only through the post."""
    mention.name = name
    e = Entity(name, "GovernmentAgency", mentions=[mention])
    ctx.doc.entities.append(e)
    ctx.by_key[("GovernmentAgency", name_key(name))] = e
    return e
