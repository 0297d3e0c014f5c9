"""Names typed carelessly still code, as PETRARCH matches names whatever their case;
ordinary lower-case words that spell a country do not. Sentences written for these tests."""

from __future__ import annotations

import datetime as dt

from tidings.actors import ActorCoder


def codes(nlp, text: str) -> set[str]:
    return {m.actor.code for m in ActorCoder().code(nlp(text), dt.date(2015, 6, 1))}


def test_name_with_a_stray_capital_is_coded(nlp):
    assert "IRN" in codes(nlp, "The minister sharply criticised iRan on Monday.")


def test_lower_case_word_that_is_no_name_stays_uncoded(nlp):
    assert codes(nlp, "The chef served turkey and rice to the guests.") == set()


def test_they_after_coordinated_speakers_stands_for_each(nlp):
    doc = nlp("Egypt and Jordan said they would close the border.")
    mentions = ActorCoder().code(doc, dt.date(2015, 6, 1))
    they = [m.actor.code for m in mentions if doc.text[m.start : m.end] == "they"]
    assert sorted(they) == ["EGY", "JOR"]
