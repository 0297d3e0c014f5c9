"""Give each event mention a date from the time expressions of its sentence.

The preferred date is the one the event's own clause governs: a time expression
whose chain of syntactic heads reaches the trigger without passing through another
verb ("attacked ... on Sunday", "the drone strike early Sunday"). Failing that, the
nearest datable expression of a clause that contains the event's; failing that, one of an
adverbial clause of the same time hanging off the event's clause ("When the army took the
town on Monday, rebels fled": the flight is Monday's too). An event in a sentence with no
time of its own (a length like "for six hours" does not count) continues the narration: it
takes the latest past day named in the few sentences before ("Troops stormed the town on
Sunday. Ten people died."). Only then the article date, marked as a fallback.

Vague ("recently"), recurring ("every Friday") and unanchored ("for two weeks") expressions
name no days and never date an event; nor does a time denied ("in 2020, not 2015"), given
up ("originally due in May") or the base of a comparison ("the biggest drop since 1987").
Past narration never reaches past the article date, unless hedged by a modal ("would have
been delivered by 2011").
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from spacy.tokens import Doc, Span, Token

from tidings.model import EventMention, TimeExpression
from tidings.when.find import find_times
from tidings.when.grammar import (
    compared_since,
    given_up,
    governor,
    modal,
    names_thing,
    negated,
    tense_of,
)
from tidings.when.lexicon import lexicon

_NOT_YET = ("future", "threat", "hypothetical")
_CARRIERS = ("dobj", "nsubjpass", "nsubj", "attr", "pobj")
_TELLING = ("ROOT", "conj", "ccomp", "advcl", "xcomp", "parataxis")  # not acl, relcl
_NARRATION = 3  # sentences back that a named day still sets the time of the narration


def date_events(
    doc: Doc,
    article_date: dt.date,
    events: list[EventMention],
    times: list[TimeExpression] | None = None,
) -> list[EventMention]:
    """The events with date, date_end, date_precision, date_text and date_is_fallback set."""
    if times is None:  # given times should be found with ranges=True, so a range is one span
        times = find_times(doc, article_date, ranges=True)
    datable = [t for t in times if t.first_day is not None and t.last_day is not None]
    return [_dated(doc, article_date, event, datable, times) for event in events]


def _dated(
    doc: Doc,
    article_date: dt.date,
    event: EventMention,
    times: list[TimeExpression],
    every: list[TimeExpression],
) -> EventMention:
    """`times` are the datable expressions; `every` also holds the vague and recurring ones
    ("recently", "every Friday"), which name no day but keep a sentence from taking one
    from the narration."""
    trigger = doc.char_span(event.trigger_start, event.trigger_end, alignment_mode="expand")
    chosen = _choose(doc, article_date, event, trigger, times) if trigger else None
    ahead = event.modality in _NOT_YET or (
        trigger is not None and tense_of(trigger.root) == "future"
    )
    if chosen is None and trigger is not None and not ahead:
        chosen = _narrated_day(doc, article_date, trigger.root.sent, times, every)
    if chosen is None:
        return dataclasses.replace(
            event,
            date=article_date,
            date_end=article_date,
            date_precision="day",
            date_text=None,
            date_is_fallback=True,
        )
    return dataclasses.replace(
        event,
        date=chosen.first_day,
        date_end=chosen.last_day,
        date_precision=chosen.precision or "day",
        date_text=chosen.text,
        date_is_fallback=False,
    )


def _narrated_day(
    doc: Doc,
    article_date: dt.date,
    sentence: Span,
    times: list[TimeExpression],
    every: list[TimeExpression],
) -> TimeExpression | None:
    """The latest past day named in the sentences just before `sentence`, if `sentence`
    names no time of its own: the day the narration is still telling of. Only a day
    carries over; a month or year names too wide a time to place the next sentence in."""
    own = [t for t in every if sentence.start_char <= t.start < sentence.end_char]
    if any(t.type != "DURATION" for t in own):
        return None  # a length ("for four hours") places nothing, so it does not count
    since = _sentences_back(sentence, _NARRATION)
    days = [
        t
        for t in times
        if since <= t.start < sentence.start_char
        and t.precision == "day"
        and t.first_day is not None
        and t.first_day <= article_date
        and _tells(doc, t)
    ]
    return max(days, key=lambda t: t.start) if days else None


def _sentences_back(sentence: Span, count: int) -> int:
    """Where the sentence `count` sentences before `sentence` starts (the first one's start
    if there are fewer): walked back from `sentence`, not found by scanning the doc."""
    for _ in range(count):
        if sentence.start == 0:
            break
        sentence = sentence.doc[sentence.start - 1].sent
    return sentence.start_char


def _describes(time_root: Token, clause: Token) -> bool:
    """Whether the time modifies a noun phrase of its clause, not the clause itself ("the
    ceasefire agreed on March 3" is the ceasefire's date): it dates that phrase only."""
    head = time_root.head
    return head.i != clause.i and head.pos_ in ("NOUN", "PROPN", "ADJ", "NUM")


def _tells(doc: Doc, time: TimeExpression) -> bool:
    """Whether a time dates a clause that tells the story, not a phrase or a relative
    clause that only describes something ("the ceasefire agreed on March 3")."""
    span = doc.char_span(time.start, time.end, alignment_mode="expand")
    clause = governor(span.root) if span is not None and len(span) else None
    if clause is None or span is None:
        return False  # also a dateline ("Thursday, August 8, 2019"), a line of its own
    if _describes(span.root, clause):
        return False
    return clause.dep_ in _TELLING


def _choose(
    doc: Doc,
    article_date: dt.date,
    event: EventMention,
    trigger: Span,
    times: list[TimeExpression],
) -> TimeExpression | None:
    """The governed expression nearest in the tree, else the nearest one whose clause
    contains the trigger's ("said on Tuesday that troops attacked ..."), else the nearest
    one of a same-time clause ("when ...") hanging off a clause that contains it."""
    sentence, root = trigger.root.sent, trigger.root
    looks_back = event.modality not in _NOT_YET and tense_of(root) == "past" and not modal(root)
    options, own, lex = [], frozenset(_targets(trigger)), lexicon()
    stray: list[TimeExpression] = []  # telling times of other clauses of the sentence
    ordinals = frozenset(lex.ordinals)
    for time in times:
        if not sentence.start_char <= time.start < sentence.end_char:
            continue
        assert time.first_day is not None
        if looks_back and time.first_day > article_date:
            continue  # past narration never reaches beyond the article date
        span = doc.char_span(time.start, time.end, alignment_mode="expand")
        if span is None or not len(span) or negated(span.root):
            continue  # "due in 2020, not 2015": the time the event is not at
        if given_up(span.root, lex.superseded):
            continue  # "originally due in May": a time the event no longer keeps
        if compared_since(span.root, ordinals):
            continue  # "the biggest drop since 1987": the base of a comparison
        hops = _hops(span.root, trigger)
        if hops is not None and names_thing(span.root, own, lex.within, lex.zones):
            continue  # "withdrawing from the 2015 agreement": the agreement's year, not this
        tier = 0 if hops is not None else 1 if _governs(span.root, root) else 2
        if tier == 2 and _set_off(span.root, root):
            tier = 1
        if tier == 2 and not _meanwhile(span.root, root):
            # "the 2015 agreement", "countries that joined after 1997": not this event's;
            # but the one day a sentence tells of, in a clause the parser set apart ("A car
            # bomb was on Monday rammed" read as "was ... [rammed on Monday]"), is its day
            if _tells(doc, time) and not _subordinate(span.root):
                stray.append(time)
            continue
        distance = min(abs(time.start - trigger.end_char), abs(trigger.start_char - time.end))
        options.append((tier, hops or 0, distance, time))
    if not options and len(stray) == 1 and stray[0].precision == "day":
        return stray[0]
    return min(options, key=lambda o: o[:3])[3] if options else None


def _subordinate(time_root: Token) -> bool:
    """Whether a time dates a clause a subordinator opens ("After the army entered the town
    on March 3, ..."), or one joined to a relative clause ("who arrived on Monday and left
    on Tuesday"): another event's time, told to place or describe this one."""
    clause = governor(time_root)
    if clause is None:
        return True
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head
    return clause.dep_ not in _TELLING or any(c.dep_ == "mark" for c in clause.children)


def _set_off(time_root: Token, trigger_root: Token) -> bool:
    """Whether a time closing a sentence after a comma ("convicted of corruption, stemming
    from his years as mayor, in 2011") dates the clause a bare participle hangs off: the
    parser hangs it on the participle beside it, but the comma sets it apart from that."""
    prep = time_root.head
    clause = prep.head
    if time_root.dep_ != "pobj" or prep.dep_ != "prep" or prep.i == 0:
        return False
    if clause.tag_ not in ("VBG", "VBN") or clause.dep_ not in ("advcl", "acl"):
        return False
    if any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in clause.children):
        return False
    if time_root.doc[prep.i - 1].text != "," or prep.i - 1 <= clause.i:
        return False
    if any(c.i > prep.i for c in clause.children if not c.is_punct):
        return False  # the participle's clause goes on after the time: it is its own
    head = clause.head
    return head.i == trigger_root.i or head in trigger_root.ancestors


