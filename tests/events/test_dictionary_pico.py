"""Dictionary mode with a PETRARCH coding ontology (PICO) file: codes combine the way
PETRARCH-2 adds them. Hand-written dictionaries and ontology (fictional states)."""

from __future__ import annotations

import pytest

from tests.helpers import dictionary_triples as triples
from tidings.errors import ConfigError, DataFileError
from tidings.events.dictionary.coder import DictionaryCoder, dictionary_coder
from tidings.petrarch import dictionary_files, read_pico

VERBS = """\
--- SAY  [010]  ---
SAY  {SAID SAYS}

--- WANT  [030]  ---
WANT  {WANTS WANTED}
- * HELP  [023]

--- ASK  [020]  ---
ASK  {ASKED ASKS}

--- HELP  [070]  ---
HELP

--- COOPERATE  [060]  ---
COOPERATE

--- ATTACK  [190]  ---
ATTACK

--- PLAN  [030]  ---
PLAN  {PLANS PLANNED}

~ a (_ b ATTACK) WANT = a b 138
"""

ACTORS = """\
FREEDONIA_  [FRD]
SYLVANIA_  [SYL]
MARSOVIA  [MRS]
"""

PICO = """\
# a tiny ontology: speech acts in the top hex digit
010:0x1000#Say
020:0x2000
023:0x2040   # appeal for aid
030:0x3000
033:0x3040
060:0x0070
070:0x0040
<!-- a comment
over two lines -->
121:-0xFFFF+0x0070# reject material cooperation
190:0x00A0
"""


def _folder(tmp_path, pico: str | None = PICO):
    (tmp_path / "P.verbs.txt").write_text(VERBS)
    (tmp_path / "P.actors.txt").write_text(ACTORS)
    if pico is not None:
        (tmp_path / "P.Coding.Ontology.txt").write_text(pico)
    return tmp_path


@pytest.fixture(scope="module")
def coder(tmp_path_factory) -> DictionaryCoder:
    return dictionary_coder(_folder(tmp_path_factory.mktemp("pico")), False, "P.*")


@pytest.fixture(scope="module")
def plain(tmp_path_factory) -> DictionaryCoder:
    """The same dictionaries without the ontology: the frames table stands in."""
    return dictionary_coder(_folder(tmp_path_factory.mktemp("plain"), None), False, "P.*")


def test_the_ontology_reads_sums_and_skips_comments(tmp_path):
    path = tmp_path / "X.Ontology.txt"
    path.write_text(PICO)
    pico = read_pico(path)
    assert pico.numbers["121"] == 0x0070 - 0xFFFF
    assert pico.numbers["010"] == 0x1000 and pico.numbers["190"] == 0xA0
    assert pico.combined("030", "070") == "033"  # intend + aid
    assert pico.combined("020", "070") == "023"  # appeal + aid
    assert pico.negated("060") == "121" and pico.negated("070") is None
    assert pico.number("0612") == 0x0070  # an unknown code takes its root's number


@pytest.mark.parametrize(
    ("line", "problem"),
    [("121 -0xFFFF", "code:number"), ("122:-0xFFFF0x70", "sum of hex"), ("070:0x0041", "twice")],
)
def test_a_bad_ontology_line_names_file_and_line(tmp_path, line, problem):
    path = tmp_path / "X.Ontology.txt"
    path.write_text(PICO + line + "\n")
    with pytest.raises(DataFileError, match=problem) as caught:
        read_pico(path)
    assert f"X.Ontology.txt:{len(PICO.splitlines()) + 1}" in str(caught.value)


def test_a_negated_verb_codes_what_the_ontology_says(nlp, coder, plain):
    text = "Freedonia would not cooperate with Sylvania."
    assert triples(nlp, coder, text) == {("FRD", "121", "SYL")}
    text = "Freedonia would not help Sylvania."  # no "not aid" in this ontology
    assert triples(nlp, coder, text) == set()
    assert triples(nlp, plain, text) == {("FRD", "122", "SYL")}  # the frames stand-in


def test_a_verb_over_a_to_clause_adds_its_code(nlp, coder):
    assert triples(nlp, coder, "Freedonia wants to help Sylvania.") == {("FRD", "033", "SYL")}
    assert triples(nlp, coder, "Freedonia wants help from Sylvania.") == {("FRD", "023", "SYL")}


def test_asking_someone_to_act_is_an_appeal_to_them(nlp, coder):
    text = "Freedonia asked Sylvania to help Marsovia."
    assert triples(nlp, coder, text) == {("FRD", "023", "SYL")}


def test_a_to_clause_without_a_subject_is_an_event_without_a_source(nlp, coder):
    text = "Freedonia wants to attack Sylvania."  # the rule's "_": nobody named attacks
    assert triples(nlp, coder, text) == {("FRD", "138", "SYL")}


def test_an_event_whose_codes_do_not_combine_is_not_written(nlp, coder, plain):
    text = "Marsovia said Freedonia would cooperate with Sylvania."  # 0x1070: no code
    assert triples(nlp, coder, text) == set()  # as PETRARCH-2
    assert triples(nlp, plain, text) == {("FRD", "060", "SYL")}  # the stand-in keeps it


def test_with_an_ontology_the_frames_table_is_not_read(nlp, coder, monkeypatch):
    def no_frames(*args, **kwargs):
        raise AssertionError("frames.tsv was read")

    monkeypatch.setattr("tidings.events.dictionary.coder.load_frames", no_frames)
    for text in ("Freedonia would not attack Sylvania.", "Freedonia plans to help Sylvania."):
        triples(nlp, coder, text)


def test_two_ontology_files_in_one_folder_are_an_error(tmp_path):
    folder = _folder(tmp_path)
    (folder / "P.Other.Ontology.txt").write_text(PICO)
    with pytest.raises(ConfigError, match="more than one"):
        dictionary_coder(folder, False, "P.*")


def test_a_validation_file_names_its_ontology(tmp_path):
    gold = tmp_path / "V.xml"
    gold.write_text(
        "<Environment>\n<Verbfile>P.verbs.txt</Verbfile>\n"
        "<PICOfile>P.Coding.Ontology.txt</PICOfile>\n</Environment>\n"
    )
    assert dictionary_files(gold) == ("P.verbs.txt", "P.Coding.Ontology.txt")
