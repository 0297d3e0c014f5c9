"""The actor dictionaries: countries, role words, named organisations, known people and
marker words.

They live in readable TSV files under `data/` so that people can extend them without
touching code. Each file is checked line by line when loaded: a bad code, an unknown
sector or a name claimed by two entries raises `DataFileError` naming the file and line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path

from tidings.model import Actor
from tidings.petrarch import KnownActor, codes_cell
from tidings.resources import Row, package_file, read_tsv

MARKER_KINDS = frozenset(
    {
        "pro",
        "backed",
        "foreign",
        "place_prep",
        "motion_prep",
        "actor_prep",
        "person_pronoun",
        "group_pronoun",
        "thing_pronoun",
        "needs_country",
        "posted",
        "based",
        "ethnic",
        "member_noun",
        "adversary_prep",
        "naming",
        "compass",
        "rank",
        "kin",
        "org_title",
    }
)
_ISO3 = re.compile(r"[A-Z]{3}")
_SECTOR = re.compile(r"[A-Z]{3}")
_CODE = re.compile(r"[A-Z]{3,}")


def is_case_sensitive(phrase: str) -> bool:
    """All-capital phrases (US, U.S., UN, PM, IS) must match as written, not ignoring case."""
    return phrase == phrase.upper() and any(c.isalpha() for c in phrase)


def form_key(phrase: str) -> str:
    """The key two surface forms collide on: as written when case-sensitive, else lower case."""
    return phrase if is_case_sensitive(phrase) else phrase.lower()


@dataclass(frozen=True, slots=True)
class Country:
    iso3: str
    name: str
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    capitals: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Role:
    phrase: str
    sector: str  # the main agent block: the first of `agents`
    priority: int
    agents: str = ""  # the whole agent block when it has several ("GOVMIL"), else ""

    def code(self, country: str | None) -> str:
        """The role's code with `country`: "IRQ" + "GOVMIL"; with no country only the main
        block ("GOV"), as PETRARCH writes an uncountried agent."""
        return f"{country}{self.agents or self.sector}" if country else self.sector


@dataclass(frozen=True, slots=True)
class KindWord:
    """A word of a name that says what the named body is (kinds.tsv); `sector` None for a
    word that makes the name no participant ("COVID-19")."""

    word: str
    sector: str | None
    priority: int
    domestic: bool


@dataclass(frozen=True, slots=True)
class Organisation:
    names: tuple[str, ...]
    code: str
    country: str | None
    sector: str


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Everything the actor coder knows, loaded and checked once."""

    sectors: frozenset[str]
    countries: dict[str, Country]
    roles: tuple[Role, ...]
    organisations: tuple[Organisation, ...]
    markers: dict[str, frozenset[str]]
    actors: tuple[KnownActor, ...] = ()  # named people and bodies with dated codes
    regions: dict[str, str] = field(default_factory=dict)  # form_key -> region block
    ambiguous: dict[str, tuple[str, ...]] = field(default_factory=dict)  # lower -> countries
    kinds: dict[str, KindWord] = field(default_factory=dict)  # lower word -> its kind

    def region_block(self, words: str) -> str | None:
        """The region block of a region name or demonym ("Gaza", "Gazans" -> GZA)."""
        return self.regions.get(form_key(words)) or self.regions.get(words.lower())

    def words(self, kind: str) -> frozenset[str]:
        """The marker words of one kind (see markers.tsv), lower case."""
        return self.markers.get(kind, frozenset())

    def role_actor(self, text: str, country: str | None, role: Role | None, **kw: object) -> Actor:
        """An actor a role word gives: its country (if any) and the role's agent block."""
        if role is None:
            return Actor.of(text, country, None, **kw)
        return Actor(text, role.code(country), country, role.sector, **kw)  # type: ignore[arg-type]

    def actor(self, text: str, code: str, **kw: object) -> Actor:
        """An actor from a full code: "IRQGOV" -> IRQ + GOV; a code that opens with a
        sector or a transnational block ("IGOUNO", "NGOHRI", "ELI") has no country."""
        code = code.upper()
        if code[:3] in self.sectors:
            return Actor(text, code, None, code[:3], **kw)  # type: ignore[arg-type]
        sector = code[3:6] or None
        return Actor(text, code, code[:3], sector, **kw)  # type: ignore[arg-type]


