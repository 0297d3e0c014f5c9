"""Word senses by the class of an event word's arguments, before frames are read.

A trigger word's sense depends on what it is done to and by: "released prisoners" frees
people (0841), "released a report" does not; "withdrew its troops" is a military retreat,
"withdrew the bill" is not; "a storm struck the coast" is no attack, and a weather
"warning" no threat. `senses.tsv` holds a trigger entry to the sense it has when its
object or doer is of a class (`classes.tsv`), and says what it codes otherwise; general
rules here drop what hazards, accidents and animals do and what is done to animals, and
violence whose doer is an idea or whose noun a dispute ("custody battle").
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from spacy.tokens import Span, Token

from tidings.events import governing
from tidings.events.actor_index import ActorIndex
from tidings.events.embedding import Trigger, load_frames
from tidings.events.lexicon import NOT_AN_EVENT, load_lexicon
from tidings.events.ontology import Ontology, load_ontology
from tidings.resources import package_file, read_tsv

__all__ = ["Senses", "WordClasses", "load_senses", "load_word_classes"]

ARGUMENTS = ("object", "doer", "complement", "partner")
BUILT_IN = ("actor", "person", "military", "state", "plural", "any")
WORDLESS = ("actor", "state", "plural", "any")  # built-in classes with no word list of their own
ARMED_SECTORS = frozenset({"MIL", "REB", "UAF", "IMG"})
PERSONAL = frozenset({"he", "him", "his", "she", "her", "himself", "herself", "who", "whom"})
STANDING_IN = frozenset({"it", "they", "we"})  # may stand for a country: "said it would"
QUANTIFIERS = frozenset({"hundred", "thousand", "dozen", "some", "many", "most", "all", "part"})
CAUSATIVE = frozenset({"have", "get", "see", "want"})  # "have X released": X is released
NAMED = ("PERSON", "NORP", "ORG", "GPE")
MODIFIER_DEPS = ("compound", "amod", "nmod")
# a hazard in these roles does or undergoes nothing political: a threat, alert, force,
# coercion, retreat or lifting of its warnings
INSTRUMENT_PREPS = ("in", "during", "by", "from")  # "killed in a crash", "died from the virus"
NOTICE_ROOTS = ("13", "15")  # threats and alerts: a weather warning is neither
CONTEXT_SENTENCES = 2  # sentences before a bare "warnings" that may name the hazard
AERIAL = "195"  # weapons.tsv's aircraft and drones
OWNER_PREPS = ("of", "with", "for", "against", "between", "among")
APPEAL_PREPS = ("for", "on", "to")


class WordClasses:
    """lemma -> classes (classes.tsv)."""

    def __init__(self, words: dict[str, frozenset[str]]) -> None:
        self._words = words
        self.names = frozenset(c for cs in words.values() for c in cs)

    def of(self, lemma: str) -> frozenset[str]:
        return self._words.get(lemma.lower(), frozenset())

    def has(self, token: Token, name: str) -> bool:
        """The token's word, or a compound/adjective modifier of it, is of the class."""
        words = [token, *(c for c in token.children if c.dep_ in MODIFIER_DEPS)]
        return any(name in self.of(w.lemma_) or name in self.of(w.lower_) for w in words)


@dataclass(frozen=True, slots=True)
class Condition:
    argument: str
    word_class: str
    negated: bool


