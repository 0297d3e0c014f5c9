"""Provinces of every country, counties outside the US, and natural areas (see geo/states.py,
geo/admin2.py, where/resolve.py and geo/data/areas.tsv)."""

from __future__ import annotations

from tidings.geo import Entry, Gazetteer, districts, gazetteer, norm
from tidings.geo.states import add_states
from tidings.where import find_places
from tidings.where.lexicon import words
from tidings.where.resolve import km


def places(nlp, text: str) -> dict[str, object]:
    return {m.text: m.place for m in find_places(nlp(text))}


def test_a_province_abroad_is_found_and_placed(nlp):
    found = places(nlp, "Health officials said the outbreak began in Anhui province in March.")
    anhui = found["Anhui"]
    assert (anhui.country, anhui.precision) == ("CHN", "admin1")
    assert km(anhui.lat, anhui.lon, 31.8, 117.2) < 161


def test_a_town_in_a_province_is_contained_by_it(nlp):
    found = places(nlp, "A poultry trader from Sukoharjo, Central Java, died in hospital.")
    assert found["Central Java"].country == "IDN"
    assert found["Sukoharjo"].admin1 == found["Central Java"].admin1


def test_province_without_a_direction_word_split_off(nlp):
    # "East Java" is a province, not "Java" (a town in the US state of Georgia)
    found = places(nlp, "The boy died in Tulungagung, East Java, after a week in hospital.")
    assert found["East Java"].country == "IDN"


def test_province_named_as_its_chief_town_is_the_town(nlp):
    # Harare is a province and a city: the bare name is the city
    found = places(nlp, "Cholera cases were reported in Harare on Monday.")
    assert found["Harare"].precision == "city"


def test_minor_province_abroad_does_not_take_a_name_in_another_country(nlp):
    # "Southland" is a region of New Zealand, and the Los Angeles area in Californian news
    text = "Obama flew into Long Beach on Monday, his first visit to the Southland as president."
    found = places(nlp, text)
    assert "Southland" not in found or found["Southland"].country != "NZL"


def test_person_after_a_comma_is_no_province(nlp):
    # "Paul" is a district of Cape Verde; after a comma, here, it opens a person's name
    text = "Help came from the board members Michelle Isom, Paul Astbury and Jeremy Allen."
    assert all(p.country != "CPV" for p in places(nlp, text).values())


def test_list_of_cities_is_no_town_in_a_province(nlp):
    # "Kiev" is also a province of Ukraine; "Moscow, Kiev" is a list, Moscow is not inside it
    text = "The airline hopes to fly between New York and Moscow, Kiev, Minsk and Riga next year."
    assert places(nlp, text)["Moscow"].country == "RUS"


def _gaz_with_towns(*towns: tuple[str, str, str, int]) -> Gazetteer:
    gaz = Gazetteer()
    gaz.countries["XX"] = gaz.add(Entry(1, "Exland", "XX", None, 0.0, 0.0, 10, "country", "A"))
    for i, (name, admin1, lat, population) in enumerate(towns):
        gaz.add(Entry(10 + i, name, "XX", admin1, float(lat), 1.0, population, "city", "P.PPL"))
    return gaz


def test_add_states_names_the_area_after_its_towns_code():
    gaz = _gaz_with_towns(("Alpha", "07", 1, 900), ("Beta", "07", 2, 800), ("Gamma", "08", 5, 50))
    records = [
        ("XX", "Upland Province", "Alpha", 1.0, 1.0, 900),
        ("XX", "Upland Province", "Beta", 2.0, 1.0, 800),
        ("XX", "Nord", "Gamma", 5.0, 1.0, 50),  # a compass word alone: left out
    ]
    add_states(gaz, records, lambda towns: (1.5, 1.0), {})
    (upland,) = [gaz.entries[i] for i in gaz.names[norm("Upland Province")]]
    assert (upland.admin1, upland.population, upland.kind) == ("07", 1700, "admin1")
    assert [gaz.entries[i] for i in gaz.names["upland"]] == [upland]  # "Province" dropped
    assert "nord" not in gaz.names


def test_add_states_leaves_a_province_named_as_a_town_inside_it_to_the_town():
    gaz = _gaz_with_towns(("Capitol", "03", 1, 50_000))
    add_states(gaz, [("XX", "Capitol", "Capitol", 1.0, 1.0, 50_000)], lambda t: (1.0, 1.0), {})
    assert [gaz.entries[i].kind for i in gaz.names["capitol"]] == ["city"]


def test_every_country_has_its_provinces():
    gaz = gazetteer()
    for name, cc in (("KwaZulu-Natal", "ZA"), ("Liaoning", "CN"), ("Artibonite", "HT")):
        assert any(e.kind == "admin1" and e.country == cc for e in gaz.lookup(name)[0]), name


def test_english_county_named_alone_is_the_county(nlp):
    found = places(nlp, "Police in Cambridgeshire arrested two men after the burglary.")
    county = found["Cambridgeshire"]
    assert (county.country, county.feature) == ("GBR", "A.ADM2")
    assert km(county.lat, county.lon, 52.3, 0.0) < 80


def test_county_abroad_beats_a_namesake_town_in_a_story_of_its_country(nlp):
    # Cornwall is also a town of Ontario; beside Exeter and Plymouth it is the English county
    text = (
        "Flooding closed roads in Cornwall and Devon, and trains from Exeter to Plymouth "
        "were cancelled."
    )
    found = places(nlp, text)
    assert (found["Cornwall"].country, found["Cornwall"].feature) == ("GBR", "A.ADM2")


