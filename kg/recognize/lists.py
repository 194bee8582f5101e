"""The items of a list are of one kind: 新能源、生物医药、集成电路、人工智能等领域.

News names a zone's industries, its companies and their products in lists. Where
the other components found most items of a list as names of one type, each
complete, an item they missed is a name of that type too. The list gives an
item's bounds between two 、, and the last one's where 等 ends it, or the count
of its items (…、节能装备四大产业集群), or the 为 of 以…为支柱; where that ending says
industries, an item read as a project that names no facility (某某材料, not 某某生产基地) is
one of them, and where it says projects, an item read as an industry that names one (某某产业园) is a
project. The first item of a list of industries begins where the clause's words end, after its last
verb, preposition, adverb, particle or pronoun (将围绕|未来显示器件、新材料、检测设备等领域), but for a
verb or adjective after the 了 that ends the clause's verb (推荐了|某某通用机场: the item's own word);
other names are led into with a generic word of their kind as often (签约项目包括…),
so a list of them keeps its first item as the other components read it, unless a 了 leads into it. A clause
that a word for projects leads into lists projects, whatever else was read
(总部项目，包括A总部、B研发中心等), and so does a list that a signing leads into and
等…项目 ends (签约了A、B等重点项目): its items the other components missed are projects.
A list of firms, counted in 家 or called 企业 (A、B、C等15家企业), lists companies,
whatever its short names were read as, unless an item is read as a place or a body
of another kind (佛山、广州等60余家企业; 某所、某所等8家); and a count of projects
(A、B等45个重点项目) names some by their firms alone, where an item is a rare name
with no word for a facility in it; and a list of brands in quotes (以“甲”、“乙”等为代表的品牌)
names firms.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from kg.lexicon import dictionary, load
from kg.model import Document, Mention
from kg.recognize.tokens import CLAUSE_FLAGS, tokenize

SOURCE = "list"
_CLAUSE = re.compile(r"[^，。；：！？,;:!?\n]+")
_LONGEST = 12       # an item longer than this is a phrase, not a name
# the parts of speech of the words a clause leads into its list with (将围绕, 形成了以, 企业的): its own words,
# verbs, adjectives and punctuation
_LEADS_IN = (*CLAUSE_FLAGS, "v", "a", "x")


def complete(doc: Document, mentions: list[Mention]) -> list[Mention]:
    """`mentions`, and each list item they miss where most of its list's items are mentions of one type."""
    mentions = _joined(doc, _firms(doc, mentions))
    in_sentence: dict[int, list[Mention]] = {}
    for m in mentions:
        in_sentence.setdefault(m.sentence, []).append(m)
    found = []
    for s in doc.sentences:
        if "、" not in s.text:
            continue
        here = in_sentence.get(s.index, [])
        for clause in _CLAUSE.finditer(s.text):
            missed = [m for items, said in _lists(clause.group(), s.start + clause.start())
                      for m in _missed(items, here, doc.text, s.index, said)]
            found += missed or _projects_listed(s.text, clause, s.start, here, s.index)
    if not found:
        return mentions
    # a place read at the head of an institute's short name a list gives (长春应化所) is part of that name, and
    # what was misread inside a listed project's is part of the project's, but for the firm it begins with,
    # which builds it (某某集团某某生产基地)
    institutes = [m for m in found if m.type == "Organization"]
    projects = [m for m in found if m.type == "Project"]
    industries = [m for m in found if m.type == "Industry"]      # over the projects misread in their lists
    kept = [m for m in mentions if not (m.type == "Place" and any(m.within(o) for o in institutes))
            and not any(m.within(p) and not _owner_of(m, p) for p in projects)
            and not (m.type == "Project" and any(m.overlaps(i) for i in industries))]
    return sorted(kept + found, key=lambda m: (m.start, m.end))


_AND = re.compile(r"[及和与+]")


