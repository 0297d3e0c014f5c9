"""Which expression dates an event: its own clause's, a containing clause's, or that of a
same-time clause ("when ...") hanging off its clause; else the article date, flagged."""

from __future__ import annotations

import datetime as dt

import pytest

from tidings import model
from tidings.when import date_events

ARTICLE = dt.date(2022, 5, 12)  # a Thursday
CAMEO = model.Cameo("190", "19", 4, -10.0)


def _event(doc, trigger: str, modality: str = "asserted") -> model.EventMention:
    start = doc.text.index(trigger)
    end = start + len(trigger)
    return model.EventMention(
        f"e{start}", "a1", 0, "", trigger, start, end, CAMEO, modality=modality
    )


def _dated(nlp, text: str, trigger: str, modality: str = "asserted") -> model.EventMention:
    """The one event on `trigger`, as `date_events` dates it in `text`."""
    doc = nlp(text)
    (out,) = date_events(doc, ARTICLE, [_event(doc, trigger, modality)])
    return out


def _assert_day(out: model.EventMention, expected: str | None, words: str | None) -> None:
    """Dated to the `expected` day by `words`, or (None) the article date, flagged."""
    if expected is None:
        assert out.date == ARTICLE and out.date_is_fallback and out.date_text is None
    else:
        assert out.date == dt.date.fromisoformat(expected) and not out.date_is_fallback
        assert out.date_text == words and out.date_precision == "day"


# sentence, trigger, expected date (None: the article-date fallback), the words it came from
SAME_TIME = [
    (
        "When the army entered the town on March 3, the rebels fled to the hills.",
        "fled",
        "2022-03-03",
        "March 3",
    ),
    (
        "While ministers met in the capital on Tuesday, protesters blocked the main road.",
        "blocked",
        "2022-05-10",
        "Tuesday",
    ),
    (
        "As the polls closed on Sunday, gunmen attacked a checkpoint and burned two cars.",
        "burned",
        "2022-05-08",
        "Sunday",
    ),
    # another time, not the same one: the main clause keeps the article date
    (
        "After the army entered the town on March 3, the rebels fled to the hills.",
        "fled",
        None,
        None,
    ),
    (
        "Before the talks opened on Monday, the militia shelled the port.",
        "shelled",
        None,
        None,
    ),
    # the clause's own expression still wins over the "when" clause's
    (
        "When the army entered the town on March 3, the rebels fled on March 5.",
        "fled",
        "2022-03-05",
        "March 5",
    ),
    # a "when" clause inside a noun phrase dates nothing outside it
    (
        "Rebels attacked the village where soldiers had camped when the rains began in April.",
        "attacked",
        None,
        None,
    ),
]


@pytest.mark.parametrize(("sentence", "trigger", "expected", "text"), SAME_TIME)
def test_same_time_clause_dates_the_main_clause(nlp, sentence, trigger, expected, text):
    _assert_day(_dated(nlp, sentence, trigger), expected, text)


# text, trigger, expected date (None: the article-date fallback), the words it came from
NARRATION = [
    # a sentence with no time of its own continues the day the narration is telling of
    (
        "Troops stormed the town on Monday. Ten civilians died in the fighting.",
        "died",
        "2022-05-09",
        "Monday",
    ),
    (
        "The council met on April 28. It approved the budget. Two members resigned.",
        "resigned",
        "2022-04-28",
        "April 28",
    ),
    # the latest day named wins
    (
        "Rebels took the port on May 2. The army answered on May 4. Dozens fled.",
        "fled",
        "2022-05-04",
        "May 4",
    ),
    # a length places nothing: the narration still tells of Monday
    (
        "Troops stormed the town on Monday. The fighting lasted for six hours.",
        "fighting",
        "2022-05-09",
        "Monday",
    ),
    # a month or a year is too wide to place the next sentence in
    (
        "The plant closed in March. Workers protested outside the gates.",
        "protested",
        None,
        None,
    ),
    # a day still to come is no narration of what happened
    (
        "The talks will resume on Tuesday. The rebels laid down their arms.",
        "laid",
        None,
        None,
    ),
    # a sentence with a time of its own, even one that dates something else, keeps to itself
    (
        "Police raided the camp on Monday. The accord signed in 2019 collapsed.",
        "collapsed",
        None,
        None,
    ),
    # a vague or recurring time is a time of the sentence's own, though it names no day
    (
        "Troops stormed the town on Monday. Gunmen have recently attacked convoys.",
        "attacked",
        None,
        None,
    ),
    (
        "Troops stormed the town on Monday. Rebels shell the road every Friday.",
        "shell",
        None,
        None,
    ),
    # a day that only describes something ("the truce, which was signed on May 2") is no narration
    (
        "The truce, which was signed on May 2, has largely held. Rebels shelled a convoy.",
        "shelled",
        None,
        None,
    ),
    # too far back: the narration has moved on
    (
        "Troops stormed the town on Monday. Aid groups warned of hunger. Prices rose. "
        "Schools stayed shut. Farmers sold their cattle.",
        "sold",
        None,
        None,
    ),
]


