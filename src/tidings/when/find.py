"""Find every temporal expression in a parsed document and normalise it.

Candidates come from two places: spaCy's DATE/TIME entities (read whole by the
normaliser) and the rule patterns searched through the text, which catch what the
tagger misses ("early morning", "for two weeks"). Where candidates overlap the
longest wins. Each is read in the tense of its own clause (or forward, when it hangs off
a word that looks ahead: "postponed until Saturday"). As TimeML writes them, the two ends
of a range ("between March and May", "2009-2010") are two expressions; dating events asks
for them joined into one range instead. A time of day naming no day of its own ("at 3 pm")
moves onto the day written beside it, and becomes one expression with a day written right
next to it ("15:00 GMT Saturday").
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

from spacy.tokens import Doc, Span

from tidings.model import TimeExpression
from tidings.nlp import doc_text
from tidings.when.cues import possible
from tidings.when.dates import Norm, Tense, at_time
from tidings.when.grammar import governor, points_ahead, tense_of
from tidings.when.lexicon import lexicon
from tidings.when.narrative import reanchor, settle
from tidings.when.normalise import meaning, range_parts
from tidings.when.rules import RULES, Rule, expand

Found = tuple[int, int, Norm]
_JOIN = re.compile(r"\s+(?:and|to|until|till|through)\s+|\s*[-–]\s*", re.IGNORECASE)
_RANGE_START = re.compile(r"(?:between|from)\s+$", re.IGNORECASE)
_BESIDE = re.compile(r"[\s,]*(?:(?:on|at|in|of)\s+(?:the\s+)?)?", re.IGNORECASE)
_ADJACENT = re.compile(r"[ \t]*,?[ \t]*")
_NAMES = frozenset({"ORG", "PERSON", "WORK_OF_ART", "PRODUCT", "FAC", "LAW", "GPE", "LOC"})


@cache
def _searchers() -> tuple[tuple[Rule, re.Pattern[str]], ...]:
    """The rules compiled for searching running text, with their required context."""
    lex = lexicon()
    found = []
    for rule in RULES:
        context = rf"(?:{rule.context}){rule.glue}" if rule.context else ""
        pattern = rf"(?<!\w){context}(?P<x>{expand(rule.pattern, lex)})(?!\w)"
        found.append((rule, re.compile(pattern, re.IGNORECASE)))
    return tuple(found)


def find_times(doc: Doc, article_date: dt.date, ranges: bool = False) -> list[TimeExpression]:
    """Every temporal expression in `doc`, normalised against `article_date`.

    `ranges=True` joins the ends of a range into one expression (value `2021-03/2021-05`)
    spanning both; by default each end is its own expression, as TIMEX3 annotates them.
    """
    text = doc_text(doc)
    candidates = _from_entities(doc, article_date) + _from_rules(doc, article_date)
    candidates = [s for s in (settle(text, c) for c in candidates) if s is not None]
    candidates = [c for c in candidates if not _month_as_name(doc, c[0], c[1])]
    chosen: list[Found] = []
    for cand in sorted(candidates, key=lambda c: (c[0] - c[1], c[0])):
        if all(cand[1] <= start or cand[0] >= end for start, end, _ in chosen):
            chosen.append(cand)
    chosen = sorted(chosen, key=lambda c: c[0])
    if ranges:
        chosen = _join_ranges(doc, chosen, article_date)
    else:
        chosen = [part for item in chosen for part in _split_range(doc, item, article_date)]
    chosen = reanchor(
        text,
        chosen,
        lambda words, anchor, s, e: meaning(words, anchor, _tense(doc, s, e)),
        article_date,
    )
    chosen = _anchor_times(doc, chosen)
    return [norm.at(start, end, text[start:end]) for start, end, norm in chosen]


def _span(doc: Doc, start: int, end: int) -> Span | None:
    return doc.char_span(start, end, alignment_mode="expand")


def _tense(doc: Doc, start: int, end: int) -> Tense:
    span = _span(doc, start, end)
    root = span.root if span is not None and len(span) else None
    if root is not None and points_ahead(root, lexicon().forward):
        return "future"
    return tense_of(root)


def _from_entities(doc: Doc, anchor: dt.date) -> list[Found]:
    found = []
    for ent in doc.ents:
        if ent.label_ in ("DATE", "TIME"):
            norm = meaning(ent.text, anchor, _tense(doc, ent.start_char, ent.end_char))
            if norm is not None:
                found.append((ent.start_char, ent.end_char, norm))
    return found


def _inside_name(doc: Doc, start: int, end: int) -> bool:
    """Whether the words lie inside the name of an organisation, work or the like ("The
    Sunday Times", "China Daily"): a weekday or "daily" there names no time."""
    span = _span(doc, start, end)
    if span is None or not len(span):
        return False
    return all(t.ent_type_ in _NAMES for t in span)


def _month_as_name(doc: Doc, start: int, end: int) -> bool:
    """Whether a month standing alone is a person's name ("Theresa May", "May's plan",
    "May said"): a name by the tagger, after a name or title ("Mrs May"), or a bare
    possessive or subject with no "last", "early" or the like on it."""
    span = _span(doc, start, end)
    words = [t for t in span if not t.is_punct and t.tag_ != "POS"] if span is not None else []
    if len(words) != 1 or words[0].lower_ not in lexicon().full_months:
        return False
    month = words[0]
    if month.ent_type_ == "PERSON":
        return True
    before = doc[month.i - 1] if month.i > 0 else None
    after_name = (
        before is not None
        and not month.is_sent_start
        and before.pos_ == "PROPN"
        and before.is_title
        and before.lower_ not in lexicon().months
    )
    if after_name:
        return True
    modified = any(c.dep_ in ("amod", "det", "advmod", "nummod") for c in month.children)
    return month.dep_ in ("poss", "nsubj", "nsubjpass") and not modified


def _from_rules(doc: Doc, anchor: dt.date) -> list[Found]:
    found = []
    text = doc_text(doc)
    maybe = possible(text)
    for rule, pattern in _searchers():
        if rule.name not in maybe:
            continue  # lacks a word every match needs (see `cues`)
        for match in pattern.finditer(text):
            month = match.groupdict().get("month")
            if month is not None and not month[:1].isupper():
                continue  # "may" the verb, "march" the walk
            start, end = match.span("x")
            if _inside_name(doc, start, end):
                continue
            norm = rule.meaning(match, anchor, _tense(doc, start, end))
            if norm is not None:
                found.append((start, end, norm))
    return found


def _join_ranges(doc: Doc, chosen: list[Found], anchor: dt.date) -> list[Found]:
    """ "between March and May": two found expressions read again as one range."""
    out: list[Found] = []
    for item in chosen:
        if out:
            first_start, first_end, _ = out[-1]
            lead = _RANGE_START.search(doc_text(doc), max(0, first_start - 12), first_start)
            if lead and _JOIN.fullmatch(doc_text(doc), first_end, item[0]):
                whole = doc_text(doc)[lead.start() : item[1]]
                norm = meaning(whole, anchor, _tense(doc, lead.start(), item[1]))
                if norm is not None:
                    out[-1] = (lead.start(), item[1], norm)
                    continue
        out.append(item)
    return out


def _split_range(doc: Doc, item: Found, anchor: dt.date) -> list[Found]:
    """A range read whole (a tagger entity "2009-2010") as its two ends."""
    start, end, norm = item
    if norm.type != "DATE" or "/" not in norm.value:
        return [item]
    parts = range_parts(doc_text(doc)[start:end], anchor, _tense(doc, start, end))
    if parts is None:
        return [item]
    return [(start + a, start + b, part) for a, b, part in parts]


def _anchor_times(doc: Doc, chosen: list[Found]) -> list[Found]:
    """Move a bare time of day onto the day named beside it or in its own clause; a day
    written right next to it ("15:00 GMT Saturday") joins it as one expression."""
    days = [c for c in chosen if c[2].precision == "day" and not c[2].implicit_day]
    out, joined = [], set()
    for start, end, norm in chosen:
        if norm.implicit_day:
            found = _day_for(doc, start, end, days)
            if found is not None and found[2].first_day is not None:
                d_start, d_end, day = found
                assert day.first_day is not None
                norm = at_time(day.first_day, norm.value.split("T", 1)[1])
                gap = (d_end, start) if d_end <= start else (end, d_start)
                if _ADJACENT.fullmatch(doc_text(doc), *gap):
                    joined.add(d_start)
                    start, end = min(start, d_start), max(end, d_end)
        out.append((start, end, norm))
    return [c for c in out if c[0] not in joined or c[2].type == "TIME"]


def _day_for(doc: Doc, start: int, end: int, days: list[Found]) -> Found | None:
    span = _span(doc, start, end)
    if span is None or not len(span):
        return None
    sentence, clause = span.sent, governor(span.root)
    best: tuple[int, Found] | None = None
    for found in days:
        d_start, d_end, _ = found
        if not sentence.start_char <= d_start < sentence.end_char:
            continue
        gap = (d_end, start) if d_end <= start else (end, d_start)
        beside = _BESIDE.fullmatch(doc_text(doc), *gap) is not None
        other = _span(doc, d_start, d_end)
        same_clause = other is not None and len(other) and governor(other.root) == clause
        if beside or same_clause:
            distance = gap[1] - gap[0] - (1000 if beside else 0)
            if best is None or distance < best[0]:
                best = (distance, found)
    return best[1] if best else None