def _joined(doc: Document, mentions: list[Mention]) -> list[Mention]:
    """`mentions`, with two industries an item of a list joins (功率半导体及化合物半导体、, 新能源与环保设备、) read
    as the one industry the item names. The last item is left as read: the 和 before it joins the list's last
    two items more often than two industries into one (…、高端装备产业和生产性服务业等)."""
    spans = {(m.start, m.end): m for m in mentions if m.type == "Industry"}
    joined = {}
    for s in doc.sentences:
        for clause in _CLAUSE.finditer(s.text) if "、" in s.text else ():
            at = s.start + clause.start()
            for k, chunk in enumerate(clause.group().split("、")[:-1]):
                for join in _AND.finditer(chunk):
                    first = next((m for (a, b), m in spans.items()
                                  if b == at + join.start() and (k == 0 or a == at)), None)
                    second = spans.get((at + join.end(), at + len(chunk)))
                    if first and second:
                        joined[first.start, first.end] = joined[second.start, second.end] = Mention(
                            doc.text[first.start:second.end], "Industry", first.start, second.end, s.index,
                            source=SOURCE)
                at += len(chunk) + 1
    if not joined:
        return mentions
    kept = {id(m): m for m in (joined.get((m.start, m.end), m) for m in mentions)}
    return sorted(kept.values(), key=lambda m: (m.start, m.end))


def _lists(clause: str, at: int) -> Iterator[tuple[list[tuple[int, int, bool]], tuple[str | None, bool]]]:
    """(the items, as (start, end, whether it is the first), and what its ending says they are (`_said`)) of each
    list in `clause` that has 3 items or more, or 2 where its ending says what they are. A list ends where its ending
    begins in an item (…、新材料等领域), and the words after its ending may begin another list
    (围绕A、B等方向开展C、D、E等工作)."""
    chunks, items, start = clause.split("、"), [], at
    for k, chunk in enumerate(chunks):
        ending = _ENDING.search(chunk, 1)
        if ending is None and k < len(chunks) - 1:
            items.append((start, start + len(chunk), not items))
        elif ending is not None:
            said = _said(chunk[ending.start():])
            items += _last(chunk[:ending.start()], start, not items, ending.group().endswith("等"))
            if len(items) >= (2 if said[0] else 3):
                yield items, said
            items = [(start + ending.end(), start + len(chunk), True)] if k < len(chunks) - 1 else []
        elif len(items) >= 2:
            yield items, (None, False)       # A、B、C, and D: the list's last item has no end the list gives it
        start += len(chunk) + 1


def _last(chunk: str, at: int, first: bool, et_cetera: bool) -> list[tuple[int, int, bool]]:
    """The list's last item; or, ended by 等, its last two, where 和 joins them (A、B、C和D等). A 及 before the
    ending joins the list to what it counts (A、B、C及八大园区办): the item ends before it."""
    chunk = _JOINED_ON.sub("", chunk)
    two = _LAST_TWO.fullmatch(chunk) if et_cetera else None
    if two:
        return [(at, at + two.end(1), False), (at + two.start(2), at + len(chunk), False)]
    return [(at, at + len(chunk), first)]


_LAST_TWO = re.compile(r"([^和及与]{2,})(?:和|及|与|以及)([^和及与]{2,})")
_JOINED_ON = re.compile(r"(?:和|及|与|以及)$")
COUNT = r"[0-9一二两三四五六七八九十]+(?:大|个|项|类|条)"     # of a list's items: 四大, 4个, 6条
# where a list ends: at 等 or an ellipsis (A项目、B项目……), at the count of its items (…、节能装备四大产业集群;
# …、车载显示屏4个方向), or at the 为 that closes 以…为 (以食品、服饰、陶瓷为支柱)
_ET_CETERA = re.compile(r"(?<![高中平同对初均])等(?![离级])")
_ENDING = re.compile(rf"{_ET_CETERA.pattern}|…+|{COUNT}|为(?:主导|支柱|主体|特色|重点|核心|龙头|代表|主)")


def _industries_ending(words: str) -> re.Pattern:
    return re.compile(rf"(?:等|{COUNT})?[^，。；、]{{0,8}}?(?:{words})|为(?:主导|支柱|主体|特色)")


# what a list's ending says its items are: 等领域, 等五大产业, 四大产业集群, 等新兴产业 (not 等产业园, 等产业项目,
# 等成果产业转化), 为支柱; 等8个重大项目
_INDUSTRIES = r"产业(?!园|化|基地|项目|转)|行业|方向"
_SAID = (("Industry", _industries_ending(rf"领域|业态|{_INDUSTRIES}")),
         ("Project", re.compile(r"等[0-9一二三四五六七八九十百余多]+个[^，。；、]{0,8}?项目")))
