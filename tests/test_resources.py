"""The shared readers of the packaged data files: every bad line named with its file."""

from __future__ import annotations

import pytest

from tidings.errors import DataFileError
from tidings.resources import word_kinds

KINDS = frozenset({"stop", "locative"})


def test_word_kinds_gives_each_kind_its_words_through_form(tmp_path):
    path = tmp_path / "words.tsv"
    path.write_text("# a comment\nword\tkind\nThe Hague\tstop\nnear\tlocative\n")
    assert word_kinds(path, KINDS, str.lower) == {
        "stop": frozenset({"the hague"}),
        "locative": frozenset({"near"}),
    }


def test_word_kinds_names_the_line_of_an_unknown_kind(tmp_path):
    path = tmp_path / "words.tsv"
    path.write_text("word\tkind\nnear\tlocative\nfar\tplace\n")
    with pytest.raises(DataFileError) as error:
        word_kinds(path, KINDS)
    assert (error.value.path, error.value.line) == (str(path), 3)
    assert "kind 'place' is not one of locative, stop" in error.value.problem
