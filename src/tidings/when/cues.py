"""Cheap tests that let the finder skip rules which cannot match a text.

Searching all the rule patterns through every document is most of the `when` stage's
cost, yet most rules find nothing in most texts. Each rule here lists cues: every cue is
a set of strings, one of which any match of the rule must contain (a month name, "ago",
a digit). A text lacking every string of some cue is not searched with that rule. The
test is a substring search of the lower-cased text, so a cue may only name words that
every match spells out in full; a slot such as `<UNIT>` stands for the first word of
each of its lexicon entries (entries may span words split by any whitespace), and `\\d`
for any digit. Leaving a rule without cues only costs time; a wrong cue loses matches.
"""

from __future__ import annotations

import re
from functools import cache

from tidings.when.lexicon import lexicon
from tidings.when.rules import RULES

__all__ = ["CUES", "possible"]

_YEAR = "19|20"  # the first two digits of every year the patterns read
_REL = "last|this|next|past|coming|previous|current"
CUES: dict[str, tuple[str, ...]] = {
    "iso": (r"\d", "-"),
    "day month": ("<MONTH>", r"\d"),
    "month day": ("<MONTH>", r"\d"),
    "month year": ("<MONTH>", _YEAR),
    "month rel year": ("<MONTH>", "last|this|next", "year"),
    "last month name": ("last|this|next", "<FMONTH>"),
    "weekday": ("<WEEKDAY>",),
    "deictic": ("<DEICTIC>",),
    "this part": ("this|last", "morning|afternoon|evening|night"),
    "ago": ("ago", "<UNIT>"),
    "anaphor": ("<ANAPHOR>",),
    "sequel": ("<UNIT>", "<SEQUEL>"),
    "relative": (_REL, "week|month|year"),
    "duration": ("last|past|previous", "<UNIT>"),
    "floating": ("for", "<UNIT>"),
    "length": ("<UNIT>",),
    "a length": ("<UNIT>",),
    "year": (_YEAR,),
    "part year": ("early|mid|late", _YEAR),
    "quarter": ("<QUARTER>", "quarter"),
    "quarter code": ("q", _YEAR),
    "rel quarter": (_REL, "quarter"),
    "weekend": ("weekend",),
    "holiday": ("<HOLIDAY>",),
    "month": ("<FMONTH>",),
    "clock": (r"\d", "am|pm|a.m.|p.m."),
    "clock24": (r"\d", ":"),
    "daypart": ("early|late", "<DAYPART>"),
    "bare daypart": ("<DAYPART>",),
    "vague": ("<VAGUE>",),
    "season rel": (_REL, "<SEASON>"),
    "season year": ("<SEASON>", _YEAR),
    "season": ("<BSEASON>",),
    "part of": ("end|beginning|start|middle", "month|year"),
    "decade": (r"\d",),
    "century": ("century",),
    "fiscal rel": ("fiscal",),
    "fiscal year": ("fiscal|fy", _YEAR),
    "short year": (_YEAR,),
    "set weekday": ("every|each", "<WEEKDAY>"),
    "set unit": ("every|each", "<UNIT>"),
    "set word": ("<SET>",),
    "set plural": ("on", "<WEEKDAY>"),
}
DIGIT = r"\d"
_ANY_DIGIT = re.compile(r"\d")
# Letters Python's case-insensitive matching equates with an ASCII letter although
# str.lower() does not map them onto it (dotted/dotless i, long s, Kelvin sign).
_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


@cache
def _slots() -> dict[str, list[str]]:
    lex = lexicon()
    return {
        "MONTH": list(lex.months), "FMONTH": list(lex.full_months),
        "WEEKDAY": list(lex.weekdays), "UNIT": list(lex.units), "DAYPART": list(lex.dayparts),
        "DEICTIC": list(lex.deictics), "VAGUE": list(lex.vague), "SET": list(lex.sets),
        "SEASON": list(lex.seasons), "BSEASON": list(lex.bare_seasons),
        "ANAPHOR": list(lex.anaphors), "SEQUEL": list(lex.sequels),
        "QUARTER": list(lex.quarters), "HOLIDAY": list(lex.holidays),
    }  # fmt: skip


@cache
def compiled() -> dict[str, tuple[frozenset[str], ...]]:
    """Each rule's cues as sets of lower-case strings (`\\d` kept as the digit marker)."""
    slots = _slots()
    out = {}
    for name, cues in CUES.items():
        sets = []
        for cue in cues:
            words: set[str] = set()
            for part in cue.split("|"):
                if part.startswith("<") and part.endswith(">"):
                    words.update(w.split()[0] for w in slots[part[1:-1]])
                else:
                    words.add(part)
            # a string holding another of the set is found whenever it is: test the shorter
            sets.append(frozenset(w for w in words if not any(o != w and o in w for o in words)))
        out[name] = tuple(sets)
    return out


def possible(text: str) -> frozenset[str]:
    """The names of the rules that might match `text`; the others can be skipped."""
    low = text.translate(_FOLD).lower()
    digit = _ANY_DIGIT.search(text) is not None
    seen: dict[str, bool] = {DIGIT: digit}

    def has(word: str) -> bool:
        found = seen.get(word)
        if found is None:
            found = seen[word] = word in low
        return found

    cues = compiled()
    return frozenset(
        rule.name
        for rule in RULES
        if all(any(has(w) for w in cue) for cue in cues.get(rule.name, ()))
    )
