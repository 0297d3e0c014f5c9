"""The stages on their own, as GDELT's knowledge graph offers them: `times` and `places`."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from tidings import nlp as nlp_stage
from tidings.cli.common import (
    BatchSize,
    Files,
    Model,
    Output,
    Strict,
    app,
    err,
    fail,
    finish,
    record_output,
)
from tidings.errors import TidingsError
from tidings.ingest import RejectsWriter, read_articles
from tidings.model import Article, PlaceMention, Rejected
from tidings.pipeline import DEFAULT_BATCH_SIZE, batched
from tidings.when import find_times
from tidings.where import find_places_with_homes, source_key

# what a command writes for a batch of parsed articles
Records = Callable[[list[tuple[Doc, Article]]], Iterable[dict[str, Any]]]


def _kept(items: Iterable[Article | Rejected], rejects: RejectsWriter) -> Iterator[Article]:
    """The good articles; each bad record goes to the rejects file as it is met."""
    for item in items:
        if isinstance(item, Rejected):
            rejects.write(item)
        else:
            yield item


def _write_records(
    files: list[Path],
    output: Path | None,
    model: str | None,
    batch_size: int,
    strict: bool,
    records: Records,
    what: str,
) -> None:
    """Parse the articles in batches and write what `records` finds in each batch, one JSON
    line per record; bad input goes to the rejects file beside the output, as with `extract`."""
    try:
        nlp = nlp_stage.load(model)
    except TidingsError as error:
        raise fail(error) from error
    found = 0
    with record_output(output) as (out, rejects):
        articles = _kept(read_articles(files), rejects)
        for batch in batched(nlp_stage.parse(nlp, articles, batch_size), batch_size):
            for record in records(batch):
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
                found += 1
    err.print(f"{found} {what} written" + (f" to {output}" if output else ""))
    finish(rejects.count, rejects.path, strict)


def _times(batch: list[tuple[Doc, Article]]) -> Iterator[dict[str, Any]]:
    for doc, article in batch:
        yield from _times_of(doc, article)


def _times_of(doc: Doc, article: Article) -> Iterator[dict[str, Any]]:
    for time in find_times(doc, article.date):
        yield {
            "article_id": article.id,
            "start": time.start,
            "end": time.end,
            "text": time.text,
            "type": time.type,
            "value": time.value,
            "precision": time.precision,
        }


def _places(batch: list[tuple[Doc, Article]]) -> Iterator[dict[str, Any]]:
    """The toponyms of a batch, resolved with each source's home as learnt from the batch
    (see `where.home`): articles of one source are best given together."""
    keyed = [(doc, source_key(article.url, article.source)) for doc, article in batch]
    found, _ = find_places_with_homes(keyed)
    for (_, article), mentions in zip(batch, found, strict=True):
        yield from _place_records(article, mentions)


def _place_records(article: Article, mentions: list[PlaceMention]) -> Iterator[dict[str, Any]]:
    for mention in mentions:
        place = mention.place
        yield {
            "article_id": article.id,
            "start": mention.start,
            "end": mention.end,
            "text": mention.text,
            "role": mention.role,
            "name": place.name,
            "geonameid": place.geonameid,
            "country": place.country,
            "admin1": place.admin1,
            "lat": place.lat,
            "lon": place.lon,
            "feature": place.feature,
        }


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
    _write_records(files, output, model, batch_size, strict, _times, "time expression(s)")


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
    _write_records(files, output, model, batch_size, strict, _places, "place(s)")
