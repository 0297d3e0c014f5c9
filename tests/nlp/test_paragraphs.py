"""Paragraph breaks end sentences (nlp/paragraphs.py): a dateline or byline line is a
sentence of its own, a blank line always ends one, hard-wrapped prose does not, and a
closing quote stays with its paragraph. Sentences written for these tests; the first
three run the paragraph component alone on the tokenizer's words, the others the model
(whose parser must keep the starts, and add none in wrapped prose)."""

from __future__ import annotations

from tests.helpers import blank_doc
from tidings.nlp.paragraphs import mark_paragraphs


def _sentences(nlp, text: str) -> list[str]:
    return [s.text.strip() for s in nlp(text).sents if s.text.strip()]


def _paragraph_sentences(text: str) -> list[str]:
    """The sentences of `text` as the paragraph breaks alone start them (no parser)."""
    doc = mark_paragraphs(blank_doc(text))
    return [s.text.strip() for s in doc.sents if s.text.strip()]


def test_a_dateline_line_is_a_sentence_of_its_own():
    text = "Tuesday, March 3, 2020 \n\n\nOn Sunday, rebels shelled the port of Hodeidah."
    assert _paragraph_sentences(text)[0] == "Tuesday, March 3, 2020"


def test_a_blank_line_always_ends_a_sentence():
    text = "The minister left the talks in Brussels\n\nFarmers blocked roads in Lyon on Monday."
    sentences = _paragraph_sentences(text)
    assert len(sentences) == 2 and sentences[1].startswith("Farmers")


def test_a_byline_line_is_not_glued_to_the_next_sentence():
    text = "Water is rising fast near the dam.\n – River authority, Radio Norte\nResidents fled."
    sentences = _paragraph_sentences(text)
    assert sentences[-1] == "Residents fled."


def test_hard_wrapped_prose_stays_one_sentence(nlp):
    text = (
        "The regional council voted on Thursday to close three schools in the north of\n"
        "the province after a long dispute over the budget."
    )
    assert len(_sentences(nlp, text)) == 1


def test_prose_wrapped_at_forty_columns_stays_one_sentence(nlp):
    text = (
        "Rebels shelled the port on Sunday and\n"
        "Government troops answered with drones\n"
        "over the hills east of the city."
    )
    assert len(_sentences(nlp, text)) == 1


def test_a_closing_quote_stays_with_its_paragraph(nlp):
    text = 'She said: "We will not leave."\n\nThe protest went on.'
    assert _sentences(nlp, text) == [
        'She said: "We will not leave."',
        "The protest went on.",
    ]
