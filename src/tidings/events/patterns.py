"""PETRARCH verb dictionaries read whole: verbs, synonym sets and every pattern.

`tidings.events.petrarch` reduces a verb file to trigger entries for the built-in coder;
this module keeps each pattern as PETRARCH wrote it, for the dictionary coder
(`tidings.events.dictionary_coder`), which matches them against the sentence.

A pattern such as `- SUGGESTED_+ * DEMAND (TO &GENINT {PEACE TALKS}) $ [111]` becomes
elements before and after the verb (`*`). Each element is a set of alternative word
sequences (a word, a `{multi word}` noun, a `&SET` with its nested sets expanded); `(`
opens a prepositional phrase whose first word is the preposition; `_` glues an element
to the one before it (the words must be adjacent); `$` and `+` mark where the source
and target stand; `%` says the conjoined actors act on one another; `^` (skip) needs no
words. The code `[a:b]` is `a`, with `b` the code seen from the target's side; `[:b]` is
`b`; a code of dashes means "no event". `~` lines at the end are transformations
(`tidings.events.transforms`).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from tidings.errors import DataFileError
from tidings.events.dictionary.transforms import Transform, parse_transform
from tidings.events.petrarch import _lines

__all__ = ["Element", "Pattern", "VerbBook", "VerbForm", "read_verb_book"]

NULL = "---"
_HEADER = re.compile(r"^---\s*(\S.*?)\s*\[([^\]]*)\]")
_CODE = re.compile(r"\[([^\]]*)\]")
_TOKEN = re.compile(r"[(){}]|[^\s(){}]+")

Words = tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Element:
    """One slot of a pattern: alternative word sequences, or a `$`/`+` role marker."""

    options: frozenset[Words] = frozenset()
    glued: bool = False  # joined to the element before by "_": must be adjacent
    role: str | None = None  # "source" or "target" for `$` / `+`
    prep: bool = False  # the preposition opening a "( ... )" phrase
    # options by first word, longest first: a synonym set may hold hundreds
    by_first: dict[str, tuple[Words, ...]] = field(
        default_factory=dict, compare=False, hash=False, repr=False
    )

    def __post_init__(self) -> None:
        index: dict[str, list[Words]] = {}
        for words in sorted(self.options, key=len, reverse=True):
            index.setdefault(words[0], []).append(words)
        self.by_first.update((k, tuple(v)) for k, v in index.items())


@dataclass(frozen=True, slots=True)
class Pattern:
    before: tuple[Element, ...]  # in sentence order, the last one nearest the verb
    after: tuple[Element, ...]
    code: str  # NULL for "no event"
    origin: str  # file:line
    tight: bool = False  # "IN_*": the last element before the verb stands right before it
    reverse: str | None = None  # `b` of `[a:b]`
    compound: bool = False  # `%` before `*`: the conjoined subjects act on one another

    @property
    def size(self) -> int:
        """How specific the pattern is: its words (the longest match wins)."""
        return sum(max(len(o) for o in e.options) for e in (*self.before, *self.after) if e.options)


@dataclass(frozen=True, slots=True)
class VerbForm:
    """One verb line: its words (the verb at `head`), its code and its block's patterns."""

    words: Words
    head: int
    code: str
    block: int  # index into VerbBook.patterns
    reverse: str | None = None  # `b` of `[a:b]`


