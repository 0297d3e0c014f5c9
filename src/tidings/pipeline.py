"""Wire the stages: articles in, event mentions out, streamed in batches.

Each stage is called through its public function with the parsed doc and the records
of the stages before it; nothing here knows how a stage works inside. Articles are
read lazily, parsed a batch at a time with `nlp.pipe`, and dropped once their batch
is written, so memory stays flat however large the corpus (but for each article's id
and content hash, kept to name a second record with its id and other text).
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from spacy.tokens import Doc

from tidings import nlp as nlp_stage
from tidings.actors import ActorCoder
from tidings.actors import default_coder as default_actor_coder
from tidings.errors import ConfigError, InputError, Reject
from tidings.events import Coder, check_verb_mode, make_coder
from tidings.ingest import MAX_TEXT_CHARS, YEARS, article_id
from tidings.model import Article, EventMention, PlaceMention, Rejected
from tidings.nlp import ParseAhead
from tidings.toll import count_casualties
from tidings.when import date_events
from tidings.where import Home, batch_homes, find_places, locate_events, source_key

__all__ = ["ArticleEvents", "Batch", "Pipeline", "batched"]

logger = logging.getLogger(__name__)
T = TypeVar("T")

DEFAULT_BATCH_SIZE = 64


@dataclass(frozen=True, slots=True)
class ArticleEvents:
    article: Article
    mentions: tuple[EventMention, ...]


@dataclass(frozen=True, slots=True)
class Batch:
    """What one batch of input became: its articles' events and its rejects."""

    results: tuple[ArticleEvents, ...]
    rejects: tuple[Rejected, ...]
    skipped: int = 0  # articles already known (re-runs), not processed again


class Pipeline:
    """The whole chain on one loaded spaCy model."""

    def __init__(
        self,
        model: str | None = None,
        batch_size: int = DEFAULT_BATCH_SIZE,
        dictionaries: Path | None = None,
        keep_builtin: bool = True,
        pattern: str = "*.txt",
        parse_ahead: bool = False,
        verbs: str = "instead",
    ) -> None:
        """`parse_ahead`: parse the next batch in a second process while this one runs
        the later stages (only on a machine with two or more cores, and only once a
        second batch exists); the events are the same either way. The worker is
        started with multiprocessing's "spawn", which imports your `__main__` module
        again: a script that turns this on needs the `if __name__ == "__main__":`
        guard (the `tidings` command has it and turns this on).

        `dictionaries`: a folder of PETRARCH/TABARI verb, actor and agent files. Its
        verb files code the events, PETRARCH's way (`events.dictionary`), with its
        actors and agents; the built-in actors fill in phrases the files do not code
        (not with `keep_builtin=False`). Only files matching `pattern` are read, to pick
        one set out of a folder of several. `verbs="beside"` keeps the built-in coder
        and adds the verb files' verbs to its triggers instead (their simpler patterns
        only): the way to extend the built-in lexicon with a few verbs of your own."""
        self.nlp = nlp_stage.load(model)
        self.model = nlp_stage.model_name(model)
        self.batch_size = batch_size
        self.parse_ahead = parse_ahead and (os.cpu_count() or 1) >= 2
        self.actor_coder: ActorCoder = default_actor_coder()
        self.event_coder: Coder = make_coder()
        if dictionaries is not None:
            self._read_dictionaries(dictionaries, keep_builtin, pattern, verbs)

    def _read_dictionaries(
        self, folder: Path, keep_builtin: bool, pattern: str, verbs: str
    ) -> None:
        """Use the actor and verb files found; a folder may hold only one kind. With verb
        files and no built-in actors, the dictionary coder codes every phrase from the
        actor files itself, so the actor coder (seconds to compile) is not built."""
        check_verb_mode(verbs)  # at once: a folder without verb files may still hold actors
        problems = []
        try:
            self.event_coder = make_coder(folder, keep_builtin, pattern, verbs)
        except ConfigError as error:
            problems.append(str(error))
        if self.event_coder.uses_actors:
            try:
                self.actor_coder = ActorCoder.from_petrarch(folder, keep_builtin, pattern)
            except ConfigError as error:
                problems.append(str(error))
        if len(problems) == 2:
            raise ConfigError(
                f"no PETRARCH dictionaries matching {pattern!r} in {folder}: " + "; ".join(problems)
            )

    def analyse(
        self,
        doc: Doc,
        article: Article,
        places: list[PlaceMention] | None = None,
        home: Home | None = None,
    ) -> list[EventMention]:
        """Every stage after parsing, on one article. `places`: its toponyms if already
        read; `home`: where its source usually reports from (`run` learns it from the
        batch, see `where.home`), a prior that makes them read again."""
        actors = self.actor_coder.code(doc, article.date) if self.event_coder.uses_actors else []
        events = self.event_coder.code(doc, article, actors)
        if not events:
            return []
        events = date_events(doc, article.date, events)
        if home is not None or places is None:
            places = find_places(doc, home)
        events = locate_events(doc, events, places)
        return count_casualties(doc, events)

    def extract(self, text: str, date: dt.date, id: str | None = None) -> list[EventMention]:
        """One article's events; a text or date that a file's record would be rejected
        for (R012, R013) raises `InputError` with that reason."""
        if len(text) > MAX_TEXT_CHARS:
            raise InputError(Reject.TOO_LONG.because(f"{len(text):,} characters"))
        if date.year not in YEARS:
            raise InputError(Reject.DATE_OUT_OF_RANGE.because(date.isoformat()))
        article = Article(id=id or article_id(date, text), date=date, text=text)
        return self.analyse(self.nlp(text), article)

    def run(
        self,
        items: Iterable[Article | Rejected],
        known: Callable[[list[str]], set[str]] | None = None,
    ) -> Iterator[Batch]:
        """Batches of results; `known` names article ids to skip (already stored)."""
        ahead = ParseAhead(self.nlp, self.model, self.batch_size) if self.parse_ahead else None
        queue: deque[_Planned] = deque()
        seen: dict[str, int] = {}  # each article id of the run -> its content hash
        try:
            for chunk in batched(items, self.batch_size):
                planned = _plan(chunk, known, seen)
                if ahead is not None and queue:  # a second batch: the worker parses it
                    planned.early = True
                    planned.parsing = ahead.submit([a.text for a in planned.todo])
                queue.append(planned)
                if len(queue) > (1 if ahead is not None else 0):
                    yield self._finish(queue.popleft(), ahead, known)
            while queue:
                yield self._finish(queue.popleft(), ahead, known)
        finally:
            if ahead is not None:
                ahead.close()

    def _finish(
        self,
        planned: _Planned,
        ahead: ParseAhead | None,
        known: Callable[[list[str]], set[str]] | None,
    ) -> Batch:
        """Parse (or collect the worker's parse of) a planned batch and run the stages."""
        todo = planned.todo
        if planned.parsing is not None and ahead is not None:
            texts = [a.text for a in todo]
            pairs = list(zip(ahead.docs(planned.parsing, texts), todo, strict=True))
        else:
            pairs = list(nlp_stage.parse(self.nlp, todo, self.batch_size))
        if planned.early and known and todo:
            # planned before the batch ahead of it was stored: drop what that one stored
            done = known([a.id for a in todo])
            pairs = [(doc, a) for doc, a in pairs if a.id not in done]
        # each source's home is learnt from its articles in this batch (see `where.home`)
        keys = [source_key(a.url, a.source) for _, a in pairs]
        first, homes = batch_homes(list(zip((doc for doc, _ in pairs), keys, strict=True)))
        results, failed = [], []
        for (doc, article), key, found in zip(pairs, keys, first, strict=True):
            try:
                mentions = self.analyse(doc, article, found, homes.get(key or ""))
            except Exception as error:  # a stage's bug costs its article, never the batch
                logger.exception("coding article %s failed", article.id)
                failed.append(_failed(article, error))
                continue
            results.append(ArticleEvents(article, tuple(mentions)))
        return Batch(
            tuple(results),
            planned.rejects + tuple(failed),
            skipped=len(planned.articles) - len(pairs),
        )


