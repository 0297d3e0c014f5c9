"""Dictionary mode, where PETRARCH-2 writes events its own way: hand-written dictionaries
(fictional states), one behaviour each."""

from __future__ import annotations

import datetime as dt

import pytest
import spacy

from tests.helpers import dictionary_triples as triples
from tidings.actors.phrases import load_phrase_book
from tidings.eval.petrarch import score_petrarch
from tidings.events.dictionary.coder import DictionaryCoder, dictionary_coder
from tidings.petrarch import dictionary_files
from tidings.pipeline import Pipeline

VERBS = """\
--- SAY  [010]  ---
SAY  {SAID SAYS}

--- ANNOUNCE  [010]  ---
ANNOUNCE

--- ATTACK  [190]  ---
ATTACK

--- HELP  [070]  ---
HELP

--- WILL  [030]  ---
WILL

--- RELEASE  [084]  ---
RELEASE

--- ACCUSE  [112]  ---
ACCUSE  {ACCUSED}

--- PRESENT  [---]  ---
PRESENT
- * EVIDENCE  [1124]

--- DEMOLISH  [1712]  ---
DEMOLISH
- PROTESTOR *  [145]

--- RECEIVE  [---]  ---
RECEIVE
- * ASSURANCE  [:030]
- * ENVOYS  [043:042]

--- EXPRESS  [---]  ---
EXPRESS
- * ASSISTANCE  [033]
- * APPRECIATION  [013]
- * GRATITUDE  [017]
- * GRATITUDE  [018]

--- TOUR  [042:043]  ---
TOUR

--- CONDUCT  [---]  ---
CONDUCT
- * MILITARY EXERCISES  [150]

--- AGREE  [030]  ---
AGREE  {AGREED}
- * (TO TALKS)  [046]

--- SHELL  [190]  ---
SHELL  {SHELLED}
- * ROCKETS  [194]

--- PLAN  [030]  ---
PLAN  {PLANS PLANNED}

--- MEET  [036]  ---
MEET  {MET}

~ a (a b Q) SAY = a b Q
~ a (b . ATTACK) SAY = a b 112
"""

ACTORS = """\
FREEDONIA_  [FRD]
SYLVANIA_  [SYL]
MARSOVIA  [MRS]
NORTH-SYLVANIA  [NSY]
SECRETARY_OF_PEACE  [FRDGOV]
"""

AGENTS = """\
MINISTER  {MINISTERS}  [~GOV]
MILITARY  [~MIL]
REBEL  {REBELS}  [~REB]
"""


@pytest.fixture(scope="module")
def coder(tmp_path_factory) -> DictionaryCoder:
    folder = tmp_path_factory.mktemp("dicts")
    (folder / "G.verbs.txt").write_text(VERBS)
    (folder / "G.actors.txt").write_text(ACTORS)
    (folder / "G.agents.txt").write_text(AGENTS)
    return dictionary_coder(folder, keep_builtin=False, pattern="G.*")


def test_a_bare_comment_is_not_written(nlp, coder):
    assert triples(nlp, coder, "Freedonia says it is ready.") == set()
    assert triples(nlp, coder, "Freedonia announced new rules for Sylvania.") == set()


def test_a_transformed_event_on_its_own_source_is_not_written(nlp, coder):
    text = "Freedonia and Sylvania said they would meet."  # each on the other, not itself
    assert triples(nlp, coder, text) == {("FRD", "036", "SYL"), ("SYL", "036", "FRD")}


def test_an_auxiliary_is_no_verb_of_its_own(nlp, coder):
    assert triples(nlp, coder, "Freedonia will help Sylvania.") == {("FRD", "070", "SYL")}


def test_a_participle_inside_a_noun_phrase_codes_nothing(nlp, coder):
    text = "Freedonian prisoners released by Sylvania last year attacked Marsovia."
    assert {c for _, c, _ in triples(nlp, coder, text)} == {"190"}
    text = "Freedonia attacked Marsovia, which released Sylvania in May."
    assert {c for _, c, _ in triples(nlp, coder, text)} == {"190"}


def test_a_main_verb_without_a_coded_subject_looks_back_for_its_source(nlp, coder):
    text = "A report released in Sylvania accused Freedonia of lying."
    assert triples(nlp, coder, text) == {("SYL", "112", "FRD")}


def test_a_passive_verb_matches_its_patterns_by_role(nlp, coder):
    text = "Evidence against Sylvania was presented by Freedonia."
    assert triples(nlp, coder, text) == {("FRD", "1124", "SYL")}
    text = "The embassy of Sylvania was demolished by protestors from Freedonia."
    assert triples(nlp, coder, text) == {("FRD", "145", "SYL")}
    assert triples(nlp, coder, "Freedonia demolished the embassy of Sylvania.") == {
        ("FRD", "1712", "SYL")
    }


