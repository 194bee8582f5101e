"""A confidence as every output spells, compares, thresholds and counts it.

kg.relate.confidence gives each entity and fact its confidence (a Decimal in
[0, 1], two places); this module is what the rest of kg does with one:

- one spelling per value (`normal`): 0.5 read back from JSON is 0.50 again, so a page taken
  from the cache writes the same bytes as one extracted afresh;
- a fact said by several sentences, or an entity named in several documents, is as sure
  as its surest reading (`surest`);
- `kg build --min-confidence X` keeps the readings at X or more (`kept`);
- `kg stats` counts facts in BANDS.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation

PLACES = Decimal("0.01")
# kg stats' bands, each holding its lower bound; the last holds 1 as well.
BANDS = tuple((Decimal(low) / 10, Decimal(low + 2) / 10) for low in range(0, 10, 2))
UNKNOWN = "unknown"     # the band of a fact without a confidence (a graph from an older kg)


def normal(value) -> Decimal:
    """A confidence in one spelling: a Decimal with two places, or more where it has more (0.5 and
    0.5000 → 0.50, 1 → 1.00, 0.834 stays); ValueError unless it is a number from 0 to 1. A float is
    taken by its shortest repr (0.83, not 0.82999…), as JSON readers give it."""
    if isinstance(value, bool) or not isinstance(value, (Decimal, int, float, str)):
        raise ValueError(f"a confidence is a number from 0 to 1, not {value!r}")
    try:
        number = Decimal(repr(value) if isinstance(value, float) else value)
    except InvalidOperation:
        raise ValueError(f"a confidence is a number from 0 to 1, not {value!r}") from None
    if not number.is_finite() or not 0 <= number <= 1:
        raise ValueError(f"a confidence is a number from 0 to 1, not {value!r}")
    number = number.normalize()
    return number if -number.as_tuple().exponent > 2 else number.quantize(PLACES)


def surest(a: Decimal | None, b: Decimal | None) -> Decimal | None:
    """The higher of two confidences, the known one if only one is; a graph of millions of entities
    asks it millions of times."""
    return a if b is None or (a is not None and a >= b) else b


def kept(confidence: Decimal | None, at_least: Decimal) -> bool:
    """Whether a reading at `confidence` passes the threshold: every reading passes 0, one of unknown
    confidence no more."""
    return at_least <= 0 or (confidence is not None and confidence >= at_least)


def band(confidence: Decimal | None) -> str:
    """The name of the band the confidence falls in: 0.4–0.6, or unknown."""
    if confidence is None:
        return UNKNOWN
    low, high = next((b for b in BANDS if confidence < b[1]), BANDS[-1])
    return _name(low, high)


def _name(low: Decimal, high: Decimal) -> str:
    return f"{low:.1f}–{high:.1f}"


def bands(confidences: Iterable[Decimal | None]) -> Counter[str]:
    """How many of the confidences fall in each band, every band listed (low to high), and how many
    are unknown if any are."""
    counted = Counter({_name(low, high): 0 for low, high in BANDS})
    counted.update(band(c) for c in confidences)
    if not counted[UNKNOWN]:
        del counted[UNKNOWN]
    return counted
