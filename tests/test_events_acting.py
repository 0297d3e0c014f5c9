"""Frames that keep the act they govern ("pledged to expel", "ordered the arrest of X"):
only when the frame itself was done; otherwise the frame is the event."""

from __future__ import annotations

import datetime as dt

import pytest

import tidings


def codes(text: str) -> set[tuple[str, str]]:
    return {(e.cameo.code, e.modality) for e in tidings.extract(text, date=dt.date(2024, 5, 1))}


@pytest.mark.parametrize(
    ("text", "expected", "absent"),
    [
        ("The president ordered the arrest of the editor.", ("173", "asserted"), None),
        ("The president did not order the arrest of the editor.", None, ("173", "asserted")),
        ("The minister never ordered the arrest of the mayor.", None, ("173", "asserted")),
    ],
)
def test_an_order_keeps_its_act_only_when_it_was_given(text, expected, absent):
    found = codes(text)
    if expected:
        assert expected in found, found
    if absent:
        assert absent not in found, found
        assert any(code.startswith("10") for code, _ in found), found  # the order, negated
