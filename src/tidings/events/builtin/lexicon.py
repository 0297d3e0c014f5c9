"""The trigger lexicon and cue words, loaded once from the package's TSV files.

A trigger entry says which CAMEO code a word signals, optionally only when its object
or preposition is one of a few words ("impose sanctions" 163, "impose a curfew" 1723).
The most specific entry that matches wins, so generic wording falls back to the word's
default and never to a wrong specific code.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path

from spacy.tokens import Token

from tidings.events.ontology import Ontology, load_ontology
from tidings.resources import package_file, read_roles, read_tsv

__all__ = [
    "CUE_ROLES",
    "NOT_AN_EVENT",
    "Lexicon",
    "TriggerEntry",
    "build_lexicon",
    "load_lexicon",
    "object_matches",
]

NOT_AN_EVENT = "-"
POS = ("VERB", "NOUN")
CUE_ROLES = (
    "speech",
    "light",
    "future",
    "hypothetical",
    "obligation",
    "reciprocal",
    "document",  # a report or statement: its source may be the country it was released in
    "recipient",  # the subject receives: "received weapons from X" is X's aid to the subject
    "mover",  # the object is the subject's own, moved: "withdrew its troops from X" targets X
    "victim",  # the subject died of the violence its clause names: "X died in an attack"
    "reason",  # "in protest at X's refusal", "in retaliation for X's raid": done to X
    "culprit",  # "X is responsible for the blast", "guilty of the bombing"
    "undo",  # a modifier ending what an event noun implies: "freed hostages" (0841, not 181)
    "cease",  # a word stopping the act it governs: "stop attacking" (087), see frames.tsv
    "unrealised",  # a noun whose "to" clause is wanted, not done: "pressure to help X"
    "toll",  # "shelled X, killing eight": a participle giving an attack's dead, not an event
    "undergoer",  # a noun whose possessor undergoes it: "the journalist's arrest"
    "answerable",  # "accused X of attacking", "arrested for killing": X did the gerund's act
    "crowd",  # "injured dozens", "thousands were arrested": an unnamed count of people
    "sent",  # a noun whose "from" names its doer: "an apology from X", "aid from X"
    # frames: a word that codes what it governs ("called for talks", "vowed to attack")
    "appeal",
    "intent",
    "demand",
    "reject",
    "threat",
    "deny",
    "accuse",
    "commit",
    "command",
    # frames.tsv only, for reported speech: a speaker reporting another's violence
    # alleges it (112), its own violence claims it (015)
    "allege",
    "claim",
)


@dataclass(frozen=True, slots=True)
class TriggerEntry:
    words: tuple[str, ...]  # lemmas, e.g. ("drone", "strike")
    pos: str
    code: str  # CAMEO code, or NOT_AN_EVENT
    objects: frozenset[str] = frozenset()  # lemmas; "arms shipment" needs both words
    prep: str | None = None
    mode: str | None = None
    origin: str = "built-in"  # where the entry came from, e.g. "CAMEO.2.0.txt:1075"

    @property
    def specificity(self) -> int:
        multiword = any(" " in o for o in self.objects)
        return len(self.words) * 4 + 2 * bool(self.objects) + multiword + bool(self.prep)


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, tuple[TriggerEntry, ...]]
    nouns: dict[tuple[str, ...], tuple[TriggerEntry, ...]]
    cues: dict[str, frozenset[str]]  # lemma -> roles
    weapons: dict[str, str] = field(default_factory=dict)  # lemma -> code of an attack with it

    @cached_property
    def longest_noun(self) -> int:
        return max((len(k) for k in self.nouns), default=1)

    def has_role(self, lemma: str, role: str) -> bool:
        return role in self.cues.get(lemma.lower(), frozenset())

    def word_has_role(self, token: Token, *roles: str) -> bool:
        """`has_role` (any of `roles`) for a token, trying its regular base forms when the
        parser's lemma is wrong ("staged" lemmatised as "stag")."""
        return any(self.has_role(lemma, r) for lemma in lemmas(token) for r in roles)