# an ending that says industries even where none of its items was read as one (以食品、服饰、陶瓷为支柱; …、车载显示屏
# 4个方向); a field (在公安、政务服务等领域的应用; 在人才培养、科技合作等领域开展合作) is as often a field of use or work
_SAID_ALONE = (("Industry", _industries_ending(_INDUSTRIES)), _SAID[1])
_BODY_ENDS = ("企业", "公司", "机构")       # 金融机构、保险机构等产业链: the bodies of a chain, not its industries
_LONGEST_PROJECT = 24


def _said(ending: str) -> tuple[str | None, bool]:
    """(what the ending says its list's items are, whether it says so even where none of them was read so)."""
    kind = next((kind for kind, said in _SAID if said.match(ending)), None)
    return kind, any(said.match(ending) for alone, said in _SAID_ALONE if alone == kind)


def _missed(items, here: list[Mention], text: str, sentence: int,
            ending: tuple[str | None, bool] = (None, False)) -> list[Mention]:
    """The items the other components missed of a list most of whose items are mentions of one type, or of a
    list whose ending says what its items are (`_said`), of which none found is of another type, and one at
    least is of that type where the ending needs it."""
    if not items:
        return []
    said, alone = ending
    whole, misread = {}, []
    for start, end, first in items:
        for m in here:
            if m.end == end and (first or m.start == start):
                if _misread_kind(said, m):
                    misread.append(m)
                else:
                    whole[start, end] = m.type
    here = [m for m in here if all(m is not wrong for wrong in misread)]
    most, count = Counter(whole.values()).most_common(1)[0] if whole else (None, 0)
    if _institutes([text[start:end] for start, end, first in items if not first]) and len(items) >= 3:
        kind = "Organization"
    elif said and set(whole.values()) <= {said} and (whole or alone) \
            and not any(text[start:end].endswith(_BODY_ENDS) for start, end, _ in items):
        kind = said
    elif whole and count * 2 >= len(items):
        kind = most
    else:
        return []
    longest = _LONGEST_PROJECT if kind == "Project" else _LONGEST
    bounds = [(first_item_start(text, start, end) if first else start, end) for start, end, first in items]
    if kind == "Organization":      # 长春应化所: an institute's name may begin with the place it is in
        here = [m for m in here if not (m.type == "Place" and any(m.start == start for start, _ in bounds))]
    return [Mention(text[start:end], kind, start, end, sentence, source=SOURCE)
            for (start, end), (_, _, first) in zip(bounds, items)
            if (not first or kind == "Industry" or kind == "Project" and (start == items[0][0] or _after_le(text, start)))
            and (start, end) not in whole and 2 <= end - start <= longest and _unread(start, end, here)
            and not (kind == "Company" and _NUMBERED.search(text[start:end]))]


def _misread_kind(said: str | None, m: Mention) -> bool:
    """Whether an item read as a project or an industry is the other, as its list's ending says and its name
    agrees: 某某材料 of …、节能装备四大产业集群 names no facility, 某某产业园 of …等4个项目 does."""
    return {said, m.type} == {"Industry", "Project"} and (m.type == "Project") != bool(_FACILITY.search(m.text))


def _after_le(text: str, start: int) -> bool:
    """Whether a 了 ends the verb right before `start`: what follows is that verb's object, a list's first item."""
    return start > 0 and text[start - 1] == "了"


def _owner_of(m: Mention, project: Mention) -> bool:
    """Whether `m` is a body the project's name begins with, which builds it."""
    return m.type in ("Company", "Organization") and m.start == project.start and m.end < project.end


def _after_a_list(clause: str, ends: int) -> int:
    """Where the list that ends at `ends` begins in its clause: after the 等 of a list before it (在A、B等领域发掘一批
    C、D等企业: the list of firms begins after the list of fields), else at the clause's start."""
    return max((e.end() for e in _ET_CETERA.finditer(clause, 0, ends)), default=0)


def _institutes(rest: list[str]) -> bool:
    """空天院、微电子所、自动化所: a list of three or more whose items after the first (which the words leading into
    the list may begin), `rest`, each end in 院 or 所, as an institute's short name does, lists institutes."""
    return len(rest) >= 2 and all(
        len(item) >= 3 and item.endswith(_INSTITUTE) and not item.endswith(_COURTS) for item in rest)


_INSTITUTE = ("院", "所")
_COURTS = ("法院", "检察院")        # state organs, not institutes


