"""The lines of PETRARCH/TABARI dictionary files without their comments, and the pieces
of syntax the verb formats share.

Comments are `#` or `;` to the end of the line and `<!-- ... -->`, also over several
lines. The file kinds strip them in two ways, as they always have here: actor, agent,
discard and PICO files with `dictionary_lines` / `uncomment` (TABARI-era files may be
Latin-1; leading blanks stay, as an indented actor line is a restriction), verb files
with `verb_lines` (a `#` inside a code such as `[###]` is no comment, and a `<!--` that
is never closed is an error).
"""

from __future__ import annotations

import re
from pathlib import Path

from tidings.errors import DataFileError

__all__ = [
    "BLOCK_HEADER",
    "CODE_CELL",
    "PATTERN_TOKEN",
    "dictionary_lines",
    "phrase",
    "primary_code",
    "uncomment",
    "verb_lines",
    "verb_words",
    "words",
]

_HTML_COMMENT = re.compile(r"<!--.*?-->")
BLOCK_HEADER = re.compile(r"^---\s*(\S.*?)\s*\[([^\]]*)\]")  # "--- NAME [code] ---"
CODE_CELL = re.compile(r"\[([^\]]*)\]")  # findall: the inside of each "[...]"
PATTERN_TOKEN = re.compile(r"[(){}]|[^\s(){}]+")
_FORMS_AND_CODES = re.compile(r"\{[^}]*\}|\[[^\]]*\]")


def uncomment(raw: str, in_comment: bool, marks: str = "#;") -> tuple[str, bool]:
    """One line without its `<!-- -->` comments nor what follows a mark, right-stripped,
    and whether a `<!--` comment is still open after it."""
    line = raw
    if in_comment:
        if "-->" not in line:
            return "", True
        line = line.split("-->", 1)[1]
    line = _HTML_COMMENT.sub("", line)
    in_comment = "<!--" in line
    if in_comment:
        line = line.split("<!--", 1)[0]
    for mark in marks:
        line = line.split(mark, 1)[0]
    return line.rstrip(), in_comment


def dictionary_lines(path: Path) -> list[tuple[int, str]]:
    """(line number, text) of an actor, agent or discard file, with comments removed and
    blank lines dropped."""
    try:
        raw = path.read_bytes()
    except OSError as err:
        raise DataFileError(path, None, f"cannot read the file ({err})") from err
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("latin-1")  # TABARI-era files
    found: list[tuple[int, str]] = []
    in_comment = False
    for number, line in enumerate(text.replace("\0", "").splitlines(), start=1):
        line, in_comment = uncomment(line, in_comment)
        if line.strip():
            found.append((number, line))
    return found


def verb_lines(path: Path) -> list[tuple[int, str]]:
    """Numbered lines of a verb file without comments (`#`, `;`, `<!-- ... -->`) or
    blanks, each stripped."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError as err:
        raise DataFileError(path, None, f"cannot read the file ({err})") from err
    kept: list[tuple[int, str]] = []
    in_comment = False
    opened = 0
    for number, raw in enumerate(text.splitlines(), start=1):
        line = ""
        rest = raw
        while rest:
            if in_comment:
                end = rest.find("-->")
                if end < 0:
                    rest = ""
                    break
                in_comment, rest = False, rest[end + 3 :]
            else:
                start = rest.find("<!--")
                if start < 0:
                    line, rest = line + rest, ""
                else:
                    line, rest = line + rest[:start], rest[start + 4 :]
                    in_comment, opened = True, number
        line = _uncomment_verb(line)
        if line:
            kept.append((number, line))
    if in_comment:
        raise DataFileError(path, opened, "a <!-- comment is never closed")
    return kept


def _uncomment_verb(line: str) -> str:
    """The line before a `#` or `;` comment; codes such as `[###]` are not comments."""
    depth = 0
    for i, char in enumerate(line):
        depth += (char == "[") - (char == "]")
        if char in "#;" and depth <= 0:
            return line[:i].strip()
    return line.strip()


def phrase(text: str) -> str:
    """A dictionary phrase as text: "NURI_AL_MALIKI_" -> "NURI AL MALIKI"."""
    return " ".join(text.replace("_", " ").split())


def words(text: str) -> tuple[str, ...]:
    """A dictionary phrase as lowercased words: "SUPPORT_FOR  peace" -> (support, for, peace)."""
    return tuple(w for w in re.split(r"[\s_]+", text.lower()) if w)


def primary_code(cell: str) -> str | None:
    """`a` of a code cell `[a:b]`; None when it is empty or dashes (no event)."""
    code = cell.split(":")[0].strip()
    return None if not code or code.startswith("-") else code


def verb_words(line: str) -> list[str]:
    """The words of a verb line with its `{irregular forms}` and `[codes]` left out."""
    return _FORMS_AND_CODES.sub(" ", line).split()
