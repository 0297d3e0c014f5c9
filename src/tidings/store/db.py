"""The DuckDB store: idempotent batch writes, event queries and exports.

Every row is keyed by content (article id, mention/event id, a hash of a reject), and
`write_batch` inserts with INSERT OR IGNORE inside one transaction, so re-ingesting
a corpus doubles nothing and a crash mid-batch leaves the last committed batch whole.
No wall-clock time is stored: re-runs leave the tables identical.

A `Store` wraps one DuckDB connection; use one `Store` per thread.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import duckdb

from tidings.errors import StoreError
from tidings.model import Article, Event, EventMention, Rejected
from tidings.store import merging
from tidings.store.exports import export_table
from tidings.store.flat import (
    ARTICLE_SCHEMA,
    EVENT_SCHEMA,
    LINK_SCHEMA,
    MENTION_SCHEMA,
    REJECT_SCHEMA,
    article_row,
    flatten_event,
    flatten_mention,
    mention_ids_of,
    reject_row,
)
from tidings.store.recall import Recall

SCHEMA_VERSION = "4"  # 2: events.first_seen/last_seen, articles.source_key/minhash; 3: story_spans;
# 4: {source,target,attributed_to}_basis

# table -> (columns with SQL types, primary key)
TABLES: dict[str, tuple[tuple[tuple[str, str], ...], tuple[str, ...]]] = {
    "articles": (ARTICLE_SCHEMA, ("article_id",)),
    "mentions": (MENTION_SCHEMA, ("event_id",)),
    "events": (EVENT_SCHEMA, ("event_id",)),
    "event_mentions": (LINK_SCHEMA, ("event_id", "mention_id")),
    "rejects": (REJECT_SCHEMA, ("reject_id",)),
}
_PROBE = "_merge_probe"  # per-connection table of (country, root, date range) to look up


@dataclass(frozen=True, slots=True)
class BatchCounts:
    """New rows each table gained from one batch (0 everywhere on a re-run)."""

    articles: int = 0
    mentions: int = 0
    events: int = 0
    event_mentions: int = 0
    rejects: int = 0

    @property
    def total(self) -> int:
        return self.articles + self.mentions + self.events + self.event_mentions + self.rejects


def _create_sql(table: str) -> str:
    columns, key = TABLES[table]
    body = ", ".join(f"{name} {sql}" for name, sql in columns)
    return f"CREATE TABLE IF NOT EXISTS {table} ({body}, PRIMARY KEY ({', '.join(key)}))"


def _as_date(value: dt.date | str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if isinstance(value, str) else value


def _articles_of(articles: Sequence[Article], mentions: Sequence[EventMention]) -> set[str]:
    """Articles whose story spans a batch may change (new mentions or a new date)."""
    return {a.id for a in articles} | {m.article_id for m in mentions}


class Store:
    """An event store in one DuckDB file (or `":memory:"`); a context manager."""

    def __init__(self, path: str | Path = "tidings.duckdb", read_only: bool = False) -> None:
        """`read_only`: for commands that only read (query, export, audit): the file may
        be read-only, other readers may hold it too, and nothing in it is written."""
        self.path = str(path)
        read_only = read_only and self.path != ":memory:"
        try:
            self._con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as exc:
            raise StoreError(
                f"cannot open the store {self.path!r} ({exc}). Give the path of a DuckDB file "
                "in an existing, writable folder (it is created if missing), and make sure no "
                "other process has it open."
            ) from exc
        self._recall = Recall()  # mentions and stories read back by the merge, between batches
        try:
            self._check_schema() if read_only else self._create_schema()
        except BaseException:
            self._con.close()
            raise

    def _refuse_foreign(self) -> None:
        """Refuse a DuckDB file that holds tables but is not a Tidings store, before
        anything is written to it: its meta table and schema version come first."""
        tables = {
            r[0]
            for r in self._con.execute(
                "SELECT table_name FROM information_schema.tables "
                "WHERE table_catalog = current_database() AND table_schema = 'main'"
            ).fetchall()
        }
        tidings = (
            "meta" in tables
            and self._con.execute(
                "SELECT count(*) FROM meta WHERE key = 'schema_version'"
            ).fetchone()[0]
        )
        if tables and not tidings:
            raise StoreError(
                f"{self.path!r} is a DuckDB file but not a Tidings store (it holds "
                f"{', '.join(sorted(tables))}); nothing was written to it. Give --db the path "
                "of a Tidings store, or a new path."
            )

    def _check_schema(self) -> None:
        """A store opened to read: a Tidings store of this schema version, left as it is."""
        try:
            self._refuse_foreign()
            row = self._con.execute("SELECT value FROM meta WHERE key = 'schema_version'")
            version = row.fetchone()
        except duckdb.Error as exc:
            raise StoreError(f"cannot read the store {self.path!r} ({exc})") from exc
        self._check_version(version[0] if version else None)

    def _check_version(self, version: str | None) -> None:
        if version != SCHEMA_VERSION:
            raise StoreError(
                f"the store {self.path!r} has schema version {version}, this Tidings writes "
                f"version {SCHEMA_VERSION}. Export it with the Tidings that made it, or use a "
                "new store path."
            )

    def _create_schema(self) -> None:
        con = self._con
        try:
            self._refuse_foreign()
        except duckdb.Error as exc:
            raise StoreError(f"cannot read the store {self.path!r} ({exc})") from exc
        try:
            con.execute("BEGIN")
            con.execute("CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
            row = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
            if row is None or row[0] == SCHEMA_VERSION:  # never add tables to another version
                for table in TABLES:
                    con.execute(_create_sql(table))
                con.execute(f"CREATE TABLE IF NOT EXISTS story_spans ({merging.SPANS_SCHEMA})")
                con.execute(
                    "INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)", [SCHEMA_VERSION]
                )
            con.execute("COMMIT")
        except duckdb.Error as exc:
            self._rollback()
            raise StoreError(
                f"cannot set up the store {self.path!r} ({exc}). Check the file is a Tidings "
                "store and writable, or choose a new path."
            ) from exc
        (version,) = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        self._check_version(version)
        for table in TABLES:  # per-connection staging tables, without key constraints
            con.execute(
                f"CREATE TEMP TABLE IF NOT EXISTS _stage_{table} AS SELECT * FROM {table} LIMIT 0"
            )
        merging.setup(con, _PROBE)

    def close(self) -> None:
        self._con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing ---------------------------------------------------------------------

    def known_articles(self, ids: Iterable[str]) -> set[str]:
        """Which of these article ids are already stored (the pipeline skips those)."""
        wanted = list(dict.fromkeys(ids))
        if not wanted:
            return set()
        rows = self._con.execute(
            "SELECT article_id FROM articles WHERE article_id IN (SELECT unnest(?::VARCHAR[]))",
            [wanted],
        ).fetchall()
        return {r[0] for r in rows}

    def write_batch(
        self,
        articles: Sequence[Article],
        mentions: Sequence[EventMention],
        events: Sequence[Event],
        rejects: Sequence[Rejected],
    ) -> BatchCounts:
        """Store one batch in one transaction; rows whose key is already stored are skipped."""
        rows: dict[str, list[dict[str, Any]]] = {
            "articles": [article_row(a) for a in articles],
            "mentions": [flatten_mention(m) for m in mentions],
            "events": [flatten_event(e) for e in events],
            "event_mentions": [
                {"event_id": e.event_id, "mention_id": i} for e in events for i in mention_ids_of(e)
            ],
            "rejects": [reject_row(r) for r in rejects],
        }
        with self._batch() as con:
            added = {table: self._insert(table, rows[table]) for table in TABLES}
            merging.refresh_spans(con, _articles_of(articles, mentions))
        return BatchCounts(**added)

    @contextlib.contextmanager
    def _batch(self, recall: Recall | None = None) -> Iterator[duckdb.DuckDBPyConnection]:
        """One transaction per batch: all of it is stored, or none of it (and `recall`
        keeps what the batch read back only when it is stored)."""
        con = self._con
        try:
            con.execute("BEGIN")
            yield con
            con.execute("COMMIT")
            if recall is not None:
                recall.commit()
        except BaseException as exc:
            if recall is not None:
                recall.abort()
            self._rollback()
            if isinstance(exc, Exception):
                raise StoreError(
                    f"could not write a batch to the store {self.path!r} ({exc}). Nothing of "
                    "this batch was stored; fix the cause and run again (stored articles are "
                    "skipped)."
                ) from exc
            raise

    def write_merged(
        self,
        articles: Sequence[Article],
        mentions: Sequence[EventMention],
        rejects: Sequence[Rejected] = (),
    ) -> BatchCounts:
        """Store one batch and merge its new mentions into the stored events, atomically.

        Events are recomputed for the blocks the new mentions touch (`tidings.merge`), so
        any order of batches gives the same tables, and a batch already stored changes
        nothing. `events` counts event ids that did not exist before the batch.
        """
        rows: dict[str, list[dict[str, Any]]] = {
            "articles": [article_row(a) for a in articles],
            "mentions": [flatten_mention(m) for m in mentions],
            "rejects": [reject_row(r) for r in rejects],
        }
        with self._batch(self._recall) as con:
            known = merging.stored_mention_ids(con, (m.event_id for m in mentions))
            new = list({m.event_id: m for m in mentions if m.event_id not in known}.values())
            stored = {"mentions": known, "articles": self.known_articles(a.id for a in articles)}
            added = {
                table: self._insert(table, table_rows, stored.get(table))
                for table, table_rows in rows.items()
            }
            merging.refresh_spans(con, _articles_of(articles, mentions))
            events, replaced = merging.plan(con, new, _PROBE, self._recall)
            for table in ("events", "event_mentions"):
                con.execute(
                    f"DELETE FROM {table} WHERE event_id IN (SELECT unnest(?::VARCHAR[]))",
                    [sorted(replaced)],
                )
            ids = [e.event_id for e in events]
            sql = "SELECT event_id FROM events WHERE event_id IN (SELECT unnest(?::VARCHAR[]))"
            kept = {r[0] for r in con.execute(sql, [ids]).fetchall()} if ids else set()
            self._insert("events", [flatten_event(e) for e in events], kept)
            links = [
                {"event_id": e.event_id, "mention_id": i} for e in events for i in e.mention_ids
            ]
            self._insert("event_mentions", links)
        fresh = {e.event_id for e in events} - replaced
        return BatchCounts(
            articles=added["articles"],
            mentions=added["mentions"],
            events=len(fresh),
            event_mentions=len(new),  # each new mention gains one link; others are rewritten
            rejects=added["rejects"],
        )

    def _insert(
        self, table: str, rows: list[dict[str, Any]], stored: set[str] | None = None
    ) -> int:
        """Stage the rows with the appender, then INSERT OR IGNORE them in one statement;
        or, given the keys already `stored` (of a one-column key), append the others to
        the table at once, which copies them once instead of twice."""
        if not rows:
            return 0
        columns, key = TABLES[table]
        names = [name for name, _ in columns]
        unique: dict[tuple[Any, ...], tuple[Any, ...]] = {}
        for row in rows:  # the first of equal keys wins, as it would across batches
            unique.setdefault(tuple(row[k] for k in key), tuple(row[n] for n in names))
        if stored is not None and len(key) == 1:
            fresh = [values for (k,), values in unique.items() if k not in stored]
            if fresh:
                with self._con.appender(table) as appender:
                    appender.append_rows(fresh)
            return len(fresh)
        stage = f"_stage_{table}"
        with self._con.appender(stage) as appender:
            appender.append_rows(list(unique.values()))
        insert = f"INSERT OR IGNORE INTO {table} SELECT * FROM {stage}"
        (added,) = self._con.execute(insert).fetchone()
        self._con.execute(f"DELETE FROM {stage}")
        return int(added)

    def _rollback(self) -> None:
        # No transaction is open when BEGIN itself failed: then there is nothing to undo.
        with contextlib.suppress(duckdb.Error):
            self._con.execute("ROLLBACK")

    # -- reading ---------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        """Rows per data table."""
        return {
            table: int(self._con.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
            for table in TABLES
        }

    def query_events(
        self,
        since: dt.date | None = None,
        until: dt.date | None = None,
        country: str | None = None,
        actor: str | None = None,
        root: str | None = None,
        code: str | None = None,
        limit: int | None = None,
    ) -> list[dict[str, Any]]:
        """Flat event rows ordered by date, event_id.

        `since`/`until` bound the event date (inclusive; undated events never match a
        bound); `country` is an ISO alpha-3 code matched against source, target and
        location; `actor` matches a source/target code prefix or a substring of their
        text, case-insensitively; `root` is the CAMEO root ("18"), `code` a code prefix.
        """
        where: list[str] = []
        params: list[Any] = []
        if since is not None:
            where.append("date >= ?")
            params.append(_as_date(since))
        if until is not None:
            where.append("date <= ?")
            params.append(_as_date(until))
        if country:
            where.append("? IN (source_country, target_country, location_country)")
            params.append(country.strip().upper())
        if actor:
            needle = actor.strip().lower()
            where.append(
                "(starts_with(lower(source_code), ?) OR starts_with(lower(target_code), ?) "
                "OR contains(lower(source_text), ?) OR contains(lower(target_text), ?))"
            )
            params += [needle] * 4
        if root:
            root = root.strip()
            where.append("cameo_root = ?")
            params.append(root.zfill(2) if root.isdigit() else root)
        if code:
            where.append("starts_with(cameo_code, ?)")
            params.append(code.strip())
        sql = "SELECT * FROM events"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY date, event_id"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(int(limit))
        cursor = self._con.execute(sql, params)
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def event(self, event_id: str) -> dict[str, Any] | None:
        """One event's flat row, or None when no event has that id."""
        cursor = self._con.execute("SELECT * FROM events WHERE event_id = ?", [event_id])
        names = [d[0] for d in cursor.description]
        row = cursor.fetchone()
        return dict(zip(names, row, strict=True)) if row else None

    def mentions_of(self, event_ids: Iterable[str]) -> dict[str, list[dict[str, Any]]]:
        """Each event's mention rows (with the article's title, source and URL), ordered
        by article date, article and sentence."""
        wanted = sorted(set(event_ids))
        cursor = self._con.execute(
            "SELECT l.event_id AS _event, m.*, a.date AS article_date, a.title AS article_title, "
            "a.source AS article_source, a.url AS article_url FROM event_mentions l "
            "JOIN mentions m ON m.event_id = l.mention_id "
            "LEFT JOIN articles a ON a.article_id = m.article_id "
            "WHERE l.event_id IN (SELECT unnest(?::VARCHAR[])) "
            "ORDER BY a.date NULLS LAST, m.article_id, m.sentence_index, m.trigger_start, "
            "m.event_id",
            [wanted],
        )
        names = [d[0] for d in cursor.description]
        found: dict[str, list[dict[str, Any]]] = {i: [] for i in wanted}
        for values in cursor.fetchall():
            row = dict(zip(names, values, strict=True))
            found[row.pop("_event")].append(row)
        return found

    def mention_ids(self) -> list[str]:
        """Every stored mention's id, sorted: a sampling key no row order changes."""
        cursor = self._con.execute("SELECT event_id FROM mentions ORDER BY event_id")
        return [row[0] for row in cursor.fetchall()]

    def mention_rows(self, ids: Iterable[str]) -> list[dict[str, Any]]:
        """These mentions' flat rows with their article's date, title, URL and text
        (for reading the sentences around the evidence), ordered by article date,
        article, sentence and trigger."""
        cursor = self._con.execute(
            "SELECT m.*, a.date AS article_date, a.title AS article_title, "
            "a.url AS article_url, a.text AS article_text FROM mentions m "
            "LEFT JOIN articles a ON a.article_id = m.article_id "
            "WHERE m.event_id IN (SELECT unnest(?::VARCHAR[])) "
            "ORDER BY a.date NULLS LAST, m.article_id, m.sentence_index, m.trigger_start, "
            "m.event_id",
            [sorted(set(ids))],
        )
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, values, strict=True)) for values in cursor.fetchall()]

    # -- exporting -------------------------------------------------------------------

    def export(
        self,
        fmt: Literal["csv", "jsonl", "parquet", "gdelt"],
        path: str | Path,
        table: Literal["events", "mentions"] = "events",
        header: bool = False,
    ) -> int:
        """Write a table to a file ordered by date, event_id; returns the rows written.

        CSV and Parquet hold the flat columns (DuckDB's COPY); JSONL holds one nested
        record per line, the shape `tidings extract` writes; `gdelt` writes events as a
        GDELT 2.0 event-table TSV (no header line unless `header`, as GDELT's files).
        Memory stays flat.
        """
        return export_table(self._con, fmt, Path(path), table, header)
