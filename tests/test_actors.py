"""The actors stage on small hand-written sentences, its data files, and the example."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tidings.actors import ActorCoder, code_actors, load_lexicon
from tidings.errors import DataFileError
from tidings.model import ActorMention
from tidings.resources import package_file


def mentions_of(nlp, text: str) -> list[ActorMention]:
    return code_actors(nlp(text))


def covering(text: str, mentions: list[ActorMention], words: str) -> ActorMention | None:
    """The mention whose words include `words` (first occurrence in the text)."""
    at = text.index(words)
    for m in mentions:
        if m.start <= at and at + len(words) <= m.end:
            return m
    return None


CODED = [
    # (text, words inside the mention, expected code)
    ("Iraq rejected the demand.", "Iraq", "IRQ"),
    ("The United States has denounced the attack.", "The United States", "USA"),
    ("Iran said the US was to blame.", "the US", "USA"),
    ("Washington said it would impose sanctions.", "Washington", "USAGOV"),
    ("Beijing rejected the claims, while Moscow urged restraint.", "Moscow", "RUSGOV"),
    ("Iraqi Prime Minister Mustafa Al-Kadhimi was unhurt.", "Mustafa Al-Kadhimi", "IRQGOV"),
    ("US State Department Spokesperson Ned Price spoke.", "Ned Price", "USAGOV"),
    ("They met Iraqi security officials.", "Iraqi security officials", "IRQCOP"),
    ("Al-Kadhimi was Iraq's former intelligence chief.", "intelligence chief", "IRQSPY"),
    ("Israeli troops killed two Palestinian militants.", "Israeli troops", "ISRMIL"),
    ("Israeli troops killed two Palestinian militants.", "Palestinian militants", "PSEREB"),
    ("Russian President Vladimir Putin spoke.", "Vladimir Putin", "RUSGOV"),
    ("The UN Security Council condemned the attack.", "Security Council", "IGOUNO"),
    ("NATO met on Monday, Reuters reported.", "NATO", "IGOWSTNAT"),
    ("NATO met on Monday, Reuters reported.", "Reuters", "GBRMED"),
    ("Boko Haram kidnapped the girls.", "Boko Haram", "NGAREB"),
    ("The Kremlin said talks had stalled.", "Kremlin", "RUSGOV"),
    ("The AP said the talks had stalled.", "AP", "USAMED"),
]


@pytest.mark.parametrize(("text", "words", "code"), CODED)
def test_codes_the_actor(nlp, text, words, code):
    mention = covering(text, mentions_of(nlp, text), words)
    assert mention is not None, f"no mention covers {words!r}"
    assert mention.actor.code == code


NOT_ACTORS = [
    ("The minister arrived in Baghdad on Monday.", "Baghdad"),  # a place, not a metonym
    ("The Taliban took Kabul.", "Kabul"),  # the object of a verb of taking
    ("Prominent government offices were hit.", "government"),  # describes offices
    ("The turkey was delicious.", "turkey"),  # lower case: the bird
    ("Who knows what the talks will bring?", "Who"),  # not the WHO
    ("Michael Jordan retired.", "Jordan"),  # part of a person's name
]


@pytest.mark.parametrize(("text", "words"), NOT_ACTORS)
def test_leaves_out_non_actors(nlp, text, words):
    assert covering(text, mentions_of(nlp, text), words) is None


def test_pro_iran_militias_are_rebels_affiliated_with_iran(nlp):
    text = "Iraq said pro-Iran militias fired rockets. Iraq blamed the militias."
    mention = covering(text, mentions_of(nlp, text), "militias")
    assert mention is not None
    assert (mention.actor.sector, mention.actor.affiliation) == ("REB", "IRN")
    assert mention.actor.country == "IRQ"  # the focus country; Iran is only the backer


def test_uncountried_role_stays_uncountried_without_a_focus(nlp):
    text = "Officials said the talks would resume next week."
    mention = covering(text, mentions_of(nlp, text), "Officials")
    assert mention is not None
    assert (mention.actor.country, mention.actor.sector, mention.kind) == (None, "GOV", "group")


def test_uncountried_role_takes_a_clear_focus_country(nlp):
    text = "Iraq held elections. Iraq's parliament met. Later, officials said the vote was fair."
    mention = covering(text, mentions_of(nlp, text), "officials")
    assert mention is not None and mention.actor.code == "IRQGOV"


def test_no_focus_when_two_countries_tie(nlp):
    text = "Iran and Iraq met. Iran and Iraq signed a deal. Officials praised it."
    mention = covering(text, mentions_of(nlp, text), "Officials")
    assert mention is not None and mention.actor.country is None


def test_surname_and_pronoun_keep_the_titled_code(nlp):
    text = (
        "Iraqi Prime Minister Mustafa Al-Kadhimi met the US ambassador. "
        "Al-Kadhimi later said he was satisfied."
    )
    found = mentions_of(nlp, text)
    later = text.index("Al-Kadhimi later")
    surname = next(m for m in found if m.start == later)
    assert (surname.kind, surname.actor.code) == ("person", "IRQGOV")
    pronoun = next(m for m in found if text[m.start : m.end] == "he")
    assert (pronoun.kind, pronoun.actor.code) == ("pronoun", "IRQGOV")


def test_ambiguous_pronoun_is_left_out(nlp):
    text = "Iraqi President Barham Salih met US Secretary of State Antony Blinken. He smiled."
    found = mentions_of(nlp, text)
    assert not [m for m in found if m.kind == "pronoun"]


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


def copy_data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(package_file("tidings.actors", "data"), folder)
    return folder


MALFORMED = [
    # (file, line appended, words the error must contain)
    ("countries.tsv", "XX\tNowhere", "iso3"),
    ("countries.tsv", "ATL\tAtlantis\tIraq", "already used"),
    ("sectors.tsv", "warlord\tWAR\t2", "unknown sector"),
    ("sectors.tsv", "warlord\tREB\thigh", "priority"),
    ("organisations.tsv", "Nowhere Front\tXYZREB\tXYZ\tREB", "unknown country"),
    ("markers.tsv", "amid\tsomewhere", "marker kind"),
]


@pytest.mark.parametrize(("name", "line", "problem"), MALFORMED)
def test_malformed_data_file_names_file_and_line(tmp_path, name, line, problem):
    folder = copy_data(tmp_path)
    path = folder / name
    text = path.read_text(encoding="utf-8")
    path.write_text(text.rstrip("\n") + "\n" + line + "\n", encoding="utf-8")
    bad_line = len(text.rstrip("\n").splitlines()) + 1
    with pytest.raises(DataFileError) as caught:
        load_lexicon(folder)
    assert caught.value.path.endswith(name)
    assert caught.value.line == bad_line
    assert problem in caught.value.problem


def test_packaged_data_loads(tmp_path):
    lexicon = load_lexicon(copy_data(tmp_path))
    assert {"PSE", "XKX", "TWN", "USA", "IRQ"} <= set(lexicon.countries)
    assert "Baghdad" in lexicon.countries["IRQ"].capitals


def test_example_article(example_doc):
    text = example_doc.text
    found = code_actors(example_doc)
    kadhimi = [m for m in found if "Al-Kadhimi" in text[m.start : m.end]]
    assert len(kadhimi) >= 3
    assert {m.actor.code for m in kadhimi} == {"IRQGOV"}
    price = covering(text, found, "Ned Price")
    assert price is not None and price.actor.code == "USAGOV"
    united_states = covering(text, found, "The United States")
    assert united_states is not None and united_states.actor.code == "USA"
    agency = covering(text, found, "Associated Press")
    assert agency is not None and agency.actor.code == "USAMED"
    militias = covering(text, found, "pro-Iran")
    assert militias is not None
    assert (militias.actor.sector, militias.actor.affiliation) == ("REB", "IRN")
    green_zone = text.index("Baghdad's Green Zone")
    assert not [m for m in found if m.start == green_zone]  # a place, not an actor
