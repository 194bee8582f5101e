"""Recognise: every mention of the ten entity types, made in this one stage.

Components propose mentions side by side, as spaCy's trainable and rule-based
components do, and one arbiter keeps one reading of each stretch of text:

- learned: the CRF trained on annotated text (kg/recognize/learned.py), for every type (a name whose tail
  names one kind of body, 研究院 or 有限公司, takes that type; one it began inside a common word is a piece
  of a longer run, and no name, nor is a place and the verb after it, 某市优化);
- gazetteer: the zones and places the lexicons name (kg/recognize/gazetteer.py);
- byline: the reporters' names that segmentation found, where a name begins with a surname;
- a person's name the model cut short where the page names it whole elsewhere (王小 of 王小明): the whole name;
- coreference: 该企业, 该项目 …, named later by resolve (kg/recognize/coreference.py);
- declared: the names a corrections file says to recognise, which win over the others (kg/recognize/declared.py);
- a name the model read short of its brackets (某某（集团 and （集团）股份有限公司) made whole
  (kg/recognize/brackets.py);
- a name before a stock code in brackets (某某（300123）): a listed company (kg/recognize/brackets.py);
- a body named by common words and its tail alone (行业协会, 信息研究院某某研发中心) right after a name the model
  cut there (中国半导体, 某某总局): the end of that name, one body; a centre named after a research body or a
  university (某某研究所某某研发中心) is an organisation;
- a company's department (某某电子行政处): the company (kg/recognize/departments.py);
- a national research base named field first (某某质量研究国家重点实验室, kg/recognize/labs.py), over what the
  model read inside it; the programme's name alone (等国家重点实验室) names none;
- a place and the name of a body after it, ending in a tail that decides its type (中国工程院, 澳门科技大学):
  that body (kg/recognize/bodies.py);
- a zone followed by the name of one of its parks or areas (某某高新区某某园区): that park; a park that
  projects settle in (落户某某科技园): a zone (kg/recognize/parks.py);
- a place followed by its government's name (开化县委, 镇江市政协): that body (kg/recognize/governments.py);
- the news outlets of datelines (某某网合肥7月30日电), whatever else was read there (kg/recognize/datelines.py);
- the policies named by a document's title (《关于…的意见》) or a quoted slogan and its kind (“某某”人才政策),
  over what the model read across them (kg/recognize/policies.py);
- a company's name and what it builds up to 项目, or a name in quotes before 项目: that project; a project read
  on past 项目 and its phase into the clause after, cut there (kg/recognize/projects.py);
- the industries named as a zone's clusters (以某某为龙头的工程机械集群, kg/recognize/clusters.py), and the
  lexicon's industries that nothing else read where a field's word follows (某某产业, 某某领域, 某某类项目;
  kg/recognize/fields.py);
- the towns named after their county (某某县某某镇、某某镇) or listed on their own (kg/recognize/towns.py),
  and the counties a list names short (联动北碚、沙坪坝、九龙坡五区) where the page names their city or
  province;
- the products news names in three frames: 等产品, a drug's form, 年产 (kg/recognize/products.py);
- then, from the names found: the items of a list whose other items are names of one type
  (kg/recognize/lists.py), their short forms elsewhere on the page, and the companies a
  project's name begins with (kg/recognize/short_forms.py);
- then a project named only by words for a kind of project (总部项目, 研发中心) names none and goes, and so
  does a base that is an honour a zone holds (国家生物产业基地; 被认定为某某产业化基地) (kg/recognize/projects.py);
- last, every other place the page names, as a whole word, a firm, body, person, project, product or industry
  read somewhere on it (kg/recognize/short_forms.py, `repeated`).

The model reads names the lexicons do not hold; a lexicon name it missed, or
cut short (潍坊 of 潍坊高新区), is the gazetteer's; a longer name the model read
around a lexicon name (潍坊高新区经济发展局) stays whole, the zone inside it
being derived later (kg/derive). Each mention says which component made it.
"""
from __future__ import annotations

