"""Offices held on the article's date: people.tsv's terms (checked on dates either side
of a change), titles in the text, PETRARCH's dated roles, defence ministers.
Sentences written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.helpers import actor_codes, code_of, covering
from tidings.actors import default_coder


@pytest.mark.parametrize(
    ("text", "date", "code"),
    [
        ("Shmyhal spoke on Monday.", dt.date(2025, 7, 16), "UKRGOV"),
        ("Shmyhal spoke on Monday.", dt.date(2025, 7, 17), "UKRGOVMIL"),
        ("Shmyhal spoke on Monday.", dt.date(2026, 1, 13), "UKRGOVMIL"),
        ("Shmyhal spoke on Monday.", dt.date(2026, 1, 14), "UKRGOV"),
        ("Maduro spoke on Monday.", dt.date(2008, 5, 1), "VENGOV"),
        ("Maduro spoke on Monday.", dt.date(2026, 1, 3), "VENGOV"),
        ("Maduro spoke on Monday.", dt.date(2026, 2, 1), "VENELI"),
        ("Delcy Rodriguez spoke on Monday.", dt.date(2026, 2, 1), "VENGOV"),
    ],
)
def test_code_on_the_date(nlp, text: str, date: dt.date, code: str) -> None:
    mentions = default_coder().code(nlp(text), date)
    assert [m.actor.code for m in mentions][:1] == [code]


DATED = [
    # (text, article date, words inside the mention, expected code)
    ("Iraqi security forces arrested two men.", None, "security forces", "IRQCOP"),
    ("Putin met Erdogan in Sochi.", dt.date(2021, 9, 29), "Putin", "RUSGOV"),
    ("Putin met Erdogan in Sochi.", dt.date(2021, 9, 29), "Erdogan", "TURGOV"),
    # people.tsv: the office held on the article's date
    ("Biden said the attack was terrorism.", dt.date(2022, 1, 1), "Biden", "USAGOV"),
    ("Biden said the attack was terrorism.", dt.date(2018, 1, 1), "Biden", "USAELI"),
    ("Biden said the attack was terrorism.", None, "Biden", "USA"),  # no date: country only
    # a title in the text gives the sector, the dictionary the country
    ("President Obama met the king.", dt.date(2000, 1, 1), "President Obama", "USAGOV"),
    ("Former President Obama met the king.", dt.date(2020, 1, 1), "President Obama", "USAELI"),
    ("President Biden condemned the attack.", None, "President Biden", "USAGOV"),
]


@pytest.mark.parametrize(("text", "date", "words", "code"), DATED)
def test_codes_the_actor_on_the_date(nlp, text, date, words, code):
    mention = covering(text, default_coder().code(nlp(text), date), words)
    assert mention is not None, f"no mention covers {words!r}"
    assert mention.actor.code == code


OFFICES = [
    # people.tsv offices that changed after mid-2025
    ("Shmyhal visited the front.", dt.date(2025, 9, 1), "Shmyhal", "UKRGOVMIL"),
    ("Shmyhal visited the front.", dt.date(2024, 9, 1), "Shmyhal", "UKRGOV"),
    ("Lecornu spoke in Paris.", dt.date(2025, 10, 20), "Lecornu", "FRAGOV"),
    ("Lecornu spoke in Paris.", dt.date(2024, 10, 20), "Lecornu", "FRAGOVMIL"),
    ("Barham Salih spoke in Geneva.", dt.date(2026, 3, 1), "Barham Salih", "IGOUNOREFHCR"),
    # leaders of the 2000s, named in archived news
    ("Livni met the envoy in Jerusalem.", dt.date(2008, 8, 6), "Livni", "ISRGOV"),
    ("Livni met the envoy in Jerusalem.", dt.date(2010, 8, 6), "Livni", "ISROPP"),
    ("Talabani flew to Tehran.", dt.date(2008, 8, 6), "Talabani", "IRQGOV"),
    ("Kibaki and Odinga signed the deal.", dt.date(2008, 8, 6), "Kibaki", "KENGOV"),
]


@pytest.mark.parametrize(("text", "date", "words", "code"), OFFICES)
def test_office_on_the_date(nlp, text, date, words, code):
    assert code_of(nlp, text, words, date) == code


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
    titled = actor_codes(nlp, "The German defence minister visited Kyiv.", date)
    named = actor_codes(nlp, "Lloyd Austin visited Kyiv.", date)
    assert titled.get("The German defence minister", "")[3:] == named.get("Lloyd Austin", "")[3:]
