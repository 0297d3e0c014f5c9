"""Commands over articles: `extract`, `ingest` and `demo`."""

from __future__ import annotations

import csv
import json
import os
import signal
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

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
    QueryFormat,
    Strict,
    VerbMode,
    app,
    err,
    fail,
    finish,
    print_rows,
    record_output,
)
from tidings.errors import TidingsError
from tidings.ingest import read_articles
from tidings.model import to_record
from tidings.pipeline import DEFAULT_BATCH_SIZE, Pipeline
from tidings.store import MENTION_COLUMNS, Store, flatten_mention

DEMO_CORPUS = Path(__file__).resolve().parents[3] / "examples" / "demo"


def _pipeline(
    model: str | None,
    batch_size: int,
    dictionaries: Path | None,
    builtin: bool,
    dictionary_files: str,
    dictionary_verbs: VerbMode,
    parse_ahead: bool,
) -> Pipeline:
    """The pipeline of `extract` and `ingest`, from the options they share; a model or
    dictionary folder that cannot be loaded ends the command with its error."""
    try:
        return Pipeline(
            model,
            batch_size,
            dictionaries,
            keep_builtin=builtin,
            pattern=dictionary_files,
            parse_ahead=parse_ahead,
            verbs=dictionary_verbs.value,
        )
    except TidingsError as error:
        raise fail(error) from error


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
    pipeline = _pipeline(
        model, batch_size, dictionaries, builtin, dictionary_files, dictionary_verbs, parse_ahead
    )
    events = rejected = 0
    with record_output(output) as (out, rejects):
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
    finish(rejected, rejects.path, strict)


def _ingest(files: list[Path], db: Path, pipeline: Pipeline) -> tuple[int, int]:
    """Ingest with a progress bar; returns (new events, rejected records).

    Each batch is stored and merged into the stored events in one transaction. Test hook:
    with TIDINGS_TEST_KILL_AFTER_BATCHES=N set, the process SIGKILLs itself right after
    committing its Nth batch (the crash-safety test uses it; never set it otherwise).
    """
    kill_after = int(os.environ.get("TIDINGS_TEST_KILL_AFTER_BATCHES") or 0)
    new_events = rejected = batches = 0
    columns = (SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), TimeElapsedColumn())
    with Store(db) as store, Progress(*columns, console=err, transient=False) as progress:
        task = progress.add_task("ingesting", total=None)
        seen = skipped = 0
        for batch in pipeline.run(read_articles(files), known=store.known_articles):
            counts = store.write_merged(
                [r.article for r in batch.results],
                [m for r in batch.results for m in r.mentions],
                batch.rejects,
            )
            batches += 1
            if kill_after and batches >= kill_after:
                os.kill(os.getpid(), signal.SIGKILL)
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
    pipeline = _pipeline(
        model, batch_size, dictionaries, builtin, dictionary_files, dictionary_verbs, parse_ahead
    )
    try:
        _, rejected = _ingest(files, db, pipeline)
    except TidingsError as error:
        raise fail(error) from error
    finish(rejected, f"the rejects table of {db}", strict)


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
        raise fail(TidingsError(f"demo corpus not found at {corpus}; pass --corpus DIR"))
    try:
        _ingest([corpus], db, Pipeline(model, DEFAULT_BATCH_SIZE, parse_ahead=True))
        with Store(db) as store:
            rows = store.query_events()
    except TidingsError as error:
        raise fail(error) from error
    print_rows(rows, QueryFormat.table)