@dataclass
class VerbBook:
    verbs: dict[str, list[VerbForm]] = field(default_factory=dict)  # word form -> verbs
    patterns: list[list[Pattern]] = field(default_factory=list)  # per block
    synsets: dict[str, set[Words]] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)
    transforms: list[Transform] = field(default_factory=list)

    def word_codes(self) -> dict[str, str]:
        """The code of each verb word the transformations name (SAY -> 010)."""
        words = {w for t in self.transforms for w in (t.outer, t.inner)}
        found = {w: self.verbs[w.lower()][0].code for w in words if w.lower() in self.verbs}
        return {w: c for w, c in found.items() if c != NULL}

    def knows(self, token: object) -> bool:
        """Whether a token's text or lemma is a verb of the book."""
        return token.lower_ in self.verbs or token.lemma_.lower() in self.verbs  # type: ignore[attr-defined]

    def report(self) -> str:
        patterns = sum(len(p) for p in self.patterns)
        reasons = ", ".join(f"{n} {r}" for r, n in self.skipped.most_common()) or "none"
        return (
            f"{', '.join(self.files)}: {len({id(f) for v in self.verbs.values() for f in v})} "
            f"verb forms, {patterns} patterns; skipped: {reasons}"
        )


def read_verb_book(paths: list[Path], book: VerbBook | None = None) -> VerbBook:
    """Every verb, synonym set and pattern of the files, in order."""
    book = book or VerbBook()
    for path in paths:
        _read(Path(path), book)
    return book


def _read(path: Path, book: VerbBook) -> None:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError as err:
        raise DataFileError(path, None, f"cannot read the file ({err})") from err
    book.files.append(path.name)
    raw_sets: dict[str, list[str]] = {}
    current: str | None = None
    block: int | None = None
    block_code: tuple[str, str | None] = (NULL, None)
    pending: list[tuple[int, str]] = []  # patterns are read once every set is known
    for number, line in _lines(path, text):
        if line.startswith("~"):
            rule = parse_transform(line)
            if rule is None:
                book.skipped["unreadable transformations"] += 1
            else:
                book.transforms.append(rule)
            continue
        if line.startswith("---"):
            match = _HEADER.match(line)
            if match is None:
                raise DataFileError(path, number, "a verb block header needs a [code]")
            book.patterns.append([])
            block, current = len(book.patterns) - 1, None
            block_code = (_code(match.group(2)), _reverse(match.group(2)))
        elif line.startswith("&"):
            current, block = _set_name(line.split()[0]), None
            raw_sets.setdefault(current, [])
        elif line.startswith("-"):
            if block is None:
                raise DataFileError(path, number, "a pattern line outside a verb block")
            pending.append((block, f"{number}\t{line[1:]}"))
        elif block is not None:
            _verb(line, block, block_code, book)
        elif line.startswith("+") and current is not None:
            raw_sets[current].append(line[1:].strip())
        else:
            raise DataFileError(path, number, f"cannot read {line[:40]!r} outside a block")
    for name in raw_sets:
        book.synsets[name] = _expand(name, raw_sets, set())
    for index, entry in pending:
        number, body = entry.split("\t", 1)
        pattern = _pattern(body, book.synsets, f"{path.name}:{number}")
        if isinstance(pattern, str):
            book.skipped[pattern] += 1
        else:
            book.patterns[index].append(pattern)


def _set_name(token: str) -> str:
    return token.lstrip("&").rstrip("_").upper()


def _expand(name: str, raw: dict[str, list[str]], seen: set[str]) -> set[Words]:
    """A set's members as word sequences, nested `&SET` members expanded."""
    members: set[Words] = set()
    for member in raw.get(name, []):
        if member.startswith("&"):
            inner = _set_name(member)
            if inner not in seen:
                members |= _expand(inner, raw, seen | {name})
        else:
            words = _words(member)
            if words:
                members.add(words)
    return members


def _words(text: str) -> Words:
    return tuple(w for w in re.split(r"[\s_]+", text.lower()) if w)


def _code(cell: str) -> str:
    """`a` of `[a:b]`; dashes or nothing mean no event from the source's side (`[:b]` is
    only the target's, `_reverse`)."""
    code = cell.split(":")[0].strip()
    return NULL if not code or code.startswith("-") else code


def _reverse(cell: str) -> str | None:
    """`b` of `[a:b]`: the code of the event seen from the target's side ("X was visited
    by Y" [042:043]: X hosts Y), used when the verb is passive."""
    parts = [p.strip() for p in cell.split(":")]
    if len(parts) < 2:
        return None
    return parts[1] if parts[1] and not parts[1].startswith("-") else None


