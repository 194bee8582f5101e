"""General knowledge the recognisers draw on, loaded once from kg/data/.

Each data file names its source in its header. Nothing here lists a company,
person, project or product: those are found by the shape of their names and
the patterns of the text, never by looking them up.
"""
from __future__ import annotations

import csv
import importlib.util
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from operator import itemgetter
from pathlib import Path

# placeholders in the statistical division codes that are not place names
_NOT_PLACES = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}
NUMERALS = set("0123456789一二三四五六七八九十百千万亿几数两零半")
# what the name of a province, city, prefecture or county ends in (山东省, 潍坊市, 寒亭区, 开化县, 黔西南州)
LEVELS = tuple("省市区县州")
# the party's short name, before the name of one of its committees (中共某省委: 某省委 lies in 某省)
PARTY = "中共"
_PLACE_TAILS = re.compile(r"(特别行政区|维吾尔自治区|壮族自治区|回族自治区|自治区|省|市)$")


@dataclass(frozen=True)
class Zone:
    name: str            # the short form news uses: 潍坊高新区
    official: str        # 潍坊高新技术产业开发区
    province: str
    city: str


# the levels of China's divisions; a place of another level ("world") is a country or a region
DIVISIONS = ("province", "city", "county")


@dataclass(frozen=True)
class Place:
    name: str            # the full name: 潍坊市
    level: str           # one of DIVISIONS, or world
    province: str = ""
    city: str = ""       # a county's city (市辖区 under a municipality, which lies in its province)