class Senses:
    """Checks each trigger's sense; see the module docstring."""

    def __init__(
        self,
        classes: WordClasses,
        rules: dict[tuple[tuple[str, ...], str, str], tuple[list[Condition], str]],
        weapons: dict[str, str],
    ) -> None:
        self.classes = classes
        self.rules = rules
        self.weapons = weapons

    def triggers(self, triggers: Iterable[Trigger], index: ActorIndex) -> list[Trigger]:
        """The triggers with their senses read, some recoded; one that is no event is kept
        with the code "-", so that what it governs is still read as governed ("a bill that
        would allow X to extradite Y" codes no extradition), and dropped after planning."""
        out = []
        triggers = list(triggers)
        heads = {t.head.i: t for t in triggers}
        for trigger in triggers:
            code = self._withheld(trigger, heads) or self.code(trigger, index)
            if code != trigger.entry.code:
                trigger = replace(trigger, entry=replace(trigger.entry, code=code))
            out.append(trigger)
        return out

    def code(self, trigger: Trigger, index: ActorIndex) -> str:
        entry = trigger.entry
        code = entry.code
        if self._hazardous(trigger, code, index):
            return NOT_AN_EVENT
        rule = self.rules.get((entry.words, entry.pos, code))
        if rule is not None:
            conditions, otherwise = rule
            # an entry with object words has its object's sense already ("host talks")
            checked = [c for c in conditions if not (entry.objects and c.argument == "object")]
            if checked and not any(self._holds(trigger, c, index) for c in checked):
                return otherwise
        if Ontology.is_violent(code):
            if self._figurative(trigger) or self._accident(trigger, index):
                return NOT_AN_EVENT
            return self._by_weapon(trigger, code)
        return code

    # -- general rules --------------------------------------------------------------
    def _withheld(self, trigger: Trigger, heads: dict[int, Trigger]) -> str | None:
        """An event noun in the "of" phrase of a stopping noun ("the withholding of
        security aid", "a freeze of talks") is stopped, as "withheld security aid" is
        (frames.tsv, frame cease); `plan` reads that only when the stopping noun's own
        governor does not hide it ("records relating to the withholding of aid")."""
        noun = trigger.head
        if trigger.entry.pos != "NOUN" or noun.dep_ != "pobj" or noun.head.lower_ != "of":
            return None
        stopper = noun.head.head
        lexicon = load_lexicon()
        if stopper.i in heads or not lexicon.word_has_role(stopper, "cease"):
            return None
        if governing.ceasing(noun, heads, lexicon) is not None:
            return None  # planning reads it
        return load_frames().lookup({"cease"}, trigger.entry.code) or NOT_AN_EVENT

    def _hazardous(self, trigger: Trigger, code: str, index: ActorIndex) -> bool:
        """A hazard, accident or animal as doer or instrument, or as what is done to
        ("lifted the storm warnings", "the lions were killed"); a threat or alert noun
        that names one ("a hurricane warning") or is a bare notice about one."""
        head, pos = trigger.head, trigger.entry.pos
        doers = [*_doers(head, pos), *_instruments(head)]
        if any(self._hazard(d, index) for d in doers):
            return True
        # investigating a crash is an event; force on, or lifting a warning about, a
        # hazard or an animal is none
        undergone = Ontology.is_violent(code) or code[:2] in NOTICE_ROOTS
        for found in _objects(head, pos):
            if "notice" in self.classes.of(found.lemma_) and self._hazard(found, index):
                return True
            if undergone and any(self.classes.has(found, c) for c in ("hazard", "animal")):
                return True
        if code[:2] not in NOTICE_ROOTS:
            return False
        own = [t for t in trigger.tokens if t is not head]
        modifiers = [*own, *(c for c in head.children if c.dep_ in MODIFIER_DEPS)]
        if any("hazard" in self.classes.of(m.lemma_) for m in modifiers):
            return True
        return pos == "NOUN" and self._notice(head, index)

    def _accident(self, trigger: Trigger, index: ActorIndex) -> bool:
        """Deaths and injuries told around a crash or a storm, with no actor doing them
        and no attack or weapon named in the sentence: "A bomber crashed at the airport;
        seven people were killed", "twenty people have been confirmed killed" after a
        hurricane."""
        head = trigger.head
        if any(index.at(d) is not None for d in _doers(head, trigger.entry.pos)):
            return False
        lexicon = load_lexicon()
        for token in (t for s in _window(head) for t in s if t.i != head.i):
            if token.lemma_.lower() in self.weapons:
                return False
            entries = lexicon.nouns.get((token.lemma_.lower(),), ())
            if token.pos_ == "NOUN" and any(Ontology.is_violent(e.code) for e in entries):
                return False  # "a suicide bomber crashed into a patrol", "the attack"
        return self._near_hazard(head)

    def _near_hazard(self, token: Token) -> bool:
        """A hazard word in the token's sentence or the two before."""
        return any("hazard" in self.classes.of(t.lemma_) for s in _window(token) for t in s)

    def _hazard(self, token: Token, index: ActorIndex) -> bool:
        if self.classes.has(token, "hazard") or self.classes.has(token, "animal"):
            return True
        return "notice" in self.classes.of(token.lemma_) and self._notice(token, index)

    def _notice(self, noun: Token, index: ActorIndex) -> bool:
        """A bare warning or alert noun, with no actor in its phrase, in or after sentences
        about a storm: "Yellow warnings were issued nationwide"."""
        return index.within(noun) is None and self._near_hazard(noun)

    def _figurative(self, trigger: Trigger) -> bool:
        """Violence done by an idea ("his politics clashed with ..."), or a violent noun
        that a modifier makes a dispute or an ailment ("a custody battle", "a heart
        attack"), or a violent verb fighting one."""
        head = trigger.head
        if any(self.classes.has(d, "abstract") for d in _doers(head, trigger.entry.pos)):
            return True
        if trigger.entry.pos != "NOUN":  # "fought a custody battle", "fought the election"
            return any(self.classes.has(o, "contest") for o in _objects(head, "VERB"))
        modifiers = [c for c in head.children if c.dep_ in MODIFIER_DEPS]
        return any("contest" in self.classes.of(m.lemma_) for m in modifiers)

    def _by_weapon(self, trigger: Trigger, code: str) -> str:
        """Unspecified force (190) done by or with aircraft is an air or drone strike
        (195): "hit by drone strikes", "carried out the attack using drones". Other
        weapons are left to the gold sets' reading ("killed in tank shelling" is 190)."""
        if code != "190":
            return code
        head = trigger.head
        holders = [*_instruments(head), *_with(head)]
        if trigger.entry.pos == "NOUN" and head.head.pos_ == "VERB":
            holders += _with(head.head)
        for holder in holders:
            for word in (holder, *(c for c in holder.children if c.dep_ in MODIFIER_DEPS)):
                found = self.weapons.get(word.lemma_.lower())
                if found is not None and found.startswith(AERIAL):
                    return found
        return code

    # -- conditions -----------------------------------------------------------------
    def _holds(self, trigger: Trigger, condition: Condition, index: ActorIndex) -> bool:
        head, pos = trigger.head, trigger.entry.pos
        if condition.argument == "complement":
            tokens = _complements(head)
        elif condition.argument == "partner":
            tokens = _pobjs(head, ("with",))
        elif condition.argument == "doer":
            tokens = _doers(head, pos)
        else:
            tokens = _objects(head, pos)
        found = any(self._is(t, condition.word_class, index) for t in tokens)
        return not found if condition.negated else found

    def _is(self, token: Token, name: str, index: ActorIndex) -> bool:
        if name == "any":
            return True
        counted = token.pos_ == "NUM" or token.lemma_.lower() in QUANTIFIERS
        if counted and any(self._is(p, name, index) for p in _pobjs(token, ("of",))):
            return True  # "hundreds of UN troops", "some of the prisoners": who they are
        if name == "actor" and any(index.at(t) is not None for t in _phrase(token)):
            return True  # "a suspension of air links with Serbia"
        mention = index.at(token)
        if name == "plural":  # "the leaders met", "Putin and Xi met"
            joined = any(t.dep_ in ("conj", "appos") for t in token.subtree)
            return token.tag_ in ("NNS", "NNPS") or joined  # misparsed lists too
        if name == "state":  # a country as such: "Russia withdrew from Ukraine"
            bare = mention is not None and not mention.actor.sector and mention.actor.country
            return bool(bare) or token.ent_type_ == "GPE" or token.lower_ in STANDING_IN
        if name == "military":
            armed = mention is not None and mention.actor.sector in ARMED_SECTORS
            return armed or self.classes.has(token, "military")
        if name in ("person", "actor"):
            if mention is not None or token.lower_ in PERSONAL:
                return True
            if token.ent_type_ in NAMED or (token.pos_ == "PROPN" and not token.ent_type_):
                return True  # a name the parser may tag ORG ("have Waseem released")
            words = self.classes.of(token.lemma_)
            return "person" in words or (name == "actor" and "military" in words)
        return self.classes.has(token, name)


