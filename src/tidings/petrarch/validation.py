"""PETRARCH validation records (PETR2_GSR_validation.xml, PETR.UnitTest.records.xml) read
into typed records.

Each `<Sentence>` lists its gold `<EventCoding sourcecode targetcode eventcode>`;
`noevents="True"` or an `error=` coding means the right output is nothing. The file's
`<Environment>` names the dictionaries it was coded with.

The files are not well-formed XML (self-closing `<Sentence .../>` followed by its
contents), so they are read with tolerant patterns, not an XML parser.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from tidings.errors import DataFileError

__all__ = ["PetrarchSentence", "Triple", "dictionary_files", "read_validation"]

Triple = tuple[str, str, str]  # (source code, target code, CAMEO event code)

_COMMENT = re.compile(r"<!--.*?-->", re.S)
_SENTENCE = re.compile(r"<Sentence\b([^>]*)>")
_CODING = re.compile(r"<EventCoding\b([^>]*)>")
_CONFIG = re.compile(r"<Config\b([^>]*)>")
_TEXT = re.compile(r"<Text>(.*?)</Text>", re.S)
_PARSE = re.compile(r"<Parse>(.*?)</Parse>", re.S)
_NO_SPACE_BEFORE = re.compile(r" ([.,;:!?%)]|'s|n't)")
_ATTR = re.compile(r"""(\w+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_ENVIRONMENT = re.compile(r"<(Verbfile|Actorfile|Agentfile|Discardfile|PICOfile)>(.*?)</\1>", re.S)


@dataclass(frozen=True, slots=True)
class PetrarchSentence:
    """One validation record: its text and the triples PETRARCH should code."""

    id: str
    date: dt.date
    text: str
    category: str
    evaluate: bool  # evaluate="false" / sentence="false": a feature PETRARCH never built
    triples: frozenset[Triple]
    error: str | None = None  # "dateline", "storydiscard", ...: the right output is nothing
    config: tuple[tuple[str, str], ...] = ()  # per-record options such as require_dyad


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError as err:
        raise DataFileError(path, None, f"cannot read the file ({err})") from err


def _attrs(raw: str) -> dict[str, str]:
    return {m[1].lower(): m[2] if m[2] is not None else m[3] for m in _ATTR.finditer(raw)}


def dictionary_files(path: Path) -> tuple[str, ...]:
    """The dictionary files a validation file was coded with, as its `<Environment>` names
    them (verbs, actors, agents, discards, the PICO coding ontology; comma-separated
    lists allowed)."""
    text = _COMMENT.sub("", _read(path))
    block = re.search(r"<Environment>(.*?)</Environment>", text, re.S)
    names = (
        n.strip() for m in _ENVIRONMENT.finditer(block[1] if block else "") for n in m[2].split(",")
    )
    return tuple(dict.fromkeys(n for n in names if n))


def _parse_text(chunk: str) -> str:
    """The sentence rebuilt from its CoNLL parse, for the records whose `<Text>` is empty:
    PETRARCH codes the parse, so the record still has a sentence to code."""
    block = _PARSE.search(chunk)
    rows = (row.split("\t") for row in (block[1] if block else "").splitlines())
    words = " ".join(cols[1] for cols in rows if len(cols) > 1 and cols[0].isdigit())
    return _NO_SPACE_BEFORE.sub(r"\1", words)


def _date(value: str) -> dt.date | None:
    """PETRARCH's YYYYMMDD, or TABARI's older YYMMDD (some records still use it)."""
    value = value.strip()
    if len(value) == 6 and value.isdigit():
        value = ("20" if int(value[:2]) < 50 else "19") + value
    try:
        return dt.datetime.strptime(value, "%Y%m%d").date()
    except ValueError:
        return None


def read_validation(path: Path) -> Iterator[PetrarchSentence]:
    """Every `<Sentence>` record of a PETRARCH validation file, in file order."""
    raw = _read(path)
    body = _COMMENT.sub(lambda m: "\n" * m[0].count("\n"), raw)  # keep line numbers
    opening = body.find("<Sentences>")  # the header before it may quote tags in prose
    body = "\n" * body.count("\n", 0, opening) + body[opening:] if opening >= 0 else body
    starts = list(_SENTENCE.finditer(body))
    for n, match in enumerate(starts):
        end = starts[n + 1].start() if n + 1 < len(starts) else len(body)
        chunk = body[match.end() : end]
        attrs = _attrs(match[1])
        line = body.count("\n", 0, match.start()) + 1
        text_match = _TEXT.search(chunk)
        if "id" not in attrs or text_match is None:
            raise DataFileError(path, line, "a <Sentence> without an id or a <Text> block")
        date = _date(attrs.get("date", ""))
        if date is None:
            raise DataFileError(path, line, "sentence date is neither YYYYMMDD nor YYMMDD")
        head = chunk[: text_match.start()]
        codings = [_attrs(m[1]) for m in _CODING.finditer(head)]
        flag = attrs.get("evaluate", attrs.get("sentence", "true"))
        yield PetrarchSentence(
            id=attrs["id"],
            date=date,
            text=" ".join(text_match[1].split()) or _parse_text(chunk),
            category=attrs.get("category", ""),
            evaluate=flag.strip().lower() != "false",
            triples=frozenset(
                (c["sourcecode"], c["targetcode"], c["eventcode"])
                for c in codings
                if {"sourcecode", "targetcode", "eventcode"} <= c.keys()
            ),
            error=next((c["error"] for c in codings if "error" in c), None),
            config=tuple(
                (c["option"], c.get("value", ""))
                for c in map(_attrs, (m[1] for m in _CONFIG.finditer(head)))
                if "option" in c
            ),
        )
