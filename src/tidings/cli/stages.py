"""The stages on their own, as GDELT's knowledge graph offers them: `times` and `places`."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tidings import verbs
from tidings.cli.common import (
    BatchSize,
    Files,
    Model,
    Output,
    Strict,
    Tally,
    app,
    fail,
    stdout_or,
    written,
)
from tidings.errors import TidingsError
from tidings.pipeline import DEFAULT_BATCH_SIZE


def _write_records(
    verb: Callable[..., int],
    files: list[Path],
    output: Path | None,
    model: str | None,
    batch_size: int,
    strict: bool,
    what: str,
) -> None:
    """Write what `verb` finds, one JSON line per record; bad input goes to the rejects
    file beside the output, as with `extract`."""
    rejected = Tally()
    try:
        found = verb(
            files,
            output=stdout_or(output),
            model=model,
            batch_size=batch_size,
            strict=False,  # --strict is the exit code, given below
            on_reject=rejected,
        )
    except TidingsError as error:
        raise fail(error) from error
    written(found, output, what, rejected, strict)


@app.command()
def times(
    files: Files,
    output: Output = None,
    model: Model = None,
    batch_size: BatchSize = DEFAULT_BATCH_SIZE,
    strict: Strict = False,
) -> None:
    """Find every temporal expression, normalised against its article's date: one per line.

    Example: `tidings times article.txt -o times.jsonl`

    Each line holds `article_id`, `start` and `end` (character offsets into the article
    text), `text`, `type` (DATE, TIME, DURATION or SET), the TIMEX3 `value` (2021-11-07,
    2021-W44, 2021-10, P1M, PRESENT_REF) and `precision`. Bad records go to
    `<output>.rejects.jsonl` (or `tidings.rejects.jsonl`), as with `extract`.
    """
    _write_records(verbs.times, files, output, model, batch_size, strict, "time expression(s)")


@app.command()
def places(
    files: Files,
    output: Output = None,
    model: Model = None,
    batch_size: BatchSize = DEFAULT_BATCH_SIZE,
    strict: Strict = False,
) -> None:
    """Find every toponym, resolved against GeoNames: one per line.

    Example: `tidings places article.txt -o places.jsonl`

    Each line holds `article_id`, `start` and `end` (character offsets into the article
    text), `text`, and the place: `name`, `geonameid`, `country` (ISO 3166 alpha-3),
    `admin1`, `lat`, `lon` and `feature` (GeoNames class.code), and `role`: "place",
    "metonym" ("Washington said") or "demonym" ("Iraqi", given its country); events are
    placed on role "place" only. Bad records go to `<output>.rejects.jsonl` (or
    `tidings.rejects.jsonl`), as with `extract`.

    Articles are resolved a batch at a time, each source (the host of its articles' `url`,
    else their `source`) with a home learnt from its articles in the batch: the country
    of its host's domain ("lfpress.ca") or that its places of sure country lie in, and
    the state most of its place names could lie in. The home settles same-named towns
    ("Arlington" in a Virginia paper) where the story itself does not. Articles of one
    source learn from each other only within one batch (`--batch-size`).
    """
    _write_records(verbs.places, files, output, model, batch_size, strict, "place(s)")