class _Claims:
    """Surface forms already taken, so one name never codes two different entries."""

    def __init__(self) -> None:
        self.owner: dict[str, str] = {}

    def claim(self, row: Row, form: str, owner: str) -> None:
        key = form_key(form)
        previous = self.owner.setdefault(key, owner)
        if previous != owner:
            raise row.fail(f"{form!r} is already used by {previous}; a name must code one entry")


def load_sector_codes(path: Path) -> frozenset[str]:
    codes: set[str] = set()
    for row in read_tsv(path, ["code", "name"]):
        code = row["code"]
        if not _SECTOR.fullmatch(code):
            raise row.fail(f"sector code {code!r} is not three capital letters")
        if code in codes:
            raise row.fail(f"sector code {code} is listed twice")
        codes.add(code)
    return frozenset(codes)


def load_countries(path: Path, claims: _Claims | None = None) -> dict[str, Country]:
    claims = claims or _Claims()
    countries: dict[str, Country] = {}
    for row in read_tsv(path, ["iso3", "name"]):
        iso3 = row["iso3"]
        if not _ISO3.fullmatch(iso3):
            raise row.fail(f"iso3 {iso3!r} is not three capital letters")
        if iso3 in countries:
            raise row.fail(f"country {iso3} is listed twice")
        country = Country(
            iso3=iso3,
            name=row["name"],
            aliases=tuple(row.list("aliases")),
            demonyms=tuple(row.list("demonyms")),
            capitals=tuple(row.list("capital")),
        )
        for form in (country.name, *country.aliases, *country.demonyms, *country.capitals):
            claims.claim(row, form, iso3)
        countries[iso3] = country
    return countries


def load_regions(
    path: Path, countries: dict[str, Country], claims: _Claims
) -> tuple[dict[str, Country], dict[str, str]]:
    """Regions with a block of their own inside a country's code (Phoenix's PSEGZA): their
    names and demonyms join the country's, and each form maps to the block."""
    regions: dict[str, str] = {}
    countries = dict(countries)
    for row in read_tsv(path, ["names", "country", "block"]):
        iso3, block = row["country"], row["block"]
        if iso3 not in countries:
            raise row.fail(f"unknown country {iso3!r} (see countries.tsv)")
        if not _SECTOR.fullmatch(block):
            raise row.fail(f"region block {block!r} is not three capital letters")
        names, demonyms = row.list("names"), row.list("demonyms")
        for form in (*names, *demonyms):
            claims.claim(row, form, iso3)
            regions[form_key(form)] = block
        for form in demonyms:
            regions[form_key(form + "s")] = block  # "Gazans"
        country = countries[iso3]
        countries[iso3] = replace(
            country,
            aliases=(*country.aliases, *names),
            demonyms=(*country.demonyms, *demonyms),
        )
    return countries, regions


def load_roles(path: Path, sectors: frozenset[str]) -> tuple[Role, ...]:
    roles: list[Role] = []
    seen: set[str] = set()
    for row in read_tsv(path, ["phrase", "sector", "priority"]):
        phrase, block = row["phrase"], row["sector"]
        chunks = [block[i : i + 3] for i in range(0, len(block), 3)]
        if not block or any(c not in sectors for c in chunks) or len(set(chunks)) < len(chunks):
            raise row.fail(f"unknown sector {block!r} (see sector_codes.tsv)")
        if row["priority"] not in {"1", "2", "3"}:
            raise row.fail(f"priority {row['priority']!r} is not 1, 2 or 3")
        if form_key(phrase) in seen:
            raise row.fail(f"role phrase {phrase!r} is listed twice")
        seen.add(form_key(phrase))
        agents = block if len(chunks) > 1 else ""
        roles.append(Role(phrase, chunks[0], int(row["priority"]), agents))
    return tuple(roles)


def load_kinds(path: Path, sectors: frozenset[str]) -> dict[str, KindWord]:
    """kinds.tsv: the words of a name that say what an unlisted body is."""
    kinds: dict[str, KindWord] = {}
    for row in read_tsv(path, ["word", "sector", "priority", "domestic"]):
        word, sector = row["word"].lower(), row["sector"]
        if " " in word:
            raise row.fail(f"kind word {word!r} must be one word")
        if sector != "-" and sector not in sectors:
            raise row.fail(f"unknown sector {sector!r} (see sector_codes.tsv, or - for none)")
        if row["priority"] not in {"1", "2", "3"}:
            raise row.fail(f"priority {row['priority']!r} is not 1, 2 or 3")
        if row["domestic"] not in {"yes", "no"}:
            raise row.fail(f"domestic {row['domestic']!r} is not yes or no")
        if word in kinds:
            raise row.fail(f"kind word {word!r} is listed twice")
        kinds[word] = KindWord(
            word, None if sector == "-" else sector, int(row["priority"]), row["domestic"] == "yes"
        )
    return kinds


