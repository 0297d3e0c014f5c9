"""Which words of a sentence are event triggers, and with which lexicon entry.

A verb matches its most specific entry whose object and preposition conditions hold; a
noun matches its longest multiword entry. Two readings depend on the words around:
an entry whose preposition says where a visit went ("attended a summit in Chile") holds
only when that preposition's object is a place, and a participle that undoes what an
event noun implies ("freed hostages", cue role `undo`) codes its own event instead.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from tidings.actors import place_country
from tidings.events.builtin.embedding import Trigger
from tidings.events.builtin.lexicon import (
    NOT_AN_EVENT,
    Lexicon,
    TriggerEntry,
    lemmas,
    object_matches,
)

__all__ = ["TriggerMatcher"]

VERB_TAGS = ("VERB",)
NOUN_TAGS = ("NOUN", "PROPN")
ADJECTIVAL_DEPS = ("amod", "acomp")  # "the targeted attack": a participle, not an event
NOMINAL_DEPS = ("nsubj", "nsubjpass", "dobj", "obj", "pobj", "conj")  # "unlike the accused"
OBJECT_DEPS = ("dobj", "obj", "nsubjpass", "attr", "acomp")
VISIT = "042"  # a visit goes to the country of the place it names
PLACE_LABELS = ("GPE", "LOC", "FAC")
MODIFIER_DEPS = ("compound", "amod", "nmod")
# names whose words are no events; not EVENT ("the Christchurch Shooting" is one)
NAME_LABELS = ("DATE", "TIME", "WORK_OF_ART", "LAW", "PRODUCT")
HEAD_NAME_LABELS = ("ORG", "FAC", "PERSON")  # only the name's last word


class TriggerMatcher:
    """Finds a sentence's triggers in one lexicon."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon

    def verb_entry(self, verb: Token) -> tuple[TriggerEntry, Token | None] | None:
        verbs = self.lexicon.verbs
        entries = next((verbs[w] for w in lemmas(verb) if w in verbs), None)
        if not entries:
            return None
        preps = {c.lower_ for c in verb.children if c.dep_ in ("prep", "prt", "agent")}
        # "pleaded guilty": an adjective complement is matched as an object too
        objects = [c for c in verb.children if c.dep_ in OBJECT_DEPS]
        # "received assurances from X": the parser may hang the verb's "from" on its object
        # and in the passive on its subject: "evidence against X was presented by Y"
        preps |= {c.lower_ for o in objects if o.dep_ in ("dobj", "obj", "nsubjpass")
                  for c in o.children if c.dep_ == "prep"}  # fmt: skip
        holders = [verb, *(o for o in objects if o.dep_ in ("dobj", "obj", "nsubjpass"))]
        objects += [p for c in verb.children if c.dep_ == "prep" for p in c.children]
        if verb.dep_ == "acl" and verb.tag_ == "VBN":
            objects.append(verb.head)  # "the drafts released by ...": the noun is the object
        best: tuple[TriggerEntry, Token | None] | None = None
        for entry in entries:
            if entry.prep and entry.prep not in preps:
                continue
            if entry.prep and entry.code == VISIT and not _place_after(holders, entry.prep):
                continue  # "attend a meeting in June": the time, not a host
            used = None
            if entry.objects:
                # a wording that is no event names the object itself: "committed suicide
                # attacks" are attacks, "signed a law enforcement pact" a pact
                idiom = entry.code == NOT_AN_EVENT
                used = next((o for o in objects if object_matches(o, entry.objects, idiom)), None)
                if used is None:
                    continue
            if best is None or entry.specificity > best[0].specificity:
                best = (entry, used)
        return best

    def noun_entry(self, noun: Token) -> tuple[TriggerEntry, tuple[Token, ...]] | None:
        modifiers = [c for c in noun.lefts if c.dep_ in MODIFIER_DEPS]
        for size in range(min(self.lexicon.longest_noun, len(modifiers) + 1), 0, -1):
            tokens = (*modifiers[len(modifiers) - size + 1 :], noun)
            key = tuple(t.lemma_.lower() for t in tokens)
            entries = self.lexicon.nouns.get(key)
            if entries:
                best = max(entries, key=lambda e: e.specificity)
                return self._undone(noun, modifiers) or (best, tokens)
        return None

    def _undone(
        self, noun: Token, modifiers: list[Token]
    ) -> tuple[TriggerEntry, tuple[Token, ...]] | None:
        """ "the freed hostages", "released detainees": a participle that ends the state
        the noun implies is the event, coded as its verb (0841), not the noun's (181)."""
        for modifier in (m for m in modifiers if m.dep_ == "amod"):
            for lemma in _participle_lemmas(modifier):
                if not self.lexicon.has_role(lemma, "undo"):
                    continue
                plain = [e for e in self.lexicon.verbs.get(lemma, ()) if not e.objects]
                code = plain[0].code if plain else NOT_AN_EVENT
                words = (lemma, noun.lemma_.lower())
                return TriggerEntry(words, "NOUN", code, origin="undo"), (modifier, noun)
        return None

    def _weapon_kind(self, noun: Token) -> bool:
        """ "an assault rifle", "attack helicopters": an event word naming a kind of weapon."""
        return noun.dep_ == "compound" and noun.head.lemma_.lower() in self.lexicon.weapons

    def triggers(self, sent: Span) -> list[Trigger]:
        found: list[Trigger] = []
        for token in sent:
            if _named(token):
                continue
            if token.pos_ in VERB_TAGS and token.dep_ not in ADJECTIVAL_DEPS:
                if _people(token):
                    continue
                match = self.verb_entry(token)
                if match:
                    found.append(Trigger(token, (token,), match[0], match[1] and match[1].i))
            elif token.pos_ in NOUN_TAGS and not self._weapon_kind(token):
                noun = self.noun_entry(token)
                if noun:
                    found.append(Trigger(token, noun[1], noun[0]))
        consumed = {t.consumed for t in found if t.consumed is not None}
        return [t for t in found if t.head.i not in consumed and t.entry.code != NOT_AN_EVENT]


