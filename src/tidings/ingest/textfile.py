"""Dated text files: a few `key value` header lines, then the article.

    date 2021-11-07
    title Drone attack on the prime minister's residence

    The United States has strongly denounced ...

Header keys are lowercase (`date`, `id`, `title`, `source`, `url`), written
`key value` or `key: value`; the header ends at the first other line. The date
header may also run straight on into the body on the same line
(`date 2021-11-07 The United States ...`), as in files pasted from the web.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from tidings.errors import Reject
from tidings.ingest.dates import parse_date
from tidings.ingest.records import build, reject
from tidings.model import Article, Rejected

HEADER_KEYS = ("date", "id", "title", "source", "url")
_HEADER = re.compile(rf"({'|'.join(HEADER_KEYS)})(?::[ \t]*|[ \t]+)(.*)")
_MAX_DATE_TOKENS = 3  # "2021-11-07 10:15:00 +03:00"


def _split_date(value: str) -> tuple[str, str]:
    """The date part of a `date` header and whatever body text follows it on the line."""
    tokens = value.split()
    for count in range(min(len(tokens), _MAX_DATE_TOKENS), 0, -1):
        head = " ".join(tokens[:count])
        try:
            parse_date(head)
        except ValueError:
            continue
        rest = value.split(None, count)[count:]
        return head, rest[0] if rest else ""
    return value, ""


def parse_dated_text(content: str) -> dict[str, str]:
    """The header fields and the body (`text`) of a dated text."""
    lines = content.replace("\r\n", "\n").replace("\r", "\n").lstrip().split("\n")
    fields: dict[str, str] = {}
    body_start = ""
    index = 0
    while index < len(lines) and not body_start:
        match = _HEADER.fullmatch(lines[index].strip())
        if match is None or match[1] in fields:
            break
        key, value = match[1], match[2].strip()
        if key == "date":
            value, body_start = _split_date(value)
        fields[key] = value
        index += 1
    fields["text"] = "\n".join([body_start, *lines[index:]]).strip()
    return fields


def read_text(path: Path, origin: str) -> Iterator[Article | Rejected]:
    """One article from a dated text file (read whole: it is one record)."""
    data = path.read_bytes().removeprefix(b"\xef\xbb\xbf")
    try:
        content = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        detail = f"byte {data[err.start]:#04x} at line {line}"
        yield reject(origin, line, Reject.NOT_UTF8, detail, data[:400].decode("utf-8", "replace"))
        return
    yield build(parse_dated_text(content), origin, 1, content)
