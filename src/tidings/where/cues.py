"""Wordings that mark a capitalised name as a toponym where the entity tagger missed it.

- a legislator's party and home town: "Sen. Ann Roe, D-Fargo, said", "(R-Ocilla)";
- a local body named after its town: "Chiefland Police Chief", "Grapeland Senior Citizens
  Center", "Chicopee residents" (see data/cues.tsv for the words);
- a list of county names before "counties": "Barrow, Jackson and Madison counties";
- the town after a street address: "of 1935 Orchard St., Alexandria, was arrested".

Each finder returns spans; `places` makes firm candidates of them. The words are in
data/cues.tsv.
"""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Doc, Span, Token

from tidings.geo import Entry, gazetteer, norm
from tidings.nlp import doc_text
from tidings.resources import package_file, word_kinds
from tidings.where.lexicon import words

__all__ = [
    "abbreviation",
    "address_places",
    "capital_of_named_country",
    "context",
    "county_lists",
    "institution_places",
    "misdated",
    "national",
    "party_places",
    "townsfolk",
    "word_list",
    "words_at",
]

_KINDS = frozenset(
    {
        "party",
        "institution",
        "lead",
        "county_plural",
        "area_plural",
        "street",
        "not_place",
        "townsfolk",
    }
)
_LOOK_BACK = 3  # words in the longest place name before an institution word


def word_list(kind: str) -> frozenset[str]:
    """The words of one kind in data/cues.tsv, as written."""
    return _cue_table()[kind]


@cache
def _cue_table() -> dict[str, frozenset[str]]:
    return word_kinds(package_file("tidings.where", "data/cues.tsv"), _KINDS)


@cache
def _party_pattern() -> re.Pattern[str]:
    parties = "|".join(sorted(map(re.escape, word_list("party")), key=len, reverse=True))
    return re.compile(
        rf"[,(]\s*(?:{parties})-((?:[A-Z][\w.']*)(?: [A-Z][\w.']*){{0,2}})\s*(?=[,);]|\.\s|$)"
    )


def party_places(doc: Doc) -> list[Span]:
    """Home towns or states after a party letter: ", D-Fargo," "(R-Ocilla)" ", D-N.D.,"."""
    spans = []
    for m in _party_pattern().finditer(doc_text(doc)):
        span = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
        if span is not None and norm(span.text) not in words("stop"):
            spans.append(span)
    return spans


@cache
def _address_pattern() -> re.Pattern[str]:
    streets = "|".join(sorted(map(re.escape, word_list("street")), key=len, reverse=True))
    return re.compile(
        rf"\b\d+(?: [A-Z][\w'.]*){{1,4}} (?:{streets}),? ?(?:[NSEW]\.?[EW]?\.?,? )?"
        rf"([A-Z][\w']*(?: [A-Z][\w']*){{0,2}})(?=[,;)]|\.\s|\.$| [a-z])"
    )


def address_places(doc: Doc) -> list[Span]:
    """The town after a street address: "Alexandria" of "of 1935 Orchard St., Alexandria,"."""
    spans = []
    for m in _address_pattern().finditer(doc_text(doc)):
        if doc_text(doc)[m.start(1) - 2 : m.start(1)] != ", ":
            continue
        span = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
        if span is not None and norm(span.text) not in words("stop"):
            spans.append(span)
    return spans


_WORD = re.compile(r"[^\W\d_]\w*(?:'\w+)?\.?")


def words_at(doc: Doc, forms: frozenset[str]) -> list[int]:
    """Indices of the tokens written as one of `forms`, found in the text (far quicker
    than visiting every token)."""
    indices = []
    for m in _WORD.finditer(doc_text(doc)):
        word = m.group()
        for form in (word, word.rstrip("."), word.split("'")[0]):
            if form not in forms:
                continue
            span = doc.char_span(m.start(), m.start() + len(form))
            if span is not None and len(span) == 1:
                indices.append(span.start)
                break
    return indices


def institution_places(doc: Doc) -> list[Span]:
    """The longest gazetteer name (up to three capitalised words) right before an
    institution word: "Chiefland" of "Chiefland Police Chief"."""
    gaz = gazetteer()
    leads = word_list("lead")
    spans = []
    for i in words_at(doc, word_list("institution") | leads):
        if i == 0 or doc[i].text in leads and not (i + 1 < len(doc) and _capitalised(doc[i + 1])):
            continue
        start = i  # the whole run of capitalised proper nouns before the word
        while start > 0 and _capitalised(doc[start - 1]) and doc[start - 1].pos_ == "PROPN":
            start -= 1
        span = doc[start:i]
        if not 0 < len(span) <= _LOOK_BACK:
            continue
        key = norm(span.text)
        if key in words("stop") or key in words("direction") or len(key) < 3:
            continue
        if span[0].text in word_list("not_place"):
            continue
        if key in gaz.names or key in gaz.counties:
            spans.append(span)
    return spans


