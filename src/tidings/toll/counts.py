"""Find casualty statements in a parsed doc: which number counts whom, and what happened.

A number phrase counts the noun it modifies ("12 people") or itself ("dozens",
"30"). That noun is tied to a kind word through the dependency parse: it is the
word ("12 deaths", "3 dead"), its object ("killed 12 people"), its victim subject
("12 died", "12 people were killed", "20 injured"), the subject of a complement
("3 soldiers are feared dead", "left 3 people dead", "were believed to have
hurt"), a participle on it ("12 people killed in the blast"), its "of" phrase
("the deaths of 12"), or the value of a toll ("the death toll rose to 45").
Coordinated subjects are added up: "the Prime Minister, as well as several of
his guards" counts 1 + several = 4..10 (a singular noun or he/she counts 1, a
bare plural at least 2; nouns without a number only count in a subject). A
number inside "including 12 children" is part of a total and skipped; "five of
them children" attaches to no kind word; a negated kind word counts nothing; a
number read across a paragraph break (a dateline's year) is dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from tidings.nlp import doc_text
from tidings.toll.lexicon import Kind, KindWord, kind_index, load_words
from tidings.toll.quantity import Quantity, find_quantities

_SUBJECTS = ("nsubj", "nsubjpass", "csubj")
_OBJECTS = ("dobj", "obj", "oprd")
_COMPLEMENTS = ("xcomp", "acomp", "oprd", "ccomp")
_MODIFIERS = ("amod", "acl", "relcl")
_NUMBER_DEPS = ("nummod", "quantmod", "det", "amod", "compound", "advmod", "npadvmod")
_SUBSET_HEADS = ("include", "including", "among")
_SUBSET_PRONOUNS = ("they", "them", "whom", "which", "those", "these")
_TOLL_PREPS = ("to", "at", "of", "around", "near")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n")
_NOMINAL = ("NOUN", "PROPN", "PRON", "NUM", "ADJ", "DET")


@dataclass(frozen=True, slots=True)
class Count:
    """One casualty statement: `min`..`max` people `kind`, from doc.text[start:end]."""

    kind: Kind
    min: int | None
    max: int | None
    text: str
    start: int
    end: int
    sentence_index: int


@dataclass(frozen=True, slots=True)
class _Hit:
    """A token that belongs to a kinds.tsv phrase, with the phrase's tokens."""

    entry: KindWord
    tokens: tuple[int, ...]


def _lemma_matches(token: Token, word: str) -> bool:
    return token.lemma_.lower() == word or token.lower_ == word


def _nearby(token: Token) -> list[Token]:
    """Words at most two steps away in the parse ("taken" -> "into" -> "custody")."""
    one = [token.head, *token.children]
    return one + [t for n in one for t in (n.head, *n.children)]


def _keys(token: Token) -> tuple[str, ...]:
    """The lemma, then the word form if it differs: in this order, so the lemma's entry
    ("injure", done to its object) is tried before the form's ("injured", said of its
    subject) however Python hashes strings; a set here made the toll vary between runs."""
    return tuple(dict.fromkeys((token.lemma_.lower(), token.lower_)))


def _kind_hits(sent: Span) -> dict[int, _Hit]:
    """Kind words in the sentence; a phrase's words must be linked in the parse.

    Phrases are matched before single words, so "death toll" claims "death" first.
    """
    index = kind_index()
    hits: dict[int, _Hit] = {}
    starts = [  # the words that begin an entry, looked up once for both passes
        (first, entries)
        for first in sent
        if (entries := [e for k in _keys(first) for e in index.get(k, ())])
    ]
    for phrases in (True, False):
        for first, all_entries in starts:
            if first.i in hits:
                continue
            entries = [e for e in all_entries if (len(e.words) > 1) == phrases]
            for entry in entries:
                chosen = [first]
                for word in entry.words[1:]:
                    near = [t for c in chosen for t in _nearby(c)]
                    match = next(
                        (t for t in near if t not in chosen and _lemma_matches(t, word)), None
                    )
                    if match is None or match.i in hits:
                        break
                    chosen.append(match)
                if len(chosen) == len(entry.words):
                    hit = _Hit(entry, tuple(sorted(t.i for t in chosen)))
                    hits.update((t.i, hit) for t in chosen)
                    break
    return hits


