"""The CAMEO code a hand-written sentence gets: one sentence per root, the subcode its
wording names and the root's default where it names none, PLOVER's type and mode, and
the coder's ids and options.

Actors are given by hand (words -> code, see tests/helpers.py), so these tests pin
the event coder alone; the actors stage has its own tests."""

from __future__ import annotations

import pytest

from tests.helpers import coded, triples


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russia attacked Ukraine on Monday.", ("190", "RUS", "UKR")),
        ("Ukraine was attacked by Russia.", ("190", "RUS", "UKR")),
        ("Washington condemned Russia.", ("111", "USAGOV", "RUS")),
        ("the United States imposed sanctions on Russia.", ("163", "USA", "RUS")),
        ("police imposed a curfew on the town.", ("1723", "NGACOP", None)),
        ("police arrested dozens of protesters.", ("173", "NGACOP", "NGACVL")),
        ("militants kidnapped two aid workers.", ("181", "NGAREB", None)),
        ("Israel carried out air strikes on Gaza.", ("195", "ISR", "PSE")),
        ("Russia shelled the outskirts of Kyiv.", ("194", "RUS", None)),
        ("Iran hosted Saudi Arabia for talks.", ("043", "IRN", "SAU")),
        # "urged X to withdraw" is an appeal for de-escalation (0256), not a bare appeal (020)
        ("the minister urged Russia to withdraw.", ("0256", "FRAGOV", "RUS")),
        ("protesters rallied outside parliament.", ("141", "NGACVL", None)),
    ],
)
def test_codes_and_arguments(nlp, text, expected):
    assert expected in triples(coded(nlp, text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # with no other target, the country of the event's place is its target (PETRARCH)
        ("Washington commented on the election in Ukraine.", ("010", "USAGOV", "UKR")),
        ("Russia urged Ukraine to negotiate.", ("026", "RUS", "UKR")),
        ("Russia offered to host talks with Ukraine.", ("036", "RUS", "UKR")),
        ("Russia met Ukraine in Geneva.", ("040", "RUS", "UKR")),
        ("Russia praised Ukraine.", ("051", "RUS", "UKR")),
        ("Russia and Ukraine cooperated on border security.", ("063", "RUS", "UKR")),
        ("Russia sent humanitarian aid to Ukraine.", ("073", "RUS", "UKR")),
        ("Russia released prisoners to Ukraine.", ("0841", "RUS", "UKR")),
        ("Russia investigated Ukraine.", ("090", "RUS", "UKR")),
        ("Russia demanded the release of Ukraine's soldiers.", ("1053", "RUS", "UKR")),
        ("Russia criticised Ukraine.", ("111", "RUS", "UKR")),
        ("Russia rejected the proposal from Ukraine.", ("127", "RUS", "UKR")),
        ("Russia threatened Ukraine.", ("130", "RUS", "UKR")),
        ("protesters demonstrated against Russia.", ("141", "NGACVL", "RUS")),
        ("Russia deployed troops to the border with Ukraine.", ("154", "RUS", "UKR")),
        ("Russia expelled diplomats from Ukraine.", ("161", "RUS", None)),
        ("police arrested protesters.", ("173", "NGACOP", "NGACVL")),
        ("militants abducted protesters.", ("181", "NGAREB", "NGACVL")),
        ("Russia shelled Ukraine.", ("194", "RUS", "UKR")),
        ("Russia used chemical weapons against Ukraine.", ("2041", "RUS", "UKR")),
    ],
)
def test_one_sentence_per_root(nlp, text, expected):
    found = triples(coded(nlp, text, require_actor=True))
    assert expected in found and {code for code, _, _ in found} == {expected[0]}


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Israel launched an air strike on Gaza.", "195"),
        ("Israel carried out a drone strike on Gaza.", "195"),
        ("militants carried out a suicide bombing in Israel.", "1831"),
        ("Russia hosted talks between Iran and Saudi Arabia.", "043"),
        ("Russia mediated between Iran and Saudi Arabia.", "045"),
        ("Russia condemned Ukraine.", "111"),
        ("Russia imposed a curfew on Ukraine.", "1723"),
        ("the United States imposed sanctions on Russia.", "163"),
        ("Russia accused Ukraine of war crimes.", "1124"),
        ("Russia refused to release prisoners to Ukraine.", "1243"),
        ("Russia said Ukraine must release the prisoners.", "1053"),
    ],
)
def test_wording_decides_the_subcode(nlp, text, code):
    assert code in {e.cameo.code for e in coded(nlp, text)}


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Russia warned Ukraine.", "130"),  # a warning of nothing named: the root default
        ("Russia threatened Ukraine with unspecified steps.", "130"),
        ("Russia urged Ukraine to reconsider.", "020"),
    ],
)
def test_generic_wording_falls_back_to_the_root_default(nlp, text, code):
    assert {e.cameo.code for e in coded(nlp, text, require_actor=True)} == {code}


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("On Monday the rebels bombarded Chile.", "190"),
        ("On Monday the rebels bombarded Chile with artillery.", "194"),
        ("A bombardment of Chile by the rebels lasted two days.", "190"),
        ("On Monday the rebels murdered two officials of Chile.", "190"),
        ("On Monday the rebels stabbed two officials of Chile.", "182"),
    ],
)
def test_wording_that_names_no_means_falls_back_to_the_root(nlp, text, code):
    """Bombarding or murdering says nothing of the weapon: 190, not artillery (194) or
    killing by physical assault (1823); stabbing names the means but not a death (182)."""
    found = {c for c, _, _ in triples(coded(nlp, text)) if c.startswith(code[:2])}
    assert found == {code}, found


def test_seizing_parts_of_a_country_occupies_territory(nlp):
    assert ("192", "PERREB", "BOL") in triples(coded(nlp, "the rebels seized parts of Bolivia."))


def test_drone_strike_is_aerial_with_drone_mode_and_acled_type(nlp):
    strike = coded(nlp, "A drone strike hit the convoy.", require_actor=False)[0]
    assert strike.cameo.code == "195"
    assert strike.plover is not None and strike.plover.type == "ASSAULT"
    assert strike.plover.mode == "drone"
    assert strike.acled is not None and strike.acled.sub_event_type == "Air/drone strike"


def test_a_resignation_is_a_plover_retreat(nlp):
    """CAMEO's yield (080) is a PLOVER CONCEDE, but PLOVER counts resigning a RETREAT."""
    (event,) = coded(nlp, "The Peruvian minister resigned on Monday.")
    assert (event.cameo.code, event.plover.type, event.plover.mode) == ("080", "RETREAT", "resign")


def test_a_words_mode_does_not_follow_it_into_a_frame(nlp):
    """ "declined to resign" is a refusal (REJECT), not a resignation (RETREAT)."""
    events = coded(nlp, "The Peruvian minister refused to resign.")
    assert {e.plover.type for e in events} == {"REJECT"}, [(e.cameo.code, e.plover) for e in events]


def test_event_ids_are_stable_content_keys(nlp):
    first = [e.event_id for e in coded(nlp, "Russia attacked Ukraine.")]
    second = [e.event_id for e in coded(nlp, "Russia attacked Ukraine.")]
    assert first == second and len(set(first)) == len(first)


def test_events_without_any_actor_are_dropped_when_asked(nlp):
    assert coded(nlp, "A drone strike hit the convoy.")
    assert coded(nlp, "A drone strike hit the convoy.", require_actor=True) == []
