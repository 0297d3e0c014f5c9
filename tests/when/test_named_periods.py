"""Quarters, the weekend and fixed feasts, read against the article date and the tense."""

from __future__ import annotations

import datetime as dt

import pytest

from tidings.errors import DataFileError
from tidings.when import find_times, normalise
from tidings.when import lexicon as lex

ARTICLE = dt.date(2010, 5, 6)  # a Thursday in the second quarter

# text, tense, value, precision, first day, last day
TABLE = [
    ("the first quarter", "past", "2010-Q1", "month", "2010-01-01", "2010-03-31"),
    ("the fourth quarter", "past", "2009-Q4", "month", "2009-10-01", "2009-12-31"),
    ("the fourth quarter", "future", "2010-Q4", "month", "2010-10-01", "2010-12-31"),
    ("the third quarter of 2007", "past", "2007-Q3", "month", "2007-07-01", "2007-09-30"),
    ("third-quarter", "future", "2010-Q3", "month", "2010-07-01", "2010-09-30"),
    ("Q2 2011", "future", "2011-Q2", "month", "2011-04-01", "2011-06-30"),
    ("last quarter", "past", "2010-Q1", "month", "2010-01-01", "2010-03-31"),
    ("next quarter", "future", "2010-Q3", "month", "2010-07-01", "2010-09-30"),
    ("the weekend", "past", "2010-W17-WE", "week", "2010-05-01", "2010-05-02"),
    ("over the weekend", "future", "2010-W18-WE", "week", "2010-05-08", "2010-05-09"),
    ("this past weekend", "future", "2010-W17-WE", "week", "2010-05-01", "2010-05-02"),
    ("Christmas", "past", "2009-12-25", "day", "2009-12-25", "2009-12-25"),
    ("by Christmas", "future", "2010-12-25", "day", "2010-12-25", "2010-12-25"),
    ("New Year's Day", "past", "2010-01-01", "day", "2010-01-01", "2010-01-01"),
    ("Christmas Eve 2008", "past", "2008-12-24", "day", "2008-12-24", "2008-12-24"),
]


@pytest.mark.parametrize(("text", "tense", "value", "precision", "first", "last"), TABLE)
def test_named_periods(text, tense, value, precision, first, last):
    found = normalise(text, ARTICLE, tense)
    assert found is not None
    assert (found.value, found.precision) == (value, precision)
    assert (found.first_day, found.last_day) == (
        dt.date.fromisoformat(first),
        dt.date.fromisoformat(last),
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The carmaker lost $2 billion in the first quarter, it said on Tuesday.",
         [("the first quarter", "2010-Q1"), ("Tuesday", "2010-05-04")]),
        ("Dealers expect sales to recover in the fourth quarter.",
         [("the fourth quarter", "2010-Q4")]),
        ("Flights to Christmas Island resumed.", []),
    ],
)  # fmt: skip
def test_named_periods_in_sentences(nlp, text, expected):
    assert [(t.text, t.value) for t in find_times(nlp(text), ARTICLE)] == expected


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("holiday\tchristmas\t12/25", "MM-DD"),
        ("holiday\tleap day\t02-30", "no day of the year"),
        ("quarter\tfifth\t5", "quarter value"),
    ],
)
def test_the_words_table_checks_period_rows(tmp_path, monkeypatch, row, message):
    bad = tmp_path / "words.tsv"
    bad.write_text(f"kind\tword\tvalue\tpart\n{row}\n", encoding="utf-8")
    monkeypatch.setattr(lex, "package_file", lambda package, name: bad)
    with pytest.raises(DataFileError, match=f"words.tsv:2.*{message}"):
        lex.lexicon.__wrapped__()
