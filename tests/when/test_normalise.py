"""Normalising a time expression against the article date: TIMEX3 values and the days
they span, undated and rejected texts, and the tense that picks the direction."""

from __future__ import annotations

import datetime as dt

import pytest

from tidings.errors import DataFileError
from tidings.resources import read_tsv
from tidings.when import lexicon as lex
from tidings.when import normalise

D = dt.date(2021, 11, 7)  # a Sunday
day = dt.date.fromisoformat


def _span(first: str, last: str) -> tuple[dt.date, dt.date]:
    return day(first), day(last)


# text, type, value, precision, first day, last day
TABLE = [
    ("on Sunday", "DATE", "2021-11-07", "day", "2021-11-07", "2021-11-07"),
    ("Sunday", "DATE", "2021-11-07", "day", "2021-11-07", "2021-11-07"),
    ("early Sunday", "DATE", "2021-11-07", "day", "2021-11-07", "2021-11-07"),
    ("Sunday night", "TIME", "2021-11-07TNI", "day", "2021-11-07", "2021-11-07"),
    ("on Friday", "DATE", "2021-11-05", "day", "2021-11-05", "2021-11-05"),
    ("last Friday", "DATE", "2021-11-05", "day", "2021-11-05", "2021-11-05"),
    ("yesterday", "DATE", "2021-11-06", "day", "2021-11-06", "2021-11-06"),
    ("today", "DATE", "2021-11-07", "day", "2021-11-07", "2021-11-07"),
    ("tonight", "TIME", "2021-11-07TNI", "day", "2021-11-07", "2021-11-07"),
    ("this morning", "TIME", "2021-11-07TMO", "day", "2021-11-07", "2021-11-07"),
    ("last night", "TIME", "2021-11-06TNI", "day", "2021-11-06", "2021-11-06"),
    ("two days ago", "DATE", "2021-11-05", "day", "2021-11-05", "2021-11-05"),
    ("a week ago", "DATE", "2021-W43", "week", "2021-10-25", "2021-10-31"),
    ("last week", "DATE", "2021-W43", "week", "2021-10-25", "2021-10-31"),
    ("this week", "DATE", "2021-W44", "week", "2021-11-01", "2021-11-07"),
    ("last month", "DATE", "2021-10", "month", "2021-10-01", "2021-10-31"),
    ("earlier this month", "DATE", "2021-11", "month", "2021-11-01", "2021-11-30"),
    ("last year", "DATE", "2020", "year", "2020-01-01", "2020-12-31"),
    ("in May last year", "DATE", "2020-05", "month", "2020-05-01", "2020-05-31"),
    ("May last year", "DATE", "2020-05", "month", "2020-05-01", "2020-05-31"),
    ("in May", "DATE", "2021-05", "month", "2021-05-01", "2021-05-31"),
    ("in December", "DATE", "2020-12", "month", "2020-12-01", "2020-12-31"),
    ("in November", "DATE", "2021-11", "month", "2021-11-01", "2021-11-30"),
    ("the end of May", "DATE", "2021-05", "month", "2021-05-01", "2021-05-31"),
    ("on 3 March", "DATE", "2021-03-03", "day", "2021-03-03", "2021-03-03"),
    ("March 3", "DATE", "2021-03-03", "day", "2021-03-03", "2021-03-03"),
    ("March 3, 2020", "DATE", "2020-03-03", "day", "2020-03-03", "2020-03-03"),
    ("3 March 2020", "DATE", "2020-03-03", "day", "2020-03-03", "2020-03-03"),
    ("2020-03-03", "DATE", "2020-03-03", "day", "2020-03-03", "2020-03-03"),
    ("Sunday, November 7, 2021", "DATE", "2021-11-07", "day", "2021-11-07", "2021-11-07"),
    ("in 2019", "DATE", "2019", "year", "2019-01-01", "2019-12-31"),
    ("the last one month", "DURATION", "P1M", "month", "2021-10-07", "2021-11-07"),
    # no count: the calendar unit before, as TIMEX3 (and HeidelTime, TempEval-3) read it
    ("the past month", "DATE", "2021-10", "month", "2021-10-01", "2021-10-31"),
    ("the last week", "DATE", "2021-W43", "week", "2021-10-25", "2021-10-31"),
    ("last summer", "DATE", "2021-SU", "month", "2021-06-01", "2021-08-31"),
    ("last winter", "DATE", "2020-WI", "month", "2020-12-01", "2021-02-28"),
    ("in the summer of 2019", "DATE", "2019-SU", "month", "2019-06-01", "2019-08-31"),
    ("last fall", "DATE", "2020-FA", "month", "2020-09-01", "2020-11-30"),
    ("the 1990s", "DATE", "199", "year", "1990-01-01", "1999-12-31"),
    ("the early 2000s", "DATE", "200", "year", "2000-01-01", "2009-12-31"),
    ("the 20th century", "DATE", "19", "year", "1900-01-01", "1999-12-31"),
    ("the nineteenth century", "DATE", "18", "year", "1800-01-01", "1899-12-31"),
    ("this fiscal year", "DATE", "2021", "year", "2021-01-01", "2021-12-31"),
    ("fiscal 2019", "DATE", "2019", "year", "2019-01-01", "2019-12-31"),
    ("1957-58", "DATE", "1957/1958", "year", "1957-01-01", "1958-12-31"),
    ("at 15:00 GMT", "TIME", "2021-11-07T15:00", "day", "2021-11-07", "2021-11-07"),
    ("for the last two weeks", "DURATION", "P2W", "week", "2021-10-24", "2021-11-07"),
    ("over the past three days", "DURATION", "P3D", "day", "2021-11-04", "2021-11-07"),
    ("between March and May", "DATE", "2021-03/2021-05", "month", "2021-03-01", "2021-05-31"),
    ("from December to February", "DATE", "2020-12/2021-02", "month", "2020-12-01", "2021-02-28"),
    ("2009-2010", "DATE", "2009/2010", "year", "2009-01-01", "2010-12-31"),
    ("over the past 48 hours", "DURATION", "PT48H", "day", "2021-11-05", "2021-11-07"),
    ("three hours ago", "DATE", "2021-11-07", "day", "2021-11-07", "2021-11-07"),
    ("at 3 pm", "TIME", "2021-11-07T15:00", "day", "2021-11-07", "2021-11-07"),
    ("at 15:30", "TIME", "2021-11-07T15:30", "day", "2021-11-07", "2021-11-07"),
    ("early morning", "TIME", "2021-11-07TMO", "day", "2021-11-07", "2021-11-07"),
]


