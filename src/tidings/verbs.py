"""The command line's verbs as Python functions, with the same options.

    tidings extract FILES     extract(text, date=...) -> mentions; extract(Path(...)) too
    tidings ingest FILES      ingest(files, db=...) -> IngestSummary
    tidings query             query(db=..., country=...) -> event records
    tidings export -o FILE    export(output=..., format=...) -> records written
    tidings demo              demo(db=...) -> event records
    tidings times FILES       times(files) -> time records
    tidings places FILES      places(files) -> place records
    tidings eval SET          evaluate(gold_set) -> scores by set
    tidings audit sample      audit_sample(db=..., n=100, seed=0) -> worksheet rows
    tidings audit score SHEET audit_score(sheet) -> AuditScore

Each takes its command's options as keyword arguments of the same names and defaults,
except those that only choose how the CLI prints (`query --format`, `eval --json`). A
`progress` callback reports how a long verb is going, so the CLI keeps its progress bars
and these stay quiet. `tidings <verb>` parses its options, calls the verb here and
renders what it returns.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import shutil
import signal
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, TextIO, overload

from spacy.language import Language
from spacy.tokens import Doc

from tidings import audit as audit_stage
from tidings import nlp as nlp_stage
from tidings.errors import ConfigError, InputError, OutputError, TidingsError
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
from tidings.files import replacing
from tidings.ingest import READERS, RejectsWriter, read_articles, rejects_path
from tidings.model import Article, EventMention, PlaceMention, Rejected, to_record
from tidings.petrarch import dictionary_files
from tidings.pipeline import DEFAULT_BATCH_SIZE, Pipeline, batched
from tidings.store import MENTION_COLUMNS, Store, flatten_mention
from tidings.when import find_times
from tidings.where import find_places_with_homes, source_key

__all__ = [
    "DEFAULT_DB",
    "DEMO_CORPUS",
    "GOLD_SETS",
    "IngestSummary",
    "audit_sample",
    "audit_score",
    "demo",
    "evaluate",
    "export",
    "extract",
    "ingest",
    "places",
    "query",
    "times",
]

Paths = str | os.PathLike[str] | Iterable[str | os.PathLike[str]]
OnReject = Callable[[Rejected], None]

DEFAULT_DB = Path("tidings.duckdb")
# The bundled demo corpus, and the `shared` folder beside the checkout (src/tidings/ -> repo).
DEMO_CORPUS = Path(__file__).resolve().parents[2] / "examples" / "demo"
DEFAULT_SHARED = Path(__file__).resolve().parents[3] / "shared"
PETRARCH = Path("reference") / "petrarch"
OUT_FORMATS = ("jsonl", "csv")


def _paths(files: Paths) -> list[str | os.PathLike[str]]:
    """One path or many, as the list `read_articles` takes."""
    if isinstance(files, str | os.PathLike):
        return [files]
    return list(files)


def _same_file(a: Path, b: Path) -> bool:
    """Whether two paths name one file, however spelt (links, `..`, hard links)."""
    try:
        if a.exists() and b.exists():
            return os.path.samefile(a, b)
        return a.resolve() == b.resolve()
    except OSError:
        return False


def _store_files(db: str | os.PathLike[str]) -> list[Path]:
    """The store and its write-ahead log: never an output."""
    return [Path(db), Path(f"{db}.wal")]


def _check_output(
    output: str | os.PathLike[str] | None,
    inputs: Iterable[str | os.PathLike[str]],
    rejects: bool = True,
) -> None:
    """Refuse an output that is one of `inputs` (or, with `rejects`, whose rejects file
    is), or that a folder among them would read back, or that lies in a missing folder.
    Called before any file is opened or model loaded: opening for writing truncates, so
    a later check would come after the data was gone."""
    if output is None:
        return
    stdout = str(output) == "-"
    target = Path(output)
    targets = [] if stdout else [target]
    targets += [rejects_path(output)] if rejects else []  # stdout's: in the cwd
    for given in inputs:
        source = Path(given)
        for path in targets:
            inside = (
                source.is_dir()
                and path.suffix.lower() in READERS
                and path.resolve().is_relative_to(source.resolve())
            )
            if _same_file(path, source) or inside:
                raise OutputError(
                    f"{path} is also read by this command ({given}); writing it would destroy "
                    "it. Choose an output path outside the inputs and the store."
                )
    if not stdout and not target.parent.is_dir():
        raise OutputError(
            f"cannot write {target}: the folder {target.parent} does not exist. Create it or "
            "choose another output path."
        )


def _existing_store(db: str | os.PathLike[str]) -> None:
    """Refuse a store that is not there: opening it would create an empty one."""
    if str(db) != ":memory:" and not Path(db).is_file():
        raise InputError(
            f"no store at {db}; ingest articles first: `tidings ingest FILES --db {db}`"
        )


def _pipeline(
    model: str | None,
    batch_size: int,
    dictionaries: str | os.PathLike[str] | None,
    builtin: bool,
    dictionary_files: str,
    dictionary_verbs: str,
    parse_ahead: bool,
) -> Pipeline:
    """The pipeline of `extract` and `ingest`, from the options they share."""
    return Pipeline(
        model,
        batch_size,
        None if dictionaries is None else Path(dictionaries),
        keep_builtin=builtin,
        pattern=dictionary_files,
        parse_ahead=parse_ahead,
        verbs=dictionary_verbs,
    )


@cache
def _text_pipeline(
    model: str | None,
    dictionaries: Path | None,
    builtin: bool,
    dictionary_files: str,
    dictionary_verbs: str,
) -> Pipeline:
    """One pipeline per process and options for `extract(text)`: loading one takes seconds."""
    options = (dictionaries, builtin, dictionary_files, dictionary_verbs)
    return _pipeline(model, DEFAULT_BATCH_SIZE, *options, parse_ahead=False)


class _Rejects:
    """Hands each bad record to the rejects file beside the output (if any) and to
    `on_reject`, and counts them for `strict`."""

    def __init__(self, writer: RejectsWriter | None, on_reject: OnReject | None) -> None:
        self.writer, self.on_reject, self.count = writer, on_reject, 0

    def __call__(self, rejected: Rejected) -> None:
        if self.writer is not None:
            self.writer.write(rejected)
        if self.on_reject is not None:
            self.on_reject(rejected)
        self.count += 1

    def check(self, strict: bool) -> None:
        """Raise, under `strict`, once the run is over if any record was rejected."""
        if strict and self.count:
            where = f"; reasons in {self.writer.path}" if self.writer is not None else ""
            raise InputError(f"{self.count} record(s) rejected{where}")


@contextmanager
def _writing(
    output: str | os.PathLike[str] | None, on_reject: OnReject | None
) -> Iterator[tuple[TextIO | None, _Rejects]]:
    """Where a verb writes its records, one a line: the file `output`, stdout for `-`, or
    nowhere for None; and its rejects, written beside the output (see `rejects_path`)."""
    if output is None:
        yield None, _Rejects(None, on_reject)
        return
    with ExitStack() as stack:
        out = _open_output(stack, output)
        writer = stack.enter_context(RejectsWriter(rejects_path(output)))
        yield out, _Rejects(writer, on_reject)


def _open_output(stack: ExitStack, output: str | os.PathLike[str]) -> TextIO:
    """Stdout for "-", else a partial file beside `output`, renamed onto it when `stack`
    closes: a run that fails or is stopped leaves an existing `output` as it was."""
    if str(output) == "-":
        return sys.stdout
    return stack.enter_context(replacing(Path(output)))


# -- extract -----------------------------------------------------------------------------


@overload
def extract(
    text: str,
    date: dt.date,
    id: str | None = None,
    *,
    model: str | None = None,
    dictionaries: str | os.PathLike[str] | None = None,
    dictionary_files: str = "*.txt",
    builtin: bool = True,
    dictionary_verbs: str = "instead",
) -> list[EventMention]: ...


@overload
def extract(
    files: os.PathLike[str] | list[str | os.PathLike[str]],
    /,
    *,
    output: None = None,
    format: str = "jsonl",
    model: str | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    strict: bool = False,
    dictionaries: str | os.PathLike[str] | None = None,
    dictionary_files: str = "*.txt",
    builtin: bool = True,
    dictionary_verbs: str = "instead",
    parse_ahead: bool = True,
    on_reject: OnReject | None = None,
) -> Iterator[EventMention]: ...


@overload
def extract(
    files: os.PathLike[str] | list[str | os.PathLike[str]],
    /,
    *,
    output: str | os.PathLike[str],
    format: str = "jsonl",
    model: str | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    strict: bool = False,
    dictionaries: str | os.PathLike[str] | None = None,
    dictionary_files: str = "*.txt",
    builtin: bool = True,
    dictionary_verbs: str = "instead",
    parse_ahead: bool = True,
    on_reject: OnReject | None = None,
) -> int: ...


def extract(
    text: str | Paths,
    date: dt.date | None = None,
    id: str | None = None,
    *,
    output: str | os.PathLike[str] | None = None,
    format: str = "jsonl",
    model: str | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    strict: bool = False,
    dictionaries: str | os.PathLike[str] | None = None,
    dictionary_files: str = "*.txt",
    builtin: bool = True,
    dictionary_verbs: str = "instead",
    parse_ahead: bool = True,
    on_reject: OnReject | None = None,
) -> list[EventMention] | Iterator[EventMention] | int:
    """The event mentions of one article's text, or of the articles in files.

    A `str` is an article's text, dated against its publication `date` (required), and
    gives a list of `EventMention`; its pipeline is loaded once per process and options.
    A `pathlib.Path` (or a list of paths: .txt, .jsonl, .json, .csv files, or folders) is
    read as `tidings extract FILES` reads it, a batch at a time, and gives an iterator of
    `EventMention`, or with `output` writes them there as the command does (`format`
    "jsonl" or "csv"; "-" for stdout; bad records to `<output>.rejects.jsonl` beside it)
    and returns how many it wrote. Only files take these options:

    - `on_reject(rejected)`: called with each bad record (`Rejected`);
    - `strict`: once every article is done, raise `InputError` if any was rejected;
    - `batch_size`, `parse_ahead`: as the command's `--batch-size`, `--parse-ahead`.

    `dictionaries`, `dictionary_files`, `builtin` and `dictionary_verbs` choose the coder
    as the command's options of those names do, for text and files alike. A model or
    dictionary folder that cannot be loaded raises at the call, before any file is read.
    """
    if isinstance(text, str):
        if date is None:
            raise TypeError(
                "extract(text) needs the article's date=; to read files, pass pathlib.Path"
            )
        if output is not None:
            raise TypeError("output= is for files; extract(text) returns its events")
        folder = None if dictionaries is None else Path(dictionaries)
        pipeline = _text_pipeline(model, folder, builtin, dictionary_files, dictionary_verbs)
        return pipeline.extract(text, date, id)
    if format not in OUT_FORMATS:
        raise ConfigError(f"format must be one of {', '.join(OUT_FORMATS)}, not {format!r}")
    _check_output(output, _paths(text))
    pipeline = _pipeline(
        model, batch_size, dictionaries, builtin, dictionary_files, dictionary_verbs, parse_ahead
    )
    mentions = _extract_files(pipeline, _paths(text), output, format, strict, on_reject)
    return mentions if output is None else _count(mentions)


def _count(records: Iterable[object]) -> int:
    """Run a verb's writing to the end: how many records it wrote."""
    return sum(1 for _ in records)