def _window(token: Token) -> list[Span]:
    """The token's sentence and the two before it."""
    sents = list(token.doc.sents)
    here = next(i for i, s in enumerate(sents) if s.start <= token.i < s.end)
    return sents[max(0, here - CONTEXT_SENTENCES) : here + 1]


# -- arguments ---------------------------------------------------------------------
def _phrase(token: Token) -> list[Token]:
    """The words of a noun phrase that may name whose it is: the noun, its modifiers and
    possessor, and the nouns of its "of"/"with"/"for"/"against" phrases, not "on" ("a
    show on the radio") or "in" (a place)."""
    found = [token]
    for child in token.children:
        if child.dep_ in (*MODIFIER_DEPS, "poss", "appos"):
            found.append(child)
        elif child.dep_ == "prep" and child.lower_ in OWNER_PREPS:
            found += [p for c in child.children if c.dep_ == "pobj" for p in _phrase(c)]
    return found


def _passive(verb: Token) -> bool:
    participle = verb.dep_ == "acl" and verb.tag_ == "VBN"
    return participle or any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


def _pobjs(token: Token, preps: tuple[str, ...]) -> list[Token]:
    found = []
    for prep in token.children:
        if prep.dep_ in ("prep", "agent") and prep.lower_ in preps:
            found += [p for p in prep.children if p.dep_ == "pobj"]
    return found


