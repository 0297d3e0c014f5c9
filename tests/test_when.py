"""The `when` stage: normalising expressions, finding them in text, dating events."""

from __future__ import annotations

import datetime as dt

import pytest

from tidings import model
from tidings.errors import DataFileError
from tidings.resources import read_tsv
from tidings.when import date_events, find_times, normalise

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
    from tidings.when import lexicon as lex

    good = lex.lexicon()
    assert good.months["may"] == 5 and good.weekdays["sunday"] == 7
    assert "may" in good.full_months and "jan" not in good.full_months
    bad = tmp_path / "words.tsv"
    bad.write_text("kind\tword\tvalue\nmonth\tmayo\t13\n", encoding="utf-8")
    rows = list(read_tsv(bad, ("kind", "word", "value")))
    with pytest.raises(DataFileError, match="words.tsv:2"):
        lex._int(rows[0], 1, 12)


# ---- finding expressions in parsed text


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


# ---- dating events

CAMEO = model.Cameo("190", "19", 4, -10.0)


def _event(doc, trigger: str, occurrence: int = 0, **kw) -> model.EventMention:
    start = -1
    for _ in range(occurrence + 1):
        start = doc.text.index(trigger, start + 1)
    sentence = doc.char_span(start, start + len(trigger), alignment_mode="expand").sent
    return model.EventMention(
        event_id=f"e{start}",
        article_id="a1",
        sentence_index=[s.start for s in doc.sents].index(sentence.start),
        evidence=sentence.text,
        trigger=trigger,
        trigger_start=start,
        trigger_end=start + len(trigger),
        cameo=CAMEO,
        **kw,
    )


def test_date_events_prefers_the_governed_expression(nlp):
    doc = nlp("Police said on Monday that gunmen attacked the base on Saturday.")
    said, attacked = _event(doc, "said"), _event(doc, "attacked")
    out = date_events(doc, dt.date(2021, 11, 9), [said, attacked])
    assert out[0].date == day("2021-11-08") and out[0].date_text == "Monday"
    assert out[1].date == day("2021-11-06") and out[1].date_text == "Saturday"
    assert not out[1].date_is_fallback and out[1].date_precision == "day"
    assert out[1].date_end == out[1].date


def test_date_events_nearest_in_sentence_then_fallback(nlp):
    doc = nlp("Last week, rebels seized the town. Nobody was hurt.")
    seized, hurt = _event(doc, "seized"), _event(doc, "hurt")
    out = date_events(doc, D, [seized, hurt])
    assert (out[0].date, out[0].date_end, out[0].date_precision) == (
        day("2021-10-25"),
        day("2021-10-31"),
        "week",
    )
    assert out[1].date == D and out[1].date_is_fallback and out[1].date_text is None
    assert out[1].date_precision == "day"


def test_date_events_spans_a_duration(nlp):
    doc = nlp("The protests have been going on for the last one month.")
    (out,) = date_events(doc, D, [_event(doc, "protests")])
    assert (out.date, out.date_end, out.date_precision) == (day("2021-10-07"), D, "month")
    assert out.date_text == "the last one month"


def test_date_events_ignores_vague_and_recurring(nlp):
    doc = nlp("Militants have recently attacked convoys every Friday.")
    (out,) = date_events(doc, D, [_event(doc, "attacked")])
    assert out.date_is_fallback and out.date == D


def test_date_events_uses_given_times_and_keeps_other_fields(nlp):
    doc = nlp("Troops withdrew from the city.")
    ev = _event(doc, "withdrew", modality="negated", confidence=0.9)
    first = day("2021-11-01")
    times = [model.TimeExpression(0, 6, "Troops", "DATE", "2021-11-01", "day", first, first)]
    (out,) = date_events(doc, D, [ev], times)  # the given times are used, not found again
    assert (out.date, out.date_text, out.date_is_fallback) == (first, "Troops", False)
    assert (out.modality, out.confidence, out.event_id) == ("negated", 0.9, ev.event_id)


# ---- the design's example article


def test_example_article(example_article, example_doc):
    date = example_article.date
    assert date == D
    times = find_times(example_doc, date)
    by_text = {t.text: t for t in times}
    for t in times:
        assert example_doc.text[t.start : t.end] == t.text
        assert t.last_day is None or t.last_day <= date
    assert by_text["Sunday"].first_day == D
    assert by_text["early Sunday"].first_day == D
    month = by_text["the last one month"]
    assert (month.first_day, month.last_day) == _span("2021-10-07", "2021-11-07")
    assert by_text["May last year"].value == "2020-05"

    events = [
        _event(example_doc, "denounced"),
        _event(example_doc, "drone strike", 1),
        _event(example_doc, "protests"),
        _event(example_doc, "launched"),
    ]
    out = date_events(example_doc, date, events, times)
    assert [e.date_text for e in out] == ["Sunday", "early Sunday", "the last one month", None]
    assert out[2].date == day("2021-10-07") and out[2].date_end == D
    assert out[3].date_is_fallback
    assert all(e.date is not None and e.date <= date for e in out)


# ---- the `tidings times` command


def test_times_command_writes_offsets_and_rejects(tmp_path):
    import json

    from typer.testing import CliRunner

    from tidings.cli import app

    text = "A drone attacked the residence early Sunday. Protests lasted for the last one month."
    source = tmp_path / "articles.jsonl"
    good = {"id": "a1", "date": "2021-11-07", "text": text}
    source.write_text(json.dumps(good) + "\n" + '{"id": "a2", "text": "no date"}\n')
    output = tmp_path / "times.jsonl"
    result = CliRunner().invoke(app, ["times", str(source), "-o", str(output)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in output.read_text().splitlines()]
    assert [(r["text"], r["type"], r["value"], r["precision"]) for r in rows] == [
        ("early Sunday", "DATE", "2021-11-07", "day"),
        ("the last one month", "DURATION", "P1M", "month"),
    ]
    for row in rows:
        assert row["article_id"] == "a1"
        assert text[row["start"] : row["end"]] == row["text"]
    (reject,) = [json.loads(x) for x in (tmp_path / "times.rejects.jsonl").read_text().splitlines()]
    assert reject["line"] == 2 and reject["reason"].startswith("R005")
    strict = CliRunner().invoke(app, ["times", str(source), "-o", str(output), "--strict"])
    assert strict.exit_code == 1
