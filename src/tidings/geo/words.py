"""The hand-written words the gazetteer is built with (data/words.tsv), by kind."""

from __future__ import annotations

from functools import cache

from tidings.geo.entries import norm
from tidings.resources import package_file, word_kinds

__all__ = ["words"]

_KINDS = frozenset({"generic_area", "area_prefix", "area_suffix"})


@cache
def words(kind: str) -> frozenset[str]:
    """Words of one kind ("generic_area", "area_prefix", "area_suffix"), as `norm` keys."""
    return _table()[kind]


@cache
def _table() -> dict[str, frozenset[str]]:
    return word_kinds(package_file("tidings.geo", "data/words.tsv"), _KINDS, norm)
