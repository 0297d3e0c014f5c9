"""PETRARCH/TABARI actor, agent and discard files (Phoenix.*.actors.txt, *.agents.txt,
*discards*.txt) read into records.

Actor files (PETRARCH's dictionary documentation, format inherited from TABARI):

    NURI_AL_MALIKI_  # a primary name, optionally with a default [CODE] on the same line
    +NOURI_AL-MALIKI  # synonyms start with "+"
        [IRQGOV 20060520-20140908]  # restrictions: indented, or on the name's line
        [IRQELI]                    # unrestricted: any other date
    AFGHANISTAN_  [AFG]

`_` and spaces both join words (we match them as consecutive words); dates are YYYYMMDD
or YYMMDD; `<date`, `>date` and `date-date` are inclusive; "[---]" is a null code. As in
PETRARCH, a primary name without codes shares the codes of the next entry that has some.

Agent files: `PHRASE {PLURAL} [~AGT]` (agent after the actor's country, e.g. IRQ + GOV),
`[AGT~]` (agent first, "NGO~"), `{}` for no plural, `!MARKER! = A, B` substitution sets.

Discard files: one phrase a line; a leading "+" discards the whole story.

A malformed line is a `DataFileError` naming file and line: raised with `strict=True`,
otherwise skipped and kept in `Dictionaries.problems` (PETRARCH skips such lines too; the
Phoenix files have a few).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from tidings.errors import ConfigError, DataFileError
from tidings.petrarch.dated import DatedCode, KnownActor, parse_codes
from tidings.petrarch.lines import dictionary_lines, phrase, words

__all__ = ["Dictionaries", "agent_line", "read_actor_folder", "read_discards"]

_MARKER = re.compile(r"!([^!\s]+)!")


@dataclass(slots=True)
class Dictionaries:
    """What a folder of PETRARCH files held, and the lines that could not be read."""

    actors: list[KnownActor] = field(default_factory=list)
    agents: list[tuple[str, str]] = field(default_factory=list)  # phrase, "~GOV" / "NGO~"
    problems: list[DataFileError] = field(default_factory=list)


def read_actors(path: Path, into: Dictionaries, strict: bool = False) -> None:
    """Add the entries of one actor file to `into`."""
    names: list[str] = []
    codes: list[DatedCode] = []
    origin = ""

    def close() -> None:
        if names:
            into.actors.append(KnownActor(tuple(names), tuple(codes), origin))

    for number, line in dictionary_lines(path):
        if "---STOP---" in line:
            break
        try:
            text, found = _split(line)
        except ValueError as err:
            _problem(into, DataFileError(path, number, str(err)), strict)
            continue
        if line[0].isspace() and not text:  # a restriction line
            if not names:
                _problem(into, DataFileError(path, number, "codes before any name"), strict)
            codes.extend(found)
            continue
        name = phrase(text.lstrip().removeprefix("+"))
        if not any(c.isalpha() for c in name):
            _problem(into, DataFileError(path, number, f"{text.strip()!r} is no name"), strict)
            continue
        if text.lstrip().startswith("+"):
            if not names:
                _problem(into, DataFileError(path, number, "a synonym before any name"), strict)
                continue
        elif codes:  # a new primary name; one without codes joins the next entry
            close()
            names, codes = [], []
        if not names:
            origin = f"{path}:{number}"
        names.append(name)
        codes.extend(found)
    close()


def _split(line: str) -> tuple[str, list[DatedCode]]:
    """A line's text before its first bracket, and the codes in its brackets."""
    if line.count("[") != line.count("]"):
        raise ValueError("unbalanced [ ]")
    text, bracket, rest = line.partition("[")
    return text.strip(), parse_codes(bracket + rest) if bracket else []


def read_agents(path: Path, into: Dictionaries, strict: bool = False) -> None:
    """Add the agent phrases of one agent file to `into`."""
    markers: dict[str, list[str]] = {}
    for number, line in dictionary_lines(path):
        if "!" in line and "=" in line:  # !PERSON! = MAN, MEN, WOMAN
            marker, _, values = line.partition("=")
            markers[marker.strip().strip("!")] = [v.strip() for v in values.split(",") if v.strip()]
            continue
        try:
            forms, code = agent_line(line, markers)
        except ValueError as err:
            _problem(into, DataFileError(path, number, str(err)), strict)
            continue
        into.agents.extend((form, code) for form in forms)


def agent_line(line: str, markers: dict[str, list[str]]) -> tuple[list[str], str]:
    """The phrases and full code ("~GOVFRM", "NGO~") of one agent line."""
    text, bracket, rest = line.partition("[")
    code = rest.partition("]")[0].replace(" ", "")
    if not bracket or "~" not in code or not code.strip("~").isalnum():
        raise ValueError(f"agent line needs a [~CODE] or [CODE~], not {line.strip()!r}")
    plural: str | None = None
    if "{" in text:
        if "}" not in text:
            raise ValueError("missing '}'")
        text, _, inside = text.partition("{")
        plural = inside.partition("}")[0]
    forms = [text]
    marker = _MARKER.search(text)
    if marker is not None:
        if marker.group(1) not in markers:
            raise ValueError(f"substitution marker !{marker.group(1)}! is not defined")
        forms = [text.replace(marker.group(), v) for v in markers[marker.group(1)]]
        plural = ""  # the set lists every form
    forms = [phrase(f).lower() for f in forms]
    if plural:
        forms.append(phrase(plural).lower())
    return [f for f in forms if f], code.upper()


def _problem(into: Dictionaries, error: DataFileError, strict: bool) -> None:
    if strict:
        raise error
    into.problems.append(error)


def read_actor_folder(
    directory: Path, strict: bool = False, pattern: str = "*.txt"
) -> Dictionaries:
    """Every actor (*actors*) and agent (*agents*) file in `directory` matching `pattern`
    ("Phoenix.*" picks one set from a folder holding several), in name order."""
    if not directory.is_dir():
        raise ConfigError(f"PETRARCH dictionary folder {directory} does not exist")
    into = Dictionaries()
    files = sorted(p for p in directory.glob(pattern) if p.suffix.lower() == ".txt")
    actor_files = [p for p in files if "actors" in p.name.lower()]
    agent_files = [p for p in files if "agents" in p.name.lower()]
    if not actor_files and not agent_files:
        raise ConfigError(f"no *actors*.txt or *agents*.txt files in {directory}")
    for path in actor_files:
        read_actors(path, into, strict)
    for path in agent_files:
        read_agents(path, into, strict)
    return into


def read_discards(path: Path) -> list[tuple[tuple[str, ...], bool]]:
    """The phrases of a discard file as words, each with whether it discards the story."""
    found: list[tuple[tuple[str, ...], bool]] = []
    for _, line in dictionary_lines(path):
        text = line.strip()
        whole = text.startswith("+")
        found_words = words(text.lstrip("+"))
        if found_words:
            found.append((found_words, whole))
    return found
