"""Flat rows for the store: one column per leaf field of the records.

`flatten_mention` and `rebuild_mention` are written side by side from one column
list so they cannot drift apart; the DuckDB tables, the CSV export and
`tidings extract --format csv` all use these columns.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from collections.abc import Mapping
from typing import Any

from tidings.merge import signature, source_key
from tidings.model import (
    Acled,
    Actor,
    Article,
    Cameo,
    Casualties,
    Event,
    EventMention,
    Place,
    Plover,
    Rejected,
)

_ACTOR = tuple(
    (name, "VARCHAR") for name in ("text", "code", "country", "sector", "affiliation", "basis")
)
_TOLL = ("killed", "injured", "arrested", "abducted", "displaced")

MENTION_SCHEMA: tuple[tuple[str, str], ...] = (
    ("event_id", "VARCHAR"),
    ("article_id", "VARCHAR"),
    ("sentence_index", "INTEGER"),
    ("evidence", "VARCHAR"),
    ("trigger", "VARCHAR"),
    ("trigger_start", "INTEGER"),
    ("trigger_end", "INTEGER"),
    ("cameo_code", "VARCHAR"),
    ("cameo_root", "VARCHAR"),
    ("quad_class", "INTEGER"),
    ("goldstein", "DOUBLE"),
    ("cameo_name", "VARCHAR"),
    ("plover_type", "VARCHAR"),
    ("plover_mode", "VARCHAR"),
    ("acled_event_type", "VARCHAR"),
    ("acled_sub_event_type", "VARCHAR"),
    *((f"source_{name}", sql) for name, sql in _ACTOR),
    *((f"target_{name}", sql) for name, sql in _ACTOR),
    ("date", "DATE"),
    ("date_end", "DATE"),
    ("date_precision", "VARCHAR"),
    ("date_text", "VARCHAR"),
    ("date_is_fallback", "BOOLEAN"),
    ("location_name", "VARCHAR"),
    ("location_text", "VARCHAR"),
    ("geonameid", "BIGINT"),
    ("location_country", "VARCHAR"),
    ("location_admin1", "VARCHAR"),
    ("lat", "DOUBLE"),
    ("lon", "DOUBLE"),
    ("location_precision", "VARCHAR"),
    ("location_feature", "VARCHAR"),
    *((f"{kind}_{end}", "INTEGER") for kind in _TOLL for end in ("min", "max")),
    ("casualties_text", "VARCHAR"),
    ("modality", "VARCHAR"),
    *((f"attributed_to_{name}", sql) for name, sql in _ACTOR),
    ("confidence", "DOUBLE"),
)
MENTION_COLUMNS: tuple[str, ...] = tuple(name for name, _ in MENTION_SCHEMA)

# An event row is its representative mention's row under the event's id, plus the merge
# figures; `mention_id` keeps the representative mention's own id.
EVENT_SCHEMA: tuple[tuple[str, str], ...] = (
    ("event_id", "VARCHAR"),
    ("mention_id", "VARCHAR"),
    *MENTION_SCHEMA[1:],
    ("mention_ids", "VARCHAR[]"),
    ("num_mentions", "INTEGER"),
    ("num_sources", "INTEGER"),
    ("num_articles", "INTEGER"),
    ("first_seen", "DATE"),
    ("last_seen", "DATE"),
)
EVENT_COLUMNS: tuple[str, ...] = tuple(name for name, _ in EVENT_SCHEMA)

ARTICLE_SCHEMA: tuple[tuple[str, str], ...] = (
    ("article_id", "VARCHAR"),
    ("date", "DATE"),
    ("title", "VARCHAR"),
    ("source", "VARCHAR"),
    ("url", "VARCHAR"),
    ("origin", "VARCHAR"),
    ("text", "VARCHAR"),
    ("content_hash", "VARCHAR"),
    ("source_key", "VARCHAR"),  # the outlet NumSources counts (see tidings.merge.sources)
    ("minhash", "BLOB"),  # MinHash signature of the text, to spot syndicated copies
)
REJECT_SCHEMA: tuple[tuple[str, str], ...] = (
    ("reject_id", "VARCHAR"),
    ("origin", "VARCHAR"),
    ("line", "INTEGER"),
    ("reason", "VARCHAR"),
    ("excerpt", "VARCHAR"),
)
LINK_SCHEMA: tuple[tuple[str, str], ...] = (("event_id", "VARCHAR"), ("mention_id", "VARCHAR"))


def _digest(*parts: object) -> str:
    """A stable content hash (unit-separator joined, so ("a", "bc") != ("ab", "c"))."""
    joined = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:32]


def _actor_cells(prefix: str, actor: Actor | None) -> dict[str, Any]:
    return {f"{prefix}_{name}": getattr(actor, name, None) for name, _ in _ACTOR}


def _actor_of(prefix: str, row: Mapping[str, Any]) -> Actor | None:
    # Actor.text is always a str, so a NULL text means there was no actor.
    if row[f"{prefix}_text"] is None:
        return None
    return Actor(**{name: row[f"{prefix}_{name}"] for name, _ in _ACTOR})


def _date(value: Any) -> dt.date | None:
    if value is None or type(value) is dt.date:
        return value
    if isinstance(value, dt.datetime):
        return value.date()
    return dt.date.fromisoformat(str(value))


def flatten_mention(m: EventMention) -> dict[str, Any]:
    """One flat row (keys in `MENTION_COLUMNS` order) of an event mention."""
    plover, acled, place, toll = m.plover, m.acled, m.location, m.casualties
    row: dict[str, Any] = {
        "event_id": m.event_id,
        "article_id": m.article_id,
        "sentence_index": m.sentence_index,
        "evidence": m.evidence,
        "trigger": m.trigger,
        "trigger_start": m.trigger_start,
        "trigger_end": m.trigger_end,
        "cameo_code": m.cameo.code,
        "cameo_root": m.cameo.root,
        "quad_class": m.cameo.quad_class,
        "goldstein": m.cameo.goldstein,
        "cameo_name": m.cameo.name,
        "plover_type": plover.type if plover else None,
        "plover_mode": plover.mode if plover else None,
        "acled_event_type": acled.event_type if acled else None,
        "acled_sub_event_type": acled.sub_event_type if acled else None,
        **_actor_cells("source", m.source),
        **_actor_cells("target", m.target),
        "date": m.date,
        "date_end": m.date_end,
        "date_precision": m.date_precision,
        "date_text": m.date_text,
        "date_is_fallback": m.date_is_fallback,
        "location_name": place.name if place else None,
        "location_text": m.location_text,
        "geonameid": place.geonameid if place else None,
        "location_country": place.country if place else None,
        "location_admin1": place.admin1 if place else None,
        "lat": place.lat if place else None,
        "lon": place.lon if place else None,
        "location_precision": place.precision if place else None,
        "location_feature": place.feature if place else None,
        **{f"{k}_{e}": getattr(toll, f"{k}_{e}", None) for k in _TOLL for e in ("min", "max")},
        "casualties_text": toll.text if toll else None,
        "modality": m.modality,
        **_actor_cells("attributed_to", m.attributed_to),
        "confidence": m.confidence,
    }
    return {name: row[name] for name in MENTION_COLUMNS}


def rebuild_mention(row: Mapping[str, Any]) -> EventMention:
    """The event mention a flat row was made from (inverse of `flatten_mention`)."""
    place = None
    if row["location_name"] is not None:
        place = Place(
            name=row["location_name"],
            geonameid=row["geonameid"],
            country=row["location_country"],
            admin1=row["location_admin1"],
            lat=row["lat"],
            lon=row["lon"],
            precision=row["location_precision"],
            feature=row["location_feature"],
        )
    toll = None
    if row["casualties_text"] is not None:
        counts = {f"{k}_{e}": row[f"{k}_{e}"] for k in _TOLL for e in ("min", "max")}
        toll = Casualties(**counts, text=row["casualties_text"])
    return EventMention(
        event_id=row["event_id"],
        article_id=row["article_id"],
        sentence_index=row["sentence_index"],
        evidence=row["evidence"],
        trigger=row["trigger"],
        trigger_start=row["trigger_start"],
        trigger_end=row["trigger_end"],
        cameo=Cameo(
            code=row["cameo_code"],
            root=row["cameo_root"],
            quad_class=row["quad_class"],
            goldstein=row["goldstein"],
            name=row["cameo_name"] or "",
        ),
        plover=(
            Plover(row["plover_type"], row["plover_mode"])
            if row["plover_type"] is not None
            else None
        ),
        acled=(
            Acled(row["acled_event_type"], row["acled_sub_event_type"])
            if row["acled_event_type"] is not None
            else None
        ),
        source=_actor_of("source", row),
        target=_actor_of("target", row),
        date=_date(row["date"]),
        date_end=_date(row["date_end"]),
        date_precision=row["date_precision"],
        date_text=row["date_text"],
        date_is_fallback=bool(row["date_is_fallback"]),
        location=place,
        location_text=row["location_text"],
        casualties=toll,
        modality=row["modality"],
        attributed_to=_actor_of("attributed_to", row),
        confidence=row["confidence"],
    )


def flatten_event(e: Event) -> dict[str, Any]:
    """One flat row (keys in `EVENT_COLUMNS` order) of an event."""
    cells = flatten_mention(e.mention)
    cells.update(
        event_id=e.event_id,
        mention_id=e.mention.event_id,
        mention_ids=list(mention_ids_of(e)),
        num_mentions=e.num_mentions,
        num_sources=e.num_sources,
        num_articles=e.num_articles,
        first_seen=e.first_seen,
        last_seen=e.last_seen,
    )
    return {name: cells[name] for name in EVENT_COLUMNS}


def rebuild_event(row: Mapping[str, Any]) -> Event:
    """The event a flat row was made from (mention ids normalised, see `mention_ids_of`)."""
    mention = rebuild_mention({**row, "event_id": row["mention_id"]})
    return Event(
        event_id=row["event_id"],
        mention=mention,
        mention_ids=tuple(row["mention_ids"] or ()),
        num_mentions=row["num_mentions"],
        num_sources=row["num_sources"],
        num_articles=row["num_articles"],
        first_seen=_date(row["first_seen"]),
        last_seen=_date(row["last_seen"]),
    )


def mention_ids_of(e: Event) -> tuple[str, ...]:
    """The event's mention ids; an event that lists none has its representative mention."""
    return e.mention_ids or (e.mention.event_id,)


def article_row(a: Article) -> dict[str, Any]:
    """The articles-table row; `content_hash` lets later stages spot re-published texts."""
    return {
        "article_id": a.id,
        "date": a.date,
        "title": a.title,
        "source": a.source,
        "url": a.url,
        "origin": a.origin,
        "text": a.text,
        "content_hash": _digest(a.text),
        "source_key": source_key(a),
        "minhash": signature(a.text),
    }


def reject_row(r: Rejected) -> dict[str, Any]:
    """The rejects-table row, keyed by a hash of where and why, so re-runs add nothing:
    where is the file however its path was spelt (`in/a.jsonl`, `/data/in/a.jsonl`), why
    the reason's code, as its words may quote that spelling."""
    return {
        "reject_id": _digest(os.path.realpath(r.origin), r.line, r.reason[:4]),
        "origin": r.origin,
        "line": r.line,
        "reason": r.reason,
        "excerpt": r.excerpt,
    }