import re
from bisect import bisect_right

from kg.lexicon import (PARTY, ZONE_TAILS, body_tails, company_tails, dictionary, has_surname, is_plain_word,
                        leading_place, leading_zone_name, load, prefixes)
from kg.model import BODIES, Document, Mention
from kg.recognize import brackets, coreference, datelines, declared, gazetteer, learned, lists
from kg.recognize.bodies import CLAUSE_VERBS, bodies
from kg.recognize.clusters import clusters
from kg.recognize.departments import departments
from kg.recognize.fields import fields
from kg.recognize.governments import governments
from kg.recognize.labs import labs
from kg.recognize.parks import hosts, misread_people, parks
from kg.recognize.policies import policies
from kg.recognize.products import products
from kg.recognize.projects import (built_for_industries, described, designated, ended, joined_facilities, named,
                                   named_after_companies, quoted)
from kg.recognize.short_forms import owners, repeated, short_forms
from kg.recognize.tokens import inside_common_words, tokenize, word_edges
from kg.recognize.towns import counties, towns

BYLINE = "byline"


def _model(doc: Document) -> list[Mention]:
    read = [part for m in learned.find(doc.sentences) if not _bodies_in_general(m) and not _a_place_doing(m)
            for quoted in _quoted_apart(m) for part in _places_apart(_mended(quoted, doc.text))
            if not _begins_in_a_word(part, doc) and not _no_agency(part) and not _firm_of_a_kind(part)]
    return _with_their_fronts(_outermost(read))


def _with_their_fronts(mentions: list[Mention]) -> list[Mention]:
    """A body named only by common words and its tail (行业协会, 信息研究院) is the end of the name read just before
    it, which the model cut there (中国半导体 + 行业协会): one body, of the body's type."""
    joined: list[Mention] = []
    for m in mentions:
        before = joined[-1] if joined else None
        if before and m.type in _BODIES and before.end == m.start and before.sentence == m.sentence \
                and _generic_body(m.text):
            joined[-1] = Mention(before.text + m.text, m.type, before.start, m.end, m.sentence, source=m.source)
        else:
            joined.append(m)
    return joined


def _generic_body(name: str) -> bool:
    """行业协会, 信息研究院（营口）研发中心: whether the first body `name` names is named by common words alone."""
    ends = [at for at in (name.find(t) for t in body_tails()) if at > 0]
    front = name[:min(ends)] if ends else ""
    words = tokenize(front) if front else []
    return bool(words) and all(len(w.word) > 1 and is_plain_word(w.word) for w in words)


def _outermost(mentions: list[Mention]) -> list[Mention]:
    """`mentions` but those another holds: a name mended to begin earlier (某某科技园管理有限责任公司, whose
    管理有限责任公司 the model read apart from 某某科技园) holds what was read before it. In order of start, the
    longest first, a mention that ends within the farthest-reaching one before it lies inside that one."""
    held, reach, widest = set(), -1, None
    for k, m in sorted(enumerate(mentions), key=lambda km: (km[1].start, -km[1].end)):
        if m.end <= reach and (m.start, m.end) != widest:
            held.add(k)
        elif m.end > reach:
            reach, widest = m.end, (m.start, m.end)
    return [m for k, m in enumerate(mentions) if k not in held]


def _mended(m: Mention, text: str) -> Mention:
    """The model's mention with its bounds and type mended, one way the model errs at a time, in this order."""
    m = _of_subsidiary(m)
    for mend in (brackets.quoted_whole, _whole_given_name, _whole_kind, _whole_number, _whole_company, _whole_party):
        m = mend(m, text)       # these look at the page
    for mend in (_partner_apart, _last_clause, _before_a_verb, _before_a_count, _project_beside_a_verb, _name_bounds,
                 _zone_after_party, _typed_by_tail, _unit_of_an_institution):
        m = mend(m)
    return m


