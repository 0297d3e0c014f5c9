"""The hand-written word lists of where/ (data/words.tsv and files like it), by kind."""

from __future__ import annotations

from functools import cache

from tidings.geo import norm
from tidings.resources import package_file, word_kinds

__all__ = ["words"]


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
    return word_kinds(package_file("tidings.where", "data/words.tsv"), _WORD_KINDS, norm)
