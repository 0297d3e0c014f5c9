"""The lexicon of a folder of PETRARCH/TABARI actor and agent files (Phoenix.*.actors.txt,
*.agents.txt): the files are read by `tidings.petrarch`; here their actors join the
built-in lexicon and their agents become role words, with the agent's first three
letters as sector. Lines the files could not give are one warning.
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import replace
from pathlib import Path

from tidings.actors.lexicon import Lexicon, Role, default_lexicon, form_key
from tidings.errors import DataFileError
from tidings.petrarch import Dictionaries, read_actor_folder

log = logging.getLogger(__name__)


def read_directory(directory: Path, strict: bool = False, pattern: str = "*.txt") -> Dictionaries:
    """The actor and agent files of `directory` (see `read_actor_folder`), with the lines
    skipped reported."""
    read = read_actor_folder(directory, strict, pattern)
    _report(read.problems)
    return read


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
    for role in (Role(form, code.strip("~")[:3], 2) for form, code in read.agents):
        if form_key(role.phrase) not in seen:
            seen.add(form_key(role.phrase))
            roles.append(role)
    return replace(base, actors=tuple(actors), roles=tuple(roles))


def _builtin_names(lexicon: Lexicon) -> list[str]:
    names = [n for org in lexicon.organisations for n in org.names]
    for c in lexicon.countries.values():
        names += [c.name, *c.aliases, *c.demonyms, *c.capitals]
    return names