def _verb(line: str, block: int, block_code: tuple[str, str | None], book: VerbBook) -> None:
    """`VERB {forms}`, `+VERB_PARTICLE`, `WORD_WORD_+VERB [code]`."""
    codes = _CODE.findall(line)
    code = _code(codes[0]) if codes else block_code[0]
    reverse = _reverse(codes[0]) if codes else block_code[1]
    forms = re.search(r"\{([^}]*)\}", line)
    name = re.sub(r"\{[^}]*\}|\[[^\]]*\]", " ", line).split()
    if not name:
        return
    parts = [p for p in name[0].split("_") if p]
    marked = [i for i, p in enumerate(parts) if p.startswith("+")]
    head = marked[0] if marked else 0
    words = tuple(p.lstrip("+").lower() for p in parts)
    if not words or not all(words):
        return
    irregular = forms.group(1).split() if forms else []
    for form in {words[head], *(f.lower() for f in irregular)}:
        verb = VerbForm(words[:head] + (form,) + words[head + 1 :], head, code, block, reverse)
        book.verbs.setdefault(form, []).append(verb)


def _pattern(text: str, synsets: dict[str, set[Words]], origin: str) -> Pattern | str:
    """A pattern, or why it cannot be read."""
    codes = _CODE.findall(text)
    if not codes:
        return "patterns without a code"
    body = text[: text.index("[")]
    tokens: list[tuple[str, bool]] = []  # (token, glued to the one before)
    for chunk in _TOKEN.findall(body):
        if chunk in "(){}":
            tokens.append((chunk, False))
            continue
        for n, piece in enumerate(chunk.split("_")):
            if piece:
                tokens.append((piece, n > 0 or (chunk.startswith("_") and n == 0)))
            elif n > 0 and n == len(chunk.split("_")) - 1:
                tokens.append(("", True))  # "IN_*": a trailing "_" glues the next token
    if not any(t in ("*", "**") for t, _ in tokens):
        return "patterns without the verb marker"
    before: list[Element] = []
    after: list[Element] = []
    side = before
    glue_next = tight = compound = False
    i = 0
    while i < len(tokens):
        token, glued = tokens[i]
        glued = glued or glue_next
        glue_next = False
        i += 1
        if token == "":
            glue_next = True
            continue
        if token in ("*", "**"):
            side, tight = after, glued
            continue
        if token in ("^", "%", ")"):
            compound |= token == "%" and side is before  # "% *": a compound subject
            continue
        if token in ("$", "+"):
            side.append(Element(role="source" if token == "$" else "target"))
            continue
        if token == "(":
            if i < len(tokens) and tokens[i][0] not in "(){}$+^%*":
                side.append(Element(frozenset({(tokens[i][0].lower(),)}), prep=True))
                i += 1
            continue
        if token == "{":
            close = next((j for j in range(i, len(tokens)) if tokens[j][0] == "}"), None)
            if close is None:
                return "malformed multiword nouns"
            inner = [t for t, _ in tokens[i:close] if t]
            i = close + 1
            options = _sequence(inner, synsets)
        else:
            options = _sequence([token], synsets)
        if options is None:
            return "undefined synonym sets"
        side.append(Element(options, glued))
    code, reverse = _code(codes[-1]), _reverse(codes[-1])
    return Pattern(tuple(before), tuple(after), code, origin, tight, reverse, compound)


def _sequence(tokens: list[str], synsets: dict[str, set[Words]]) -> frozenset[Words] | None:
    """Every word sequence a run of tokens (words and `&SET`s) can stand for."""
    options: set[Words] = {()}
    for token in tokens:
        if token.startswith("&"):
            members = synsets.get(_set_name(token))
            if not members:
                return None
        else:
            members = {(token.lower(),)}
        options = {o + m for o in options for m in members}
    return frozenset(o for o in options if o)
