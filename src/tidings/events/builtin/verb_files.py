"""PETRARCH verb dictionaries (the CAMEO.2.0.txt format) reduced to trigger entries.

A PETRARCH verb file (its lines read by `tidings.petrarch`) holds synonym sets (`&NAME`
then `+word` lines) and verb blocks: `--- NAME [code] ---`, the block's verbs (each
optionally with irregular forms in `{...}` and its own `[code]`), then patterns such as
`- * (WITH MURDER) [1121]`, where `*` is the verb, `$`/`+` mark source/target, `^` and
`%` skip or mark compounds, `(...)` is a prepositional phrase, `{...}` a multiword noun
and `&SET` a synonym set.

Our coder finds roles from the dependency parse, so a pattern is used when it reduces
to what a `TriggerEntry` can say: the verb, at most one preposition, and at most one
object wording (the direct object or the preposition's object). Other patterns are
skipped and counted, with the reason, so a user sees how much of a file was used.
(`Pipeline(dictionaries=...)` codes with the whole file instead: `tidings.petrarch`'s
`read_verb_book`.)
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from tidings.errors import DataFileError
from tidings.events.builtin.lexicon import NOT_AN_EVENT, TriggerEntry
from tidings.events.ontology import Ontology
from tidings.petrarch import (
    BLOCK_HEADER,
    CODE_CELL,
    PATTERN_TOKEN,
    phrase,
    primary_code,
    verb_lines,
    verb_words,
)

__all__ = ["VerbDictionary", "read_verb_dictionary"]

_MARKERS = {"$", "+", "%", "^"}


@dataclass
class VerbDictionary:
    """What one verb file gave: entries for the lexicon and a load report."""

    path: Path
    entries: list[TriggerEntry] = field(default_factory=list)
    verbs: int = 0
    patterns_used: int = 0
    patterns_skipped: int = 0
    verbs_skipped: int = 0  # verbs of three or more words
    skipped: Counter[str] = field(default_factory=Counter)  # reason -> patterns

    def report(self) -> str:
        reasons = ", ".join(f"{n} {r}" for r, n in self.skipped.most_common())
        return (
            f"{self.path.name}: {self.verbs} verbs ({self.verbs_skipped} skipped), "
            f"{self.patterns_used} patterns used, "
            f"{self.patterns_skipped} skipped ({reasons or 'none'})"
        )


@dataclass
class _Block:
    line: int
    code: str
    verbs: list[tuple[str, str | None, str]] = field(default_factory=list)  # lemma, prt, code


def read_verb_dictionary(path: Path, ontology: Ontology) -> VerbDictionary:
    """Entries from one verb file; a line the format does not allow raises DataFileError."""
    path = Path(path)
    lines = verb_lines(path)
    result = VerbDictionary(path)
    synsets: dict[str, set[str]] = {}
    current_set: str | None = None
    block: _Block | None = None
    for number, line in lines:
        if line.startswith("---"):
            match = BLOCK_HEADER.match(line)
            if match is None:
                raise DataFileError(path, number, "a verb block header needs a [code]")
            block, current_set = _Block(number, _code_of(match.group(2))), None
        elif line.startswith("&"):
            current_set, block = line.split()[0][1:].rstrip("_").upper(), None
            synsets.setdefault(current_set, set())
        elif line.startswith("-"):
            if block is None:
                raise DataFileError(path, number, "a pattern line outside a verb block")
            _pattern(path, number, line[1:], block, synsets, ontology, result)
        elif block is not None:
            _verb(path, number, line, block, ontology, result)
        elif line.startswith("+") and current_set is not None:
            synsets[current_set].add(phrase(line[1:]).lower())
        else:
            raise DataFileError(path, number, f"cannot read {line[:40]!r} outside a block")
    return result


def _code_of(cell: str) -> str:
    """The primary code of `[code]` or `[code:reverse]`; `---` is the null code."""
    return primary_code(cell) or NOT_AN_EVENT


def _verb(
    path: Path, number: int, line: str, block: _Block, ontology: Ontology, out: VerbDictionary
) -> None:
    if line.count("{") != line.count("}"):
        raise DataFileError(path, number, "unbalanced { } in a verb line")
    codes = CODE_CELL.findall(line)
    name = verb_words(line)
    if not name:
        raise DataFileError(path, number, "a verb line without a verb")
    parts = [p for p in name[0].lstrip("+").lower().split("_") if p]
    code = _code_of(codes[0]) if codes else block.code
    if len(parts) not in (1, 2) or not parts[0].isalpha():
        out.verbs_skipped += 1
        return
    if code != NOT_AN_EVENT and code not in ontology:
        code = NOT_AN_EVENT  # a code outside CAMEO (e.g. WEIS): the verb alone is no event
    prt = parts[1] if len(parts) == 2 else None
    block.verbs.append((parts[0], prt, code))
    out.verbs += 1
    out.entries.append(TriggerEntry((parts[0],), "VERB", code, prep=prt, origin=_at(path, number)))


def _pattern(
    path: Path,
    number: int,
    text: str,
    block: _Block,
    synsets: dict[str, set[str]],
    ontology: Ontology,
    out: VerbDictionary,
) -> None:
    codes = CODE_CELL.findall(text)
    if not codes:
        raise DataFileError(path, number, "a pattern needs a [code]")
    code = _code_of(codes[-1])
    reduced = _reduce(text[: text.index("[")], synsets)
    reason = reduced if isinstance(reduced, str) else None
    if reason is None and code != NOT_AN_EVENT and code not in ontology:
        reason = "codes outside CAMEO"
    if reason is None and not block.verbs:
        reason = "blocks without a usable verb"
    if reason is not None:
        out.patterns_skipped += 1
        out.skipped[reason] += 1
        return
    assert not isinstance(reduced, str)
    objects, prep = reduced
    used = False
    for lemma, prt, _ in block.verbs:
        if prt and prep and prt != prep:
            continue
        out.entries.append(
            TriggerEntry((lemma,), "VERB", code, objects, prep or prt, origin=_at(path, number))
        )
        used = True
    if used:
        out.patterns_used += 1
    else:
        out.patterns_skipped += 1
        out.skipped["particle and preposition disagree"] += 1


def _reduce(text: str, synsets: dict[str, set[str]]) -> tuple[frozenset[str], str | None] | str:
    """(object wordings, preposition) of a pattern, or the reason it cannot be reduced."""
    tokens = PATTERN_TOKEN.findall(text)
    if "*" not in tokens and "**" not in tokens:
        return "patterns without the verb marker"
    verb = next(i for i, t in enumerate(tokens) if t in ("*", "**"))
    if any(t not in _MARKERS for t in tokens[:verb]):
        return "patterns with words before the verb"
    objects: list[frozenset[str]] = []
    prep: str | None = None
    rest = [t for t in tokens[verb + 1 :] if t not in _MARKERS]
    i = 0
    while i < len(rest):
        token = rest[i]
        if token == "(":
            if prep is not None:
                return "patterns with two prepositional phrases"
            close = rest.index(")", i) if ")" in rest[i:] else -1
            if close < 0 or close == i + 1:
                return "malformed prepositional phrases"
            prep = rest[i + 1].lower()
            inner = _nouns(rest[i + 2 : close], synsets)
            if isinstance(inner, str):
                return inner
            objects += inner
            i = close + 1
            continue
        if token == "{":
            close = rest.index("}", i) if "}" in rest[i:] else -1
            if close < 0:
                return "malformed prepositional phrases"
            item = _nouns(rest[i : close + 1], synsets)
        else:
            item = _nouns([token], synsets)
        if isinstance(item, str):
            return item
        objects += item
        i = (close + 1) if token == "{" else i + 1
    if len(objects) > 1:
        return "patterns with more than one object wording"
    return (objects[0] if objects else frozenset()), prep


def _nouns(tokens: list[str], synsets: dict[str, set[str]]) -> list[frozenset[str]] | str:
    """The wordings of a noun item: a word, `{multi word}`, or `&SET`; empty for none."""
    if not tokens:
        return []
    if tokens[0] == "{":
        inner = tokens[1:-1]
        if any(t.startswith("&") or t in _MARKERS for t in inner):
            return "multiword nouns with synonym sets"
        return [frozenset({phrase(" ".join(inner)).lower()})] if inner else []
    if len(tokens) > 1:
        return "phrases of several loose words"
    token = tokens[0]
    if token.startswith("&"):
        members = synsets.get(token[1:].rstrip("_").upper())
        if not members:
            return "undefined synonym sets"
        return [frozenset(members)]
    if not re.fullmatch(r"[A-Za-z][A-Za-z'_-]*", token):
        return "unusual tokens"
    return [frozenset({phrase(token).lower()})]


def _at(path: Path, number: int) -> str:
    return f"{path.name}:{number}"
