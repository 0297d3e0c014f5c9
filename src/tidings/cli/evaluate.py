"""`tidings eval`: score the coder against gold sets."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from tidings.cli.common import DictionaryVerbs, Model, VerbMode, app, err, fail
from tidings.errors import InputError, TidingsError
from tidings.eval import (
    Extract,
    Score,
    read_petrarch,
    read_plover,
    read_wikievents,
    require_file,
    score_petrarch,
    score_plover,
    score_wikievents,
)
from tidings.model import EventMention, to_record
from tidings.petrarch import dictionary_files
from tidings.pipeline import Pipeline

# The `shared` folder beside the repository checkout (src/tidings/cli/ -> repo -> its parent).
DEFAULT_SHARED = Path(__file__).resolve().parents[4] / "shared"
PETRARCH = Path("reference") / "petrarch"


class EvalSet(StrEnum):
    petrarch_gsr = "petrarch-gsr"
    petrarch_unit = "petrarch-unit"
    plover = "plover"
    wikievents = "wikievents"
    all = "all"


@dataclass(frozen=True, slots=True)
class GoldSet:
    path: Path  # inside the shared folder
    count: Callable[[Path], int]  # records that will be scored
    score: Callable[[Path, Extract, int | None, int], Score]
    petrarch: bool = False  # a PETRARCH file, whose <Environment> names its dictionaries
    own_dictionaries: bool = False  # coded with those dictionaries unless told otherwise


def _petrarch(name: str) -> Callable[[Path, Extract, int | None, int], Score]:
    def run(path: Path, extract: Extract, limit: int | None, keep: int) -> Score:
        return score_petrarch(path, extract, name=name, limit=limit, keep_misses=keep)

    return run


SETS: dict[EvalSet, GoldSet] = {
    EvalSet.petrarch_gsr: GoldSet(
        PETRARCH / "PETR2_GSR_validation.xml",
        lambda p: sum(r.evaluate for r in read_petrarch(p)),
        _petrarch("PETRARCH-2 GSR validation"),
        petrarch=True,
    ),
    EvalSet.petrarch_unit: GoldSet(
        PETRARCH / "PETR.UnitTest.records.xml",
        lambda p: sum(r.evaluate for r in read_petrarch(p)),
        _petrarch("PETRARCH unit tests"),
        petrarch=True,
        own_dictionaries=True,  # its fictional states exist only in PETR.Validate.*
    ),
    EvalSet.plover: GoldSet(
        Path("eval") / "plover-gsr" / "dev.jsonl",
        lambda p: sum(1 for _ in read_plover(p)),
        lambda p, x, n, k: score_plover(p, x, limit=n, keep_misses=k),
    ),
    EvalSet.wikievents: GoldSet(
        Path("eval") / "wikievents" / "dev.jsonl",
        lambda p: sum(1 for _ in read_wikievents(p)),
        lambda p, x, n, k: score_wikievents(p, x, limit=n, keep_misses=k),
    ),
}


@app.command("eval")
def evaluate(
    gold_set: Annotated[
        EvalSet, typer.Argument(metavar="SET", help="The gold set to score against, or all.")
    ],
    shared: Annotated[
        Path | None,
        typer.Option(
            help="Folder holding reference/petrarch/ and eval/ "
            "(default: $TIDINGS_SHARED, else the `shared` folder beside the checkout).",
            show_default=False,
        ),
    ] = None,
    model: Model = None,
    dictionaries: Annotated[
        Path | None,
        typer.Option(
            help="Folder of PETRARCH/TABARI dictionaries to code every set with (default: "
            "built-in lexicons; petrarch-unit uses the PETR.Validate.* files it names).",
            show_default=False,
        ),
    ] = None,
    own_dictionaries: Annotated[
        bool,
        typer.Option(
            "--own-dictionaries",
            help="Code each PETRARCH set with the dictionaries its `<Environment>` names "
            "(petrarch-gsr: CAMEO.2.0 and Phoenix.*).",
        ),
    ] = False,
    no_dictionaries: Annotated[
        bool,
        typer.Option(
            "--no-dictionaries", help="Use the built-in lexicons only, for petrarch-unit too."
        ),
    ] = False,
    dictionary_verbs: DictionaryVerbs = VerbMode.instead,
    limit: Annotated[
        int | None, typer.Option(min=1, help="Score only the first N records of each set.")
    ] = None,
    misses: Annotated[int, typer.Option(min=0, help="Print N example misses per set.")] = 0,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
) -> None:
    """Score the coder against gold sets: PETRARCH validation records (exact triple match,
    precision, recall), PLOVER gold records (event type, actor country and sector) and
    WikiEvents (recall of attacks, injuries, deaths and arrests with their arguments).

    Example: `tidings eval plover --misses 10`

    Prints one table per set, then the commonest kinds of misses. See docs/EVALUATION.md
    for how each figure is counted.
    """
    root = shared or Path(os.environ.get("TIDINGS_SHARED") or DEFAULT_SHARED)
    chosen = [s for s in SETS if gold_set in (s, EvalSet.all)]
    pipelines: dict[Path | None, Pipeline] = {}
    results: dict[str, Score | TidingsError] = {}
    with ExitStack() as stack:
        for name in chosen:
            spec = SETS[name]
            try:
                path = require_file(root / spec.path)
                folder = None if no_dictionaries else dictionaries
                own = spec.own_dictionaries or own_dictionaries
                environment = folder is None and spec.petrarch and own and not no_dictionaries
                if environment:
                    folder = _environment(path, stack)
                if folder not in pipelines:
                    # a validation file's own dictionaries code alone, as in PETRARCH
                    keep = not environment
                    pipelines[folder] = Pipeline(
                        model, dictionaries=folder, keep_builtin=keep, verbs=dictionary_verbs.value
                    )
                results[name] = _run(name, spec, path, pipelines[folder].extract, limit, misses)
            except TidingsError as error:
                if gold_set is not EvalSet.all:
                    raise fail(error) from error
                results[name] = error
    _print(results, misses, as_json)
    if all(isinstance(r, TidingsError) for r in results.values()):
        raise typer.Exit(2)


def _environment(gold: Path, stack: ExitStack) -> Path:
    """A scratch folder holding (links to) just the dictionaries a PETRARCH validation file
    names, since the folder beside it holds other sets too (Phoenix.* and PETR.Validate.*)."""
    folder = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="tidings-eval-")))
    for name in dictionary_files(gold):
        source = gold.parent / name
        if not source.is_file():
            raise InputError(f"{gold} names the dictionary {name}, absent from {gold.parent}")
        try:
            (folder / name).symlink_to(source)
        except OSError:  # no symlinks here (some Windows setups): a scratch copy will do
            shutil.copyfile(source, folder / name)
    return folder


def _run(
    name: str, spec: GoldSet, path: Path, extract: Extract, limit: int | None, keep: int
) -> Score:
    """Score one set with a progress bar over its records."""
    total = spec.count(path)
    total = min(total, limit) if limit else total
    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=err, transient=True) as progress:
        task = progress.add_task(f"scoring {name}", total=total)

        def tracked(text: str, date: dt.date, id: str) -> list[EventMention]:
            try:
                return extract(text, date, id)
            finally:
                progress.advance(task)

        return spec.score(path, tracked, limit, keep)


def _print(results: dict[str, Score | TidingsError], misses: int, as_json: bool) -> None:
    if as_json:
        out = {
            name: {"unavailable": str(r)}
            if isinstance(r, TidingsError)
            else {
                "title": r.title,
                "rows": r.rows(),
                "miss_kinds": dict(r.miss_kinds),
                "misses": [to_record(m) for m in r.misses[:misses]],
            }
            for name, r in results.items()
        }
        sys.stdout.write(json.dumps(out, indent=2, ensure_ascii=False) + "\n")
        return
    console = Console(width=max(Console().width, 120))
    for name, result in results.items():
        if isinstance(result, TidingsError):
            err.print(f"[yellow]{name} unavailable[/yellow]: {result}")
            continue
        rows = result.rows()
        columns = list(dict.fromkeys(key for row in rows for key in row))
        table = Table(*columns, title=result.title, title_justify="left")
        for row in rows:
            table.add_row(*(_cell(row.get(column)) for column in columns))
        console.print(table)
        kinds = ", ".join(f"{kind} ({n})" for kind, n in result.miss_kinds[:12])
        console.print(f"commonest misses: {kinds or 'none'}")
        for miss in result.misses[:misses]:
            console.print(
                f"  [bold]{miss.kind}[/bold] {miss.id}\n    gold: {miss.gold}\n"
                f"    ours: {miss.ours}\n    text: {miss.text}",
                highlight=False,
            )
        console.print()


def _cell(value: object) -> str:
    if value is None:
        return ""
    return f"{value:.3f}" if isinstance(value, float) else str(value)
