"""The events coder on small hand-written sentences, with hand-made actor mentions.

Actors are given by hand (word -> code) so these tests pin the coder alone; the
actors stage has its own tests.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

from tidings.errors import DataFileError
from tidings.events import EventCoder
from tidings.events.lexicon import build_lexicon, load_lexicon
from tidings.events.ontology import load_ontology
from tidings.model import Actor, ActorMention, Article
from tidings.resources import package_file

ACTORS = {
    "Russia": "RUS",
    "Ukraine": "UKR",
    "Iran": "IRN",
    "Saudi Arabia": "SAU",
    "Israel": "ISR",
    "Gaza": "PSE",
    "the United States": "USA",
    "Washington": "USAGOV",
    "police": "NGACOP",
    "protesters": "NGACVL",
    "militants": "NGAREB",
    "the European Union": "IGOEUR",
    "the minister": "FRAGOV",
}


def coded(nlp, text: str):
    doc = nlp(text)
    mentions = []
    for words, code in ACTORS.items():
        for match in re.finditer(rf"\b{re.escape(words)}\b", text):
            mentions.append(
                ActorMention(Actor(words, code, code[:3], code[3:] or None), *match.span(), 0)
            )
    article = Article("t", dt.date(2022, 3, 1), text)
    return EventCoder().code(doc, article, mentions)


def triples(events):
    return {
        (e.cameo.code, e.source.code if e.source else None, e.target.code if e.target else None)
        for e in events
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russia attacked Ukraine on Monday.", ("190", "RUS", "UKR")),
        ("Ukraine was attacked by Russia.", ("190", "RUS", "UKR")),
        ("Washington condemned Russia.", ("111", "USAGOV", "RUS")),
        ("the United States imposed sanctions on Russia.", ("163", "USA", "RUS")),
        ("police imposed a curfew on the town.", ("1723", "NGACOP", None)),
        ("police arrested dozens of protesters.", ("173", "NGACOP", "NGACVL")),
        ("militants kidnapped two aid workers.", ("181", "NGAREB", None)),
        ("Israel carried out air strikes on Gaza.", ("195", "ISR", "PSE")),
        ("Russia shelled the outskirts of Kyiv.", ("194", "RUS", None)),
        ("Iran hosted Saudi Arabia for talks.", ("043", "IRN", "SAU")),
        ("the minister urged Russia to withdraw.", ("020", "FRAGOV", "RUS")),
        ("protesters rallied outside parliament.", ("141", "NGACVL", None)),
    ],
)
def test_codes_and_arguments(nlp, text, expected):
    assert expected in triples(coded(nlp, text))


def test_talks_between_two_countries_are_coded_both_ways(nlp):
    found = triples(coded(nlp, "There were talks between Iran and Saudi Arabia in Baghdad."))
    assert {("046", "IRN", "SAU"), ("046", "SAU", "IRN")} <= found


def test_compound_subject_is_coded_pairwise(nlp):
    found = triples(coded(nlp, "Russia and Iran condemned Israel."))
    assert {("111", "RUS", "ISR"), ("111", "IRN", "ISR")} <= found


def test_idiom_is_not_an_attack(nlp):
    events = coded(nlp, "He has attempted to strike a balance between Russia and Ukraine.")
    assert not [e for e in events if e.cameo.root == "19"]


def test_participle_adjective_is_not_a_trigger(nlp):
    events = coded(nlp, "Nobody commented on the targeted houses.")
    assert "target" not in {e.trigger.lower()[:6] for e in events}


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("Russia did not attack Ukraine.", "negated"),
        ("Russia will attack Ukraine.", "future"),
        ("No one has claimed responsibility for the attack.", "negated"),
        ("Russia could attack Ukraine.", "hypothetical"),
    ],
)
def test_modality(nlp, text, modality):
    events = coded(nlp, text)
    assert events and events[0].modality == modality


def test_threat_verb_takes_the_threatened_act(nlp):
    events = coded(nlp, "Russia threatened to attack Ukraine.")
    codes = {e.cameo.code: e for e in events}
    assert "138" in codes
    assert codes["190"].modality == "threat"


def test_embedded_event_of_ordinary_verb_is_not_doubled(nlp):
    events = coded(nlp, "the United States offered to help Ukraine.")
    assert [e.cameo.root for e in events] == ["03"]


def test_reported_speech_keeps_speaker_apart_from_actors(nlp):
    events = coded(nlp, "the minister said that Russia attacked Ukraine.")
    attack = next(e for e in events if e.cameo.root == "19")
    assert (attack.source.code, attack.target.code) == ("RUS", "UKR")
    assert attack.attributed_to is not None and attack.attributed_to.code == "FRAGOV"


def test_drone_strike_is_aerial_with_drone_mode_and_acled_type(nlp):
    strike = coded(nlp, "A drone strike hit the convoy.")[0]
    assert strike.cameo.code == "195"
    assert strike.plover is not None and strike.plover.type == "ASSAULT"
    assert strike.plover.mode == "drone"
    assert strike.acled is not None and strike.acled.sub_event_type == "Air/drone strike"


def test_event_ids_are_stable_content_keys(nlp):
    first = [e.event_id for e in coded(nlp, "Russia attacked Ukraine.")]
    second = [e.event_id for e in coded(nlp, "Russia attacked Ukraine.")]
    assert first == second and len(set(first)) == len(first)


def test_every_lexicon_code_is_in_the_ontology():
    ontology = load_ontology()
    lexicon = load_lexicon()
    codes = {e.code for entries in lexicon.verbs.values() for e in entries}
    codes |= {e.code for entries in lexicon.nouns.values() for e in entries}
    assert all(code in ontology for code in codes - {"-"})
    roots = {code[:2] for code in codes - {"-"}}
    assert roots == {f"{n:02d}" for n in range(1, 21)}


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("attack\tADJ\t190", "pos"),
        ("attack\tVERB\t999", "999"),
        ("set fire\tVERB\t1712", "one lemma"),
    ],
)
def test_bad_lexicon_line_names_file_and_line(tmp_path, line, problem):
    path = tmp_path / "triggers.tsv"
    path.write_text("lemma\tpos\tcode\tobject\tprep\tmode\nprotest\tVERB\t140\n" + line + "\n")
    with pytest.raises(DataFileError) as caught:
        build_lexicon(path, package_file("tidings.events", "data/cues.tsv"), load_ontology())
    message = str(caught.value)
    assert "triggers.tsv:3" in message and problem in message
