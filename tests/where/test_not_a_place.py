"""Names that are not places though a town bears them (where/people.py): a person's
surname or first name, people listed together, a part of a double surname, a person the
tagger names alone again and again, an acronym the story spells out as a body's, a
work's title, a small town abroad inside a body's name. Sentences written for these
tests."""

from __future__ import annotations

from spacy.tokens import Span

from tests.helpers import blank_doc
from tidings.geo import gazetteer
from tidings.where import find_places
from tidings.where.people import not_a_place, person_abroad


def test_surname_of_a_person_the_story_names_is_no_town(nlp):
    text = "Elizabeth Fairfield is accused of theft. Fairfield's lawyers asked for a delay."
    assert find_places(nlp(text)) == []
    # a preposition of place still makes the name a town
    text = "Elizabeth Fairfield is accused of theft. She was arrested in Fairfield on Monday."
    assert [m.text for m in find_places(nlp(text))] == ["Fairfield"]


def test_people_are_not_places(nlp):
    # a first name is no town, though one is "Mary"
    assert find_places(nlp("Mary Jones declined to comment.")) == []


def test_people_listed_together_are_no_places(nlp):
    assert find_places(nlp("Doctors told Kristina and Tim to wait a year.")) == []


def _texts(nlp, text: str) -> set[str]:
    return {m.text for m in find_places(nlp(text)) if m.role == "place"}


def test_a_part_of_a_double_surname_is_the_person(nlp):
    text = (
        "Mayor Carlos Rosselló Nevares resigned on Friday. Leaked chats between Rosselló "
        "and eleven aides mocked victims. Rosselló said he was sorry."
    )
    assert "Rosselló" not in _texts(nlp, text)


def _acronym(text: str, word: str) -> bool:
    """Whether the last `word` of `text` is no place, read on the tokenizer's words alone:
    the rule reads the text's spelt-out names and the word before, no parse."""
    doc = blank_doc(text)
    (token,) = [t for t in doc if t.text == word][-1:]
    return not_a_place(doc[token.i : token.i + 1], None, "")


def test_an_acronym_spelt_out_as_a_body_is_no_place():
    text = "Members of the African Union (AU) gathered in Accra. The AU said trade would grow."
    assert _acronym(text, "AU")


def test_an_acronym_spelt_out_as_a_place_stays_a_place(nlp):
    text = "Flights to the United Arab Emirates (UAE) resumed. Pilots landed in the UAE."
    assert not _acronym(text, "UAE")
    assert "UAE" in _texts(nlp, text)


def test_a_title_after_entitled_is_no_place(nlp):
    text = "Thieves took a painting entitled Georgia from a gallery in Leeds."
    found = _texts(nlp, text)
    assert "Georgia" not in found and "Leeds" in found


def test_a_small_town_abroad_named_like_the_story_s_person_is_the_person():
    doc = blank_doc(
        "Ricardo Rosselló Nevares, the governor, resigned on Friday. Rosselló said he "
        "would leave office next week. Protesters called for Rosselló's resignation."
    )
    # the model's entities here: the full name an ORG (its slip), "Friday", "next week",
    # and "Rosselló" alone, twice, a PERSON
    doc.ents = [
        Span(doc, 0, 3, "ORG"),
        Span(doc, 9, 10, "DATE"),
        Span(doc, 11, 12, "PERSON"),
        Span(doc, 17, 19, "DATE"),
        Span(doc, 23, 24, "PERSON"),
    ]
    (span,) = [doc[t.i : t.i + 1] for t in doc if t.text == "Rosselló"][-1:]
    (town,) = [e for e in gazetteer().lookup("Rosselló")[0] if e.country == "ES"]
    assert person_abroad(span, town, "US")  # a story told from elsewhere: the person
    assert not person_abroad(span, town, "ES")  # a Spanish story may mean the town


def test_a_small_town_abroad_inside_a_body_s_name_is_no_place(nlp):
    text = (
        "Officers of Thames Valley Police arrested two men in Reading, England, on Monday. "
        "The men were held in Oxford."
    )
    found = _texts(nlp, text)
    assert "Thames" not in found and "Oxford" in found
