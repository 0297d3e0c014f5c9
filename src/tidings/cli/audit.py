"""`tidings audit sample` and `tidings audit score`: the hand check of an event set."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from tidings import verbs
from tidings.audit import AuditScore
from tidings.cli.common import Db, app, err, fail
from tidings.errors import TidingsError

audit = typer.Typer(
    help="Judge a random sample of stored event mentions by hand, then score the judgments: "
    "the validation step every automated event set needs (as GDELT's and ACLED's audits). "
    "The judging rules are in the README, 'Auditing your event set'.",
    no_args_is_help=True,
    rich_markup_mode="markdown",
)
app.add_typer(audit, name="audit")


@audit.command("sample")
def audit_sample(
    db: Db = Path("tidings.duckdb"),
    n: Annotated[int, typer.Option("-n", min=0, help="Mentions to draw.")] = 100,
    seed: Annotated[
        int, typer.Option(help="Random seed: the same seed and store give the same sheet.")
    ] = 0,
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Worksheet CSV to write (else stdout).")
    ] = None,
) -> None:
    """Write a worksheet of N event mentions drawn at random from the store, one a row.

    Example: `tidings audit sample --db tidings.duckdb -n 150 --seed 1 -o sheet.csv`

    **Columns.** What to read: `evidence` (the sentence), `context` (the sentences before
    and after it; `[...]` stands for the evidence), the article's id, date, title and url.
    What was coded: `trigger`, `cameo_code`/`cameo_root`/`cameo_name`, `plover_type`,
    `source_*` and `target_*` (text, code, and `basis`: known entry or inferred), `date`
    with its precision, words and `date_is_fallback` (the article's date was used),
    `location_name`/`location_country`, `modality`, `attributed_to_text`.

    **Judging.** Fill `j_event`, `j_root`, `j_code`, `j_source`, `j_target`, `j_date`,
    `j_place` with `y` (right) or `n` (wrong); `-` or blank is not judged. `j_event`: is
    this a real event the sentence reports (with the right modality)? Judge the other
    fields only where `j_event` is y. `j_code` asks for the exact CAMEO code, `j_root`
    for its root. `note` is free text. Then run `tidings audit score sheet.csv`.
    """
    try:
        rows = verbs.audit_sample(db=db, n=n, seed=seed, output="-" if output is None else output)
    except TidingsError as error:
        raise fail(error) from error
    err.print(f"{len(rows)} mention(s) sampled" + (f" to {output}" if output else ""))


@audit.command("score")
def audit_score(
    sheet: Annotated[Path, typer.Argument(help="A judged worksheet from `tidings audit sample`.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
) -> None:
    """Print each field's accuracy on a judged worksheet, with its 95% Wilson interval.

    Example: `tidings audit score sheet.csv`

    `event` counts over every row judged y or n; root, code, source, target, date and
    place count only over real events (`j_event` y). `all fields` is the share of real
    events right in event, root, source, target, date and place at once (the exact code
    not required), over those judged on all six. A cell other than y, n, - or blank, or
    a missing judgment column, is an error naming the sheet's line and column.
    """
    try:
        result = verbs.audit_score(sheet)
    except TidingsError as error:
        raise fail(error) from error
    if as_json:
        sys.stdout.write(json.dumps(result.to_record(), indent=2) + "\n")
        return
    _print(result)


def _print(result: AuditScore) -> None:
    title = f"audit of {result.sheet} ({result.rows} rows)"
    table = Table("field", "judged", "right", "accuracy", "95% CI", title=title)
    for field in result.fields:
        interval = field.interval
        table.add_row(
            field.field,
            str(field.judged),
            str(field.right),
            "" if field.accuracy is None else f"{field.accuracy:.3f}",
            "" if interval is None else f"{interval[0]:.3f}-{interval[1]:.3f}",
        )
    Console().print(table)
