"""Finding time expressions in parsed text: ranges, clock times, the direction a clause
reads them in, and dates as news writes them (a weekday beside a month-day, the surname
"May"). Sentences written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from tidings import model
from tidings.when import find_times

D = dt.date(2021, 11, 7)  # a Sunday
day = dt.date.fromisoformat


def _span(first: str, last: str) -> tuple[dt.date, dt.date]:
    return day(first), day(last)


def _found(nlp, text: str) -> dict[str, model.TimeExpression]:
    doc = nlp(text)
    times = find_times(doc, D)
    for t in times:
        assert doc.text[t.start : t.end] == t.text
    return {t.text: t for t in times}


def test_find_times_in_sentences(nlp):
    found = _found(nlp, "Gunmen attacked the village early Friday, police said on Sunday.")
    assert found["early Friday"].value == "2021-11-05"
    assert found["Sunday"].value == "2021-11-07"
    found = _found(nlp, "Officials met two days ago and again last week.")
    assert found["two days ago"].value == "2021-11-05"
    assert found["last week"].value == "2021-W43"


def test_find_times_misses_no_bare_month_but_skips_the_modal(nlp):
    found = _found(nlp, "He may visit again. The talks began in March.")
    assert [t.value for t in found.values()] == ["2021-03"]


def test_find_times_joins_a_range_only_when_asked_and_places_a_clock_time(nlp):
    doc = nlp("The fighting lasted from March to May.")
    (rng,) = [t for t in find_times(doc, D, ranges=True) if "/" in t.value]
    assert (rng.first_day, rng.last_day) == _span("2021-03-01", "2021-05-31")
    assert [(t.text, t.value) for t in find_times(doc, D)] == [
        ("March", "2021-03"),
        ("May", "2021-05"),
    ]
    found = _found(nlp, "The pandemic of 2009-2010 and the expedition of 1957-58.")
    assert [(t.text, t.value) for t in found.values()] == [
        ("2009", "2009"),
        ("2010", "2010"),
        ("1957", "1957"),
        ("58", "1958"),
    ]
    found = _found(nlp, "The blast happened on Friday at 3 pm.")
    assert found["3 pm"].value == "2021-11-05T15:00"


def test_find_times_joins_a_clock_time_to_the_day_beside_it(nlp):
    found = _found(nlp, "The match has been postponed until 15:00 GMT Saturday.")
    assert found["15:00 GMT Saturday"].value == "2021-11-13T15:00"


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        ("The vote was postponed until Saturday.", "Saturday", "2021-11-13"),
        ("The hearing was adjourned to Tuesday.", "Tuesday", "2021-11-09"),
        ("Deliveries are not due until October.", "October", "2022-10"),
        ("The rebels attacked the town on Saturday.", "Saturday", "2021-11-06"),
        ("Talks stalled until Saturday.", "Saturday", "2021-11-06"),
    ],
)
def test_find_times_reads_postponements_forward(nlp, sentence, text, value):
    assert _found(nlp, sentence)[text].value == value


def test_find_times_reads_future_clauses_forward(nlp):
    found = _found(nlp, "The delegation will arrive on Friday.")
    assert found["Friday"].value == "2021-11-12"
    found = _found(nlp, "The book is due to be published in January.")
    assert found["January"].value == "2022-01"  # two months ahead is nearer than ten back


def _times(nlp, text: str, article: dt.date) -> dict[str, str]:
    return {t.text.strip(" ,"): t.value for t in find_times(nlp(text), article)}


def test_a_weekday_beside_a_month_day_picks_its_year(nlp):
    # 31 July 2019 was a Wednesday; 31 July 2018 a Tuesday
    found = _times(nlp, "He said he would step down on Wednesday, July 31.", dt.date(2019, 7, 28))
    assert found["Wednesday, July 31"] == "2019-07-31"
    found = _times(nlp, "The mayor quit, effective Wednesday, July 31.", dt.date(2019, 7, 28))
    assert found["Wednesday, July 31"] == "2019-07-31"


def test_a_gerund_after_to_reads_the_nearer_day(nlp):
    # "reopening" is joined to "ending" by "and", and takes its reading
    text = "The union is committed to ending the strike and reopening the mines by March 20."
    assert _times(nlp, text, dt.date(2021, 2, 10))["March 20"] == "2021-03-20"


@pytest.mark.parametrize(
    "text",
    [
        "The plan of Prime Minister May was rejected by the House on Tuesday.",
        "Mrs May said she would resign on Friday.",
        "Ministers quit in protest at May's plan on Monday.",
    ],
)
def test_the_surname_may_is_no_month(nlp, text):
    assert "May" not in _times(nlp, text, dt.date(2019, 7, 24))


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("The factory closed in May.", "May"),
        ("Last May's vote was close.", "Last May"),
        ("Prices rose between March and May.", "May"),
    ],
)
def test_the_month_may_is_still_a_month(nlp, text, words):
    found = _times(nlp, text, dt.date(2019, 7, 24))
    assert any(words.split()[-1] in key for key in found), found
