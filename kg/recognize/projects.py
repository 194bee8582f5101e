"""Projects named after their company (某某集团新材料产业项目, 某某股份有限公司智能仪表生产线技改项目),
after the industry of the building they are (某某产业园, 某某中试楼), in quotes (“某某产业化”项目), or by the
investment that describes them (投资5亿元的某某项目), and projects of two facilities (某某南方基地和创新中心).

News names a company's project by the company and what is built, up to 项目. The
model reads the company and stops there, or reads what follows as an industry or
a product. A company's mention that 项目 follows within the clause, with no other
body's name between, is the front of the project's name; derive reads the company
out of it again (kg/derive/owners.py).
"""
from __future__ import annotations

import re

from kg.lexicon import load
from kg.model import Document, Mention
from kg.recognize.tokens import CLAUSE_FLAGS, tokenize

SOURCE = "company-project"
FACILITY_SOURCE = "industry-project"
_BODIES = ("Company", "Organization")
_REST = re.compile(r"[^，。；：、！？“”《》（）\s]{1,16}?项目(?![部组])")     # 项目部, 项目组: a project's team
_INSIDE = ("Industry", "Product", "Place")      # what a project's name may hold: 某某集团天津新材料项目
# what is built for an industry: an industry's name before one of these names a project (ANNOTATION.md)
_FACILITY = re.compile(r"产业(?:园区?|基地|链基地|标准厂房)|生产基地|中试楼")


def named_after_companies(doc: Document, mentions: list[Mention]) -> list[Mention]:
    """`mentions`, with each company's mention that a project's name goes on from made that project's."""
    ordered = sorted(mentions, key=lambda m: (m.start, m.end))
    kept: list[Mention] = []
    until = -1
    for k, m in enumerate(ordered):
        if m.start < until:
            continue            # inside the project's name
        rest = _REST.match(doc.text, m.end) if m.type in _BODIES else None
        if rest and _named(rest.group()) and all(n.type in _INSIDE for n in ordered[k + 1:] if n.start < rest.end()):
            m = Mention(doc.text[m.start:rest.end()], "Project", m.start, rest.end(), m.sentence, source=SOURCE)
            until = m.end
        kept.append(m)
    return kept


# “某某产业化”项目: a project named in quotes, six characters or more and counting nothing (not “三个一批”项目,
# “大块头”项目, a slogan's or a nickname's)
_QUOTED = re.compile(r"[“「](?=[^”」]{6,30}[”」]项目)(?![^”」]*[一二三四五六七八九十两][个批])[^“「”」，。]+[”」]项目")
QUOTED_SOURCE = "quoted-project"


def quoted(doc: Document, mentions: list[Mention]) -> list[Mention]:
    """`mentions`, with each project named in quotes, over the industries, products and policies read in it."""
    return _over(mentions, [Mention(m.group(), "Project", s.start + m.start(), s.start + m.end(), s.index,
                                    source=QUOTED_SOURCE)
                            for s in doc.sentences if "项目" in s.text for m in _QUOTED.finditer(s.text)])


# 投资5亿元的某某食品产业项目, 总投资15亿元的某某配套工程项目: the project an investment describes, its name
# running from the 的 to 项目 (not 18个重大项目, a count of projects)
_DESCRIBED = re.compile(r"(?:投资|签约额|投资额)[约近超逾达为]?[0-9.]+(?:亿|万)(?:元|美元|欧元)?的"
                        r"((?:(?![0-9一二三四五六七八九十两][个批项])[^，。、；：！？“”《》（）()\s的]){4,24}?项目)")
DESCRIBED_SOURCE = "invested-project"


def described(doc: Document, mentions: list[Mention]) -> list[Mention]:
    """`mentions`, with each project an investment describes, over the industries, products and projects read in
    it; where the whole name was read already, as it was."""
    read = {(m.start, m.end) for m in mentions if m.type == "Project"}
    return _over(mentions, [Mention(m.group(1), "Project", s.start + m.start(1), s.start + m.end(1), s.index,
                                    source=DESCRIBED_SOURCE)
                            for s in doc.sentences if "项目" in s.text for m in _DESCRIBED.finditer(s.text)
                            if (s.start + m.start(1), s.start + m.end(1)) not in read])


def _over(mentions: list[Mention], found: list[Mention]) -> list[Mention]:
    """`mentions` and the projects `found`, which replace the names of _GIVE_WAY types read over them or in them,
    and any name read across their bounds."""
    if not found:
        return mentions
    kept = [m for m in mentions if not any(m.overlaps(p) and (m.type in _GIVE_WAY or not m.within(p)) for p in found)]
    return sorted(kept + found, key=lambda m: (m.start, m.end))


_GIVE_WAY = ("Industry", "Product", "Policy", "Project")


