"""Read articles from files and folders, lazily, rejecting bad records one by one.

`read_articles` is a generator: it opens one file at a time and reads it a
line (or a row, or a chunk) at a time, so memory stays flat whatever the size
of the corpus. Nothing in an input stops the batch: a missing, unreadable or
non-regular file (a FIFO would block for ever), an unknown format or a bad record
becomes a `Rejected` and reading goes on.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from tidings.errors import Reject
from tidings.ingest.csvfile import read_csv
from tidings.ingest.jsonfile import read_json, read_jsonl
from tidings.ingest.records import reject
from tidings.ingest.textfile import read_text
from tidings.model import Article, Rejected

Reader = Callable[[Path, str], Iterator[Article | Rejected]]
READERS: dict[str, Reader] = {
    ".txt": read_text,
    ".jsonl": read_jsonl,
    ".json": read_json,
    ".csv": read_csv,
}


def _reader(path: Path) -> Reader | None:
    return READERS.get(path.suffix.lower())


def _walk(folder: Path, seen: set[Path]) -> Iterator[Path | Rejected]:
    """Files of known formats under `folder`, recursively, in sorted order.

    Hidden files and folders and files of other types (README.md, notes.tsv)
    are skipped silently; a folder reached twice through links is read once;
    a folder that cannot be listed is rejected and the walk goes on.
    """
    try:
        real = folder.resolve()
        with os.scandir(folder) as entries:
            names = sorted(entry.name for entry in entries if not entry.name.startswith("."))
    except OSError as err:
        yield _unreadable(str(folder), err)
        return
    if real in seen:
        return
    seen.add(real)
    for name in names:
        path = folder / name
        try:
            mode = path.stat().st_mode
        except OSError as err:  # a broken link, an entry we may not stat
            if _reader(path) is not None:  # an article file: say why it was left out
                yield _unreadable(str(path), err)
            continue
        if stat.S_ISDIR(mode):
            yield from _walk(path, seen)
        elif stat.S_ISREG(mode) and _reader(path) is not None:
            yield path


def _unreadable(origin: str, err: OSError) -> Rejected:
    """R001 for a file that is not there (or a link loop), R015 for one that is but
    cannot be read: the fixes differ."""
    gone = isinstance(err, FileNotFoundError | NotADirectoryError) or err.errno == errno.ELOOP
    reason = Reject.MISSING_FILE if gone else Reject.UNREADABLE
    return reject(origin, None, reason, f"cannot read {origin}: {err.strerror or err}")


def _read_file(path: Path, origin: str) -> Iterator[Article | Rejected]:
    reader = _reader(path)
    if reader is None:
        suffix = path.suffix or "no suffix"
        yield reject(origin, None, Reject.UNKNOWN_FORMAT, f"{suffix} ({origin})")
        return
    try:
        yield from reader(path, origin)
    except OSError as err:  # unreadable, or vanished or failed mid-read
        yield _unreadable(origin, err)


def read_articles(paths: Iterable[str | Path]) -> Iterator[Article | Rejected]:
    """Articles from files and folders (`.txt`, `.jsonl`, `.json`, `.csv`), in order.

    Yields an `Article` per good record and a `Rejected` per bad one, lazily.
    Folders are walked recursively in sorted order; a file named explicitly
    with an unknown suffix is rejected, while one met in a folder is skipped.
    """
    for given in paths:
        path, origin = Path(given), str(given)
        try:
            mode = path.stat().st_mode
        except FileNotFoundError:
            yield reject(origin, None, Reject.MISSING_FILE, origin)
            continue
        except OSError as err:  # a link loop, a folder on the way we may not enter
            yield _unreadable(origin, err)
            continue
        if stat.S_ISDIR(mode):
            for found in _walk(path, set()):
                if isinstance(found, Rejected):
                    yield found
                else:
                    yield from _read_file(found, str(found))
        elif not stat.S_ISREG(mode):
            yield reject(origin, None, Reject.NOT_A_FILE, origin)
        else:
            yield from _read_file(path, origin)
