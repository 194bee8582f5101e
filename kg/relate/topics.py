"""focusesOn, issues and produces: the industries a zone builds, the policies it
carries out, the products a company makes.

The subject is the body the sentence is about: the one named nearest before the
industry, policy or product (a zone first, where a zone may be the subject),
else the zone the article is about.
"""
from __future__ import annotations

from kg.relate.context import Context

_SUBJECTS = {"focusesOn": ("Zone", "Company", "Organization"), "issues": ("Zone", "GovernmentAgency"),
             "produces": ("Company", "Organization")}
_OBJECT = {"focusesOn": "Industry", "issues": "Policy", "produces": "Product"}


def find(ctx: Context):
    for sentence, mentions in ctx.in_sentence.items():
        for predicate, subject_types in _SUBJECTS.items():
            for obj in (m for m in mentions if m.type == _OBJECT[predicate]):
                before = [m for m in mentions if m.type in subject_types and m.end <= obj.start]
                if _about_a_project(mentions, before, obj):
                    continue
                zones = [m for m in before if m.type == "Zone"]
                chosen = (zones or before)[-1] if before else None
                if chosen:
                    subject = ctx.entity(chosen)
                else:
                    subject = ctx.main_zone(sentence) if "Zone" in subject_types else None
                ctx.add(subject, predicate, ctx.entity(obj), sentence)


def _about_a_project(mentions, before, obj) -> bool:
    """该项目建成后将引进A、B等产业: what a project brings in is not its zone's focus."""
    projects = [m for m in mentions if m.type == "Project" and m.end <= obj.start]
    return bool(projects) and (not before or projects[-1].start > before[-1].start)
