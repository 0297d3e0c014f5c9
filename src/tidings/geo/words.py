"""The hand-written words the gazetteer is built with (data/words.tsv), by kind."""

from __future__ import annotations

from functools import cache

from tidings.geo.entries import norm
from tidings.resources import package_file, read_tsv

__all__ = ["words"]

_KINDS = frozenset({"generic_area", "area_prefix", "area_suffix"})


@cache
def words(kind: str) -> frozenset[str]:
    """Words of one kind ("generic_area", "area_prefix", "area_suffix"), as `norm` keys."""
    return _table()[kind]


@cache
def _table() -> dict[str, frozenset[str]]:
    """Every row of data/words.tsv by kind; a row of another kind is an error naming its line."""
    table: dict[str, set[str]] = {kind: set() for kind in _KINDS}
    for row in read_tsv(package_file("tidings.geo", "data/words.tsv"), ["word", "kind"]):
        if row["kind"] not in _KINDS:
            raise row.fail(f"kind {row['kind']!r} is not one of {', '.join(sorted(_KINDS))}")
        table[row["kind"]].add(norm(row["word"]))
    return {kind: frozenset(found) for kind, found in table.items()}
