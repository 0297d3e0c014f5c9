"""Score the coder against PLOVER gold records (shared/eval/plover-gsr/dev.jsonl).

Each record is one sentence from the CAMEO manual with one gold event: a PLOVER type in
draft 0.5 names (mapped to current names by data/plover_draft.tsv, as the set's README
says), and source and target actors (ISO 3166 country or IGO, and a sector).

- Event type, two ways: "top" asks whether our single best event (highest confidence,
  the first on a tie) has the gold type; "any" whether any of our events has it. Only
  events with a PLOVER type in the counted modalities take part (root 01 statements
  have no PLOVER type).
- Actors: precision and recall of the sets of source (and target) countries and sectors,
  micro-averaged over records. Ours come from every event of the gold type (a compound
  subject gives one event per actor), or from the top event when none has that type.
  An IGO is the country "IGO". A gold sector "***" or none is not scored for recall,
  but a sector we add to a gold actor without one counts against precision.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from tidings.errors import DataFileError
from tidings.eval.report import (
    COUNTED_MODALITIES,
    Counts,
    Extract,
    Miss,
    counted,
    pick_misses,
    require_file,
)
from tidings.model import Actor, EventMention
from tidings.resources import package_file, read_tsv

__all__ = ["GoldActor", "PloverRecord", "PloverScore", "draft_names", "read_plover", "score_plover"]

FIELDS = ("source country", "target country", "source sector", "target sector")


@functools.cache
def draft_names() -> dict[str, tuple[str, str | None]]:
    """Draft 0.5 name -> (current type, mode or None)."""
    path = package_file("tidings.eval", "data/plover_draft.tsv")
    return {
        row["draft"]: (row["type"], row.get("mode") or None)
        for row in read_tsv(path, required=("draft", "type"))
    }


@dataclass(frozen=True, slots=True)
class GoldActor:
    text: str
    country: str | None  # ISO 3166 alpha-3 or "IGO"
    sector: str | None  # GOV, MIL, REB, CVL, ...; None when the gold gives none or "***"


@dataclass(frozen=True, slots=True)
class PloverRecord:
    id: str
    date: dt.date
    text: str
    draft: str  # the gold's own event name
    type: str  # its current PLOVER name
    mode: str | None
    sources: tuple[GoldActor, ...]
    targets: tuple[GoldActor, ...]


def _sector(value: object) -> str | None:
    """ "CVLkur" -> CVL (ethnic suffixes dropped), "***" -> None."""
    if not isinstance(value, str) or len(value) < 3 or value[:3] == "***":
        return None
    return value[:3].upper()


def _actors(value: object) -> tuple[GoldActor, ...]:
    """Gold actors given as a list of dicts, one dict, or "" / a stray word (none)."""
    items = [value] if isinstance(value, dict) else value if isinstance(value, list) else []
    return tuple(
        GoldActor(
            str(item.get("actorText", "")),
            (str(item["code"]).upper() or None) if item.get("code") else None,
            _sector(item.get("sector")),
        )
        for item in items
        if isinstance(item, dict)
    )


def read_plover(path: Path) -> Iterator[PloverRecord]:
    """The gold records of a PLOVER JSONL file, one at a time."""
    names = draft_names()
    with require_file(path).open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                raw = json.loads(line)
                draft = str(raw["event"]).upper()
                date = dt.date.fromisoformat(str(raw.get("date") or "2000-01-01")[:10])
                text = str(raw["text"])
            except (ValueError, KeyError, TypeError) as error:
                raise DataFileError(path, number, f"not a PLOVER gold record ({error})") from error
            kind, mode = names.get(draft, (draft, None))
            yield PloverRecord(
                id=str(raw.get("id", f"line-{number}")),
                date=date,
                text=text,
                draft=draft,
                type=kind,
                mode=raw.get("mode") or mode,
                sources=_actors(raw.get("source")),
                targets=_actors(raw.get("target")),
            )


def _country(actor: Actor) -> str | None:
    if actor.country:
        return actor.country
    if (actor.code or "").startswith("IGO") or actor.sector == "IGO":
        return "IGO"
    return None


def _sector_of(actor: Actor) -> str | None:
    return None if actor.sector in (None, "IGO") else actor.sector


def _values(actors: Iterable[Actor | None], field: str) -> set[str]:
    get = _country if field == "country" else _sector_of
    return {v for a in actors if a is not None and (v := get(a))}


@dataclass(frozen=True, slots=True)
class PloverScore:
    records: int
    top_hits: int
    any_hits: int
    no_event: int  # records where we coded no PLOVER event at all
    fields: tuple[tuple[str, Counts], ...]  # FIELDS in order
    misses: tuple[Miss, ...] = ()
    miss_kinds: tuple[tuple[str, int], ...] = ()

    @property
    def title(self) -> str:
        return f"PLOVER gold records: {self.records} sentences"

    @property
    def top_accuracy(self) -> float:
        return self.top_hits / self.records if self.records else 0.0

    @property
    def any_accuracy(self) -> float:
        return self.any_hits / self.records if self.records else 0.0

    def field(self, name: str) -> Counts:
        return dict(self.fields)[name]

    def rows(self) -> list[dict[str, object]]:
        rows: list[dict[str, object]] = [
            {"figure": "event type (top event)", "accuracy": self.top_accuracy},
            {"figure": "event type (any event)", "accuracy": self.any_accuracy},
            {"figure": "no event coded", "share": self.no_event / (self.records or 1)},
        ]
        for name, counts in self.fields:
            rows.append(
                {
                    "figure": name,
                    "precision": counts.precision,
                    "recall": counts.recall,
                    "F1": counts.f1,
                }
            )
        return rows


def _show(events: list[EventMention]) -> str:
    return (
        "; ".join(
            f"{e.plover.type if e.plover else '-'} {e.cameo.code} "
            f"{(e.source.code or e.source.text) if e.source else '---'}"
            f" -> {(e.target.code or e.target.text) if e.target else '---'}"
            for e in events
        )
        or "nothing"
    )


def _actor_miss(side: str, field: str, ours: set[str], gold: set[str]) -> str | None:
    """The kind of an actor miss on an event we did code (no event is a type miss)."""
    if not gold or gold <= ours:
        return None
    return f"{side} {field}: " + (f"our event has no {side} {field}" if not ours else "differs")


def score_plover(
    gold_path: Path,
    extract: Extract,
    *,
    limit: int | None = None,
    modalities: frozenset[str] = COUNTED_MODALITIES,
    keep_misses: int = 30,
) -> PloverScore:
    """Score `extract` on the first `limit` records of a PLOVER gold file."""
    records = top_hits = any_hits = no_event = 0
    fields = dict.fromkeys(FIELDS, Counts())
    misses: list[Miss] = []
    for record in read_plover(gold_path):
        if limit is not None and records >= limit:
            break
        records += 1
        events = [
            e
            for e in counted(extract(record.text, record.date, record.id), modalities)
            if e.plover is not None
        ]
        top = max(events, key=lambda e: e.confidence) if events else None
        top_type = top.plover.type if top and top.plover else None
        same = [e for e in events if e.plover and e.plover.type == record.type]
        top_hits += top_type == record.type
        any_hits += bool(same)
        no_event += not events
        if top_type != record.type:  # a ranking miss when another event has it
            kind = f"{record.type} coded as {top_type}" if top_type else f"{record.type}: no event"
            kind += f" ({record.type} also coded, lower)" if same else ""
            misses.append(Miss(record.id, kind, record.type, _show(events), record.text))
        chosen = same or ([top] if top else [])
        for side, gold_actors in (("source", record.sources), ("target", record.targets)):
            for field in ("country", "sector"):
                ours = _values((e.source if side == "source" else e.target for e in chosen), field)
                gold = {v for a in gold_actors if (v := getattr(a, field))}
                fields[f"{side} {field}"] += Counts.of(ours, gold)
                if chosen and (kind := _actor_miss(side, field, ours, gold)):
                    misses.append(
                        Miss(
                            record.id,
                            kind,
                            ", ".join(sorted(gold)),
                            ", ".join(sorted(ours)) or "nothing",
                            record.text,
                        )
                    )
    examples, kinds = pick_misses(misses, keep_misses)
    return PloverScore(
        records,
        top_hits,
        any_hits,
        no_event,
        tuple(fields.items()),
        examples,
        tuple(kinds.most_common()),
    )
