"""Later mentions: a surname, a title, "they", "it" or an object pronoun takes its
antecedent's code, a name in apposition to a role is that role later, and an unclear
antecedent gives nothing. Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.helpers import codes, covering, mentions_of
from tidings.actors import code_actors


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


RESOLVED = [
    # (text, the later words, expected code, expected kind)
    (
        "Iraqi Prime Minister Mustafa Al-Kadhimi was unhurt. The Prime Minister later spoke.",
        "The Prime Minister",
        "IRQGOV",
        "role",
    ),
    (
        "Iraqi Prime Minister Mustafa Al-Kadhimi was unhurt, but his security guards were hurt.",
        "his security guards",
        "IRQCOP",
        "group",
    ),
    ("Houthi rebels fired missiles. They said it was a warning.", "They", "YEMREB", "pronoun"),
    ("The Afghan Taliban said they would talk.", "they", "AFGREB", "pronoun"),
]


@pytest.mark.parametrize(("text", "words", "code", "kind"), RESOLVED)
def test_later_mentions_take_the_antecedents_code(nlp, text, words, code, kind):
    mention = covering(text, mentions_of(nlp, text), words)
    assert mention is not None, f"no mention covers {words!r}"
    assert (mention.actor.code, mention.kind) == (code, kind)


UNRESOLVED_PRONOUNS = [
    "He said the attack was terrorism.",  # no antecedent at all
    "The militants fired at the protesters. They said it was a warning.",  # two groups
]


@pytest.mark.parametrize("text", UNRESOLVED_PRONOUNS)
def test_pronoun_without_a_clear_antecedent_is_left_out(nlp, text):
    assert not [m for m in mentions_of(nlp, text) if m.kind == "pronoun"]


IT_PRONOUNS = [
    # (text, expected code of "it" or None): "it" takes the country or body that is the
    # subject of the verb its clause hangs on, never a person's code
    ("Hungary has said it will support the resolution.", "HUN"),
    ("The UN said it would send aid.", "IGOUNO"),
    ("Iraqi Prime Minister Mustafa Al-Kadhimi said it was a crime.", None),
    ("It is raining, Iraq said.", None),
]


@pytest.mark.parametrize(("text", "code"), IT_PRONOUNS)
def test_it_takes_the_governing_country_or_body(nlp, text, code):
    found = [m for m in mentions_of(nlp, text) if text[m.start : m.end].lower() == "it"]
    assert [m.actor.code for m in found] == ([code] if code else [])


def test_it_is_never_the_antecedent_of_he(nlp):
    text = "Hungary said it would act. He said nothing."
    found = [m for m in mentions_of(nlp, text) if text[m.start : m.end] == "He"]
    assert found == []


def test_object_pronoun_takes_the_person_before(nlp) -> None:
    text = "Peruvian President Ollanta Humala landed in Madrid. Spanish guards escorted him."
    mentions = code_actors(nlp(text))
    him = [m for m in mentions if text[m.start : m.end] == "him"]
    assert [m.actor.code for m in him] == ["PERGOV"]


def test_object_pronoun_skips_its_own_clause_subject(nlp) -> None:
    text = "Ugandan soldiers chased Congolese rebels across the river and captured them."
    mentions = code_actors(nlp(text))
    them = [m for m in mentions if text[m.start : m.end] == "them"]
    assert [m.actor.code for m in them] == ["CODREB"]


def test_possessive_her_is_not_an_object_pronoun(nlp) -> None:
    mentions = code_actors(nlp("Police searched her house in Lima."))
    assert all(m.actor.text != "her" for m in mentions)


def test_officers_after_police_are_police(nlp, actor_coder):
    text = "Police said a man attacked the station. Two officers were hurt in their offices."
    assert codes(nlp, actor_coder, text)["Two officers"] == "COP"


def test_officers_after_soldiers_stay_military(nlp, actor_coder):
    text = "Soldiers and police clashed with rebels. Two officers died."
    assert codes(nlp, actor_coder, text)["Two officers"] == "MIL"


@pytest.mark.parametrize(
    ("text", "later"),
    [
        (
            "Maria Lopez, the Speaker of the House, opened an inquiry. Lopez had opposed it.",
            "Lopez",
        ),
        (
            "The mayor of London, Peter Smith, sent his condolences. Smith said he was sad.",
            "Smith",
        ),
    ],
)
def test_a_name_in_apposition_to_a_role_keeps_its_code(nlp, actor_coder, text, later):
    found = codes(nlp, actor_coder, text)
    role = next(code for words, code in found.items() if words.lower().startswith("the"))
    assert found.get(later) == role, found


def test_possessive_pronoun_of_an_event_noun_is_its_person(nlp) -> None:
    text = "Zimbabwe's President Robert Mugabe was jailed in 1963. After his release, he led a war."
    his = [m for m in mentions_of(nlp, text) if text[m.start : m.end] == "his"]
    assert [m.actor.code for m in his] == ["ZWEGOV"]


def test_subject_pronoun_looks_back_past_sentences_without_a_person(nlp) -> None:
    text = (
        "Turkish President Recep Tayyip Erdogan spoke on Wednesday. The museum opened in 1934."
        " Tourists visit it often. He said it would change."
    )
    he = [m for m in mentions_of(nlp, text) if text[m.start : m.end] == "He"]
    assert [m.actor.code for m in he] == ["TURGOV"]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # one holder of a role is someone "he" may stand for ...
        ("Kenyan police said a single officer was attacked; he then fired at the crowd.",
         "KENCOP"),
        # ... a body is not
        ("The Kenyan company said profits fell. He resigned.", None),
    ],
)  # fmt: skip
def test_a_singular_role_is_a_person_a_pronoun_may_stand_for(nlp, text, code) -> None:
    he = [
        m
        for m in mentions_of(nlp, text)
        if text[m.start : m.end] == "he" or text[m.start : m.end] == "He"
    ]
    assert [m.actor.code for m in he] == ([code] if code else [])
