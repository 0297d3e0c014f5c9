"""Actors whose country or code comes from beyond their own words: a titled person named
with no country takes the only country the sentence names (hand-written sentences)."""

from __future__ import annotations

import pytest

from tidings.actors import code_actors
from tidings.model import ActorMention


def covering(text: str, mentions: list[ActorMention], words: str) -> ActorMention | None:
    at = text.index(words)
    return next((m for m in mentions if m.start <= at and at + len(words) <= m.end), None)


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