# A、B、C等15家企业, 等一批行业龙头企业, 等外资企业, 等在国际上有较大影响力的企业: a list of firms, counted in 家 or
# called 企业 (not 等一批产业项目)
_FIRMS_COUNTED = re.compile(r"等(?:[0-9一二三四五六七八九十百多余数]+[家户](?!.*(?:院所|高校))|一批(?=[^企]*企业)"
                            r"|(?=[^企]{0,12}企业))")
_NOT_FIRMS = re.compile(r"产业|产品|项目|领域")
_MISREAD = ("Industry", "Project", "Person")     # what a firm's short name in a list is misread as (星河电子, 海川科技)


def _firms(doc: Document, mentions: list[Mention]) -> list[Mention]:
    """`mentions`, with the items of a list of firms as companies: those read as industries, projects or
    people, those read with the clause's words before the first (汇聚星河微电), and those not read, where
    no item is read as a body of another type or a place."""
    retyped: dict[tuple[int, int], Mention] = {}
    for s in doc.sentences:
        if "、" not in s.text or "等" not in s.text:
            continue
        here = [m for m in mentions if m.sentence == s.index]
        for clause in _CLAUSE.finditer(s.text):
            for (start, end), read in _firm_items(clause.group(), s.start + clause.start(), here, doc.text):
                firm = Mention(doc.text[start:end], "Company", start, end, s.index, source=SOURCE)
                retyped[(read.start, read.end) if read else (start, end)] = firm
    if not retyped:
        return mentions
    kept = [retyped.pop((m.start, m.end), m) for m in mentions]
    return sorted(kept + list(retyped.values()), key=lambda m: (m.start, m.end))


def _firm_items(clause: str, at: int, here: list[Mention], text: str) -> list[tuple[tuple[int, int], Mention | None]]:
    """(the span, the mention it replaces or None) of each item of a list of firms in `clause` to make a company."""
    brands = _BRANDS.search(clause)
    if brands:
        return _quoted_brands(brands, at, here)
    counted = _FIRMS_COUNTED.search(clause)
    projects = None if counted else _PROJECTS_COUNTED.search(clause)
    if projects:
        return _firms_of_projects(clause, at, projects.start(), here, text)
    if counted is None or not counted.group().endswith(("家", "户")) \
            and _NOT_FIRMS.search(clause, counted.end(), clause.find("企业", counted.end())):
        return []
    begins = _after_a_list(clause, counted.start())
    chunks = clause[begins:counted.start()].split("、")
    if len(chunks) < 2 or _institutes(chunks[1:]):
        return []
    found, start = [], at + begins
    for k, chunk in enumerate(chunks):
        end = start + len(chunk)
        read = _read_over(start, end, here)
        if any(m.type not in (*_MISREAD, "Company") for m in read):
            return []           # 国家纳米中心、长春应化所等8家; 佛山、广州等60余家企业: bodies of another type, places
        if not read and k == 0:         # 以及某某、某某等外资企业: the first item after the words leading into it
            start = _first_firm_start(text, start, end)
        if not read and 2 <= end - start <= _LONGEST and text[start:end] not in load().trades:
            found.append(((start, end), None))
        elif len(read) == 1 and read[0].end == end and (k == 0 or read[0].start == start):
            name = _led_off(read[0]) if k == 0 else read[0].start      # 汇聚星河微电 → 星河微电
            if read[0].type != "Company" or name > read[0].start:
                found.append(((name, end), read[0]))
        start = end + 1
    return found


# 以“甲”、“乙”、“丙”等为代表的…品牌: a list of brands, each in quotes, names firms
_BRANDS = re.compile(r"((?:“[^“”、，]{2,8}”、)+“[^“”、，]{2,8}”)等[^，。；]{0,20}品牌")
_QUOTED = re.compile(r"“([^“”]+)”")


def _quoted_brands(brands: re.Match, at: int, here: list[Mention]) -> list[tuple[tuple[int, int], Mention | None]]:
    """(the span, the mention it replaces or None) of each brand of a list of them not read as a company: the
    name within its quotes, not read or read as another type, with its quotes or without."""
    found = []
    for quoted in _QUOTED.finditer(brands.group(1)):
        start, end = at + brands.start(1) + quoted.start(1), at + brands.start(1) + quoted.end(1)
        read = _read_over(start, end, here)
        if not read:
            found.append(((start, end), None))
        elif len(read) == 1 and read[0].type != "Company" and (read[0].start, read[0].end) in (
                (start, end), (start - 1, end + 1)):
            found.append(((start, end), read[0]))
    return found


