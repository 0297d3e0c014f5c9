"""Actor coding, round 2: collective people nouns, commissions and nationals, stacked
demonyms, object pronouns and defence ministers (hand-written sentences)."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest

from tidings.actors import code_actors, default_coder, load_lexicon
from tidings.errors import DataFileError
from tidings.resources import package_file


def _codes(nlp, text: str, date: dt.date | None = None) -> dict[str, str]:
    return {m.actor.text: m.actor.code for m in default_coder().code(nlp(text), date)}


@pytest.mark.parametrize(
    ("text", "words", "code"),
    [
        # a collective noun for people takes the role word before it
        ("Dutch military personnel left the base on Friday.", "Dutch military personnel", "NLDMIL"),
        ("Two Chilean police personnel were hurt.", "Two Chilean police personnel", "CHLCOP"),
        ("Canadian embassy staff were evacuated.", "Canadian embassy staff", "CANGOV"),
        ("Medical personnel from Cuba arrived in the city.", "Medical personnel", "CUBHLH"),
        # a state commission named after its country is the government's, not the country
        (
            "The Zambia Electoral Commission postponed the vote.",
            "The Zambia Electoral Commission",
            "ZMBGOV",
        ),
        # nationals and citizens are civilians of their country
        ("A Dutch national was detained at the airport.", "A Dutch national", "NLDCVL"),
        ("Three Belgian nationals were kidnapped.", "Three Belgian nationals", "BELCVL"),
        # "Islamic fundamentalists": a group with no armed role, civilians
        ("Islamic fundamentalists staged a sit-in.", "Islamic fundamentalists", "CVL"),
    ],
)
def test_round2_role_kinds(nlp, text: str, words: str, code: str) -> None:
    assert _codes(nlp, text).get(words) == code


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


def test_object_pronoun_takes_the_person_before(nlp) -> None:
    text = "Peruvian President Ollanta Humala landed in Madrid. Spanish guards escorted him."
    mentions = code_actors(nlp(text))
    him = [m for m in mentions if m.actor.text == "him"]
    assert [m.actor.code for m in him] == ["PERGOV"]


def test_object_pronoun_skips_its_own_clause_subject(nlp) -> None:
    text = "Ugandan soldiers chased Congolese rebels across the river and captured them."
    mentions = code_actors(nlp(text))
    them = [m for m in mentions if m.actor.text == "them"]
    assert [m.actor.code for m in them] == ["CODREB"]


def test_possessive_her_is_not_an_object_pronoun(nlp) -> None:
    mentions = code_actors(nlp("Police searched her house in Lima."))
    assert all(m.actor.text != "her" for m in mentions)


@pytest.mark.parametrize(
    ("text", "date", "code"),
    [
        # defence ministers as Phoenix's DEFENCE_MINIST and sectors.tsv's title: GOVMIL
        ("Lloyd Austin spoke on Monday.", dt.date(2022, 3, 1), "USAGOVMIL"),
        ("Pistorius spoke on Monday.", dt.date(2024, 3, 1), "DEUGOVMIL"),
        ("Prabowo spoke on Monday.", dt.date(2022, 3, 1), "IDNGOVMIL"),
        ("Prabowo spoke on Monday.", dt.date(2025, 3, 1), "IDNGOV"),
        # a general stays MIL
        ("Min Aung Hlaing spoke on Monday.", dt.date(2022, 3, 1), "MMRMIL"),
    ],
)
def test_defence_ministers_are_govmil(nlp, text: str, date: dt.date, code: str) -> None:
    mentions = default_coder().code(nlp(text), date)
    assert [m.actor.code for m in mentions][:1] == [code]


def test_defence_minister_title_and_person_agree(nlp) -> None:
    date = dt.date(2022, 3, 1)
    titled = _codes(nlp, "The German defence minister visited Kyiv.", date)
    named = _codes(nlp, "Lloyd Austin visited Kyiv.", date)
    assert titled.get("The German defence minister", "")[3:] == named.get("Lloyd Austin", "")[3:]


@pytest.mark.parametrize(
    ("text", "words", "code"),
    [
        # a place name two countries share takes the one the document names otherwise
        ("Militias in Tripoli fought all night. Lebanese troops moved in.", "Militias", "LBNREB"),
        ("Militias in Tripoli fought all night. Libyan troops moved in.", "Militias", "LBYREB"),
        # with no other country named, the lexicon's own reading stays
        ("Militias in Tripoli fought all night.", "Militias", "LBYREB"),
    ],
)
def test_shared_place_name_follows_the_document(nlp, text: str, words: str, code: str) -> None:
    assert _codes(nlp, text).get(words) == code


def test_shared_place_countries_must_be_known(tmp_path) -> None:
    folder = tmp_path / "data"
    shutil.copytree(package_file("tidings.actors", "data"), folder)
    path = folder / "ambiguous.tsv"
    path.write_text(path.read_text(encoding="utf-8") + "Tripoli\tLBY|XXA\n", "utf-8")
    with pytest.raises(DataFileError, match="ambiguous.tsv:.*two or more codes"):
        load_lexicon(folder)


def test_country_name_opening_a_longer_name_codes_the_body(nlp) -> None:
    mentions = code_actors(nlp("The Kenya Anti-Poaching Unit seized ivory."))
    assert [(m.actor.text, m.actor.code) for m in mentions] == [
        ("The Kenya Anti-Poaching Unit", "KEN")
    ]
