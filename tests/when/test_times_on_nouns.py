"""A time that modifies a noun other than the event's own names that thing ("the 2015
agreement"), not when the event happens; the subject's time, a time the event happens
within ("killed in the 2014 war") and adverbial times ("in 2015") still date it."""

from __future__ import annotations

import datetime as dt

import pytest

from tidings import model
from tidings.when import date_events
from tidings.when.lexicon import lexicon

ARTICLE = dt.date(2021, 9, 16)  # a Thursday
CAMEO = model.Cameo("190", "19", 4, -10.0)


def _dated(nlp, text: str, trigger: str) -> model.EventMention:
    """The one event on `trigger`, as `date_events` dates it in `text`."""
    doc = nlp(text)
    start = doc.text.index(trigger)
    event = model.EventMention(
        f"e{start}", "a1", 0, "", trigger, start, start + len(trigger), CAMEO
    )
    (out,) = date_events(doc, ARTICLE, [event])
    return out


# sentence, trigger, expected first day (None: the article date, flagged), the words it came from
CASES = [
    # the year names the thing the event acts on: the reporting clause's day dates it
    (
        "The minister announced on Monday that the country was leaving the 2010 fisheries pact.",
        "leaving",
        "2021-09-13",
        "Monday",
    ),
    (
        "Officials said on Wednesday that the army had pulled out of the 2016 border accord.",
        "pulled",
        "2021-09-15",
        "Wednesday",
    ),
    # nothing else in the sentence: the article date, not the thing's year
    ("Lawmakers slashed the city's 2012 housing budget.", "slashed", None, None),
    ("The opposition denounced the 1999 coup against the elected leader.", "denounced", None, None),
    ("Rebels reopened talks on the 2008 ceasefire deal.", "reopened", None, None),
    ("The 2015 truce was broken by heavy shelling.", "broken", None, None),
    ("Villagers were angered by last year's land seizures.", "angered", None, None),
    # the year dates the event's own subject or the event it happens within: kept
    ("The 2013 floods destroyed thousands of homes.", "destroyed", "2013-01-01", "2013"),
    ("Forty prisoners died during the 2009 riots.", "died", "2009-01-01", "2009"),
    (
        "Two journalists were wounded in the 2017 clashes near the port.",
        "wounded",
        "2017-01-01",
        "2017",
    ),
    ("Police fired tear gas at the 2019 marches in the capital.", "fired", "2019-01-01", "2019"),
    # a year on the event's own noun, and years as adverbials, keep dating it
    ("The 2004 invasion of the island drew wide condemnation.", "invasion", "2004-01-01", "2004"),
    ("Gunmen seized the airport in 2012.", "seized", "2012-01-01", "2012"),
    ("Fighters have held the valley since early 2014.", "held", "2014-01-01", "early 2014"),
]


@pytest.mark.parametrize(("sentence", "trigger", "expected", "words"), CASES)
def test_a_year_on_another_noun_does_not_date_the_event(nlp, sentence, trigger, expected, words):
    out = _dated(nlp, sentence, trigger)
    if expected is None:
        assert out.date == ARTICLE and out.date_is_fallback and out.date_text is None
    else:
        assert out.date == dt.date.fromisoformat(expected) and not out.date_is_fallback
        assert out.date_text == words


def test_within_prepositions_are_data():
    assert {"in", "during"} <= lexicon().within
