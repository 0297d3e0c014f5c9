"""Read PETRARCH/TABARI actor and agent dictionaries (Phoenix.*.actors.txt, *.agents.txt).

Actor files (PETRARCH's dictionary documentation, format inherited from TABARI):

    NURI_AL_MALIKI_  # a primary name, optionally with a default [CODE] on the same line
    +NOURI_AL-MALIKI  # synonyms start with "+"
        [IRQGOV 20060520-20140908]  # restrictions: indented, or on the name's line
        [IRQELI]                    # unrestricted: any other date
    AFGHANISTAN_  [AFG]

`_` and spaces both join words (we match them as consecutive words); dates are YYYYMMDD
or YYMMDD; `<date`, `>date` and `date-date` are inclusive; "[---]" is a null code. As in
PETRARCH, a primary name without codes shares the codes of the next entry that has some.
Comments: `#` or `;` to the end of the line, and `<!-- ... -->`, also over several lines.

Agent files: `PHRASE {PLURAL} [~AGT]` (agent after the actor's country, e.g. IRQ + GOV),
`[AGT~]` (agent first, "NGO~"), `{}` for no plural, `!MARKER! = A, B` substitution sets.
Agents become role words with the agent's first three letters as sector.

A malformed line is a `DataFileError` naming file and line: raised with `strict=True`,
otherwise skipped and kept in `Dictionaries.problems` (PETRARCH skips such lines too; the
Phoenix files have a few).
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path

from tidings.actors.dated import DatedCode, KnownActor, parse_codes
from tidings.actors.lexicon import Lexicon, Role, default_lexicon, form_key
from tidings.errors import ConfigError, DataFileError

log = logging.getLogger(__name__)

_HTML_COMMENT = re.compile(r"<!--.*?-->")
_MARKER = re.compile(r"!([^!\s]+)!")


@dataclass(slots=True)
class Dictionaries:
    """What a folder of PETRARCH files held, and the lines that could not be read."""

    actors: list[KnownActor] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    agents: list[tuple[str, str]] = field(default_factory=list)  # phrase, "~GOV" / "NGO~"
    problems: list[DataFileError] = field(default_factory=list)


def _lines(path: Path) -> list[tuple[int, str]]:
    """(line number, text) with comments removed and blank lines dropped."""
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
        if in_comment:
            if "-->" not in line:
                continue
            line, in_comment = line.split("-->", 1)[1], False
        line = _HTML_COMMENT.sub("", line)
        if "<!--" in line:
            line, in_comment = line.split("<!--", 1)[0], True
        line = re.split(r"[#;]", line, maxsplit=1)[0].rstrip()
        if line.strip():
            found.append((number, line))
    return found


def phrase(words: str) -> str:
    """A dictionary phrase as text: "NURI_AL_MALIKI_" -> "NURI AL MALIKI"."""
    return " ".join(words.replace("_", " ").split())


def read_actors(path: Path, into: Dictionaries, strict: bool = False) -> None:
    """Add the entries of one actor file to `into`."""
    names: list[str] = []
    codes: list[DatedCode] = []
    origin = ""

    def close() -> None:
        if names:
            into.actors.append(KnownActor(tuple(names), tuple(codes), origin))

    for number, line in _lines(path):
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
    """Add the agent phrases of one agent file to `into` as role words."""
    markers: dict[str, list[str]] = {}
    for number, line in _lines(path):
        if "!" in line and "=" in line:  # !PERSON! = MAN, MEN, WOMAN
            marker, _, values = line.partition("=")
            markers[marker.strip().strip("!")] = [v.strip() for v in values.split(",") if v.strip()]
            continue
        try:
            forms, code = agent_line(line, markers)
        except ValueError as err:
            _problem(into, DataFileError(path, number, str(err)), strict)
            continue
        into.roles.extend(Role(form, code.strip("~")[:3], 2) for form in forms)
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


def read_directory(directory: Path, strict: bool = False, pattern: str = "*.txt") -> Dictionaries:
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
    _report(into.problems)
    return into


def _report(problems: list[DataFileError]) -> None:
    """One warning line for the skipped lines (the Phoenix files have a handful, harmless:
    PETRARCH skips them too); each line's reason at INFO level."""
    if not problems:
        return
    for problem in problems:
        log.info("skipped: %s", problem)
    files = Counter(Path(p.path).name for p in problems)
    where = ", ".join(f"{name} {n}" for name, n in sorted(files.items()))
    log.warning(
        "%d dictionary line%s skipped, as PETRARCH skips them (%s); logging at INFO level "
        "(logger %s) lists them",
        len(problems),
        "" if len(problems) == 1 else "s",
        where,
        __name__,
    )


def load_dictionaries(
    directory: Path, keep_builtin: bool = True, strict: bool = False, pattern: str = "*.txt"
) -> Lexicon:
    """The lexicon of a PETRARCH folder, on top of the built-in one with `keep_builtin`.

    Where both know a name or a role word, the built-in entry wins: it knows more (a
    capital is the government only as a subject; a demonym before a thing is no actor).
    Within the files, the first entry of a name wins, as in PETRARCH's longest-first search.
    """
    read = read_directory(Path(directory), strict, pattern)
    base = default_lexicon()
    if not keep_builtin:
        base = replace(base, countries={}, roles=(), organisations=(), actors=(), regions={})
    taken = {n.lower() for a in base.actors for n in a.names}
    taken |= {n.lower() for n in _builtin_names(base)}
    actors = list(base.actors)
    for actor in read.actors:
        names = tuple(n for n in actor.names if n.lower() not in taken)
        taken.update(n.lower() for n in names)
        if names:
            actors.append(replace(actor, names=names))
    seen = {form_key(r.phrase) for r in base.roles}
    roles = list(base.roles)
    for role in read.roles:
        if form_key(role.phrase) not in seen:
            seen.add(form_key(role.phrase))
            roles.append(role)
    return replace(base, actors=tuple(actors), roles=tuple(roles))


def _builtin_names(lexicon: Lexicon) -> list[str]:
    names = [n for org in lexicon.organisations for n in org.names]
    for c in lexicon.countries.values():
        names += [c.name, *c.aliases, *c.demonyms, *c.capitals]
    return names
