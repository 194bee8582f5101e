"""Products: what a company makes, where news says it makes it.

The model hardly ever reads a product (few examples, and CLUENER names none), and
a product's name has no tail of its own. News names products in three general
frames, and only these are read here:

- what a body makes, researches or develops, listed before 等产品, 等9类 or before 的研发
  (主要研发、生产甲膜和乙膜等产品; 主要生产甲及乙、丙等9类辅料; 主要开展甲、乙的研发与生产;
  已实现甲、乙的自主量产),
  or before 产品的生产 (提升甲系统、乙系统及丙系统产品的生产能力, the list beginning after the
  clause's last verb);
- a drug, by the form it comes in (某某注射液, 某某胶囊, 某某单抗);
- the output of a plant, after 年产 and an amount (年产9万吨某某材料), or before the amount
  (年产某某总成3万套); and, inside a project's name, after its capacity (10GWh某某电池生产基地,
  read by derive: `outputs`) or before the making of its plant, its builder's name left out
  (某某公司某某涂料生产基地, 某某叶轮制造及装备项目: `made`).

A product is kept only where no other component read a name over it, except an
industry in the first frame where it lists what is made (等产品, 的研发与生产, 的自主量产),
or a name read across two of its items: 等产品 says what the items are.
"""
from __future__ import annotations

import re

from kg.lexicon import dictionary, leading_place, load
from kg.model import Document, Mention
from kg.recognize.lists import first_item_start
from kg.recognize.tokens import tokenize
from kg.recognize.towns import JOINED

SOURCE = "product"
TYPE = "Product"

_CHARACTER = r"[^，。、；：！？“”《》（）()\s,;:和及与的等]"      # of an item's name
_ITEM = _CHARACTER + "{2,16}"
_MAKES = r"(?:研发|生产|制造|研制|量产|开发|从事|开展|致力于|专注于?|实现|推进)"
_LISTED = re.compile(rf"{_MAKES}(?:[、和及与]{_MAKES})*((?:{_ITEM}[、和及与])*{_ITEM})"
                     r"(?P<end>等(?:系列)?产品|等[0-9一二三四五六七八九十]+[类种款]"
                     r"|的(?:自主)?(?:研发|研究|生产|制造|研制|量产)(?:[与和及、](?:生产|制造|量产))?)")
# what says the items are made, not only researched (的研发与生产, 的自主量产): products over an industry read there
_MADE = ("生产", "制造", "量产")
_DRUG_FORMS = "注射液|胶囊|乳膏|片剂|缓释片|颗粒|口服液|干混悬剂|滴眼液|单抗"
_DRUG_FORM = re.compile(_DRUG_FORMS)
# a drug's name runs back to a word that introduces it: 1类创新药, 合作的, 一盒盒, ——
_DRUG = re.compile(rf"(?<=[药的盒与和—：“、，,\s])(?:(?![药的盒与和])[A-Za-z0-9\-α-ω\u4e00-\u9fff]){{1,14}}?"
                   rf"(?:单抗)?(?:{_DRUG_FORMS})")
_OF_PRODUCTS = re.compile(rf"((?:{_ITEM}[、和及与])*{_ITEM})(?:等|系列)*产品的(?:生产|研发|研制|制造)")
_UNITS = "万吨|吨|万台|台|万套|套|万片|片|万辆|辆|万双|双|万件|件|平方米|颗|万支|支|万只|只|万瓶|瓶|架|艘|GWh|MWh"
# 年产9万吨某某材料的…; not 年产…某某项目, a project's name
_OUTPUT = re.compile(rf"年产(?:能)?[0-9.]+(?:万|亿)?(?:{_UNITS})的?({_ITEM}?)(?=的|生产|等|，|。|、|,)")
_OUTPUT_FIRST = re.compile(rf"年产(?:能)?((?:(?![0-9.]){_CHARACTER}){{2,12}}?)(?=[0-9.]+(?:万|亿)?(?:{_UNITS}))")
# in a project's name, what a capacity is of (年产1500万双某某深加工项目, 10GWh某某电池生产基地)
_CAPACITY = re.compile(rf"(?:年产(?:能)?)?[0-9.]+(?:万|亿)?(?:{_UNITS})(?:/年)?的?({_ITEM}?)"
                       r"(?=的|生产|制造|深加工|项目|基地|$)")
_CHINESE = re.compile(r"[\u4e00-\u9fff]")
# words of a clause or an activity, never a product's: 研发中心, 关键技术, 相关, 项目
_NOT_A_PRODUCT = re.compile(r"项目|基地|中心|技术|研究|工艺|能力|相关|企业|园区|平台建设|[，,]")


