"""The phrases of a doc worth resolving into actors, built from dictionary hits.

Role words are grouped by the noun they modify ("Iraqi Prime Minister Mustafa
Al-Kadhimi" is one phrase), named bodies and countries stand alone, person and ORG
entities and subject pronouns are added, and on a clash the longer phrase keeps its
words (dictionary phrases before bare names).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from spacy.tokens import Doc

from tidings.actors import rules
from tidings.actors.lexicon import Lexicon
from tidings.actors.matching import Hit

CandKind = Literal["role", "org", "state", "demonym", "person", "pronoun"]
# Which candidate keeps words two candidates both claim (after the longer one).
CAND_RANK: dict[str, int] = {
    "org": 0, "role": 1, "state": 2, "demonym": 3, "person": 4, "pronoun": 5,
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Candidate:
    start: int  # token bounds
    end: int
    kind: CandKind
    hits: tuple[Hit, ...] = ()
    head: int = -1  # head token of a role phrase


def candidates(doc: Doc, hits: list[Hit], lexicon: Lexicon) -> list[Candidate]:
    """Non-overlapping phrases worth resolving, longest first on a clash, in text order."""
    found = []
    role_tokens = {i for h in hits if h.kind == "role" for i in range(h.start, h.end)}
    by_head: dict[int, list[Hit]] = {}
    members = lexicon.words("member_noun")
    for hit in hits:
        if hit.kind == "role":
            head = rules.role_head(doc, hit.start, hit.end, role_tokens, members)
            if head is not None:
                by_head.setdefault(head.i, []).append(hit)
        elif hit.kind in ("org", "actor"):
            head = rules.role_head(doc, hit.start, hit.end, role_tokens)
            if head is not None and head.i >= hit.end and head.ent_type_ == "PERSON":
                by_head.setdefault(head.i, []).append(hit)  # "UN chief Antonio Guterres"
            else:
                start = rules.with_determiner(doc, hit.start)
                found.append(Candidate(start, hit.end, "org", (hit,)))
        elif hit.kind in ("name", "capital"):
            start = rules.with_determiner(doc, hit.start)
            found.append(Candidate(start, hit.end, "state", (hit,)))
        elif found and found[-1].kind == "demonym" and found[-1].end == hit.start:
            prev = found.pop()  # "Bosnian Serbs": one group, named by where it lives
            found.append(Candidate(prev.start, hit.end, "demonym", (*prev.hits, hit)))
        else:
            found.append(Candidate(hit.start, hit.end, "demonym", (hit,)))
    named = {c.hits[0].start: c for c in found if c.kind == "org"}
    for head, role_hits in by_head.items():
        if _no_title(doc, head, role_hits, lexicon):
            continue
        start, end = rules.phrase_bounds(
            doc[head], min(h.start for h in role_hits), max(h.end for h in role_hits)
        )
        name = named.get(head + 1) if doc[head].pos_ == "NOUN" and end == head + 1 else None
        if name is not None:  # "the Somali militant group al-Shabab": the group's own code
            found.append(Candidate(start, name.end, "org", name.hits))
            continue
        inside = tuple(h for h in hits if start <= h.start and h.end <= end)
        found.append(Candidate(start, end, "role", inside, head))
    for ent in doc.ents:
        if ent.label_ in ("PERSON", "ORG", "NORP"):
            found.append(Candidate(ent.start, ent.end, "person"))
    for token in doc:  # "Pelosi had opposed": a surname the tagger missed, if named before
        if token.pos_ == "PROPN" and not token.ent_type_ and token.dep_ in rules.PRONOUN_DEPS:
            found.append(Candidate(token.i, token.i + 1, "person"))
    pronouns = lexicon.words("person_pronoun") | lexicon.words("group_pronoun")
    things = lexicon.words("thing_pronoun")
    for token in doc:
        deps = rules.SUBJECT_DEPS if token.lower_ in things else rules.PRONOUN_DEPS
        # "after his release", "their attack on X": the possessor of an event noun
        possessor = token.dep_ == "poss" and token.tag_ == "PRP$" and token.lower_ in pronouns
        if token.lower_ in pronouns | things and (token.dep_ in deps or possessor):
            found.append(Candidate(token.i, token.i + 1, "pronoun"))
    # names are looked up only if nothing from the dictionaries claims their words
    found.sort(key=lambda c: (c.kind == "person", c.start - c.end, CAND_RANK[c.kind], c.start))
    taken: set[int] = set()
    kept = []
    for cand in found:
        if taken.isdisjoint(range(cand.start, cand.end)):
            taken.update(range(cand.start, cand.end))
            kept.append(cand)
    return sorted(kept, key=lambda c: c.start)


def _no_title(doc: Doc, head: int, role_hits: list[Hit], lexicon: Lexicon) -> bool:
    """ "On live television Erdogan attacked": role words before a person's name that all
    name a body (kinds.tsv), right before the name, are no title of theirs; "Police and
    Crime Commissioner Stephen Mold" has one."""
    if doc[head].ent_type_ != "PERSON":
        return False
    before = [h for h in role_hits if h.end <= head]
    if not before or len(before) < len(role_hits):
        return False
    return all(
        doc[h.end - 1].lower_ in lexicon.kinds and doc[h.end].ent_iob_ == "B" for h in before
    )