def _of_subsidiary(m: Mention) -> Mention:
    """某某药业子公司 says whose subsidiary a company is: the name is the group's, 某某药业."""
    if m.type != "Company" or not m.text.endswith(SUBSIDIARY) or len(m.text) < len(SUBSIDIARY) + 2:
        return m
    return Mention(m.text[:-len(SUBSIDIARY)], m.type, m.start, m.end - len(SUBSIDIARY), m.sentence, source=m.source)


SUBSIDIARY = "子公司"


# 市相关部门, 省直部门, 中央部委, 省政府各委, 地方政府: bodies of a kind, which name no body in particular
_IN_GENERAL = re.compile(r"部门|部委|各[委办厅局部]|^地方政府$")
# 国家高新技术产业开发区, 国家级经济技术开发区, 省级开发区: the zones of a level, which name no zone in particular
_ZONES_OF_A_LEVEL = re.compile(r"(?:国家级?|省级|市级)(?:%s)" % "|".join(ZONE_TAILS))
# 海关, 公安, 中央: an authority of two characters is a kind of one, unless a party's committee (市委)
_KIND_OF_AUTHORITY = re.compile(r"^.?[^委]$")


def _firm_of_a_kind(m: Mention) -> bool:
    """贸易公司, 招商公司, 深圳公司: a common word or a place and 公司 is a kind of firm or a place's firms, no
    firm's name; a group is named by a common word now and then (the gold has one, a fashion group's), so
    only 公司 is read."""
    front = m.text.removesuffix("公司")
    return m.type == "Company" and len(front) == 2 and front != m.text \
        and (is_plain_word(front) or front in load().places)


def _no_agency(m: Mention) -> bool:
    """公共财政, 海关监管, 某某陆军, 某国前驻某国大使: what the model read as a government body and whose name ends
    as no body's does (kg/data/agency_ends.txt) is a phrase, a force or a post; the model's mends have given
    a name the type its tail decides already (某某研究院)."""
    return m.type == "GovernmentAgency" and not m.text.endswith(load().agency_ends)


def _bodies_in_general(m: Mention) -> bool:
    return m.type in ("GovernmentAgency", "Organization") and _IN_GENERAL.search(m.text) is not None \
        or m.type == "GovernmentAgency" and _KIND_OF_AUTHORITY.match(m.text) is not None \
        or m.type == "Zone" and _ZONES_OF_A_LEVEL.fullmatch(m.text) is not None


def _a_place_doing(m: Mention) -> bool:
    """南宁市优化营商环境, 某市某区组织召开, 某市某区还: a place or a zone and the verb or adverb of its clause, which
    the model read as one body's or project's name; the place is the gazetteer's."""
    if m.type not in (*BODIES, "Project"):
        return False
    rest = m.text
    while head := leading_zone_name(rest) or leading_place(rest):
        rest = rest[len(head):]
    return bool(rest) and rest != m.text and all(w.flag in _DOINGS for w in tokenize(rest))


_DOINGS = ("v", "vn", "vd", "ad", "d")      # verbs and adverbs: 优化, 组织, 认真


def _begins_in_a_word(m: Mention, doc: Document) -> bool:
    """A name the model began inside a common word is a piece of a longer run (米综合产业园区 of 千万平方米…,
    划星海集团 of 谋划星海集团…, 成渝地区 of 打造成渝…): no name. A proper name jieba knows (中共天津市委)
    may hold a shorter one (天津市委)."""
    sentence = doc.sentences[m.sentence]
    return m.start - sentence.start in inside_common_words(sentence.text)



def _whole_given_name(m: Mention, text: str) -> Mention:
    """周文炜, 王海飏: the model ends a name of three before a rare last character where a comma follows it;
    a character news uses as a word (说, 等, 和) ends no name there."""
    end = m.end
    if m.type != "Person" or len(m.text) != 2 or not text[end:end + 1].strip() \
            or text[end + 1:end + 2] not in _NAME_ENDS or not "\u4e00" <= text[end] <= "\u9fff" \
            or dictionary().get(text[end], (0, ""))[0] >= _RARE:
        return m
    return Mention(text[m.start:end + 1], m.type, m.start, end + 1, m.sentence, source=m.source)