def _extract_files(
    pipeline: Pipeline,
    paths: list[str | os.PathLike[str]],
    output: str | os.PathLike[str] | None,
    format: str,
    strict: bool,
    on_reject: OnReject | None,
) -> Iterator[EventMention]:
    with _writing(output, on_reject) as (out, rejects):
        writer = (
            csv.DictWriter(out, MENTION_COLUMNS) if out is not None and format == "csv" else None
        )
        if writer:
            writer.writeheader()
        for batch in pipeline.run(read_articles(paths)):
            for reject in batch.rejects:
                rejects(reject)
            for result in batch.results:
                for mention in result.mentions:
                    if writer:
                        writer.writerow(flatten_mention(mention))
                    elif out is not None:
                        out.write(json.dumps(to_record(mention), ensure_ascii=False) + "\n")
                    yield mention
    rejects.check(strict)


# -- ingest and demo ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class IngestSummary:
    """What an ingest did: articles read (new or already stored), of them those skipped
    as already stored, records rejected, and new events in the store."""

    articles: int = 0
    skipped: int = 0
    rejected: int = 0
    events: int = 0


def ingest(
    files: Paths,
    *,
    db: str | os.PathLike[str] = DEFAULT_DB,
    model: str | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    strict: bool = False,
    dictionaries: str | os.PathLike[str] | None = None,
    dictionary_files: str = "*.txt",
    builtin: bool = True,
    dictionary_verbs: str = "instead",
    parse_ahead: bool = True,
    progress: Callable[[IngestSummary], None] | None = None,
) -> IngestSummary:
    """Ingest articles into the DuckDB store `db`, a batch per transaction, as
    `tidings ingest` does: articles already stored are skipped, rejects go to the store's
    `rejects` table, each batch's mentions are merged into the stored events.

    `progress(summary)` is called once the store is open, then after every batch, with
    the counts so far. `strict`: raise `InputError` after storing if any record was
    rejected. The other options are the command's.
    """
    _check_output(db, _paths(files), rejects=False)
    if Path(db).is_file():  # locked by another writer, or not a store: say so before the
        Store(db).close()  # model loads (seconds), not after; a new store waits for it
    pipeline = _pipeline(
        model, batch_size, dictionaries, builtin, dictionary_files, dictionary_verbs, parse_ahead
    )
    summary = _ingest(_paths(files), Path(db), pipeline, progress)
    if strict and summary.rejected:
        raise InputError(f"{summary.rejected} record(s) rejected; reasons in the rejects table")
    return summary


