"""A part of the current month or year ("the end of the year"), read by the narration's
tense: past narration never reaches past the article date. And time words inside names
("The Sunday Times") that are no times."""

from __future__ import annotations

import datetime as dt

import pytest

from tidings.when import find_times, normalise

ARTICLE = dt.date(2021, 4, 14)

# text, tense, value
TABLE = [
    ("the end of the year", "past", "2020"),
    ("by the end of the year", "future", "2021"),
    ("the end of year", "present", "2021"),
    ("the beginning of the year", "past", "2021"),
    ("the middle of the year", "past", "2020"),
    ("the start of the month", "past", "2021-04"),
    ("the end of the month", "past", "2021-03"),
    ("the end of the month", "future", "2021-04"),
]


@pytest.mark.parametrize(("text", "tense", "value"), TABLE)
def test_part_of_the_current_year_or_month(text, tense, value):
    found = normalise(text, ARTICLE, tense)
    assert found is not None and found.value == value


def test_in_a_sentence_the_clause_sets_the_tense(nlp):
    doc = nlp(
        "Prices rose through the autumn and peaked by the end of the year. "
        "The board will meet again at the end of the year."
    )
    values = [t.value for t in find_times(doc, ARTICLE) if "end of the year" in t.text]
    assert values == ["2020", "2021"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Sunday Times reported that troops left on Monday.", ["Monday"]),
        ("The China Daily newspaper reported the deal.", []),
        ("Daily protests continued in the capital.", ["Daily"]),
    ],
)
def test_a_time_word_inside_a_name_is_no_time(nlp, text, expected):
    assert [t.text for t in find_times(nlp(text), ARTICLE)] == expected


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Fighting has gone on since late 2013.", "2013"),
        ("The plant should open by mid-2026.", "2026"),
        ("Talks began in early 2019.", "2019"),
    ],
)
def test_part_of_a_written_year_is_that_year(nlp, text, value):
    found = find_times(nlp(text), ARTICLE)
    assert [(t.value, t.precision) for t in found] == [(value, "year")]
