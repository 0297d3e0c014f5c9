"""Dictionary mode codes as PETRARCH does: small hand-written dictionaries, one feature each."""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

import pytest

from tests.helpers import dictionary_triples as triples
from tidings.actors.petrarch import read_directory
from tidings.eval.petrarch import score_petrarch
from tidings.events.dictionary.coder import DictionaryCoder, dictionary_coder
from tidings.petrarch import read_verb_book
from tidings.pipeline import Pipeline

VERBS = """\
&ARMS
+ROCKET
+HEAVY_MORTAR
&NEGATION
+DID N'T
+WILL NOT

--- SHELL  [190]  ---
SHELL  {SHELLED SHELLING}
- * &ARMS  [194]
- * &ARMS (AT {BORDER POSTS})  [195]
- &NEGATION *  [196]

--- PRAISE  [051]  ---
PRAISE
- * $ FOR HELPING +  [057]

--- MEET  [036]  ---
MEET  {MET}
- % *  [030:030]
- * TALKS  [046]
- % * TALKS  [047]

--- VISIT  [042:043]  ---
VISIT

--- CALL  [---]  ---
+CALL_OFF  {CALLED}  [191]
CALL  {CALLED}
- * FOR AID  [070]

--- URGE  [102]  ---
URGE
- * TO HELP  [103]

--- HELP  [070]  ---
HELP

--- SAY  [010]  ---
SAY  {SAID}
- * ATTACK  [195]
- * IS_WRONG  [111]

--- ATTACK  [190]  ---
ATTACK

~ a (b . ATTACK) SAY = a b 112
"""

ACTORS = """\
FREEDONIA_  [FRD]
+FREEDONIAN
SYLVANIA_  [SYL]
MARSOVIA  [MRS]
THE_TWIN_CITIES  [TWA/TWB]
KING_RUFUS  [FRDGOV]
LORD_OF_THE_ISLES  [ISL]
"""

AGENTS = """\
DEFENCE_MINISTER  [~GOVDEF]
SOLDIER  {SOLDIERS}  [~MIL]
"""

DISCARDS = """\
+FOOTBALL MATCH
MONTHS LATER
"""


@pytest.fixture(scope="module")
def coder(tmp_path_factory) -> DictionaryCoder:
    folder = tmp_path_factory.mktemp("dicts")
    (folder / "T.verbs.txt").write_text(VERBS)
    (folder / "T.actors.txt").write_text(ACTORS)
    (folder / "T.agents.txt").write_text(AGENTS)
    (folder / "T.discards.txt").write_text(DISCARDS)
    return dictionary_coder(folder, keep_builtin=False, pattern="T.*")


def test_verb_code_without_a_pattern(nlp, coder):
    assert triples(nlp, coder, "Freedonia attacked Sylvania.") == {("FRD", "190", "SYL")}


def test_synonym_set_pattern_and_its_forms(nlp, coder):
    assert triples(nlp, coder, "Freedonia shelled Sylvania with rockets.") == {
        ("FRD", "194", "SYL")
    }
    text = "Freedonia shelled Sylvania with heavy mortars."
    assert triples(nlp, coder, text) == {("FRD", "194", "SYL")}


def test_pattern_words_in_a_following_clause_do_not_match(nlp, coder):
    text = "Freedonia shelled Sylvania after rebels fired rockets."
    assert triples(nlp, coder, text) == {("FRD", "190", "SYL")}


def test_the_longest_matching_pattern_wins(nlp, coder):
    text = "Freedonia shelled rockets at border posts in Sylvania."
    assert {c for _, c, _ in triples(nlp, coder, text)} == {"195"}


def test_negated_verb_codes_only_through_a_negation_pattern(nlp, coder):
    assert triples(nlp, coder, "Freedonia didn't shell Sylvania.") == {("FRD", "196", "SYL")}
    assert triples(nlp, coder, "Freedonia did not attack Sylvania.") == set()


def test_source_and_target_markers_place_the_actors(nlp, coder):
    text = "The council praised Sylvania for helping Freedonia."
    assert triples(nlp, coder, text) == {("SYL", "057", "FRD")}