def townsfolk(span: Span) -> bool:
    """Whether the name qualifies a person noun right after it ("a Lebanon woman", "the
    Jordan resident"): a town's people are so named, a country's take its demonym."""
    root, doc = span.root, span.doc
    return (
        root.dep_ == "compound"
        and root.head.i == span.end
        and span.end < len(doc)
        and doc[span.end].lower_ in word_list("townsfolk")
    )


def _capitalised(tok) -> bool:  # noqa: ANN001  (a spaCy Token)
    return tok.text[:1].isupper() and not tok.is_punct


def county_lists(doc: Doc, kind: str = "county_plural") -> list[Span]:
    """County names listed before "counties": each of "Barrow, Jackson and Madison counties";
    with kind "area_plural", province names before "provinces" ("the Manicaland and
    Midlands provinces")."""
    plurals = word_list(kind)
    counties = kind == "county_plural"
    spans: list[Span] = []
    if not any(word in doc_text(doc) for word in plurals):
        return spans
    for tok in doc:
        if tok.text not in plurals:
            continue
        i = tok.i - 1
        while i >= 0:
            end = i + 1
            while i >= 0 and doc[i].text[:1].isupper() and not doc[i].is_punct:
                i -= 1
            if i + 1 == end:
                break
            alone = end == tok.i and (i < 0 or doc[i].text not in (",", "and", "or"))
            if counties and alone and _state_named(doc[i + 1 : end]):
                break  # "10 Kentucky counties", "Northeast Georgia counties": a state's counties
            spans.append(doc[i + 1 : end])
            if i >= 0 and doc[i].text in (",", "and", "or"):
                i -= 1
                if i >= 0 and doc[i].text == "," or (i >= 0 and doc[i].text == "and"):
                    i -= 1  # ", and"
                continue
            break
    return spans


def _state_named(span: Span) -> bool:
    """Whether the words, a leading direction word aside, name a first-level area."""
    toks = [t for t in span]
    while len(toks) > 1 and toks[0].lower_ in words("direction"):
        toks = toks[1:]
    name = " ".join(t.text for t in toks)
    return any(e.kind == "admin1" for e in gazetteer().lookup(name)[0])


def abbreviation(text: str) -> Entry | None:
    """The state an abbreviation such as "Mass." or "N.J." stands for, when it is one: an
    abbreviation written with a period, or with two capitals ("N.Y")."""
    if "." not in text:
        return None
    gaz = gazetteer()
    for form in (text, text + ".", text.rstrip(".")):
        index = gaz.containers.get(norm(form))
        if index is not None:
            return gaz.entries[index]
    return None


def misdated(ent: Span) -> bool:
    """Whether NER called a lone capitalised word a date or time though it names no day,
    month or holiday (`stop` in data/words.tsv): "grew up in Saratoga" tagged DATE."""
    tok = ent[0]
    return (
        ent.label_ in ("DATE", "TIME")
        and len(ent) == 1
        and tok.is_alpha
        and tok.is_title
        and norm(tok.text) not in words("stop")
    )


def national(text: str) -> bool:
    """Whether `text` is the very name of a country or of a national capital ("Tbilisi"):
    names too well known to need a cue, unless NER took them for a person's."""
    return any(e.kind == "country" or e.feature == "P.PPLC" for e in gazetteer().lookup(text)[0])


def capital_of_named_country(span: Span) -> bool:
    """Whether a lone word NER took for a person's name is the capital of a country the
    story names ("Tbilisi says ..." in a story about Georgia)."""
    capitals = {e.country for e in gazetteer().lookup(span.text)[0] if e.feature == "P.PPLC"}
    if not capitals:
        return False
    named = {
        e.country
        for ent in span.doc.ents
        if ent.label_ in ("GPE", "LOC")
        for e in gazetteer().lookup(ent.text)[0]
        if e.kind == "country"
    }
    return bool(capitals & named)


def context(root: Token) -> str | None:
    """ "locative" or "motion" when `root` is the object of such a preposition, else None."""
    tok = root
    while tok.dep_ in ("conj", "appos", "compound") and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ == "pobj":
        prep = tok.head
        if prep.lower_ in words("locative"):
            return "locative"
        if prep.lower_ in words("motion") and prep.head.lower_ not in ("according", "due"):
            return "motion"
        if prep.lower_ == "of" and prep.head.lemma_.lower() in words("place_noun"):
            return "locative"
    if tok.dep_ in ("compound", "appos") and tok.head.lemma_.lower() in words("place_noun"):
        return "locative"
    return None
