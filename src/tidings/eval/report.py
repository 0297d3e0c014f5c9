"""What every gold-set scorer shares: the extract signature, counts, misses and their kinds.

A scorer reads its gold file lazily, calls `extract(text, date, id)` once per record
(the signature of `tidings.pipeline.Pipeline.extract`) and returns a frozen score
with the raw counts, properties for the rates, a tally of the kinds of misses it saw
and a few example misses for whoever improves the coder.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from tidings.errors import InputError
from tidings.model import EventMention, Modality

__all__ = [
    "COUNTED_MODALITIES",
    "Counts",
    "Extract",
    "Miss",
    "Score",
    "counted",
    "pick_misses",
    "require_file",
    "shares_words",
]

Extract = Callable[[str, dt.date, str], list[EventMention]]

# Gold sets code what happened and what was announced ("is about to restore ties" is
# PETRARCH's 064), not what was denied, negated, threatened or merely supposed; a
# threat is coded by its own 13x event, which the coder marks asserted.
COUNTED_MODALITIES: frozenset[Modality] = frozenset({"asserted", "future"})


@dataclass(frozen=True, slots=True)
class Counts:
    """True positives, false positives and false negatives of one field."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @classmethod
    def of(cls, ours: Iterable[object], gold: Iterable[object]) -> Counts:
        """Set comparison of one record's predicted and gold values."""
        mine, theirs = set(ours), set(gold)
        return cls(len(mine & theirs), len(mine - theirs), len(theirs - mine))

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True, slots=True)
class Miss:
    """One thing the coder got wrong on one gold record, as an example to look at."""

    id: str
    kind: str  # a short class of error, e.g. "actor agent block differs"
    gold: str
    ours: str
    text: str


class Score(Protocol):
    """What the CLI needs from every set's score."""

    misses: tuple[Miss, ...]
    miss_kinds: tuple[tuple[str, int], ...]

    @property
    def title(self) -> str: ...

    def rows(self) -> list[dict[str, object]]: ...


def counted(
    mentions: Iterable[EventMention], modalities: frozenset[str] = COUNTED_MODALITIES
) -> list[EventMention]:
    """The mentions a gold set would code: those in the counted modalities, in order."""
    return [m for m in mentions if m.modality in modalities]


def pick_misses(misses: Sequence[Miss], limit: int) -> tuple[tuple[Miss, ...], Counter[str]]:
    """A few examples spread over the kinds (commonest kind first), and every kind's count."""
    kinds = Counter(m.kind for m in misses)
    by_kind = {kind: [m for m in misses if m.kind == kind] for kind, _ in kinds.most_common()}
    picked: list[Miss] = []
    depth = 0
    while len(picked) < min(limit, len(misses)):
        picked += [group[depth] for group in by_kind.values() if depth < len(group)]
        depth += 1
    return tuple(picked[:limit]), kinds


_STOP = frozenset(
    {"the", "a", "an", "of", "and", "or", "in", "on", "at", "to", "for", "by", "with", "from"}
    | {"his", "her", "its", "their", "he", "she", "it", "they", "them", "who", "which", "that"}
    | {"this", "these", "those", "s"}
)


def shares_words(ours: str, gold: str) -> bool:
    """Whether two mention texts share a content word ("Russian major general" ~ "general")."""

    def words(text: str) -> set[str]:
        return {w for w in re.findall(r"\w+", text.lower()) if w not in _STOP and len(w) > 1}

    return bool(words(ours) & words(gold))


def require_file(path: Path) -> Path:
    """The gold file, or an error saying where it was looked for."""
    if not path.is_file():
        raise InputError(
            f"gold file not found at {path}; point --shared (or $TIDINGS_SHARED) at the "
            "folder holding reference/petrarch/ and eval/"
        )
    return path
