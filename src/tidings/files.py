"""Writing an output file without losing the one it replaces.

A run writes to a partial file beside its target and renames it onto the target once
complete, so a run that fails or is stopped leaves the previous file whole.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

__all__ = ["partial_path", "replacing"]


def partial_path(target: Path) -> Path | None:
    """The partial file to write in place of `target`, or None to write it directly: a
    device or FIFO (`-o /dev/null`) must be written through, never replaced. A link is
    followed, so the file it names is the one replaced. The partial name ends with the
    target's, so what is read from its suffixes (DuckDB's `.csv.gz` compression) holds."""
    real = Path(os.path.realpath(target))
    if real.exists() and not real.is_file():
        return None
    return real.with_name(f".partial-{os.getpid()}.{real.name}")


@contextmanager
def replacing(target: Path) -> Iterator[TextIO]:
    """`target` opened for writing text, through a partial file (see `partial_path`)."""
    partial = partial_path(target)
    if partial is None:
        with target.open("w", encoding="utf-8", newline="") as out:
            yield out
        return
    try:
        with partial.open("w", encoding="utf-8", newline="") as out:
            yield out
        os.replace(partial, os.path.realpath(target))
    finally:
        partial.unlink(missing_ok=True)
