"""The where stage: toponyms resolved against GeoNames, and events tied to their places."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from tidings.model import Cameo, EventMention, PlaceMention
from tidings.where import find_places, locate_events
from tidings.where.gazetteer import gazetteer

BAGHDAD = (33.34, 44.40)
EXAMPLE = (
    Path(__file__).resolve().parents[2] / "shared" / "examples" / "iraq-pm-drone-2021-11-07.txt"
)


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    p = math.pi / 180
    h = (
        math.sin((b[0] - a[0]) * p / 2) ** 2
        + math.cos(a[0] * p) * math.cos(b[0] * p) * math.sin((b[1] - a[1]) * p / 2) ** 2
    )
    return 12742 * math.asin(math.sqrt(h))


def named(places: list[PlaceMention], text: str) -> list[PlaceMention]:
    return [m for m in places if m.text == text]


def event(text: str, trigger: str) -> EventMention:
    start = text.index(trigger)
    return EventMention(
        event_id="e1",
        article_id="a1",
        sentence_index=0,
        evidence=text,
        trigger=trigger,
        trigger_start=start,
        trigger_end=start + len(trigger),
        cameo=Cameo("190", "19", 4, -10.0),
    )


@pytest.mark.parametrize(
    ("sentence", "word", "country", "admin1", "precision"),
    [
        ("Gunmen attacked a checkpoint in Mosul, Iraq, on Monday.", "Mosul", "IRQ", None, "city"),
        ("He grew up in Springfield, Illinois.", "Springfield", "USA", "IL", "city"),
        ("He lives in Springfield, Ill., with his wife.", "Springfield", "USA", "IL", "city"),
        ("She moved to Paris last year.", "Paris", "FRA", None, "city"),
        ("Fighting continued in northern Syria.", "Syria", "SYR", None, "country"),
        ("Rebels attacked a convoy near Aleppo.", "Aleppo", "SYR", None, "city"),
    ],
)
def test_place_is_resolved(nlp, sentence, word, country, admin1, precision):
    found = named(find_places(nlp(sentence)), word)
    assert len(found) == 1, find_places(nlp(sentence))
    place = found[0].place
    assert (place.country, place.precision) == (country, precision)
    if admin1 is not None:
        assert place.admin1 == admin1


def test_mention_offsets_index_the_text(nlp):
    text = "A bomb exploded in Baghdad."
    (mention,) = find_places(nlp(text))
    assert text[mention.start : mention.end] == mention.text == "Baghdad"


def test_baghdad_lies_at_baghdad(nlp):
    (mention,) = find_places(nlp("A bomb exploded in Baghdad."))
    assert mention.place.country == "IRQ"
    assert km((mention.place.lat, mention.place.lon), BAGHDAD) < 30


def test_country_has_a_point_at_its_capital(nlp):
    (mention,) = find_places(nlp("Protests spread in Iraq."))
    assert mention.place.precision == "country"
    assert km((mention.place.lat, mention.place.lon), BAGHDAD) < 30


@pytest.mark.parametrize(
    "sentence",
    [
        "Washington said it would respond.",
        "Iraq announced new elections.",
        "An Iraqi official was killed.",
        "US officials declined to comment.",
    ],
)
def test_actors_and_demonyms_are_not_places(nlp, sentence):
    assert find_places(nlp(sentence)) == []


def test_possessive_landmark_falls_back_to_its_city(nlp):
    places = find_places(nlp("Gunfire was exchanged near Baghdad's Green Zone on Sunday."))
    (zone,) = named(places, "Green Zone")
    assert zone.place.name == "Baghdad" and zone.place.precision == "landmark"


def test_county_resolves_to_its_state(nlp):
    places = find_places(nlp("Two men were arrested in Laurel County, Ky., on Friday."))
    (mention,) = named(places, "Laurel County")
    assert (mention.place.admin1, mention.place.precision) == ("KY", "admin1")


def test_gazetteer_loads_once():
    assert gazetteer() is gazetteer()


def test_event_takes_the_place_of_its_own_clause(nlp):
    text = "Rebels attacked a convoy near Aleppo, while talks continued in Geneva."
    doc = nlp(text)
    (located,) = locate_events(doc, [event(text, "attacked")])
    assert located.location is not None and located.location.name == "Aleppo"
    assert located.location_text == "Aleppo"
    (talks,) = locate_events(doc, [event(text, "continued")])
    assert talks.location is not None and talks.location.name == "Geneva"


def test_event_without_any_place_gets_none(nlp):
    text = "The minister condemned the attack."
    (located,) = locate_events(nlp(text), [event(text, "condemned")])
    assert located.location is None and located.location_text is None


def test_event_falls_back_to_the_document_focus(nlp):
    text = "A bomb exploded in Mosul. Later, officials condemned the attack."
    (located,) = locate_events(nlp(text), [event(text, "condemned")])
    assert located.location is not None and located.location.country == "IRQ"


@pytest.fixture(scope="module")
def example(nlp):
    if not EXAMPLE.is_file():
        pytest.skip(f"needs the example article at {EXAMPLE}, which is absent")
    text = EXAMPLE.read_text(encoding="utf-8").split("\n", 1)[1]
    return text, nlp(text)


def test_example_finds_baghdad(example):
    _, doc = example
    baghdad = named(find_places(doc), "Baghdad")
    assert baghdad
    for mention in baghdad:
        assert km((mention.place.lat, mention.place.lon), BAGHDAD) < 30


def test_example_green_zone_stays_in_iraq(example):
    _, doc = example
    zones = [m for m in find_places(doc) if m.text in ("Green Zone", "Greenzone")]
    assert all(m.place.country == "IRQ" for m in zones)


def test_example_drone_strike_is_located_in_iraq(example):
    text, doc = example
    (located,) = locate_events(doc, [event(text, "drone strike")])
    assert located.location is not None
    assert located.location.country == "IRQ"
    assert located.location.name in ("Baghdad", "Iraq")
