"""issues, read from a policy's name: 《国务院办公厅关于…的意见》, 《某某高新区实体经济高质量发展行动计划》.

A government's document is named after the body that issues it, and so is a zone's plan, fund or reform (某某高新区
大数据产业发展基金): a policy whose name begins with a name the page gives a zone or government body, of three
characters or more, is that body's, the longest such name (国务院办公厅, not 国务院). The gold says so of 18 of the 21
policies so named. A shorter name says what a plan is about (《临江方案》). The rule is one of its own, so that the
relation model learns how far to trust it apart from kg/relate/topics.py's subject named nearest before.
"""
from __future__ import annotations

from kg.model import Entity
from kg.relate.context import Context

_ISSUERS = ("Zone", "GovernmentAgency")
_MARKS = "《》“”「」‘’"
_PARTY = "中共"


def find(ctx: Context):
    names = _issuers_by_name(ctx)
    if not names:
        return
    for sentence, mentions in ctx.in_sentence.items():
        for policy in (m for m in mentions if m.type == "Policy"):
            issuer = issuer_of(ctx.doc.text[policy.start:policy.end], names)
            if issuer is not None:
                ctx.add(issuer, "issues", ctx.entity(policy), sentence)


def issuer_of(title: str, names: list[tuple[str, Entity]]) -> Entity | None:
    """The body whose name `title` begins with, of `names` (longest first)."""
    title = title.strip(_MARKS)
    titles = (title, title[len(_PARTY):]) if title.startswith(_PARTY) else (title,)    # 《中共某某市委关于…》
    return next((e for name, e in names for t in titles if t.startswith(name) and len(t) > len(name)), None)


def _issuers_by_name(ctx: Context) -> list[tuple[str, Entity]]:
    """Every name the page gives a zone or government body, as written and as resolved, longest first."""
    text = ctx.doc.text
    found = {(name, e.id): e for e in ctx.doc.entities if e.type in _ISSUERS
             for name in (e.name, *e.aliases, *(text[m.start:m.end] for m in e.mentions)) if len(name) >= 3}
    return [(name, found[name, key]) for name, key in sorted(found, key=lambda k: (-len(k[0]), k))]