def _people(verb: Token) -> bool:
    """A participle standing as a noun names people, no event: "unlike the accused", "the
    wounded were taken to hospital" (a determiner, in a noun's slot, with no object)."""
    determined = any(c.dep_ == "det" for c in verb.children)
    bare = not any(c.dep_ in ("dobj", "obj", "nsubj", "nsubjpass") for c in verb.children)
    return determined and bare and verb.dep_ in NOMINAL_DEPS


def _named(token: Token) -> bool:
    """A proper noun inside a name is no event: "in March", "the Highway Patrol", "the
    Iran Hostage Crisis", "the Bishops' Conference"."""
    if token.pos_ == "PROPN" and _inner_name_word(token):
        return True
    if token.pos_ != "PROPN" or not token.ent_type_:
        return False
    if token.ent_type_ in NAME_LABELS:
        return True
    # an organisation's head word names it ("the Highway Patrol"); a title-case headline's
    # words inside a misread name are not ("Court Convicts Friend of Boston Bombing Suspect")
    last = token.i + 1 == len(token.doc) or token.doc[token.i + 1].ent_iob_ != "I"
    return token.ent_type_ in HEAD_NAME_LABELS and last


def _inner_name_word(token: Token) -> bool:
    """A capitalised word before a name's head ("the Iran Hostage Crisis", "the Battle
    Creek police") names it, outside a title-case headline, where every word is capitalised
    ("Court Convicts Friend of Boston Bombing Suspect")."""
    head = token.head
    inner = token.dep_ == "compound" and head.pos_ == "PROPN" and head.i > token.i
    return inner and token.i != token.sent.start and not _title_case(token.sent)


def _title_case(sent: Span) -> bool:
    words = [t for t in sent if t.is_alpha and len(t) > 3]
    return bool(words) and sum(t.is_title for t in words) > 0.6 * len(words)


def _participle_lemmas(token: Token) -> tuple[str, ...]:
    """A modifier's verb lemmas: the parser tags "freed" in "the freed hostages" ADJ."""
    word = token.lower_
    guesses = [word[:-1], word[:-2]] if word.endswith("ed") and len(word) > 4 else []
    return (token.lemma_.lower(), *(g for g in guesses if g != token.lemma_.lower()))


def _place_after(holders: list[Token], prep: str) -> bool:
    """Whether `prep` on the verb or its object has a place as its object ("in Chile"):
    a named GPE/LOC/FAC or a gazetteer place."""
    for holder in holders:
        for child in (c for c in holder.children if c.dep_ == "prep" and c.lower_ == prep):
            for pobj in (p for p in child.children if p.dep_ == "pobj"):
                words = [c for c in pobj.lefts if c.dep_ == "compound"] + [pobj]
                if any(w.ent_type_ in PLACE_LABELS for w in words):
                    return True
                text = pobj.doc.text[words[0].idx : pobj.idx + len(pobj)]
                if place_country(text) is not None:
                    return True
    return False
