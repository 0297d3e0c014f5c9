"""Names the dictionaries code, and words that are no actor though they spell one: a
place, a person's name, a lower-case word, a country word inside another name, bare
equipment. Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.helpers import codes, covering, mentions_of
from tidings.actors import code_actors

CODED = [
    # (text, words inside the mention, expected code)
    ("Iraq rejected the demand.", "Iraq", "IRQ"),
    ("The United States has denounced the attack.", "The United States", "USA"),
    ("Iran said the US was to blame.", "the US", "USA"),
    ("Washington said it would impose sanctions.", "Washington", "USAGOV"),
    ("Beijing rejected the claims, while Moscow urged restraint.", "Moscow", "RUSGOV"),
    ("Iraqi Prime Minister Mustafa Al-Kadhimi was unhurt.", "Mustafa Al-Kadhimi", "IRQGOV"),
    ("US State Department Spokesperson Ned Price spoke.", "Ned Price", "USAGOV"),
    ("They met Iraqi security officials.", "Iraqi security officials", "IRQCOP"),
    ("Al-Kadhimi was Iraq's former intelligence chief.", "intelligence chief", "IRQSPY"),
    ("Israeli troops killed two Palestinian militants.", "Israeli troops", "ISRMIL"),
    ("Israeli troops killed two Palestinian militants.", "Palestinian militants", "PSEREB"),
    ("Russian President Vladimir Putin spoke.", "Vladimir Putin", "RUSGOV"),
    ("The UN Security Council condemned the attack.", "Security Council", "IGOUNO"),
    ("NATO met on Monday, Reuters reported.", "NATO", "IGOWSTNAT"),
    ("NATO met on Monday, Reuters reported.", "Reuters", "GBRMED"),
    ("Boko Haram kidnapped the girls.", "Boko Haram", "NGAREB"),
    ("The Kremlin said talks had stalled.", "Kremlin", "RUSGOV"),
    ("The AP said the talks had stalled.", "AP", "USAMED"),
]


@pytest.mark.parametrize(("text", "words", "code"), CODED)
def test_codes_the_actor(nlp, text, words, code):
    mention = covering(text, mentions_of(nlp, text), words)
    assert mention is not None, f"no mention covers {words!r}"
    assert mention.actor.code == code


NOT_ACTORS = [
    ("The minister arrived in Baghdad on Monday.", "Baghdad"),  # a place, not a metonym
    ("The Taliban took Kabul.", "Kabul"),  # the object of a verb of taking
    ("Prominent government offices were hit.", "government"),  # describes offices
    ("The turkey was delicious.", "turkey"),  # lower case: the bird
    ("Who knows what the talks will bring?", "Who"),  # not the WHO
]


@pytest.mark.parametrize(("text", "words"), NOT_ACTORS)
def test_leaves_out_non_actors(nlp, text, words):
    assert covering(text, mentions_of(nlp, text), words) is None


def test_a_country_inside_a_name_is_no_country(nlp):
    """ "Michael Jordan" is a person (an open-world actor), never the country Jordan."""
    text = "Michael Jordan retired."
    mention = covering(text, mentions_of(nlp, text), "Jordan")
    assert mention is not None and mention.actor.text == "Michael Jordan"
    assert (mention.actor.code, mention.actor.country) == (None, None)


def test_entity_holding_a_country_name_falls_back_to_that_country(nlp):
    text = "The Kenyan Football Federation said the match would go ahead."
    mention = covering(text, mentions_of(nlp, text), "Kenyan Football Federation")
    assert mention is not None and mention.actor.country == "KEN"


def test_country_name_opening_a_longer_name_codes_the_body(nlp) -> None:
    mentions = code_actors(nlp("The Kenya Anti-Poaching Unit seized ivory."))
    assert [(m.actor.text, m.actor.code) for m in mentions] == [
        ("The Kenya Anti-Poaching Unit", "KEN")
    ]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("The singer moved to New Mexico in 1970.", "Mexico"),
        ("Iran announced a peace plan for the Persian Gulf.", "Persian"),
        ("A storm formed over the Gulf of Mexico.", "Mexico"),
        ("Thieves stole a sculpture entitled America from the museum.", "America"),
    ],
)
def test_a_country_word_in_another_name_is_no_actor(nlp, actor_coder, text, words):
    assert words not in codes(nlp, actor_coder, text)


def test_a_compass_point_keeps_the_country(nlp, actor_coder):
    found = codes(nlp, actor_coder, "Israel invaded South Lebanon.")
    assert "LBN" in found.values(), found


NOT_ACTORS_EITHER = [
    # (text, words): places, and equipment with no country of its own
    ("Fuel tanks exploded near the Iraqi border.", "tanks"),
    ("Fuel tanks exploded near the Iraqi border.", "Iraqi"),
    ("The helicopters landed safely.", "helicopters"),
]


@pytest.mark.parametrize(("text", "words"), NOT_ACTORS_EITHER)
def test_places_and_bare_equipment_are_not_actors(nlp, text, words):
    assert covering(text, mentions_of(nlp, text), words) is None


@pytest.mark.parametrize(
    ("text", "words", "code"),
    [
        # a body's word before a person's name is no title of theirs
        ("Turkey's President Recep Tayyip Erdogan spoke. On live television Erdogan attacked"
         " the plan.", "Erdogan attacked", "TURGOV"),
        # a date the parser hung on a name is none of its words
        ("On Friday Ford Motor Company announced cuts.", "Ford Motor Company", "BUS"),
    ],
)  # fmt: skip
def test_words_beside_a_name_that_are_not_its_title(nlp, text, words, code):
    at = text.index(words)
    mention = next((m for m in mentions_of(nlp, text) if m.start <= at < m.end), None)
    assert mention is not None and mention.actor.code == code


@pytest.mark.parametrize(
    ("text", "words", "code"),
    [
        # the head of a place is its government, though the title is a company's
        ("Carrie Lam, the chief executive of Hong Kong, spoke.", "the chief executive", "HKGGOV"),
        ("The chief executive of Ford resigned.", "The chief executive", "BUS"),
        # a body named after its country takes its kind word's sector too
        ("Thailand's Thai Raksa Chart Party withdrew its candidate.", "Thai Raksa Chart Party",
         "THAPTY"),
        # people named by what they were doing when it befell them are civilians
        ("A gunman shot shoppers at a store.", "shoppers", "CVL"),
        ("A bomb killed worshippers at the mosque.", "worshippers", "CVL"),
    ],
)  # fmt: skip
def test_sectors_from_what_the_words_say(nlp, text, words, code):
    mention = covering(text, mentions_of(nlp, text), words)
    assert mention is not None and mention.actor.code == code