def load_organisations(
    path: Path, sectors: frozenset[str], countries: dict[str, Country], claims: _Claims
) -> tuple[Organisation, ...]:
    orgs: list[Organisation] = []
    for row in read_tsv(path, ["names", "code", "sector"]):
        code, sector, country = row["code"], row["sector"], row.get("country") or None
        if not _CODE.fullmatch(code):
            raise row.fail(f"code {code!r} is not capital letters")
        if sector not in sectors:
            raise row.fail(f"unknown sector {sector!r} (see sector_codes.tsv)")
        if country is not None and country not in countries:
            raise row.fail(f"unknown country {country!r} (see countries.tsv)")
        names = tuple(row.list("names"))
        for name in names:
            claims.claim(row, name, f"organisation {names[0]!r}")
        orgs.append(Organisation(names, code, country, sector))
    return tuple(orgs)


def load_people(path: Path, claims: _Claims) -> tuple[KnownActor, ...]:
    """Known people: names and their offices over time, as PETRARCH-style brackets."""
    people: list[KnownActor] = []
    for row in read_tsv(path, ["names", "codes"]):
        names = tuple(row.list("names"))
        codes = codes_cell(row.path, row.line, row["codes"])
        for name in names:
            claims.claim(row, name, f"person {names[0]!r}")
        people.append(KnownActor(names, codes, f"{row.path}:{row.line}", person=True))
    return tuple(people)


def load_ambiguous(path: Path, countries: dict[str, Country]) -> dict[str, tuple[str, ...]]:
    """Place names shared by several countries (ambiguous.tsv), the lexicon's own first."""
    names = {
        form.lower(): c.iso3
        for c in countries.values()
        for form in (c.name, *c.aliases, *c.capitals)
    }
    found: dict[str, tuple[str, ...]] = {}
    for row in read_tsv(path, ["name", "countries"]):
        codes = tuple(row.list("countries"))
        if len(codes) < 2 or any(code not in countries for code in codes):
            raise row.fail(f"countries {row['countries']!r}: two or more codes from countries.tsv")
        if names.get(row["name"].lower()) != codes[0]:
            raise row.fail(f"{row['name']!r} does not name {codes[0]} in countries.tsv")
        found[row["name"].lower()] = codes
    return found


def load_markers(path: Path) -> dict[str, frozenset[str]]:
    kinds: dict[str, set[str]] = {}
    for row in read_tsv(path, ["word", "kind"]):
        if row["kind"] not in MARKER_KINDS:
            raise row.fail(f"unknown marker kind {row['kind']!r}; use {sorted(MARKER_KINDS)}")
        kinds.setdefault(row["kind"], set()).add(row["word"].lower())
    return {kind: frozenset(words) for kind, words in kinds.items()}


def load_lexicon(data_dir: Path | str | None = None) -> Lexicon:
    """Load and check every actor data file from `data_dir` (default: the packaged ones)."""
    if data_dir is None:
        return default_lexicon()
    folder = Path(data_dir)
    sectors = load_sector_codes(folder / "sector_codes.tsv")
    claims = _Claims()
    countries = load_countries(folder / "countries.tsv", claims)
    roles = load_roles(folder / "sectors.tsv", sectors)
    countries, regions = load_regions(folder / "regions.tsv", countries, claims)
    return Lexicon(
        sectors=sectors,
        countries=countries,
        roles=roles,
        organisations=load_organisations(folder / "organisations.tsv", sectors, countries, claims),
        markers=load_markers(folder / "markers.tsv"),
        actors=load_people(folder / "people.tsv", claims),
        regions=regions,
        ambiguous=load_ambiguous(folder / "ambiguous.tsv", countries),
        kinds=load_kinds(folder / "kinds.tsv", sectors),
    )


@cache
def default_lexicon() -> Lexicon:
    """The packaged dictionaries, loaded once per process."""
    return load_lexicon(package_file("tidings.actors", "data"))
