"""Amounts of money as news writes them, read exactly, and written back as a reader expects them: 35亿元, 近7000万元, 1,200万元, １．５亿元, 1.2万亿元,
二十亿元, 三千五百万元, 百亿元, 5000万港元, 120亿日元, 1.2亿美元.

An amount is a Decimal made from the digits of the text, never a float: 1.16亿
is 116000000, not 115999999.99999999. The currency is the text's, kept as its
ISO 4217 code; nothing is converted. Right after a word of investing, news often
leaves 元 out (签约额15亿, 总投资约30亿): such an amount is in yuan.
"""
from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation

from kg.model import Money

# The currencies the text names, by ISO 4217 code; nothing is converted.
CURRENCIES = {"元": "CNY", "人民币": "CNY", "美元": "USD", "港元": "HKD", "港币": "HKD", "日元": "JPY",
              "欧元": "EUR", "英镑": "GBP", "韩元": "KRW", "新台币": "TWD", "台币": "TWD", "澳元": "AUD",
              "加元": "CAD", "新加坡元": "SGD", "瑞士法郎": "CHF", "卢布": "RUB"}
# How a view writes each code after 亿 or 万, the first name above: 1.16亿元, 5000万港元.
NAMES = {code: name for name, code in reversed(CURRENCIES.items())}
# The text's hedges, kept with the amount: 近7000万元, 300余万元.
HEDGES_BEFORE = ("近", "约", "超过", "超", "逾", "达")
HEDGES_AFTER = ("多", "余")
UNITS = {"万亿": 12, "千亿": 11, "百亿": 10, "亿": 8, "千万": 7, "百万": 6, "十万": 5, "万": 4}

# longest first, so that 港元 is not read as 元, nor 万亿 as 万
_ALTERNATIVES = lambda words: "|".join(sorted(words, key=len, reverse=True))     # noqa: E731
# 1,200 and 12,000,000: a comma is a thousands separator only before exactly three digits. Only the
# ASCII comma: the full-width one separates clauses (项目3个，200万元).
_ARABIC = r"[0-9０-９](?:[0-9０-９]|,(?=[0-9０-９]{3}(?![0-9０-９])))*(?:[.．][0-9０-９]+)?"
_CHINESE = r"[零〇一二两三四五六七八九十][零〇一二两三四五六七八九十百千万亿点]*"
# 投资百亿元, 超千亿元: a hundred or a thousand 亿 with no numeral before it (one of them), but not 数百亿元 (several)
_BARE = r"(?<![数几上多])(?=[百千](?:亿|万))"
_AFTER = _ALTERNATIVES(HEDGES_AFTER)
# the figure of an amount: a hedge before it, its number and a hedge after (约35, 300余)
_FIGURE = rf"({_ALTERNATIVES(HEDGES_BEFORE)})?(?:人民币)?\s*({_ARABIC}|{_CHINESE}|{_BARE})\s*({_AFTER})?"
AMOUNT = re.compile(rf"{_FIGURE}({_ALTERNATIVES(UNITS)})?({_AFTER})?({_ALTERNATIVES(CURRENCIES)})")
# 三千五百万 is 三千五百 × 万, not 三千五 × 百万: a Chinese numeral ends in 万亿, 亿 or 万 alone
_TRAILING_UNIT = re.compile("(.*?)(万亿|亿|万)$")


def parse(match: re.Match) -> Money | None:
    """The amount a match of AMOUNT stands for; None for a Chinese numeral with no 万 or 亿 (一元化, 三元里)."""
    return _money(*match.groups())


def _money(hedge, number, more, unit, more_after, currency) -> Money | None:
    """The amount of a figure's parts, in `currency` (a name of CURRENCIES)."""
    if not number:
        value = Decimal(1)         # 百亿元: one hundred 亿
    elif number[0].isdigit():
        value = Decimal(unicodedata.normalize("NFKC", number).replace(",", ""))
    elif "万" in number + (unit or "") or "亿" in number + (unit or ""):
        value = _chinese(number)
    else:
        return None
    if value is None:
        return None
    return Money(value.scaleb(UNITS.get(unit, 0)), CURRENCIES[currency], hedge or more or more_after or "")


# 签约额15亿, 总投资30亿: after a word of investing news leaves out 元, which the amount is in
_INVESTING = re.compile(r"(?:投资|签约额)(?:额|总额)?(?:为|共计|共)?")
_UNNAMED = re.compile(rf"{_FIGURE}({_ALTERNATIVES(UNITS)})({_AFTER})?")


def amounts(text: str):
    """(match, Money) for every amount in `text`, in order: with its currency named, or in 亿 or 万 alone right
    after a word of investing (签约额15亿)."""
    found = [(m, money) for m in AMOUNT.finditer(text) if (money := parse(m)) is not None]
    if "亿" in text or "万" in text:
        named = [m.span() for m, _ in found]
        for word in _INVESTING.finditer(text):
            m = _UNNAMED.match(text, word.end())
            if m is not None and not any(a <= m.start() < b for a, b in named) \
                    and (money := _money(*m.groups(), "元")) is not None:
                found.append((m, money))
    yield from sorted(found, key=lambda pair: pair[0].start())


def chinese(money: Money) -> str:
    """The amount as a Chinese reader expects it: 1.16亿元, 3500万元, 5000万港元, 约35亿元, 300余万元."""
    amount = money.amount
    exponent, unit = next(((e, u) for u, e in (("万亿", 12), ("亿", 8), ("万", 4)) if abs(amount) >= 10 ** e), (0, ""))
    before = money.qualifier if money.qualifier in HEDGES_BEFORE else ""
    after = "" if before else money.qualifier
    return f"{before}{_plain(amount.scaleb(-exponent))}{unit}{after}{NAMES.get(money.currency, ' ' + money.currency)}"


def _plain(amount: Decimal) -> str:
    return Money(amount).digits


def _chinese(number: str) -> Decimal | None:
    import cn2an        # here, not above: a tenth of a second at start, and most amounts are in digits

    # 一点五亿: cn2an reads 一点五 but not the unit after a decimal; 三亿五千万 it reads whole.
    split = _TRAILING_UNIT.fullmatch(number)
    head, exponent = (split[1], UNITS[split[2]]) if split and not re.search("[万亿]", split[1]) else (number, 0)
    try:
        value = cn2an.cn2an(head, "normal")
    except (ValueError, KeyError):     # cn2an's complaint about a malformed numeral (十点, 亿亿)
        return None
    try:
        return Decimal(repr(value)).scaleb(exponent)     # cn2an's float of 一点五 is 1.5, its shortest repr exact
    except InvalidOperation:
        return None
