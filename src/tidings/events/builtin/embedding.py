"""What a sentence's triggers say together: frames, reported speech, intent and purpose.

An event word governed by another is often not an event of its own: "called for talks"
is an appeal to meet (026), "vowed to attack" a threat of force (138), "refused to
release" a refusal to yield (1243), "denied attacking" a denial (016). The governing
word's frame (`cues.tsv`) and the table `frames.tsv` give the code of the whole, and the
governed event is not coded apart. Reported speech keeps the reported event and drops
the reporting verb ("the White House announced ... agreed"); "X said Y must ..." is a
demand by X of Y, and a future event in reported speech ("said it would withdraw") is
read as intent or threat, as CAMEO codes statements of what an actor will do; a plain
"X will withdraw" is coded as the act with future modality, as PETRARCH codes it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import cast

from spacy.tokens import Token

from tidings.events.builtin import governing
from tidings.events.builtin.governing import FRAME_PREPS, OBJECT_DEPS
from tidings.events.builtin.lexicon import Lexicon, TriggerEntry
from tidings.events.frames import ACTING, FRAME_ROLES, SAME, Frames
from tidings.events.ontology import Ontology
from tidings.model import Modality

__all__ = ["Planned", "Trigger", "plan"]

GOVERNING_ROLES = tuple(r for r in FRAME_ROLES if r != "cease")
SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
DENY_CODE = "016"
APPEAL_CODE = "020"
# a word that both intends and threatens (want, plan, vow) threatens only coercion and force
HOSTILE_ROOT = "13"
STATEMENT_ROOT = "01"  # public statements: "announced sanctions" is the sanctions
DE_ESCALATE = "087"  # "urged X not to attack": what is asked is de-escalation
ASKING = frozenset({"appeal", "demand"})


@dataclass(frozen=True, slots=True)
class Trigger:
    """A matched trigger before its event records are written."""

    head: Token
    tokens: tuple[Token, ...]
    entry: TriggerEntry
    consumed: int | None = None  # an object token whose wording the entry already used


@dataclass(frozen=True, slots=True)
class Planned:
    """A trigger to write, with the code and modality the sentence gives it."""

    trigger: Trigger
    code: str
    modality: Modality
    borrowed: Trigger | None = None  # a governed event whose target the frame may take
    speaker: Token | None = None  # "X said Y must ...": the demand is X's ...
    addressee: Token | None = None  # ... and is made of Y (None: the event's own target)
    reporter: Token | None = None  # "X said Y attacked Z": the reporting verb, see `coder`


def _wished_actor(clause: Token, governor: Token) -> Token | None:
    """Whom a "want"-type word wants to act, when not its own subject: "wants Putin to
    attack" (parsed with Putin as the clause's subject or as the word's object)."""
    subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
    if subject is None and clause.dep_ == "xcomp":
        subject = next((c for c in governor.children if c.dep_ in ("dobj", "obj")), None)
    if subject is None or subject.pos_ == "PRON" or _subject(governor) is None:
        return None
    return subject


