"""The mentions the coder gives: sorted, non-overlapping, each in its sentence, one per
coordinated country, and the coder reusable across documents. Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.helpers import mentions_of
from tidings.actors import ActorCoder, code_actors


def test_mentions_are_sorted_non_overlapping_with_sentence_indexes(nlp):
    text = "Israeli troops entered Jenin. Hamas fired rockets at Israel."
    doc = nlp(text)
    found = code_actors(doc)
    assert [m.start for m in found] == sorted(m.start for m in found)
    assert all(a.end <= b.start for a, b in zip(found, found[1:], strict=False))
    sentences = list(doc.sents)
    for m in found:
        sentence = sentences[m.sentence_index]
        assert sentence.start_char <= m.start < sentence.end_char


def test_coder_is_reusable_across_docs(nlp):
    coder = ActorCoder()
    first = coder.code(nlp("Washington said no."))
    second = coder.code(nlp("Moscow said yes."))
    assert [m.actor.code for m in first] == ["USAGOV"]
    assert [m.actor.code for m in second] == ["RUSGOV"]


COORDINATED = [
    # (text, [(words, code)] in order)
    ("US and British forces entered the city.", [("US", "USAMIL"), ("British forces", "GBRMIL")]),
    (
        "Senior Hungarian and Romanian officials agreed on Wednesday.",
        [("Hungarian", "HUNGOV"), ("Romanian officials", "ROUGOV")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), COORDINATED)
def test_coordinated_countries_give_one_mention_each(nlp, text, expected):
    found = [(text[m.start : m.end], m.actor.code) for m in mentions_of(nlp, text)]
    assert found[: len(expected)] == expected
