"""End to end on the design's example article: the events a user expects from it."""

from __future__ import annotations

import datetime as dt
import math

import pytest

ARTICLE_DATE = dt.date(2021, 11, 7)
BAGHDAD = (33.3152, 44.3661)


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    (lat1, lon1), (lat2, lon2) = (map(math.radians, p) for p in (a, b))
    h = math.sin((lat2 - lat1) / 2) ** 2
    h += math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(h))


@pytest.fixture(scope="module")
def events(pipeline, example_article):
    doc = pipeline.nlp(example_article.text)
    return pipeline.analyse(doc, example_article)


def test_attack_on_the_prime_minister_in_baghdad_on_the_day(events):
    attacks = [
        e
        for e in events
        if e.cameo.root in ("18", "19")
        and e.plover is not None
        and e.plover.type == "ASSAULT"
        and e.target is not None
        and (e.target.country, e.target.sector) == ("IRQ", "GOV")
    ]
    assert attacks, "no attack on an IRQ GOV target"
    placed = [
        e
        for e in attacks
        if e.location is not None
        and e.location.lat is not None
        and km((e.location.lat, e.location.lon), BAGHDAD) <= 30
        and e.date == ARTICLE_DATE
        and e.date_precision == "day"
    ]
    assert placed, [(e.trigger, e.location, e.date, e.date_precision) for e in attacks]


def test_united_states_denounces(events):
    assert any(e.cameo.root == "11" and e.source and e.source.country == "USA" for e in events)


def test_iraqi_officials_investigate(events):
    found = [e for e in events if e.cameo.root == "09"]
    assert any(e.source and e.source.country == "IRQ" for e in found), [
        (e.trigger, e.source) for e in found
    ]


def test_protest_covers_the_month_before_the_article(events):
    protests = [e for e in events if e.cameo.root == "14"]
    assert any(
        e.date is not None
        and e.date_end is not None
        and e.date <= ARTICLE_DATE - dt.timedelta(days=28)
        and e.date_end >= ARTICLE_DATE - dt.timedelta(days=1)
        for e in protests
    ), [(e.trigger, e.date, e.date_end, e.date_text) for e in protests]


def test_no_event_is_dated_after_the_article(events):
    assert events
    late = [e for e in events if e.date and max(e.date, e.date_end or e.date) > ARTICLE_DATE]
    assert not late, [(e.trigger, e.date, e.date_end, e.date_text) for e in late]


def test_every_event_is_traceable_to_its_words(events, example_article):
    for e in events:
        assert example_article.text[e.trigger_start : e.trigger_end] == e.trigger
        assert e.trigger in e.evidence
        assert e.article_id == example_article.id
