"""Match PETRARCH verb patterns against a parsed sentence.

A verb token is looked up by its text and lemma; multiword verbs ("WORD_+VERB",
"+VERB_PARTICLE") need their other words next to it. Each pattern of the verb's block
is matched in order: the elements after `*` against the words after the verb within
the verb's phrase (its dependency subtree without following clauses of their own, nor
relative clauses inside it), those before `*` against the words before it in the
sentence; a passive verb may also match by role, its by-agent standing before it and its
subject after it. Words need not be adjacent, as in TABARI and PETRARCH's head-word
matching, unless glued with "_" or written as one `{multi word}` item; "(TO" wants a
preposition, not the "to" of an infinitive, and a phrase's first word is no to-clause's
verb ("* HELP" is "wants help", not "wants to help"; "* TO HELP" is). The matching
pattern with the most words wins (PETRARCH's longest match), ties going to the one whose
words stand nearer the verb, then to the later line (PETRARCH-2 keeps the last of
identical patterns); with no pattern, the verb line's own code stands.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Token

from tidings.petrarch import NULL, Element, Pattern, VerbBook, VerbForm

__all__ = ["VerbMatch", "match_verb"]

# Children after the verb whose words are not the verb's phrase: clauses of their own
# (PETRARCH matches a verb's noun and prepositional phrases, not a following SBAR).
_OTHER_CLAUSES = ("advcl", "relcl", "parataxis")


@dataclass(frozen=True, slots=True)
class VerbMatch:
    verb: Token
    code: str  # NULL: the dictionary says this is no event
    pattern: Pattern | None
    roles: tuple[tuple[str, int], ...] = ()  # ("source" | "target", doc index the actor follows)
    used: frozenset[int] = frozenset()  # tokens the pattern matched
    reverse: str | None = None  # `b` of `[a:b]`
    compound: bool = False


def _same(token: Token, word: str) -> bool:
    return word in (token.lower_, token.lemma_.lower())


def _forms(book: VerbBook, verb: Token) -> list[VerbForm]:
    """The verb lines whose words stand around `verb` in the sentence."""
    found: list[VerbForm] = []
    seen: set[int] = set()
    doc = verb.doc
    for key in (verb.lower_, verb.lemma_.lower()):
        for form in book.verbs.get(key, []):
            if id(form) in seen:
                continue
            seen.add(id(form))
            before = form.words[: form.head]
            start = verb.i - len(before)
            if start < verb.sent.start or not all(
                _same(doc[start + k], w) for k, w in enumerate(before)
            ):
                continue
            if _tail(verb, form.words[form.head + 1 :]) is None:
                continue
            found.append(form)
    return found


def _tail(verb: Token, words: Sequence[str]) -> list[int] | None:
    """Where a multiword verb's later words stand: within four words, in order."""
    at, used = verb.i, []
    end = verb.sent.end
    for word in words:
        hit = next((i for i in range(at + 1, min(at + 5, end)) if _same(verb.doc[i], word)), None)
        if hit is None:
            return None
        used.append(hit)
        at = hit
    return used


def match_verb(book: VerbBook, verb: Token, compound: bool = True) -> VerbMatch | None:
    """The best-matching pattern's code for `verb`, or None when it is no dictionary verb.
    `compound`: the subject is a compound of actors, so `%` patterns may match."""
    forms = _forms(book, verb)
    if not forms:
        return None
    forms.sort(key=lambda f: -len(f.words))  # a multiword verb is the more specific
    sent = verb.sent
    after = sorted(t.i for c in verb.rights if c.dep_ not in _OTHER_CLAUSES for t in c.subtree)
    relative = {t.i for i in after if verb.doc[i].dep_ == "relcl" for t in verb.doc[i].subtree}
    after = [i for i in after if i not in relative]  # "a day before X heads to Beijing"
    near = [i for i in after if i not in _clause_words(verb)]
    views = [(list(range(sent.start, verb.i)), after, near)]
    views += _passive_view(verb, after, near)
    # words two prepositions down ("at the start of a trip"): no pattern's first word
    deep = frozenset(
        i for _, region, _ in views for i in region if _preps_above(verb.doc[i], verb) > 1
    )
    best: tuple[tuple[int, int, int], VerbMatch] | None = None
    for rank, form in enumerate(forms):
        tail = set(_tail(verb, form.words[form.head + 1 :]) or [])
        for order, pattern in enumerate(book.patterns[form.block]):
            if pattern.compound and not compound:
                continue
            # a clause with its own subject is reached only by a pattern placing an actor
            # there or spelling a phrase ("* REALLY_PLEASANT"), not by a lone word: "SAY *
            # ATTACK" does not match "said X attacked Y", whose event is X's own
            marked = any(
                e.role or e.glued or any(len(o) > 1 for o in e.options) for e in pattern.after
            )
            found = None
            for n, (before, region, near_region) in enumerate(views):
                if n and pattern.tight:
                    continue
                words = [i for i in (region if marked else near_region) if i not in tail]
                found = _match(verb, pattern, before, words, deep)
                if found is not None:
                    break
            if found is None:
                continue
            size = pattern.size * 10 + len(form.words) + pattern.compound  # "%": more specific
            # equal sizes: the words nearer the verb ("expressed appreciation for China's
            # assistance"), then the later line (PETRARCH-2 keeps the last of equal patterns)
            near_verb = -min((abs(i - verb.i) for i in found[1]), default=0)
            score = (size, near_verb, -rank * 10000 + order)
            if best is None or score > best[0]:
                match = VerbMatch(
                    verb,
                    pattern.code,
                    pattern,
                    found[0],
                    found[1],
                    pattern.reverse,
                    pattern.compound,
                )
                best = (score, match)
    if best is not None:
        return best[1]
    return VerbMatch(verb, forms[0].code, None, reverse=forms[0].reverse)