def products(doc: Document, mentions: list[Mention]) -> list[Mention]:
    """`mentions`, and the products of the three frames where nothing else was read."""
    found = [f for s in doc.sentences for f in _in_sentence(s.text, s.start, s.index)]
    if not found:
        return mentions
    firm = [p for p, sure in found if sure]
    kept = [m for m in mentions if not any(m.overlaps(p) and (m.type == "Industry" or m.within(p)) for p in firm)
            and sum(m.overlaps(p) for p in firm) < 2]      # one name over two items of a list: it read across them
    added = [p for p, _ in found if not any(p.overlaps(m) for m in kept)]
    return sorted(kept + added, key=lambda m: (m.start, m.end))


def _in_sentence(text: str, base: int, sentence: int) -> list[tuple[Mention, bool]]:
    """Each product the sentence names, and whether its frame says it is one over what else was read there:
    a list before 等产品 or 产品的生产 over an industry, a drug's name over any name inside it."""
    # the patterns try every character as a name's start; the word each frame must hold is looked for first
    spans = [(m.start(), m.end(), True) for m in _DRUG.finditer(text)] if _DRUG_FORM.search(text) else []
    spans += [(m.start(1), m.end(1), False) for pattern in (_OUTPUT, _OUTPUT_FIRST) for m in pattern.finditer(text)]
    for m in _LISTED.finditer(text):
        listed, end = m.group(1), m.group("end")
        items = _items(listed, m.start(1), end.startswith("等") or end.endswith(_MADE))
        # only 等产品 says of an item that begins with a verb that it is a thing (打造国际标准的生产企业: no product)
        spans += items if end.startswith("等") else [(a, b, firm) for a, b, firm in items if _named(text[a:b])]
    for m in _OF_PRODUCTS.finditer(text) if "产品的" in text else ():
        (start, end, firm), *rest = _items(m.group(1), m.start(1), True)
        spans += [(first_item_start(text, start, end), end, firm), *rest]
    return [(Mention(text[a:b], TYPE, base + a, base + b, sentence, source=SOURCE), firm)
            for a, b, firm in spans if _named(text[a:b], firm)]


def outputs(project: str) -> list[str]:
    """The products a project's name says it makes after its capacity: 某某电池 of 10GWh某某电池生产基地."""
    return [m.group(1) for m in _CAPACITY.finditer(project) if _named(m.group(1))]


# in a project's name, what its plant makes, before the making (某某电池生产基地, 某某叶轮制造及装备项目,
# 某某系列产品研发及生产基地)
_MADE_AT = re.compile(rf"({_ITEM}?)(?:研发及|研发)?(?:生产|制造)(?:及装备)?(?:基地|项目|车间)")
# how a plant makes, not what (智能制造, 数字化生产, 设计制造, 生产制造), or a head office's
_HOW = ("智能", "智能化", "数字化", "设计", "生产", "制造", "总部")
# a first word no dictionary knows, a person's name or a count: a firm named before what it makes (某某特纤汽车零部件)
_NOT_A_THINGS_START = ("nr", "m", "q")


def made(rest: str) -> list[str]:
    """What a project's name, its builder's name left out (`rest`), says its plant makes: 某某电池 of 某某电池
    生产基地项目; not an industry (医疗器械生产基地), nor a name that begins with a firm's (某某特纤零部件)."""
    at = _MADE_AT.match(rest, len(leading_place(rest)))
    thing = at.group(1) if at else ""
    if len(thing) < 2 or thing in load().industries or thing.endswith(_HOW) or not _named(thing):
        return []
    first = tokenize(thing)[0]
    unknown = first.word not in dictionary() or first.flag in _NAMES and dictionary()[first.word][0] < _KNOWN
    return [] if unknown or first.flag.startswith(_NOT_A_THINGS_START) else [thing]


_NAMES = ("nz", "nrt")      # a rare proper name (龙科): a firm's
_KNOWN = 50                 # jieba's frequency from which such a name is a word of the language


def _items(listed: str, at: int, firm: bool) -> list[tuple[int, int, bool]]:
    """(start, end, firm) of each item of a list of names joined by 、, 和, 及 or 与 that begins at `at`."""
    spans = []
    for item in re.split("[%s与]" % "".join(JOINED), listed):
        spans.append((at, at + len(item), firm))
        at += len(item) + 1
    return spans


def _named(item: str, listed: bool = False) -> bool:
    """Whether `item` names a thing (碳纤维薄膜), not an activity or a clause (技术转让, 打造国际标准, 效率最高,
    90%以上): Chinese, ending in a noun, beginning with no verb unless a list of products holds it (超滤复合膜
    in 生产甲膜和超滤复合膜等产品). A verb that jieba tags as a noun too (驱动, 电控: "vn") is a noun here:
    驱动电源, 储能电控."""
    if _NOT_A_PRODUCT.search(item) or not _CHINESE.search(item) or leading_place(item):
        return False        # 某某高新区卫星: a place's, not a product's name (the gold's products begin with none)
    words = tokenize(item)
    first, last = words[0].flag, words[-1].flag
    verb = first.startswith("v") and first != "vn"
    return (last.startswith("n") or last == "vn") and not (first.startswith("m") or verb and not listed)
