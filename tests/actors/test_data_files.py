"""The actors stage's data files: the packaged ones load, and a malformed line names its
file and line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tidings.actors import load_lexicon
from tidings.errors import DataFileError
from tidings.resources import package_file


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
    ("people.tsv", "Jane Roe\tUSAGOV", "not a list"),
    ("people.tsv", "Jane Roe\t[USAGOV 2021-2020]", "neither YYYYMMDD"),
    ("people.tsv", "Putin\t[RUSGOV]", "already used"),
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


def test_agent_block_must_be_known_sectors(tmp_path):
    folder = package_file("tidings.actors", "data")
    for name in ("countries.tsv", "organisations.tsv", "people.tsv", "markers.tsv"):
        (tmp_path / name).write_text((folder / name).read_text(encoding="utf-8"), "utf-8")
    (tmp_path / "sector_codes.tsv").write_text(
        (folder / "sector_codes.tsv").read_text(encoding="utf-8"), "utf-8"
    )
    (tmp_path / "sectors.tsv").write_text(
        "phrase\tsector\tpriority\nadviser\tGOVXYZ\t2\n", encoding="utf-8"
    )
    with pytest.raises(DataFileError, match="sectors.tsv:2"):
        load_lexicon(tmp_path)


def test_shared_place_countries_must_be_known(tmp_path) -> None:
    folder = tmp_path / "data"
    shutil.copytree(package_file("tidings.actors", "data"), folder)
    path = folder / "ambiguous.tsv"
    path.write_text(path.read_text(encoding="utf-8") + "Tripoli\tLBY|XXA\n", "utf-8")
    with pytest.raises(DataFileError, match="ambiguous.tsv:.*two or more codes"):
        load_lexicon(folder)
