"""Actors whose words reach beyond the dictionary hit: a titled person named with no
country takes the only country the sentence names; a group noun with the group's name in
apposition is that group; "a nurse from Calgary" is Canadian, "a newspaper based in Kenya"
Kenyan; "ethnic Serbs" are an ethnic group, not Serbia (hand-written sentences)."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from tests.helpers import covering
from tidings.actors import code_actors
from tidings.actors.rules import phrase_bounds


@pytest.mark.parametrize(
    ("text", "words", "code"),
    [
        # a titled, named person: the one country named is theirs
        ("President Sekou Traore praised the Malian farmers.", "Sekou Traore", "MLIGOV"),
        ("Opposition leader Farid Osmani accused Tajik police.", "Farid Osmani", "TJKOPP"),
        # two countries named: no guess
        ("President Amadou Sekou Traore thanked Ghana and Togo.", "Amadou Sekou Traore", "GOV"),
        # a bare role is not a titled person: "the government" keeps no country
        ("The government thanked China for its help.", "The government", "GOV"),
    ],
)
def test_titled_person_takes_the_sole_country(nlp, text: str, words: str, code: str) -> None:
    found = covering(text, code_actors(nlp(text)), words)
    assert found is not None and found.actor.code == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The Nigerian armed group Boko Haram attacked a school.", "NGAREB"),
        ("The Lebanese militant group Hezbollah fired rockets at the border.", "LBNREB"),
        ("The rebel group M23 seized the town.", "CODREB"),
    ],
)
def test_group_named_in_apposition_is_one_actor(nlp, text: str, code: str) -> None:
    """ "the Nigerian armed group Boko Haram": one mention with the group's own code, not
    a country-less "armed group" beside the name."""
    mentions = code_actors(nlp(text))
    first = mentions[0]
    assert text[first.start : first.end].lower().startswith("the ")
    assert first.actor.code == code and first.kind == "organisation"


@pytest.mark.parametrize(
    ("text", "words", "code"),
    [
        ("A nurse from Calgary was detained at the airport.", "A nurse", "CANHLH"),
        ("Two students from Manchester were questioned.", "Two students", "GBREDU"),
        ("Refugees from Aleppo crossed the border.", "Refugees", "SYRREF"),
        # "based in X" gives a home, unless the role serves abroad
        ("A newspaper based in Kenya denied the claim.", "A newspaper", "KENMED"),
        ("An embassy based in Nairobi was closed.", "An embassy", "GOV"),
        # a known city naming the role's place, as a capital does
        ("Karachi police arrested six men.", "Karachi police", "PAKCOP"),
    ],
)
def test_role_from_or_based_in_a_place_takes_its_country(
    nlp, text: str, words: str, code: str
) -> None:
    found = covering(text, code_actors(nlp(text)), words)
    assert found is not None and found.actor.code == code


def test_ethnic_group_is_not_the_state_it_is_named_after(nlp) -> None:
    """ "ethnic Serbs" living in Croatia: a CVL group of the country they live in."""
    text = "Ethnic Serbs blocked roads near Zagreb, Croatian police and Croatian officials said."
    found = covering(text, code_actors(nlp(text)), "Ethnic Serbs")
    assert found is not None and found.actor.code == "HRVCVL"
    text = "Serbs blocked roads, Serbian officials said."
    assert [m.actor.code for m in code_actors(nlp(text))][0] == "SRB"


def test_military_police_are_both_military_and_police(nlp) -> None:
    text = "Turkish military police detained two smugglers."
    found = covering(text, code_actors(nlp(text)), "military police")
    assert found is not None and found.actor.code == "TURMILCOP"


def test_pronoun_does_not_count_twice_for_the_focus(nlp) -> None:
    """ "Ghana said it will ...": one mention of Ghana, so with Togo also named once no
    country dominates, and an uncountried official is not made Ghanaian."""
    text = "Ghana said it will recall its envoy from Togo unless officials release the sailors."
    found = covering(text, code_actors(nlp(text)), "officials")
    assert found is not None and found.actor.code == "GOV"


def test_military_advisers_are_military(nlp) -> None:
    text = "Gunmen seized three Cuban military advisers near the border."
    found = covering(text, code_actors(nlp(text)), "military advisers")
    assert found is not None and found.actor.code == "CUBMIL"


@pytest.mark.parametrize(
    ("text", "words", "code"),
    [
        ("A Syrian major general was killed by a roadside bomb.", "major general", "SYRMIL"),
        ("The general told reporters the army would withdraw.", "The general", "MIL"),
        ("A suicide bomber struck a checkpoint.", "suicide bomber", "REB"),
        ("Two Canadian service members were wounded.", "service members", "CANMIL"),
        ("The Provisional IRA said it planted the device.", "Provisional IRA", "GBRREB"),
        ("Unknown assailants stabbed a guard.", "Unknown assailants", "UAF"),
        ("Kenyan politicians traded accusations.", "Kenyan politicians", "KENPTY"),
        ("Iraq freed 40 Iranian prisoners of war.", "prisoners of war", "IRNMIL"),
        ("Angola's ruling party won the vote.", "ruling party", "AGOGOV"),
        ("Two Kenyan political parties merged.", "political parties", "KENPTY"),
        # "general" as an adjective codes nothing
        ("Unions called a general strike on Monday.", "general strike", None),
    ],
)
def test_more_role_words(nlp, text: str, words: str, code: str | None) -> None:
    found = covering(text, code_actors(nlp(text)), words)
    assert (found.actor.code if found is not None else None) == code


def test_they_after_groups_of_one_sector(nlp) -> None:
    """ "Somali gunmen and suicide bombers ... They": both armed groups read alike (the
    bombers only lack a country), so "they" is the Somali group; two sectors stay apart."""
    text = "Somali gunmen and suicide bombers stormed a hotel. They held it for hours."
    found = covering(text, code_actors(nlp(text)), "They")
    assert found is not None and found.actor.code == "SOMREB"
    text = "Somali troops and suicide bombers clashed near a hotel. They held it for hours."
    assert covering(text, code_actors(nlp(text)), "They") is None


def test_a_wrong_sentence_break_never_cuts_a_title_out_of_its_phrase():
    words = ["Director", "Brig.", "Gen.", "John", "Smith", "took", "over", "."]
    heads = [1, 1, 4, 4, 5, 5, 5, 5]  # the parser broke the sentence after "Brig."
    deps = ["compound", "ROOT", "compound", "compound", "nsubj", "ROOT", "prt", "punct"]
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps)
    assert phrase_bounds(doc[4], 1, 3) == (1, 5)  # the hit "Brig. Gen." stays whole
    assert phrase_bounds(doc[4], 2, 3) == (2, 5)  # the sentence still bounds the phrase