def _ingest(
    paths: list[str | os.PathLike[str]],
    db: Path,
    pipeline: Pipeline,
    progress: Callable[[IngestSummary], None] | None,
) -> IngestSummary:
    """Store and merge each batch in one transaction.

    Test hook: with TIDINGS_TEST_KILL_AFTER_BATCHES=N set, the process SIGKILLs itself right
    after committing its Nth batch (the crash-safety test uses it; never set it otherwise).
    """
    kill_after = int(os.environ.get("TIDINGS_TEST_KILL_AFTER_BATCHES") or 0)
    batches = 0
    summary = IngestSummary()
    with Store(db) as store:
        if progress is not None:
            progress(summary)
        for batch in pipeline.run(read_articles(paths), known=store.known_articles):
            counts = store.write_merged(
                [r.article for r in batch.results],
                [m for r in batch.results for m in r.mentions],
                batch.rejects,
            )
            batches += 1
            if kill_after and batches >= kill_after:
                os.kill(os.getpid(), signal.SIGKILL)
            summary = IngestSummary(
                articles=summary.articles + len(batch.results) + batch.skipped,
                skipped=summary.skipped + batch.skipped,
                rejected=summary.rejected + len(batch.rejects),
                events=summary.events + counts.events,
            )
            if progress is not None:
                progress(summary)
    return summary