_NAME_ENDS = ("，", ",", "、", "。", "；")
_RARE = 5000        # a character used alone less often than this in jieba's dictionary is a name's, not a word


def _whole_kind(m: Mention, text: str) -> Mention:
    """A zone's name never begins inside its kind: 开区（某区） of 经开区（某区）, where the model began late."""
    if m.type != "Zone":
        return m
    for end, front in _KIND_ENDS:
        if m.text.startswith(end) and text.startswith(front, m.start - len(front)):
            start = m.start - len(front)
            return Mention(text[start:m.end], m.type, start, m.end, m.sentence, source=m.source)
    return m


# (the end of a kind of zone, the front before it): 开区 of 经开区; an end that is a kind itself (新区 of 高新区) is none
_KIND_ENDS = tuple((kind[cut:], kind[:cut]) for kind in ZONE_TAILS for cut in range(1, len(kind) - 1)
                   if kind[cut:] not in ZONE_TAILS)


def _whole_number(m: Mention, text: str) -> Mention:
    """A name never begins inside a number: 3000万吨某某一体化项目, not 000万吨…, where the model began late."""
    start = m.start
    while start > 0 and m.text[:1].isdigit() and (text[start - 1].isdigit() or text[start - 1] == "."):
        start -= 1
    return m if start == m.start else Mention(text[start:m.end], m.type, start, m.end, m.sentence, source=m.source)


def _whole_party(m: Mention, text: str) -> Mention:
    """A party's committee named with 中共 is named so whole: 中共某省委, not 某省委, where the model began late."""
    start = m.start - len(PARTY)
    if m.type != "GovernmentAgency" or not m.text.endswith(("委", "委员会")) or text[start:m.start] != PARTY:
        return m
    return Mention(PARTY + m.text, m.type, start, m.end, m.sentence, source=m.source)


def _unit_of_an_institution(m: Mention) -> Mention:
    """A centre, station or platform named after a body whose tail makes it an organisation (研究所, 大学, 协会:
    kg/data/org_suffixes.csv) or after an academy (某某研究所某某研发中心, 中国林科院某某试验中心) is one of its
    units, an organisation like it, whatever the model read it as (the gold: 14 such names organisations,
    1 a project)."""
    unit = next((u for u in _UNITS if m.text.endswith(u)), "")
    if not unit or m.type not in ("GovernmentAgency", "Project", "Company"):
        return m
    inner, lex = m.text[:-len(unit)], load()
    if any(tail in inner for tail, kind in lex.deciding if kind == "Organization") \
            or inner.startswith(tuple(lex.academies)):
        return Mention(m.text, "Organization", m.start, m.end, m.sentence, source=m.source)
    return m


_UNITS = ("中心", "试验站", "平台", "实验室", "工作站")


def _zone_after_party(m: Mention) -> Mention:
    """A zone's name never holds 中共: of 任中共某某开发区 (某某任中共某某开发区工委书记), what the model read of
    the party's committee, the zone is what follows it."""
    at = m.text.find(PARTY) if m.type == "Zone" else -1
    if at < 0 or len(m.text) - at - len(PARTY) < 2:
        return m
    cut = at + len(PARTY)
    return Mention(m.text[cut:], m.type, m.start + cut, m.end, m.sentence, source=m.source)


def _whole_company(m: Mention, text: str) -> Mention:
    """A company's name is more than its tail: of 某某科技园投资有限公司 the model sometimes reads only 投资有限公司
    (a trade and a tail) or 理有限责任公司; the name then begins where its list item or clause does."""
    if m.type != "Company":
        return m
    tail = next((t for t in company_tails() if m.text.endswith(t)), "")
    core = m.text[:len(m.text) - len(tail)]
    if not tail:
        return m
    start = m.start
    while start > max(0, m.start - _LONGEST_FRONT) and text[start - 1] not in _ITEM_BOUNDS:
        start -= 1
    if len(core) > 1 and core not in load().trades:
        start = _legal_front(text, start, m) if "有限" in tail else m.start
    return m if start == m.start else Mention(text[start:m.end], m.type, start, m.end, m.sentence, source=m.source)


