"""Demonyms: a nationality before a thing codes its country (before equipment, its
military), and of two stacked demonyms the first names the country. Sentences written
for these tests."""

from __future__ import annotations

import pytest

from tests.helpers import covering, mentions_of
from tidings.actors import code_actors

NATIONALITY_OF_A_THING = [
    # (text, words inside the mention, expected code): a demonym before an ordinary noun
    # that is a subject or object of its clause stands for its country; equipment nouns
    # stand for the country's military
    ("Bangladesh rejected an Indian proposal.", "Indian", "IND"),
    ("Some 800,000 Iraqi Kurds sought refuge in Germany.", "Iraqi", "IRQ"),
    ("Palestinian prisoners rioted on Monday.", "Palestinian", "PSE"),
    ("Israeli tanks fired shells at the town.", "Israeli tanks", "ISRMIL"),
    ("Israeli army bulldozers demolished the houses.", "Israeli army bulldozers", "ISRMIL"),
    ("Afghan guerillas blew up power lines.", "Afghan guerillas", "AFGREB"),
]


@pytest.mark.parametrize(("text", "words", "code"), NATIONALITY_OF_A_THING)
def test_nationality_before_a_thing_codes_its_country(nlp, text, words, code):
    mention = covering(text, mentions_of(nlp, text), words)
    assert mention is not None, f"no mention covers {words!r}"
    assert mention.actor.code == code


@pytest.mark.parametrize(
    ("text", "words", "code"),
    [
        # two demonyms stacked: the first names where the group lives, the second its people
        ("Bosnian Serbs voted in the referendum.", "Bosnian Serbs", "BIH"),
        ("Bosnian Croat leaders walked out of the talks.", "Bosnian Croat leaders", "BIHGOV"),
    ],
)
def test_stacked_demonyms_take_the_first_country(nlp, text: str, words: str, code: str) -> None:
    mentions = code_actors(nlp(text))
    assert [(m.actor.text, m.actor.code) for m in mentions][:1] == [(words, code)]