def test_district_known_without_the_words_of_its_kind():
    (laguna,) = districts().bare("Laguna")  # GeoNames: "Province of Laguna"
    assert laguna.country == "PH"


def test_district_named_as_the_town_inside_it_is_the_town():
    assert districts().bare("Liverpool") == []  # the city, not its metropolitan borough
    assert districts().bare("Central") == []


def test_a_name_called_a_state_is_the_state(nlp):
    for text in (
        "Officials declared an emergency throughout New York state on Friday.",
        "The sick cow was found at a farm in the state of Washington last week.",
    ):
        (place,) = [p for p in places(nlp, text).values()]
        assert (place.country, place.precision) == ("USA", "admin1"), text


def test_a_name_called_a_province_is_the_province_even_abroad(nlp):
    # "Ontario" is also a city of California, where the story's other places lie
    text = (
        "Mothers from Los Angeles and San Diego were sent to hospitals in the province of "
        "Ontario, officials said."
    )
    place = places(nlp, text)["Ontario"]
    assert (place.country, place.precision) == ("CAN", "admin1")


def test_oceans_ranges_and_islands_are_areas(nlp):
    text = (
        "Storms form in the Atlantic each summer, climbers were lost in the Himalayas, and "
        "pigs died on farms in Mindanao."
    )
    found = places(nlp, text)
    assert found["Atlantic"].country is None  # the ocean, not Atlantic, Iowa
    assert km(found["Himalayas"].lat, found["Himalayas"].lon, 28.0, 84.0) < 161
    assert found["Mindanao"].country == "PHL"


def test_continental_demonym_is_the_region(nlp):
    text = "A caravan of Central American migrants reached the border town on Sunday."
    found = {m.text: m for m in find_places(nlp(text))}
    assert found["Central American"].place.name == "Central America"
    assert found["Central American"].role == "demonym"


def test_compass_word_alone_or_before_a_hamlet_is_no_place(nlp):
    # "West" and "Wing" are also hamlets (Texas, England)
    text = "Many in the West Wing blamed the West for the crisis with Moscow."
    assert set(places(nlp, text)) <= {"Moscow"}


def test_compass_words_are_direction_words():
    # a compass word is weighed only where a leading direction word is stripped
    assert words("compass") and words("compass") <= words("direction")


def test_compass_word_before_a_country_is_the_country(nlp):
    assert places(nlp, "Floods hit South Venezuela.")["South Venezuela"].country == "VEN"


def test_country_code_opening_a_body_name_is_a_toponym(nlp):
    text = "Reuters reported that a senior US State Department official flew to Cairo."
    found = {m.text: m for m in find_places(nlp(text))}
    assert found["US"].place.country == "USA"


def test_title_of_a_country_is_no_town(nlp):
    # "Republic" is also a town of Missouri
    text = "The envoy of the Republic of Armenia to the Holy See presented his letters."
    found = places(nlp, text)
    assert found.get("Armenia") is not None and found["Armenia"].country == "ARM"
    assert all(p.country != "USA" for p in found.values())


def test_seat_of_government_is_its_city(nlp):
    # White House is also a town of Tennessee
    text = "Aides met at the White House on Monday to discuss the budget."
    assert places(nlp, text)["White House"].admin1 == "DC"


def test_dateline_is_a_town_of_the_storys_country_before_a_country(nlp):
    text = (
        "Kishwaukee College hosts its book sale.\nMALTA – About 5,000 books are stacked in "
        "the gym, as in past years at Sycamore and DeKalb, organisers said."
    )
    malta = places(nlp, text)["MALTA"]
    assert (malta.country, malta.admin1) == ("USA", "IL")


def test_dateline_country_is_a_place_not_a_metonym(nlp):
    text = "LEBANON – Troops shelled the border on Monday, officials in Beirut said."
    found = {m.text: m for m in find_places(nlp(text))}
    assert (found["LEBANON"].place.country, found["LEBANON"].role) == ("LBN", "place")


def test_bc_is_british_columbia(nlp):
    text = "The new FrontCounter BC office opened in Nelson on Monday."
    assert places(nlp, text)["BC"].admin1 == "02"


def test_names_listed_before_provinces_are_provinces(nlp):
    text = "Cases were reported in the Mashonaland West, Manicaland and Midlands provinces."
    found = places(nlp, text)
    assert {found[n].country for n in ("Manicaland", "Midlands")} == {"ZWE"}


def test_a_country_named_like_a_state_in_a_list_of_states_is_the_state(nlp):
    text = "Pistachios were recalled in Alabama, Arizona, Colorado, Georgia, Idaho and Illinois."
    assert places(nlp, text)["Georgia"].admin1 == "GA"


def test_a_state_after_a_comma_still_holds_a_town_named_before_it(nlp):
    found = places(nlp, "The plant in Ontario, California, closed on Friday.")
    assert (found["Ontario"].country, found["Ontario"].admin1) == ("USA", "CA")


def test_demonym_opening_a_body_name_is_no_town(nlp):
    # "Canadian" is also a town of Texas: in "The Canadian Press" it is Canada's demonym
    text = "Pallister said in an interview with The Canadian Press on Friday."
    found = {m.text: m for m in find_places(nlp(text))}
    assert (found["Canadian"].place.country, found["Canadian"].role) == ("CAN", "demonym")


def test_state_named_like_a_town_inside_a_list_of_states_is_the_state(nlp):
    # Washington is also a town of West Virginia; here the list of states goes on
    text = "Cases were found in Utah, Virginia, Washington, West Virginia and Wyoming."
    assert places(nlp, text)["Washington"].admin1 == "WA"
    assert places(nlp, "He was born in Washington, Pennsylvania.")["Washington"].admin1 == "PA"