def _rejected(article: Article, reason: Reject, detail: str) -> Rejected:
    """The reject naming an article, at the file and line it came from."""
    origin, _, line = (article.origin or article.id).rpartition(":")
    if not (origin and line.isdigit()):
        origin, line = article.origin or article.id, ""
    return Rejected(origin, int(line) if line else None, reason.because(detail))


def _failed(article: Article, error: Exception) -> Rejected:
    """The reject naming an article a stage failed on."""
    detail = f"article {article.id}: {type(error).__name__}: {error}"
    return _rejected(article, Reject.CODING_FAILED, detail)


@dataclass
class _Planned:
    """A batch read and checked against the store, waiting for its parse."""

    rejects: tuple[Rejected, ...]
    articles: list[Article]
    todo: list[Article]
    early: bool = False  # planned before the batch ahead of it was stored
    parsing: Future[bytes] | None = None  # the worker's parse, if it has one


def _plan(
    chunk: list[Article | Rejected],
    known: Callable[[list[str]], set[str]] | None,
    seen: dict[str, int],
) -> _Planned:
    """The batch's articles. An id met earlier in the run with other content (date,
    title, text) is rejected as R016, the first copy winning as in the store: dropped
    quietly, it would be lost unseen. A plain repeat is dropped within a batch; in a
    later one it is skipped as stored (`known`). `seen` holds each id of the run with
    64 bits of its content hash: about 150 bytes an article, the one thing a run keeps."""
    rejects = [i for i in chunk if isinstance(i, Rejected)]
    unique: dict[str, Article] = {}
    for article in (i for i in chunk if isinstance(i, Article)):
        content = int(article_id(article.date, article.text, article.title)[2:], 16)
        if seen.setdefault(article.id, content) != content:
            rejects.append(_rejected(article, Reject.DUPLICATE_ID, f"id {article.id!r}"))
        else:
            unique.setdefault(article.id, article)
    articles = list(unique.values())
    done = known([a.id for a in articles]) if known and articles else set()
    return _Planned(tuple(rejects), articles, [a for a in articles if a.id not in done])


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Lists of `size` items (the last may be shorter); itertools.batched needs 3.12."""
    chunk: list[T] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= max(size, 1):
            yield chunk
            chunk = []
    if chunk:
        yield chunk
