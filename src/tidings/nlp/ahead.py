"""Parse the next batch in a second process while this one works on the current batch.

spaCy holds the GIL for the whole parse, so a thread cannot overlap parsing with the
later stages; a process can. The worker loads the same model, parses a batch with the
same `nlp.pipe` batch size and sends the docs back as a `DocBin` (tags, lemmas,
morphology, the parse and entities: everything the stages read), so the docs are the
ones an in-process parse gives. It is started only when a second batch exists, since
loading the model again costs a second or two.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from spacy.language import Language
from spacy.tokens import Doc, DocBin

from tidings.errors import ConfigError
from tidings.nlp.parsing import load

__all__ = ["ParseAhead"]

_worker_nlp: Language | None = None


def _start_worker(model: str, parent: int) -> None:
    global _worker_nlp
    threading.Thread(target=_exit_with, args=(parent,), daemon=True).start()
    _worker_nlp = load(model)


def _exit_with(parent: int) -> None:
    """Leave when the parent is gone: a killed `ingest` (SIGKILL, or SIGTERM, which runs
    no cleanup) would otherwise leave the worker waiting on its queue for ever."""
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(0)


def _parse_in_worker(texts: list[str], batch_size: int) -> bytes:
    if _worker_nlp is None:  # the initializer always runs first; this is a guard
        raise ConfigError("the parse worker was not started")
    docs = DocBin(store_user_data=False)
    for doc in _worker_nlp.pipe(texts, batch_size=batch_size):
        docs.add(doc)
    return docs.to_bytes()


class ParseAhead:
    """One worker process; `submit` a batch's texts, `docs` collects them in order."""

    def __init__(self, nlp: Language, model: str, batch_size: int) -> None:
        self.nlp = nlp
        self.model = model
        self.batch_size = batch_size
        self._pool: ProcessPoolExecutor | None = None
        self.broken = False  # the worker died once: parse here from then on

    def submit(self, texts: list[str]) -> Future[bytes] | None:
        """Start parsing `texts` in the worker; None once the worker has failed."""
        if self.broken:
            return None
        if self._pool is None:
            self._pool = ProcessPoolExecutor(
                max_workers=1,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_start_worker,
                initargs=(self.model, os.getpid()),
            )
        return self._pool.submit(_parse_in_worker, texts, self.batch_size)

    def docs(self, parsing: Future[bytes], texts: list[str]) -> list[Doc]:
        """The parsed docs; if the worker died, the batch is parsed here instead."""
        try:
            data = parsing.result()
        except BrokenProcessPool:
            self.broken = True
            self.close()
            return list(self.nlp.pipe(texts, batch_size=self.batch_size))
        return list(DocBin().from_bytes(data).get_docs(self.nlp.vocab))

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
