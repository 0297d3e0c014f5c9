"""Commands over the store: `query` and `export`."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from tidings import verbs
from tidings.cli.common import Db, QueryFormat, app, err, fail, print_rows
from tidings.errors import TidingsError


class ExportFormat(StrEnum):
    csv = "csv"
    jsonl = "jsonl"
    parquet = "parquet"
    gdelt = "gdelt"


class ExportTable(StrEnum):
    events = "events"
    mentions = "mentions"


@app.command()
def query(
    db: Db = Path("tidings.duckdb"),
    since: Annotated[dt.datetime | None, typer.Option(formats=["%Y-%m-%d"])] = None,
    until: Annotated[dt.datetime | None, typer.Option(formats=["%Y-%m-%d"])] = None,
    country: Annotated[str | None, typer.Option(help="ISO3 of source, target or place.")] = None,
    actor: Annotated[str | None, typer.Option(help="Actor code prefix or words.")] = None,
    root: Annotated[str | None, typer.Option(help="CAMEO root, e.g. 19.")] = None,
    code: Annotated[str | None, typer.Option(help="CAMEO code prefix, e.g. 195.")] = None,
    limit: Annotated[int | None, typer.Option(min=0, help="At most this many events.")] = None,
    event: Annotated[str | None, typer.Option("--event", help="Only this event id.")] = None,
    mentions: Annotated[
        bool, typer.Option("--mentions", help="Show each event's mentions with their evidence.")
    ] = False,
    format: Annotated[QueryFormat, typer.Option("--format")] = QueryFormat.table,
) -> None:
    """Filter stored events and print them; `--mentions` adds every report of each.

    Example: `tidings query --country IRQ --root 19 --since 2021-11-01 --format csv`

    Example: `tidings query --event ev-0123456789abcdef --mentions`
    """
    try:
        rows = verbs.query(
            db=db,
            since=since,
            until=until,
            country=country,
            actor=actor,
            root=root,
            code=code,
            limit=limit,
            event=event,
            mentions=mentions,
        )
    except TidingsError as error:
        raise fail(error) from error
    if event and not rows:
        err.print(f"[yellow]no event {event} in {db}[/yellow]")
        raise typer.Exit(1)
    if not mentions:
        print_rows(rows, format)
    elif format is QueryFormat.table:
        _print_mentions(rows)
    else:  # one row per mention, tagged with its event
        print_rows(
            [{"mention_of": r["event_id"], **m} for r in rows for m in r["mentions"]], format
        )


def highlight(evidence: str, trigger: str) -> str:
    """The evidence as Rich markup, its first occurrence of the trigger in bold."""
    at = evidence.find(trigger) if trigger else -1
    if at < 0:
        return escape(evidence)
    end = at + len(trigger)
    return f"{escape(evidence[:at])}[bold magenta]{escape(trigger)}[/]{escape(evidence[end:])}"


def _print_mentions(rows: list[dict[str, Any]]) -> None:
    console = Console(width=max(Console().width, 140))
    for row in rows:
        head = (
            f"[bold]{row['event_id']}[/] {row.get('date') or ''} {row['cameo_code']} "
            f"{escape(row.get('cameo_name') or '')} at {escape(row.get('location_name') or '?')}"
            f": {row['num_mentions']} mention(s), {row['num_articles']} article(s), "
            f"{row['num_sources']} source(s), seen {row.get('first_seen')}..{row.get('last_seen')}"
        )
        table = Table("article", "source", "event", "evidence", title=head, show_lines=True)
        for m in row["mentions"]:
            table.add_row(
                escape(f"{m['article_id']}\n{m.get('article_date') or ''}"),
                escape(m.get("article_source") or ""),
                escape(
                    f"{m['cameo_code']} {m.get('source_code') or ''}>{m.get('target_code') or ''}"
                ),
                highlight(m["evidence"] or "", m["trigger"] or ""),
            )
        console.print(table)
    err.print(f"{len(rows)} event(s)")


@app.command()
def export(
    output: Annotated[Path, typer.Option("-o", "--output", help="File to write.")],
    format: Annotated[ExportFormat, typer.Option("--format")] = ExportFormat.jsonl,
    table: Annotated[ExportTable, typer.Option(help="What to export.")] = ExportTable.events,
    header: Annotated[
        bool, typer.Option("--header", help="GDELT TSV: write a header line (GDELT has none).")
    ] = False,
    db: Db = Path("tidings.duckdb"),
) -> None:
    """Export stored events or mentions: CSV, JSONL, Parquet, or GDELT 2.0 event TSV.

    Example: `tidings export --format parquet -o events.parquet`

    Example: `tidings export --format gdelt -o events.gdelt.tsv` (61 columns, tab-separated)
    """
    try:
        written = verbs.export(
            output=output, format=format.value, table=table.value, header=header, db=db
        )
    except TidingsError as error:
        raise fail(error) from error
    err.print(f"wrote {written} {table.value} to {output}")
