"""Small syntactic tests the actor coder applies to dictionary hits.

Each answers one question about the dependency parse: is this capital a place or an
actor? is this country an affiliation ("pro-Iran")? does this role word head an actor
phrase, or only modify another noun ("government offices")? Marker word lists come
from data/markers.tsv via the lexicon.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from tidings.actors.lexicon import Lexicon, Role
from tidings.actors.matching import Hit

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# Where "he", "him", "they", "them" stand for an actor: subjects and objects ("police
# arrested him", "troops fired on them"); "it" is taken as a subject only.
PRONOUN_DEPS = SUBJECT_DEPS | {"dobj", "pobj", "dative"}
# Entities a country name inside of is part of a longer name, not an actor of its own.
NAME_LABELS = frozenset({"PERSON", "ORG", "FAC", "WORK_OF_ART", "EVENT", "LAW", "PRODUCT"})
COORDINATORS = frozenset({"and", "or", ",", "&"})
# Entities whose longer name may give its country when nothing else coded them.
FALLBACK_LABELS = frozenset({"ORG", "NORP", "GPE"})


def conj_root(token: Token) -> Token:
    """The first conjunct of a coordination ("in Baghdad and Damascus" -> Baghdad)."""
    while token.dep_ == "conj" and token.head.i < token.i:
        token = token.head
    return token


def is_place(token: Token, lexicon: Lexicon, capital: bool) -> bool:
    """Whether `token` is the object of a locative preposition ("in Baghdad").

    Motion prepositions ("to", "from") make a place of capitals only: "sent troops to
    Iraq" keeps Iraq as the target, "flew to Baghdad" does not make Baghdad an actor.
    """
    token = conj_root(token)
    if token.dep_ != "pobj":
        return False
    prep = token.head.lower_
    return prep in lexicon.words("place_prep") or (capital and prep in lexicon.words("motion_prep"))


def capital_is_actor(token: Token, lexicon: Lexicon) -> bool:
    """Whether a capital stands for its government here: a subject ("Washington said"),
    the object of an actor preposition ("talks with Moscow", "by Beijing") or an owner
    ("Moscow's decision"). Objects of verbs stay places ("the Taliban took Kabul")."""
    root = conj_root(token)
    if root.dep_ in SUBJECT_DEPS:
        return True
    if root.dep_ == "pobj":
        return root.head.lower_ in lexicon.words("actor_prep")
    if root.dep_ == "poss":
        return root.head.pos_ != "PROPN"  # "Moscow's decision", not "Baghdad's Green Zone"
    return False


def inside_other_name(doc: Doc, start: int, end: int) -> bool:
    """Whether tokens [start, end) sit inside a longer name: "Jordan" in "Michael Jordan",
    "Washington" in "George Washington", "Iraq" in "the Iraq Museum".

    A name tagged PERSON on its own is kept: small models often tag foreign capitals
    ("Kyiv") as people, and the dictionary knows better.
    """
    return any(
        ent.start < end
        and start < ent.end
        and ent.label_ in NAME_LABELS
        and (ent.start < start or ent.end > end)
        for ent in doc.ents
    )


def longer_name_end(doc: Doc, start: int, end: int, hits: Sequence[Hit]) -> int | None:
    """ "the Kenya Anti-Poaching Unit", untagged by the model: the end of the proper name a
    country name at [start, end) opens, when its chain of compounds ends on a capitalised
    proper noun after it and only capitalised words (no other dictionary hit) lie between;
    None otherwise, as for "Kenya President Uhuru Kenyatta"."""
    token = doc[start:end].root
    while token.dep_ == "compound" and token.head.i > token.i:
        token = token.head
    if token.i < end or token.pos_ != "PROPN" or token.ent_type_:
        return None
    words = doc[end : token.i + 1]
    if not all(t.text[:1].isupper() or t.text == "-" for t in words):
        return None
    if any(h.start < token.i + 1 and end <= h.start for h in hits):
        return None
    return token.i + 1


def is_ethnic(doc: Doc, start: int, lexicon: Lexicon) -> bool:
    """Whether the demonym at `start` names an ethnicity ("ethnic Albanians", "ethnic
    Serb civilians"), not the people of the state it is named after."""
    return start > 0 and doc[start - 1].lower_ in lexicon.words("ethnic")


def disambiguated(doc: Doc, hits: Sequence[Hit], lexicon: Lexicon) -> list[Hit]:
    """Hits of place names several countries share ("Tripoli"), each given the one other
    country the document names otherwise, when it names just that one of them."""
    if not lexicon.ambiguous:
        return list(hits)
    choices = {
        i: lexicon.ambiguous.get(doc[h.start : h.end].text.lower(), ())
        for i, h in enumerate(hits)
        if h.kind in ("name", "capital")
    }
    named = {h.ref for i, h in enumerate(hits) if h.kind in COUNTRY_HITS and not choices.get(i)}
    found = list(hits)
    for i, options in choices.items():
        picked = [c for c in options if c in named]
        if len(picked) == 1 and picked[0] != hits[i].ref:
            found[i] = replace(hits[i], ref=picked[0])
    return found


def stacked_demonyms(hits: Sequence[Hit]) -> set[int]:
    """Starts of demonyms right after another ("Serb" in "Bosnian Serb leaders"): an
    ethnicity, while the first names the country the group lives in, as PETRARCH reads
    the first country word of a phrase (and the PLOVER gold codes Bosnian Serbs BIH)."""
    return {
        b.start
        for a, b in zip(hits, hits[1:], strict=False)
        if a.kind == b.kind == "demonym" and a.end == b.start
    }


def is_affiliation(doc: Doc, start: int, end: int, lexicon: Lexicon) -> bool:
    """Whether the country at [start, end) is a backer, not the owner: "pro-Iran",
    "Iran-backed", "Iranian-aligned"."""
    before = start >= 2 and doc[start - 1].text == "-" and doc[start - 2].lower_
    if before and before in lexicon.words("pro"):
        return True
    return (
        end + 1 < len(doc)
        and doc[end].text == "-"
        and doc[end + 1].lower_ in lexicon.words("backed")
    )


def modifier(doc: Doc, hit: Hit, lexicon: Lexicon) -> bool:
    """A one-word role or a named body describing another word ("government-held",
    "pro-government", "al-Qaeda-linked rebels"): not an actor, nor the sector or code of
    the phrase it sits in."""
    if hit.kind == "org" or (hit.kind == "role" and hit.end - hit.start == 1):
        return is_affiliation(doc, hit.start, hit.end, lexicon)
    return False


PLACE_NAME_LABELS = frozenset({"LOC", "GPE"})


def not_a_country(doc: Doc, hit: Hit, lexicon: Lexicon) -> bool:
    """A country word that is part of another place's name ("New Mexico", "the Gulf of
    Mexico", "the Persian Gulf": a longer place entity, a GPE one opening before it with
    a word other than a compass point) or a
    work's title ("an artwork entitled America": after a naming word, markers.tsv)."""
    if hit.kind not in COUNTRY_HITS:
        return False
    for ent in doc.ents:
        if ent.label_ not in PLACE_NAME_LABELS or not (ent.start <= hit.start < ent.end):
            continue
        compass = lexicon.words("compass")  # "South Lebanon" is Lebanon, "the" is no name
        before = any(
            t.pos_ == "PROPN" and t.lower_ not in compass for t in doc[ent.start : hit.start]
        )
        if before or (ent.label_ == "LOC" and ent.end > hit.end):
            return True
    before = hit.start - 1
    while before >= 0 and doc[before].text in QUOTES:
        before -= 1
    if before < 0 or doc[before].lower_ not in lexicon.words("naming"):
        return False
    root = doc[hit.start : hit.end].root
    return root.head.i == before


def role_head(
    doc: Doc, start: int, end: int, role_tokens: set[int], members: frozenset[str] = frozenset()
) -> Token | None:
    """The head noun of the actor phrase a role word at [start, end) belongs to.

    The role word is followed up its chain of compounds: "US State Department
    Spokesperson Ned Price" leads to "Price" (a name: the role is a title). A chain
    that ends on a noun that is neither a role nor a name ("government offices",
    "police station") means the role word only describes a thing: None; one that ends
    on a collective noun for people (`members`: "military personnel", "embassy staff")
    keeps the role.
    """
    token = doc[start:end].root  # "Secretary" in "Secretary of State"
    while token.dep_ in ("compound", "nmod") and token.head.i > token.i:
        token = token.head
    if token.i < end or token.i in role_tokens or token.pos_ == "PROPN":
        return token
    return token if token.lower_ in members else None


def phrase_bounds(head: Token, start: int, end: int) -> tuple[int, int]:
    """Token bounds of the noun phrase headed by `head` and holding the hits [start, end):
    its left modifiers, no clauses ("Secretary of State" runs past its head)."""
    left = max(head.left_edge.i, head.sent.start)
    # "On Friday Ford Motor Company announced": a date the parser hung on the name is none
    # of its words
    while left < min(head.i, start) and (
        doc_is_punct(head.doc[left]) or head.doc[left].ent_type_ in ("DATE", "TIME")
    ):
        left += 1
    # never cut a hit: a title split off by a wrong sentence break ("Brig. | Gen. X")
    return min(left, start), max(head.i + 1, end)


def doc_is_punct(token: Token) -> bool:
    return token.is_punct or token.is_space


def with_determiner(doc: Doc, start: int) -> int:
    """Widen a name to take its article: "the US", "The Associated Press"."""
    if start > 0 and doc[start - 1].lower_ == "the" and doc[start - 1].dep_ == "det":
        return start - 1
    return start


QUOTES = frozenset({'"', "\u201c", "\u201d", "``", "''"})


def quote_opening(doc: Doc, i: int) -> int:
    """For a speaker after a quotation ('"...," he said'), where the quotation opened;
    otherwise `i` itself."""
    j = i - 1
    while j >= 0 and doc[j].is_punct and doc[j].text not in QUOTES:
        j -= 1  # the comma before the closing quote mark
    if j < 1 or doc[j].text not in QUOTES or not doc[j - 1].is_punct:
        return i  # no quotation just closed (a closing mark follows its punctuation)
    for k in range(j - 1, -1, -1):
        if doc[k].text in QUOTES:
            return k
    return i


def focus_country(countries: Iterable[str]) -> str | None:
    """The document's dominant country, or None when no country clearly dominates.

    Clear means: mentioned at least twice and at least 1.5 times as often as the next
    country. Role phrases with no country of their own ("the prime minister",
    "officials") take it; with two countries neck and neck none is guessed.
    """
    counts = Counter(countries).most_common(2)
    if not counts or counts[0][1] < 2:
        return None
    if len(counts) > 1 and counts[0][1] < 1.5 * counts[1][1]:
        return None
    return counts[0][0]


def sole_country(countries: Iterable[str]) -> str | None:
    """The country, when all the given mentions name one and the same."""
    distinct = set(countries)
    return distinct.pop() if len(distinct) == 1 else None


def is_person(span: Span) -> bool:
    return any(t.ent_type_ == "PERSON" for t in span)


def coordinated(doc: Doc, hits: Sequence[Hit]) -> bool:
    """Whether country words are coordinated ("US and British", "Hungarian, Romanian"):
    only "and", "or" or commas between each two."""
    return all(
        a.end < b.start and all(doc[i].lower_ in COORDINATORS for i in range(a.end, b.start))
        for a, b in zip(hits, hits[1:], strict=False)
    )


def entity_countries(
    doc: Doc, hits: Sequence[Hit], taken: set[int], lexicon: Lexicon
) -> Iterator[tuple[Span, str]]:
    """spaCy ORG/NORP/GPE entities outside `taken` tokens that hold a country name or
    demonym inside a longer name ("the Canadian Press"), with that country; never when
    the entity is a place here ("in Iraqi Kurdistan")."""
    for ent in doc.ents:
        if ent.label_ not in FALLBACK_LABELS or not taken.isdisjoint(range(ent.start, ent.end)):
            continue
        inside = [
            h
            for h in hits
            if ent.start <= h.start and h.end <= ent.end and h.kind in ("name", "demonym")
            and not is_affiliation(doc, h.start, h.end, lexicon)
        ]  # fmt: skip
        if not inside or (inside[0].start, inside[0].end) == (ent.start, ent.end):
            continue
        if is_place(ent.root, lexicon, capital=False):
            continue
        yield ent, inside[0].ref


# Where a noun an adjective of nationality modifies takes part in its clause as an actor:
# "Israeli changes" rejected, "an Indian proposal", "Iraqi Kurds sought refuge".
ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "appos"})
CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "advcl", "conj"})