def _doers(head: Token, pos: str) -> list[Token]:
    """Who does it: subject or agent; a participle clause's ("struck X, killing seven")
    is its verb's subject; a noun's "by" phrase, possessive or compound."""
    if pos == "NOUN":
        own = [c for c in head.children if c.dep_ in ("poss", "compound")]
        if head.dep_ in ("dobj", "obj") and head.head.pos_ == "VERB":
            # "their forces completed their withdrawal": the verb's subject did it
            own += [c for c in head.head.children if c.dep_ == "nsubj"]
        return own + _pobjs(head, ("by",))
    if _passive(head):
        return _pobjs(head, ("by",))
    subjects = [c for c in head.children if c.dep_ in ("nsubj", "csubj")]
    if head.dep_ == "acl" and head.tag_ == "VBG":
        subjects.append(head.head)  # "a storm warning ...", misparsed as a participle
    if not subjects and head.dep_ in ("advcl", "conj", "xcomp") and head.head.pos_ == "VERB":
        told = [c for c in head.head.children if c.dep_ in ("dobj", "obj")]
        if head.dep_ == "xcomp" and told:
            return told  # "urged Russia to withdraw": Russia would do it
        return _doers(head.head, pos)
    return subjects


def _objects(head: Token, pos: str) -> list[Token]:
    """What it is done to: object or passive subject (a passive conjunct's shared one, a
    causative's "have X released"), the noun a participle modifies, a verb's "of"/"about"
    phrase ("warned of floods"); a noun's "of" phrase, else its possessive or compound."""
    if pos == "NOUN":
        return _pobjs(head, ("of",)) or [c for c in head.children if c.dep_ in ("poss", "compound")]
    found = [c for c in head.children if c.dep_ in ("dobj", "obj", "nsubjpass")]
    if head.dep_ == "acl" and head.tag_ == "VBN":
        found.append(head.head)  # "the advisory, released at 11 p.m."
    if not found and head.dep_ == "conj" and _passive(head):
        found = [c for c in head.head.children if c.dep_ in ("nsubjpass", "nsubj", "dobj")]
    if not found and head.dep_ in ("ccomp", "xcomp") and head.head.lemma_ in CAUSATIVE:
        found = [c for c in head.children if c.dep_ == "nsubj"]  # "have X released"
    after = head.doc[head.i + 1] if head.i + 1 < len(head.doc) else None
    if after is not None and after.lower_ in PERSONAL and after not in found:
        found.append(after)  # "released him pending ...", misparsed
    return found + _pobjs(head, ("of", "about"))


