"""The toll stage's data files: the packaged ones load, and a malformed line names its
file and line."""

from __future__ import annotations

import pytest

from tidings.errors import DataFileError
from tidings.toll import load_kinds, load_quantities
from tidings.toll.lexicon import load_words


@pytest.mark.parametrize(
    ("loader", "text", "line"),
    [
        (load_quantities, "phrase\ttype\tlow\thigh\none\tnumber\t1\t\ntwo\tnumbr\t2\t\n", 3),
        (load_quantities, "phrase\ttype\tlow\thigh\n# note\n\nfew\tvague\t5\t2\n", 4),
        (load_quantities, "phrase\ttype\tlow\thigh\nten\tnumber\tten\t\n", 2),
        (
            load_kinds,
            "phrase\tkind\trole\tsubject\nkill\tkilled\tword\tagent\nx\tmaimed\tword\t\n",
            3,
        ),
        (load_kinds, "phrase\tkind\trole\tsubject\nkill\tkilled\tverb\tagent\n", 2),
        (load_words, "kind\tword\nperson\tman\npeople\twoman\n", 3),
    ],
)
def test_malformed_data_file_names_file_and_line(tmp_path, loader, text: str, line: int) -> None:
    path = tmp_path / "bad.tsv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError) as err:
        loader(path)
    assert err.value.line == line
    assert f"{path}:{line}" in str(err.value)


def test_packaged_data_files_load() -> None:
    assert load_quantities().cores[("twelve",)].low == 12
    assert "journalist" in load_words().people and "exceed" in load_words().beyond
    assert {e.kind for e in load_kinds()} == {
        "killed",
        "injured",
        "arrested",
        "abducted",
        "displaced",
    }
