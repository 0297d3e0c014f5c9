"""Score the coder against WikiEvents (shared/eval/wikievents/dev.jsonl): recall of its
attack, injure, die and arrest events and of their who-did-it / to-whom arguments.

WikiEvents annotates KAIROS events document by document; data/wikievents_types.tsv says
which CAMEO codes find which KAIROS type and which roles stand for our source and
target. Its annotation is not exhaustive for CAMEO, so only recall is measured.

- A gold event is found "in its sentence" when we code an event of a mapped code whose
  trigger lies in the gold trigger's sentence, and "at its trigger" when our trigger
  overlaps the gold one (a death is usually coded through its attack, so for die and
  injure the sentence figure is the one to read).
- An argument is found when one of those events has a source (or target) whose text
  shares a content word with the gold argument or a mention coreferent with it
  (coref/dev.jsonlines), or is the same words ("They"). Actors carry no offsets, so text
  is compared.

The documents are given as sentences; they are joined with blank lines (their `text`
field runs headlines into the next sentence) and have no dates, so one stand-in date
is used.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import json
from collections.abc import Iterator
from dataclasses import dataclass, fields
from pathlib import Path

from tidings.errors import DataFileError
from tidings.eval.report import (
    COUNTED_MODALITIES,
    Extract,
    Miss,
    counted,
    pick_misses,
    require_file,
    shares_words,
)
from tidings.model import EventMention
from tidings.resources import package_file, read_tsv

__all__ = [
    "GroupTally",
    "WikiArgument",
    "WikiDoc",
    "WikiEvent",
    "WikiScore",
    "event_groups",
    "names_argument",
    "read_wikievents",
    "score_wikievents",
]

SEPARATOR = "\n\n"
STAND_IN_DATE = dt.date(2016, 1, 1)  # the articles are from about 2014-2019


@dataclass(frozen=True, slots=True)
class EventGroup:
    kairos: str
    name: str
    cameo: tuple[str, ...]
    source_roles: frozenset[str]
    target_roles: frozenset[str]


@functools.cache
def event_groups() -> tuple[EventGroup, ...]:
    path = package_file("tidings.eval", "data/wikievents_types.tsv")
    return tuple(
        EventGroup(
            row["kairos"],
            row["group"],
            tuple(row.list("cameo")),
            frozenset(row.list("source_roles")),
            frozenset(row.list("target_roles")),
        )
        for row in read_tsv(path, required=("kairos", "group", "cameo"))
    )


def group_of(event_type: str) -> EventGroup | None:
    return next((g for g in event_groups() if event_type.startswith(g.kairos)), None)


@dataclass(frozen=True, slots=True)
class WikiArgument:
    role: str
    texts: tuple[str, ...]  # the argument's own words, then its coreferent mentions'


@dataclass(frozen=True, slots=True)
class WikiEvent:
    id: str
    type: str  # KAIROS type, e.g. "Conflict.Attack.DetonateExplode"
    trigger: str
    sentence_index: int
    start: int  # character offsets into WikiDoc.text
    end: int
    arguments: tuple[WikiArgument, ...]


@dataclass(frozen=True, slots=True)
class WikiDoc:
    id: str
    sentences: tuple[str, ...]
    events: tuple[WikiEvent, ...]

    @property
    def text(self) -> str:
        return SEPARATOR.join(self.sentences)

    @property
    def starts(self) -> tuple[int, ...]:
        """Where each sentence starts in `text`."""
        starts, at = [], 0
        for sentence in self.sentences:
            starts.append(at)
            at += len(sentence) + len(SEPARATOR)
        return tuple(starts)

    def sentence_at(self, offset: int) -> int:
        return max(bisect.bisect_right(self.starts, offset) - 1, 0)


def _token_spans(sentences: list) -> list[tuple[int, int, int]]:
    """(sentence, start, end) of every document token, offsets into the joined text.

    The file's own offsets index a differently spaced text, so tokens are found again
    in their sentence string, left to right.
    """
    spans, base = [], 0
    for index, (tokens, sentence) in enumerate(sentences):
        cursor = 0
        for word, *_ in tokens:
            found = sentence.find(word, cursor)
            at = found if found >= 0 else cursor
            spans.append((index, base + at, base + at + len(word)))
            cursor = at + len(word)
        base += len(sentence) + len(SEPARATOR)
    return spans


def _clusters(path: Path) -> dict[str, list[str]]:
    """Entity id -> ids of every mention coreferent with it (empty when the file is absent)."""
    coref = path.parent / "coref" / f"{path.stem}.jsonlines"
    if not coref.is_file():
        return {}
    members: dict[str, list[str]] = {}
    with coref.open(encoding="utf-8") as lines:
        for line in filter(str.strip, lines):
            for cluster in json.loads(line).get("clusters", []):
                for entity in cluster:
                    members[entity] = cluster
    return members


def read_wikievents(path: Path) -> Iterator[WikiDoc]:
    """The documents of a WikiEvents JSONL file, one at a time, with their gold events."""
    clusters = _clusters(require_file(path))
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                raw = json.loads(line)
                spans = _token_spans(raw["sentences"])
                texts = {e["id"]: e["text"] for e in raw["entity_mentions"]}
                events = tuple(
                    WikiEvent(
                        id=e["id"],
                        type=e["event_type"],
                        trigger=e["trigger"]["text"],
                        sentence_index=spans[e["trigger"]["start"]][0],
                        start=spans[e["trigger"]["start"]][1],
                        end=spans[e["trigger"]["end"] - 1][2],
                        arguments=tuple(
                            WikiArgument(
                                a["role"],
                                tuple(
                                    dict.fromkeys(
                                        [a["text"]]
                                        + [
                                            texts[m]
                                            for m in clusters.get(a["entity_id"], ())
                                            if m in texts
                                        ]
                                    )
                                ),
                            )
                            for a in e["arguments"]
                        ),
                    )
                    for e in raw["event_mentions"]
                )
                sentences = tuple(s for _, s in raw["sentences"])
            except (ValueError, KeyError, TypeError, IndexError) as error:
                raise DataFileError(path, number, f"not a WikiEvents document ({error})") from error
            yield WikiDoc(str(raw.get("doc_id", f"line-{number}")), sentences, events)


@dataclass(frozen=True, slots=True)
class GroupTally:
    """Recall figures of one group of gold events (attack, injure, die, arrest)."""

    name: str
    events: int = 0
    in_sentence: int = 0
    at_trigger: int = 0
    source_args: int = 0
    source_hits: int = 0
    target_args: int = 0
    target_hits: int = 0

    @property
    def sentence_recall(self) -> float:
        return self.in_sentence / self.events if self.events else 0.0

    @property
    def trigger_recall(self) -> float:
        return self.at_trigger / self.events if self.events else 0.0

    @property
    def source_recall(self) -> float:
        return self.source_hits / self.source_args if self.source_args else 0.0

    @property
    def target_recall(self) -> float:
        return self.target_hits / self.target_args if self.target_args else 0.0

    def __add__(self, other: GroupTally) -> GroupTally:
        counts = (getattr(self, f.name) + getattr(other, f.name) for f in fields(self)[1:])
        return GroupTally(self.name, *counts)


@dataclass(frozen=True, slots=True)
class WikiScore:
    documents: int
    groups: tuple[GroupTally, ...]
    misses: tuple[Miss, ...] = ()
    miss_kinds: tuple[tuple[str, int], ...] = ()

    @property
    def title(self) -> str:
        return f"WikiEvents: {self.documents} documents, {self.total.events} gold events scored"

    @property
    def total(self) -> GroupTally:
        total = GroupTally("all")
        for group in self.groups:
            total = total + group
        return total

    def group(self, name: str) -> GroupTally:
        return next(g for g in (*self.groups, self.total) if g.name == name)

    def rows(self) -> list[dict[str, object]]:
        return [
            {
                "events": g.name,
                "gold": g.events,
                "recall (sentence)": g.sentence_recall,
                "recall (trigger)": g.trigger_recall,
                "source args": g.source_args,
                "source recall": g.source_recall,
                "target args": g.target_args,
                "target recall": g.target_recall,
            }
            for g in (*self.groups, self.total)
        ]


def names_argument(ours: str, argument: WikiArgument) -> bool:
    """Our actor text names the argument: the same words as the gold mention itself (a
    pronoun: "They"), or a content word shared with it or a mention coreferent with it."""
    if ours.lower().split() == argument.texts[0].lower().split():
        return True
    return any(shares_words(ours, text) for text in argument.texts)


def _show(events: list[EventMention]) -> str:
    return (
        "; ".join(
            f"{e.cameo.code} '{e.trigger}' {e.source.text if e.source else '---'}"
            f" -> {e.target.text if e.target else '---'}"
            for e in events
        )
        or "nothing"
    )


def score_wikievents(
    gold_path: Path,
    extract: Extract,
    *,
    limit: int | None = None,
    date: dt.date = STAND_IN_DATE,
    modalities: frozenset[str] = COUNTED_MODALITIES,
    keep_misses: int = 30,
) -> WikiScore:
    """Score `extract` on the first `limit` documents of a WikiEvents file."""
    tallies = {g.name: GroupTally(g.name) for g in event_groups()}
    misses: list[Miss] = []
    documents = 0
    for doc in read_wikievents(gold_path):
        if limit is not None and documents >= limit:
            break
        documents += 1
        ours = counted(extract(doc.text, date, doc.id), modalities)
        by_sentence: dict[int, list[EventMention]] = {}
        for mention in ours:
            by_sentence.setdefault(doc.sentence_at(mention.trigger_start), []).append(mention)
        for gold in doc.events:
            group = group_of(gold.type)
            if group is None:
                continue
            here = by_sentence.get(gold.sentence_index, [])
            found = [e for e in here if e.cameo.code.startswith(group.cameo)]
            at = [e for e in found if e.trigger_start < gold.end and gold.start < e.trigger_end]
            counts = {"events": 1, "in_sentence": bool(found), "at_trigger": bool(at)}
            sentence = doc.sentences[gold.sentence_index]
            if not found:
                kind = "other event in sentence" if here else "no event in sentence"
                misses.append(
                    Miss(
                        gold.id,
                        f"{group.name}: {kind}",
                        f"{gold.type} '{gold.trigger}'",
                        _show(here),
                        sentence,
                    )
                )
            for side, roles in (("source", group.source_roles), ("target", group.target_roles)):
                for argument in (a for a in gold.arguments if a.role in roles):
                    actors = [a for e in found if (a := getattr(e, side)) is not None]
                    hit = any(names_argument(a.text, argument) for a in actors)
                    counts[f"{side}_args"] = counts.get(f"{side}_args", 0) + 1
                    counts[f"{side}_hits"] = counts.get(f"{side}_hits", 0) + hit
                    if found and not hit:
                        kind = f"{group.name} {argument.role}: " + (
                            f"no {side}" if not actors else f"{side} differs"
                        )
                        misses.append(
                            Miss(gold.id, kind, argument.texts[0], _show(found), sentence)
                        )
            tallies[group.name] = tallies[group.name] + GroupTally(group.name, **counts)
    examples, kinds = pick_misses(misses, keep_misses)
    return WikiScore(documents, tuple(tallies.values()), examples, tuple(kinds.most_common()))