def _governs(time_root: Token, trigger_root: Token) -> bool:
    """Whether the clause the time expression modifies contains the trigger."""
    clause = governor(time_root)
    if clause is None:
        return False
    if _describes(time_root, clause):
        return False
    return clause.i == trigger_root.i or clause in trigger_root.ancestors


def _meanwhile(time_root: Token, trigger_root: Token) -> bool:
    """Whether the time dates a "when/while/as" clause hanging off a clause that contains
    the trigger, so the trigger's event happened at that time too."""
    clause = governor(time_root)
    if clause is None or clause.dep_ != "advcl" or clause.i == trigger_root.i:
        return False
    if _describes(time_root, clause):
        return False
    opener = [c for c in clause.children if c.i < clause.i and c.dep_ in ("mark", "advmod")]
    if not any(c.lower_ in lexicon().meanwhile for c in opener):
        return False
    main = clause.head
    return main.i == trigger_root.i or main in trigger_root.ancestors


def _targets(trigger: Span) -> dict[int, int]:
    """Tokens whose dependents count as the trigger's own, with the hops they add.

    A nominal trigger's own clause also reaches the verb it is the object or subject of
    ("launched an attack on Sunday"), one step further away.
    """
    root = trigger.root
    targets = {t.i: 0 for t in trigger}
    if root.pos_ in ("NOUN", "PROPN") and root.dep_ in _CARRIERS:
        head = root.head.head if root.dep_ == "pobj" else root.head
        if head.pos_ in ("VERB", "AUX") and head.i not in targets:
            targets[head.i] = 1 + (root.dep_ == "pobj")
    return targets


def _hops(token: Token, trigger: Span) -> int | None:
    """Steps from `token` up to the trigger without crossing another verb, or None."""
    targets = _targets(trigger)
    hops, current = 0, token
    while True:
        if current.i in targets:
            return hops + targets[current.i]
        if hops and current.pos_ in ("VERB", "AUX"):
            return None
        if current.head.i == current.i:
            return None
        current, hops = current.head, hops + 1