def _legal_front(text: str, bound: int, m: Mention) -> int:
    """Where a company's registered name (某某有限公司) begins that the model began late (海丰实业有限公司 of
    临江海丰实业有限公司): after the words that lead into it in its clause, where two to six characters of a
    name stand there, not a kind of firm (龙头企业, 子公司)."""
    start = lists.first_item_start(text, bound, m.start)
    front = text[start:m.start]
    if not 2 <= len(front) <= _LONGEST_LEGAL_FRONT or front.endswith((*_FIRMS_OF_A_KIND, *company_tails())):
        return m.start
    return start


_LONGEST_LEGAL_FRONT = 6
_FIRMS_OF_A_KIND = ("企业", "公司", "单位", "机构", "方", "商")


_ITEM_BOUNDS = frozenset("，。、；：！？,;:!?\n “”《》（）()和与及同")
_LONGEST_FRONT = 16


def _last_clause(m: Mention) -> Mention:
    """A name never goes on over a clause's end: of 某某中心；某某项目, the model's run over a semicolon, the
    name is the last clause's."""
    clauses = [c for c in _CLAUSE_END.finditer(m.text) if len(c.group()) >= 2]
    if not clauses or clauses[-1].group() == m.text:
        return m
    last = clauses[-1]
    return Mention(last.group(), m.type, m.start + last.start(), m.start + last.end(), m.sentence, source=m.source)


_CLAUSE_END = re.compile(r"[^；;，,]+")


def _before_a_verb(m: Mention) -> Mention:
    """A body's name never holds a verb of a clause (共建, 签约 …): of the model's run 某学院共建研究院, the name is
    what comes before the verb."""
    verb = CLAUSE_VERBS.search(m.text, 2) if m.type in BODIES else None
    if verb is None:
        return m
    return Mention(m.text[:verb.start()], m.type, m.start, m.start + verb.start(), m.sentence, source=m.source)


def _before_a_count(m: Mention) -> Mention:
    """An industry's name never holds a count of items: of the model's run 食品医药6条制造业 (…、食品医药6条制造业
    重点产业链), the last item of a list and the count that ends it, the industry is what comes before the count."""
    count = _A_COUNT.search(m.text, 2) if m.type == "Industry" else None
    if count is None:
        return m
    return Mention(m.text[:count.start()], m.type, m.start, m.start + count.start(), m.sentence, source=m.source)


_A_COUNT = re.compile(lists.COUNT)


def _project_beside_a_verb(m: Mention) -> Mention:
    """A project's name never holds the verb of a clause: of the model's run 某企业以某某新材料项目 the project is
    what follows the verb, of 某科创谷全力发展 or 某孵化园是利用某厂 (no name after it, or one before) what comes
    before."""
    if m.type != "Project":
        return m
    words = tokenize(m.text)
    k = next((k for k, w in enumerate(words) if w.word in _PROJECT_CLAUSE_VERBS and 2 <= w.start), None)
    if k is None:
        return m
    verb = words[k]
    named_after = len(m.text) - verb.end >= _SHORTEST_PROJECT and not m.text[:verb.start].endswith(_PROJECT_ENDS)
    start, end = (verb.end, len(m.text)) if named_after else (0, verb.start)
    return Mention(m.text[start:end], m.type, m.start + start, m.start + end, m.sentence, source=m.source)


# words that open a clause's predicate, in none of the gold's 297 projects' names (利用 is in 回收利用)
_PROJECT_CLAUSE_VERBS = frozenset({"是", "以", "打造", "采用", "全力", "依托", "围绕"})
_SHORTEST_PROJECT = 4
_PROJECT_ENDS = ("项目", "工程", "基地", "中心", "园", "园区")


