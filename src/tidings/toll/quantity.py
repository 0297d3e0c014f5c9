"""Read number phrases ("at least 12", "two hundred", "between 10 and 15", "dozens").

Works on the words of a sentence, left to right, with the tables in
quantities.tsv. Which number counts whom is decided later from the parse; this
module only says where the number phrases are and what range each one gives.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from tidings.toll.lexicon import Amount, Quantities, load_quantities

_DIGITS = re.compile(r"^(\d{1,3}(?:,\d{3})+|\d+)$")
_DECIMAL = re.compile(r"^\d+\.\d+$")
_DIGIT_RANGE = re.compile(r"^(\d+)[-–](\d+)$")
_RANGE_WORDS = ("to", "-", "–", "or")


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number phrase: words [start, end) of the sentence and the range it gives."""

    start: int
    end: int
    min: int | None
    max: int | None


def _lookup(words: Sequence[str], i: int, table: dict, longest: int) -> tuple[int, Amount] | None:
    """The longest phrase of `table` starting at word i, as (end, amount)."""
    for size in range(min(longest, len(words) - i), 0, -1):
        amount = table.get(tuple(words[i : i + size]))
        if amount is not None:
            return i + size, amount
    return None


def _number(words: Sequence[str], i: int, q: Quantities) -> tuple[int, int] | None:
    """An exact number at word i: digits ("1,200", "1.5 million") or words ("two hundred")."""
    total, current, last, j = 0.0, 0.0, "", i
    if i < len(words) and _DIGITS.match(words[i]):
        current, last, j = int(words[i].replace(",", "")), "digits", i + 1
    elif i < len(words) and _DECIMAL.match(words[i]):
        current, last, j = float(words[i]), "decimal", i + 1
    while j < len(words):
        word = words[j]
        nxt = _lookup(words, j + 1, q.cores, q.longest)
        if word in ("a", "an") and not last and nxt and nxt[1].type == "scale":
            current, last, j = 1, "a", j + 1  # "a hundred", "a dozen"
            continue
        if word == "and" and last in ("hundred", "big") and nxt and nxt[1].type == "number":
            j += 1  # "two hundred and five"
            continue
        if word == "-" and last == "tens" and nxt and nxt[1].type == "number":
            j += 1  # "twenty-five"
            continue
        found = _lookup(words, j, q.cores, q.longest)
        if found is None or found[1].type == "vague":
            break
        end, amount = found
        value = amount.low or 0
        if amount.type == "scale":
            if last not in ("digits", "decimal", "a", "unit", "teen", "tens", "hundred"):
                break
            if value >= 1000:
                total, current, last = total + (current or 1) * value, 0, "big"
            elif last == "hundred":
                break
            else:
                current, last = (current or 1) * value, "hundred"
        else:
            step = "end" if end - j > 1 or value == 0 else _step(value)
            allowed = {"unit": ("", "tens", "hundred", "big"), "tens": ("", "hundred", "big")}
            if last not in allowed.get(step, ("", "hundred", "big")) or (step == "end" and last):
                break
            current, last = current + value, step
        j = end
    if not last or last in ("decimal", "a"):
        return None  # a bare decimal is a measure, not a head count
    return j, int(total + current)


def _step(value: int) -> str:
    """Where a number word stands in a compound number: "twenty" may be followed by "five"."""
    if value < 10:
        return "unit"
    if value < 20:
        return "teen"
    return "tens" if value < 100 and value % 10 == 0 else "end"


def _core(words: Sequence[str], i: int, q: Quantities) -> tuple[int, int | None, int | None] | None:
    """A number, a range or a vague amount at word i, as (end, low, high)."""
    if i < len(words) and words[i] == "between":
        first = _number(words, i + 1, q)
        if first and first[0] < len(words) and words[first[0]] == "and":
            second = _number(words, first[0] + 1, q)
            if second and second[1] >= first[1]:
                return second[0], first[1], second[1]
    if i < len(words) and (m := _DIGIT_RANGE.match(words[i])):
        low, high = int(m.group(1)), int(m.group(2))
        if low <= high:
            return i + 1, low, high
    first = _number(words, i, q)
    if first:
        end, low = first
        if end < len(words) and words[end] in _RANGE_WORDS and (i == 0 or words[i - 1] != "from"):
            second = _number(words, end + 1, q)
            if second and second[1] > low:
                return second[0], low, second[1]
        return end, low, low
    vague = _lookup(words, i, q.cores, q.longest)
    if vague and vague[1].type == "vague":
        return vague[0], vague[1].low, vague[1].high
    return None


def _bounded(
    words: Sequence[str], i: int, q: Quantities
) -> tuple[int, int | None, int | None] | None:
    """A core amount at word i, with any bound before or after it applied."""
    before = _lookup(words, i, q.before, q.longest)
    core = _core(words, before[0], q) if before else None
    if core is None:
        return _after(words, _core(words, i, q), q)
    end, low, high = core
    kind = before[1].type if before else "about"
    if kind == "at-least":
        high = None
    elif kind == "more-than":
        low, high = (None if low is None else low + 1), None
    elif kind == "up-to":
        low = None
    elif kind == "less-than":
        low, high = None, (None if low is None else max(low - 1, 0))
    return _after(words, (end, low, high), q)


def _after(
    words: Sequence[str], core: tuple[int, int | None, int | None] | None, q: Quantities
) -> tuple[int, int | None, int | None] | None:
    if core is None:
        return None
    end, low, high = core
    after = _lookup(words, end, q.after, q.longest)
    if after and after[1].type == "or-more":
        return after[0], low, None
    if after:
        return after[0], low, high
    return core


def find_quantities(words: Sequence[str], quantities: Quantities | None = None) -> list[Quantity]:
    """Every number phrase in `words` (lower-case tokens), longest first, never overlapping."""
    q = quantities or load_quantities()
    found: list[Quantity] = []
    i = 0
    while i < len(words):
        if words[i] not in q.starts and not words[i][:1].isdigit():
            i += 1
            continue
        hit = _bounded(words, i, q)
        if hit is None:
            i += 1
            continue
        end, low, high = hit
        found.append(Quantity(i, end, low, high))
        i = end
    return found