def demo(
    *,
    db: str | os.PathLike[str] = DEFAULT_DB,
    corpus: str | os.PathLike[str] = DEMO_CORPUS,
    model: str | None = None,
    progress: Callable[[IngestSummary], None] | None = None,
) -> list[dict[str, Any]]:
    """Ingest the bundled demo corpus (or the articles in `corpus`) into `db` and return
    every stored event record; `progress` as for `ingest`."""
    if not Path(corpus).exists():
        raise TidingsError(f"demo corpus not found at {corpus}; pass --corpus DIR")
    ingest(corpus, db=db, model=model, progress=progress)
    return query(db=db)


# -- query and export --------------------------------------------------------------------


def _day(value: dt.date | str | None) -> dt.date | str | None:
    return value.date() if isinstance(value, dt.datetime) else value


def query(
    *,
    db: str | os.PathLike[str] = DEFAULT_DB,
    since: dt.date | str | None = None,
    until: dt.date | str | None = None,
    country: str | None = None,
    actor: str | None = None,
    root: str | None = None,
    code: str | None = None,
    limit: int | None = None,
    event: str | None = None,
    mentions: bool = False,
) -> list[dict[str, Any]]:
    """Stored event records (flat rows) ordered by date and event id, filtered as
    `tidings query` filters them (see `Store.query_events`); `event`: just that event,
    or none. `mentions`: each record also holds, under "mentions", every mention of its
    event with the article's date, title, source and URL."""
    if limit is not None and limit < 0:
        raise ConfigError(f"limit must be 0 or more, not {limit}")
    _existing_store(db)
    with Store(db, read_only=True) as store:
        if event:
            found = store.event(event)
            rows = [found] if found else []
        else:
            rows = store.query_events(
                since=_day(since),
                until=_day(until),
                country=country,
                actor=actor,
                root=root,
                code=code,
                limit=limit,
            )
        if mentions:
            reports = store.mentions_of(r["event_id"] for r in rows)
            rows = [{**r, "mentions": reports.get(r["event_id"], [])} for r in rows]
    return rows


