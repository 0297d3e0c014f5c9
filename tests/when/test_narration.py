"""Times counted from the narration ("the next day", "two weeks later"): read from the last
time the text named before them, else from the article date."""

from __future__ import annotations

import datetime as dt

import pytest

from tidings import model
from tidings.errors import DataFileError
from tidings.when import date_events, find_times, normalise
from tidings.when import lexicon as lex

ARTICLE = dt.date(2022, 5, 12)  # a Thursday

# a bare phrase, read from the article date: text, value, precision
ALONE = [
    ("the next day", "2022-05-13", "day"),
    ("the following day", "2022-05-13", "day"),
    ("the previous day", "2022-05-11", "day"),
    ("the day before", "2022-05-11", "day"),
    ("that same day", "2022-05-12", "day"),
    ("later that day", "2022-05-12", "day"),
    ("the following morning", "2022-05-13TMO", "day"),
    ("that night", "2022-05-12TNI", "day"),
    ("two days later", "2022-05-14", "day"),
    ("a day earlier", "2022-05-11", "day"),
    ("hours later", "2022-05-12", "day"),
    ("three weeks afterwards", "2022-W22", "week"),
    ("the following month", "2022-06", "month"),
    ("two years earlier", "2020", "year"),
    ("days later", "XXXX-XX-XX", None),  # a length with no count names no day
]


@pytest.mark.parametrize(("text", "value", "precision"), ALONE)
def test_a_phrase_alone_counts_from_the_article_date(text, value, precision):
    found = normalise(text, ARTICLE)
    assert found is not None and (found.value, found.precision) == (value, precision)


@pytest.mark.parametrize("text", ["month before", "week after"])
def test_a_lone_singular_unit_is_no_time(text):
    assert normalise(text, ARTICLE) is None


# a text, one phrase in it, and the value it should take
IN_TEXT = [
    (
        "Troops entered the town on March 3. The next day, rebels fled.",
        "The next day",
        "2022-03-04",
    ),
    ("Talks opened on April 20 and collapsed two days later.", "two days later", "2022-04-22"),
    (
        "The mayor was arrested on Friday. A week earlier he had met the rebels.",
        "A week earlier",
        "2022-W17",
    ),
    # each phrase counts on from the one before it
    (
        "The strike began on 2 May. The following day police moved in. "
        "Two days later the strikers gave up.",
        "Two days later",
        "2022-05-05",
    ),
    (
        "Floods hit the north in 2019. The following year the dams were raised.",
        "The following year",
        "2020",
    ),
    # too coarse a time to count days from: no day, only the narration's year
    ("Floods hit the north in 2019. The next day the dams burst.", "The next day", "2019-XX-XX"),
    # a day counted from another event: some day of the narration's year (TIMEX3's 2019-XX-XX)
    (
        "The dams were raised in 2019. The day before the vote, engineers had warned of floods.",
        "The day",
        "2019-XX-XX",
    ),
    ("The day after the storm, the river rose.", "The day", "2022-XX-XX"),
    # nothing named before: the article date is the anchor
    ("Rebels fled the town. The next day, troops moved in.", "The next day", "2022-05-13"),
    # a time of day on no day of its own does not move the narration
    (
        "Troops entered the town on March 3. At 5 pm shots were heard. The next day, rebels fled.",
        "The next day",
        "2022-03-04",
    ),
]


@pytest.mark.parametrize(("text", "phrase", "value"), IN_TEXT)
def test_a_phrase_counts_from_the_time_named_before_it(nlp, text, phrase, value):
    found = {t.text: t for t in find_times(nlp(text), ARTICLE)}
    assert found[phrase].value == value


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Troops entered the town on March 3. The day before the vote, rebels fled.", "day before"),
        ("The ship docked on June 2, three days later than planned.", "later"),
    ],
)
def test_a_phrase_that_is_no_time_of_its_own(nlp, text, words):
    assert all(words not in t.text for t in find_times(nlp(text), ARTICLE))


def test_an_event_takes_the_day_counted_from_the_narration(nlp):
    doc = nlp("Troops entered the town on March 3. Two days later, rebels burned the market.")
    start = doc.text.index("burned")
    cameo = model.Cameo("180", "18", 4, -9.0)
    event = model.EventMention("e1", "a1", 1, "", "burned", start, start + 6, cameo)
    (out,) = date_events(doc, ARTICLE, [event])
    assert out.date == dt.date(2022, 3, 5) and out.date_text == "Two days later"
    assert not out.date_is_fallback


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("anaphor\tthe next day\tone day", "signed count"),
        ("anaphor\tthe next day\t+1D\tdawn", "anaphor part"),
        ("sequel\tlater\t2", "sequel value"),
        ("sequel\tlater\t1\tstart", "sequel part"),
    ],
)
def test_the_words_table_checks_narration_rows(tmp_path, monkeypatch, row, message):
    bad = tmp_path / "words.tsv"
    bad.write_text(f"kind\tword\tvalue\tpart\n{row}\n", encoding="utf-8")
    monkeypatch.setattr(lex, "package_file", lambda package, name: bad)
    with pytest.raises(DataFileError, match=f"words.tsv:2.*{message}"):
        lex.lexicon.__wrapped__()


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("The talks resumed later Monday.", "later Monday", "2022-05-09"),
        ("Prices rose on 3 March. Earlier in the week, traders had sold.", "Earlier in the week",
         "2022-W09"),
        # a look back is a flashback: the narration goes on from where it was
        ("The firm went bankrupt in 2009. The year before, sales had collapsed. "
         "Later in the year it emerged from court.", "Later in the year", "2009"),
        ("The firm went bankrupt in 2009. The year before, sales had collapsed.",
         "The year before", "2008"),
    ],
)  # fmt: skip
def test_more_narration_phrases(nlp, text, phrase, value):
    found = {t.text: t for t in find_times(nlp(text), ARTICLE)}
    assert found[phrase].value == value
