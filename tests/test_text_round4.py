"""Round 4 on real news text: paragraph breaks end sentences, and dates read the way news
writes them (a dateline line, a weekday beside a month-day, a surname "May", a closing year
set off by a comma). Sentences are written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from tidings import model
from tidings import nlp as nlp_stage
from tidings.when import date_events, find_times

CAMEO = model.Cameo("190", "19", 4, -10.0)


@pytest.fixture(scope="module")
def tidings_nlp():
    """The model as Tidings loads it, with the paragraph component before the parser."""
    return nlp_stage.load()


def _sentences(nlp, text: str) -> list[str]:
    return [s.text.strip() for s in nlp(text).sents if s.text.strip()]


def _dated(nlp, text: str, trigger: str, article: dt.date) -> model.EventMention:
    doc = nlp(text)
    start = doc.text.index(trigger)
    event = model.EventMention(
        "e1", "a1", 0, "", trigger, start, start + len(trigger), CAMEO, modality="asserted"
    )
    (out,) = date_events(doc, article, [event])
    return out


def _times(nlp, text: str, article: dt.date) -> dict[str, str]:
    return {t.text.strip(" ,"): t.value for t in find_times(nlp(text), article)}


# --- sentence breaks -------------------------------------------------------------------


def test_a_dateline_line_is_a_sentence_of_its_own(tidings_nlp):
    text = "Tuesday, March 3, 2020 \n\n\nOn Sunday, rebels shelled the port of Hodeidah."
    assert _sentences(tidings_nlp, text)[0] == "Tuesday, March 3, 2020"


def test_a_blank_line_always_ends_a_sentence(tidings_nlp):
    text = "The minister left the talks in Brussels\n\nFarmers blocked roads in Lyon on Monday."
    sentences = _sentences(tidings_nlp, text)
    assert len(sentences) == 2 and sentences[1].startswith("Farmers")


def test_a_byline_line_is_not_glued_to_the_next_sentence(tidings_nlp):
    text = "Water is rising fast near the dam.\n – River authority, Radio Norte\nResidents fled."
    sentences = _sentences(tidings_nlp, text)
    assert sentences[-1] == "Residents fled."


def test_hard_wrapped_prose_stays_one_sentence(tidings_nlp):
    text = (
        "The regional council voted on Thursday to close three schools in the north of\n"
        "the province after a long dispute over the budget."
    )
    assert len(_sentences(tidings_nlp, text)) == 1


def test_prose_wrapped_at_forty_columns_stays_one_sentence(tidings_nlp):
    text = (
        "Rebels shelled the port on Sunday and\n"
        "Government troops answered with drones\n"
        "over the hills east of the city."
    )
    assert len(_sentences(tidings_nlp, text)) == 1


def test_a_closing_quote_stays_with_its_paragraph(tidings_nlp):
    text = 'She said: "We will not leave."\n\nThe protest went on.'
    assert _sentences(tidings_nlp, text) == [
        'She said: "We will not leave."',
        "The protest went on.",
    ]


def test_the_weekday_of_the_sentence_beats_the_dateline(tidings_nlp):
    text = "Thursday, June 4, 2020 \n\nOn Saturday morning, a gunman shot three people in a bar."
    out = _dated(tidings_nlp, text, "shot", dt.date(2020, 6, 4))
    assert out.date == dt.date(2020, 5, 30) and out.date_text == "Saturday morning"


# --- dates -----------------------------------------------------------------------------


def test_a_weekday_beside_a_month_day_picks_its_year(nlp):
    # 31 July 2019 was a Wednesday; 31 July 2018 a Tuesday
    found = _times(nlp, "He said he would step down on Wednesday, July 31.", dt.date(2019, 7, 28))
    assert found["Wednesday, July 31"] == "2019-07-31"
    found = _times(nlp, "The mayor quit, effective Wednesday, July 31.", dt.date(2019, 7, 28))
    assert found["Wednesday, July 31"] == "2019-07-31"


def test_a_gerund_after_to_reads_the_nearer_day(nlp):
    # "reopening" is joined to "ending" by "and", and takes its reading
    text = "The union is committed to ending the strike and reopening the mines by March 20."
    assert _times(nlp, text, dt.date(2021, 2, 10))["March 20"] == "2021-03-20"


@pytest.mark.parametrize(
    "text",
    [
        "The plan of Prime Minister May was rejected by the House on Tuesday.",
        "Mrs May said she would resign on Friday.",
        "Ministers quit in protest at May's plan on Monday.",
    ],
)
def test_the_surname_may_is_no_month(nlp, text):
    assert "May" not in _times(nlp, text, dt.date(2019, 7, 24))


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("The factory closed in May.", "May"),
        ("Last May's vote was close.", "Last May"),
        ("Prices rose between March and May.", "May"),
    ],
)
def test_the_month_may_is_still_a_month(nlp, text, words):
    found = _times(nlp, text, dt.date(2019, 7, 24))
    assert any(words.split()[-1] in key for key in found), found


def test_a_closing_year_after_a_comma_dates_the_main_clause(nlp):
    text = "The senator was jailed for fraud, dating from his time as a judge, in 2009."
    out = _dated(nlp, text, "jailed", dt.date(2019, 9, 26))
    assert out.date == dt.date(2009, 1, 1) and out.date_text == "2009"
