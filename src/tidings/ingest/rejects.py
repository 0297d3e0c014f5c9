"""The rejects file: one JSON line per record that could not be read.

It sits beside the output (`events.jsonl` -> `events.rejects.jsonl`) so a user
can see, fix and re-run exactly what was left out.
"""

from __future__ import annotations

import json
from pathlib import Path
from types import TracebackType
from typing import IO

from tidings.model import Rejected

STDOUT_REJECTS = "tidings.rejects.jsonl"


def rejects_path(output: Path | str | None) -> Path:
    """Where the rejects of a run writing to `output` go (None or `-` for stdout: the cwd)."""
    if output is None or str(output) == "-":
        return Path.cwd() / STDOUT_REJECTS
    output = Path(output)
    return output.with_name(f"{output.stem}.rejects.jsonl")


class RejectsWriter:
    """Write `Rejected` records as JSON lines; the file is only created at the first one.

    The file holds one run's rejects: one left by an earlier run is removed when the
    writer is made, so a run with no rejects leaves none behind, and a re-run does not
    add its rejects to the last run's. Each line is flushed at once, so the rejects of
    a run that crashes are kept.
    """

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self.count = 0
        self._file: IO[str] | None = None
        self.path.unlink(missing_ok=True)

    def write(self, rejected: Rejected) -> None:
        if self._file is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            # A file name that is not UTF-8 is written as a JSON `\udcxx` escape.
            self._file = self.path.open("w", encoding="utf-8", errors="backslashreplace")
        record = {
            "origin": rejected.origin,
            "line": rejected.line,
            "reason": rejected.reason,
            "excerpt": rejected.excerpt,
        }
        self._file.write(json.dumps(record, ensure_ascii=False) + "\n")
        self._file.flush()
        self.count += 1

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None

    def __enter__(self) -> RejectsWriter:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()