def _quantity_head(doc: Doc, q: Quantity) -> Token:
    """The word of a number phrase whose head lies outside it (the phrase's own head)."""
    tokens = [doc[i] for i in range(q.start, q.end)]
    inside = {t.i for t in tokens}
    outside = [t for t in tokens if t.head.i not in inside or t.head.i == t.i]
    return outside[-1] if outside else tokens[-1]


def _counted(head: Token, span: set[int]) -> Token:
    """The noun a number counts: "12" in "12 people" counts "people"; "dozens" counts itself."""
    if head.dep_ in _NUMBER_DEPS and head.head.i not in span and head.head.pos_ in _NOMINAL:
        return head.head
    return head


def _is_subset(noun: Token) -> bool:
    """ "including 12 children", "among them 3 soldiers": part of a total counted elsewhere."""
    return noun.head.lower_ in _SUBSET_HEADS or (
        noun.dep_ == "pobj" and noun.head.head.lower_ in _SUBSET_HEADS
    )


def _part_of(token: Token) -> bool:
    """ "some of whom", "five of them": a part of people named before."""
    return any(
        c.lower_ == "of" and any(g.lemma_.lower() in _SUBSET_PRONOUNS for g in c.children)
        for c in token.children
    )


def _is_year(doc: Doc, q: Quantity) -> bool:
    """ "2019" in a date ("January 4, 2019") is not a head count."""
    token = doc[q.start]
    return (
        q.end - q.start == 1
        and token.ent_type_ == "DATE"
        and len(token.text) == 4
        and token.text.isdigit()
        and 1800 <= int(token.text) <= 2100
    )


def _negated(token: Token) -> bool:
    return any(c.dep_ == "neg" for c in token.children)


def _victim_subject(verb: Token, hit: _Hit, passive_dep: bool) -> bool:
    """Whether the subject of this kind word is the person it happened to."""
    if hit.entry.victim_subject or passive_dep or verb.pos_ == "ADJ":
        return True
    if any(c.dep_ == "auxpass" for c in verb.children):
        return True
    has_object = any(c.dep_ in ("dobj", "obj") for c in verb.children)
    return verb.tag_ == "VBN" and not has_object  # "20 injured", "have mildly hurt"


def _has_subject(token: Token) -> bool:
    return any(c.dep_ in _SUBJECTS for c in token.children)


def _subset_clause(token: Token) -> bool:
    """ "some of whom were hospitalised": the clause is said of a part, not the whole."""
    return any(c.dep_ in _SUBJECTS and _part_of(c) for c in token.children)


def _complements(verb: Token, depth: int = 2) -> Iterable[Token]:
    """Small clauses whose subject is the verb's: "feared dead", "believed to have hurt"."""
    for child in verb.children:
        if child.dep_ in _COMPLEMENTS and not _has_subject(child):
            yield child
            if depth > 1:
                yield from _complements(child, depth - 1)


def _word_kind(noun: Token, hits: dict[int, _Hit]) -> tuple[_Hit, Token, bool] | None:
    """The kind word that says what happened to the people `noun` stands for.

    The flag says whether it is said of the whole coordination `noun` heads (a verb
    whose subject or object it is) or only of `noun` itself (its own modifier).
    """

    def word(token: Token) -> _Hit | None:
        hit = hits.get(token.i)
        if hit is None or hit.entry.role != "word" or _negated(token):
            return None
        return hit

    if (hit := word(noun)) is not None:  # "12 deaths", "3 dead"
        return hit, noun, False
    of_nouns = [g for c in noun.children if c.lower_ == "of" for g in c.children]
    for owner in (noun, *of_nouns):  # "12 people killed", "dozens of people killed"
        for child in owner.children:
            hit = word(child)
            if (
                hit
                and child.dep_ in _MODIFIERS
                and not _subset_clause(child)
                and _victim_subject(child, hit, False)
            ):
                return hit, child, False
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "of" and (hit := word(head.head)):
        return hit, head.head, True  # "the deaths of 12 people"
    if noun.dep_ in _OBJECTS and (hit := word(head)):
        return hit, head, True  # "killed 12 people", "wounding dozens"
    if noun.dep_ in _SUBJECTS:
        hit = word(head)
        if hit and _victim_subject(head, hit, noun.dep_ == "nsubjpass"):
            return hit, head, True  # "12 people were killed", "20 injured", "12 died"
    if noun.dep_ in _SUBJECTS + _OBJECTS:  # "are feared dead", "left 3 people dead"
        for comp in _complements(head):
            hit = word(comp)
            if hit and _victim_subject(comp, hit, False):
                return hit, comp, True
    return None


