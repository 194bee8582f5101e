"""What kg does with a confidence: one spelling, the surer of two, a threshold, the bands kg stats counts."""
from decimal import Decimal

import pytest

from kg.confidence import band, bands, kept, normal, surest


@pytest.mark.parametrize("given, spelt", [
    (0.5, "0.50"), ("0.5000", "0.50"), (Decimal("0.83"), "0.83"), (1, "1.00"), (0, "0.00"),
    (0.834, "0.834"), ("1E-1", "0.10"),
])
def test_one_spelling_per_value_whatever_json_or_the_model_gave(given, spelt):
    assert str(normal(given)) == spelt


@pytest.mark.parametrize("given", [1.01, -0.1, "half", float("nan"), "Infinity", True, None, [0.5]])
def test_anything_but_a_number_from_0_to_1_is_refused(given):
    with pytest.raises(ValueError, match="a number from 0 to 1"):
        normal(given)


def test_the_surer_of_two_and_a_threshold():
    assert surest(Decimal("0.40"), Decimal("0.90")) == surest(Decimal("0.90"), Decimal("0.40")) == Decimal("0.90")
    assert surest(None, Decimal("0.40")) == surest(Decimal("0.40"), None) == Decimal("0.40")
    assert surest(None, None) is None
    assert kept(Decimal("0.50"), Decimal("0.50")) and not kept(Decimal("0.49"), Decimal("0.50"))
    assert kept(None, Decimal("0")) and not kept(None, Decimal("0.01"))     # 0 keeps even what has none


def test_each_band_holds_its_lower_bound_and_the_last_holds_1():
    assert [band(Decimal(c)) for c in ("0", "0.19", "0.2", "0.59", "0.6", "0.8", "0.99", "1")] == \
        ["0.0–0.2", "0.0–0.2", "0.2–0.4", "0.4–0.6", "0.6–0.8", "0.8–1.0", "0.8–1.0", "0.8–1.0"]
    counted = bands([Decimal("0.50"), Decimal("0.55"), Decimal("1.00")])
    assert list(counted.items()) == [("0.0–0.2", 0), ("0.2–0.4", 0), ("0.4–0.6", 2), ("0.6–0.8", 0), ("0.8–1.0", 1)]
    assert bands([None, Decimal("0.1")])["unknown"] == 1
