"""Word senses by what an event word is done to and by (events/senses.py): a report or
album released frees no one, a law that allows something does nothing, a bill withdrawn
is no military retreat, a phone call asks nothing, a storm or a bear attacks no one, and
"attacked the investigation" is criticism. Every sentence is written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

import tidings


def codes(text: str) -> set[str]:
    return {e.cameo.code for e in tidings.extract(text, date=dt.date(2024, 5, 1))}


@pytest.mark.parametrize(
    ("text", "expected", "absent"),
    [
        # release: persons only
        ("The rebels released three hostages on Monday.", "0841", None),
        ("The police released him on bail after two days.", "0841", None),
        ("The ministry released a report on the economy.", None, "0841"),
        ("The band released a new album in May.", None, "0841"),
        ("Corals release chemicals into the water when they are stressed.", None, "0841"),
        # allow: an actor must do it; a law or device allows nothing
        ("The new law allows farmers to sell their land.", None, "080"),
        ("A bridge allows drivers to cross the river in minutes.", None, "080"),
        # withdraw / retreat: military only with forces
        ("Israel withdrew its troops from the border town.", "0874", None),
        ("The government withdrew the bill after weeks of protests.", "080", "0874"),
        ("The singer retreated to a farm in Texas.", None, "0874"),
        # the noun "call": an appeal only when it asks for something
        ("The coast guard received a distress call from the fishing boat.", None, "020"),
        # fire: dismissing a person is no force
        ("The governor fired his chief of staff on Tuesday.", None, "190"),
        # suspend: a search or a session reduces no relations
        ("The navy decided to suspend the search for the missing sailors.", None, "160"),
        # verbal attacks on an abstract thing are criticism
        ("The senator attacked the investigation as a waste of money.", "111", "190"),
        # fight needs someone fought or fighting; expel and surrender need actors
        ("Rebels fought government troops near the border.", "190", None),
        ("We will keep fighting for a fairer country, the candidate told supporters.", None, "190"),
        ("The cells expel the waste into the blood.", None, "174"),
        ("The suspect surrendered to police on Friday evening.", None, "0874"),
        # meet: a meeting needs someone met; a deadline met or a session is none
        ("The two presidents met in Geneva on Tuesday.", "040", None),
        ("The board missed the target, and the deadline was not met.", None, "040"),
        ("The new plan was met with anger in the northern towns.", None, "040"),
        # host: a show or a panel is no visit received
        ("The comedian hosted a late-night show on the radio.", None, "043"),
        # appeal / ask: a legal appeal or a question asks no one for anything
        ("The defendant said he intends to appeal.", None, "030"),
        ("Asked about the weather, the coach smiled.", None, "020"),
        ("The mayor asked residents to stay indoors.", "020", None),
        # a threat nobody makes
        ("A new threat to the old order emerged in the south.", None, "130"),
        ("The villagers spoke of the threats of the Taliban.", "130", None),
        # signing a decree is no agreement; accepting responsibility claims it
        ("The prime minister signed a decree on the new tax.", None, "057"),
        # commit: a pledge, not a crime committed
        ("The inquiry covers crimes committed in the province since 2014.", None, "030"),
        ("The soldiers committed a massacre in the village.", None, "030"),
        ("Japan committed 500 troops to the mission.", "030", None),
        ("The commander accepted responsibility for the raid on the village.", "015", "080"),
    ],
)
def test_a_word_codes_the_sense_its_arguments_give(text, expected, absent):
    found = codes(text)
    if expected:
        assert expected in found, found
    if absent:
        assert absent not in found, found


@pytest.mark.parametrize(
    "text",
    [
        "A powerful earthquake struck the province, injuring forty people.",
        "A hurricane hit the island on Sunday, killing twelve people.",
        "Two hikers were killed by a bear in the national park.",
        "Five passengers were injured in the crash on the motorway.",
        "The weather service issued a storm warning for the whole coast.",
        "Forecasters warned of flash floods in the northern valleys.",
        "She fought a long custody battle with her former husband.",
        "His progressive politics clashed with the views of the party leaders.",
        "The tourist died of a heart attack on the beach.",
    ],
)
def test_hazards_animals_and_figures_of_speech_are_no_violence_or_threat(text):
    found = codes(text)
    assert not any(c[:2] in ("13", "15", "18", "19", "20") for c in found), found


def test_yellow_warnings_after_a_storm_are_no_threats():
    text = (
        "A strong storm is expected to reach the coast tomorrow. "
        "Yellow warnings were issued for nine counties."
    )
    assert not any(c.startswith("13") for c in codes(text))


def test_a_threat_by_an_actor_near_a_storm_is_still_a_threat():
    text = "Despite the storm, the rebels issued a threat against the army."
    assert any(c.startswith("13") for c in codes(text))


def test_an_attack_by_drone_strikes_is_an_air_strike():
    found = codes("Two oil plants were hit by drone strikes on Saturday.")
    assert "195" in found and "190" not in found, found


def test_deaths_told_after_a_crash_are_no_violence():
    text = "A small plane crashed near the airport on Sunday. Four people were killed."
    assert not any(c[:2] in ("18", "19", "20") for c in codes(text))


def test_deaths_after_a_bomber_rammed_a_patrol_are_still_violence():
    text = "A suicide bomber crashed a car into the patrol. Six soldiers were killed."
    assert any(c[:2] in ("18", "19") for c in codes(text))


def test_a_news_conference_is_no_meeting():
    assert not any(c.startswith("04") for c in codes("The police chief held a news conference."))
