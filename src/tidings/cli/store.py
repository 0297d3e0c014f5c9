"""Commands over the store: `query` and `export`."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from tidings.cli.common import Db, QueryFormat, app, err, fail, print_rows
from tidings.errors import TidingsError
from tidings.store import Store


class ExportFormat(StrEnum):
    csv = "csv"
    jsonl = "jsonl"
    parquet = "parquet"


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
    limit: Annotated[int | None, typer.Option(help="At most this many events.")] = None,
    format: Annotated[QueryFormat, typer.Option("--format")] = QueryFormat.table,
) -> None:
    """Filter stored events and print them.

    Example: `tidings query --country IRQ --root 19 --since 2021-11-01 --format csv`
    """
    try:
        with Store(db) as store:
            rows = store.query_events(
                since=since.date() if since else None,
                until=until.date() if until else None,
                country=country,
                actor=actor,
                root=root,
                code=code,
                limit=limit,
            )
    except TidingsError as error:
        raise fail(error) from error
    print_rows(rows, format)


@app.command()
def export(
    output: Annotated[Path, typer.Option("-o", "--output", help="File to write.")],
    format: Annotated[ExportFormat, typer.Option("--format")] = ExportFormat.jsonl,
    table: Annotated[ExportTable, typer.Option(help="What to export.")] = ExportTable.events,
    db: Db = Path("tidings.duckdb"),
) -> None:
    """Export stored events or mentions.

    Example: `tidings export --format parquet -o events.parquet`
    """
    try:
        with Store(db) as store:
            store.export(format.value, output, table=table.value)
    except TidingsError as error:
        raise fail(error) from error
    err.print(f"wrote {table.value} to {output}")