def _data_lines(name: str) -> list[str]:
    text = resources.files("kg.data").joinpath(name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _csv(name: str) -> list[dict]:
    return list(csv.DictReader(_data_lines(name)))


@dataclass
class Lexicon:
    zones: dict[str, Zone]           # every written form → zone
    places: dict[str, Place]         # every written form → place
    posts: list[str]                 # longest first: the posts the recogniser learned with (posts.txt)
    role_posts: list[str]            # longest first: those and the posts only roles are read by (role_posts.txt)
    suffixes: list[tuple[str, str]]  # (tail, entity type), longest first
    deciding: list[tuple[str, str]]  # those whose tail alone decides a name's type (有限公司, 研究院), longest first
    industries: set[str]
    sectors: frozenset[str]          # the economy's broad trades, industries where said to be (金融产业): sectors.txt
    surnames: set[str]
    trades: set[str]                 # what a company's name says of its trade (电子, 药业): company_trades.txt
    policy_words: dict[str, str]     # what a policy's name ends in → "document" (titles only) or "programme"
    central_bodies: frozenset[str]   # the central bodies by their names and short names (科技部, 海关总署, 党中央)
    unit_tails: list[str]            # what a body's unit named after it ends in (研究所, 办公厅): unit_tails.txt
    departments: frozenset[str]      # a government's departments named after its place (科技厅, 发改委): government_departments.txt
    agency_ends: tuple[str, ...]     # what a government body's name ends in (局, 厅, 政协): agency_ends.txt
    academies: dict[str, str]        # every name of a national academy (中科院) → its official name: academies.txt
    triggers: list[str]              # the words that say a relation (签约, 落户, 董事长): relation_triggers.txt
    project_words: frozenset[str]    # the words for a kind of project (总部, 研发中心, 二期): project_words.txt
    lab_kinds: tuple[str, ...]       # the national bases named field first (某某国家重点实验室): lab_kinds.txt
    platform_kinds: frozenset[str]   # the kinds of platform named with their field inside (技术创新中心): platform_kinds.txt


def _zones() -> dict[str, Zone]:
    """Every written form of every zone: the national high-tech zones with the short names news
    uses, then the economic function zones of GB/T 37028 with short names derived from theirs."""
    forms = {}
    for row in _csv("national_hitech_zones.csv"):
        shorts = [s for s in row["short_name"].split("|") if s]
        zone = Zone(shorts[0] if shorts else row["official_name"], row["official_name"],
                    row["province"], row["city"])
        for form in [row["official_name"], *shorts, *_national_forms(shorts, _NATIONAL_HITECH)]:
            forms.setdefault(form, zone)
    claimed: dict[str, list[Zone]] = {}
    cities = _prefectures()
    for row in _csv("economic_zones_gbt37028.csv"):
        official = row["name"]
        if official in forms:
            continue
        city = cities.get(row["city_adcode"], "") or _carried_city(official, row["province"])
        derived = zone_short_forms(official, row["province"], city)
        if row["kind_code"] == _NATIONAL_ETDZ_KIND:
            derived += _national_forms([official, *derived], _NATIONAL_ETDZ)
        zone = Zone(derived[0] if derived else official, official, row["province"], city)
        forms.setdefault(official, zone)
        for form in derived:
            claimed.setdefault(form, []).append((zone, row["kind_code"].startswith("1")))
    for form, zones in claimed.items():
        # a short name two zones could take names neither, unless one alone is a national zone (金桥开发区:
        # Shanghai's, not Hohhot's or Tongling's provincial one), which is the one news mostly writes of
        named = [zone for zone, _ in zones] if len(zones) == 1 else [zone for zone, national in zones if national]
        if len(named) == 1:
            forms.setdefault(form, named[0])
    return forms


# the long tails of official zone names, and the short ones news writes instead
_SHORT_TAILS = (("高新技术产业开发区", "高新区"), ("高新技术产业园区", "高新区"), ("经济技术开发区", "经开区"),
                ("经济开发区", "经开区"), ("经济技术开发区", "开发区"), ("经济开发区", "开发区"),
                ("新兴技术开发区", "开发区"), ("综合保税区", "综保区"), ("自由贸易试验区", "自贸区"),
                ("自由贸易试验区", "自贸试验区"), ("国家自主创新示范区", "自创区"), ("边境经济合作区", "边合区"))
_FREE_TRADE = re.compile(r"^中国（(.{2,3})）")


@cache
def kind_forms(kind: str) -> tuple[str, ...]:
    """A zone's kind and the short forms news writes it in (经济开发区, 经开区, 开发区)."""
    return (kind, *(short for long, short in _SHORT_TAILS if long == kind))
# what zones' names end in, official and short (GB/T 37028's kinds of zone): a province is dropped from
# the head of an official name only where a place's name is left before its tail
ZONE_TAILS = ("高新技术产业开发区", "高新技术产业园区", "高新区", "经济技术开发区", "经开区", "经济开发区", "开发区",
              "新区", "科学城", "科技城", "自贸区", "自由贸易试验区", "示范区", "综合保税区", "综保区", "保税港区",
              "保税区", "工业园区", "产业园区", "园区", "产业园", "工业园", "试验区", "合作区", "集聚区", "集中区")
_ZONE_TAIL = re.compile("(?:%s)$" % "|".join(sorted(ZONE_TAILS, key=len, reverse=True)))


def zone_short_forms(official: str, province: str, city: str = "") -> list[str]:
    """The forms news gives a zone besides its official name, the one to call it by first:
    河北滦县经济开发区 → 滦县经开区, 滦县经济开发区, 河北滦县经开区, 滦县开发区 …; a city's name before a
    name of its own is dropped too (唐山曹妃甸经济技术开发区 → 曹妃甸开发区)."""
    bases = [_FREE_TRADE.sub(r"\1", official)]
    if rest := _without_place(bases[0], province):
        bases.insert(0, rest)
    if rest := _without_place(bases[0], city, named=True):
        bases.append(rest)          # the city's form last: the one a zone is called by least
    forms = [base[:-len(long)] + short for base in bases for long, short in _SHORT_TAILS
             if base.endswith(long) and len(base) - len(long) >= 2]
    forms += bases
    return [f for f in dict.fromkeys(forms) if f != official and len(f) >= 4]


# a national zone is often called by its short name with 国家 or 国家级 before the tail (海口国家高新区,
# 遵义国家经济技术开发区): GB/T 37028's kind 101 is the national economic and technological development zones
_NATIONAL_HITECH = (("高新区", ("国家高新区", "国家级高新区", "国家高新技术产业开发区")),)
_NATIONAL_ETDZ = (("经济技术开发区", ("国家级经济技术开发区", "国家经济技术开发区", "国家级经开区")),
                  ("经开区", ("国家级经开区",)))
_NATIONAL_ETDZ_KIND = "101"


def _carried_city(official: str, province: str) -> str:
    """The city a zone lies in, for a zone GB/T 37028 gives no city's code (most provincial zones, the bonded
    zones): a municipality's zones are in it; else the name carries it after the province, by name
    (河北秦皇岛出口加工区 → 秦皇岛市) or by one of its counties' (唐山曹妃甸…, 曹妃甸综合保税区 → 唐山市)."""
    if province.endswith("市"):
        return province
    rest = _without_province(official, province)
    return next((city for names, city in _cities_by_name(province) if rest.startswith(names)), "")


@cache
def _cities_by_name(province: str) -> tuple[tuple[tuple[str, str], str], ...]:
    """((a city's or county's name, its short form), the city) of each of a province's cities and counties,
    the longest names first."""
    found = []
    for place in sorted(divisions(), key=lambda p: -len(p.name)):
        if place.province != province or place.level not in ("city", "county") or place.name in _NOT_PLACES:
            continue
        stem = short_place(place.name) if place.level == "city" or place.name.endswith("市") else place.name[:-1]
        city = place.name if place.level == "city" else place.city
        if len(stem) >= 2 and city not in _NOT_PLACES:
            found.append(((place.name, stem), city))
    return tuple(found)


def _without_province(name: str, province: str) -> str:
    for prefix in (province, short_place(province)):
        if name.startswith(prefix):
            return name[len(prefix):]
    return name


def _without_place(name: str, place: str, named: bool = False) -> str:
    """A zone's name without the place it begins with, where a name of its own is left before the tail
    (河北滦县经济开发区 → 滦县经济开发区); '' where none is. named: the name left must be no word of the
    language (产业 of 安阳市产业集聚区 is every such zone's kind): what follows a city is a district's or a
    zone's own name, what follows a province may be a city's, which is often a word (保定, 天府)."""
    for prefix in sorted({place, short_place(place)} - {""}, key=len, reverse=True):
        rest = name[len(prefix):]
        stem = _ZONE_TAIL.sub("", rest)
        if name.startswith(prefix) and len(stem) >= 2 and stem != rest and not (named and is_plain_word(stem)):
            return rest
    return ""


def _national_forms(forms: list[str], tails) -> list[str]:
    """Each form with 国家 or 国家级 before its tail: 海口高新区 → 海口国家高新区, 海口国家级高新区 …"""
    return [form[:-len(tail)] + national for form in forms for tail, nationals in tails
            if form.endswith(tail) and len(form) - len(tail) >= 2 and "国家" not in form for national in nationals]


def _prefectures() -> dict[str, str]:
    """A prefecture's 4-digit division code → its name: 3707 → 潍坊市."""
    return {row["adcode"][:4]: row["name"] for row in _csv("admin_divisions.csv")
            if row["level"] == "city" and row["name"] not in _NOT_PLACES}


def short_place(name: str) -> str:
    """潍坊市 → 潍坊, 海南省 → 海南, 黔西南布依族苗族自治州 → 黔西南州; names that would shrink below two
    characters stay whole."""
    if name.endswith(_AUTONOMOUS):
        stem = _without_peoples(name[:-len(_AUTONOMOUS)])
        return stem + "州" if len(stem) >= 2 else name
    short = _PLACE_TAILS.sub("", name)
    return short if len(short) >= 2 else name


# an autonomous prefecture keeps its level in its short form (黔西南州); a county does not, and 河南县 (of
# 河南蒙古族自治县) would be read in 河南县域
_AUTONOMOUS = "自治州"


def _without_peoples(name: str) -> str:
    """黔西南布依族苗族 → 黔西南: a place's name without the peoples (kg/data/ethnic_groups.txt) it ends with; a
    people's name of one character only with its 族 (三都水族), as one character alone may end a place's name."""
    peoples = _peoples()
    while found := peoples.search(name):
        name = name[:found.start()]
    return name


@cache
def _peoples() -> re.Pattern:
    names = sorted((n for line in _data_lines("ethnic_groups.txt") for n in line.split()), key=len, reverse=True)
    return re.compile("(?:%s)$" % "|".join(f"{n}族" if len(n) == 1 else f"{n}族?" for n in names))


@cache
def divisions() -> tuple[Place, ...]:
    """Every province, city and county of China's division codes (kg/data/admin_divisions.csv)."""
    return tuple(Place(row["name"], row["level"], row["province"], row["city"]) for row in _csv("admin_divisions.csv"))


def _places() -> dict[str, Place]:
    forms: dict[str, Place] = {}
    for place in divisions():
        if place.name in _NOT_PLACES:
            continue
        forms.setdefault(place.name, place)
        # counties are too short and too many to match by short form (七星 is a word too);
        # county-level cities keep theirs (江阴市 → 江阴)
        short = short_place(place.name)
        if (place.level != "county" or place.name.endswith("市")) and short not in _common_words():
            forms.setdefault(short, place)
    for name in _data_lines("world_places.txt"):
        forms.setdefault(name, Place(name, "world"))
    return forms


@cache
def _homonyms() -> dict[str, tuple[Place, ...]]:
    found: dict[str, list[Place]] = {}
    for place in divisions():
        found.setdefault(place.name, []).append(place)
    return {name: tuple(places) for name, places in found.items() if len(places) > 1}


def places_named(name: str) -> tuple[Place, ...]:
    """Every division a name may be (朝阳区: Beijing's and Changchun's); `places` keeps only the first."""
    place = load().places.get(name)
    return _homonyms().get(place.name if place else name, (place,) if place else ())


@cache
def division_stems() -> dict[str, str]:
    """A county's name without 县, 区 or 旗 → the county's name (安化 → 安化县), and an autonomous prefecture's
    without its peoples and 州 (黔西南 → 黔西南布依族苗族自治州), where one division alone has it and no other
    place is called so."""
    found: dict[str, list[str]] = {}
    for name, place in load().places.items():
        if name != place.name:
            continue
        if place.level == "county" and name.endswith(("县", "区", "旗")) and len(name) >= 3:
            found.setdefault(name[:-1], []).append(name)
        elif name.endswith(_AUTONOMOUS) and len(stem := short_place(name)[:-1]) >= 2:
            found.setdefault(stem, []).append(name)
    return {stem: names[0] for stem, names in found.items() if len(names) == 1 and stem not in load().places}


@cache
def dictionary() -> dict[str, tuple[int, str]]:
    """jieba's own dictionary: word → (frequency, part of speech)."""
    # found, not imported: importing jieba costs a fifth of a second, for one file's name
    jieba = Path(importlib.util.find_spec("jieba").submodule_search_locations[0])
    fields = (jieba / "dict.txt").read_text(encoding="utf-8").split()      # "word frequency flag", a line each
    return dict(zip(fields[0::3], zip(map(int, fields[1::3]), fields[2::3])))


@cache
def _common_words() -> set[str]:
    """Frequent two-character words that jieba does not tag as places: a place's short
    form that is one (合作 of 合作市) is not matched as a place."""
    return {w for w, (freq, flag) in dictionary().items() if len(w) == 2 and freq >= 2000 and flag != "ns"}


def is_common_character(ch: str) -> bool:
    """A character ordinary text uses (高, 潍), not one that only a wrong decoding brings up (陔, 芖)."""
    return dictionary().get(ch, (0, ""))[0] >= 20


def is_word(text: str) -> bool:
    """Whether jieba's dictionary holds `text` as a word of its own (喜讯, 通讯)."""
    return text in dictionary()


def is_plain_word(text: str, min_freq: int = 100) -> bool:
    """A common word of the language (计划, 市场, 科技), which alone is nobody's name."""
    freq, flag = dictionary().get(text, (0, ""))
    return freq >= min_freq and not flag.startswith(("nr", "ns", "nt", "nz"))


def has_surname(name: str) -> bool:
    """Whether `name` begins with a surname (王, 欧阳): a person's name does."""
    surnames = load().surnames
    return name[:1] in surnames or name[:2] in surnames


@cache
def load() -> Lexicon:
    suffixes = sorted(((r["suffix"], r["type"]) for r in _csv("org_suffixes.csv")), key=lambda p: -len(p[0]))
    return Lexicon(
        zones=_zones(),
        places=_places(),
        posts=sorted(_data_lines("posts.txt"), key=len, reverse=True),
        role_posts=sorted({*_data_lines("posts.txt"), *_data_lines("role_posts.txt")}, key=lambda p: (-len(p), p)),
        suffixes=suffixes,
        deciding=[(r["suffix"], r["type"]) for r in sorted(_csv("org_suffixes.csv"), key=lambda r: -len(r["suffix"]))
                  if r["decides"] == "yes"],
        industries=set(_data_lines("industries.txt")),
        sectors=frozenset(_data_lines("sectors.txt")),
        surnames={s for line in _data_lines("surnames.txt") for s in line.split()},
        trades=set(_data_lines("company_trades.txt")),
        policy_words={r["word"]: r["kind"] for r in _csv("policy_words.csv")},
        central_bodies=frozenset(_data_lines("central_bodies.txt")),
        unit_tails=_data_lines("unit_tails.txt"),
        departments=frozenset(_data_lines("government_departments.txt")),
        agency_ends=tuple(_data_lines("agency_ends.txt")),
        academies={form: line.split()[0] for line in _data_lines("academies.txt") for form in line.split()},
        triggers=_data_lines("relation_triggers.txt"),
        project_words=frozenset(_data_lines("project_words.txt")),
        lab_kinds=tuple(_data_lines("lab_kinds.txt")),
        platform_kinds=frozenset(_data_lines("platform_kinds.txt")),
    )


@cache
def company_tails() -> tuple[str, ...]:
    """The tails of kg/data/org_suffixes.csv that end a company's name (股份有限公司, 集团, 银行 …), longest first."""
    return tuple(tail for tail, kind in load().suffixes if kind == "Company")


@cache
def org_tails() -> tuple[str, ...]:
    """Every tail of kg/data/org_suffixes.csv, of a company or another body, longest first."""
    return tuple(tail for tail, _ in load().suffixes)


@cache
def body_tails() -> tuple[str, ...]:
    """The tails that end the name of a body other than a company (研究院, 学院, 管委会, 市委 …), longest first."""
    return tuple(tail for tail, kind in load().suffixes if kind != "Company")


@cache
def post_run() -> re.Pattern:
    """One or more posts joined by 、 (党委书记、局长), longest first; a post of a zone's committee may
    name the committee before any post (管委会专职副主任, 党工委委员), a deputy's post may say the deputy is
    the executive one (常务副部长, 常务副主席), and a deputy in charge says so after it (副局长（主持工作）)."""
    posts = r"(?:管委会|党工委)?(?:常务(?=副))?(?:%s)(?:[（(]主持工作[）)])?" % "|".join(map(re.escape, load().role_posts))
    return re.compile(r"%s(?:、%s)*" % (posts, posts))


def any_of(words) -> re.Pattern:
    """A pattern that matches any of `words`, the longest first where several start at one place."""
    return re.compile("|".join(map(re.escape, sorted(set(words), key=len, reverse=True))))


class Names:
    """Finds any of many names in a text, the longest where several start at one place, as
    `any_of(names).finditer` does, but with an Aho-Corasick automaton: a regular expression
    tries every name at every character."""

    def __init__(self, names):
        import ahocorasick_rs

        self._names = sorted(set(names))
        self._automaton = ahocorasick_rs.AhoCorasick(self._names, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)

    def finditer(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, name) of each match, left to right, none overlapping."""
        names = self._names
        return [(start, end, names[k]) for k, start, end in self._automaton.find_matches_as_indexes(text)]


class Prefixes:
    """The longest of many names that a text begins with, as `any_of(names).match` finds it,
    by looking up the text's prefixes, longest first, rather than trying every name."""

    def __init__(self, names):
        self.names = frozenset(names)
        self.max_len = max(map(len, self.names), default=0)

    def longest(self, text: str, start: int = 0, shortest: int = 1) -> str:
        return next(self._found(text, start, shortest), "")

    def all(self, text: str, start: int = 0, shortest: int = 1) -> list[str]:
        """Every name `text` begins with at `start`, the longest first."""
        return list(self._found(text, start, shortest))

    def _found(self, text: str, start: int, shortest: int):
        for end in range(min(len(text), start + self.max_len), start + shortest - 1, -1):
            if text[start:end] in self.names:
                yield text[start:end]


@cache
def prefixes(kind: str) -> Prefixes:
    """The names of zones ("zone") or places ("place") of the gazetteer, to look up by prefix."""
    return Prefixes(load().zones if kind == "zone" else load().places)


def leading_place(text: str) -> str:
    """The longest place name `text` begins with (潍坊高新区 → 潍坊), or ''."""
    return prefixes("place").longest(text)


def named_by_level(type_: str, name: str) -> bool:
    """Whether `name` is a government body's, named by its place's level alone (省委, 区政府, 市发改委), which says
    not whose it is: each page's is a body of its own."""
    return type_ == "GovernmentAgency" and name.startswith(LEVELS) and not leading_place(name)


def page_of(type_: str, name: str, doc: str) -> str:
    """`doc` for a body of that page named by its level alone, whose id is its page's (Entity.page); else ''."""
    return doc if named_by_level(type_, name) else ""


def leading_country(text: str) -> str:
    """The country or world region a foreign body's name begins with (德国星河科技 → 德国), leaving a name of two
    characters or more; '' for China's own (中国星河集团) and for any other name."""
    place = leading_place(text)
    known = load().places.get(place)
    if not known or known.level != "world" or place == "中国" or len(text) - len(place) < 2:
        return ""
    return place


def leading_zone_name(text: str) -> str:
    """The longest gazetteer zone name `text` begins with, or ''."""
    return prefixes("zone").longest(text)


@cache
def tagger() -> "Tagger":
    return Tagger()


class Tagger:
    """jieba's words and parts of speech, from jieba-rs (rjieba), which keeps lexicon names whole
    (潍坊高新区, 董事长, 生物医药) and runs some fifty times faster than jieba.posseg.

    jieba-rs guesses the part of speech of a word its dictionary lacks from that word's shape,
    not from jieba.posseg's part-of-speech HMM; the guesses that would cut a name are righted here."""

    def __init__(self):
        import rjieba

        self._jieba = rjieba.Jieba()
        self._ours: dict[str, str] = {}
        self._flags = _Flags(self._ours)
        lex = load()
        for name in lex.zones:
            self._add(name, 1000, "nt")
        for name, place in lex.places.items():
            self._add(name, 500 if place.level != "county" else 50, "ns")
        for word in lex.posts:
            self._add(word, 500, "n")
        for word in lex.industries:
            self._add(word, 200, "n")
        self._add("高新区", 1000, "n")

    def _add(self, word: str, freq: int, tag: str):
        self._jieba.add_word(word, freq, tag)
        self._ours[word] = tag      # jieba-rs keeps a word's first tag; ours is the one that counts

    def cut(self, text: str) -> list[tuple[str, str]]:
        """(word, part of speech) for each word of `text`, in order."""
        words, flags = self.tags(text)
        return list(zip(words, flags))

    @lru_cache(maxsize=256)     # the recognisers of one sentence ask for its words in turn
    def tags(self, text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """The words of `text`, and their parts of speech."""
        pairs = self._jieba.tag(text, True)
        # looked up in C, pair by pair: a sentence is some thirty words, and a page hundreds of sentences
        return tuple(map(itemgetter(0), pairs)), tuple(map(self._flags.__getitem__, pairs))


class _Flags(dict):
    """(word, jieba-rs's part of speech) → ours, each pair worked out once."""

    def __init__(self, ours: dict[str, str]):
        super().__init__()
        self._ours = ours

    def __missing__(self, pair: tuple[str, str]) -> str:
        word, flag = pair
        flag = self._ours.get(word) or (_righted(word, flag) if flag in _GUESSES else flag)
        if len(self) < 1_000_000:       # a vocabulary; numbers and names past it are worked out each time
            self[pair] = flag
        return flag


_GUESSES = {"x", "m", "d"}      # the tags jieba-rs gives words its dictionary lacks, rightly or not


def _righted(word: str, flag: str) -> str:
    known = dictionary()
    if not "\u4e00" <= word[0] <= "\u9fff" or word in known and len(word) > 1:
        return flag
    if len(word) == 1:
        return known[word][1] if flag == "x" and word in known else "nz" if flag == "x" else flag
    # numbers and adverbs are the dictionary's; a word it lacks is part of a name (倍特, 诺一)
    return flag if set(word) <= NUMERALS else "nz"
