"""Actor-coder fixes of session 4, round 1 (issue #3), on hand-written sentences."""

from __future__ import annotations

import datetime as dt

import pytest

from tidings.actors import ActorCoder

DATE = dt.date(2022, 3, 8)


@pytest.fixture(scope="module")
def actor_coder():
    return ActorCoder()


def codes(nlp, coder, text):
    return {m.actor.text: m.actor.code for m in coder.code(nlp(text), DATE)}


@pytest.mark.parametrize(
    "text",
    [
        "The activists jailed for protesting against Beijing were freed by Chinese police.",
        "Chinese police on Monday freed the activists jailed for campaigning against Beijing.",
    ],
)
def test_a_country_a_role_acted_against_is_not_its_home(nlp, actor_coder, text):
    """The country named after "against"/"for" in a participle on the role is whom it acted
    against: the role gets no country, not the document's focus country (here China)."""
    found = codes(nlp, actor_coder, text)
    activists = next(code for words, code in found.items() if words.lower() == "the activists")
    assert activists == "OPP", found


def test_a_role_with_no_such_clause_still_takes_the_focus_country(nlp, actor_coder):
    found = codes(nlp, actor_coder, "The activists in Beijing were freed by Chinese police.")
    assert found["The activists"] == "CHNOPP", found
