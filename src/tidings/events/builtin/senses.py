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

from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from spacy.tokens import Span, Token

from tidings.events.builtin import governing
from tidings.events.builtin.actor_index import ActorIndex
from tidings.events.builtin.embedding import Trigger
from tidings.events.builtin.event_places import prep_objects
from tidings.events.builtin.lexicon import NOT_AN_EVENT, load_lexicon
from tidings.events.builtin.roles import (
    PERSONAL,
    PREP_DEPS,
    complements,
    doers,
    instruments,
    instruments_with,
    objects,
    phrase,
    window,
)
from tidings.events.frames import load_frames
from tidings.events.ontology import Ontology, load_ontology
from tidings.events.word_classes import MODIFIER_DEPS, WordClasses, load_word_classes
from tidings.resources import package_file, read_tsv

__all__ = ["Senses", "load_senses"]

ARGUMENTS = ("object", "doer", "complement", "partner")
BUILT_IN = ("actor", "person", "military", "state", "plural", "any")
ARMED_SECTORS = frozenset({"MIL", "REB", "UAF", "IMG"})
STANDING_IN = frozenset({"it", "they", "we"})  # may stand for a country: "said it would"
QUANTITY = "quantity"  # classes.tsv: "hundreds of X", "some of X" are of X's class
NAMED = ("PERSON", "NORP", "ORG", "GPE")
# a hazard in these roles does or undergoes nothing political: a threat, alert, force,
# coercion, retreat or lifting of its warnings
NOTICE_ROOTS = ("13", "15")  # threats and alerts: a weather warning is neither
AERIAL = "195"  # weapons.tsv's aircraft and drones
TIMES = ("DATE", "TIME")


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
        doing = [*doers(head, pos), *instruments(head)]
        if any(self._hazard(d, index) for d in doing):
            return True
        # investigating a crash is an event; force on, or lifting a warning about, a
        # hazard or an animal is none
        undergone = Ontology.is_violent(code) or code[:2] in NOTICE_ROOTS
        for found in objects(head, pos):
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
        if any(index.at(d) is not None for d in doers(head, trigger.entry.pos)):
            return False
        lexicon = load_lexicon()
        sentences = window(head)
        for token in (t for s in sentences for t in s if t.i != head.i):
            if token.lemma_.lower() in self.weapons:
                return False
            entries = lexicon.nouns.get((token.lemma_.lower(),), ())
            if token.pos_ == "NOUN" and any(Ontology.is_violent(e.code) for e in entries):
                return False  # "a suicide bomber crashed into a patrol", "the attack"
        return self._near_hazard(sentences)

    def _near_hazard(self, sentences: list[Span]) -> bool:
        """A hazard word in the sentences (`window`: a token's sentence and the two before)."""
        return any("hazard" in self.classes.of(t.lemma_) for s in sentences for t in s)

    def _hazard(self, token: Token, index: ActorIndex) -> bool:
        if self.classes.has(token, "hazard") or self.classes.has(token, "animal"):
            return True
        if "bare-hazard" in self.classes.of(token.lemma_) and _bare(token):
            return True  # "a fire destroyed the homes"; not "Israeli fire"
        return "notice" in self.classes.of(token.lemma_) and self._notice(token, index)

    def _notice(self, noun: Token, index: ActorIndex) -> bool:
        """A bare warning or alert noun, with no actor in its phrase, in or after sentences
        about a storm: "Yellow warnings were issued nationwide"."""
        return index.within(noun) is None and self._near_hazard(window(noun))

    def _figurative(self, trigger: Trigger) -> bool:
        """Violence done by an idea ("his politics clashed with ..."), or a violent noun
        that a modifier makes a dispute or an ailment ("a custody battle", "a heart
        attack"), or a violent verb fighting one."""
        head = trigger.head
        if any(self.classes.has(d, "abstract") for d in doers(head, trigger.entry.pos)):
            return True
        if trigger.entry.pos != "NOUN":  # "fought a custody battle", "fought the election"
            return any(self.classes.has(o, "contest") for o in objects(head, "VERB"))
        modifiers = [c for c in head.children if c.dep_ in MODIFIER_DEPS]
        return any("contest" in self.classes.of(m.lemma_) for m in modifiers)

    def _by_weapon(self, trigger: Trigger, code: str) -> str:
        """Unspecified force (190) done by or with aircraft is an air or drone strike
        (195): "hit by drone strikes", "carried out the attack using drones". Other
        weapons are left to the gold sets' reading ("killed in tank shelling" is 190)."""
        if code != "190":
            return code
        head = trigger.head
        holders = [*instruments(head), *instruments_with(head)]
        if trigger.entry.pos == "NOUN" and head.head.pos_ == "VERB":
            holders += instruments_with(head.head)
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
            tokens = complements(head)
        elif condition.argument == "partner":
            tokens = prep_objects(head, ("with", "against"), PREP_DEPS)
        elif condition.argument == "doer":
            tokens = doers(head, pos)
        else:
            tokens = objects(head, pos)
        found = any(self._is(t, condition.word_class, index) for t in tokens)
        return not found if condition.negated else found

    def _is(self, token: Token, name: str, index: ActorIndex) -> bool:
        if name == "any":
            return True
        counted = token.pos_ == "NUM" or QUANTITY in self.classes.of(token.lemma_)
        if counted and any(
            self._is(p, name, index) for p in prep_objects(token, ("of",), PREP_DEPS)
        ):
            return True  # "hundreds of UN troops", "some of the prisoners": who they are
        if name == "actor" and any(index.at(t) is not None for t in phrase(token)):
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


def _bare(noun: Token) -> bool:
    """A noun with a determiner at most, and times: "a fire on Sunday morning"."""
    for child in noun.children:
        words = [t for t in child.subtree if t.dep_ not in ("prep", "det")]
        if child.dep_ != "det" and not all(t.ent_type_ in TIMES for t in words):
            return False
    return True


# -- loading -------------------------------------------------------------------------
def load_senses(
    path: Path | None = None, classes: WordClasses | None = None, ontology: Ontology | None = None
) -> Senses:
    if path is None and classes is None and ontology is None:
        return _packaged_senses()
    return _read_senses(
        Path(path) if path else package_file("tidings.events.builtin", "data/senses.tsv"),
        classes or load_word_classes(),
        ontology or load_ontology(),
    )


@cache
def _packaged_senses() -> Senses:
    return _read_senses(
        package_file("tidings.events.builtin", "data/senses.tsv"),
        load_word_classes(),
        load_ontology(),
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
