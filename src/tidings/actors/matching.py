"""Find dictionary phrases in a parsed doc with spaCy's PhraseMatcher.

Two matchers per vocabulary, built once: one on LOWER for ordinary phrases, one on ORTH
for all-capital acronyms ("US", "UN", "AP", "IS", "PM") that must not match "us", "un",
"is". Proper names must also be capitalised in the text ("Turkey" the country, not the
bird; "Amnesty" the NGO, not an amnesty). Named actors from people.tsv and PETRARCH files
(written in capitals there) match ignoring case, except short acronyms ("UN", "MBS"), and
need their longer words capitalised in the text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Literal

import spacy
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from tidings.actors.lexicon import Lexicon, is_case_sensitive

HitKind = Literal["name", "capital", "demonym", "role", "org", "actor"]
PROPER_KINDS: frozenset[str] = frozenset({"name", "capital", "demonym", "org"})
# When two entries match the very same words, the more specific reading wins.
KIND_RANK: dict[str, int] = {"org": 0, "actor": 1, "name": 2, "capital": 3, "demonym": 4, "role": 5}


@dataclass(frozen=True, slots=True)
class Hit:
    """A dictionary phrase found at tokens [start, end)."""

    start: int
    end: int
    kind: HitKind
    ref: str  # iso3 for name/capital/demonym; index into the lexicon's roles/orgs/actors


def plural(phrase: str) -> str:
    """A regular English plural of the last word (minister -> ministers, man -> men)."""
    head, _, last = phrase.rpartition(" ")
    lower = last.lower()
    if lower.endswith("man"):
        last = last[:-3] + "men"
    elif lower.endswith("y") and len(lower) > 1 and lower[-2] not in "aeiou":
        last = last[:-1] + "ies"
    elif lower.endswith(("s", "x", "ch", "sh")):
        last = last + "es"
    else:
        last = last + "s"
    return f"{head} {last}" if head else last


def _entries(lexicon: Lexicon) -> Iterable[tuple[str, str]]:
    """(match key, phrase) for every surface form the lexicon knows."""
    for iso3, country in lexicon.countries.items():
        for form in (country.name, *country.aliases):
            yield f"name:{iso3}", form
        for form in country.capitals:
            yield f"capital:{iso3}", form
        for form in country.demonyms:
            yield f"demonym:{iso3}", form
            if not form.endswith(("s", "sh", "ch", "ese")):
                yield f"demonym:{iso3}", plural(form)  # "Iraqis", "Americans"
    for index, role in enumerate(lexicon.roles):
        yield f"role:{index}", role.phrase
        yield f"role:{index}", plural(role.phrase)
    for index, org in enumerate(lexicon.organisations):
        for form in org.names:
            yield f"org:{index}", form
    for index, actor in enumerate(lexicon.actors):
        for form in actor.names:
            yield f"actor:{index}", form


def _acronym(phrase: str) -> bool:
    """A short all-capital single word ("UN", "MBS", "U.N."): matched as written."""
    return " " not in phrase and len(phrase) <= 4 and is_case_sensitive(phrase)


class PhraseIndex:
    """The lexicon's phrases compiled into matchers for one spaCy vocabulary."""

    def __init__(self, lexicon: Lexicon, vocab: Vocab) -> None:
        tokenizer = spacy.blank("en", vocab=vocab).tokenizer
        self.lower = PhraseMatcher(vocab, attr="LOWER")
        self.orth = PhraseMatcher(vocab, attr="ORTH")
        patterns: dict[tuple[bool, str], list[Doc]] = {}
        lowercase_words: set[str] = set()
        # Named actors (tens of thousands with PETRARCH files) share one key per matcher
        # and are told apart by their words: a key each would make compiling slow.
        self._actors: dict[str, str] = {}
        split = _Splitter(tokenizer, vocab)
        for key, phrase in _entries(lexicon):
            if key.startswith("actor:"):
                acronym = _acronym(phrase)
                pattern = split(phrase if acronym else phrase.lower())
                words = " ".join(t.text if acronym else t.lower_ for t in pattern)
                self._actors.setdefault(words, key.partition(":")[2])
                patterns.setdefault((acronym, "actor"), []).append(pattern)
                continue
            pattern = tokenizer(phrase)
            patterns.setdefault((is_case_sensitive(phrase), key), []).append(pattern)
            if not key.startswith("role:"):
                lowercase_words.update(t.lower_ for t in pattern if t.is_lower)
        for (case_sensitive, key), docs in patterns.items():
            (self.orth if case_sensitive else self.lower).add(key, docs)
        self._lowercase_words = frozenset(lowercase_words)

    def hits(self, doc: Doc) -> list[Hit]:
        """Every dictionary phrase in `doc`, overlapping ones included, in text order."""
        found: set[Hit] = set()
        for matcher in (self.lower, self.orth):
            for match_id, start, end in matcher(doc):
                kind, _, ref = doc.vocab.strings[match_id].partition(":")
                span = doc[start:end]
                if kind in PROPER_KINDS and not self._capitalised(span):
                    continue
                if kind == "actor":
                    words = " ".join(t.text if matcher is self.orth else t.lower_ for t in span)
                    ref = self._actors.get(words, "")
                    if not ref or not _named(span):
                        continue
                if kind == "role" and span[-1].pos_ not in {"NOUN", "PROPN"}:
                    continue  # "military operation", "forces him": not a role noun
                found.add(Hit(start, end, kind, ref))  # type: ignore[arg-type]
        return sorted(found, key=lambda h: (h.start, -h.end, KIND_RANK[h.kind]))

    def _capitalised(self, span: Span) -> bool:
        return all(
            not t.is_alpha or _written_as_name(t) or t.lower_ in self._lowercase_words for t in span
        )