def _toll_kind(noun: Token, hits: dict[int, _Hit]) -> tuple[_Hit, Token, bool] | None:
    """ "the death toll rose to 45", "a death toll of 45", "the toll reached 45"."""

    def toll(token: Token) -> _Hit | None:
        hit = hits.get(token.i)
        return hit if hit is not None and hit.entry.role == "toll" else None

    def toll_argument(verb: Token) -> tuple[_Hit, Token, bool] | None:
        for child in verb.children:
            if child.dep_ in _SUBJECTS + ("dobj",) and (hit := toll(child)):
                return hit, child, False
        return None

    if noun.dep_ == "pobj" and noun.head.lower_ in _TOLL_PREPS:
        owner = noun.head.head
        if (hit := toll(owner)) is not None:
            return hit, owner, False
        return toll_argument(owner)
    if noun.dep_ in ("attr", "dobj"):
        return toll_argument(noun.head)
    return None


def _group(noun: Token) -> list[Token]:
    """The coordinated nouns `noun` stands among, first conjunct first."""
    first = noun
    while first.dep_ == "conj" and first.head.pos_ in _NOMINAL:
        first = first.head
    return [first, *(c for c in first.conjuncts if c.i > first.i and c.pos_ in _NOMINAL)]


def _member_range(
    token: Token, numbered: dict[int, Quantity], subjects: bool
) -> tuple[int | None, int | None]:
    """What one coordinated noun adds: its number, else 1 for one person, 2.. for a plural.

    Nouns without a number only count in a coordinated subject ("the governor and
    several guards were hurt"); in an object they are too often misparsed things
    ("injuring 25 people and damaging churches").
    """
    if token.i in numbered:
        return numbered[token.i].min, numbered[token.i].max
    if not subjects:
        return 0, None
    if token.tag_ in ("NNS", "NNPS") or token.lower_ in ("they", "them"):
        return 2, None
    if token.pos_ in ("NOUN", "PROPN") or token.lower_ in ("he", "she", "him", "her"):
        return 1, 1
    return None, None


def _sum(ranges: list[tuple[int | None, int | None]]) -> tuple[int | None, int | None]:
    lows = [lo for lo, _ in ranges if lo is not None]
    highs = [hi for _, hi in ranges]
    low = sum(lows) if lows else None
    high = None if any(h is None for h in highs) else sum(h for h in highs if h is not None)
    return low, high