def _subject(token: Token) -> Token | None:
    return next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def plan(triggers: list[Trigger], lexicon: Lexicon, frames: Frames) -> list[Planned]:
    """The events of one sentence's triggers, frames applied and governed events dropped."""
    heads = {t.head.i: t for t in triggers}
    code = {t.head.i: t.entry.code for t in triggers}
    modality: dict[int, str] = {
        t.head.i: governing.modality(
            governing.mood_bearer(t.head, t.entry.pos == "NOUN", lexicon), lexicon
        )
        for t in triggers
    }
    dropped: set[int] = set()
    borrowed: dict[int, Trigger] = {}
    speech: dict[int, tuple[Token, Token | None]] = {}
    reporters: dict[int, Token] = {}
    for trigger in triggers:
        head = trigger.head
        governed_purpose = head.head.i in heads or _has_trigger_object(head.head, heads)
        if governing.is_purpose(head) and governed_purpose:
            dropped.add(head.i)
            continue
        if _toll_of(head, heads, lexicon):
            # "shelled the city, killing eight": the shelling's toll; its dead are the
            # attack's targets when it names none ("a bomb exploded, killing three")
            dropped.add(head.i)
            borrowed.setdefault(head.head.i, trigger)
            continue
        if head.dep_ == "acl" and head.head.i in heads and heads[head.head.i].entry.pos == "NOUN":
            dropped.add(head.i)  # "an attack targeting civilians": the noun's own phrase
            continue
        ceased = governing.ceasing(head, heads, lexicon)
        if ceased is not None:
            # "stopped attacking": de-escalation (087), its mood the stopping's; an act that
            # stopping has no code for is not coded
            stopped = frames.lookup({"cease"}, code[head.i])
            if stopped is None:
                dropped.add(head.i)
                continue
            code[head.i] = stopped
            verbal = ceased.pos_ == "VERB"
            modality[head.i] = governing.modality(ceased, lexicon) if verbal else "asserted"
        clause = head if ceased is None else ceased  # what a frame above governs
        found = governing.governor(clause, heads, lexicon)
        if found is None:
            if trigger.entry.pos == "NOUN" and _inside_argument(head, heads):
                dropped.add(head.i)  # "the delivery of aid" as the object of "allowed"
            continue
        governor, how = found
        roles = {r for r in GOVERNING_ROLES if lexicon.has_role(governor.lemma_, r)}
        if {"intent", "threat"} <= roles and code[head.i][:2] < HOSTILE_ROOT:
            roles.discard("threat")  # "wants to inspect" intends; "wants to attack" threatens
        ruling = heads.get(governor.i)
        if ruling is None and not roles and governing.unrealised_by_noun(governor, how, lexicon):
            modality[head.i] = "hypothetical"  # "pressure to help Iran": wanted, not done
            continue
        acting = [r for r in ACTING if r in roles and frames.lookup({r}, code[head.i]) == SAME]
        told = governing.modality(governor, lexicon) == "asserted"  # "did not order": no arrest
        if acting and told and how in ("clause", "object") and modality[head.i] == "asserted":
            # "pledged to expel": the expulsion, pledged (future), not a threat;
            # "ordered the arrest of X": the arrest, not a demand
            modality[head.i] = ACTING[acting[0]]
            if ruling is not None:
                dropped.add(ruling.head.i)
            if acting[0] == "command":
                speech[head.i] = (governor, None)  # whoever ordered it did it
            continue
        if how == "clause" and lexicon.has_role(governor.lemma_, "speech") and not roles:
            if ruling is not None:
                dropped.add(ruling.head.i)  # the report, not the reporting, is the event
            if modality[head.i] == "obligation":
                speech[head.i] = (governor, _subject(head))
            else:
                reporters[head.i] = governor
            continue
        wished = _wished_actor(clause, governor) if how == "clause" and ruling is None else None
        if wished is not None and roles & {"intent", "threat"}:
            # "Obama wants Putin to attack": an appeal to Putin, not Putin's threat
            # "does not want Putin to attack" asks him not to, as "wants him not to" does
            asked = _asked(head, _asked(governor, code[head.i]))
            code[head.i] = frames.lookup({"appeal"}, asked) or APPEAL_CODE
            modality[head.i] = "asserted"
            speech[head.i] = (governor, wished)
            continue
        if roles and (how in ("clause", "object") or how in FRAME_PREPS):
            governed = _asked(head, code[head.i]) if roles & ASKING else code[head.i]
            # an acting frame keeps the act only as read above ("pledged to expel"); here,
            # governed some other way ("pledged in protest"), it frames nothing
            framing = roles - ACTING.keys()
            framed = DENY_CODE if "deny" in roles else frames.lookup(framing, governed)
            # a framed 13x code is the threat itself, which was made, and a framed 016 the
            # denial itself: asserted, as gold sets count them (the threatened or denied act
            # is not coded apart)
            mood = "asserted"
            if ruling is not None:
                code[ruling.head.i] = framed or code[ruling.head.i]
                modality[ruling.head.i] = (
                    mood if modality[ruling.head.i] == "asserted" else (modality[ruling.head.i])
                )
                borrowed[ruling.head.i] = trigger
                dropped.add(head.i)
            elif framed is not None:
                code[head.i], modality[head.i] = framed, mood
        elif ruling is not None and how == "object" and _yields(code[ruling.head.i], code[head.i]):
            dropped.add(ruling.head.i)  # "announced sanctions": the sanctions are the event
        elif ruling is not None and how == "object" and _lends(ruling, lexicon):
            dropped.add(ruling.head.i)  # "committed attacks": the attacks, by the subject
        elif ruling is not None and how in ("clause", "object", "for"):
            dropped.add(head.i)  # "offered to help", "condemned the attack": one event
        elif trigger.entry.pos == "NOUN" and _inside_argument(head, heads):
            dropped.add(head.i)
    # "a report alleged that X helped to carry out killings": what is alleged is the
    # allegation's content, not an event of its own
    dropped |= {t.head.i for t in triggers if _alleged(t.head, lexicon)}
    out: list[Planned] = []
    for trigger in triggers:
        i = trigger.head.i
        if i in dropped:
            continue
        mood = modality[i]
        speaker, addressee = speech.get(i, (None, None))
        if mood == "obligation":
            if speaker is not None:
                code[i] = frames.lookup({"demand"}, code[i]) or "100"
            mood = "asserted" if speaker is not None else "hypothetical"
        elif mood == "negated-future" or (mood == "future" and i in reporters):
            roles = {"reject"} if mood == "negated-future" else {"intent", "threat"}
            refusal = frames.lookup(roles, code[i])
            code[i] = refusal or code[i]
            # "said it would not provide aid" is a refusal, and the refusal was made
            refused = "asserted" if refusal else "negated"
            mood = refused if mood == "negated-future" else "future"
        final = cast(Modality, mood)
        planned = Planned(trigger, code[i], final, borrowed.get(i), speaker, addressee)
        out.append(replace(planned, reporter=reporters.get(i)))
    return out