@pytest.mark.parametrize(("text", "type_", "value", "precision", "first", "last"), TABLE)
def test_normalise_table(text, type_, value, precision, first, last):
    got = normalise(text, D)
    assert got is not None, text
    assert (got.type, got.value, got.precision) == (type_, value, precision)
    assert (got.first_day, got.last_day) == _span(first, last)
    assert (got.start, got.end, got.text) == (0, len(text), text)


# kept, but naming no days: vague references, recurring times, unanchored lengths
UNDATED = [
    ("recently", "DATE", "PAST_REF"),
    ("in recent weeks", "DATE", "PAST_REF"),
    ("now", "DATE", "PRESENT_REF"),
    ("currently", "DATE", "PRESENT_REF"),
    ("every Friday", "SET", "XXXX-WXX-5"),
    ("daily", "SET", "P1D"),
    ("for two weeks", "DURATION", "P2W"),
    ("four-week", "DURATION", "P4W"),
    ("90 days", "DURATION", "P90D"),
]


@pytest.mark.parametrize(("text", "type_", "value"), UNDATED)
def test_normalise_undated(text, type_, value):
    got = normalise(text, D)
    assert got is not None
    assert (got.type, got.value, got.first_day, got.last_day) == (type_, value, None, None)
    if type_ != "DURATION":
        assert got.precision is None


@pytest.mark.parametrize(
    "text", ["33-year-old", "2,000", "the table", "March on", "", "the fall of Kabul", "58"]
)
def test_normalise_rejects_what_is_not_a_time(text):
    assert normalise(text, D) is None


@pytest.mark.parametrize(
    ("text", "tense", "expected"),
    [
        ("Friday", "past", "2021-11-05"),
        ("Friday", "future", "2021-11-12"),
        ("Friday", "present", "2021-11-05"),  # two days back is nearer than five ahead
        ("Tuesday", "present", "2021-11-09"),
        ("in December", "future", "2021-12"),
        ("in May", "future", "2022-05"),
        ("March 3", "future", "2022-03-03"),
    ],
)
def test_tense_picks_the_direction(text, tense, expected):
    got = normalise(text, D, tense)
    assert got is not None and got.value == expected


def test_past_narration_never_passes_the_article_date():
    monday = dt.date(2021, 11, 8)
    for text in ["Sunday", "Tuesday", "Saturday", "in December", "November 30", "in November"]:
        got = normalise(text, monday)
        assert got is not None and got.last_day is not None
        assert got.first_day <= monday, text


def test_bad_tense_is_refused():
    with pytest.raises(ValueError, match="tense"):
        normalise("Friday", D, "pluperfect")


def test_words_table_checks_its_lines(tmp_path):
    good = lex.lexicon()
    assert good.months["may"] == 5 and good.weekdays["sunday"] == 7
    assert "may" in good.full_months and "jan" not in good.full_months
    bad = tmp_path / "words.tsv"
    bad.write_text("kind\tword\tvalue\nmonth\tmayo\t13\n", encoding="utf-8")
    rows = list(read_tsv(bad, ("kind", "word", "value")))
    with pytest.raises(DataFileError, match="words.tsv:2"):
        lex._int(rows[0], 1, 12)