def demonym_argument(token: Token, lexicon: Lexicon) -> bool:
    """Whether a demonym modifying a noun ("an Indian proposal", "Iraqi Kurds") stands for
    its country: the noun is a subject or object of its clause, not a place ("near the
    Iraqi border") and not a possessor's thing ("the Iraqi minister's car" is not)."""
    noun = conj_root(token).head
    if noun.pos_ not in ("NOUN", "PROPN") or noun.i == token.i:
        return False
    noun = conj_root(noun)
    if noun.dep_ not in ARGUMENT_DEPS:
        return False
    return not is_place(noun, lexicon, capital=False)


def clause_subjects(token: Token) -> set[int]:
    """Subject tokens of the clause an object pronoun sits in, which it cannot stand for
    ("police arrested them" are not the police), through a coordination ("fired on
    protesters and wounded them")."""
    head = token.head
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
        head = head.head  # "two of them", "fired on them"
    verbs = [head]
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head
        verbs.append(head)
    return {c.i for verb in verbs for c in verb.children if c.dep_ in SUBJECT_DEPS}


def governing_subject(token: Token) -> Token | None:
    """For a subject "it" in a clause hung on another verb ("Hungary has said it will
    support"), the subject of that governing verb; None when "it" heads its own sentence."""
    verb = token.head
    if verb.i == token.i or verb.dep_ not in CLAUSE_DEPS:
        return None
    while verb.dep_ in CLAUSE_DEPS and verb.head.i != verb.i:
        verb = verb.head
        for child in verb.children:
            if child.dep_ in SUBJECT_DEPS and child.i < token.i:
                return child
    return None


COUNTRY_HITS = frozenset({"name", "capital", "demonym"})  # hits that name a country
ARMED = frozenset({"REB", "UAF", "IMG"})  # roles that are the armed group itself


def append_agents(code: str, role: Role | None, applies: bool) -> str:
    """A body's code with a role's agent blocks after it, as PETRARCH combines them ("UN
    troops": IGOUNO + MIL); a block the code already holds is not repeated, and armed
    roles add nothing ("ISIS militants" are the group itself)."""
    if not applies or role is None or role.priority < 2 or role.sector in ARMED:
        return code
    blocks = {code[i : i + 3] for i in range(0, len(code), 3)}
    agents = role.agents or role.sector
    extra = [agents[i : i + 3] for i in range(0, len(agents), 3)]
    return code + "".join(b for b in extra if b not in blocks)
