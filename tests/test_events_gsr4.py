"""Event-coder constructions of session 3, on hand-written sentences.

Actors are given by hand (words -> code), as in test_events.py, so these tests pin the
coder alone."""

from __future__ import annotations

import datetime as dt

import pytest

from hand_coded import code_with_actors, triples
from tidings.errors import DataFileError
from tidings.events.frames import load_frames
from tidings.events.ontology import VIOLENT_ROOTS, Ontology
from tidings.toll import attach

ACTORS = {
    "Peru": "PER",
    "Chile": "CHL",
    "Bolivia": "BOL",
    "Lima": "PERGOV",
    "the rebels": "PERREB",
    "Brazil": "BRA",
}


def coded(nlp, text: str):
    return code_with_actors(nlp, text, ACTORS, dt.date(2021, 5, 1))


def test_violent_roots_are_one_fact_in_the_ontology():
    """The toll stage and the events coder read the same set of violent roots."""
    assert attach.VIOLENT_ROOTS is VIOLENT_ROOTS
    assert Ontology.is_violent("1823") and Ontology.is_violent("19")
    assert not Ontology.is_violent("173")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a conference of several parties is a meeting at a third location ...
        ("Peru will attend a conference on the crisis in Bolivia.", ("044", "PER", "BOL")),
        # ... but one held in a named country is a visit to that country
        ("Peru attended a conference in Chile.", ("042", "PER", "CHL")),
        # ordering or asking for an investigation: CAMEO's information subcodes
        ("Lima ordered an investigation against Chile.", ("1014", "PERGOV", "CHL")),
        ("Brazil urged Chile to investigate the rebels.", ("0214", "BRA", "CHL")),
        # asking for help is an appeal for aid
        ("Bolivia asked Brazil for help.", ("023", "BOL", "BRA")),
        # wanting another to use force is an appeal for material action ...
        ("Brazil wants Peru to attack Bolivia.", ("021", "BRA", "PER")),
        # ... and asking it not to, an appeal for de-escalation
        ("Brazil urged Peru not to attack Bolivia.", ("0256", "BRA", "PER")),
        # support of no named kind is material cooperation: refusing it rejects it (121)
        ("Brazil said Peru would not provide support to Bolivia.", ("121", "PER", "BOL")),
        ("Peru provided financial support to Bolivia.", ("071", "PER", "BOL")),
    ],
)
def test_session3_frames_and_wordings(nlp, text, expected):
    assert expected in triples(coded(nlp, text)), triples(coded(nlp, text))


def test_a_pledged_coercive_act_is_that_act_in_the_future(nlp):
    """ "pledged to expel" is the expulsion (174), future; pledged force stays a threat."""
    events = coded(nlp, "Chile pledged to expel the rebels.")
    assert {(e.cameo.code, e.modality) for e in events} == {("174", "future")}, triples(events)
    assert ("138", "CHL", "PERREB") in triples(coded(nlp, "Chile pledged to attack the rebels."))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the weapon decides the attack, and whoever fired it is the doer
        ("A plane was shot down by a missile fired by the rebels.", ("194", "PERREB", None)),
        ("Two were killed by a roadside bomb planted by the rebels.", ("1833", "PERREB", None)),
        ("A house in Lima was destroyed by a Bolivian rocket.", ("194", "BOL", None)),
    ],
)
def test_an_attack_done_by_a_weapon_is_coded_by_the_weapon(nlp, text, expected):
    found = triples(coded(nlp, text))
    code, source, _ = expected
    assert any(c == code and s == source for c, s, _ in found), found
    # the participle on the weapon ("fired", "planted") is the same attack
    assert len({c for c, _, _ in found}) == 1, found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the preposition that decides the code may hang on the passive subject
        ("Evidence against Chile was presented by Peru.", ("112", "PER", "CHL")),
        # a receiving verb in the passive: the giver after "from", the "by" agent receives
        ("Assurances from Peru were received by Bolivia.", ("030", "PER", "BOL")),
    ],
)
def test_passive_wordings(nlp, text, expected):
    assert expected in triples(coded(nlp, text)), triples(coded(nlp, text))


def test_an_allegation_accuses_the_subject_of_its_clause(nlp):
    """ "alleged that X attacked Y" accuses X; what is alleged is not coded as done."""
    events = coded(nlp, "Peru alleged that Chile attacked Bolivia.")
    assert {(c, s, t) for c, s, t in triples(events)} == {("1123", "PER", "CHL")}
    events = coded(nlp, "Peru alleged that Chile was aware of the plot and helped the rebels.")
    assert triples(events) == {("112", "PER", "CHL")}, triples(events)


