"""signs, investsIn and totalInvestment: who signed, who builds (由某公司投资建设的某项目), and how much one
project costs."""
from __future__ import annotations

import re

from kg.derive import OUTPUT
from kg.lexicon import leading_place
from kg.model import Entity
from kg.recognize.short_forms import COMPANY_TAIL, name_core
from kg.relate import money
from kg.relate.context import Context

SIGNING = re.compile(r"签约|签署|签订")
# a sum for a group of projects (集中开工项目31个、总投资额40.6亿元) is no single project's investment
_GROUP = re.compile(r"项目\s*\d+\s*个|\d+\s*个[^，。]{0,12}项目|集中|一批|共计|合计|累计|签约项目")
# 总投资额超800亿元，包括A项目、B项目; 总投资284亿元，其中亿元以上项目35个: the sum its parts follow
_LISTED_AFTER = re.compile(r"^[，,、]?(?:包括|涵盖|分别|其中)")


def find(ctx: Context):
    for e in ctx.doc.entities:
        if e.type != "Project":
            continue
        owners = [c for c in ctx.doc.entities if c.type in ("Company", "Organization") and _named_after(e.name, c)]
        if owners:
            first = e.mentions[0].sentence if e.mentions else -1
            whole = [c for c in owners if _named_whole(e.name, c)]
            ctx.add(max(whole or owners, key=lambda c: len(c.name)), "investsIn", e, first)
    for s in ctx.doc.sentences:
        mentions = ctx.in_sentence.get(s.index, [])
        projects = [m for m in mentions if m.type == "Project"]
        if not projects:        # a sentence that names nothing at all too: 计划总投资11亿元，建设期两年。
            _investment_said_after(ctx, s)
            continue
        if SIGNING.search(s.text):
            signed(ctx, s.index, mentions)
        _investment(ctx, s, projects)
        if "由" in s.text:
            _built_by(ctx, s, mentions)
    _outputs_made(ctx)


def _outputs_made(ctx: Context):
    """瑞某有限公司年产1500万双皮鞋深加工项目: the body that builds a project makes what the project's name says
    it makes after its capacity (the product derive reads there)."""
    outputs = [e for e in ctx.doc.entities if e.type == "Product" and any(m.source == OUTPUT for m in e.mentions)]
    if not outputs:
        return
    for built in [t for t in ctx.triples.values() if t.predicate == "investsIn" and t.provenance]:
        for product in outputs:
            if product.name in built.object.name:
                ctx.add(built.subject, "produces", product, built.provenance.sentence)


def _named_after(project: str, body: Entity) -> bool:
    """星辰电子智能传感器项目 of 星辰电子: a project named after the body that builds it, by one of its names or,
    after a place, by the first characters of its core name (临江星海云谷项目 of 星海集团, 蓝田光学光电产业园项目
    of 蓝田光学集团股份有限公司)."""
    if len(body.name) >= len(project):
        return False
    if any(n and project.startswith(n) for n in [body.name, *body.aliases]):
        return True
    core = _core(body)
    return len(core) >= 2 and project[len(leading_place(project)):].startswith(core[:3])


def _named_whole(project: str, body: Entity) -> bool:
    """Whether the project is named after the body's whole name, an alias or its whole core name (星河 of
    星河研发中心), not only after the first characters of its core (星河中国公司, an arm of 星河)."""
    rest = project[len(leading_place(project)):]
    return any(project.startswith(n) or rest.startswith(n) for n in (body.name, *body.aliases, _core(body)))


def _core(body: Entity) -> str:
    """A body's name without its place, bracketed region and company tails (华远 of 山东华远集团有限公司)."""
    return COMPANY_TAIL.sub("", name_core(body.name))


# 由A和B共同投资建设的某项目, 某项目由A在某园区投资建设: who builds a project (ANNOTATION.md: investsIn)
_BUILD = re.compile(r"[^，。；]{0,12}?(?:共同)?(?:出资|投资|建设|规划建设|投资建设)")
_CLAUSE = re.compile(r"[^，。；]*")
_BUILDERS = ("Company", "Organization")


def _built_by(ctx: Context, s, mentions: list):
    """The bodies that 由 leads into and a verb of building follows build the project the clause names after
    the verb, or else the one the sentence names before 由."""
    text, ordered = s.text, sorted(mentions, key=lambda m: m.start)
    for k, first in enumerate(ordered):
        if first.type not in _BUILDERS or not text[:first.start - s.start].endswith("由"):
            continue
        builders = [first]
        for m in ordered[k + 1:]:
            if m.type in _BUILDERS and text[builders[-1].end - s.start:m.start - s.start] in ("、", "和", "与", "及"):
                builders.append(m)
        built = _BUILD.match(text, builders[-1].end - s.start)
        if built is None:
            continue
        after = s.start + built.end()
        until = after + len(_CLAUSE.match(text, built.end()).group())
        projects = [m for m in ordered if m.type == "Project"]
        project = next((m for m in projects if after <= m.start < until), None) \
            or next((m for m in reversed(projects) if m.end <= first.start), None)
        for builder in builders if project else ():
            ctx.add(ctx.entity(builder), "investsIn", ctx.entity(project), s.index)


