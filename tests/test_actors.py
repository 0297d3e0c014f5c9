"""The actors stage on small hand-written sentences, its data files, and the example."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from tidings.actors import ActorCoder, code_actors, default_coder, load_lexicon
from tidings.actors.petrarch import load_dictionaries, read_directory
from tidings.errors import DataFileError
from tidings.model import ActorMention
from tidings.petrarch import parse_date
from tidings.resources import package_file


def mentions_of(nlp, text: str) -> list[ActorMention]:
    return code_actors(nlp(text))


def covering(text: str, mentions: list[ActorMention], words: str) -> ActorMention | None:
    """The mention whose words include `words` (first occurrence in the text)."""
    at = text.index(words)
    for m in mentions:
        if m.start <= at and at + len(words) <= m.end:
            return m
    return None


CODED = [
    # (text, words inside the mention, expected code)
    ("Iraq rejected the demand.", "Iraq", "IRQ"),
    ("The United States has denounced the attack.", "The United States", "USA"),
    ("Iran said the US was to blame.", "the US", "USA"),
    ("Washington said it would impose sanctions.", "Washington", "USAGOV"),
    ("Beijing rejected the claims, while Moscow urged restraint.", "Moscow", "RUSGOV"),
    ("Iraqi Prime Minister Mustafa Al-Kadhimi was unhurt.", "Mustafa Al-Kadhimi", "IRQGOV"),
    ("US State Department Spokesperson Ned Price spoke.", "Ned Price", "USAGOV"),
    ("They met Iraqi security officials.", "Iraqi security officials", "IRQCOP"),
    ("Al-Kadhimi was Iraq's former intelligence chief.", "intelligence chief", "IRQSPY"),
    ("Israeli troops killed two Palestinian militants.", "Israeli troops", "ISRMIL"),
    ("Israeli troops killed two Palestinian militants.", "Palestinian militants", "PSEREB"),
    ("Russian President Vladimir Putin spoke.", "Vladimir Putin", "RUSGOV"),
    ("The UN Security Council condemned the attack.", "Security Council", "IGOUNO"),
    ("NATO met on Monday, Reuters reported.", "NATO", "IGOWSTNAT"),
    ("NATO met on Monday, Reuters reported.", "Reuters", "GBRMED"),
    ("Boko Haram kidnapped the girls.", "Boko Haram", "NGAREB"),
    ("The Kremlin said talks had stalled.", "Kremlin", "RUSGOV"),
    ("The AP said the talks had stalled.", "AP", "USAMED"),
]


@pytest.mark.parametrize(("text", "words", "code"), CODED)
def test_codes_the_actor(nlp, text, words, code):
    mention = covering(text, mentions_of(nlp, text), words)
    assert mention is not None, f"no mention covers {words!r}"
    assert mention.actor.code == code


NOT_ACTORS = [
    ("The minister arrived in Baghdad on Monday.", "Baghdad"),  # a place, not a metonym
    ("The Taliban took Kabul.", "Kabul"),  # the object of a verb of taking
    ("Prominent government offices were hit.", "government"),  # describes offices
    ("The turkey was delicious.", "turkey"),  # lower case: the bird
    ("Who knows what the talks will bring?", "Who"),  # not the WHO
    ("Michael Jordan retired.", "Jordan"),  # part of a person's name
]


@pytest.mark.parametrize(("text", "words"), NOT_ACTORS)
def test_leaves_out_non_actors(nlp, text, words):
    assert covering(text, mentions_of(nlp, text), words) is None


def test_pro_iran_militias_are_rebels_affiliated_with_iran(nlp):
    text = "Iraq said pro-Iran militias fired rockets. Iraq blamed the militias."
    mention = covering(text, mentions_of(nlp, text), "militias")
    assert mention is not None
    assert (mention.actor.sector, mention.actor.affiliation) == ("REB", "IRN")
    assert mention.actor.country == "IRQ"  # the focus country; Iran is only the backer


def test_uncountried_role_stays_uncountried_without_a_focus(nlp):
    text = "Officials said the talks would resume next week."
    mention = covering(text, mentions_of(nlp, text), "Officials")
    assert mention is not None
    assert (mention.actor.country, mention.actor.sector, mention.kind) == (None, "GOV", "group")


def test_uncountried_role_takes_a_clear_focus_country(nlp):
    text = "Iraq held elections. Iraq's parliament met. Later, officials said the vote was fair."
    mention = covering(text, mentions_of(nlp, text), "officials")
    assert mention is not None and mention.actor.code == "IRQGOV"


def test_no_focus_when_two_countries_tie(nlp):
    text = "Iran and Iraq met. Iran and Iraq signed a deal. Officials praised it."
    mention = covering(text, mentions_of(nlp, text), "Officials")
    assert mention is not None and mention.actor.country is None


def test_surname_and_pronoun_keep_the_titled_code(nlp):
    text = (
        "Iraqi Prime Minister Mustafa Al-Kadhimi met the US ambassador. "
        "Al-Kadhimi later said he was satisfied."
    )
    found = mentions_of(nlp, text)
    later = text.index("Al-Kadhimi later")
    surname = next(m for m in found if m.start == later)
    assert (surname.kind, surname.actor.code) == ("person", "IRQGOV")
    pronoun = next(m for m in found if text[m.start : m.end] == "he")
    assert (pronoun.kind, pronoun.actor.code) == ("pronoun", "IRQGOV")


def test_ambiguous_pronoun_is_left_out(nlp):
    text = "Iraqi President Barham Salih met US Secretary of State Antony Blinken. He smiled."
    found = mentions_of(nlp, text)
    assert not [m for m in found if m.kind == "pronoun"]


def test_mentions_are_sorted_non_overlapping_with_sentence_indexes(nlp):
    text = "Israeli troops entered Jenin. Hamas fired rockets at Israel."
    doc = nlp(text)
    found = code_actors(doc)
    assert [m.start for m in found] == sorted(m.start for m in found)
    assert all(a.end <= b.start for a, b in zip(found, found[1:], strict=False))
    sentences = list(doc.sents)
    for m in found:
        sentence = sentences[m.sentence_index]
        assert sentence.start_char <= m.start < sentence.end_char


def test_coder_is_reusable_across_docs(nlp):
    coder = ActorCoder()
    first = coder.code(nlp("Washington said no."))
    second = coder.code(nlp("Moscow said yes."))
    assert [m.actor.code for m in first] == ["USAGOV"]
    assert [m.actor.code for m in second] == ["RUSGOV"]


def copy_data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(package_file("tidings.actors", "data"), folder)
    return folder


MALFORMED = [
    # (file, line appended, words the error must contain)
    ("countries.tsv", "XX\tNowhere", "iso3"),
    ("countries.tsv", "ATL\tAtlantis\tIraq", "already used"),
    ("sectors.tsv", "warlord\tWAR\t2", "unknown sector"),
    ("sectors.tsv", "warlord\tREB\thigh", "priority"),
    ("organisations.tsv", "Nowhere Front\tXYZREB\tXYZ\tREB", "unknown country"),
    ("markers.tsv", "amid\tsomewhere", "marker kind"),
    ("people.tsv", "Jane Roe\tUSAGOV", "not a list"),
    ("people.tsv", "Jane Roe\t[USAGOV 2021-2020]", "neither YYYYMMDD"),
    ("people.tsv", "Putin\t[RUSGOV]", "already used"),
]


@pytest.mark.parametrize(("name", "line", "problem"), MALFORMED)
def test_malformed_data_file_names_file_and_line(tmp_path, name, line, problem):
    folder = copy_data(tmp_path)
    path = folder / name
    text = path.read_text(encoding="utf-8")
    path.write_text(text.rstrip("\n") + "\n" + line + "\n", encoding="utf-8")
    bad_line = len(text.rstrip("\n").splitlines()) + 1
    with pytest.raises(DataFileError) as caught:
        load_lexicon(folder)
    assert caught.value.path.endswith(name)
    assert caught.value.line == bad_line
    assert problem in caught.value.problem


def test_packaged_data_loads(tmp_path):
    lexicon = load_lexicon(copy_data(tmp_path))
    assert {"PSE", "XKX", "TWN", "USA", "IRQ"} <= set(lexicon.countries)
    assert "Baghdad" in lexicon.countries["IRQ"].capitals


def test_example_article(example_doc):
    text = example_doc.text
    found = code_actors(example_doc)
    kadhimi = [m for m in found if "Al-Kadhimi" in text[m.start : m.end]]
    assert len(kadhimi) >= 3
    assert {m.actor.code for m in kadhimi} == {"IRQGOV"}
    price = covering(text, found, "Ned Price")
    assert price is not None and price.actor.code == "USAGOV"
    united_states = covering(text, found, "The United States")
    assert united_states is not None and united_states.actor.code == "USA"
    agency = covering(text, found, "Associated Press")
    assert agency is not None and agency.actor.code == "USAMED"
    militias = covering(text, found, "pro-Iran")
    assert militias is not None
    assert (militias.actor.sector, militias.actor.affiliation) == ("REB", "IRN")
    green_zone = text.index("Baghdad's Green Zone")
    assert not [m for m in found if m.start == green_zone]  # a place, not an actor


# --- issue 4: titles, document-level resolution, known people, dates --------------------

DATED = [
    # (text, article date, words inside the mention, expected code)
    ("Iraqi security forces arrested two men.", None, "security forces", "IRQCOP"),
    ("Putin met Erdogan in Sochi.", dt.date(2021, 9, 29), "Putin", "RUSGOV"),
    ("Putin met Erdogan in Sochi.", dt.date(2021, 9, 29), "Erdogan", "TURGOV"),
    # people.tsv: the office held on the article's date
    ("Biden said the attack was terrorism.", dt.date(2022, 1, 1), "Biden", "USAGOV"),
    ("Biden said the attack was terrorism.", dt.date(2018, 1, 1), "Biden", "USAELI"),
    ("Biden said the attack was terrorism.", None, "Biden", "USA"),  # no date: country only
    # a title in the text gives the sector, the dictionary the country
    ("President Obama met the king.", dt.date(2000, 1, 1), "President Obama", "USAGOV"),
    ("Former President Obama met the king.", dt.date(2020, 1, 1), "President Obama", "USAELI"),
    ("President Biden condemned the attack.", None, "President Biden", "USAGOV"),
]


@pytest.mark.parametrize(("text", "date", "words", "code"), DATED)
def test_codes_the_actor_on_the_date(nlp, text, date, words, code):
    mention = covering(text, default_coder().code(nlp(text), date), words)
    assert mention is not None, f"no mention covers {words!r}"
    assert mention.actor.code == code


RESOLVED = [
    # (text, the later words, expected code, expected kind)
    (
        "Iraqi Prime Minister Mustafa Al-Kadhimi was unhurt. The Prime Minister later spoke.",
        "The Prime Minister",
        "IRQGOV",
        "role",
    ),
    (
        "Iraqi Prime Minister Mustafa Al-Kadhimi was unhurt, but his security guards were hurt.",
        "his security guards",
        "IRQCOP",
        "group",
    ),
    ("Houthi rebels fired missiles. They said it was a warning.", "They", "YEMREB", "pronoun"),
    ("The Afghan Taliban said they would talk.", "they", "AFGREB", "pronoun"),
]


@pytest.mark.parametrize(("text", "words", "code", "kind"), RESOLVED)
def test_later_mentions_take_the_antecedents_code(nlp, text, words, code, kind):
    mention = covering(text, mentions_of(nlp, text), words)
    assert mention is not None, f"no mention covers {words!r}"
    assert (mention.actor.code, mention.kind) == (code, kind)


COORDINATED = [
    # (text, [(words, code)] in order)
    ("US and British forces entered the city.", [("US", "USAMIL"), ("British forces", "GBRMIL")]),
    (
        "Senior Hungarian and Romanian officials agreed on Wednesday.",
        [("Hungarian", "HUNGOV"), ("Romanian officials", "ROUGOV")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), COORDINATED)
def test_coordinated_countries_give_one_mention_each(nlp, text, expected):
    found = [(text[m.start : m.end], m.actor.code) for m in mentions_of(nlp, text)]
    assert found[: len(expected)] == expected


NEVER_GUESSED = [
    # (text, words): no country anywhere in the text, so none may be given
    ("The president said the attack was terrorism.", "The president"),
    ("Officials said they would respond.", "Officials"),
    ("Officials said they would respond.", "they"),
    ("The militants fired rockets.", "The militants"),
]


@pytest.mark.parametrize(("text", "words"), NEVER_GUESSED)
def test_never_guesses_a_country_from_nothing(nlp, text, words):
    mention = covering(text, mentions_of(nlp, text), words)
    assert mention is None or mention.actor.country is None


UNRESOLVED_PRONOUNS = [
    "He said the attack was terrorism.",  # no antecedent at all
    "The militants fired at the protesters. They said it was a warning.",  # two groups
]


@pytest.mark.parametrize("text", UNRESOLVED_PRONOUNS)
def test_pronoun_without_a_clear_antecedent_is_left_out(nlp, text):
    assert not [m for m in mentions_of(nlp, text) if m.kind == "pronoun"]


def test_entity_holding_a_country_name_falls_back_to_that_country(nlp):
    text = "The Kenyan Football Federation said the match would go ahead."
    mention = covering(text, mentions_of(nlp, text), "Kenyan Football Federation")
    assert mention is not None and mention.actor.country == "KEN"


# --- PETRARCH/TABARI dictionaries ---------------------------------------------------------

ACTORS_FILE = """\
<!-- a tiny actor dictionary written for these tests -->
# comment line
JOHN_DOE_  # the same person held two offices
+J._DOE
\t[GBRMIL 20080120-20121109]
\t[GBRGOV >20121110]
\t[GBRELI]
NOWHERE_FRONT [AFGREB <900101] [---]
"""

AGENTS_FILE = """\
!PERSON! = MAN, WOMAN
WARLORD [~REB] # plural generated
AID_CONVOY {} [NGO~]
FERRY!PERSON! [~BUS]
"""


def petrarch_folder(tmp_path: Path, actors: str = ACTORS_FILE, agents: str = AGENTS_FILE) -> Path:
    (tmp_path / "Test.actors.txt").write_text(actors, encoding="utf-8")
    (tmp_path / "Test.agents.txt").write_text(agents, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    ("date", "code"),
    [
        (dt.date(2010, 6, 1), "GBRMIL"),
        (dt.date(2015, 6, 1), "GBRGOV"),
        (dt.date(2000, 6, 1), "GBRELI"),
    ],
)
def test_petrarch_actor_file_codes_the_role_held_on_the_date(nlp, tmp_path, date, code):
    coder = ActorCoder.from_petrarch(petrarch_folder(tmp_path))
    text = "John Doe said the talks had failed."
    mention = covering(text, coder.code(nlp(text), date), "John Doe")
    assert mention is not None and mention.actor.code == code


def test_petrarch_null_code_codes_nothing(nlp, tmp_path):
    coder = ActorCoder.from_petrarch(petrarch_folder(tmp_path))
    text = "The Nowhere Front said it fired."
    assert covering(text, coder.code(nlp(text), dt.date(2020, 1, 1)), "Nowhere Front") is None
    early = covering(text, coder.code(nlp(text), dt.date(1980, 1, 1)), "Nowhere Front")
    assert early is not None and early.actor.code == "AFGREB"


def test_petrarch_agent_forms(tmp_path):
    roles = {r.phrase: r.sector for r in load_dictionaries(petrarch_folder(tmp_path)).roles}
    assert roles["warlord"] == "REB"  # [~REB]: after the country
    assert roles["aid convoy"] == "NGO"  # [NGO~]: before it
    assert (roles["ferryman"], roles["ferrywoman"]) == ("BUS", "BUS")  # !PERSON! set


def test_petrarch_agents_code_role_phrases(nlp, tmp_path):
    coder = ActorCoder.from_petrarch(petrarch_folder(tmp_path), keep_builtin=True)
    text = "Afghan warlords attacked the convoy."
    mention = covering(text, coder.code(nlp(text)), "Afghan warlords")
    assert mention is not None and mention.actor.code == "AFGREB"


BAD_PETRARCH = [
    # (which file, its text, the bad line number, words the problem must contain)
    ("actors", "JOHN_DOE_\n\t[GBRGOV 20150101-20100101]\n", 2, "ends before it starts"),
    ("actors", "JOHN_DOE_ [GBR\n", 1, "unbalanced"),
    ("actors", "JOHN_DOE_\n\t[GBRGOV >20151399]\n", 2, "calendar day"),
    ("actors", "# header\n\t[GBR]\n", 2, "before any name"),
    ("actors", "JOHN_DOE_\n\t[GBRGOV ~2015]\n", 2, "is not <date"),
    ("agents", "WARLORD [~REB]\nCHIEFTAIN\n", 2, "agent line needs"),
    ("agents", "FERRY!PERSON! [~BUS]\n", 1, "not defined"),
]


@pytest.mark.parametrize(("which", "text", "line", "problem"), BAD_PETRARCH)
def test_petrarch_errors_name_file_and_line(tmp_path, which, text, line, problem):
    folder = petrarch_folder(tmp_path, **{which: text})
    with pytest.raises(DataFileError) as caught:
        load_dictionaries(folder, strict=True)
    assert caught.value.path.endswith(f"Test.{which}.txt")
    assert caught.value.line == line
    assert problem in caught.value.problem
    skipped = read_directory(folder).problems  # not strict: skipped, as PETRARCH does
    assert [(p.line, problem in p.problem) for p in skipped] == [(line, True)]


@pytest.mark.parametrize(
    ("date", "code"),
    [
        (dt.date(2007, 1, 1), "HOBCIV"),
        (dt.date(2010, 1, 10), "ORCHOB"),  # listed first, so it wins over HOBMIL
        (dt.date(2011, 1, 1), "HOBMIL"),
        (dt.date(2013, 1, 1), "HOBGOV"),
        (dt.date(2014, 1, 1), "HOBELI"),
    ],
)
def test_petrarch_validation_dictionary_date_rules(shared, date, code):
    read = read_directory(shared / "reference" / "petrarch", pattern="PETR.Validate.*")
    (sam,) = [a for a in read.actors if "SAM GAMGEE" in a.names]
    assert sam.code_on(date) == code


@pytest.fixture(scope="module")
def phoenix(shared):
    return ActorCoder.from_petrarch(shared / "reference" / "petrarch", pattern="Phoenix.*")


PHOENIX = [
    # (text, date, words, code) from the Phoenix dictionaries
    ("Kevin Rudd said the deal was done.", dt.date(2010, 3, 1), "Kevin Rudd", "AUSGOV"),
    ("Kevin Rudd said the deal was done.", dt.date(2015, 3, 1), "Kevin Rudd", "AUSELI"),
    ("The Abu Nidal Organization claimed it.", dt.date(1990, 1, 1), "Abu Nidal", "IMGMUSALQ"),
    ("Ban Ki-moon urged calm.", dt.date(2010, 1, 1), "Ban Ki-moon", "IGOUNO"),
    # "THE US" (a country entry) overlaps "US CONGRESS": the longer name codes it
    ("The US Congress passed the bill.", dt.date(2010, 1, 1), "US Congress", "USAGOVLEG"),
]


@pytest.mark.parametrize(("text", "date", "words", "code"), PHOENIX)
def test_phoenix_dictionaries_code_known_names(nlp, phoenix, text, date, words, code):
    mention = covering(text, phoenix.code(nlp(text), date), words)
    assert mention is not None and mention.actor.code == code


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("950601", dt.date(1995, 6, 1)),
        ("100101", dt.date(2010, 1, 1)),
        ("201005011", dt.date(2010, 5, 1)),
    ],
)
def test_tabari_dates(text, day):
    assert parse_date(text) == day


NATIONALITY_OF_A_THING = [
    # (text, words inside the mention, expected code): a demonym before an ordinary noun
    # that is a subject or object of its clause stands for its country; equipment nouns
    # stand for the country's military
    ("Bangladesh rejected an Indian proposal.", "Indian", "IND"),
    ("Some 800,000 Iraqi Kurds sought refuge in Germany.", "Iraqi", "IRQ"),
    ("Palestinian prisoners rioted on Monday.", "Palestinian", "PSE"),
    ("Israeli tanks fired shells at the town.", "Israeli tanks", "ISRMIL"),
    ("Israeli army bulldozers demolished the houses.", "Israeli army bulldozers", "ISRMIL"),
    ("Afghan guerillas blew up power lines.", "Afghan guerillas", "AFGREB"),
]


@pytest.mark.parametrize(("text", "words", "code"), NATIONALITY_OF_A_THING)
def test_nationality_before_a_thing_codes_its_country(nlp, text, words, code):
    mention = covering(text, mentions_of(nlp, text), words)
    assert mention is not None, f"no mention covers {words!r}"
    assert mention.actor.code == code


NOT_ACTORS_EITHER = [
    # (text, words): places, and equipment with no country of its own
    ("Fuel tanks exploded near the Iraqi border.", "tanks"),
    ("Fuel tanks exploded near the Iraqi border.", "Iraqi"),
    ("The helicopters landed safely.", "helicopters"),
]


@pytest.mark.parametrize(("text", "words"), NOT_ACTORS_EITHER)
def test_places_and_bare_equipment_are_not_actors(nlp, text, words):
    assert covering(text, mentions_of(nlp, text), words) is None


IT_PRONOUNS = [
    # (text, expected code of "it" or None): "it" takes the country or body that is the
    # subject of the verb its clause hangs on, never a person's code
    ("Hungary has said it will support the resolution.", "HUN"),
    ("The UN said it would send aid.", "IGOUNO"),
    ("Iraqi Prime Minister Mustafa Al-Kadhimi said it was a crime.", None),
    ("It is raining, Iraq said.", None),
]


@pytest.mark.parametrize(("text", "code"), IT_PRONOUNS)
def test_it_takes_the_governing_country_or_body(nlp, text, code):
    found = [m for m in mentions_of(nlp, text) if text[m.start : m.end].lower() == "it"]
    assert [m.actor.code for m in found] == ([code] if code else [])


def test_it_is_never_the_antecedent_of_he(nlp):
    text = "Hungary said it would act. He said nothing."
    found = [m for m in mentions_of(nlp, text) if text[m.start : m.end] == "He"]
    assert found == []