@pytest.mark.parametrize(("text", "trigger", "expected", "words"), NARRATION)
def test_a_sentence_without_a_time_continues_the_narrated_day(nlp, text, trigger, expected, words):
    _assert_day(_dated(nlp, text, trigger), expected, words)


@pytest.mark.parametrize(
    ("text", "trigger", "modality"),
    [
        ("Troops stormed the town on Monday. Elections will follow.", "follow", "asserted"),
        ("Troops stormed the town on Monday. Rebels may strike back.", "strike", "hypothetical"),
    ],
)
def test_an_event_still_to_come_does_not_take_the_narrated_day(nlp, text, trigger, modality):
    assert _dated(nlp, text, trigger, modality).date_is_fallback


# sentence, trigger, expected date (None: the article-date fallback), the words it came from
HEDGED_AND_DENIED = [
    # a modal clause may reach past the article date, though its verb is in the perfect
    (
        "Had the deal gone ahead, the jets would have been delivered by 2024.",
        "delivered",
        "2024-01-01",
        "2024",
    ),
    # a plain past clause still never does
    ("The jets were delivered by 2024.", "delivered", None, None),
    # the time an event is said not to be at never dates it
    ("The vote is now expected in June, not May.", "vote", "2022-06-01", "June"),
    ("The plant reopened last week, not in March as planned.", "reopened", "2022-05-02", None),
]


@pytest.mark.parametrize(("sentence", "trigger", "expected", "text"), HEDGED_AND_DENIED)
def test_hedged_and_denied_times(nlp, sentence, trigger, expected, text):
    out = _dated(nlp, sentence, trigger)
    if expected is None:
        assert out.date == ARTICLE and out.date_is_fallback
    else:
        assert out.date == dt.date.fromisoformat(expected) and not out.date_is_fallback
        assert text is None or out.date_text == text


# a time marked as given up ("originally", "initially") dates no event
GIVEN_UP = [
    (
        "The election, originally due on Sunday, will now take place in July.",
        "election",
        "2022-07-01",
        "July",
    ),
    ("The summit was initially planned for March but was called off.", "summit", None, None),
    # without the marker the same time dates the event
    ("The summit was held in March.", "summit", "2022-03-01", "March"),
]


@pytest.mark.parametrize(("sentence", "trigger", "expected", "text"), GIVEN_UP)
def test_a_time_given_up_dates_no_event(nlp, sentence, trigger, expected, text):
    out = _dated(nlp, sentence, trigger)
    if expected is None:
        assert out.date == ARTICLE and out.date_is_fallback
    else:
        assert out.date == dt.date.fromisoformat(expected) and out.date_text == text


# "since" after a superlative or an ordinal is the base of a comparison, not the event's time
SINCE = [
    ("Shares suffered their biggest fall since 1998.", "fall", None, None),
    ("The currency sank to its lowest level since March.", "sank", None, None),
    ("It was the first strike on the city since 2016.", "strike", None, None),
    # a plain "since" still dates the event from its start, as the timeline gold does
    ("Rebels have held the town since March.", "held", "2022-03-01", "March"),
]


@pytest.mark.parametrize(("sentence", "trigger", "expected", "text"), SINCE)
def test_since_after_a_superlative_dates_no_event(nlp, sentence, trigger, expected, text):
    out = _dated(nlp, sentence, trigger)
    if expected is None:
        assert out.date == ARTICLE and out.date_is_fallback
    else:
        assert out.date == dt.date.fromisoformat(expected) and out.date_text == text


# text, trigger, expected date (None: the article-date fallback), the words it came from
STRAY_DAY = [
    # the one day a sentence tells of, in a clause the parser set apart, is the event's
    ("A car bomb was on Monday rammed into a military base.", "car bomb", "2022-05-09",
     "Monday"),
    ("The singer died on Monday at the age of 95, her son announced.", "announced",
     "2022-05-09", "Monday"),
    # not a subordinate clause's time ("After ... on March 3"), nor one of two days
    ("After the army entered the town on March 3, the rebels fled to the hills.", "fled",
     None, None),
    ("The rebels, who arrived on Monday and left on Tuesday, were criticised.",
     "criticised", None, None),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "trigger", "expected", "text"), STRAY_DAY)
def test_the_one_day_a_sentence_tells_of_dates_an_event_with_none(
    nlp, sentence, trigger, expected, text
):
    _assert_day(_dated(nlp, sentence, trigger), expected, text)
