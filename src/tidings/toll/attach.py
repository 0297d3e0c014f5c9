"""Give each violent or coercive event the casualty counts that belong to it.

A count in an event's own sentence goes to the event whose trigger is closest to
it in the parse ("killing 12" hangs off "attacked"). A count in a later sentence
of the same paragraph with no violent or coercive event of its own ("Officials
said 12 people died.") goes to the nearest violent event before it. Several
counts of one kind for one event keep the highest figure reported (a toll that
rose from 12 to 15 is 15); the words of every count are kept in `text`.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections import defaultdict

from spacy.tokens import Doc, Token

from tidings.events import VIOLENT_ROOTS
from tidings.model import Casualties, EventMention
from tidings.nlp import doc_text
from tidings.toll.counts import Count, find_counts

COERCIVE_ROOTS = frozenset({14, 15, 17, 18, 19, 20})  # protest .. mass violence: may have a toll
ARREST_ROOTS = frozenset({17, 18, 19, 20})  # coerce (173 arrest) and the violent roots
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n")


def _root(event: EventMention) -> int | None:
    root = event.cameo.root.strip()
    return int(root) if root.isdigit() else None


def _takes_later_count(event: EventMention, count: Count) -> bool:
    """Whether an event may take a count from a following sentence."""
    if count.kind == "arrested":
        return _root(event) in ARREST_ROOTS or event.cameo.code.startswith("145")
    return event.cameo.root.strip() in VIOLENT_ROOTS


def _trigger(doc: Doc, event: EventMention) -> Token | None:
    span = doc.char_span(event.trigger_start, event.trigger_end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _depth(token: Token) -> int:
    return sum(1 for _ in token.ancestors)


def _tree_distance(a: Token, b: Token) -> int:
    """Edges between two tokens in the parse (large when they are in different sentences)."""
    if a.sent.start != b.sent.start:
        return 10_000
    up_a = [a, *a.ancestors]
    up_b = {t.i: n for n, t in enumerate([b, *b.ancestors])}
    for n, token in enumerate(up_a):
        if token.i in up_b:
            return n + up_b[token.i]
    return _depth(a) + _depth(b) + 2  # separate roots of one sentence


def _closest(doc: Doc, count: Count, candidates: list[tuple[EventMention, Token]]) -> int:
    """The index in `candidates` of the event whose trigger is nearest the count's words."""
    span = doc.char_span(count.start, count.end, alignment_mode="expand")
    words = list(span) if span is not None else []

    def key(n: int) -> tuple[int, int]:
        trigger = candidates[n][1]
        tree = min((_tree_distance(trigger, w) for w in words), default=10_000)
        return tree, abs(trigger.idx - count.start)

    return min(range(len(candidates)), key=key)


def _paragraphs(doc: Doc) -> list[int]:
    """Char offsets where each paragraph after the first begins."""
    return [m.end() for m in _PARAGRAPH_BREAK.finditer(doc_text(doc))]


def _highest(counts: list[Count]) -> Count:
    """The highest figure reported: largest lower bound, then largest (or open) upper bound."""

    def key(c: Count) -> tuple[bool, int, bool, int, int]:
        return c.min is not None, c.min or 0, c.max is None, c.max or 0, c.start

    return max(counts, key=key)


def _casualties(counts: list[Count]) -> Casualties:
    by_kind: dict[str, list[Count]] = defaultdict(list)
    for count in counts:
        by_kind[count.kind].append(count)
    values: dict[str, int | None] = {}
    for kind, group in by_kind.items():
        best = _highest(group)
        values[f"{kind}_min"], values[f"{kind}_max"] = best.min, best.max
    text = " | ".join(c.text for c in sorted(counts, key=lambda c: c.start))
    return Casualties(text=text, **values)


def count_casualties(
    doc: Doc, events: list[EventMention], counts: list[Count] | None = None
) -> list[EventMention]:
    """The events, in order, with `casualties` filled for those that have counts."""
    counts = find_counts(doc) if counts is None else counts
    sentence_of = {s.start: n for n, s in enumerate(doc.sents)}
    breaks = _paragraphs(doc)
    placed: list[tuple[int, EventMention, Token, int]] = []  # (event no., event, trigger, sent)
    for n, event in enumerate(events):
        trigger = _trigger(doc, event)
        if trigger is not None and _root(event) in COERCIVE_ROOTS:
            placed.append((n, event, trigger, sentence_of[trigger.sent.start]))
    owned: dict[int, list[Count]] = defaultdict(list)
    for count in counts:
        here = [(n, ev, trig) for n, ev, trig, s in placed if s == count.sentence_index]
        if here:
            best = _closest(doc, count, [(ev, trig) for _, ev, trig in here])
            owned[here[best][0]].append(count)
            continue
        paragraph = bisect.bisect_right(breaks, count.start)
        before = [
            (trig.idx, n)
            for n, ev, trig, s in placed
            if s < count.sentence_index
            and bisect.bisect_right(breaks, trig.idx) == paragraph
            and _takes_later_count(ev, count)
        ]
        if before:
            owned[max(before)[1]].append(count)
    return [
        dataclasses.replace(event, casualties=_casualties(owned[n])) if n in owned else event
        for n, event in enumerate(events)
    ]
