"""Find dictionary phrases in a parsed doc with spaCy's PhraseMatcher.

Two matchers per vocabulary, built once: one on LOWER for ordinary phrases, one on ORTH
for all-capital acronyms ("US", "UN", "AP", "IS", "PM") that must not match "us", "un",
"is". Proper names must also be capitalised in the text ("Turkey" the country, not the
bird; "Amnesty" the NGO, not an amnesty).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

import spacy
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from tidings.actors.lexicon import Lexicon, is_case_sensitive

HitKind = Literal["name", "capital", "demonym", "role", "org"]
PROPER_KINDS: frozenset[str] = frozenset({"name", "capital", "demonym", "org"})
# When two entries match the very same words, the more specific reading wins.
KIND_RANK: dict[str, int] = {"org": 0, "name": 1, "capital": 2, "demonym": 3, "role": 4}


@dataclass(frozen=True, slots=True)
class Hit:
    """A dictionary phrase found at tokens [start, end)."""

    start: int
    end: int
    kind: HitKind
    ref: str  # iso3 for name/capital/demonym; index into the lexicon's roles/orgs otherwise


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


class PhraseIndex:
    """The lexicon's phrases compiled into matchers for one spaCy vocabulary."""

    def __init__(self, lexicon: Lexicon, vocab: Vocab) -> None:
        tokenizer = spacy.blank("en", vocab=vocab).tokenizer
        self.lower = PhraseMatcher(vocab, attr="LOWER")
        self.orth = PhraseMatcher(vocab, attr="ORTH")
        patterns: dict[tuple[bool, str], list[Doc]] = {}
        lowercase_words: set[str] = set()
        for key, phrase in _entries(lexicon):
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
                if kind == "role" and span[-1].pos_ not in {"NOUN", "PROPN"}:
                    continue  # "military operation", "forces him": not a role noun
                found.add(Hit(start, end, kind, ref))  # type: ignore[arg-type]
        return sorted(found, key=lambda h: (h.start, -h.end, KIND_RANK[h.kind]))

    def _capitalised(self, span: Span) -> bool:
        return all(
            not t.is_alpha or t.text[0].isupper() or t.lower_ in self._lowercase_words for t in span
        )
