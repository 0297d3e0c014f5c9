"""The ACLED type of an event by its actors (data/acled.tsv), not by its code alone.

cameo.tsv gives each CAMEO code one ACLED type, so every 19x was an "Armed clash", even a
policeman shooting a protester or a gunman firing into a party. ACLED decides by who did
it to whom: unarmed victims make "Violence against civilians", protesters under force by
the state "Excessive force against protesters", and an armed clash needs two armed sides.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from tidings.actors import load_lexicon as load_actor_lexicon
from tidings.events.ontology import ACLED_TYPES, Ontology, load_ontology
from tidings.events.word_classes import WordClasses, load_word_classes
from tidings.model import Acled, Actor
from tidings.resources import package_file, read_tsv

__all__ = ["AcledTable", "acled_type", "load_acled_table"]

ANY = "*"
KEEP = "="
NONE = "-"
STATE = "STATE"  # a country named as such: an actor with a country and no sector
MISSING = "?"


@dataclass(frozen=True, slots=True)
class _Row:
    code: str
    sources: frozenset[str]
    targets: frozenset[str]
    word: str
    acled: Acled | None | str  # KEEP: the ontology's type for the code


class AcledTable:
    def __init__(self, rows: list[_Row], classes: WordClasses) -> None:
        self._rows = rows
        self._classes = classes

    def type_of(
        self,
        ontology: Ontology,
        code: str,
        source: Actor | None,
        target: Actor | None,
        words: tuple[str, ...] = (),
    ) -> Acled | None:
        """The ACLED type of `code` done by `source` to `target`, named by `words`."""
        for row in self._rows:
            if not code.startswith(row.code):
                continue
            if not (_matches(row.sources, source) and _matches(row.targets, target)):
                continue
            if row.word != ANY and not any(row.word in self._classes.of(w) for w in words):
                continue
            return ontology.acled(code) if row.acled == KEEP else row.acled  # type: ignore[return-value]
        return ontology.acled(code)


def _sector(actor: Actor | None) -> str:
    if actor is None:
        return MISSING
    if actor.sector:
        return actor.sector
    return STATE if actor.country else MISSING


def _matches(allowed: frozenset[str], actor: Actor | None) -> bool:
    return ANY in allowed or _sector(actor) in allowed


def acled_type(
    ontology: Ontology,
    code: str,
    source: Actor | None,
    target: Actor | None,
    words: tuple[str, ...] = (),
) -> Acled | None:
    """The ACLED type of an event, by the packaged table."""
    return load_acled_table().type_of(ontology, code, source, target, words)


def load_acled_table(path: Path | None = None) -> AcledTable:
    return _packaged() if path is None else _read(Path(path), load_ontology())


@cache
def _packaged() -> AcledTable:
    return _read(package_file("tidings.events", "data/acled.tsv"), load_ontology())


def _read(path: Path, ontology: Ontology) -> AcledTable:
    classes = load_word_classes()
    sectors = load_actor_lexicon().sectors | {ANY, STATE, MISSING}
    rows: list[_Row] = []
    required = ("code", "source", "target", "word", "acled_event_type")
    for row in read_tsv(path, required=required):
        unknown = [s for c in ("source", "target") for s in row.list(c) if s not in sectors]
        if unknown:
            raise row.fail(f"unknown sector {unknown[0]!r}; see actors/data/sector_codes.tsv")
        code = row["code"]
        if code not in ontology:
            raise row.fail(f"code {code!r} is not a CAMEO code or root in the ontology table")
        word = row["word"]
        if word != ANY and word not in classes.names:
            raise row.fail(f"word class {word!r} is not in classes.tsv")
        kind, sub = row["acled_event_type"], row.get("acled_sub_event_type") or None
        acled: Acled | None | str
        if kind in (KEEP, NONE):
            acled = KEEP if kind == KEEP else None
        elif kind not in ACLED_TYPES:
            raise row.fail(f"unknown acled_event_type {kind!r}; known: {', '.join(ACLED_TYPES)}")
        elif sub is not None and sub not in ACLED_TYPES[kind]:
            raise row.fail(f"acled_sub_event_type {sub!r} is not a sub-event type of {kind!r}")
        else:
            acled = Acled(kind, sub)
        sides = (frozenset(row.list("source")), frozenset(row.list("target")))
        rows.append(_Row(code, sides[0], sides[1], word, acled))
    return AcledTable(rows, classes)