def test_compound_marker_codes_conjoined_actors_pairwise(nlp, coder):
    assert triples(nlp, coder, "Freedonia and Sylvania met on Monday.") == {
        ("FRD", "030", "SYL"),
        ("SYL", "030", "FRD"),
    }


def test_compound_pattern_needs_a_compound_subject(nlp, coder):
    assert triples(nlp, coder, "Freedonia met Sylvania on Monday.") == {("FRD", "036", "SYL")}
    text = "Freedonia met Sylvania for talks."
    assert {c for _, c, _ in triples(nlp, coder, text)} == {"046"}
    text = "Freedonia and Sylvania met for talks."
    assert {c for _, c, _ in triples(nlp, coder, text)} == {"047"}  # "%": the more specific


def test_a_pattern_reaching_into_the_complement_outranks_its_event(nlp, coder):
    assert triples(nlp, coder, "Freedonia urged Sylvania to help Marsovia.") == {
        ("FRD", "103", "SYL")
    }
    assert triples(nlp, coder, "Freedonia said Sylvania would help Marsovia.") == {
        ("SYL", "070", "MRS")
    }


def test_a_compound_subject_without_a_target_acts_on_itself(nlp, coder):
    assert triples(nlp, coder, "Freedonia and Sylvania attacked on Monday.") == {
        ("FRD", "190", "SYL"),
        ("SYL", "190", "FRD"),
    }


def test_paired_code_is_written_from_the_subjects_side_of_a_passive(nlp, coder):
    assert triples(nlp, coder, "King Rufus visited Sylvania.") == {
        ("FRDGOV", "042", "SYL"),
        ("SYL", "043", "FRDGOV"),  # both sides, as PETRARCH-2 writes `[a:b]`
    }
    assert triples(nlp, coder, "Sylvania was visited by King Rufus.") == {("SYL", "043", "FRDGOV")}


def test_multiword_verb_is_more_specific_than_its_verb(nlp, coder):
    assert triples(nlp, coder, "Freedonia called off talks with Sylvania.") == {
        ("FRD", "191", "SYL")
    }
    assert triples(nlp, coder, "Freedonia called Sylvania.") == set()  # CALL alone: [---]
    assert triples(nlp, coder, "Freedonia called for aid from Sylvania.") == {("FRD", "070", "SYL")}


def test_agents_combine_with_the_country_of_the_phrase(nlp, coder):
    text = "Freedonia's defence minister attacked Sylvanian soldiers in Marsovia."
    found = triples(nlp, coder, text)
    assert ("FRDGOVDEF", "190", "SYL") not in found  # "Sylvanian" is no dictionary name
    assert any(s == "FRDGOVDEF" for s, _, _ in found)
    assert triples(nlp, coder, "Soldiers from Freedonia attacked Sylvania.") == {
        ("FRDMIL", "190", "SYL")
    }


def test_a_phrase_takes_the_actor_of_its_first_coded_preposition(nlp, coder):
    text = "Freedonia attacked the bases of soldiers from Sylvania in Marsovia."
    assert triples(nlp, coder, text) == {("FRD", "190", "SYLMIL")}


def test_an_actor_takes_agents_from_an_of_phrase_only(nlp, coder):
    text = "Freedonia in league with soldiers attacked Sylvania."
    assert triples(nlp, coder, text) == {("FRD", "190", "SYL")}


def test_passive_by_agent_is_the_source(nlp, coder):
    assert triples(nlp, coder, "Sylvania was attacked by Freedonia.") == {("FRD", "190", "SYL")}


def test_slash_codes_are_each_an_actor(nlp, coder):
    assert triples(nlp, coder, "The Twin Cities attacked Sylvania.") == {
        ("TWA", "190", "SYL"),
        ("TWB", "190", "SYL"),
    }


def test_subject_is_borrowed_and_the_complement_event_stands(nlp, coder):
    text = "Freedonia said it would attack Sylvania."
    assert triples(nlp, coder, "Freedonia is about to attack Sylvania.") == {("FRD", "190", "SYL")}
    assert triples(nlp, coder, text) == {("FRD", "190", "SYL")}  # "it": the sayer


