"""Dating events: the governed expression, the nearest in the sentence, else the article
date, flagged; durations; a dateline's weekday against the sentence's; the design's
example article."""

from __future__ import annotations

import datetime as dt

from tidings import model
from tidings.when import date_events, find_times

D = dt.date(2021, 11, 7)  # a Sunday
day = dt.date.fromisoformat


def _span(first: str, last: str) -> tuple[dt.date, dt.date]:
    return day(first), day(last)


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


def _dated(nlp, text: str, trigger: str, article: dt.date) -> model.EventMention:
    doc = nlp(text)
    start = doc.text.index(trigger)
    event = model.EventMention(
        "e1", "a1", 0, "", trigger, start, start + len(trigger), CAMEO, modality="asserted"
    )
    (out,) = date_events(doc, article, [event])
    return out


def test_the_weekday_of_the_sentence_beats_the_dateline(nlp):
    text = "Thursday, June 4, 2020 \n\nOn Saturday morning, a gunman shot three people in a bar."
    out = _dated(nlp, text, "shot", dt.date(2020, 6, 4))
    assert out.date == dt.date(2020, 5, 30) and out.date_text == "Saturday morning"


def test_a_closing_year_after_a_comma_dates_the_main_clause(nlp):
    text = "The senator was jailed for fraud, dating from his time as a judge, in 2009."
    out = _dated(nlp, text, "jailed", dt.date(2019, 9, 26))
    assert out.date == dt.date(2009, 1, 1) and out.date_text == "2009"


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
