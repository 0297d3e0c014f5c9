"""PETRARCH's internal coding ontology (PICO): how PETRARCH-2 combines two verbs' codes.

A PICO file (PETR.Internal.Coding.Ontology.txt, named by `<PICOfile>` in a validation
file's `<Environment>`) gives each CAMEO code a number whose hex digits are facets: the
top digit a speech act (1 say, 2 appeal, 3 intend, 4 demand, ..., B consult), the lower
ones an action (7 material cooperation, 4 aid, ...) and its topic. One line per code:

    023:0x2040                  # appeal (0x2000) + for aid (0x0040)
    122:-0xFFFF+0x2040+0x300    # a sum of hex terms; -0xFFFF is the negation
    110:0x1007f#0x7000#Disapprove   # '#' starts a comment

PETRARCH-2 adds the codes of a verb and the verb below it ("wants to help": 0x3000 +
0x0040 = 0x3040, 033; "asks X to help": 023), subtracts 0xFFFF for a negation ("would
not provide support": 0x0070 - 0xFFFF, 121), and writes the CAMEO code whose number the
result is; a sum that is no code's number codes nothing. Reading follows PETRARCH's
reader: '#' lines and blank lines are skipped, '<!-- -->' comments removed; anything else
that is not `code:sum` is a `DataFileError` naming file and line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from tidings.errors import DataFileError
from tidings.petrarch.lines import uncomment

__all__ = ["NEGATION", "Pico", "find_pico_files", "read_pico"]

NEGATION = 0xFFFF  # PETRARCH subtracts it for a "not"
_SPEECH_ACT = 0x1000  # a number this high or higher names a speech act (say, appeal, ...)
_CODE = re.compile(r"\d{2,4}|---")
_TERM = re.compile(r"([+-]?)\s*((?:0x)?[0-9a-f]+)", re.I)
PICO_FILE_GLOB = "*[Oo]ntology*.txt"  # PETR.Internal.Coding.Ontology.txt


@dataclass(frozen=True, slots=True)
class Pico:
    """CAMEO code <-> PICO number, and PETRARCH-2's arithmetic on them."""

    numbers: dict[str, int]
    codes: dict[int, str] = field(default_factory=dict)  # number -> first code with it
    source: str = ""

    def number(self, code: str) -> int | None:
        """A code's number; an unknown code takes its root's ("1056" -> "105", "08"
        -> "080"), as PETRARCH does; None for a code of an unknown root."""
        if code in self.numbers:
            return self.numbers[code]
        return self.numbers.get(code[:2] + "0")

    def code(self, number: int) -> str | None:
        return self.codes.get(number)

    def negated(self, code: str) -> str | None:
        """The code of "not <code>" ("would not provide support" 060 -> 121), or None
        when the ontology has none ("did not attack")."""
        number = self.number(code)
        return None if number is None else self.code(number - NEGATION)

    def combined(self, outer: str, inner: str) -> str | None:
        """The code of a verb (`outer`) over the event of the clause below it ("wants"
        030 over "help" 070: 033; "asks" 020 over "help": 023), or None when the sum
        names no code. As PETRARCH-2: a negative part is added ("refuses" 120 over
        "cooperate" 060: 121); of two speech acts the lower one stands; a lower code that
        is the same or a higher action stands; otherwise the two are added."""
        upper, lower = self.number(outer), self.number(inner)
        if upper is None or lower is None:
            return None
        if lower < 0 or upper < 0:
            total = upper + lower
        elif lower >= upper or min(upper, lower) >= _SPEECH_ACT:
            total = lower
        else:
            total = upper + lower
        return self.code(total)

    def is_speech_act(self, code: str) -> bool:
        """Whether the code is a say/appeal/intend/... code: PETRARCH-2 combines a verb
        with the event below it only when that event is not one (a plain action)."""
        number = self.number(code)
        return number is not None and abs(number) >= _SPEECH_ACT


def find_pico_files(folder: Path, pattern: str = "*") -> list[Path]:
    """The PICO files of a folder: names containing "ontology" (`PICO_FILE_GLOB`), among
    the files matching `pattern`."""
    chosen = {p for p in Path(folder).glob(pattern) if p.is_file()}
    return sorted(p for p in Path(folder).glob(PICO_FILE_GLOB) if p in chosen)


def read_pico(path: Path) -> Pico:
    """Read a PICO file; a line that is not `code:sum` of hex terms, or a code given
    twice, raises DataFileError naming file and line."""
    path = Path(path)
    try:
        text = path.read_bytes().decode("utf-8", errors="replace")
    except OSError as err:
        raise DataFileError(path, None, f"cannot read the file ({err})") from err
    numbers: dict[str, int] = {}
    codes: dict[int, str] = {}
    in_comment = False
    for number, raw in enumerate(text.splitlines(), start=1):
        line, in_comment = uncomment(raw, in_comment, marks="#")
        line = line.strip()
        if not line:
            continue
        code, colon, value = (part.strip() for part in line.partition(":"))
        if not colon or not _CODE.fullmatch(code):
            raise DataFileError(path, number, f"expected code:number, not {line!r}")
        if code in numbers:
            raise DataFileError(path, number, f"code {code} is given twice")
        numbers[code] = _sum(value, path, number)
        codes.setdefault(numbers[code], code)
    if not numbers:
        raise DataFileError(path, None, "no code:number line in the file")
    return Pico(numbers, codes, str(path))


def _sum(value: str, path: Path, number: int) -> int:
    """`-0xFFFF+0x2040+0x300` -> its value; each term hex, with or without 0x."""
    total, at = 0, 0
    compact = value.replace(" ", "")
    while at < len(compact):
        term = _TERM.match(compact, at)
        if term is None or (at and not term.group(1)):
            raise DataFileError(path, number, f"{value!r} is not a sum of hex numbers")
        total += -int(term.group(2), 16) if term.group(1) == "-" else int(term.group(2), 16)
        at = term.end()
    if not compact:
        raise DataFileError(path, number, "no number after the ':'")
    return total