# A、B、C等45个重点项目, 等一批优质项目 (not 等多个领域的项目): a count of projects, which may name them by their firms
_PROJECTS_COUNTED = re.compile(r"等(?:[0-9一二三四五六七八九十百多余数]+个|一大?批)(?:(?!领域|行业)[^、，]){0,8}?项目")
_NOT_PROJECTS = ("Industry", "Person")      # what a firm's name in a list of projects is misread as, but a project
_COMMON = 50        # jieba's frequency from which a word of two characters or more is a common one, no firm's own name
_HAN = re.compile(r"[\u4e00-\u9fff]")
_NUMBERED = re.compile(r"[0-9]|期")     # 30万吨某某, 某某二期: an amount or a phase, no firm's name (one may hold 一 or 三)
# a word for what is built (某某园, 某某基地, 某某项目): a project's name, no firm's nor an industry's
_FACILITY = re.compile(r"园|基地|中心|厂|项目|工程|平台|楼|站|港|线|总部|城|谷|路|道|桥|馆|场|院|所|仓|库|器|间|校")


def _firms_of_projects(clause: str, at: int, ends: int, here: list[Mention], text: str) \
        -> list[tuple[tuple[int, int], Mention | None]]:
    """(the span, the mention it replaces or None) of each item of a list of projects, ending at `ends`, that
    names a firm alone (某某、某某科技等45个重点项目): those not read, or read as an industry or a person."""
    begins = _after_a_list(clause, ends)
    chunks = clause[begins:ends].split("、")
    found, start = [], at + begins
    for k, chunk in enumerate(chunks if len(chunks) >= 2 else ()):
        end = start + len(chunk)
        read = _read_over(start, end, here)
        if not read and k == 0:
            start = _first_firm_start(text, start, end)
        if not read and _firm_alone(text[start:end]):
            found.append(((start, end), None))
        elif len(read) == 1 and (read[0].start, read[0].end) == (start, end) and read[0].type in _NOT_PROJECTS \
                and _firm_alone(read[0].text):
            found.append(((start, end), read[0]))
        start = end + 1
    return found


def _firm_alone(item: str) -> bool:
    """Whether an item of a list of projects is a firm's name: Chinese of two to six characters, beginning with
    no common word (a firm's own name is rare), and no word of jieba's, a lexicon's industry, place or trade,
    a facility, an amount or a phase (not 无人机、智慧篮球等项目, 某某产业园, 30万吨某某, 某某二期)."""
    lex = load()
    if not 2 <= len(item) <= 6 or not _HAN.match(item) or _NUMBERED.search(item) or _FACILITY.search(item) \
            or item in dictionary() or item in lex.industries or item in lex.places or item in lex.trades:
        return False
    first = tokenize(item)[0].word
    return len(first) < 2 or dictionary().get(first, (0, ""))[0] < _COMMON


def _first_firm_start(text: str, start: int, end: int) -> int:
    """Where the first item of a list of firms begins: after the words that lead into it, but a firm's name
    whose first word reads as a verb (某为股份, led into by 引进) keeps that word where its trade alone would be
    left."""
    begins = first_item_start(text, start, end)
    if text[begins:end] in load().trades:
        words = tokenize(text[start:begins])
        if words and words[-1].flag.startswith("v") and len(words[-1].word) >= 2:
            return start + words[-1].start
    return begins


def _led_off(m: Mention) -> int:
    """Where the name read as `m` begins after the words that lead into it (汇聚, 引进了), if it begins with any."""
    words = tokenize(m.text)
    lead = 0
    # 吉祥科技: a name whose first word reads as a verb keeps it where a trade word alone would be left
    while lead < len(words) - 1 and words[lead].flag.startswith(_LEADS_IN) and words[lead].flag != "vn" \
            and m.text[words[lead + 1].start:] not in load().trades:
        lead += 1
    return m.start + (words[lead].start if lead else 0)


def _read_over(start: int, end: int, here: list[Mention]) -> list[Mention]:
    """The names read over the text from `start` to `end`."""
    return [m for m in here if m.start < end and start < m.end]


def _unread(start: int, end: int, here: list[Mention]) -> bool:
    return not _read_over(start, end, here)