def test_a_target_side_code_is_written_from_the_target(nlp, coder):
    text = "Sylvania received assurances from Freedonia."
    assert triples(nlp, coder, text) == {("FRD", "030", "SYL")}


def test_a_paired_code_is_written_both_ways_unless_in_a_to_clause(nlp, coder):
    text = "Sylvania received envoys from Freedonia."
    assert triples(nlp, coder, text) == {("SYL", "043", "FRD"), ("FRD", "042", "SYL")}
    text = "Freedonia toured Sylvania."
    assert triples(nlp, coder, text) == {("FRD", "042", "SYL"), ("SYL", "043", "FRD")}
    text = "Sylvania is preparing to receive envoys from Freedonia."
    assert triples(nlp, coder, text) == {("SYL", "043", "FRD")}


def test_of_equal_patterns_the_nearer_then_the_later_wins(nlp, coder):
    text = "Freedonia expressed appreciation for the assistance of Sylvania."
    assert {c for _, c, _ in triples(nlp, coder, text)} == {"013"}
    text = "Freedonia expressed gratitude to Sylvania."
    assert {c for _, c, _ in triples(nlp, coder, text)} == {"018"}


def test_an_adverbial_clause_with_a_conjunction_is_background(nlp, coder):
    text = "Freedonia attacked Sylvania two days after Marsovia attacked Freedonia."
    assert triples(nlp, coder, text) == {("FRD", "190", "SYL")}
    text = "The talks ended as Freedonia prepared to help Sylvania."
    assert triples(nlp, coder, text) == {("FRD", "070", "SYL")}  # the clause below still codes


def test_a_noun_phrase_the_pattern_spells_is_no_target(nlp, coder):
    text = "Freedonia is conducting military exercises in Sylvania."
    assert triples(nlp, coder, text) == {("FRD", "150", "SYL")}
    text = "Freedonia is conducting military exercises near the border of Sylvania."
    assert triples(nlp, coder, text) == {("FRD", "150", "SYL")}


def test_a_negated_verb_codes_a_refusal_and_its_clauses_nothing(nlp, coder):
    assert triples(nlp, coder, "Freedonia would not help Sylvania.") == {("FRD", "122", "SYL")}
    assert triples(nlp, coder, "Freedonia did not attack Sylvania.") == set()
    text = "Freedonia will not meet Sylvania to help Marsovia."
    assert triples(nlp, coder, text) == {("FRD", "127", "SYL")}


# Measured 2026-11-29 (tidings eval petrarch-gsr --own-dictionaries): exact 0.718, dyadic
# 0.744; 0.372 / 0.436 before this round. PETRARCH-2 on the gold parses: 0.68. With its
# PICO file (PICO round): 0.782 / 0.795.
GSR_FLOOR = 0.74


def test_petrarch_gsr_with_its_own_dictionaries_stays_above_the_floor(shared, tmp_path):
    gold = shared / "reference" / "petrarch" / "PETR2_GSR_validation.xml"
    for name in dictionary_files(gold):  # just the files its <Environment> names
        (tmp_path / name).symlink_to(gold.parent / name)
    pipeline = Pipeline(dictionaries=tmp_path, keep_builtin=False)
    assert score_petrarch(gold, pipeline.extract).exact_match >= GSR_FLOOR


def test_one_phrase_naming_two_actors_is_no_compound_subject(nlp, coder):
    text = "The Freedonia Sylvania alliance attacked on Monday."
    assert triples(nlp, coder, text) == {("FRD", "190", "---"), ("SYL", "190", "---")}
    text = "Freedonia and Sylvania attacked on Monday."
    assert triples(nlp, coder, text) == {("FRD", "190", "SYL"), ("SYL", "190", "FRD")}


def test_a_transformation_binds_the_same_actor_by_its_whole_code(nlp, coder):
    text = "The minister of Freedonia said Freedonia would help Marsovia."
    assert triples(nlp, coder, text) == {("FRD", "070", "MRS")}  # FRDGOV is not FRD
    text = "Freedonia said Freedonia would help Marsovia."
    assert triples(nlp, coder, text) == {("FRD", "070", "MRS")}


def test_a_reporting_clause_after_the_event_transforms_nothing(nlp, coder):
    text = "Marsovia said Freedonia attacked Sylvania."
    assert triples(nlp, coder, text) == {("MRS", "112", "FRD")}
    text = "Freedonia attacked Sylvania, Marsovia said."
    assert triples(nlp, coder, text) == {("FRD", "190", "SYL")}


