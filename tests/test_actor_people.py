"""Terms of office in people.tsv that changed lately, checked on dates either side of the
change (hand-written sentences)."""

from __future__ import annotations

import datetime as dt

import pytest

from tidings.actors import default_coder


@pytest.mark.parametrize(
    ("text", "date", "code"),
    [
        ("Shmyhal spoke on Monday.", dt.date(2025, 7, 16), "UKRGOV"),
        ("Shmyhal spoke on Monday.", dt.date(2025, 7, 17), "UKRGOVMIL"),
        ("Shmyhal spoke on Monday.", dt.date(2026, 1, 13), "UKRGOVMIL"),
        ("Shmyhal spoke on Monday.", dt.date(2026, 1, 14), "UKRGOV"),
        ("Maduro spoke on Monday.", dt.date(2008, 5, 1), "VENGOV"),
        ("Maduro spoke on Monday.", dt.date(2026, 1, 3), "VENGOV"),
        ("Maduro spoke on Monday.", dt.date(2026, 2, 1), "VENELI"),
        ("Delcy Rodriguez spoke on Monday.", dt.date(2026, 2, 1), "VENGOV"),
    ],
)
def test_code_on_the_date(nlp, text: str, date: dt.date, code: str) -> None:
    mentions = default_coder().code(nlp(text), date)
    assert [m.actor.code for m in mentions][:1] == [code]
