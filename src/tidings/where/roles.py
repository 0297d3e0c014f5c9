"""The role a toponym plays: a place, a metonym or a demonym.

The gold sets (and GDELT's location lists) count all three as toponyms, so `find_places`
reports them all; but only a "place" is somewhere an event can happen:

- metonym: a country, state, region or capital standing for its government, as the
  subject of a verb ("Washington said", "Iraq announced"); `is_metonym` decides.
- demonym: a word naming a place's people or qualities ("Iraqi", "Texans", "European"),
  resolved to that place; `find_demonyms` finds them. Country demonyms come from the
  actor stage's country table (its public `load_lexicon`); the others from
  data/demonyms.tsv.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Doc, Span, Token

from tidings.actors import load_lexicon
from tidings.geo import Entry, gazetteer
from tidings.resources import package_file, read_tsv
from tidings.where.cues import words_at
from tidings.where.lexicon import words

__all__ = ["ROLES", "find_demonyms", "is_demonym", "is_metonym"]

ROLES = ("place", "metonym", "demonym")
# entity labels whose words are never read as a demonym ("Mary American", "The Oregonian")
_NOT_DEMONYM_LABELS = frozenset({"PERSON", "WORK_OF_ART"})
_LONGEST = 3  # words in the longest demonym ("South East Asian")


def is_metonym(span: Span, entry: Entry, container: Entry | None = None) -> bool:
    """Whether a toponym stands for its government ("Washington said", "Iraq announced"):
    a country, area or capital, the subject (alone or in a list) of a verb that is no
    "keep" verb ("Syria borders Iraq"), and not a town placed by a real container
    ("Paris, Texas, said"; the ", Azerbaijan" of "Armenia, Azerbaijan and Russia signed"
    is the next item of a list, not Armenia's container)."""
    if entry.kind == "city" and entry.feature != "P.PPLC":
        return False
    if container is not None and _within(entry, container):
        return False
    return _is_subject(span.root)


def _within(entry: Entry, container: Entry) -> bool:
    """Whether `container` (a country or first-level area) holds `entry`."""
    if entry == container or not entry.country or entry.country != container.country:
        return False
    if container.kind == "country":
        return entry.kind != "country"
    return container.kind != "admin1" or entry.admin1 == container.admin1


def _is_subject(root: Token) -> bool:
    """Whether `root` (through coordination) is the subject of a verb that is no "keep"
    verb, or of a "keep" verb coordinated with one that shares the subject ("the US is
    in close contact with Iraq and has offered to help")."""
    tok = root
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    head = tok.head
    if tok.dep_ != "nsubj" or head.pos_ not in ("VERB", "AUX"):
        return False
    shared = [
        v
        for v in head.conjuncts
        if v.pos_ in ("VERB", "AUX") and not any(c.dep_.startswith("nsubj") for c in v.children)
    ]
    return any(v.lemma_.lower() not in words("keep_verb") for v in (head, *shared))


def find_demonyms(doc: Doc, taken: set[int]) -> list[tuple[Span, Entry]]:
    """Demonyms outside the tokens `taken` (indices), each with the place it names.

    Matched as written (capitalised), longest first, singular or plural in -s
    ("Iraqi", "Iraqis", "Sri Lankans"); never inside a person's name or a title.
    """
    table, first_words = _demonyms()
    found: list[tuple[Span, Entry]] = []
    after = 0  # the end of the last demonym found: matches never overlap
    for i in words_at(doc, first_words):
        if i < after or i in taken or doc[i].ent_type_ in _NOT_DEMONYM_LABELS:
            continue
        for n in range(min(_LONGEST, len(doc) - i), 0, -1):
            span = doc[i : i + n]
            if any(t.i in taken for t in span):
                continue
            text = span.text
            entry = table.get(text) or (table.get(text[:-1]) if text.endswith("s") else None)
            if entry is not None:
                found.append((span, entry))
                after = i + n
                break
    return found


def is_demonym(text: str) -> bool:
    """Whether `text` (as written) is a demonym, singular or plural."""
    table = _demonyms()[0]
    return text in table or (text.endswith("s") and text[:-1] in table)


@cache
def _demonyms() -> tuple[dict[str, Entry], frozenset[str]]:
    """Demonym (as written) -> the gazetteer entry of its place; and the words that may
    open one (a quick first test on every token)."""
    gaz = gazetteer()
    iso2 = {iso3: code for code, iso3 in gaz.iso3.items() if code in gaz.countries}
    table: dict[str, Entry] = {}
    for row in read_tsv(package_file("tidings.where", "data/demonyms.tsv"), ["demonym", "place"]):
        places = gaz.all_containers(row["place"])
        if not places:
            raise row.fail(f"place {row['place']!r} is not in the gazetteer")
        table[row["demonym"]] = places[0]
    for country in load_lexicon().countries.values():
        code = iso2.get(country.iso3)
        if code is None:
            continue
        for demonym in country.demonyms:
            # "UK", "U.K." are names, found as such; a demonym is a word of letters
            if demonym.isalpha() and not demonym.isupper() or " " in demonym:
                table.setdefault(demonym, gaz.entries[gaz.countries[code]])
    first = {d.split()[0] for d in table} | {d + "s" for d in table if " " not in d}
    return table, frozenset(first)
