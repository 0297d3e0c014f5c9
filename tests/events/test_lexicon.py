"""The trigger lexicon (events/builtin/data/triggers.tsv): every code it names is in the
ontology, and a broken line names its file and line."""

from __future__ import annotations

import pytest

from tidings.errors import DataFileError
from tidings.events.builtin.lexicon import build_lexicon, load_lexicon
from tidings.events.ontology import load_ontology
from tidings.resources import package_file


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
        build_lexicon(
            path, package_file("tidings.events.builtin", "data/cues.tsv"), load_ontology()
        )
    message = str(caught.value)
    assert "triggers.tsv:3" in message and problem in message
