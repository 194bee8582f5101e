"""focusesOn, issues and produces: the industries a zone builds, the policies it
carries out, the products a company makes.

The subject is the body the sentence is about: the one named nearest before the
industry, policy or product (a zone first, where a zone may be the subject),
else the zone the article is about, unless a city or county is named before it (or, for
industries, the sentence is about hiring: the fields of the posts a job fair offers).
A policy whose name names its issuer is that body's (kg/relate/titles.py). The
firms a list names before their industry (A、B等N家某产业企业), those a cluster is
built on (以A、B等企业组成的某某集群) and those of a sentence that opens on a field
(在某某领域，…) are of that industry.
"""
from __future__ import annotations

import re

from kg.lexicon import load
from kg.recognize.towns import JOINED
from kg.relate.context import Context

_SUBJECTS = {"focusesOn": ("Zone", "Company", "Organization"), "issues": ("Zone", "GovernmentAgency"),
             "produces": ("Company", "Organization")}
_OBJECT = {"focusesOn": "Industry", "issues": "Policy", "produces": "Product"}


def find(ctx: Context):
    titled = {t.object.id for t in ctx.triples.values() if t.predicate == "issues"}   # kg/relate/titles.py's
    for sentence, mentions in ctx.in_sentence.items():
        for predicate, subject_types in _SUBJECTS.items():
            for obj in (m for m in mentions if m.type == _OBJECT[predicate]):
                if predicate == "issues" and (getattr(ctx.entity(obj), "id", None) in titled
                                              or _ISSUER_NAMED.match(ctx.doc.text, obj.start)):
                    continue        # 《中共某市委关于…》: its issuer is the one its title names, found or not
                before = [m for m in mentions if m.type in subject_types and m.end <= obj.start]
                project = _about_a_project(mentions, before, obj)
                if project is not None:
                    # 该项目建成后年产…: a project's output is its builder's product
                    if predicate == "produces":
                        ctx.add(_builder(ctx, ctx.entity(project)), predicate, ctx.entity(obj), sentence)
                    continue
                heads = [m for m in before if m.type == "Zone" or not _listed(ctx.doc.text, m)]
                zones = [m for m in heads if m.type == "Zone"]
                chosen = (zones or heads)[-1] if heads else None
                if chosen:
                    subject = ctx.entity(chosen)
                elif "Zone" in subject_types:
                    subject = None if _a_place_before(mentions, obj) or predicate == "focusesOn" and \
                        ctx.about_hiring(sentence) else ctx.main_zone(sentence)
                else:
                    subject = _maker_before(ctx, sentence)
                ctx.add(subject, predicate, ctx.entity(obj), sentence)
        for industry in (m for m in mentions if m.type == "Industry"):
            for company in _of_the_kind(ctx, mentions, industry) + _built_on(ctx, mentions, industry) \
                    + _in_the_field(ctx, mentions, industry):
                ctx.add(ctx.entity(company), "focusesOn", ctx.entity(industry), sentence)


def _a_place_before(mentions, obj) -> bool:
    """Whether a city or county is named before `obj` where no body is (湘潭签约的16个项目涵盖A、B等产业; 襄阳正抢抓
    A、B等产业风口): the industries or policies are the place's, of which no fact is (SCHEMA.md), not the article's
    zone's."""
    return any(m.type == "Place" and m.end <= obj.start and getattr(load().places.get(m.name), "level", "") in _CITIES
               for m in mentions)


_CITIES = ("city", "county")


# a document's title that begins with its issuer's name: 《中共青岛市委关于…》, 《省编委办关于…》
_ISSUER_NAMED = re.compile(r"《[^》关]{2,20}关于")


# A、B、C等13家集成电路设计企业: the companies listed are of the industry that follows them
_OF_THE_KIND = re.compile(r"等(?:[0-9一二三四五六七八九十百余多]+家|一批|多家)?(?:知名|重点|龙头|优质|头部|骨干)?")
_KIND_NOUN = re.compile(r"企业|公司|领域|龙头|翘楚|行业")


def _of_the_kind(ctx: Context, mentions, industry) -> list:
    """The companies of a list right before `industry` that names their kind (A、B等N家某产业企业)."""
    text = ctx.doc.text
    before = sorted((m for m in mentions if m.end <= industry.start), key=lambda m: m.start)
    if not before or not _KIND_NOUN.match(text, industry.end) \
            or not _OF_THE_KIND.fullmatch(text, before[-1].end, industry.start):
        return []
    listed = []
    for m in reversed(before):
        if m.type not in ("Company", "Organization") or (listed and text[m.end:listed[-1].start] not in JOINED):
            break
        listed.append(m)
    return listed


# 以A、B等企业组成的X集群, 以A为龙头的X集群, 以A、B为支撑的X集群: the bodies a cluster is built on
_BUILT_ON = re.compile(r"以([^，。；以]+?)(?:等企业)?(?:为龙头|为支撑|为核心|为引领|为主体|组成)的$")
_CLUSTER = re.compile(r"(?:产业)?集群")


def _built_on(ctx: Context, mentions, industry) -> list:
    """The firms and institutes a cluster of `industry` is built on (以A、B等企业组成的某某集群)."""
    text = ctx.doc.text
    sentence = ctx.sentences[industry.sentence]
    built = _BUILT_ON.search(text, sentence.start, industry.start)
    if built is None or not _CLUSTER.match(text, industry.end):
        return []
    return [m for m in mentions if m.type in ("Company", "Organization") and built.start(1) <= m.start
            and m.end <= built.end(1)]


# 在电子信息产业领域，园区聚集了A、B等企业: a sentence that opens on a field speaks of the firms of that field
_FIELD = re.compile(r"(?:产业)?领域[，,]")


def _in_the_field(ctx: Context, mentions, industry) -> list:
    """The companies of a sentence that opens with 在 and `industry` and 领域 (在生物医药领域，某公司拟投资…)."""
    text = ctx.doc.text
    opens = ctx.sentences[industry.sentence].start
    if text[opens:industry.start].strip() != "在" or not _FIELD.match(text, industry.end):
        return []
    return [m for m in mentions if m.type == "Company"]


def _maker_before(ctx: Context, sentence: int):
    """The company the sentence before speaks of last, in the same article: 某公司…。主要生产A、B等产品 says
    what that company makes without naming it again."""
    article = ctx.article_of.get(sentence)
    if article is None or ctx.article_of.get(sentence - 1) is not article:
        return None
    makers = [m for m in ctx.in_sentence.get(sentence - 1, ()) if m.type in ("Company", "Organization")]
    return ctx.entity(makers[-1]) if makers else None


def _listed(text: str, mention) -> bool:
    """An item of a list (A公司、B公司、…; …、某研究所、某中心等): one of several, or one of the things
    listed with the object, never the body a sentence says they are of."""
    return text.startswith("、", mention.end) \
        or text.startswith("等", mention.end) and text[mention.start - 1:mention.start] == "、"


def _about_a_project(mentions, before, obj):
    """The project a sentence is about when it is named after the subjects: 该项目建成后将引进A、B等产业
    says what the project brings in, not what its zone focuses on."""
    projects = [m for m in mentions if m.type == "Project" and m.end <= obj.start]
    if projects and (not before or projects[-1].start > before[-1].start):
        return projects[-1]
    return None


def _builder(ctx: Context, project):
    return next((t.subject for t in ctx.triples.values()
                 if t.predicate == "investsIn" and project is not None and t.object.id == project.id), None)