class _Splitter:
    """Tokenise many short names fast: spaCy splits text at spaces first, so each
    space-separated chunk is tokenised once (plain words need no tokenizer at all)."""

    def __init__(self, tokenizer: Callable[[str], Doc], vocab: Vocab) -> None:
        self.tokenizer, self.vocab = tokenizer, vocab
        self.chunks: dict[str, list[str]] = {}

    def __call__(self, text: str) -> Doc:
        words: list[str] = []
        for chunk in text.split():
            if chunk.isalnum():
                words.append(chunk)
                continue
            if chunk not in self.chunks:
                self.chunks[chunk] = [t.text for t in self.tokenizer(chunk)]
            words.extend(self.chunks[chunk])
        return Doc(self.vocab, words=words)


NAME_ENTITIES = frozenset({"GPE", "NORP", "PERSON", "ORG", "LOC"})


def _written_as_name(token: Token) -> bool:
    """Capitalised, or a name typed carelessly: some capital inside ("iSrael"), or all in
    lower case where the tagger still reads a name ("president obama"), as PETRARCH
    matches names whatever their case."""
    if token.text[0].isupper() or not token.is_lower:
        return True
    return token.ent_type_ in NAME_ENTITIES and token.pos_ in ("PROPN", "ADJ")


def _named(span: Span) -> bool:
    """A dictionary name written as a name: some word written as a name, and every word of
    four letters or more ("Maliki" in "Nuri al-Maliki", not "al"; "Ki-moon" counts as one)."""
    words = [
        t
        for t in span
        if t.is_alpha
        and not (t.i > span.start and t.nbor(-1).text == "-" and not t.nbor(-1).whitespace_)
    ]
    return any(_written_as_name(t) for t in words) and all(
        _written_as_name(t) for t in words if len(t) > 3
    )


def outermost(hits: list[Hit]) -> list[Hit]:
    """Drop hits inside a longer one ("Saudi" in "Saudi Arabia", "State Department" in
    "US State Department"); on the same words keep the more specific kind."""
    ordered = sorted(hits, key=lambda h: (h.start - h.end, KIND_RANK[h.kind]))
    kept: list[Hit] = []
    for hit in ordered:
        if not any(k.start <= hit.start and hit.end <= k.end for k in kept):
            kept.append(hit)
    return sorted(kept, key=lambda h: (h.start, h.end))