# 王某表示, 李某出席, 张某任局长: characters that follow a person's name in news and end none of the 3,661
# names of CLUENER2020's training set; the model's run sometimes goes on over the first.
_AFTER_A_NAME = frozenset("表介出说在等致带对及兼任到将率向是于")


def _name_bounds(m: Mention) -> Mention:
    if m.type != "Person" or len(m.text) < 3 or m.text[-1] not in _AFTER_A_NAME:
        return m
    return Mention(m.text[:-1], m.type, m.start, m.end - 1, m.sentence, source=m.source)


_BODIES_AND_PROJECTS = ("Company", "Organization", "GovernmentAgency", "Project")


def _typed_by_tail(m: Mention) -> Mention:
    """某某研究院, 某某大学 are organisations and 某某有限公司 a company, whatever the model read them as:
    the tails that decide a name's type (kg/data/org_suffixes.csv)."""
    if m.type not in _BODIES_AND_PROJECTS:
        return m
    kind = next((kind for tail, kind in load().deciding if m.text.endswith(tail)), m.type)
    if kind == "Company" and datelines.names_an_outlet(m.text):
        kind = datelines.TYPE        # 澎湃新闻, 某某日报: a newspaper's or a site's, not a company's
    return m if kind == m.type else Mention(m.text, kind, m.start, m.end, m.sentence, source=m.source)


def _places_apart(m: Mention) -> list[Mention]:
    """四川省成都市 is two places: the model tags a run of one type, and places stand side by side."""
    if m.type != "Place":
        return [m]
    parts, at = [], 0
    while at < len(m.text):
        place = prefixes("place").longest(m.text, at, shortest=2)
        if not place:
            return [m]
        parts.append(Mention(place, "Place", m.start + at, m.start + at + len(place), m.sentence, source=m.source))
        at += len(place)
    return parts


def _quoted_apart(m: Mention) -> list[Mention]:
    """“某某研究中心”“某某产业园”等项目 names two projects, each in its own quotes: the model tags a run of one
    type, and quoted names stand side by side, or with 、 between."""
    if not _QUOTED_NAMES.fullmatch(m.text):
        return [m]
    parts = list(_QUOTED_NAME.finditer(m.text))
    if len(parts) < 2:
        return [m]
    return [Mention(q.group(1), m.type, m.start + q.start(1), m.start + q.end(1), m.sentence, source=m.source)
            for q in parts]


def _parent_apart(m: Mention) -> list[Mention]:
    """某某医药子公司某某生物医药有限公司, 某某集团旗下某某制造有限公司: a firm named after its parent, which the model
    reads as one name, is two firms; derive and the relations find the one part of the other."""
    if m.type != "Company":
        return [m]
    link = PARENT_LINK.search(m.text, 2)
    if link is None or len(m.text) - link.end() < 4:
        return [m]
    return [Mention(m.text[:link.start()], m.type, m.start, m.start + link.start(), m.sentence, source=m.source),
            Mention(m.text[link.end():], m.type, m.start + link.end(), m.end, m.sentence, source=m.source)]


PARENT_LINK = re.compile(f"{SUBSIDIARY}|旗下")      # what stands between a firm's name and its parent's


def _partner_apart(m: Mention) -> Mention:
    """某区与某大学签署合作协议, 某控股与某区政府: the model reads a body and its partner as one name; the partner
    is the name, where a place is the first of the two or begins the partner. A body whose name joins two fields
    with 与 (某某科学与技术研究院) begins with no place."""
    if m.type not in BODIES or "与" not in m.text[1:-2]:
        return m
    at = m.text.rindex("与") + 1
    partner, first = m.text[at:], m.text[:at - 1]
    if len(partner) < 4 or not (leading_place(partner) or leading_place(first) == first):
        return m
    return Mention(partner, m.type, m.start + at, m.end, m.sentence, source=m.source)


