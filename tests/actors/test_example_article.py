"""The actors of the design's example article (../shared/examples)."""

from __future__ import annotations

from tests.helpers import covering
from tidings.actors import code_actors


def test_example_article(example_doc):
    text = example_doc.text
    found = code_actors(example_doc)
    kadhimi = [m for m in found if "Al-Kadhimi" in text[m.start : m.end]]
    assert len(kadhimi) >= 3
    assert {m.actor.code for m in kadhimi} == {"IRQGOV"}
    price = covering(text, found, "Ned Price")
    assert price is not None and price.actor.code == "USAGOV"
    united_states = covering(text, found, "The United States")
    assert united_states is not None and united_states.actor.code == "USA"
    agency = covering(text, found, "Associated Press")
    assert agency is not None and agency.actor.code == "USAMED"
    militias = covering(text, found, "pro-Iran")
    assert militias is not None
    assert (militias.actor.sector, militias.actor.affiliation) == ("REB", "IRN")
    green_zone = text.index("Baghdad's Green Zone")
    assert not [m for m in found if m.start == green_zone]  # a place, not an actor
