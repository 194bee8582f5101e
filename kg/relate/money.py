"""Amounts of money as news writes them: 35亿元, 近7000万元, 6.8 亿元, 1.2亿美元."""
from __future__ import annotations

import re

from kg.model import Money

AMOUNT = re.compile(r"(近|约|超过|超|逾|达)?(\d+(?:\.\d+)?)(多|余)?(亿|万)?(美元|欧元|元)")
_UNITS = {"亿": 1e8, "万": 1e4, None: 1}
_CURRENCIES = {"元": "CNY", "美元": "USD", "欧元": "EUR"}


def parse(match: re.Match) -> Money:
    hedge, number, more, unit, currency = match.groups()
    return Money(float(number) * _UNITS[unit], _CURRENCIES[currency], hedge or more or "")


def amounts(text: str):
    for m in AMOUNT.finditer(text):
        yield m, parse(m)
