"""PETRARCH verb dictionaries read into the built-in coder: patterns code, the built-in
triggers may be dropped, a broken line names its file and line, and the shared
dictionaries load.

Actors are given by hand (words -> code, see tests/helpers.py), so these tests pin
the event coder alone; the actors stage has its own tests."""

from __future__ import annotations

import pytest

from tests.helpers import coded, triples
from tidings.errors import DataFileError
from tidings.events import EventCoder
from tidings.events.builtin.verb_files import read_verb_dictionary
from tidings.events.ontology import load_ontology

VERBS = """\
&WEAPONRY
+ROCKET
+MORTAR_

--- LOB  [190]  ---
LOB  {LOBBED LOBBING}  # a verb of our own
- * &WEAPONRY  [194]  # lobbed rockets
- * (AT)  [190]
- COURT *  [173]  # words before the verb: skipped
"""


def test_petrarch_verb_dictionary_codes_patterns(nlp, tmp_path):
    (tmp_path / "my.verbs.txt").write_text(VERBS)
    coder = EventCoder.from_petrarch(tmp_path)
    report = coder.dictionaries[0]
    assert (report.verbs, report.patterns_used, report.patterns_skipped) == (1, 2, 1)
    events = coded(nlp, "Russia lobbed rockets at Ukraine.", coder=coder)
    assert triples(events) == {("194", "RUS", "UKR")}
    events = coded(nlp, "Russia lobbed stones at Ukraine.", coder=coder)
    assert triples(events) == {("190", "RUS", "UKR")}


def test_petrarch_only_drops_the_builtin_triggers(nlp, tmp_path):
    (tmp_path / "my.verbs.txt").write_text(VERBS)
    coder = EventCoder.from_petrarch(tmp_path, keep_builtin=False)
    assert coded(nlp, "Russia condemned Ukraine.", coder=coder) == []


@pytest.mark.parametrize(
    ("text", "line", "problem"),
    [
        ("- * ROCKET  [194]\n", 1, "outside a verb block"),
        ("--- LOB  [190]  ---\nLOB\n- * ROCKET\n", 3, "[code]"),
        ("--- LOB  [190]  ---\nLOB\n<!-- never closed\n", 3, "never closed"),
    ],
)
def test_bad_petrarch_line_names_file_and_line(tmp_path, text, line, problem):
    (tmp_path / "CAMEO.test.txt").write_text(text)
    with pytest.raises(DataFileError) as caught:
        EventCoder.from_petrarch(tmp_path)
    assert f"CAMEO.test.txt:{line}" in str(caught.value) and problem in str(caught.value)


# Measured 2026-11-29 on the shared copies: CAMEO.2.0.txt 1807 verbs, 3728 patterns used
# (940 skipped); PETR.Validate.verbs.txt 266 verbs, 150 used (324 skipped: many WEIS codes).
@pytest.mark.parametrize(
    ("name", "verbs", "used"),
    [("CAMEO.2.0.txt", 1800, 3700), ("PETR.Validate.verbs.txt", 260, 140)],
)
def test_shared_petrarch_dictionaries_load(shared, name, verbs, used):
    report = read_verb_dictionary(shared / "reference" / "petrarch" / name, load_ontology())
    assert report.verbs >= verbs and report.patterns_used >= used
