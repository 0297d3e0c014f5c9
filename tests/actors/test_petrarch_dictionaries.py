"""PETRARCH/TABARI actor and agent dictionaries: the role held on the date, null codes,
agent forms, errors that name file and line, and the shared Phoenix and validation
dictionaries."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.helpers import covering
from tidings.actors import ActorCoder
from tidings.actors.petrarch import load_dictionaries, read_directory
from tidings.errors import DataFileError
from tidings.petrarch import parse_date

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