def _named(rest: str) -> bool:
    """Whether what follows the company names what is built (新材料产业项目), as nouns and the verbs of a
    trade (技改及扩能项目 …), not a clause (等一批项目, 在华新项目, 投资5亿元的…项目, 相关项目) nor the event that
    counts a firm's projects (某某集团现场签约项目2个: no project is named after its signing)."""
    words = tokenize(rest)
    if words[-1].word != "项目" or len(words) < 2 or _EVENT.search(rest):
        return False        # 重点项目, 合作项目: a common word, not a name's end
    flags = [w.flag for w in words[:-1]]
    return any(f.startswith("n") for f in flags) and \
        not any(f.startswith(CLAUSE_FLAGS) and w.word != "及" for f, w in zip(flags, words))


_EVENT = re.compile(r"签约|签订|开工|引进|落地|投产|招引")


# 某某研究院项目利用…, 某某基地项目（二期）为…: a project's name ends at 项目 and its phase (某某项目一期工程), not
# in the clause the model read on into; 暨 before a name joins it to the one before
_ENDS = re.compile(r"项目(?:（[^（）]{1,6}）|[一二三四五六七八九十]期(?:工程)?)?")
TRIMMED = "project-end"


def ended(mentions: list[Mention]) -> list[Mention]:
    """`mentions`, each project's read on past the end of its name cut there."""
    return [_ended(m) if m.type == "Project" else m for m in mentions]


def _ended(m: Mention) -> Mention:
    start = 1 if m.text.startswith("暨") else 0
    end = next((hit.end() for hit in _ENDS.finditer(m.text) if hit.end() < len(m.text) and hit.start() > start),
               len(m.text))
    if (start, end) == (0, len(m.text)):
        return m
    return Mention(m.text[start:end], m.type, m.start + start, m.start + end, m.sentence, source=TRIMMED)


def built_for_industries(doc: Document, mentions: list[Mention]) -> list[Mention]:
    """`mentions`, with each industry's mention that a facility's word follows (新材料中试楼) made the
    project's: the model reads the industry and stops before the building."""
    starts = {m.start for m in mentions}
    kept = []
    for m in mentions:
        # the model read 某某产业 as the industry (its name without 产业) and stopped before 基地
        at = m.end - 2 if m.text.endswith("产业") else m.end
        built = _FACILITY.match(doc.text, at) if m.type == "Industry" else None
        if built and not any(built.start() <= s < built.end() for s in starts):
            m = Mention(doc.text[m.start:built.end()], "Project", m.start, built.end(), m.sentence, source=SOURCE)
        kept.append(m)
    return kept


# 某某南方基地和创新中心, 某某研发中心和生产基地: a project of two facilities joined by 和 or 及
_FACILITY_END = ("中心", "基地", "总部", "工厂")
_AND_FACILITY = re.compile(r"(?:和|及)[^，。、；：和及与“”《》（）()\s]{0,8}?(?:%s)" % "|".join(_FACILITY_END))


def joined_facilities(doc: Document, mentions: list[Mention]) -> list[Mention]:
    """`mentions`, each project whose name ends in a facility and that 和 or 及 and another facility follow (某某
    南方基地和创新中心) read on over the second: the model stops at the 和."""
    starts = [m.start for m in mentions]
    kept = []
    for m in mentions:
        more = _AND_FACILITY.match(doc.text, m.end) if m.type == "Project" and m.text.endswith(_FACILITY_END) else None
        if more and not any(more.start() <= s < more.end() for s in starts):
            m = Mention(doc.text[m.start:more.end()], "Project", m.start, more.end(), m.sentence, source=m.source)
        kept.append(m)
    return kept


def designated(doc: Document, mentions: list[Mention]) -> list[Mention]:
    """`mentions`, without the bases that are honours a zone holds, not projects: a national one
    (国家生物产业基地, 国家新型工业化产业示范基地), and those a clause says it was recognised as (先后被认定为
    国家级的某某创新基地、某某产业化基地). A ministry awards them; no one signs, builds or invests in them."""
    return [m for m in mentions if not (m.type == "Project" and m.text.endswith("基地") and (
        m.text.startswith("国家") or _DESIGNATED.search(doc.text, _clause_start(doc.text, m.start), m.start)))]


_DESIGNATED = re.compile(r"认定为|评为|成为|获批|确定为|命名为|授予")


def _clause_start(text: str, at: int) -> int:
    return max(text.rfind(mark, 0, at) for mark in "，。；,;\n") + 1


def named(mentions: list[Mention]) -> list[Mention]:
    """`mentions`, without the projects whose name names no project in particular: words for a kind of project
    alone (总部项目, 研发中心, 二期工厂项目), or an industry and 项目 (装备制造项目), the words a page sorts its
    projects by (包括先进装备制造业、研发中心等类别; 外资重大项目、总部项目三类)."""
    return [m for m in mentions if m.type != "Project" or not _of_a_kind(m.text)]


def _of_a_kind(name: str) -> bool:
    words = [w.word for w in tokenize(name)]
    lex = load()
    return all(w in lex.project_words for w in words) \
        or len(words) > 1 and words[-1] == "项目" and all(w in lex.industries for w in words[:-1])