def _sentence_counts(doc: Doc, sent: Span, index: int) -> list[Count]:
    hits = _kind_hits(sent)
    if not hits:
        return []
    quantities = find_quantities([t.lower_ for t in sent])
    found: list[tuple[Quantity, Token, Token]] = []  # (quantity in doc tokens, head, noun)
    for q in quantities:
        q = Quantity(q.start + sent.start, q.end + sent.start, q.min, q.max)
        head = _quantity_head(doc, q)
        noun = _counted(head, set(range(q.start, q.end)))
        if not _is_subset(noun) and not _is_year(doc, q):
            found.append((q, head, noun))
    numbered = {noun.i: q for q, _, noun in found}
    counts: list[Count] = []
    done: set[tuple[str, int]] = set()
    for q, head, noun in found:
        group = _group(noun)
        anchor = _toll_kind(head, hits) or _word_kind(group[0], hits)
        if anchor is not None and not anchor[2]:  # said of the first conjunct alone
            anchor = anchor if noun is group[0] else _word_kind(noun, hits)
            group = [noun]
        if anchor is None or (anchor[0].entry.kind, group[0].i) in done:
            continue
        hit, word, _ = anchor
        done.add((hit.entry.kind, group[0].i))
        low, high = (
            (q.min, q.max)
            if len(group) == 1
            else _sum([_member_range(m, numbered, group[0].dep_ in _SUBJECTS) for m in group])
        )
        if hit.entry.role == "toll" and _beyond(head):
            low, high = (None if low is None else low + 1), None
        first = group[0].left_edge.i if len(group) > 1 else min(q.start, noun.i)
        last = max(q.end - 1, noun.i, *(m.i for m in group), *hit.tokens, word.i)
        first = min(first, *hit.tokens, word.i)
        start, end = doc[first].idx, doc[last].idx + len(doc[last])
        if _PARAGRAPH_BREAK.search(doc_text(doc), start, end):
            continue  # a misparse across a heading or a dateline
        counts.append(Count(hit.entry.kind, low, high, doc_text(doc)[start:end], start, end, index))
    taken = {m.i for _, _, noun in found for m in _group(noun)}
    return counts + _lone_counts(doc, hits, taken, index)


def _beyond(number: Token) -> bool:
    """ "the death toll exceeded 100": the number is passed, so it is a lower bound."""
    verb = number.head.head if number.dep_ == "pobj" else number.head
    return number.dep_ in ("dobj", "attr", "pobj") and verb.lemma_.lower() in load_words().beyond


def _one_person(token: Token) -> bool:
    """A single person named without a number: "him", "a journalist", "Ahmed Ali"."""
    if token.lower_ in ("he", "she", "him", "her"):
        return True
    if token.conjuncts or any(c.dep_ == "nummod" for c in token.children) or _is_subset(token):
        return False
    if token.pos_ == "PROPN":
        return token.ent_type_ == "PERSON"
    return token.tag_ == "NN" and token.lemma_.lower() in load_words().people


def _victims(token: Token, hit: _Hit) -> list[Token]:
    """Who a kind word says it happened to: the object of "shot him dead", the subject of
    "a policeman was killed" or "a child died", the "of" phrase of "the death of a priest"."""
    if token.pos_ in ("NOUN", "PROPN"):
        return [g for c in token.children if c.lower_ == "of" for g in c.children]
    if token.pos_ not in ("VERB", "AUX"):
        return []
    passive = any(c.dep_ == "nsubjpass" for c in token.children)
    deps = _SUBJECTS if _victim_subject(token, hit, passive) else ("dobj", "obj")
    return [c for c in token.children if c.dep_ in deps]


def _lone_counts(doc: Doc, hits: dict[int, _Hit], taken: set[int], index: int) -> list[Count]:
    """One person killed, hurt, held or taken with no number written: 1..1."""
    counts, seen = [], set()
    for position, hit in sorted(hits.items()):
        token = doc[position]
        if hit.entry.role != "word" or _negated(token) or (hit.entry.kind, hit.tokens) in seen:
            continue
        for victim in _victims(token, hit):
            if victim.i in taken or not _one_person(victim):
                continue
            seen.add((hit.entry.kind, hit.tokens))
            first = min(victim.left_edge.i, *hit.tokens)
            last = max(victim.i, *hit.tokens)
            start, end = doc[first].idx, doc[last].idx + len(doc[last])
            text = doc_text(doc)[start:end]
            counts.append(Count(hit.entry.kind, 1, 1, text, start, end, index))
            break
    return counts


def find_counts(doc: Doc) -> list[Count]:
    """Every casualty statement in the doc, in text order (char offsets into doc.text)."""
    counts: list[Count] = []
    for index, sent in enumerate(doc.sents):
        counts.extend(_sentence_counts(doc, sent, index))
    return sorted(counts, key=lambda c: (c.start, c.end))