def _match(
    verb: Token, pattern: Pattern, before: list[int], after: list[int], deep: frozenset[int]
) -> tuple[tuple[tuple[str, int], ...], frozenset[int]] | None:
    """The pattern placed around the verb: its role anchors and the words it used, or
    None. `deep`: words too deep in the verb's phrase to start the words after it."""
    doc = verb.doc
    roles: list[tuple[str, int]] = []
    used: set[int] = set()
    if pattern.before:
        placed = _place(doc, pattern.before, before, 0, before[0] if before else verb.i)
        if placed is None:
            return None
        spans, marks = placed
        if pattern.tight and spans and spans[-1][1] != verb.i:
            return None
        roles += marks
        used.update(i for s, e in spans for i in range(s, e))
    if pattern.after:
        placed = _place(doc, pattern.after, after, 0, after[0] if after else verb.i + 1, deep)
        if placed is None:
            return None
        spans, marks = placed
        roles += marks
        used.update(i for s, e in spans for i in range(s, e))
    return tuple(roles), frozenset(used)


def _place(
    doc: object,
    elements: Sequence[Element],
    region: list[int],
    k: int,
    at: int,
    deep: frozenset[int] = frozenset(),
) -> tuple[list[tuple[int, int]], list[tuple[str, int]]] | None:
    """Place elements[k:] in order in `region` (doc indices) from doc index `at`:
    the spans used and the role markers' anchors, or None. The first word may not stand
    `deep` (two prepositions down: "at the start of a trip" is no "* TRIP"); the words
    after it continue its phrase, as PETRARCH-2 matches a phrase from its head."""
    if k == len(elements):
        return [], []
    element = elements[k]
    if element.role is not None:
        rest = _place(doc, elements, region, k + 1, at, deep)
        if rest is None:
            return None
        return rest[0], [(element.role, at), *rest[1]]
    allowed = set(region)
    starts = [i for i in region if i >= at and i not in deep]
    if element.glued:
        starts = [at] if at in allowed else []
    for start in starts:
        token = doc[start]  # type: ignore[index]
        if element.prep and token.dep_ == "aux":
            continue  # "(TO ...": a preposition, not the "to" of "to be fired"
        spelled_to = k > 0 and start == at and doc[start - 1].lower_ == "to"  # type: ignore[index]
        if _infinitive(token) and not spelled_to:
            continue  # "wants to help": a to-clause's verb is no noun of "* HELP" ("TO HELP" is)
        candidates = element.by_first.get(token.lower_, ())
        lemma = token.lemma_.lower()
        if lemma != token.lower_:
            candidates += element.by_first.get(lemma, ())
        for words in candidates:
            end = start + len(words)
            if all(
                start + n in allowed and _same(doc[start + n], w)  # type: ignore[index]
                for n, w in enumerate(words)
            ):
                rest = _place(doc, elements, region, k + 1, end)
                if rest is not None:
                    return [(start, end), *rest[0]], rest[1]
    return None


def _infinitive(token: Token) -> bool:
    """The verb of a to-clause ("wants to help"): it heads a verb phrase, which
    PETRARCH-2's noun words do not match."""
    return (
        token.pos_ == "VERB"
        and token.dep_ in ("xcomp", "ccomp")
        and any(c.lower_ == "to" and c.dep_ == "aux" for c in token.children)
    )


def _passive_view(
    verb: Token, after: list[int], near: list[int]
) -> list[tuple[list[int], list[int], list[int]]]:
    """A passive verb's words as PETRARCH-2 sees them, by role: its by-agent stands before
    it ("PROTESTOR *" matches "demolished by a protestor") and its subject after it ("*
    EVIDENCE" matches "Evidence ... was presented"). None for an active verb."""
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if subject is None:
        return []
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    by = sorted(t.i for t in agent.subtree if t.i != agent.i) if agent is not None else []
    clauses = {t.i for c in subject.children if c.dep_ in ("relcl", "acl") for t in c.subtree}
    words = sorted(t.i for t in subject.subtree if t.i not in clauses)
    taken = {t.i for t in agent.subtree} if agent is not None else set()  # "by" and its words
    return [
        (
            by,
            words + [i for i in after if i not in taken],
            words + [i for i in near if i not in taken],
        )
    ]


def _preps_above(token: Token, verb: Token) -> int:
    """How many prepositions stand between a word and the verb: "at the start of a
    trip" puts "trip" two deep, too deep for a pattern word, as in PETRARCH-2."""
    count, current = 0, token
    while current.i != verb.i and current.head.i != current.i:
        count += current.dep_ == "prep"
        current = current.head
    return count


def _clause_words(verb: Token) -> set[int]:
    """The words of the verb's complement clauses with a subject of their own."""
    return {
        t.i
        for c in verb.rights
        if c.dep_ == "ccomp" and any(d.dep_ in ("nsubj", "nsubjpass", "expl") for d in c.children)
        for t in c.subtree
    }


def is_event(match: VerbMatch | None) -> bool:
    """Whether the match codes an event, from the source's side or (`[:b]`) the target's."""
    return match is not None and (match.code != NULL or match.reverse is not None)
