"""holdsRole: “<organisation><post><person>” — the body named right before the post.

News strings a person's posts in several bodies before the name (市委常委、某高新区党工委书记王明:
each body with the posts after it), names several people after one post (院士张三、李四), goes on
with the body's other people after a comma or 、 (某某分院院长张三，副院长李四), and puts an academic
title after the name (某某大学张三教授). After the name, it says what the person was appointed to
(张三于2021年任某新区党工委副书记) or where they served (张三曾在某集团担任副总裁).
"""
from __future__ import annotations

import re
from functools import cache

from kg.lexicon import LEVELS, post_run
from kg.model import ACTORS, Entity
from kg.resolve import leading_places
from kg.relate.context import Context

_BARE_ZONE = re.compile(r"(?:高新区|经开区|开发区|新区|园区)$")      # a zone named by its kind alone: the article's
_ZONE_COMMITTEES = ("党工委", "工委", "管委会")       # the bodies that run a zone
_CLAUSE_START = "，。；：、,;:！？ \n"
_UNIT = re.compile(r"[\u4e00-\u9fff]{2,6}(?:部|处|科|室)")
# the academic titles news puts after a name (某某大学张三教授), as 《中华人民共和国学位条例》 and the academies name them
_TITLE = re.compile(r"(?:副教授|副研究员|博士后|院士|教授|研究员|博士)(?![生们级团队])")


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
        people = {p.start: p for p in mentions if p.type == "Person"}
        # a place's posts may be its government's (松江区区长); a body's name wins where one ends with it
        bodies = {o.end: o for o in sorted(mentions, key=lambda o: o.type != "Place")
                  if o.type in ACTORS or o.type == "Place"}
        went_on: dict[int, Entity] = {}       # where a post after a comma may go on with the body before it
        for m in post_pattern().finditer(s.text):
            person = people.get(s.start + m.start(2))
            if person is None:
                continue
            at = s.start + m.start(1)
            held = list(_held(ctx, bodies, at, m.group(1), sentence))
            if not held and at in went_on and _goes_on(m.group(1), went_on[at]):
                held = [(_of_its_kind(ctx, bodies, went_on[at], at, m.group(1)), m.group(1))]
            named = _listed(ctx.doc.text, person, people)
            for org, posts in held:
                for one in named:
                    _add(ctx, ctx.entity(one), org, posts, sentence)
            if held and ctx.doc.text[named[-1].end:named[-1].end + 1] in "，,、":
                went_on[named[-1].end + 1] = held[0][0]
        for person in people.values():      # 某某大学张三教授
            org, title = bodies.get(person.start), _TITLE.match(ctx.doc.text, person.end)
            if org is not None and title:
                _add(ctx, ctx.entity(person), ctx.entity(org), title.group(), sentence)
        starts = {o.start: o for o in mentions if o.type in ACTORS}
        for person in people.values():      # 张三于2021年任某某新区党工委副书记、管委会主任
            for org, posts in _appointed(ctx.doc.text, person, starts):
                _add(ctx, ctx.entity(person), ctx.entity(org), posts, sentence)


def _held(ctx: Context, bodies: dict, posts_start: int, posts: str, sentence: int):
    """(body, posts) of each body a run of posts before a name belongs to: the one
    right before it, then, back over 、, each earlier body with its posts (市委常委、某区区长王明); where the
    posts follow a zone's bare name (高新区党工委书记), the zone the article is about."""
    org = bodies.get(posts_start)
    if org is None:     # 某某中心规划发展部部长: the post is in a unit of the body named before it
        org = next((o for o in bodies.values() if _UNIT.fullmatch(ctx.doc.text[o.end:posts_start])), None)
        if org is None:
            if _of_the_zone(ctx.doc.text, posts_start, posts):
                yield ctx.main_zone(sentence), posts
                bare = _BARE_ZONE.search(ctx.doc.text, max(0, posts_start - 3), posts_start)
                yield from _before(ctx, bodies, bare.start() if bare else -1)    # 某市委常委、高新区党工委书记
            return
        posts = ctx.doc.text[org.end:posts_start] + posts
    yield ctx.entity(org), posts
    yield from _before(ctx, bodies, _named_from(bodies, org))


def _before(ctx: Context, bodies: dict, start: int):
    """(body, posts) of each body named before `start`, back over 、, with the posts after it: the nearest body
    that posts alone stand after (管委会主任 is a post too: 某区管委会主任、…)."""
    text = ctx.doc.text
    while start > 0 and text[start - 1] == "、":
        org = next((bodies[end] for end in range(start - 2, max(0, start - 14), -1)
                    if end in bodies and post_run().fullmatch(text, end, start - 1)), None)
        if org is None:
            return
        yield ctx.entity(org), text[org.end:start - 1]
        start = _named_from(bodies, org)


def _named_from(bodies: dict, org) -> int:
    """Where a body's name begins, with the zone or place read apart right before it (经开区（某区）区委)."""
    start = org.start
    while (before := bodies.get(start)) is not None and before.type in ("Zone", "Place"):
        start = before.start
    return start


# 张三任, 张三于2021年任, 张三兼任, 张三担任过, 张三任中共…: what follows names the body and the posts
_APPOINTED = re.compile(r"[^，。；：、]{0,12}?(?:担任|出任|兼任|升任|调任|当选为|任)过?(?:中共)?")


