"""Exports of the events or mentions table: CSV, JSONL, Parquet and GDELT 2.0 TSV.

Every export is ordered by date (undated last), then event id, and streams: memory
stays flat whatever the table's size. It is written to a partial file beside the target
and renamed onto it once complete, so a failed or interrupted export leaves an existing
target as it was.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path
from typing import Any

import duckdb

from tidings.errors import ConfigError, StoreError
from tidings.files import partial_path
from tidings.model import to_record
from tidings.store.flat import rebuild_event, rebuild_mention
from tidings.store.gdelt import write_gdelt

FORMATS = ("csv", "jsonl", "parquet", "gdelt")
_PAGE = 2048  # rows per page when streaming JSONL
_LAST_DAY = dt.date(9999, 12, 31)  # sorts undated rows last, as NULLS LAST does


def export_table(
    con: duckdb.DuckDBPyConnection, fmt: str, target: Path, table: str, header: bool = False
) -> int:
    """Write `table` to `target` in `fmt`; returns the rows written (see `Store.export`)."""
    if table not in ("events", "mentions"):
        raise ConfigError(f"cannot export table {table!r}; use events or mentions")
    if fmt not in FORMATS:
        raise ConfigError(f"unknown export format {fmt!r}; use csv, jsonl, parquet or gdelt")
    if fmt == "gdelt" and table != "events":
        raise ConfigError(
            "the GDELT event table holds events; export mentions as csv, jsonl or parquet"
        )
    partial = partial_path(target)
    try:
        if partial is None:  # a device or FIFO, written through
            return _write(con, fmt, target, table, header)
        written = _write(con, fmt, partial, table, header)
        os.replace(partial, os.path.realpath(target))
        return written
    except (duckdb.Error, OSError) as exc:
        raise StoreError(
            f"cannot export {table} to {str(target)!r} ({exc}). Check the folder exists "
            "and is writable."
        ) from exc
    finally:
        if partial is not None:
            partial.unlink(missing_ok=True)


def _write(con: duckdb.DuckDBPyConnection, fmt: str, target: Path, table: str, header: bool) -> int:
    if fmt == "jsonl":
        return _export_jsonl(con, table, target)
    if fmt == "gdelt":
        with target.open("w", encoding="utf-8", newline="") as out:
            return write_gdelt(con, out, header)
    options = "FORMAT parquet" if fmt == "parquet" else "FORMAT csv, HEADER"
    literal = str(target).replace("'", "''")
    query = f"SELECT * FROM {table} ORDER BY date, event_id"
    (written,) = con.execute(f"COPY ({query}) TO '{literal}' ({options})").fetchone()
    return int(written)


def _export_jsonl(con: duckdb.DuckDBPyConnection, table: str, target: Path) -> int:
    """Page through the table by its sort key, so no result is ever held whole."""
    key = f"coalesce(date, DATE '{_LAST_DAY.isoformat()}')"
    page = f"SELECT *, {key} AS _key FROM {table}"
    order = f" ORDER BY _key, event_id LIMIT {_PAGE}"
    written, last = 0, None
    with target.open("w", encoding="utf-8") as out:
        while True:
            if last is None:
                cursor = con.execute(page + order)
            else:
                cursor = con.execute(
                    f"SELECT * FROM ({page}) WHERE _key > ? OR (_key = ? AND event_id > ?)" + order,
                    [last[0], last[0], last[1]],
                )
            names = [d[0] for d in cursor.description]
            rows = cursor.fetchall()
            for values in rows:
                row = dict(zip(names, values, strict=True))
                out.write(json.dumps(_jsonl_record(table, row), ensure_ascii=False) + "\n")
            written += len(rows)
            if len(rows) < _PAGE:
                return written
            last = (row["_key"], row["event_id"])


def _jsonl_record(table: str, row: dict[str, Any]) -> dict[str, Any]:
    """A mention as `to_record` writes it; an event adds its merge figures to its mention."""
    if table == "mentions":
        return to_record(rebuild_mention(row))
    event = rebuild_event(row)
    record = to_record(event.mention)
    record["event_id"] = event.event_id
    record.update(
        mention_id=event.mention.event_id,
        mention_ids=list(event.mention_ids),
        num_mentions=event.num_mentions,
        num_sources=event.num_sources,
        num_articles=event.num_articles,
        first_seen=to_record(event.first_seen),
        last_seen=to_record(event.last_seen),
    )
    return record
