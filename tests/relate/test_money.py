"""Amounts read from the text exactly, with their currency: kg.money."""
from decimal import Decimal

import pytest

from kg.model import Money
from kg.money import amounts, chinese

# What news writes, and what it means: digits, never a float's approximation of them.
TABLE = [
    ("总投资1.16亿元", "116000000", "CNY"),
    ("总投资10.3亿元", "1030000000", "CNY"),
    ("总投资3500万元", "35000000", "CNY"),
    ("总投资1,200万元", "12000000", "CNY"),
    ("总投资１．５亿元", "150000000", "CNY"),
    ("总投资1.2万亿元", "1200000000000", "CNY"),
    ("总投资5000万港元", "50000000", "HKD"),
    ("总投资120亿日元", "12000000000", "JPY"),
    ("总投资二十亿元", "2000000000", "CNY"),
    ("总投资三千五百万元", "35000000", "CNY"),
    ("总投资三亿五千万元", "350000000", "CNY"),
    ("总投资一点五亿元", "150000000", "CNY"),
    ("总投资1.2亿美元", "120000000", "USD"),
    ("总投资3000万欧元", "30000000", "EUR"),
    ("总投资人民币10亿元", "1000000000", "CNY"),
    ("总投资6.8 亿元", "680000000", "CNY"),
    ("总投资5千万元", "50000000", "CNY"),
    ("投资百亿元", "10000000000", "CNY"),
    ("总投资超千亿元", "100000000000", "CNY"),
    ("投资12.5元", "12.5", "CNY"),
    ("总投资100000000000000000000亿元", "10000000000000000000000000000", "CNY"),
]


@pytest.mark.parametrize("text, digits, currency", TABLE)
def test_an_amount_is_the_texts_digits_in_its_currency(text, digits, currency):
    ((_, money),) = amounts(text)
    assert (money.amount, money.currency) == (Decimal(digits), currency)
    assert money.digits == digits          # one spelling: no exponent, no trailing .0


@pytest.mark.parametrize("text, hedge", [("近7000万元", "近"), ("约35亿元", "约"), ("300余万元", "余"),
                                         ("3亿多元", "多"), ("超过10亿元", "超过")])
def test_a_hedge_is_kept(text, hedge):
    ((_, money),) = amounts(text)
    assert money.qualifier == hedge


def test_a_full_width_comma_separates_clauses_not_thousands():
    assert [m.amount for _, m in amounts("签约项目3个，200万元")] == [Decimal(2_000_000)]


@pytest.mark.parametrize("text", ["推进一元化管理", "统一元件", "第三元素", "吸引数百亿元投资", "几百万元"])
def test_a_chinese_numeral_without_wan_or_yi_is_no_amount(text):
    assert list(amounts(text)) == []


@pytest.mark.parametrize("digits, currency, qualifier, shown", [
    ("116000000", "CNY", "", "1.16亿元"), ("35000000", "CNY", "", "3500万元"), ("50000000", "HKD", "", "5000万港元"),
    ("3500000000", "CNY", "约", "约35亿元"), ("1200000000000", "CNY", "", "1.2万亿元"), ("800", "CNY", "", "800元"),
    ("30000000", "XYZ", "", "3000万 XYZ")])
def test_a_reader_sees_yi_and_wan(digits, currency, qualifier, shown):
    assert chinese(Money(digits, currency, qualifier)) == shown


def test_money_takes_no_float():
    with pytest.raises(TypeError):
        Money(1.16e8)
    assert Money(Decimal("1.16E+8")) == Money(116_000_000) and Money("1.50").digits == "1.5"


def test_an_amount_in_yi_or_wan_alone_right_after_a_word_of_investing_is_in_yuan():
    read = [(m.group(), a) for m, a in amounts("甲项目签约额3亿元，乙项目签约额15亿，丙项目总投资约2.5亿，年产值超300亿。")]
    assert [(text, a.amount, a.currency, a.qualifier) for text, a in read] == [
        ("3亿元", Decimal("300000000"), "CNY", ""), ("15亿", Decimal("1500000000"), "CNY", ""),
        ("约2.5亿", Decimal("250000000"), "CNY", "约")]
    # a currency named after it is the amount's own, and a bound (均为…以上) is no amount
    assert [a.currency for _, a in amounts("总投资1.2亿美元")] == ["USD"]
    assert not list(amounts("投资额均为5000万以上"))
