"""The toll stage's word lists, loaded once from `data/*.tsv` and checked line by line.

Which words are numbers, what "dozens" conventionally means, and which words say
someone was killed or arrested are knowledge, not code: they live in readable
tables a person can extend, and a malformed line fails loudly with file and line.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, get_args

from tidings.resources import Row, package_file, read_tsv

Kind = Literal["killed", "injured", "arrested", "abducted", "displaced"]
KINDS: tuple[str, ...] = get_args(Kind)

CORE_TYPES = ("number", "scale", "vague")
BEFORE_TYPES = ("at-least", "more-than", "up-to", "less-than", "about")
AFTER_TYPES = ("or-more", "or-so")


@dataclass(frozen=True, slots=True)
class Amount:
    """One quantity phrase from quantities.tsv: its type and its low/high values."""

    type: str
    low: int | None
    high: int | None


@dataclass(frozen=True, slots=True)
class Quantities:
    """Lookup tables keyed by tuples of lower-case words, longest phrase first to match."""

    cores: dict[tuple[str, ...], Amount]  # number, scale and vague phrases
    before: dict[tuple[str, ...], Amount]  # bounds in front of a number
    after: dict[tuple[str, ...], Amount]  # bounds after a number
    longest: int
    starts: frozenset[str]  # words a number phrase may begin with (besides digits)


@dataclass(frozen=True, slots=True)
class KindWord:
    """One kinds.tsv entry: a phrase of lemmas and what it says of the people counted."""

    words: tuple[str, ...]
    kind: Kind
    role: Literal["word", "toll"]
    victim_subject: bool  # True when an active-voice subject is the victim ("12 died")


def _int(row: Row, column: str) -> int | None:
    value = row.get(column)
    if not value:
        return None
    try:
        number = int(value)
    except ValueError:
        raise row.fail(f"column {column!r} must be a whole number, not {value!r}") from None
    if number < 0:
        raise row.fail(f"column {column!r} must not be negative")
    return number


@functools.cache
def load_quantities(path: Path | None = None) -> Quantities:
    """Read quantities.tsv (or `path`), checking types and that numbers have values."""
    path = path or package_file("tidings.toll", "data/quantities.tsv")
    tables: dict[str, dict[tuple[str, ...], Amount]] = {"core": {}, "before": {}, "after": {}}
    for row in read_tsv(path, ("phrase", "type")):
        kind = row["type"]
        if kind in CORE_TYPES:
            table = "core"
        elif kind in BEFORE_TYPES:
            table = "before"
        elif kind in AFTER_TYPES:
            table = "after"
        else:
            allowed = ", ".join(CORE_TYPES + BEFORE_TYPES + AFTER_TYPES)
            raise row.fail(f"unknown type {kind!r}; use one of {allowed}")
        amount = Amount(kind, _int(row, "low"), _int(row, "high"))
        if kind in ("number", "scale") and amount.low is None:
            raise row.fail(f"a {kind} needs its value in column 'low'")
        if amount.low is not None and amount.high is not None and amount.low > amount.high:
            raise row.fail("'low' is greater than 'high'")
        words = tuple(row["phrase"].lower().split())
        if words in tables[table]:
            raise row.fail(f"{row['phrase']!r} is listed twice")
        tables[table][words] = amount
    longest = max((len(w) for t in tables.values() for w in t), default=1)
    starts = frozenset(w[0] for t in (tables["core"], tables["before"]) for w in t)
    return Quantities(
        tables["core"], tables["before"], tables["after"], longest, starts | {"between", "a", "an"}
    )


@functools.cache
def load_kinds(path: Path | None = None) -> tuple[KindWord, ...]:
    """Read kinds.tsv (or `path`), checking kind, role and subject values."""
    path = path or package_file("tidings.toll", "data/kinds.tsv")
    entries: list[KindWord] = []
    for row in read_tsv(path, ("phrase", "kind", "role", "subject")):
        if row["kind"] not in KINDS:
            raise row.fail(f"unknown kind {row['kind']!r}; use one of {', '.join(KINDS)}")
        if row["role"] not in ("word", "toll"):
            raise row.fail(f"unknown role {row['role']!r}; use word or toll")
        if row["subject"] not in ("agent", "victim"):
            raise row.fail(f"unknown subject {row['subject']!r}; use agent or victim")
        words = tuple(row["phrase"].lower().split())
        entries.append(
            KindWord(words, row["kind"], row["role"], row["subject"] == "victim")  # type: ignore[arg-type]
        )
    return tuple(sorted(entries, key=lambda e: -len(e.words)))  # longest phrase first


@functools.cache
def kind_index() -> dict[str, tuple[KindWord, ...]]:
    """The packaged kinds by their first word, longest phrase first."""
    index: dict[str, list[KindWord]] = {}
    for entry in load_kinds():
        index.setdefault(entry.words[0], []).append(entry)
    return {word: tuple(entries) for word, entries in index.items()}


@dataclass(frozen=True, slots=True)
class TollWords:
    """words.tsv: nouns naming one person, and verbs that put a toll past its number."""

    people: frozenset[str]
    beyond: frozenset[str]


@functools.cache
def load_words(path: Path | None = None) -> TollWords:
    """Read words.tsv (or `path`), checking each line's kind."""
    path = path or package_file("tidings.toll", "data/words.tsv")
    found: dict[str, set[str]] = {"person": set(), "beyond": set()}
    for row in read_tsv(path, ("kind", "word")):
        if row["kind"] not in found:
            raise row.fail(f"unknown kind {row['kind']!r}; use person or beyond")
        found[row["kind"]].add(row["word"].lower())
    return TollWords(frozenset(found["person"]), frozenset(found["beyond"]))
