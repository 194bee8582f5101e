"""focusesOn and issues: the industries a zone builds and the policies it carries out.

The subject is the zone, agency or company the sentence is about: the one named
nearest before the industry or policy, else the zone the article is about.
"""
from __future__ import annotations

from kg.relate.context import Context

_SUBJECTS = {"focusesOn": ("Zone", "Company", "Organization"), "issues": ("Zone", "GovernmentAgency")}
_OBJECT = {"focusesOn": "Industry", "issues": "Policy"}


def find(ctx: Context):
    for sentence, mentions in ctx.in_sentence.items():
        for predicate, subject_types in _SUBJECTS.items():
            for obj in (m for m in mentions if m.type == _OBJECT[predicate]):
                before = [m for m in mentions if m.type in subject_types and m.end <= obj.start]
                zones = [m for m in before if m.type == "Zone"]
                chosen = (zones or before)[-1] if before else None
                subject = ctx.entity(chosen) if chosen else ctx.main_zone(sentence)
                ctx.add(subject, predicate, ctx.entity(obj), sentence)
