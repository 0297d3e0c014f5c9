"""Actor coding as the Phoenix dictionaries read it: names typed carelessly still code
(PETRARCH ignores case) while ordinary lower-case words that spell a country do not; a
"they" after coordinated speakers stands for each. Sentences written for these tests."""

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


def test_peacekeepers_are_armed_forces(nlp):
    # Phoenix has no peacekeeper agent (PETRARCH writes NPL); we code what they are
    found = codes(nlp, "Rebels surrounded Nepalese peacekeepers near the border.")
    assert "NPLMIL" in found


def test_role_from_coordinated_countries_is_coded_for_each(nlp):
    doc = nlp("Officials from Chile and Peru signed the treaty on Monday.")
    mentions = ActorCoder().code(doc, dt.date(2015, 6, 1))
    officials = {m.actor.code for m in mentions if doc.text[m.start : m.end] == "Officials"}
    assert officials == {"CHLGOV", "PERGOV"}
