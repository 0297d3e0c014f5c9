"""`tidings eval`: score the coder against gold sets."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from tidings import verbs
from tidings.cli.common import DictionaryVerbs, Model, ProgressReport, VerbMode, app, err, fail
from tidings.errors import TidingsError
from tidings.eval import Score
from tidings.model import to_record

# the gold sets of the `evaluate` verb, and "all"
EvalSet = StrEnum("EvalSet", {name.replace("-", "_"): name for name in (*verbs.GOLD_SETS, "all")})


class ScoringBars(ProgressReport):
    """A transient progress bar for each gold set while the verb scores its records."""

    def __call__(self, name: str, done: int, total: int) -> None:
        if done == 0:
            columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn())
            self.start((*columns, TimeElapsedColumn()), f"scoring {name}", total, transient=True)
            return
        if self.progress is not None:
            self.progress.advance(self.task)
            if done >= total:
                self.close()


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
    try:
        with ScoringBars() as bars:
            results = verbs.evaluate(
                gold_set.value,
                shared=shared,
                model=model,
                dictionaries=dictionaries,
                own_dictionaries=own_dictionaries,
                no_dictionaries=no_dictionaries,
                dictionary_verbs=dictionary_verbs.value,
                limit=limit,
                misses=misses,
                progress=bars,
            )
    except TidingsError as error:
        raise fail(error) from error
    _print(results, misses, as_json)
    if all(isinstance(r, TidingsError) for r in results.values()):
        raise typer.Exit(2)


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
