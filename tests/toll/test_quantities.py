"""Number phrases read from plain words: numbers, ranges, bounds and vague amounts."""

from __future__ import annotations

import pytest

from tidings.toll.quantity import find_quantities

QUANTITIES = [
    ("12", 12, 12),
    ("1,200", 1200, 1200),
    ("twelve", 12, 12),
    ("two hundred and fifty", 250, 250),
    ("twenty - five", 25, 25),
    ("a dozen", 12, 12),
    ("two dozen", 24, 24),
    ("1.5 million", 1_500_000, 1_500_000),
    ("between 10 and 15", 10, 15),
    ("10 to 15", 10, 15),
    ("10-15", 10, 15),
    ("two or three", 2, 3),
    ("at least 12", 12, None),
    ("more than 100", 101, None),
    ("up to 30", None, 30),
    ("as many as 30", None, 30),
    ("nearly 50", None, 49),
    ("about 30", 30, 30),
    ("12 or more", 12, None),
    ("several", 3, 9),
    ("dozens", 24, 99),
    ("hundreds", 200, 999),
    ("a few", 2, 5),
    ("a number of", 2, None),
    ("more than a dozen", 13, None),
    ("no one", 0, 0),
]


@pytest.mark.parametrize(("phrase", "low", "high"), QUANTITIES)
def test_quantity_phrases(phrase: str, low: int | None, high: int | None) -> None:
    words = ["they", "saw", *phrase.split(), "people"]
    (found,) = find_quantities(words)
    assert (found.start, found.end) == (2, 2 + len(phrase.split()))
    assert (found.min, found.max) == (low, high)


def test_a_change_is_not_a_range() -> None:
    words = ["the", "toll", "rose", "from", "30", "to", "45"]
    assert [(q.min, q.max) for q in find_quantities(words)] == [(30, 30), (45, 45)]