def test_transformation_turns_a_reported_attack_into_an_accusation(nlp, coder):
    assert triples(nlp, coder, "Freedonia said Sylvania attacked Marsovia.") == {
        ("FRD", "112", "SYL")
    }


def test_only_a_phrase_pattern_reaches_into_a_clause_with_its_own_subject(nlp, coder):
    assert triples(nlp, coder, "Freedonia said Sylvania is wrong.") == {("FRD", "111", "SYL")}
    # "* ATTACK" is a lone word: the reported attack stands (then is transformed)
    assert {c for _, c, _ in triples(nlp, coder, "Freedonia said Sylvania attacked.")} == {"112"}


def test_actor_names_run_across_a_preposition(nlp, coder):
    assert triples(nlp, coder, "The Lord of the Isles attacked Sylvania.") == {
        ("ISL", "190", "SYL")
    }


def test_discard_phrases_drop_the_sentence_or_the_story(nlp, coder):
    assert triples(nlp, coder, "Months later Freedonia attacked Sylvania.") == set()
    story = "Freedonia attacked Sylvania. The football match ended in a draw."
    assert triples(nlp, coder, story) == set()


def test_verb_book_reads_every_pattern_feature(tmp_path):
    (tmp_path / "v.txt").write_text(VERBS)
    book = read_verb_book([tmp_path / "v.txt"])
    praise = book.patterns[book.verbs["praise"][0].block]
    assert [e.role for e in praise[0].after if e.role] == ["source", "target"]
    meet = book.patterns[book.verbs["met"][0].block][0]
    assert meet.compound and (meet.code, meet.reverse) == ("030", "030")
    call_off = [f for f in book.verbs["called"] if len(f.words) > 1][0]
    assert call_off.words == ("called", "off") and call_off.code == "191"
    assert book.patterns[book.verbs["shell"][0].block][2].before[0].options >= {("did", "n't")}


def test_pipeline_with_dictionaries_codes_with_them(tmp_path: Path):
    (tmp_path / "T.verbs.txt").write_text(VERBS)
    (tmp_path / "T.actors.txt").write_text(ACTORS)
    pipeline = Pipeline(dictionaries=tmp_path, keep_builtin=False)
    assert isinstance(pipeline.event_coder, DictionaryCoder)
    events = pipeline.extract("Freedonia shelled Sylvania with rockets.", dt.date(2024, 5, 1))
    assert {(e.source.code, e.cameo.code, e.target.code) for e in events} == {  # type: ignore[union-attr]
        ("FRD", "194", "SYL")
    }


# Measured 2026-11-29 (tidings eval petrarch-unit): exact 0.756, dyadic 0.810 (0.713 / 0.796
# before the PETRARCH-2 fidelity round); before the
# dictionary coder 0.057 / 0.122. PETRARCH-2 itself: 0.51 (0.74 dyadic).
UNIT_FLOOR = 0.74


def test_petrarch_unit_tests_with_their_own_dictionaries_stay_above_the_floor(shared):
    folder = shared / "reference" / "petrarch"
    pipeline = Pipeline(dictionaries=folder, keep_builtin=False, pattern="PETR.Validate.*")
    score = score_petrarch(folder / "PETR.UnitTest.records.xml", pipeline.extract)
    assert score.exact_match >= UNIT_FLOOR


def test_skipped_dictionary_lines_are_one_warning_and_listed_at_info(tmp_path, caplog):
    (tmp_path / "S.actors.txt").write_text("FREEDONIA_  [FRD]\n+313_\n+42_\nSYLVANIA_  [SYL]\n")
    with caplog.at_level(logging.INFO, logger="tidings.actors.petrarch"):
        read = read_directory(tmp_path, pattern="S.*")
    assert len(read.actors) == 2 and len(read.problems) == 2  # the actors stay
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert warnings == [
        "2 dictionary lines skipped, as PETRARCH skips them (S.actors.txt 2); logging at INFO"
        " level (logger tidings.actors.petrarch) lists them"
    ]
    infos = [r.getMessage() for r in caplog.records if r.levelno == logging.INFO]
    assert len(infos) == 2 and "S.actors.txt:2" in infos[0]
