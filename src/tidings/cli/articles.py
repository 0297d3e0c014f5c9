"""Commands over articles: `extract`, `ingest` and `demo`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, SpinnerColumn, TextColumn, TimeElapsedColumn

from tidings import verbs
from tidings.cli.common import (
    BatchSize,
    Builtin,
    Db,
    Dictionaries,
    DictionaryFiles,
    DictionaryVerbs,
    Files,
    Model,
    OutFormat,
    Output,
    ParseAhead,
    ProgressReport,
    QueryFormat,
    Strict,
    Tally,
    VerbMode,
    app,
    fail,
    finish,
    print_rows,
    stdout_or,
    written,
)
from tidings.errors import TidingsError
from tidings.pipeline import DEFAULT_BATCH_SIZE
from tidings.verbs import DEMO_CORPUS, IngestSummary


class IngestBar(ProgressReport):
    """The progress bar of `ingest` and `demo`, shown from the verb's first report (its
    store open) and updated after every batch."""

    def __call__(self, summary: IngestSummary) -> None:
        if self.progress is None:
            columns = (SpinnerColumn(), TextColumn("{task.description}"), BarColumn())
            self.start((*columns, TimeElapsedColumn()), "ingesting", None, transient=False)
            return
        self.progress.update(
            self.task,
            description=f"{summary.articles} articles ({summary.skipped} already stored), "
            f"{summary.events} new events",
        )


@app.command()
def extract(
    files: Files,
    output: Output = None,
    format: Annotated[OutFormat, typer.Option("--format", help="Output format.")] = OutFormat.jsonl,
    model: Model = None,
    batch_size: BatchSize = DEFAULT_BATCH_SIZE,
    strict: Strict = False,
    dictionaries: Dictionaries = None,
    dictionary_files: DictionaryFiles = "*.txt",
    builtin: Builtin = True,
    dictionary_verbs: DictionaryVerbs = VerbMode.instead,
    parse_ahead: ParseAhead = True,
) -> None:
    """Extract events from articles: one event record per line, nothing stored.

    Example: `tidings extract ../shared/examples/iraq-pm-drone-2021-11-07.txt -o events.jsonl`

    Bad records go to `<output>.rejects.jsonl` (or `tidings.rejects.jsonl`) with the file,
    line and reason; every good record is still processed.
    """
    rejected = Tally()
    try:
        found = verbs.extract(
            files,
            output=stdout_or(output),
            format=format.value,
            model=model,
            batch_size=batch_size,
            strict=False,  # --strict is the exit code, given below
            dictionaries=dictionaries,
            dictionary_files=dictionary_files,
            builtin=builtin,
            dictionary_verbs=dictionary_verbs.value,
            parse_ahead=parse_ahead,
            on_reject=rejected,
        )
    except TidingsError as error:
        raise fail(error) from error
    written(found, output, "event(s)", rejected, strict)


@app.command()
def ingest(
    files: Files,
    db: Db = Path("tidings.duckdb"),
    model: Model = None,
    batch_size: BatchSize = DEFAULT_BATCH_SIZE,
    strict: Strict = False,
    dictionaries: Dictionaries = None,
    dictionary_files: DictionaryFiles = "*.txt",
    builtin: Builtin = True,
    dictionary_verbs: DictionaryVerbs = VerbMode.instead,
    parse_ahead: ParseAhead = True,
) -> None:
    """Ingest articles into the DuckDB store, a batch per transaction.

    Example: `tidings ingest examples/demo --db tidings.duckdb`

    Re-running is safe: articles already stored are skipped, nothing is doubled, and an
    interrupted run leaves only whole batches. Rejects go to the store's `rejects` table.
    """
    try:
        with IngestBar() as bar:
            summary = verbs.ingest(
                files,
                db=db,
                model=model,
                batch_size=batch_size,
                strict=False,  # --strict is the exit code, given below
                dictionaries=dictionaries,
                dictionary_files=dictionary_files,
                builtin=builtin,
                dictionary_verbs=dictionary_verbs.value,
                parse_ahead=parse_ahead,
                progress=bar,
            )
    except TidingsError as error:
        raise fail(error) from error
    finish(summary.rejected, f"the rejects table of {db}", strict)


@app.command()
def demo(
    db: Db = Path("tidings.duckdb"),
    corpus: Annotated[Path, typer.Option(help="Folder of demo articles.")] = DEMO_CORPUS,
    model: Model = None,
) -> None:
    """Ingest the bundled demo corpus and print the events found.

    Example: `tidings demo --db demo.duckdb`
    """
    try:
        with IngestBar() as bar:
            rows = verbs.demo(db=db, corpus=corpus, model=model, progress=bar)
    except TidingsError as error:
        raise fail(error) from error
    print_rows(rows, QueryFormat.table)