_QUOTED_NAME = re.compile(r"[“「]([^“”「」]+)[”」]")
_QUOTED_NAMES = re.compile(rf"(?:{_QUOTED_NAME.pattern}[、和与及]?)+")


def _gazetteer(doc: Document) -> list[Mention]:
    return [m for s in doc.sentences for m in gazetteer.find(s.text, s.start, s.index, word_edges(s.text))] \
        + gazetteer.abbreviated(doc)


def _bylines(doc: Document) -> list[Mention]:
    found = []
    for article in doc.articles:
        first = article.sentences[0].index if article.sentences else -1
        # 绪言 before the reporters' names is a word, and 看项目, a column's title, no one's name
        found += [Mention(name, "Person", start, end, first, source=BYLINE) for name, start, end in article.bylines
                  if not is_plain_word(name, min_freq=1) and has_surname(name)]
    return found


def _whole_names(doc: Document, mentions: list[Mention]) -> list[Mention]:
    """A person's name the model cut short where the page names them in full (王小 of 王小明, read whole
    elsewhere) is the whole name, and names it ran together (王明李强) are each a name; a name of one
    character is none, and nor is one inside a zone's name."""
    names = sorted({m.text for m in mentions if m.type == "Person"}, key=len, reverse=True)
    zones = {m.text for m in mentions if m.type == "Zone"}
    starts = sorted(m.start for m in mentions)
    kept = []
    for m in mentions:
        if m.type == "Person" and (len(m.text) < 2 or any(m.text in z for z in zones)):
            continue        # 徐庄 of 南京徐庄高新区 is the zone's short name
        if m.type == "Person" and m.source == learned.SOURCE:
            parts = _run_together(m, [n for n in names if len(n) < len(m.text)])
            if parts:       # 王明李强张华出席: a headline's names run together, each named on the page
                kept += parts
                continue
            whole = next((n for n in names if len(n) > len(m.text) and n.startswith(m.text)
                          and doc.text.startswith(n, m.start)), None)
            nxt = bisect_right(starts, m.start)
            if whole and (nxt == len(starts) or starts[nxt] >= m.start + len(whole)):
                m = Mention(whole, m.type, m.start, m.start + len(whole), m.sentence, source=m.source)
        kept.append(m)
    return kept


def _run_together(m: Mention, names: list[str]) -> list[Mention]:
    """The people named one after another in `m`, each a name of the page, longest first; none if any part is not."""
    parts, at = [], 0
    while at < len(m.text):
        name = next((n for n in names if m.text.startswith(n, at)), None)
        if name is None:
            return []
        parts.append(Mention(name, m.type, m.start + at, m.start + at + len(name), m.sentence, source=m.source))
        at += len(name)
    return parts if len(parts) > 1 else []


def _coreferent(doc: Document) -> list[Mention]:
    declared = coreference.calls_itself_company(doc.text)
    return [m for s in doc.sentences for m in coreference.find(s.text, s.start, s.index, declared)]


def arbitrate(model: list[Mention], names: list[Mention], others: list[Mention],
              declared: list[Mention] = ()) -> list[Mention]:
    """One reading of each stretch: a declared name's, unless a model mention holds it; then the model's,
    except where a lexicon zone overlaps a mention without lying inside it; then lexicon names, bylines
    and generic mentions where nothing else is. Mentions never cross sentences, so each sentence is
    settled on its own."""
    by_sentence: dict[int, tuple[list, list, list, list]] = {}
    for kind, mentions in enumerate((model, names, others, declared)):
        for m in mentions:
            by_sentence.setdefault(m.sentence, ([], [], [], []))[kind].append(m)
    kept = [m for groups in by_sentence.values() for m in _settle(*groups)]
    return sorted(kept, key=lambda m: (m.start, m.end))