def signed(ctx: Context, sentence: int, mentions: list):
    """The article's zone, where the sentence names it or no zone at all, else the first zone the sentence
    names, signs each project the sentence names (a zone named beside it is often where a signing was held),
    but one whose own clause says something else befalls it."""
    main = ctx.main_zone(sentence)
    zones = [m for m in mentions if m.type == "Zone"]
    zone = next((m for m in zones if ctx.entity(m) is main), zones[0] if zones else None)
    s = ctx.sentences.get(sentence)
    for p in mentions:
        if p.type == "Project" and not (s and _befalls_otherwise(s, p)):
            ctx.add(ctx.entity(zone) if zone else main, "signs", ctx.entity(p), sentence)


# 某项目签约落地，A、B等84个项目加快推进; 邀请A项目、B项目的负责人考察洽谈: a project whose own clause says
# what else befalls it (开工, 推进, 建设, 洽谈) and no signing is not one a signing is of
_BEFALLS = re.compile(r"开工|投产|建成|推进|建设|竣工|开园|运营|洽谈|考察|推介|推荐")


def _befalls_otherwise(s, m) -> bool:
    opens = max(s.text.rfind(p, 0, m.start - s.start) for p in "，；") + 1     # repair made the marks full-width
    clause = _CLAUSE.match(s.text, opens).group()
    return not SIGNING.search(clause) and _BEFALLS.search(clause) is not None


# 总投资, 投资额, and a project's 签约额 (某某项目签约额3亿元): what the project costs
_INVESTED = re.compile(r"投资|签约额")


# 三个集中开工项目为A、B和C，总投资17.1亿元; A、B等10个重点项目现场签约，…，总投资额10.7亿欧元: a sum for the
# projects the sentence counts before it
_COUNTED = re.compile(r"[0-9一二三四五六七八九十百]+\s*个[^，。；]{0,12}项目|项目\s*[0-9一二三四五六七八九十百]+\s*个")


# 项目总投资20亿元, 计划总投资11亿元, 本项目总投资额…: a clause that speaks on of the project named before
_SPEAKS_ON = re.compile(r"(?:^|(?<=[，,；;]))(?:该项目|本项目|项目|计划|预计|拟)?总投资")
_TO_THE_AMOUNT = re.compile(r"[^，。；,;]{0,4}")      # 总投资额预计不超过 …


def _investment_said_after(ctx: Context, s):
    """The amount a sentence that names no project gives a project's total investment, in a clause that opens
    with it (项目总投资20亿元), is the project's the sentence before names last, in the same article."""
    article = ctx.article_of.get(s.index)
    if article is None or ctx.article_of.get(s.index - 1) is not article:
        return
    before = [m for m in ctx.in_sentence.get(s.index - 1, ()) if m.type == "Project"]
    if not before:
        return
    for m, amount in money.amounts(s.text):
        opens = _SPEAKS_ON.search(s.text, 0, m.start())
        if opens and _TO_THE_AMOUNT.fullmatch(s.text, opens.end(), m.start()) \
                and not _of_a_group(s.text, m):
            ctx.add(ctx.entity(max(before, key=lambda p: p.end)), "totalInvestment", None, s.index, value=amount)


def _of_a_group(text: str, amount: re.Match) -> bool:
    """Whether the words around an amount say it is a group's sum (集中开工项目31个、总投资额40.6亿元)."""
    return _GROUP.search(text, max(0, amount.start() - 20), amount.end() + 4) is not None


def _investment(ctx: Context, s, projects):
    for m, amount in money.amounts(s.text):
        if not _INVESTED.search(s.text, max(0, m.start() - 8), m.start()):
            continue
        if s.text.startswith("的", m.end()):
            # 总投资50亿元的某某项目 describes that project, or none read, even in a list of a group's projects
            # (一批项目签约落地，包括总投资50亿元的某某项目、…; 其中，投资19.6亿元的某某项目)
            named = [p for p in projects if p.start == s.start + m.end() + 1]
        elif _of_a_group(s.text, m) or _LISTED_AFTER.match(s.text[m.end():]) \
                or _COUNTED.search(s.text, 0, m.start()):
            continue
        else:
            at = s.start + m.start()
            named = [min(projects, key=lambda p: abs(p.start - at))]
        for project in named:
            ctx.add(ctx.entity(project), "totalInvestment", None, s.index, value=amount)