def _toll_of(head: Token, heads: dict[int, Trigger], lexicon: Lexicon) -> bool:
    """A killing or wounding participle with no subject of its own, hung on a violent
    verb ("bombarded X, killing at least eight people"): the toll of that attack."""
    attack = heads.get(head.head.i)
    return (
        head.dep_ == "advcl"
        and head.tag_ == "VBG"
        and attack is not None
        and attack.entry.pos == "VERB"
        and Ontology.is_violent(attack.entry.code)
        and lexicon.word_has_role(head, "toll")
        and not any(c.dep_ in SUBJECT_DEPS for c in head.children)
    )


def _alleged(head: Token, lexicon: Lexicon) -> bool:
    """Whether an event word lies inside what an accusing word says ("alleged that ...");
    the clause must open with "that", as a misread "charging papers pointed out" does not."""
    return any(
        a.dep_ == "ccomp"
        and lexicon.has_role(a.head.lemma_, "accuse")
        and any(c.dep_ == "mark" and c.lower_ == "that" for c in a.children)
        for a in (head, *head.ancestors)
    )


def _asked(head: Token, code: str) -> str:
    """What an appeal or demand asks for: the governed act, or de-escalation when the act
    is violence asked not to be done ("urged Russia not to attack"); `head` is the word
    whose negation counts."""
    if Ontology.is_violent(code) and any(c.dep_ == "neg" for c in head.children):
        return DE_ESCALATE
    return code


def _inside_argument(noun: Token, heads: dict[int, Trigger]) -> bool:
    """An event noun nested in another event's phrase ("expressed sorrow for the
    shootings", "an agreement on the release of prisoners") is part of that event, as
    PETRARCH codes one event per clause: the first verb up the tree ends the search."""
    current = noun
    while current.head.i != current.i and current.pos_ != "VERB":
        if current.head.i in heads:
            # "the attack killed five": a subject is the event's cause, not its argument
            return current.dep_ not in SUBJECT_DEPS
        current = current.head
    return False


def _yields(statement: str, governed: str) -> bool:
    """A bare public statement (01x) yields to the more specific event it announces."""
    return statement.startswith(STATEMENT_ROOT) and not governed.startswith(STATEMENT_ROOT)


def _lends(ruling: Trigger, lexicon: Lexicon) -> bool:
    """A light verb coded by its own default sense ("commit" 030, a pledge) only lends its
    subject to an event noun it takes as object: "committed attacks", "committed a
    massacre" are the attacks and the massacre. A sense read from the object's wording
    ("opened fire", "held talks") already is that event."""
    return not ruling.entry.objects and lexicon.word_has_role(ruling.head, "light")


def _has_trigger_object(verb: Token, heads: dict[int, Trigger]) -> bool:
    return any(c.dep_ in OBJECT_DEPS and c.i in heads for c in verb.children)