def export(
    *,
    output: str | os.PathLike[str],
    format: str = "jsonl",
    table: str = "events",
    header: bool = False,
    db: str | os.PathLike[str] = DEFAULT_DB,
) -> int:
    """Write the stored events or mentions (`table`) to `output` as CSV, JSONL, Parquet or
    GDELT 2.0 event TSV (`format` "gdelt"; a header line only with `header`); returns how
    many records were written. The store must exist and `output` must not be it; an
    existing `output` is replaced whole once the export is complete."""
    _existing_store(db)
    _check_output(output, _store_files(db), rejects=False)
    with Store(db, read_only=True) as store:
        return store.export(format, Path(output), table=table, header=header)


# -- times and places --------------------------------------------------------------------

# what a verb finds in a batch of parsed articles
Records = Callable[[list[tuple[Doc, Article]]], Iterable[dict[str, Any]]]


def times(
    files: Paths,
    *,
    output: str | os.PathLike[str] | None = None,
    model: str | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    strict: bool = False,
    on_reject: OnReject | None = None,
) -> Iterator[dict[str, Any]] | int:
    """Every temporal expression in the articles, normalised against its article's date:
    an iterator of the records `tidings times` writes, or with `output` how many it wrote
    there (`output`, `on_reject` and `strict` as for `extract` over files)."""
    _check_output(output, _paths(files))
    nlp = nlp_stage.load(model)
    found = _records(nlp, _paths(files), output, batch_size, strict, on_reject, _times)
    return found if output is None else _count(found)


def places(
    files: Paths,
    *,
    output: str | os.PathLike[str] | None = None,
    model: str | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    strict: bool = False,
    on_reject: OnReject | None = None,
) -> Iterator[dict[str, Any]] | int:
    """Every toponym in the articles, resolved against GeoNames: an iterator of the
    records `tidings places` writes, or with `output` how many it wrote there (`output`,
    `on_reject` and `strict` as for `extract` over files). Each source's home is learnt
    from its articles within one batch of `batch_size`."""
    _check_output(output, _paths(files))
    nlp = nlp_stage.load(model)
    found = _records(nlp, _paths(files), output, batch_size, strict, on_reject, _places)
    return found if output is None else _count(found)


def _records(
    nlp: Language,
    paths: list[str | os.PathLike[str]],
    output: str | os.PathLike[str] | None,
    batch_size: int,
    strict: bool,
    on_reject: OnReject | None,
    records: Records,
) -> Iterator[dict[str, Any]]:
    """Parse the articles in batches and yield what `records` finds in each batch, writing
    each to `output` as a JSON line when there is one."""
    with _writing(output, on_reject) as (out, rejects):
        articles = _kept(read_articles(paths), rejects)
        for batch in batched(nlp_stage.parse(nlp, articles, batch_size), batch_size):
            for record in records(batch):
                if out is not None:
                    out.write(json.dumps(record, ensure_ascii=False) + "\n")
                yield record
    rejects.check(strict)


def _kept(items: Iterable[Article | Rejected], rejects: _Rejects) -> Iterator[Article]:
    """The good articles; each bad record goes to `rejects` as it is met."""
    for item in items:
        if isinstance(item, Rejected):
            rejects(item)
        else:
            yield item


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


# -- evaluate ----------------------------------------------------------------------------


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


GOLD_SETS: dict[str, GoldSet] = {
    "petrarch-gsr": GoldSet(
        PETRARCH / "PETR2_GSR_validation.xml",
        lambda p: sum(r.evaluate for r in read_petrarch(p)),
        _petrarch("PETRARCH-2 GSR validation"),
        petrarch=True,
    ),
    "petrarch-unit": GoldSet(
        PETRARCH / "PETR.UnitTest.records.xml",
        lambda p: sum(r.evaluate for r in read_petrarch(p)),
        _petrarch("PETRARCH unit tests"),
        petrarch=True,
        own_dictionaries=True,  # its fictional states exist only in PETR.Validate.*
    ),
    "plover": GoldSet(
        Path("eval") / "plover-gsr" / "dev.jsonl",
        lambda p: sum(1 for _ in read_plover(p)),
        lambda p, x, n, k: score_plover(p, x, limit=n, keep_misses=k),
    ),
    "wikievents": GoldSet(
        Path("eval") / "wikievents" / "dev.jsonl",
        lambda p: sum(1 for _ in read_wikievents(p)),
        lambda p, x, n, k: score_wikievents(p, x, limit=n, keep_misses=k),
    ),
}


