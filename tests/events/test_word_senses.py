"""Word senses by what an event word is done to and by (events/builtin/senses.py): a report or
album released frees no one, a law that allows something does nothing, a bill withdrawn
is no military retreat, a phone call asks nothing, a storm or a bear attacks no one, and
"attacked the investigation" is criticism; and words that are no event at all (an idiom, a
name, a weapon, a plea in court). Sentences written for these tests; the later ones are
coded with actors given by hand (see tests/helpers.py), so they pin the event coder alone."""

from __future__ import annotations

import datetime as dt

import pytest

import tidings
from tests.helpers import coded, codes_of, triples


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


def test_idiom_is_not_an_attack(nlp):
    events = coded(nlp, "He has attempted to strike a balance between Russia and Ukraine.")
    assert not [e for e in events if e.cameo.root == "19"]


def test_participle_adjective_is_not_a_trigger(nlp):
    events = coded(nlp, "Nobody commented on the targeted houses.")
    assert "target" not in {e.trigger.lower()[:6] for e in events}


@pytest.mark.parametrize(
    ("text", "absent_root"),
    [
        ("The protesters went on strike.", "19"),
        ("Police said teachers staged a national strike.", "19"),
    ],
)
def test_labour_strike_is_not_military(nlp, text, absent_root):
    assert all(e.cameo.root != absent_root for e in coded(nlp, text))


@pytest.mark.parametrize(
    "text",
    [
        "The freed hostages were flown home on Sunday.",
        "The released hostages told reporters about their ordeal.",
    ],
)
def test_a_releasing_participle_on_hostages_is_a_release(nlp, text):
    """The participle, not the noun, decides: a release (0841), not an abduction (181)."""
    found = codes_of(coded(nlp, text))
    assert "0841" in found and "181" not in found, found


def test_hostages_undone_by_a_modifier_with_no_event_are_no_abduction(nlp):
    assert "181" not in codes_of(coded(nlp, "Two former hostages spoke to the press."))
    assert "181" in codes_of(coded(nlp, "Gunmen took ten hostages near the border."))


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Peru released the findings of its inquiry.", "010"),
        ("Peru issued a press release on Monday.", None),
        ("The studio released the documentary on Friday.", None),
    ],
)
def test_releasing_things_is_not_releasing_people(nlp, text, code):
    found = codes_of(coded(nlp, text))
    assert "0841" not in found, found
    assert code is None or code in found, found


def test_leaving_a_treaty_is_reducing_relations_not_a_retreat(nlp):
    found = triples(coded(nlp, "Peru withdrew from the fishing treaty with Chile."))
    assert ("161", "PER", "CHL") in found, found


def test_attacking_a_decision_is_criticism(nlp):
    assert ("111", "PER", None) in triples(coded(nlp, "Peru attacked the decision on tariffs."))


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        # withdrawing international involvement is 166x, and announced ahead a threat (136)
        ("Peru withdrew its peacekeeping force from Bolivia.", "1661", "0874"),
        ("Lima said Peru will withdraw its observers from Bolivia.", "136", "0874"),
        # going back somewhere is no yield; going back to talks is negotiating
        ("Peru and Chile returned to talks in Lima.", "046", "084"),
        ("Peru returned the prisoners to Chile.", "0841", "084"),
        ("Peru returned the seized helicopter to Chile.", "0842", "084"),
        ("Chile blockaded Bolivia.", "191", None),
    ],
)
def test_withdrawing_returning_and_blockading(nlp, text, present, absent):
    codes = {c for c, _, _ in triples(coded(nlp, text))}
    assert present in codes and absent not in codes, codes


def test_going_back_to_a_place_is_not_a_return(nlp):
    assert not {c for c, _, _ in triples(coded(nlp, "Peru's envoy returned to Lima."))} & {
        "084",
        "0841",
    }


@pytest.mark.parametrize(
    "text",
    [
        "The election will be held on March 3.",
        "The Coastal Highway Patrol closed the road.",
        "She starred in the comedy Midnight Talk in 1960.",
    ],
)
def test_a_word_of_a_name_is_no_event(nlp, text):
    """ "March" the month, an organisation's head word, a title: no march, patrol or talks."""
    assert not coded(nlp, text), triples(coded(nlp, text))


def test_committing_suicide_is_no_commitment(nlp):
    assert not coded(nlp, "Officials said the suspect had committed suicide.")


def test_an_event_word_naming_a_weapon_is_no_event(nlp):
    assert not coded(nlp, "The police found an assault rifle and two attack helicopters.")


@pytest.mark.parametrize(
    "text", ["Peru fired tear gas at the rebels.", "Peru used water cannon against the rebels."]
)
def test_crowd_control_weapons_are_repression_not_an_attack(nlp, text):
    found = triples(coded(nlp, text))
    assert ("175", "PER", "PERREB") in found or ("175", "PER", None) in found, found
    assert not any(code.startswith(("18", "19")) for code, _, _ in found), found


def test_a_plea_in_court_is_no_appeal(nlp):
    assert not coded(nlp, "The rebels pleaded guilty to all charges.")
    assert "020" in {c[:3] for c in codes_of(coded(nlp, "Peru pleaded with Chile."))}


def test_leaving_a_race_is_no_retreat(nlp):
    assert not coded(nlp, "Peru's candidate withdrew from the presidential race.")