def lemmas(token: Token) -> tuple[str, ...]:
    """The token's lemma, then for a verb the base forms its regular inflection allows
    ("staged" -> stage, stag; "staging" -> stage, stag): spaCy misreads some verbs."""
    lemma = token.lemma_.lower()
    if token.pos_ not in ("VERB", "AUX"):
        return (lemma,)
    word = token.lower_
    guesses: list[str] = []
    if word.endswith("ed") and len(word) > 4:
        guesses += [word[:-1], word[:-2]]
    elif word.endswith("ing") and len(word) > 5:
        guesses += [word[:-3] + "e", word[:-3]]
    elif word.endswith("es") and len(word) > 4:
        guesses += [word[:-1], word[:-2]]
    elif word.endswith("s") and len(word) > 3:
        guesses += [word[:-1]]
    return (lemma, *(g for g in guesses if g != lemma))


def object_matches(token: Token, alternatives: frozenset[str], head_only: bool = False) -> bool:
    """Whether the phrase `token` heads has one of the wordings: its lemma or word form, or
    a modifier's ("arms embargo" matches "embargo" and "arm"); a multiword alternative
    needs its last word on the head and the others among the modifiers. `head_only`: a
    single word must be the head ("committed suicide", not "committed suicide attacks")."""
    modifiers = [c for c in token.children if c.dep_ in ("compound", "amod", "nmod")]
    head = {token.lemma_.lower(), token.lower_}
    around = {w for c in modifiers for w in (c.lemma_.lower(), c.lower_)}
    for alternative in alternatives:
        words = alternative.split()
        if len(words) == 1:
            if words[0] in head or (words[0] in around and not head_only):
                return True
        elif words[-1] in head and all(w in around for w in words[:-1]):
            return True
    return False


def _read_triggers(path: Path, ontology: Ontology) -> list[TriggerEntry]:
    entries = []
    for row in read_tsv(path, required=("lemma", "pos", "code")):
        pos, code = row["pos"].upper(), row["code"]
        if pos not in POS:
            raise row.fail(f"pos {row['pos']!r} is not one of {', '.join(POS)}")
        if code != NOT_AN_EVENT and code not in ontology:
            raise row.fail(f"code {code!r} is not a CAMEO code in the ontology table")
        words = tuple(row["lemma"].lower().split())
        if pos == "VERB" and len(words) != 1:
            raise row.fail("a VERB trigger is one lemma; put its particle in the prep column")
        objects = frozenset(w.lower() for w in row.list("object"))
        entries.append(
            TriggerEntry(
                words,
                pos,
                code,
                objects,
                row.get("prep").lower() or None,
                row.get("mode") or None,
                f"{path.name}:{row.line}",
            )
        )
    return entries


def _read_weapons(path: Path, ontology: Ontology) -> dict[str, str]:
    weapons: dict[str, str] = {}
    for row in read_tsv(path, required=("lemma", "code")):
        code = row["code"]
        if code not in ontology or not ontology.is_violent(code):
            raise row.fail(f"code {code!r} is not a CAMEO code of violence (roots 18-20)")
        if row["lemma"].lower() in weapons:
            raise row.fail(f"duplicate weapon {row['lemma']!r}")
        weapons[row["lemma"].lower()] = code
    return weapons


def build_lexicon(
    triggers: Path | None,
    cues: Path,
    ontology: Ontology,
    extra: list[TriggerEntry] | None = None,
) -> Lexicon:
    """A lexicon from a trigger table (or none) and `extra` entries (e.g. PETRARCH's);
    the table's entries come first, so they win ties of specificity."""
    verbs: dict[str, list[TriggerEntry]] = defaultdict(list)
    nouns: dict[tuple[str, ...], list[TriggerEntry]] = defaultdict(list)
    table = _read_triggers(triggers, ontology) if triggers is not None else []
    for entry in [*table, *(extra or [])]:
        if entry.pos == "VERB":
            verbs[entry.words[0]].append(entry)
        else:
            nouns[entry.words].append(entry)
    return Lexicon(
        verbs={k: tuple(v) for k, v in verbs.items()},
        nouns={k: tuple(v) for k, v in nouns.items()},
        cues=read_roles(cues, CUE_ROLES),
        weapons=_read_weapons(package_file("tidings.events.builtin", "data/weapons.tsv"), ontology),
    )


@cache
def load_lexicon() -> Lexicon:
    """The built-in lexicon (triggers.tsv and cues.tsv in tidings/events/builtin/data)."""
    return build_lexicon(
        package_file("tidings.events.builtin", "data/triggers.tsv"),
        package_file("tidings.events.builtin", "data/cues.tsv"),
        load_ontology(),
    )
