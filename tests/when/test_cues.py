"""The rule cues only skip rules that cannot match: nothing found is ever lost."""

from __future__ import annotations

from pathlib import Path

import pytest

from tidings.ingest import read_articles
from tidings.model import Article
from tidings.when import find
from tidings.when.cues import CUES, possible
from tidings.when.lexicon import lexicon
from tidings.when.rules import RULES

DEMO = Path(__file__).resolve().parents[2] / "examples" / "demo"

SAMPLES = [
    "2021-03-04", "Tuesday, 4th of March 2021", "March 4, 2021", "mid-March 2021",
    "March of last year", "last March", "the morning of next Tuesday", "early Monday",
    "yesterday", "late tonight", "this morning", "three weeks ago", "a few days ago",
    "later this month", "the past two years", "last 10 days", "two-week", "90 days",
    "a year", "2019", "March", "the end of March", "3 pm", "3:30 p.m. GMT", "10.15 AM",
    "15:00", "early morning", "morning", "recently", "last summer", "the summer of 2019",
    "summer", "the late 1990s", "1990’s", "the 20th century", "the twentieth century",
    "this fiscal year", "fiscal 2020", "FY2020", "58", "every Monday", "each two weeks",
    "daily", "on Mondays", "MARCH 4", "İn 2019", "for two weeks", "in 1957-58",
    "about a year", "at 15:00", "in March", "during the night", "until the spring",
    "the next day", "two days later", "the end of the year", "mid-2006",
    "the third quarter of 2008", "Q3 2008", "last quarter", "over the weekend", "Christmas Eve",
]  # fmt: skip


def test_every_rule_has_cues_naming_real_rules():
    assert set(CUES) == {r.name for r in RULES}


def test_the_samples_exercise_every_rule():
    hit = {r.name for text in SAMPLES for r, p in find._searchers() if p.search(text)}
    assert hit == {r.name for r in RULES}


@pytest.mark.parametrize("text", SAMPLES)
def test_a_rule_matching_a_text_is_never_skipped(text):
    maybe = possible(text)
    for rule, pattern in find._searchers():
        if pattern.search(text):
            assert rule.name in maybe, f"{rule.name!r} skipped on {text!r}"


def test_every_lexicon_word_keeps_its_rules():
    lex = lexicon()
    words = [*lex.months, *lex.weekdays, *lex.units, *lex.dayparts, *lex.deictics]
    words += [*lex.vague, *lex.sets, *lex.seasons]
    for word in words:
        for text in (word, word.upper(), word.title(), f"last {word}", f"every {word}"):
            maybe = possible(text)
            for rule, pattern in find._searchers():
                if pattern.search(text):
                    assert rule.name in maybe, f"{rule.name!r} skipped on {text!r}"


def test_demo_times_are_the_same_without_cues(nlp, monkeypatch):
    articles = [a for a in read_articles([DEMO]) if isinstance(a, Article)][:12]
    docs = [(nlp(a.text), a.date) for a in articles]
    with_cues = [find.find_times(doc, date) for doc, date in docs]
    monkeypatch.setattr(find, "possible", lambda text: frozenset(r.name for r in RULES))
    assert [find.find_times(doc, date) for doc, date in docs] == with_cues
    assert any(with_cues)


def test_cues_skip_most_rules_on_plain_text():
    assert len(possible("The minister met the envoy to discuss trade.")) < len(RULES) // 2
    assert possible("") <= {r.name for r in RULES}
