"""Open-world actors: named participants no dictionary entry knows are actors with their
text, coded as far as their own words and the story say, with the basis of the code.
Sentences written for these tests; kind words are checked on small parsed names."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.helpers import covering, mentions_of
from tidings.actors import default_coder
from tidings.actors.lexicon import load_kinds
from tidings.actors.unlisted import name_kind
from tidings.errors import DataFileError
from tidings.events import EventCoder
from tidings.model import Article, to_record


def actor_of(nlp, text: str, words: str):
    mention = covering(text, mentions_of(nlp, text), words)
    assert mention is not None, f"no mention covers {words!r}"
    return mention.actor


UNCODED = [
    # (text, words, the mention's text): a name and nothing else known of it
    ("Dzhokhar Tsarnaev apologized to the victims.", "Tsarnaev", "Dzhokhar Tsarnaev"),
    ("Ford has announced sweeping cuts.", "Ford", "Ford"),
]


@pytest.mark.parametrize(("text", "words", "name"), UNCODED)
def test_an_unlisted_name_is_an_actor_with_no_invented_code(nlp, text, words, name):
    actor = actor_of(nlp, text, words)
    assert (actor.text, actor.code, actor.country, actor.sector) == (name, None, None, None)
    assert actor.basis is None


KINDS = [
    # (text, words, code): the sector from a kind word of the name, the country from its words
    ("General Motors said it would cut 4,000 jobs.", "General Motors", "BUS"),
    ("Apple Inc. sued its rival.", "Apple Inc.", "BUS"),
    ("The Toronto Police Service arrested two men.", "Toronto Police Service", "CANCOP"),
    ("The Nusra Front claimed the attack.", "Nusra Front", "REB"),
    ("Zenith Bank cut its rates.", "Zenith Bank", "BUS"),
]


@pytest.mark.parametrize(("text", "words", "code"), KINDS)
def test_kind_words_give_an_unlisted_body_its_sector(nlp, text, words, code):
    actor = actor_of(nlp, text, words)
    assert (actor.code, actor.basis) == (code, "inferred")


@pytest.mark.parametrize(
    ("name", "sector"),
    [
        ("Los Angeles Police Department", "COP"),  # police outranks department
        ("Bank of America", "BUS"),
        ("Hospital Workers Union", "LAB"),  # the head on a tie
        ("Singapore Airlines", "BUS"),
        ("COVID-19", None),  # no participant at all
    ],
)
def test_the_kind_of_a_name(nlp, name, sector):
    doc = nlp(name)
    kind = name_kind(doc[:], default_coder().lexicon)
    assert kind is not None and kind.sector == sector


def test_a_bad_kinds_line_is_named(tmp_path):
    path = tmp_path / "kinds.tsv"
    path.write_text("word\tsector\tpriority\tdomestic\ncompany\tXYZ\t2\tno\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"kinds.tsv.*2|unknown sector"):
        load_kinds(path, frozenset({"BUS"}))


def test_a_city_before_police_gives_their_country(nlp):
    text = "Montreal police arrested Marc Emery on Tuesday."
    actor = actor_of(nlp, text, "police")
    assert (actor.code, actor.basis) == ("CANCOP", "inferred")


def test_known_entries_keep_their_code_and_say_so(nlp):
    text = "Iraqi security officials met Russian President Vladimir Putin."
    assert actor_of(nlp, text, "security officials").code == "IRQCOP"
    actor = actor_of(nlp, text, "Vladimir Putin")
    assert (actor.code, actor.basis) == ("RUSGOV", "known")


def test_an_apposition_codes_the_name_it_describes(nlp):
    text = "Marc Emery, a Canadian activist, was arrested. He denied the charges."
    assert actor_of(nlp, text, "Marc Emery").code == "CANOPP"
    assert actor_of(nlp, text, "He").code == "CANOPP"


def test_a_surname_later_is_the_full_name(nlp):
    text = "Police arrested Marc Emery, a Canadian activist, on Tuesday. Emery was charged."
    later = [m for m in mentions_of(nlp, text) if text[m.start : m.end] == "Emery"]
    assert [(m.actor.text, m.actor.code) for m in later] == [("Emery", "CANOPP")]


def test_the_company_is_the_company_named_before(nlp):
    text = "Ford has announced sweeping cuts. The company said 5,000 jobs would go."
    assert actor_of(nlp, text, "Ford").code == "BUS"  # what "the company" shows it is
    assert actor_of(nlp, text, "The company").text == "The company"
    assert actor_of(nlp, text, "The company").basis == "inferred"


def test_a_pronoun_stands_for_an_unlisted_person(nlp):
    text = "Dzhokhar Tsarnaev stood up in court. He apologized to the victims."
    he = actor_of(nlp, text, "He")
    assert he.code is None
    mentions = mentions_of(nlp, text)
    assert covering(text, mentions, "He") is not None


EXECUTIVES = [
    ("Mary Barra, chief executive of General Motors, said plants would close.", "Mary Barra"),
    ("Ford chief executive Jim Hackett said he would resign.", "Jim Hackett"),
    ("A spokesman for Ford Motor Co. said the plant would close.", "spokesman"),
]


@pytest.mark.parametrize(("text", "words"), EXECUTIVES)
def test_company_officers_are_business(nlp, text, words):
    actor = actor_of(nlp, text, words)
    assert actor.sector == "BUS"


def test_unlisted_actors_fill_argument_slots(nlp):
    """The events stage finds the new mentions by their tokens, with no change of its own."""
    text = "Montreal police arrested Marc Emery on Tuesday."
    doc = nlp(text)
    article = Article("a", dt.date(2019, 1, 1), text)
    events = EventCoder().code(doc, article, default_coder().code(doc, article.date))
    arrest = [e for e in events if e.trigger == "arrested"]
    assert arrest and arrest[0].target is not None and arrest[0].target.text == "Marc Emery"
    assert arrest[0].source is not None and arrest[0].source.code == "CANCOP"
    record = to_record(arrest[0])
    # the story is Montreal's: a person it gives no country of their own is Canadian
    assert arrest[0].target.code == "CAN"
    assert record["target"]["basis"] == "inferred" and record["source"]["basis"] == "inferred"
