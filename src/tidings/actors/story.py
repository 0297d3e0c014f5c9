"""Where a document's story happens: the countries of the places it is told in.

"a gunman shot shoppers in El Paso, Texas", "protests in Hong Kong": a place after a
locative preposition names no actor, but it says whose police, courts and crowds the
story is about. Its country counts towards the document's focus country beside the
countries of the actors, so a foreign government reacting at length (Mexico to the El
Paso shooting, Beijing to Hong Kong's protests) does not give local roles its country.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from tidings.actors.lexicon import Lexicon
from tidings.actors.matching import Hit
from tidings.actors.origins import city_country
from tidings.actors.rules import COUNTRY_HITS, conj_root

__all__ = ["Focus", "document_focus", "story_countries"]

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
LEDE_SENTENCES = 3  # the story's place is read from its first sentences
ACTOR_WEIGHT = 2  # an actor's country counts twice a place's towards the focus
# Roles that act where the story happens (police, prosecutors, courts, unnamed people),
# whoever else the document names at length: the lede's country before the focus country.
LOCAL_SECTORS = frozenset({"COP", "JUD", "CVL", "PPL"})


@dataclass(frozen=True, slots=True)
class Focus:
    country: str | None  # the document's dominant country, if one clearly dominates
    story: str | None  # the country of the first place the lede names

    def of(self, sector: str | None) -> str | None:
        """The country a role of `sector` with none of its own is given."""
        if sector in LOCAL_SECTORS and self.story is not None:
            return self.story
        return self.country


def document_focus(
    countries: Sequence[str],
    doc: Doc,
    hits: Sequence[Hit],
    lexicon: Lexicon,
    sentence_of: Sequence[int],
) -> Focus:
    """The focus over the actors' countries and, at half weight, the story's places; when
    two countries run neck and neck, the lede's place decides between them."""
    places = story_countries(doc, hits, lexicon, sentence_of)
    lede = next((c for i, c in places if i < LEDE_SENTENCES), None)
    weights = Counter({c: ACTOR_WEIGHT * n for c, n in Counter(countries).items()})
    weights.update(c for _, c in places)
    ranked = weights.most_common(2)
    if not ranked or ranked[0][1] < 2 * ACTOR_WEIGHT:
        return Focus(None, lede)
    if len(ranked) == 1 or ranked[0][1] >= 1.5 * ranked[1][1]:
        return Focus(ranked[0][0], lede)
    return Focus(lede if lede in dict(ranked) else None, lede)


def story_countries(
    doc: Doc, hits: Sequence[Hit], lexicon: Lexicon, sentence_of: Sequence[int]
) -> list[tuple[int, str]]:
    """(sentence, country), one per locative phrase ("in El Paso, Texas", "in the U.S.
    border city of El Paso"): a country name or capital in it, else a known state or city.
    `sentence_of`: each token's sentence index, as the coder already holds it."""
    preps = lexicon.words("place_prep")
    by_token = {i: h for h in hits if h.kind in COUNTRY_HITS for i in range(h.start, h.end)}
    found: list[tuple[int, str]] = []
    for token in doc:
        if token.dep_ != "pobj" or token.head.lower_ not in preps or conj_root(token) is not token:
            continue
        country = _phrase_country(token, by_token)
        if country is not None:
            found.append((sentence_of[token.i], country))
    return found


def _phrase_country(pobj: Token, by_token: dict[int, Hit]) -> str | None:
    """The first country a locative object names as its head, or its appositions,
    conjuncts and "of" phrases do ("the city of El Paso, Texas"); an institution a
    country word modifies is no place ("in the U.S. Senate")."""
    heads = [pobj, *pobj.conjuncts]
    heads += [c for h in list(heads) for c in h.children if c.dep_ in ("appos", "npadvmod")]
    heads += [g for h in list(heads) for p in h.children if p.lower_ == "of" for g in p.children]
    for head in heads:
        hit = by_token.get(head.i)  # the place itself: not "in the U.S. Senate"
        if hit is not None and hit.kind != "demonym":
            return hit.ref
        if head.ent_type_ in PLACE_LABELS:
            found = city_country(head)  # a known city or state, with its compound words
            if found:
                return found[0]
    return None