def _settle(model: list[Mention], names: list[Mention], others: list[Mention],
            declared: list[Mention]) -> list[Mention]:
    declared = [d for d in _longest(declared) if not any(_holds(m, d) for m in model)]
    kept = [m for m in model if not any(_loses_to(m, n) for n in names) and not any(m.overlaps(d) for d in declared)]
    kept += declared
    for m in [*_longest(names), *others]:
        if not any(m.overlaps(k) for k in kept):
            kept.append(m)
    return kept


def _holds(m: Mention, name: Mention) -> bool:
    """Whether `m` is a longer name around `name`."""
    return name.within(m) and (m.start, m.end) != (name.start, name.end)


def _loses_to(m: Mention, name: Mention) -> bool:
    """A model mention gives way to a lexicon zone it overlaps but does not hold (潍坊 in 潍坊高新区), and a place
    to a longer lexicon place around it (雄县 in 当雄县)."""
    if name.type == "Place" == m.type:
        return m.within(name) and len(m.text) < len(name.text)
    if name.type != "Zone" or not m.overlaps(name):
        return False
    same = (m.start, m.end) == (name.start, name.end)
    holds = name.within(m) and not same
    return not holds and not (same and m.type == "Zone")


def recognise(doc: Document) -> Document:
    mentions = brackets.mend(doc, arbitrate(_model(doc), _gazetteer(doc), _bylines(doc) + _coreferent(doc),
                                            declared.find(doc)))
    # after brackets, which make whole a firm's name the model cut (某集团旗下某某（天津）|有限公司)
    mentions = [firm for m in mentions for firm in _parent_apart(m)]
    mentions = hosts(doc, parks(doc, misread_people(doc, brackets.listed(doc, _whole_names(doc, mentions)))))
    mentions = labs(doc, departments(doc, bodies(doc, mentions)))
    mentions = policies(doc, datelines.outlets(doc, governments(doc, _bodies_with_their_zone(doc, mentions))))
    mentions = built_for_industries(doc, named_after_companies(doc, mentions))
    mentions = ended(described(doc, quoted(doc, joined_facilities(doc, mentions))))
    mentions = products(doc, towns(doc, counties(doc, fields(doc, clusters(doc, mentions)))))
    mentions = named(short_forms(doc, owners(doc, designated(doc, lists.complete(doc, mentions)))))
    doc.mentions = repeated(doc, mentions)
    return doc


def _bodies_with_their_zone(doc: Document, mentions: list[Mention]) -> list[Mention]:
    """A body is named with its zone (潍坊高新区经济发展局, ANNOTATION.md): a zone read apart from the body
    after it is the front of the body's name (derive finds the zone in it again), right after it or with only
    nouns between, which say what the body does (烟台高新区 行政审批 服务局)."""
    joined: list[Mention] = []
    for m in mentions:
        before = joined[-1] if joined else None
        if before and before.type == "Zone" and m.type in _BODIES and before.sentence == m.sentence \
                and _of_the_body(doc.text[before.end:m.start]):
            joined[-1] = Mention(doc.text[before.start:m.end], m.type, before.start, m.end, m.sentence,
                                 source=m.source)
        else:
            joined.append(m)
    return joined


def _of_the_body(between: str) -> bool:
    """Whether the words between a zone and a body are none, or common words that name what it does (行政审批,
    投资促进), which begin with a noun: a verb first (联合, 召开) opens a clause."""
    if not between:
        return True
    words = tokenize(between)
    return len(between) <= _LONGEST_FUNCTION and words[0].flag in ("n", "vn") and all(
        t.flag in ("n", "vn", "v") and is_plain_word(t.word) for t in words)


_LONGEST_FUNCTION = 6
_BODIES = ("GovernmentAgency", "Organization")


def _longest(names: list[Mention]) -> list[Mention]:
    """Of lexicon names that overlap, the longest (潍坊高新区 over 潍坊)."""
    kept: list[Mention] = []
    for n in sorted(names, key=lambda m: (-(m.end - m.start), m.start)):
        if not any(n.overlaps(k) for k in kept):
            kept.append(n)
    return kept