# 总部项目，包括A、B、C等 / 签约项目4个，包括A、B: a clause that a word for projects leads into lists projects
_PROJECTS_BEFORE = re.compile(r"项目(?:[0-9一二三四五六七八九十]+个)?[，,：:]$")
_LISTS_PROJECTS = re.compile(r"(?:其中)?(?:包括|分别是|分别为|主要有)[:：]?")
_NOT_A_PROJECT = re.compile(r"[0-9一二三四五六七八九十]+个|涉及|以上")


# 签约了A、B、C等重点项目: a list that a signing leads into and 等…项目 ends
_SIGNED_PROJECTS = re.compile(r"(?:包括|签约了|签订了|引进了|落地了)[:：]?([^、]+(?:、[^、]+)+?)(?:等|在内)[^、]{0,12}?项目")


def _projects_listed(text: str, clause: re.Match, at: int, here: list[Mention], sentence: int) -> list[Mention]:
    """The items of a list of projects that a word for projects or a signing leads into, or a count of projects
    ends, that the other components missed, or misread as a whole or inside an item that ends as a project's
    name does (某某全球供应链总部 read as a person's name and more, 某某生物总部 as a bureau, 某某钢铁厂 as a firm)."""
    listed = _project_list(text, clause, at, here)
    if listed is None:
        return []
    begins, body = listed
    found, start = [], at + clause.start() + begins
    for item in body.split("、"):
        end = start + len(item)
        read = _read_over(start, end, here)
        if 4 <= len(item) <= 20 and not _NOT_A_PROJECT.search(item) and (not read or _misread(item, read, start, end)):
            found.append(Mention(item, "Project", start, end, sentence, source=SOURCE))
        start = end + 1
    return found


def _misread(item: str, read: list[Mention], start: int, end: int) -> bool:
    """Whether the names read in a listed project's name, all inside it, are no project's name ending with it;
    an item that describes its project (总投资30亿元的某某基地项目) names it after its 的, as read."""
    return item.endswith(_BUILT) and "的" not in item and all(start <= m.start and m.end <= end for m in read) \
        and not any(m.type == "Project" and (m.start, m.end) == (start, end) for m in read)


_BUILT = ("项目", "总部", "基地", "中心", "厂")


def _project_list(text: str, clause: re.Match, at: int, here: list[Mention]) -> tuple[int, str] | None:
    """(where in the clause it begins, its items joined by 、) of the list of projects the clause holds."""
    if "、" not in clause.group():
        return None
    lead = _LISTS_PROJECTS.match(clause.group())
    body = clause.group()[lead.end():].split("等", 1)[0] if lead else ""
    # the clause before says they are projects (签约项目12个：包括…), or two items or more say so themselves
    said = lead and (_PROJECTS_BEFORE.search(text, 0, clause.start())
                     or sum(item.endswith("项目") for item in body.split("、")) >= 2)
    if said:
        return lead.end(), body
    signed = _SIGNED_PROJECTS.search(clause.group())
    if signed:
        return signed.start(1), signed.group(1)
    return _counted_projects(text, clause, at, here)


def _counted_projects(text: str, clause: re.Match, at: int, here: list[Mention]) -> tuple[int, str] | None:
    """(where in the clause it begins, its items joined by 、) of a list a count of projects ends (某某、某某等一批项目);
    the words leading into it end before a name read there (某某控股某某公司某某产业园: 控股 reads as a verb)."""
    counted = _PROJECTS_COUNTED.search(clause.group())
    if counted is None:
        return None
    begins = _after_a_list(clause.group(), counted.start())
    first_end = clause.group().find("、", begins, counted.start())
    if first_end < 0:
        return None
    first = first_item_start(text, clause.start() + begins, clause.start() + first_end)
    first = min([first, *(m.start - at for m in here if m.start - at < first < m.end - at)]) - clause.start()
    return first, clause.group()[first:counted.start()]


def first_item_start(text: str, start: int, end: int) -> int:
    """Where the first item of a list begins: after the clause's last word that leads into it."""
    words = tokenize(text[start:end])
    # after 了 the verb is done: a verb or adjective after it is the first item's own (推荐了某某通用机场)
    done = max((k for k, w in enumerate(words) if w.flag == "ul"), default=-1)
    lead = max((k for k, w in enumerate(words) if w.flag.startswith(_LEADS_IN) and w.flag != "vn"
                and (k <= done or done < 0 or w.flag.startswith(CLAUSE_FLAGS))), default=-1)
    return start + (words[lead].end if lead >= 0 else 0)
