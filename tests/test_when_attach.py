"""Which expression dates an event: its own clause's, a containing clause's, or that of a
same-time clause ("when ...") hanging off its clause; else the article date, flagged."""

from __future__ import annotations

import datetime as dt

import pytest

from tidings import model
from tidings.when import date_events

ARTICLE = dt.date(2022, 5, 12)  # a Thursday
CAMEO = model.Cameo("190", "19", 4, -10.0)


def _event(doc, trigger: str) -> model.EventMention:
    start = doc.text.index(trigger)
    return model.EventMention(f"e{start}", "a1", 0, "", trigger, start, start + len(trigger), CAMEO)


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
    doc = nlp(sentence)
    (out,) = date_events(doc, ARTICLE, [_event(doc, trigger)])
    if expected is None:
        assert out.date == ARTICLE and out.date_is_fallback and out.date_text is None
    else:
        assert out.date == dt.date.fromisoformat(expected) and not out.date_is_fallback
        assert out.date_text == text and out.date_precision == "day"
