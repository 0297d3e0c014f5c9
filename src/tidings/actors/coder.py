"""Code the actors of one parsed document: who is mentioned, with which CAMEO code.

Two passes over a doc. The first turns dictionary hits into candidate phrases and
resolves them in text order, so a person named with a title ("Iraqi Prime Minister
Mustafa Al-Kadhimi") is known when named again ("Al-Kadhimi", "the prime minister",
"he"); named people and bodies from people.tsv or PETRARCH files take the code they held
on the article's date. The second gives role phrases with no country of their own
("officials") the document's focus country, when one country clearly dominates, and
titled people named with no country ("President X") the only country named, if just one is.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from tidings.actors import origins, rules, unlisted
from tidings.actors.candidates import Candidate, candidates
from tidings.actors.coref import Coded, Kind, Memory, appositive_name, is_plural, pronoun_kind
from tidings.actors.lexicon import Lexicon, Role, default_lexicon
from tidings.actors.matching import Hit, PhraseIndex, outermost
from tidings.actors.modifiers import adversary_countries
from tidings.actors.ranks import rank_role
from tidings.actors.regions import named_region, region_hits, with_region
from tidings.actors.story import document_focus
from tidings.model import Actor, ActorMention

COUNTRY_KINDS = frozenset({"name", "capital", "demonym"})
FALLBACK_LABELS = {"ORG": "organisation", "NORP": "group", "GPE": "state"}
OPEN_KINDS: dict[str, Kind] = {"PERSON": "person", "ORG": "organisation", "NORP": "group"}


# Sectors whose definite role phrases ("the broadcaster", "the militants") usually point
# back to a named organisation, and how many sentences back to look for it.
ANAPHORIC_SECTORS = frozenset({"MED", "REB", "IGO", "NGO", "BUS"})
ANAPHORA_SENTENCES = 3


class ActorCoder:
    """Holds the loaded dictionaries and compiled matchers; reuse it across documents."""

    def __init__(self, lexicon: Lexicon | None = None) -> None:
        self.lexicon = lexicon or default_lexicon()
        self._indexes: dict[int, tuple[Vocab, PhraseIndex]] = {}

    def index(self, vocab: Vocab) -> PhraseIndex:
        """The matchers for `vocab`, compiled on first use (once per spaCy pipeline)."""
        cached = self._indexes.get(id(vocab))
        if cached is None or cached[0] is not vocab:
            cached = (vocab, PhraseIndex(self.lexicon, vocab))
            self._indexes[id(vocab)] = cached
        return cached[1]

    @classmethod
    def from_petrarch(
        cls, directory: Path, keep_builtin: bool = True, pattern: str = "*.txt"
    ) -> ActorCoder:
        """A coder that also reads the PETRARCH/TABARI actor and agent files in `directory`
        (*actors*.txt, *agents*.txt, or those matching `pattern`, e.g. "Phoenix.*");
        see `tidings.actors.petrarch`. Unreadable lines are skipped with a warning."""
        from tidings.actors.petrarch import load_dictionaries

        return cls(load_dictionaries(Path(directory), keep_builtin, pattern=pattern))

    def code(self, doc: Doc, date: dt.date | None = None) -> list[ActorMention]:
        """The actor mentions of `doc`, sorted by start and never overlapping; named
        actors with dated codes take the one valid on `date` (the article's date)."""
        return _DocCoder(self, doc, date).run()


class _DocCoder:
    """The state of coding one document: its hits and what it resolved so far."""

    def __init__(self, coder: ActorCoder, doc: Doc, date: dt.date | None) -> None:
        self.doc, self.lexicon = doc, coder.lexicon
        self.people: set[int] = set()  # starts of named-actor hits known to be people
        self.nulled: set[int] = set()  # tokens of entries coding nothing on the date
        hits = outermost(coder.index(doc.vocab).hits(doc))
        kept = (h for h in hits if not rules.modifier(doc, h, self.lexicon))
        hits = [self._dated(h, date) for h in kept if not rules.not_a_country(doc, h, self.lexicon)]
        self.hits = rules.disambiguated(doc, hits, self.lexicon)
        sentence_of = [0] * len(doc)
        for index, sent in enumerate(doc.sents):
            for token in sent:
                sentence_of[token.i] = index
        self.sentence_of = sentence_of
        self.memory = Memory(doc, sentence_of, bodies=frozenset(self.lexicon.kinds))
        self.regions = region_hits(doc, self.hits, self.lexicon)

    def _dated(self, hit: Hit, date: dt.date | None) -> Hit:
        """A named actor's hit with its code on `date` as `ref`; a plain country code makes
        it a country name ("AFGHAN" in a PETRARCH file)."""
        if hit.kind != "actor":
            return hit
        known = self.lexicon.actors[int(hit.ref)]
        code = known.code_on(date) or ""
        person = known.person or rules.is_person(self.doc[hit.start : hit.end])
        if len(code) == 3 and code.isalpha() and code not in self.lexicon.sectors and not person:
            return replace(hit, kind="name", ref=code)
        if person:
            self.people.add(hit.start)
        return replace(hit, ref=code)

    def run(self) -> list[ActorMention]:
        for cand in candidates(self.doc, self.hits, self.lexicon):
            self.memory.coded.extend(self._resolve(cand))
        self._entity_fallback()
        coded = sorted(self.memory.coded, key=lambda c: c.start)
        countries = [
            c.actor.country
            for c in coded
            if c.actor.country
            and not c.needs_focus
            and c.actor.sector != "MED"
            and c.kind != "pronoun"
        ]
        focus = document_focus(countries, self.doc, self.hits, self.lexicon, self.sentence_of)
        sole = rules.sole_country(countries) if focus.country is None else None
        return [
            self._mention(c, focus.of(c.actor.sector) or (sole if self._titled_person(c) else None))
            for c in coded
        ]

    def _region(self, coded: Coded) -> str | None:
        """ "Gaza militants", "the Gaza Strip": the region block the mention's own words name."""
        return named_region(self.regions, coded.start, coded.end, coded.actor.country)

    def _titled_person(self, coded: Coded) -> bool:
        """A named person with a title and no country ("President Levy Mwanawasa"), or a
        "he"/"she" standing for one: the only country the document names is taken as
        theirs, where a bare "the government" or "militants" is left without one."""
        if coded.kind == "pronoun":
            return self.doc[coded.start].lower_ in self.lexicon.words("person_pronoun")
        return coded.kind == "person"

    # --- resolution ---------------------------------------------------------------

    def _resolve(self, cand: Candidate) -> list[Coded]:
        if cand.kind == "role":
            return self._role(cand)
        if cand.kind == "pronoun":
            return self._pronoun(cand)
        if cand.kind == "person":
            return self._known_person(cand)
        hit = cand.hits[0]  # the dictionary hit the candidate was made from
        text = self.doc[cand.start : cand.end].text
        if cand.kind == "org" and hit.kind == "actor":
            return self._named(cand, hit, text)
        if cand.kind == "org":
            org = self.lexicon.organisations[int(hit.ref)]
            actor = Actor(text, org.code, org.country, org.sector)
            return [self._coded(actor, cand.start, cand.end, "organisation")]
        coded = self._country(cand, hit, text)
        return [coded] if coded is not None else []

    def _coded(self, actor: Actor, start: int, end: int, kind: Kind, focus: bool = False) -> Coded:
        plural = is_plural(self.doc, end, kind, actor.sector)
        return Coded(actor, start, end, kind, focus, plural)

    def _named(self, cand: Candidate, hit: Hit, text: str) -> list[Coded]:
        """A person or body from people.tsv or a PETRARCH file, by its code on the date;
        a null code ("---", or no office on that date) codes nothing."""
        if not hit.ref:
            self.nulled.update(range(cand.start, cand.end))  # no actor: not an open one either
            return []
        span = self.doc[cand.start : cand.end]
        person = hit.start in self.people
        known = self.memory.person(span.text) if person else None
        if known is not None:  # named with a title earlier in this document: that code
            return [replace(known, actor=replace(known.actor, text=text), start=cand.start,
                            end=cand.end, kind="person")]  # fmt: skip
        coded = self._coded(
            self.lexicon.actor(text, hit.ref), cand.start, cand.end,
            "person" if person else "organisation",
        )  # fmt: skip
        return [self.memory.remember(coded, span.text if person else "")]

    def _country(self, cand: Candidate, hit: Hit, text: str) -> Coded | None:
        """A country name, capital or demonym standing on its own."""
        doc, lexicon = self.doc, self.lexicon
        last = cand.hits[-1]  # "Bosnian Serbs": the first demonym's country, the last's role
        root = doc[last.start : last.end].root
        if rules.is_affiliation(doc, hit.start, hit.end, lexicon):
            return None  # "pro-Iran" outside a role phrase describes, it does not act
        if rules.inside_other_name(doc, hit.start, hit.end):
            return None
        if hit.kind == "name":
            stop = rules.longer_name_end(doc, hit.start, hit.end, self.hits)
            if stop is not None:  # a body named after its country, coded with it, and
                # with its kind word's sector ("Thai Raksa Chart Party": THAPTY)
                sector = unlisted.name_sector(doc[cand.start : stop], lexicon)
                actor = Actor.of(doc[cand.start : stop].text, hit.ref, sector)
                return self._coded(actor, cand.start, stop, "organisation")
            if rules.is_place(root, lexicon, capital=False):
                return None
            return self._coded(Actor.of(text, hit.ref, None), cand.start, cand.end, "state")
        if hit.kind == "capital":
            if not rules.capital_is_actor(root, lexicon):
                return None
            return self._coded(Actor.of(text, hit.ref, "GOV"), cand.start, cand.end, "state")
        # a demonym used as a noun ("Iraqis protested"); as an adjective of a thing
        # ("Iraqi oil", "the Iraqi state") it names no actor
        ethnic = rules.is_ethnic(doc, hit.start, lexicon) and last is hit
        if ethnic and root.pos_ in ("NOUN", "PROPN"):
            # "ethnic Albanians": an ethnic group (CVL, as Phoenix's ETHNIC_GROUP), whose
            # country is where they live, not the state the word names
            actor = Actor.of(doc[hit.start - 1 : cand.end].text, None, "CVL")
            return self._coded(actor, hit.start - 1, cand.end, "group", focus=True)
        if root.dep_ in ("amod", "compound") or root.pos_ not in ("NOUN", "PROPN"):
            if not rules.demonym_argument(root, lexicon):
                return None
            return self._coded(Actor.of(text, hit.ref, None), cand.start, cand.end, "group")
        if rules.is_place(root, lexicon, capital=False):
            return None
        return self._coded(Actor.of(text, hit.ref, None), cand.start, cand.end, "group")

    def _role(self, cand: Candidate) -> list[Coded]:
        """A role phrase: "Iraqi Prime Minister Mustafa Al-Kadhimi", "security forces",
        "US and British forces" (one mention per country), "his guards", "the premier"."""
        doc, lexicon = self.doc, self.lexicon
        span = doc[cand.start : cand.end]
        text = span.text
        marks = [h.end for h in cand.hits]
        name = doc[max(marks) : cand.head + 1] if max(marks) <= cand.head else None
        if name is not None and not all(t.pos_ == "PROPN" or t.is_punct for t in name):
            name = None
        if name is not None:  # "General Motors", "Toronto Police Service": a body's name
            ent = self._named_body(cand, name)
            if ent is not None:
                found = self._open(ent, max(cand.start, ent.start))
                return [found] if found is not None else []
        kind: Kind = "person" if name else "group"
        if name is None and rules.is_place(doc[cand.head], lexicon, capital=False):
            return []  # "outside the embassy", "in parliament": a place here
        name_text = name.text if name is not None else ""
        roles = [h for h in cand.hits if h.kind == "role"]
        best = max(
            roles,
            key=lambda h: (lexicon.roles[int(h.ref)].priority, h.end, h.end - h.start),
            default=None,
        )
        title = rank_role(lexicon, self.memory, best)
        title_text = title.phrase if title is not None else ""
        orgs = [h for h in cand.hits if h.kind == "org"]
        if not orgs and name is None:  # "leaders of Hamas", "troops of the United Nations"
            orgs = origins.of_organisation(doc[cand.head], self.hits)
        if orgs:  # "UN troops": the body's code, the role's agent block appended
            org = lexicon.organisations[int(orgs[-1].ref)]
            apart = orgs[-1].end <= cand.head or orgs[-1].start > cand.head  # not the head itself
            person = name is not None or any(h.kind == "actor" for h in cand.hits)
            code = rules.append_agents(org.code, title, apart and not person)
            actor = Actor(text, code, org.country, org.sector)
            delegate = origins.delegate_country(doc, cand.hits, orgs[-1], title, lexicon)
            if delegate is not None and not person:  # "Iraq's UN envoy": Iraq's diplomat
                actor = lexicon.role_actor(text, delegate, title)
            coded = self._coded(actor, cand.start, cand.end, kind if name else "organisation")
            return [self.memory.remember(coded, name_text, title_text)]
        countries: list[Hit] = []
        affiliation = None
        stacked = rules.stacked_demonyms(cand.hits)
        for hit in cand.hits:
            if hit.start in stacked:
                continue
            if hit.kind in COUNTRY_KINDS and not rules.is_ethnic(doc, hit.start, lexicon):
                if rules.is_affiliation(doc, hit.start, hit.end, lexicon):
                    affiliation = hit.ref
                else:
                    countries.append(hit)
        named = [h for h in cand.hits if h.kind == "actor" and h.ref]
        if named:  # a known person or body: its country, the title's sector if it has one
            actor = lexicon.actor(text, named[-1].ref)
            if actor.country is not None and title is not None and title.priority > 1:
                country = countries[-1].ref if countries else actor.country
                actor = lexicon.role_actor(text, country, title)
            words = doc[named[-1].start : named[-1].end]
            person = name is not None or named[-1].start in self.people
            coded = self._coded(actor, cand.start, cand.end, "person" if person else "organisation")
            return [self.memory.remember(coded, name_text or words.text, title_text)]
        if title is None or (title.phrase in lexicon.words("needs_country") and not countries):
            return []  # "tanks" with no country of their own: equipment, not an actor
        body = self._headed(cand, name, title, countries)
        if body is not None:  # "a spokesman for Ford Motor Co.": the company's, not GOV
            name_text = name_text or appositive_name(doc[cand.head])
            return [self.memory.remember(body, name_text, title_text)]
        sector = title.sector
        if len({h.ref for h in countries}) > 1 and rules.coordinated(doc, countries):
            return self._split(cand, countries, title, affiliation, kind)
        country = countries[-1].ref if countries else None
        inferred = False
        if country is None and name is None and affiliation is None:
            found = origins.prep_countries(doc[cand.head], self.hits, lexicon, title.phrase)
            if len(found) > 1:  # "officials from Iran and Iraq": the role once per country
                made = [lexicon.role_actor(text, c, title) for c in found]
                return [self._coded(a, cand.start, cand.end, kind) for a in made]
            country = found[0] if found else origins.city_modifier_country(span, cand.hits)
            inferred = not found and country is not None  # a gazetteer city's country
            if found and title.sector == "BUS":  # "the chief executive of Hong Kong": no firm
                title = replace(title, sector="GOV", agents="")
        if country is None and name is not None and affiliation is None:
            country = origins.title_place_country(span, cand.hits)
            inferred = country is not None
        known = self.memory.person(name_text) if name is not None and country is None else None
        if known is not None:
            country = known.actor.country
        if name is None and country is None and affiliation is None:
            earlier = self._title_anaphor(cand, title_text) or self._antecedent_org(cand, sector)
            if earlier is not None:
                return [earlier]
            country = self.memory.possessor_country(span)
        in_roles = {i for h in roles for i in range(h.start, h.end)}  # not "foreign minister"
        # "foreign officials", "regional powers": of other countries; a named person's
        # title words are not ("Regional Governor Mujiv Hataman")
        foreign = name is None and any(
            t.lower_ in lexicon.words("foreign") and t.i not in in_roles for t in span
        )
        needs_focus = country is None and not foreign and (known is None or known.needs_focus)
        if needs_focus and adversary_countries(doc[cand.head], self.hits, lexicon):
            needs_focus = False  # "civilians imprisoned for acting against Moscow"
        basis = "inferred" if inferred else None
        actor = lexicon.role_actor(text, country, title, affiliation=affiliation, basis=basis)
        coded = self._coded(actor, cand.start, cand.end, kind, needs_focus)
        name_text = name_text or appositive_name(doc[cand.head])  # "X, the Speaker"
        return [self.memory.remember(coded, name_text, title_text)]

    def _headed(
        self, cand: Candidate, name: Span | None, title: Role, countries: list[Hit]
    ) -> Coded | None:
        """A title of someone heading or speaking for an unlisted organisation (markers.tsv:
        org_title): the body's sector (a company's president is BUS) and country; with a
        body of no known kind, the title's own sector unless it is the generic GOV."""
        lexicon = self.lexicon
        if title.phrase.lower() not in lexicon.words("org_title"):
            return None
        span = self.doc[cand.start : cand.end]
        ent = unlisted.headed_body(span, self.doc[cand.head], name, self.hits)
        if ent is None:
            return None
        kind_word = unlisted.name_kind(ent, lexicon)
        if kind_word is not None and kind_word.sector is None:
            return None  # "COVID-19 spokesman": no body
        sector = kind_word.sector if kind_word else None
        if sector is None and title.sector != "GOV":
            sector = title.sector  # "Ford chief executive": BUS all the same
        country = countries[-1].ref if countries else unlisted.name_country(ent, self.hits, lexicon)
        text = span.text
        actor = (
            Actor.of(text, country, sector, basis="inferred") if country or sector else Actor(text)
        )
        waits = country is None and kind_word is not None and kind_word.domestic
        return self._coded(actor, cand.start, cand.end, "person" if name else "group", waits)

    def _named_body(self, cand: Candidate, name: Span) -> Span | None:
        """The ORG entity a role word and the name after it both sit in, when a kind word
        of it says what body it is ("General Motors": a carmaker, no general; "Toronto
        Police Service": police), so the name is coded as that body, not as a titled man."""
        first = min(h.start for h in cand.hits)
        ent = next((e for e in self.doc.ents if e.start <= first and name.end <= e.end), None)
        if ent is None or ent.label_ != "ORG":
            return None
        return ent if unlisted.name_kind(ent, self.lexicon) is not None else None

    def _split(
        self, cand: Candidate, countries: list[Hit], title: Role, affiliation: str | None,
        kind: Kind,
    ) -> list[Coded]:  # fmt: skip
        """ "US and British forces": one mention per country, the first ones over their own
        words, the last over the rest of the phrase, so conjuncts reach each of them."""
        doc, last, coded = self.doc, countries[-1], self._coded
        role_actor = self.lexicon.role_actor
        found = [
            coded(role_actor(doc[h.start : h.end].text, h.ref, title), h.start, h.end, "group")
            for h in countries[:-1]
        ]
        words = doc[last.start : cand.end].text
        actor = role_actor(words, last.ref, title, affiliation=affiliation)
        return [*found, coded(actor, last.start, cand.end, kind)]

    def _title_anaphor(self, cand: Candidate, title: str) -> Coded | None:
        """ "the Prime Minister" after "Iraqi Prime Minister Mustafa Al-Kadhimi"."""
        if not title or self.doc[cand.start].lower_ != "the":
            return None
        if self.doc[cand.head].tag_ in ("NNS", "NNPS"):
            return None
        earlier = self.memory.titled(title)
        if earlier is None:
            return None
        actor = replace(earlier.actor, text=self.doc[cand.start : cand.end].text)
        return Coded(actor, cand.start, cand.end, "role", earlier.needs_focus)

    def _antecedent_org(self, cand: Candidate, sector: str) -> Coded | None:
        """ "the broadcaster" after "Al Arabiya", "the militants" after "Hamas": a definite
        role phrase naming the sector of an organisation coded shortly before; an unlisted
        one still uncoded is of that sector ("Ford ... the company": both BUS)."""
        if self.doc[cand.start].lower_ != "the" or sector not in ANAPHORIC_SECTORS:
            return None
        sentence = self.sentence_of[cand.start]
        for prior in reversed(self.memory.coded):
            if sentence - self.sentence_of[prior.start] > ANAPHORA_SENTENCES:
                break
            if prior.kind != "organisation":
                continue
            body = self.doc[cand.head].tag_ == "NN"  # "the company", not "the militants"
            if prior.actor.code is None and prior.entity and body:  # "Ford ... the company"
                prior = self.memory.refine(prior, Actor.of(prior.actor.text, None, sector,
                                                           basis="inferred"))  # fmt: skip
            if prior.actor.sector == sector:
                actor = replace(prior.actor, text=self.doc[cand.start : cand.end].text)
                coded = self._coded(actor, cand.start, cand.end, "organisation")
                return replace(coded, entity=prior.entity)
        return None

    def _known_person(self, cand: Candidate) -> list[Coded]:
        """A name seen earlier with a title ("Al-Kadhimi" after "Prime Minister ...")."""
        text = self.doc[cand.start : cand.end].text
        known = self.memory.person(text)
        if known is None:  # a name no entry knows: an open-world actor, as its words say
            ent = unlisted.entity_at(self.doc, cand.start, cand.end)
            found = self._open(ent, cand.start) if ent is not None else None
            return [found] if found is not None else []
        actor = replace(known.actor, text=text)
        return [replace(known, actor=actor, start=cand.start, end=cand.end, kind="person")]

    def _pronoun(self, cand: Candidate) -> list[Coded]:
        """A subject "he"/"she"/"they": the person (or plural group) just before, in this
        sentence or the last one, if all such there share one code; otherwise left out."""
        token = self.doc[cand.start]
        plural = bool(pronoun_kind(token.lower_))
        if token.lower_ in self.lexicon.words("thing_pronoun"):
            earlier = self.memory.governing(rules.governing_subject(token))
        elif plural and len(joint := self.memory.joint(token)) > 1:
            return [
                Coded(replace(c.actor, text=token.text), cand.start, cand.end, "pronoun",
                      c.needs_focus, True)
                for c in joint
            ]  # fmt: skip
        else:
            earlier = self.memory.antecedent(cand.start, plural)
        if earlier is None:
            return []
        actor = replace(earlier.actor, text=token.text)
        return [Coded(actor, cand.start, cand.end, "pronoun", earlier.needs_focus, plural)]

    def _entity_fallback(self) -> None:
        """A spaCy ORG/NORP/GPE entity nothing coded whose longer name holds a country or
        demonym ("the Canadian Press", "Bosnian Serbs"): that country; any other PERSON,
        ORG or NORP name left uncoded: an open-world actor ("General Motors", whose
        "General" was read as a rank and let go)."""
        taken = {i for c in self.memory.coded for i in range(c.start, c.end)} | self.nulled
        for ent, iso3 in rules.entity_countries(self.doc, self.hits, taken, self.lexicon):
            kind: Kind = FALLBACK_LABELS[ent.label_]  # type: ignore[assignment]
            sector = unlisted.name_sector(ent, self.lexicon)  # "Thai Raksa Chart Party": PTY
            actor = Actor.of(ent.text, iso3, sector, basis="inferred" if sector else None)
            self.memory.coded.append(self._coded(actor, ent.start, ent.end, kind))
            taken.update(range(ent.start, ent.end))
        for ent in self.doc.ents:  # names a dictionary word inside kept from the first pass
            if ent.label_ in OPEN_KINDS and taken.isdisjoint(range(ent.start, ent.end)):
                found = self._open(ent, ent.start)
                if found is not None:
                    self.memory.coded.append(found)

    def _open(self, ent: Span, start: int) -> Coded | None:
        """An unlisted PERSON/ORG/NORP name over tokens [start, ent.end): its sector from a
        kind word of its name, its country from its own words; a body domestic by nature
        (police, a court, a ministry) or a person with no country of their own waits for
        the story's."""
        lexicon = self.lexicon
        if not unlisted.participant(ent, lexicon):
            return None
        kind_word = unlisted.name_kind(ent, lexicon)
        sector = kind_word.sector if kind_word is not None else None
        country = unlisted.name_country(ent, self.hits, lexicon)
        text = self.doc[start : ent.end].text
        if country or sector:
            actor = Actor.of(text, country, sector, basis="inferred")
        else:
            actor = Actor(text)
        kind: Kind = OPEN_KINDS[ent.label_]
        if kind == "person" and ent.root.tag_ in ("NNS", "NNPS"):
            kind = "group"  # "Bosnian Serbs" tagged a person: a group all the same
        # a person the text gives no country ("Paul Manafort", "Regional Governor Mujiv
        # Hataman") is, as a coder reads it, of the country the story is about
        domestic = kind == "person" or (kind_word is not None and kind_word.domestic)
        waits = country is None and domestic
        plural = is_plural(self.doc, ent.end, kind, sector)
        coded = Coded(actor, start, ent.end, kind, waits, plural, entity=ent.text.lower())
        return self.memory.remember(coded, ent.text, whole=kind != "person")

    def _mention(self, coded: Coded, focus: str | None) -> ActorMention:
        """The mention as handed on: a role waiting for a country takes the focus country;
        a region its own words name has its block written in."""
        actor = coded.actor
        if coded.needs_focus and focus is not None:
            actor = Actor.of(
                actor.text, focus, actor.sector, affiliation=actor.affiliation, basis="inferred"
            )
        actor = with_region(actor, self._region(coded))
        if actor.code is None:
            actor = replace(actor, basis=None)
        elif actor.basis is None:  # every code not marked inferred came from entries
            actor = replace(actor, basis="known")
        first, last = self.doc[coded.start], self.doc[coded.end - 1]
        return ActorMention(
            actor=actor,
            start=first.idx,
            end=last.idx + len(last.text),
            sentence_index=self.sentence_of[coded.start],
            kind=coded.kind,
        )
