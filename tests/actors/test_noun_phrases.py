"""Actor codes of generic noun phrases, as CAMEO/Phoenix code them: a country from a
prepositional phrase, several agent blocks in one code, people nouns, collective nouns,
commissions and nationals, members and bodies, legislatures. Sentences written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.helpers import actor_codes, code_of, codes, covering, mentions_of

PHRASES = [
    # (text, words inside the mention, expected code)
    # a role with no country of its own takes one from "in"/"from"/"of" on its head
    ("A court in Peru sentenced the former mayor.", "A court", "PERJUD"),
    ("Dissidents from Cuba met the minister on Friday.", "Dissidents", "CUBOPP"),
    ("Officers in the Chilean army were arrested.", "Officers", "CHLMIL"),
    ("The protesters in Lima blocked the road.", "The protesters", "PEROPP"),
    # ... but never over a country of its own
    ("French troops in Mali withdrew.", "French troops", "FRAMIL"),
    # several agent blocks: the role's own, and a body's code with a role appended
    ("Kenya's national security adviser resigned.", "national security adviser", "KENGOVMIL"),
    ("NATO troops left the base on Monday.", "NATO troops", "IGOWSTNATMIL"),
    ("Hamas militants fired rockets.", "Hamas militants", "PSEREB"),  # armed: no REB added
    # people nouns
    ("Three Chilean men were arrested at the border.", "Chilean men", "CHLPPL"),
    ("Kenyan women marched through the capital.", "Kenyan women", "KENCVL"),
    ("Ethiopian Airlines said flights would resume.", "Ethiopian Airlines", "ETHBUS"),
    ("Mexican smugglers crossed the river.", "Mexican smugglers", "MEXCRM"),
    ("Turkish lawyers appealed the verdict.", "Turkish lawyers", "TURJUD"),
    ("They will withdraw humanitarian workers.", "humanitarian workers", "NGO"),
    # a defence minister is a cabinet member first, with the military block after
    ("The German defence minister visited the troops.", "defence minister", "DEUGOVMIL"),
    ("Maj. Gen. Ali Hassan resigned on Monday.", "Ali Hassan", "MIL"),
]


@pytest.mark.parametrize(("text", "words", "code"), PHRASES)
def test_codes_the_phrase(nlp, text, words, code):
    assert code_of(nlp, text, words) == code


@pytest.mark.parametrize(
    ("text", "words", "code"),
    [
        # a collective noun for people takes the role word before it
        ("Dutch military personnel left the base on Friday.", "Dutch military personnel", "NLDMIL"),
        ("Two Chilean police personnel were hurt.", "Two Chilean police personnel", "CHLCOP"),
        ("Canadian embassy staff were evacuated.", "Canadian embassy staff", "CANGOV"),
        ("Medical personnel from Cuba arrived in the city.", "Medical personnel", "CUBHLH"),
        # a state commission named after its country is the government's, not the country
        (
            "The Zambia Electoral Commission postponed the vote.",
            "The Zambia Electoral Commission",
            "ZMBGOV",
        ),
        # nationals and citizens are civilians of their country
        ("A Dutch national was detained at the airport.", "A Dutch national", "NLDCVL"),
        ("Three Belgian nationals were kidnapped.", "Three Belgian nationals", "BELCVL"),
        # "Islamic fundamentalists": a group with no armed role, civilians
        ("Islamic fundamentalists staged a sit-in.", "Islamic fundamentalists", "CVL"),
    ],
)
def test_people_nouns_commissions_and_nationals(nlp, text: str, words: str, code: str) -> None:
    assert actor_codes(nlp, text).get(words) == code


def test_pro_iran_militias_are_rebels_affiliated_with_iran(nlp):
    text = "Iraq said pro-Iran militias fired rockets. Iraq blamed the militias."
    mention = covering(text, mentions_of(nlp, text), "militias")
    assert mention is not None
    assert (mention.actor.sector, mention.actor.affiliation) == ("REB", "IRN")
    assert mention.actor.country == "IRQ"  # the focus country; Iran is only the backer


MORE = [
    # members named by the body they belong to
    ("Leaders of Hezbollah met in Beirut.", "Leaders", "LBNREB"),
    ("Troops of the United Nations patrolled the border.", "Troops", "IGOUNOMIL"),
    ("Government forces shelled the town.", "Government forces", "MIL"),
    ("Muslim Brotherhood members were detained.", "Muslim Brotherhood", "EGYOPPMUS"),
    ("The Syrian Observatory for Human Rights said ten died.", "Syrian Observatory", "SYROPPHRI"),
    ("US Central Command said the strike hit a depot.", "Central Command", "USAMIL"),
]


@pytest.mark.parametrize(("text", "words", "code"), MORE)
def test_codes_members_and_bodies(nlp, text, words, code):
    assert code_of(nlp, text, words) == code


HELD_PLACES = [
    # (text, words): a country word before "-occupied", "-held", "-controlled" says who
    # holds a place; it names no actor here
    ("The convoy reached the Israeli-occupied sector on Monday.", "Israeli"),
    ("Troops entered Turkish-controlled territory.", "Turkish"),
]


@pytest.mark.parametrize(("text", "words"), HELD_PLACES)
def test_holder_of_a_place_is_not_an_actor(nlp, text, words):
    assert code_of(nlp, text, words) is None


MORE_ROLES = [
    ("Opposition groups in Chile called a strike.", "Opposition groups", "CHLOPP"),
    ("Students across Peru marched on Monday.", "Students", "PEREDU"),
    ("Peruvian Energy Secretary Ana Ruiz resigned.", "Ana Ruiz", "PERGOV"),
    # a named person keeps the body's code: no role block is appended to it
    ("NATO Secretary General Mark Rutte spoke.", "Mark Rutte", "IGOWSTNAT"),
]


@pytest.mark.parametrize(("text", "words", "code"), MORE_ROLES)
def test_more_roles(nlp, text, words, code):
    assert code_of(nlp, text, words, dt.date(2025, 3, 1)) == code


def test_role_word_before_held_or_backed_only_describes(nlp):
    text = "Rebels shelled a government-held district."
    assert code_of(nlp, text, "government") is None
    assert code_of(nlp, "Government-backed militias attacked a village.", "militias") == "REB"


BODIES = [
    # a country's diplomat to a body belongs to the country
    ("Chile's UN ambassador rejected the draft.", "UN ambassador", "CHLGOV"),
    ("The Peruvian UN envoy left the session.", "UN envoy", "PERGOV"),
    # a body named before "-linked" describes the group; it is not an actor itself
    ("Al-Qaeda-linked gunmen stormed the hotel.", "Al-Qaeda-linked gunmen", "REB"),
]


@pytest.mark.parametrize(("text", "words", "code"), BODIES)
def test_bodies_inside_phrases(nlp, text, words, code):
    assert code_of(nlp, text, words) == code


@pytest.mark.parametrize(
    "text", ["The Senate Judiciary Committee questioned the judge.",
             "The House Intelligence Committee heard the spy chief."],
)  # fmt: skip
def test_a_committee_of_a_legislature_is_the_legislature(nlp, actor_coder, text):
    found = codes(nlp, actor_coder, text)
    committee = next(code for words, code in found.items() if words.endswith("Committee"))
    assert committee == "LEG", found


def test_the_speaker_of_a_house_is_the_legislature(nlp, actor_coder):
    found = codes(nlp, actor_coder, "Commons Speaker Jane Doe criticised the minister.")
    assert found["Commons Speaker Jane Doe"] == "LEG", found


NOT_FROM_WHERE_THEY_SERVE = [
    # (text, words): "in X" after a role serving abroad says where, not whose
    ("Chile opened an embassy in Lima.", "an embassy", "PER"),
    ("Kenya will not deploy peacekeepers in Haiti.", "peacekeepers", "HTI"),
]


@pytest.mark.parametrize(("text", "words", "wrong"), NOT_FROM_WHERE_THEY_SERVE)
def test_posted_roles_do_not_take_the_place(nlp, text, words, wrong):
    assert not (code_of(nlp, text, words) or "").startswith(wrong)


def test_intelligence_needs_a_country_of_its_own(nlp):
    text = "They shared satellite images and other intelligence with Chile."
    assert code_of(nlp, text, "intelligence") is None
    assert (
        code_of(nlp, "Chilean intelligence arrested two men.", "Chilean intelligence") == "CHLSPY"
    )
