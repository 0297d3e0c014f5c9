"""Where a role phrase's country comes from when it names none of its own.

"a court in Peru", "dissidents from Cuba", "Karachi police", "Russia's UN ambassador":
the country is read from a prepositional phrase, a known city, or a country word before
the body's name. Split from `rules` (the other syntactic tests) to keep each module small.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from tidings.actors.lexicon import Lexicon, Role
from tidings.actors.matching import Hit
from tidings.actors.places import place_country
from tidings.actors.rules import COUNTRY_HITS, is_affiliation

# Prepositions after a role noun that give it a country: "a court in Peru", "dissidents
# from Cuba", "the leaders of Chile", "officers in the Chilean army", "students across Peru".
ORIGIN_PREPS = frozenset({"in", "from", "of", "across", "throughout", "inside"})
# How a city's name modifies the role it gives a country to: "Karachi police" (compound),
# "Montreal police" (a tagger's adjective).
CITY_DEPS = frozenset({"compound", "amod"})


def prep_countries(head: Token, hits: Sequence[Hit], lexicon: Lexicon, role: str = "") -> list[str]:
    """The countries of a role phrase with none of its own, from a prepositional phrase on
    its head noun: the object's country names, capitals or demonyms, or its possessor's
    ("leaders of Chile's opposition"). "officials from Iran and Iraq" gives each
    coordinated country (in text order), as PETRARCH codes the role once per country;
    empty when countries sit in different phrases ("officials from Iran in Iraq"). A
    `role` posted abroad (an embassy, troops: markers.tsv) is not from where it is."""
    posted = role in lexicon.words("posted")
    groups: list[list[str]] = []
    based = lexicon.words("based")  # "a newspaper based in Beirut": the participle's "in"
    seats = [c for c in head.children if c.dep_ == "acl" and c.lower_ in based]
    for prep in [*head.children, *(p for s in seats for p in s.children)]:
        if prep.dep_ != "prep" or prep.lower_ not in ORIGIN_PREPS:
            continue
        if posted and prep.lower_ in lexicon.words("place_prep"):
            continue  # "an embassy in Tehran", "peacekeepers in Iraq": serving there
        for obj in prep.children:
            if obj.dep_ != "pobj":
                continue
            group: list[str] = []
            for part in (obj, *obj.conjuncts):
                start, end = part.left_edge.i, part.i + 1  # the object and its left modifiers
                if part is not obj:
                    start = max(start, obj.i + 1)
                group += [
                    h.ref
                    for h in hits
                    if h.kind in COUNTRY_HITS and start <= h.start and h.end <= end
                    and not is_affiliation(head.doc, h.start, h.end, lexicon)
                    and h.ref not in group
                ]  # fmt: skip
            if not group and prep.lower_ == "from":
                group = city_country(obj)
            if group:
                groups.append(group)
    if len(groups) == 1:
        return groups[0]
    unique = {ref for group in groups for ref in group}
    return [unique.pop()] if len(unique) == 1 else []


def city_country(token: Token, unnamed: tuple[str, ...] = ("PERSON", "ORG", "NORP")) -> list[str]:
    """ "a missionary from Calgary": the country of a known city (or US state) someone
    comes from; only for a proper name not taken for a person or an organisation."""
    if token.pos_ != "PROPN" or token.ent_type_ in unnamed:
        return []
    words = [c for c in token.lefts if c.dep_ == "compound"] + [token]
    country = place_country(token.doc[words[0].i : token.i + 1].text)
    return [country] if country else []


def city_modifier_country(span: Span, hits: Sequence[Hit]) -> str | None:
    """ "Karachi police", "Omdurman radio": the country of a known city (or US state)
    naming the role's place, as a capital does ("Kabul police")."""
    taken = {i for h in hits for i in range(h.start, h.end)}
    for token in span:
        if token.dep_ in CITY_DEPS and token.head.dep_ != "compound" and token.i not in taken:
            if token.pos_ == "ADJ" and token.text[:1].isupper() and token.ent_type_ == "GPE":
                # "Montreal" tagged an adjective: a known city's country all the same
                country = place_country(token.text)
                if country:
                    return country
                continue
            found = city_country(token, ("PERSON", "NORP"))  # "Karachi police" is an ORG
            if found:
                return found[0]
    return None


def title_place_country(span: Span, hits: Sequence[Hit]) -> str | None:
    """ "Florida Governor Ron DeSantis", "El Paso Mayor Dee Margo": the country of a known
    US state or city written before a titled person's title (whatever the tagger made of
    it: small models often take the whole phrase for a PERSON)."""
    first = min((h.start for h in hits if h.kind == "role"), default=span.start)
    words = [t for t in span if t.i < first and not t.is_punct and t.dep_ != "det"]
    if not words or not all(t.pos_ == "PROPN" for t in words):
        return None
    return place_country(span.doc[words[0].i : words[-1].i + 1].text)


def of_organisation(head: Token, hits: Sequence[Hit]) -> list[Hit]:
    """A named organisation a role noun belongs to by "of": "leaders of Hamas", "troops of
    the United Nations" (the members, coded as their body); empty when there is none."""
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for obj in prep.children:
                if obj.dep_ == "pobj":
                    start, end = obj.left_edge.i, obj.i + 1
                    found = [
                        h for h in hits if h.kind == "org" and start <= h.start and h.end <= end
                    ]
                    return found[-1:]
    return []


def delegate_country(
    doc: Doc, hits: Sequence[Hit], org: Hit, role: Role | None, lexicon: Lexicon
) -> str | None:
    """The country a government role sent to a body belongs to: "Russia's UN ambassador",
    "the Iraqi UN envoy" (a country word before the body's name); None otherwise."""
    if role is None or role.sector != "GOV" or role.priority < 2:
        return None
    before = [
        h.ref
        for h in hits
        if h.kind in COUNTRY_HITS and h.end <= org.start
        and not is_affiliation(doc, h.start, h.end, lexicon)
    ]  # fmt: skip
    return before[-1] if before else None