def test_a_participial_clause_beside_the_main_one_is_background(nlp, coder):
    text = "Freedonia attacked Sylvania on Monday, seeking to help Marsovia."
    assert triples(nlp, coder, text) == {("FRD", "190", "SYL")}
    text = "Freedonia attacked Sylvania, accusing Marsovia of lying."
    assert triples(nlp, coder, text) == {("FRD", "190", "SYL")}


def test_a_hyphenated_word_is_one_word(nlp, coder):
    assert triples(nlp, coder, "Pro-Sylvania rebels attacked Freedonia.") == {("REB", "190", "FRD")}
    text = "Freedonia attacked a Sylvania-held town."
    assert triples(nlp, coder, text) == {("FRD", "190", "---")}
    assert triples(nlp, coder, "North-Sylvania attacked Freedonia.") == {("NSY", "190", "FRD")}


def test_a_prepositional_phrase_pattern_needs_a_preposition(nlp, coder):
    text = "Freedonia agreed to talks with Sylvania."
    assert {c for _, c, _ in triples(nlp, coder, text)} == {"046"}
    text = "Freedonia agreed to hold talks with Sylvania."  # "to" of "to hold"
    assert {c for _, c, _ in triples(nlp, coder, text)} == {"030"}


def test_a_purpose_clause_is_background(nlp, coder):
    text = "Freedonia met Sylvania on Monday to help Marsovia."
    assert triples(nlp, coder, text) == {("FRD", "036", "SYL")}


def test_pattern_words_in_a_relative_clause_do_not_match(nlp, coder):
    assert triples(nlp, coder, "Freedonia shelled Sylvania with rockets.") == {
        ("FRD", "194", "SYL")
    }
    text = "Freedonia shelled the town where Sylvania stores rockets."
    assert {c for _, c, _ in triples(nlp, coder, text)} == {"190"}


def test_a_pattern_starts_no_deeper_than_one_preposition(nlp, coder):
    text = "Freedonia shelled Sylvania at the start of the rockets season."
    assert {c for _, c, _ in triples(nlp, coder, text)} == {"190"}
    text = "Freedonia shelled Sylvania with rockets at dawn."
    assert {c for _, c, _ in triples(nlp, coder, text)} == {"194"}


def test_a_bad_date_restriction_skips_that_line_not_the_actor(tmp_path):
    """As PETRARCH does with "[EGYGOV 20121207-20120802]" or "[USAGOV 19820101]" in the
    Phoenix files (documents the behaviour; it needed no change)."""
    (tmp_path / "X.actors.txt").write_text(
        "KING_RUFUS_\n\t[FRDELI 19900101-20101231]\n\t[FRDGOV 20201207-20200802]\n"
        "\t[FRDGOV 19820101]\n\t[FRDMIL]\n"
    )
    book = load_phrase_book(tmp_path, "X.*")
    words = list(spacy.blank("en")("King Rufus"))
    assert book.code(words, dt.date(2024, 1, 1)) == (["FRDMIL"], [])
    assert book.code(words, dt.date(2000, 1, 1)) == (["FRDELI"], [])


def test_a_clause_after_a_preposition_is_background(nlp, coder):
    text = "Freedonia accused Sylvania of helping Marsovia."
    assert triples(nlp, coder, text) == {("FRD", "112", "SYL")}


def test_an_intent_verb_makes_its_complement_an_intent(nlp, coder):
    assert triples(nlp, coder, "Freedonia plans to help Sylvania.") == {("FRD", "033", "SYL")}
    text = "Freedonia plans to attack Sylvania."  # no intent row for force: it stands
    assert triples(nlp, coder, text) == {("FRD", "190", "SYL")}


def test_a_name_across_a_preposition_narrows_the_actor_before_it(nlp, coder):
    text = "The Freedonia Secretary of Peace attacked Sylvania."  # FRDGOV, not FRD
    assert triples(nlp, coder, text) == {("FRDGOV", "190", "SYL")}


def test_a_name_given_twice_takes_the_later_entry(tmp_path):
    """PETRARCH-2 stores a name's codes by assignment: "PRESIDENT_BUSH" under George H. W.
    Bush, then again under George W. Bush, is the latter."""
    (tmp_path / "Y.actors.txt").write_text(
        "OLD_KING_  [FRDELI]\n+KING_RUFUS\nYOUNG_KING_  [FRDGOV]\n+KING_RUFUS_\n"
    )
    book = load_phrase_book(tmp_path, "Y.*")
    words = list(spacy.blank("en")("King Rufus"))
    assert book.code(words, dt.date(2024, 1, 1)) == (["FRDGOV"], [])
