"""The hand-written word lists of where/ (data/words.tsv and files like it), by kind."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from tidings.geo import norm
from tidings.resources import package_file, read_tsv

__all__ = ["word_kinds", "words"]


@cache
def words(kind: str) -> frozenset[str]:
    """Words of one kind from data/words.tsv ("direction", "locative", "stop", ...)."""
    return _word_table()[kind]


_WORD_KINDS = frozenset(
    {
        "direction",
        "compass",
        "locative",
        "motion",
        "place_noun",
        "keep_verb",
        "stop",
        "district",
        "state_noun",
        "saint",
        "area_noun",
        "title_word",
    }
)


@cache
def _word_table() -> dict[str, frozenset[str]]:
    return word_kinds("data/words.tsv", _WORD_KINDS, norm)


def word_kinds(
    name: str, kinds: frozenset[str], form: Callable[[str], str] = str
) -> dict[str, frozenset[str]]:
    """A where/ data file of (word, kind) rows: its words by kind, each through `form`;
    a row of another kind is an error naming its file and line."""
    table: dict[str, set[str]] = {kind: set() for kind in kinds}
    for row in read_tsv(package_file("tidings.where", name), ["word", "kind"]):
        if row["kind"] not in kinds:
            raise row.fail(f"kind {row['kind']!r} is not one of {', '.join(sorted(kinds))}")
        table[row["kind"]].add(form(row["word"]))
    return {kind: frozenset(found) for kind, found in table.items()}