def _appointed(text: str, person, starts: dict):
    """(body, posts) of what a person is appointed to in the clause after the name: the body named right
    after 任 and the posts right after the body, and each body and its posts that 、 or a comma adds
    (任某区工委书记、管委会主任，某保税区管委会主任; 担任过某市科协副主席、市国资委党委副书记); or the body
    named after 在 and the posts after 任 (曾在某集团担任副总裁)."""
    verb = _APPOINTED.match(text, person.end)
    at = verb.end() if verb else -1
    while (org := starts.get(at)) is not None and (posts := post_run().match(text, org.end)):
        yield org, posts.group()
        at = posts.end() + 1 if text[posts.end():posts.end() + 1] in _AND_THEN else -1
    worked = _WORKED_AT.match(text, person.end)
    org = starts.get(worked.end()) if worked else None
    held = _HOLDS.match(text, org.end) if org is not None else None
    if held and (posts := post_run().match(text, held.end())):
        yield org, posts.group()


# 张三在, 张三曾在, 张三此前在: the body named next is where the person holds the posts 任 leads into
_WORKED_AT = re.compile(r"[^，。；：、在]{0,6}?在")
_HOLDS = re.compile(r"(?:担任|出任|兼任|任)过?")


_AND_THEN = ("、", "，", ",")


def _goes_on(posts: str, body: Entity) -> bool:
    """Whether posts that follow a comma and name no body are in the body named before (某某分院院长张三，
    副院长李四): not a place's (区长, 市委书记) nor a zone's committee's (管委会副主任), which name their own,
    unless the body before is that place's government (某区政府区长张三、副区长李四)."""
    heads = [_HEAD.fullmatch(post) for post in posts.split("、")]
    if all(heads) and all(body.name.endswith((f"{h.group(1)}政府", f"{h.group(1)}人民政府")) for h in heads):
        return True
    return not posts.startswith((*LEVELS, *_ZONE_COMMITTEES)) and not any(heads)


def _of_its_kind(ctx: Context, bodies: dict, body: Entity, at: int, posts: str) -> Entity:
    """The body a post that goes on after a comma is held in: the one named before, unless the post is the head
    of a kind of body that one is not (所长 after 某某所、中科院院士张三, of the 所)."""
    head = _KIND_HEAD.match(posts)
    if head is None or body.name.endswith(head.group(1)):
        return body
    kind = [o for end, o in bodies.items() if end <= at and o.type in ACTORS and o.text.endswith(head.group(1))]
    return ctx.entity(max(kind, key=lambda o: o.end)) if kind else body


_KIND_HEAD = re.compile(r"(?:常务副|副)?([所院厂局行])长")


def _of_the_zone(text: str, at: int, posts: str) -> bool:
    """Posts that name no body but the article's zone: after the zone's bare name (高新区党工委书记), or a
    zone's committee's posts opening a clause, with the zone's 区 or without (区党工委书记, 管委会副主任)."""
    if _BARE_ZONE.search(text, max(0, at - 3), at):
        return True
    if not posts.startswith(_ZONE_COMMITTEES):
        return False
    at -= text[at - 1:at] == "区"
    return at == 0 or text[at - 1] in _CLAUSE_START


def _listed(text: str, person, people: dict) -> list:
    """The person after the posts, and those listed after with 、 (院士张三、李四)."""
    named = [person]
    while text[named[-1].end:named[-1].end + 1] == "、" and named[-1].end + 1 in people:
        named.append(people[named[-1].end + 1])
    return named


def _add(ctx: Context, person: Entity, org: Entity | None, posts: str, sentence: int):
    """随州高新区党工委书记、管委会主任王明: one fact per body the posts name (the committee, which
    kg/derive made, and the zone); 润州区委副书记、区长王明: the party committee's, and the government's where
    the page names it. A place holds no post: only its government's are kept."""
    if org is None:
        return
    government, place = _government(ctx, org)
    held: dict[str, tuple[Entity, list[str]]] = {}
    for post in posts.split("、"):
        target, role = org, post
        if org.type == "Zone" and post.startswith("管委会"):
            target = ctx.named("GovernmentAgency", org.name + "管委会")
            if target is None:
                continue
            role = post[len("管委会"):] or post
            ctx.add(target, "partOf", org, sentence)
        elif government is not None and _heads(post, place):
            target = government
        elif org.type == "Place":
            continue        # a place holds no post (ANNOTATION.md)
        held.setdefault(target.id, (target, []))[1].append(role)
    for target, roles in held.values():
        ctx.add(person, "holdsRole", target, sentence, role="、".join(roles))


def _government(ctx: Context, org: Entity) -> tuple[Entity | None, str]:
    """The government the page names of the place `org` is, or whose party committee it is (润州区委 → 润州区政府,
    长春市朝阳区人民政府), and that place; a head's post after a place goes to its government only where the page
    names it (ANNOTATION.md: a place holds no post)."""
    if org.type == "Place":
        places: tuple[str, ...] = (org.name,)
    elif org.type == "GovernmentAgency" and _PARTY_COMMITTEE.search(org.name):
        prefix = org.name[:-1]
        inner = leading_places(prefix)
        places = (prefix, inner[-1]) if inner and inner[-1][-1] == prefix[-1] else ()
    else:
        places = ()
    for place in places:
        for tail in ("政府", "人民政府"):
            found = ctx.named("GovernmentAgency", place + tail)
            if found is not None:
                return found, place
    return None, ""


_PARTY_COMMITTEE = re.compile("[%s]委$" % "".join(LEVELS))
# 区长, 副市长, 代县长: the head of a place's government and the deputies
_HEAD = re.compile("(?:常务副|副|代理?)?([%s])长" % "".join(LEVELS))


def _heads(post: str, place: str) -> bool:
    """Whether `post` heads the government of `place` or deputises for its head: 区长, 副区长, 代区长 of a 区."""
    head = _HEAD.fullmatch(post)
    return bool(head) and place.endswith(head.group(1))