def evaluate(
    gold_set: str,
    *,
    shared: str | os.PathLike[str] | None = None,
    model: str | None = None,
    dictionaries: str | os.PathLike[str] | None = None,
    own_dictionaries: bool = False,
    no_dictionaries: bool = False,
    dictionary_verbs: str = "instead",
    limit: int | None = None,
    misses: int = 0,
    progress: Callable[[str, int, int], None] | None = None,
) -> dict[str, Score | TidingsError]:
    """Score the coder against a gold set (a name of `GOLD_SETS`) or "all" of them, as
    `tidings eval` does; the scores by set name, each keeping `misses` example misses.

    With one set, an error (its file missing, its dictionaries unreadable) is raised; with
    "all", it stands in that set's place. `progress(set, done, total)` is called as each
    set starts (done 0) and after each of its records.
    """
    if gold_set != "all" and gold_set not in GOLD_SETS:
        raise ConfigError(f"no gold set {gold_set!r}; choose {', '.join(GOLD_SETS)} or all")
    root = Path(shared or os.environ.get("TIDINGS_SHARED") or DEFAULT_SHARED)
    chosen = [s for s in GOLD_SETS if gold_set in (s, "all")]
    pipelines: dict[Path | None, Pipeline] = {}
    results: dict[str, Score | TidingsError] = {}
    with ExitStack() as stack:
        for name in chosen:
            spec = GOLD_SETS[name]
            try:
                path = require_file(root / spec.path)
                folder = None if no_dictionaries or dictionaries is None else Path(dictionaries)
                own = spec.own_dictionaries or own_dictionaries
                environment = folder is None and spec.petrarch and own and not no_dictionaries
                if environment:
                    folder = _environment(path, stack)
                if folder not in pipelines:
                    # a validation file's own dictionaries code alone, as in PETRARCH
                    keep = not environment
                    pipelines[folder] = Pipeline(
                        model, dictionaries=folder, keep_builtin=keep, verbs=dictionary_verbs
                    )
                extract = pipelines[folder].extract
                results[name] = _score(name, spec, path, extract, limit, misses, progress)
            except TidingsError as error:
                if gold_set != "all":
                    raise
                results[name] = error
    return results


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


def _score(
    name: str,
    spec: GoldSet,
    path: Path,
    extract: Extract,
    limit: int | None,
    keep: int,
    progress: Callable[[str, int, int], None] | None,
) -> Score:
    """Score one set, reporting each record scored to `progress`."""
    if progress is None:
        return spec.score(path, extract, limit, keep)
    total = spec.count(path)
    total = min(total, limit) if limit else total
    done = 0
    progress(name, done, total)

    def tracked(text: str, date: dt.date, id: str) -> list[EventMention]:
        nonlocal done
        try:
            return extract(text, date, id)
        finally:
            done += 1
            progress(name, done, total)

    return spec.score(path, tracked, limit, keep)


# -- audit -------------------------------------------------------------------------------


def audit_sample(
    *,
    db: str | os.PathLike[str] = DEFAULT_DB,
    n: int = 100,
    seed: int = 0,
    output: str | os.PathLike[str] | None = None,
) -> list[audit_stage.SheetRow]:
    """`n` stored mentions drawn at random (the same for the same `seed` and store) as
    worksheet rows, with blank judgment columns; with `output`, also written there as
    the CSV worksheet `tidings audit sample` writes ("-" for stdout)."""
    _existing_store(db)  # Store would create it, and sample nothing
    _check_output(output, _store_files(db), rejects=False)
    with Store(db, read_only=True) as store:
        rows = audit_stage.sample(store, n, seed)
    if output is not None:
        with ExitStack() as stack:
            audit_stage.write_sheet(rows, _open_output(stack, output))
    return rows


def audit_score(sheet: str | os.PathLike[str]) -> audit_stage.AuditScore:
    """Per-field accuracy, with 95% Wilson intervals, of a judged worksheet, as
    `tidings audit score` prints it; a malformed sheet raises `SheetError`."""
    return audit_stage.score(sheet)