def test_a_report_speaks_for_the_country_it_was_released_in(nlp):
    text = "A report released on Monday in the Bolivian capital alleged that Chile lied."
    assert ("112", "BOL", "CHL") in triples(coded(nlp, text)), triples(coded(nlp, text))


def test_a_conjoined_passive_shares_the_first_verbs_subject(nlp):
    """ "Chile detained X and was condemned by Peru": Chile is who was condemned."""
    events = coded(nlp, "Chile detained the rebels and was condemned by Peru.")
    assert ("111", "PER", "CHL") in triples(events), triples(events)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an order to coerce, mobilise or use force is that act, by whoever ordered it
        ("Lima ordered the arrest of the rebels.", ("173", "PERGOV", "PERREB")),
        ("Peru ordered air strikes on the rebels.", ("195", "PER", "PERREB")),
        # ... even where others carry it out
        ("Lima ordered patrols by the rebels.", ("150", "PERGOV", None)),
        # an order to de-escalate or to investigate stays a demand
        ("Peru ordered Chile to withdraw its troops.", ("1056", "PER", "CHL")),
    ],
)
def test_an_order_to_act_by_force_is_the_act(nlp, text, expected):
    assert expected in triples(coded(nlp, text)), triples(coded(nlp, text))


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        # withdrawing international involvement is 166x, and announced ahead a threat (136)
        ("Peru withdrew its peacekeeping force from Bolivia.", "1661", "0874"),
        ("Lima said Peru will withdraw its observers from Bolivia.", "136", "0874"),
        # going back somewhere is no yield; going back to talks is negotiating
        ("Peru and Chile returned to talks in Lima.", "046", "084"),
        ("Peru returned the prisoners to Chile.", "0841", "084"),
        ("Peru returned the seized helicopter to Chile.", "0842", "084"),
        ("Chile blockaded Bolivia.", "191", None),
    ],
)
def test_withdrawing_returning_and_blockading(nlp, text, present, absent):
    codes = {c for c, _, _ in triples(coded(nlp, text))}
    assert present in codes and absent not in codes, codes


def test_going_back_to_a_place_is_not_a_return(nlp):
    assert not {c for c, _, _ in triples(coded(nlp, "Peru's envoy returned to Lima."))} & {
        "084",
        "0841",
    }


def test_a_resignation_is_a_plover_retreat(nlp):
    """CAMEO's yield (080) is a PLOVER CONCEDE, but PLOVER counts resigning a RETREAT."""
    (event,) = coded(nlp, "The Peruvian minister resigned on Monday.")
    assert (event.cameo.code, event.plover.type, event.plover.mode) == ("080", "RETREAT", "resign")


def test_seizing_parts_of_a_country_occupies_territory(nlp):
    assert ("192", "PERREB", "BOL") in triples(coded(nlp, "the rebels seized parts of Bolivia."))


def test_a_words_mode_does_not_follow_it_into_a_frame(nlp):
    """ "declined to resign" is a refusal (REJECT), not a resignation (RETREAT)."""
    events = coded(nlp, "The Peruvian minister refused to resign.")
    assert {e.plover.type for e in events} == {"REJECT"}, [(e.cameo.code, e.plover) for e in events]


def test_a_weapon_fired_from_a_place_comes_from_its_country(nlp):
    events = coded(nlp, "The convoy was hit by a rocket fired from Bolivia.")
    assert ("194", "BOL", None) in triples(events), triples(events)


def test_a_weapon_as_subject_decides_the_attack_once(nlp):
    """ "a Bolivian rocket hit Chile": one rocket attack by Bolivia, not a bare 190."""
    assert triples(coded(nlp, "A Bolivian rocket hit Chile.")) == {("194", "BOL", "CHL")}


def test_not_wanting_another_to_attack_asks_for_de_escalation(nlp):
    events = coded(nlp, "Brazil does not want Peru to attack Bolivia.")
    assert ("0256", "BRA", "PER") in triples(events), triples(events)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what is demanded or urged "that" someone do is asked of that someone
        ("Brazil demanded that Chile end its blockade.", ("Chile", "CHL")),
        ("Peru urged that Bolivia open its borders.", ("Bolivia", "BOL")),
    ],
)
def test_a_demand_that_someone_act_targets_them(nlp, text, expected):
    events = coded(nlp, text)
    assert any(e.target and e.target.code == expected[1] for e in events), triples(events)


def test_keeping_the_act_is_only_for_commitments_and_orders(tmp_path):
    bad = tmp_path / "frames.tsv"
    bad.write_text("frame\tgoverned\tcode\nappeal\t19\t=\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"frames.tsv:2.*commit, command"):
        load_frames(bad)
