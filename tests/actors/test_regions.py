"""Regions with a block of their own in their country's code (regions.tsv): "Gaza" is
PSEGZA, its people and officials PSEGZA + their sector (hand-written sentences)."""

from __future__ import annotations

import shutil

import pytest

from tidings.actors import code_actors, load_lexicon
from tidings.errors import DataFileError
from tidings.resources import package_file


@pytest.mark.parametrize(
    ("text", "words", "code"),
    [
        ("Rockets were launched from the Gaza Strip overnight.", "the Gaza Strip", "PSEGZA"),
        ("Gaza fighters fired mortars across the fence.", "Gaza fighters", "PSEGZAREB"),
        ("Gazan officials reported heavy damage.", "Gazan officials", "PSEGZAGOV"),
        # a dateline in capitals names the region too
        ("GAZA CITY: Hamas said it would respond.", "GAZA CITY", "PSEGZA"),
        # the rest of the country keeps the plain code
        ("Palestinian officials condemned the raid.", "Palestinian officials", "PSEGOV"),
    ],
)
def test_region_block_follows_the_country(nlp, text: str, words: str, code: str) -> None:
    at = text.index(words)
    found = [m for m in code_actors(nlp(text)) if m.start <= at and at + len(words) <= m.end]
    assert [m.actor.code for m in found] == [code]
    assert found[0].actor.country == "PSE"


def test_region_country_must_be_known(tmp_path) -> None:
    folder = tmp_path / "data"
    shutil.copytree(package_file("tidings.actors", "data"), folder)
    path = folder / "regions.tsv"
    path.write_text(path.read_text(encoding="utf-8") + "Atlantis\t\tATL\tATL\n", "utf-8")
    with pytest.raises(DataFileError, match="regions.tsv:.*unknown country"):
        load_lexicon(folder)