def _instruments(head: Token) -> list[Token]:
    """What a violent passive or intransitive happened in or by: "killed in a crash"."""
    return _pobjs(head, INSTRUMENT_PREPS)


def _with(verb: Token) -> list[Token]:
    """Instruments of "with X" or "using X" ("carried out the attack using ten drones")."""
    found = _pobjs(verb, ("with",))
    for clause in (c for c in verb.children if c.dep_ in ("advcl", "xcomp")):
        if clause.lemma_.lower() == "use":
            found += [c for c in clause.children if c.dep_ in ("dobj", "obj")]
    return found


def _complements(head: Token) -> list[Token]:
    """What an appeal noun asks: "a call for talks", "calls on X", "a call to resign"."""
    found = _pobjs(head, APPEAL_PREPS)
    return found + [c for c in head.children if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB"]


# -- loading -------------------------------------------------------------------------
def load_word_classes(path: Path | None = None) -> WordClasses:
    return _packaged_classes() if path is None else _read_classes(Path(path))


@cache
def _packaged_classes() -> WordClasses:
    return _read_classes(package_file("tidings.events", "data/classes.tsv"))


def _read_classes(path: Path) -> WordClasses:
    words: dict[str, set[str]] = defaultdict(set)
    for row in read_tsv(path, required=("lemma", "class")):
        name = row["class"]
        if name in WORDLESS:
            raise row.fail(f"class {name!r} is built in (see senses.tsv); give it no words")
        words[row["lemma"].lower()].add(name)
    return WordClasses({k: frozenset(v) for k, v in words.items()})


def load_senses(
    path: Path | None = None, classes: WordClasses | None = None, ontology: Ontology | None = None
) -> Senses:
    if path is None and classes is None and ontology is None:
        return _packaged_senses()
    return _read_senses(
        Path(path) if path else package_file("tidings.events", "data/senses.tsv"),
        classes or load_word_classes(),
        ontology or load_ontology(),
    )


@cache
def _packaged_senses() -> Senses:
    return _read_senses(
        package_file("tidings.events", "data/senses.tsv"), load_word_classes(), load_ontology()
    )


def _read_senses(path: Path, classes: WordClasses, ontology: Ontology) -> Senses:
    rules: dict[tuple[tuple[str, ...], str, str], tuple[list[Condition], str]] = {}
    required = ("lemma", "pos", "code", "argument", "class", "otherwise")
    for row in read_tsv(path, required=required):
        key = (tuple(row["lemma"].lower().split()), row["pos"].upper(), row["code"])
        otherwise = row["otherwise"]
        for code in (key[2], otherwise):
            if code != NOT_AN_EVENT and code not in ontology:
                raise row.fail(f"code {code!r} is not a CAMEO code in the ontology table")
        if row["argument"] not in ARGUMENTS:
            raise row.fail(f"argument {row['argument']!r} is not one of {', '.join(ARGUMENTS)}")
        name = row["class"].removeprefix("!")
        if name not in BUILT_IN and name not in classes.names:
            raise row.fail(f"class {name!r} is neither built in nor in classes.tsv")
        conditions, before = rules.get(key, ([], otherwise))
        if before != otherwise:
            raise row.fail(f"rows of {row['lemma']} {row['code']} disagree on 'otherwise'")
        conditions.append(Condition(row["argument"], name, row["class"].startswith("!")))
        rules[key] = (conditions, otherwise)
    return Senses(classes, rules, load_lexicon().weapons)
