"""JSON Lines (`.jsonl`) and JSON (`.json`) articles, read as a stream.

A `.jsonl` file is read line by line; each line stands alone, so a bad line
(malformed, not an object, not UTF-8) is rejected and the next is read.

A `.json` file holds either one array of objects or a sequence of values
(JSON Lines, or one pretty-printed object). It is parsed incrementally, a few
tens of kilobytes at a time, so a large export is never loaded whole. After a
malformed value the parser resumes at the line after the one the value started
on, which recovers JSON Lines exactly and pretty-printed JSON as well as it can.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from tidings.errors import Reject
from tidings.ingest.records import build, reject
from tidings.model import Article, Rejected

BOM = b"\xef\xbb\xbf"
CHUNK = 1 << 16  # bytes of lines to read before another parse attempt
_DECODER = json.JSONDecoder()
_WHITESPACE = " \t\r\n"


def _record(value: object, origin: str, line: int, raw: str) -> Article | Rejected:
    if not isinstance(value, dict):
        kind = type(value).__name__
        return reject(origin, line, Reject.NOT_OBJECT, f"found a JSON {kind}", raw)
    return build(value, origin, line, raw)


def read_jsonl(path: Path, origin: str) -> Iterator[Article | Rejected]:
    """Articles from a JSON Lines file, one line at a time; blank lines are skipped."""
    with path.open("rb") as stream:
        for number, data in enumerate(stream, start=1):
            if number == 1:
                data = data.removeprefix(BOM)
            try:
                line = data.decode("utf-8")
            except UnicodeDecodeError as err:
                detail = f"byte {data[err.start]:#04x} at column {err.start + 1}"
                raw = data.decode("utf-8", "replace")
                yield reject(origin, number, Reject.NOT_UTF8, detail, raw)
                continue
            if not line.strip():
                continue
            try:
                value = json.loads(line)
            except json.JSONDecodeError as err:
                detail = f"{err.msg} at column {err.colno}"
                yield reject(origin, number, Reject.BAD_JSON, detail, line)
                continue
            except RecursionError:
                yield reject(origin, number, Reject.BAD_JSON, "nested too deeply", line)
                continue
            yield _record(value, origin, number, line)


class _Buffer:
    """Decoded text read ahead from a binary stream, with line numbers of positions."""

    def __init__(self, stream: BinaryIO) -> None:
        self.stream, self.text, self.eof = stream, "", False
        self.line, self.counted = 1, 0  # line number at position `counted`
        self.started = False

    def more(self, keep_from: int) -> int:
        """Drop text before `keep_from`, read more lines; return the new position of `keep_from`."""
        self.line_at(keep_from)
        self.text, self.counted = self.text[keep_from:], 0
        lines = self.stream.readlines(CHUNK)
        if not lines:
            self.eof = True
        elif not self.started:
            lines[0] = lines[0].removeprefix(BOM)
            self.started = True
        # Bad bytes survive as lone surrogates; `build` rejects the record holding them.
        self.text += b"".join(lines).decode("utf-8", "surrogateescape")
        return 0

    def line_at(self, pos: int) -> int:
        """The line number of `pos` (positions are asked for in increasing order)."""
        self.line += self.text.count("\n", self.counted, pos)
        self.counted = pos
        return self.line

    def skip_space(self, pos: int) -> int:
        """The position of the next non-blank character, reading ahead as needed."""
        while True:
            while pos < len(self.text) and self.text[pos] in _WHITESPACE:
                pos += 1
            if pos < len(self.text) or self.eof:
                return pos
            pos = self.more(pos)

    def next_line(self, pos: int) -> int:
        """The position just after the end of the line holding `pos`."""
        while True:
            end = self.text.find("\n", pos)
            if end >= 0:
                return end + 1
            if self.eof:
                return len(self.text)
            pos = self.more(pos)


def _truncated(err: json.JSONDecodeError, text: str) -> bool:
    """Whether the error is only the buffer ending before the value does."""
    return err.msg.startswith("Unterminated string") or err.pos >= len(text.rstrip())


def read_json(path: Path, origin: str) -> Iterator[Article | Rejected]:
    """Articles from a `.json` file: an array of objects or a sequence of values."""
    with path.open("rb") as stream:
        buf = _Buffer(stream)
        pos = buf.skip_space(0)
        in_array = buf.text.startswith("[", pos)
        if in_array:
            pos += 1
        while True:
            pos = buf.skip_space(pos)
            if in_array and buf.text.startswith(",", pos):
                pos = buf.skip_space(pos + 1)
            if pos >= len(buf.text):
                if in_array:
                    end = buf.line_at(pos)
                    yield reject(origin, end, Reject.BAD_JSON, "the array is not closed")
                return
            if in_array and buf.text.startswith("]", pos):
                in_array = False
                pos += 1
                continue
            line = buf.line_at(pos)
            try:
                value, end = _DECODER.raw_decode(buf.text, pos)
            except json.JSONDecodeError as err:
                if not buf.eof and _truncated(err, buf.text):
                    pos = buf.more(pos)
                    continue
                raw = buf.text[pos : pos + 400]
                yield reject(origin, line, Reject.BAD_JSON, err.msg, raw)
                pos = buf.next_line(pos)
                continue
            except RecursionError:
                raw = buf.text[pos : pos + 400]
                yield reject(origin, line, Reject.BAD_JSON, "nested too deeply", raw)
                pos = buf.next_line(pos)
                continue
            yield _record(value, origin, line, buf.text[pos : min(end, pos + 400)])
            pos = end
