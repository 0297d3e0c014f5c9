"""Who an event is done to, when the event word itself names no object: the clause it
governs, a moving verb's destination, a place as object, a participle on its noun.
Sentences written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from tidings.events.builtin.arguments import ActorIndex, verb_arguments
from tidings.model import Article

DATE = dt.date(2022, 3, 8)


def events(nlp, coders, text):
    actors, coder = coders
    doc = nlp(text)
    return coder.code(doc, Article("t", DATE, text), actors.code(doc, DATE))


def targets(nlp, coders, text):
    return {e.target.country for e in events(nlp, coders, text) if e.target}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Egypt is ready to withdraw its soldiers from Libya.", "LBY"),
        ("Canada will withdraw its troops from Mali next month.", "MLI"),
        ("Peru recalled its ambassador from Mexico on Friday.", "MEX"),
    ],
)
def test_a_moving_verbs_target_is_where_its_object_goes(nlp, coders, text, expected):
    found = targets(nlp, coders, text)
    assert expected in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The militia threatened to deal heavy blows to Ethiopia.", "ETH"),
        ("Chile has refused to send troops to Haiti.", "HTI"),
        (
            "The court decided to allow opposition leader Ali Hassan to run in Kenya's poll.",
            "KEN",
        ),
    ],
)
def test_a_governed_clause_names_the_target(nlp, coders, text, expected):
    assert expected in targets(nlp, coders, text)


def test_a_place_as_object_is_targeted(nlp, coders):
    found = targets(nlp, coders, "Angry Greek farmers said they would blockade Athens on Monday.")
    assert "GRC" in found


def participle_arguments(nlp, coders, text, word):
    """The arguments read for the participle `word` (its records may be dropped as
    background to another event of the sentence, see events.builtin.backdrop)."""
    doc = nlp(text)
    index = ActorIndex(doc, coders[0].code(doc, DATE))
    verb = next(t for t in doc if t.text == word)
    return verb_arguments(verb, index, participle=True)[:2]


def test_a_participle_tagged_past_tense_is_done_to_its_noun(nlp, coders):
    text = "Iran released a member of Hezbollah jailed two years ago."
    sources, found = participle_arguments(nlp, coders, text, "jailed")
    assert not sources and any(m.actor.country == "LBN" for m in found)
    # told of the released member, the jailing is background: not coded apart
    assert not [e for e in events(nlp, coders, text) if e.trigger == "jailed"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a threat is made against whoever must meet its condition
        ("Turkey threatened to close its airspace unless Greece withdraws the warships.", "GRC"),
        ("Moscow has threatened to cut gas supplies if Ukraine refuses the deal.", "UKR"),
        # the object of the verb a purpose clause hangs on
        ("The Chilean foreign minister summoned Peru's ambassador to protest the arrests.", "PER"),
        # a demand whose "that" clause the parser hangs on the verb
        ("The Arab League renewed its demand on Monday that Iran free the sailors.", "IRN"),
    ],
)
def test_the_clauses_around_an_event_name_its_target(nlp, coders, text, expected):
    assert expected in targets(nlp, coders, text)


def test_an_event_undergone_is_done_to_the_object(nlp, coders):
    found = events(nlp, coders, "Prosecutors put a Brazilian senator under investigation.")
    investigation = [e for e in found if e.trigger == "investigation"]
    assert investigation and investigation[0].target is not None
    assert investigation[0].target.country == "BRA"


def test_a_protests_purpose_clause_names_whom_it_is_against(nlp, coders):
    text = (
        "Nurses continued their hunger strike to demand the resignation of Ghana's health minister."
    )
    strike = [e for e in events(nlp, coders, text) if e.trigger == "hunger strike"]
    assert strike and strike[0].target is not None and strike[0].target.country == "GHA"


@pytest.mark.parametrize(
    "text",
    [
        "Three Malian soldiers died when a landmine exploded under their truck.",
        "Two Malian gendarmes died in a rocket attack on Tuesday.",
    ],
)
def test_who_died_of_an_attack_is_its_target(nlp, coders, text):
    violent = [e for e in events(nlp, coders, text) if e.cameo.code[:2] in ("18", "19")]
    assert violent and all(e.target and e.target.country == "MLI" for e in violent)


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # a noun's partner inside its "of" phrase
        ("Kenya announced a suspension of trade links with Somalia.", "suspension", "SOM"),
        # a place entered
        ("Protesters blocked traffic into Nairobi on Monday.", "blocked", "KEN"),
        # whom a protest answers
        (
            "Miners are continuing a hunger strike in protest of the Zambian "
            "government's refusal to raise wages.",
            "hunger strike",
            "ZMB",
        ),
    ],
)
def test_nested_phrases_name_the_target(nlp, coders, text, trigger, expected):
    found = [e for e in events(nlp, coders, text) if e.trigger == trigger]
    assert any(e.target and e.target.country == expected for e in found)


def test_a_participle_misread_as_the_main_verb_is_done_to_its_subject(nlp, coders):
    text = "The Georgian students imprisoned for insulting the president were pardoned on Monday."
    sources, found = participle_arguments(nlp, coders, text, "imprisoned")
    assert not sources and any(m.actor.country == "GEO" for m in found)
    assert not [e for e in events(nlp, coders, text) if e.trigger == "imprisoned"]


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # the doer of a participle inside the argument phrase
        ("Uganda opened an inquiry into abuses committed by Congolese troops.", "opened", "COD"),
        # a partner inside the phrase after the verb's preposition
        (
            "President Banda reneged on his commitment to the Malawian people for holding a vote.",
            "reneged",
            "MWI",
        ),
    ],
)
def test_actors_deep_in_the_argument_phrase(nlp, coders, text, trigger, expected):
    found = [e for e in events(nlp, coders, text) if e.trigger == trigger]
    assert any(e.target and e.target.country == expected for e in found)


def sources(nlp, coders, text, trigger):
    found = [e for e in events(nlp, coders, text) if e.trigger == trigger]
    return {e.source.country for e in found if e.source}


def test_a_measure_noun_passes_the_light_verbs_subject_on(nlp, coders):
    text = "Indian and Japanese destroyers began five days of naval exercises on Monday."
    assert {"IND", "JPN"} <= sources(nlp, coders, text, "exercises")


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("Kenya's supreme court opened a hearing into the disputed vote.", "hearing", "KEN"),
        ("Ugandan troops completed their withdrawal from Juba on Friday.", "withdrawal", "UGA"),
    ],
)
def test_opening_or_completing_an_event_lends_the_subject(nlp, coders, text, trigger, expected):
    assert expected in sources(nlp, coders, text, trigger)


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        (
            "Chile's foreign minister announced that he will expel two Bolivian diplomats.",
            "expel",
            "CHL",
        ),
        ("Peru's president said she would recall the ambassador from Mexico.", "recall", "PER"),
    ],
)
def test_a_reported_pronoun_subject_is_the_speaker(nlp, coders, text, trigger, expected):
    assert expected in sources(nlp, coders, text, trigger)


def test_a_light_participle_names_the_nouns_doer(nlp, coders):
    text = "Police counted six raids carried out by Kenyan troops near the border."
    assert "KEN" in sources(nlp, coders, text, "raids")


@pytest.mark.parametrize(
    "text",
    [
        "Al-Shabab is responsible for the bombing in Mogadishu.",
        "Police are hunting a Somali man believed to be responsible for the blast.",
    ],
)
def test_whoever_is_blamed_for_an_attack_did_it(nlp, coders, text):
    violent = [e for e in events(nlp, coders, text) if e.cameo.code[:2] in ("18", "19")]
    assert violent and all(e.source and e.source.country == "SOM" for e in violent)


@pytest.mark.parametrize(
    "text",
    [
        "Dozens of opposition activists were detained, including the Kenyan MP Ali Juma.",
        "Police arrested 20 protesters, including two Kenyan journalists.",
    ],
)
def test_those_included_among_the_undergoers_are_targets(nlp, coders, text):
    assert "KEN" in targets(nlp, coders, text)


def test_an_event_noun_naming_its_doer_is_the_source(nlp, coders):
    text = "A suicide bomber struck a Kenyan police post on Monday."
    bomber = [e for e in events(nlp, coders, text) if e.trigger == "suicide bomber"]
    assert bomber and bomber[0].source is not None and bomber[0].source.code == "REB"
    assert bomber[0].target is not None and bomber[0].target.country == "KEN"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Gunmen opened fire at a hotel in Mali's capital on Friday.", "MLI"),
        ("Rebels shelled villages in the north of Uganda overnight.", "UGA"),
    ],
)
def test_the_owner_of_the_place_is_the_target(nlp, coders, text, expected):
    assert expected in targets(nlp, coders, text)


def test_opening_fire_is_small_arms_fire(nlp, coders):
    found = events(nlp, coders, "Soldiers opened fire on Kenyan protesters in Kisumu.")
    fire = [e for e in found if e.trigger == "opened"]
    assert fire and fire[0].cameo.code == "193"
    assert fire[0].target is not None and fire[0].target.country == "KEN"
