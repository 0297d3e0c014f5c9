"""The story's focus country: a role with no country of its own takes the one the story is
about (its places count, a foreign reaction does not), never one guessed from nothing,
and not one the role acts against. Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.helpers import actor_codes, codes, covering, mentions_of


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


def test_police_take_the_lede_place_over_a_foreign_focus(nlp, actor_coder):
    text = (
        "A gunman shot five shoppers at a store in Dallas on Saturday. Police arrested the "
        "gunman. Mexico said two Mexicans died. The Mexican government condemned the attack, "
        "and Mexican officials said Mexico would help."
    )
    found = codes(nlp, actor_coder, text)
    assert found["Police"] == "USACOP", found
    assert found["Mexican officials"] == "MEXGOV", found


def test_places_of_the_story_count_towards_its_focus(nlp, actor_coder):
    """Hong Kong named only as where things happen still outweighs China's mentions."""
    text = (
        "Protesters marched in Hong Kong on Sunday. Police fired tear gas at a crowd in Hong "
        "Kong. Chinese officials blamed foreign forces, and China warned the protesters."
    )
    assert codes(nlp, actor_coder, text)["Police"] == "HKGCOP"


def test_england_is_the_united_kingdom(nlp, actor_coder):
    text = (
        "A painting was stolen from a castle in Kent, England, on Friday. Police arrested a "
        "man. The painting was shown in the United States by an American artist and praised "
        "by American critics."
    )
    found = codes(nlp, actor_coder, text)
    assert found["Police"] == "GBRCOP", found
    assert found["a man"] == "GBRPPL", found


def test_a_us_state_before_a_title_gives_its_country(nlp, actor_coder):
    """Not the only country the document names otherwise (here the Bahamas)."""
    text = (
        "A storm hit the Bahamas on Sunday, and the Bahamas asked for help. Texas Governor "
        "Greg Abbott sent aid."
    )
    assert codes(nlp, actor_coder, text)["Texas Governor Greg Abbott"] == "USAGOV"


def test_an_institution_a_country_word_modifies_is_no_place_of_the_story(nlp, actor_coder):
    text = "Police arrested a man on Monday, days after a vote in the U.S. Senate."
    assert codes(nlp, actor_coder, text)["Police"] == "COP"


@pytest.mark.parametrize(
    "text",
    [
        "The activists jailed for protesting against Beijing were freed by Chinese police.",
        "Chinese police on Monday freed the activists jailed for campaigning against Beijing.",
    ],
)
def test_a_country_a_role_acted_against_is_not_its_home(nlp, actor_coder, text):
    """The country named after "against"/"for" in a participle on the role is whom it acted
    against: the role gets no country, not the document's focus country (here China)."""
    found = codes(nlp, actor_coder, text)
    activists = next(code for words, code in found.items() if words.lower() == "the activists")
    assert activists == "OPP", found


def test_a_role_with_no_such_clause_still_takes_the_focus_country(nlp, actor_coder):
    found = codes(nlp, actor_coder, "The activists in Beijing were freed by Chinese police.")
    assert found["The activists"] == "CHNOPP", found


@pytest.mark.parametrize(
    ("text", "words", "code"),
    [
        # a place name two countries share takes the one the document names otherwise
        ("Militias in Tripoli fought all night. Lebanese troops moved in.", "Militias", "LBNREB"),
        ("Militias in Tripoli fought all night. Libyan troops moved in.", "Militias", "LBYREB"),
        # with no other country named, the lexicon's own reading stays
        ("Militias in Tripoli fought all night.", "Militias", "LBYREB"),
    ],
)
def test_shared_place_name_follows_the_document(nlp, text: str, words: str, code: str) -> None:
    assert actor_codes(nlp, text).get(words) == code


@pytest.mark.parametrize(
    ("text", "words", "code"),
    [
        # a person the text gives no country is of the country the story is about
        ("Paul Manafort was sentenced in a U.S. court. The United States Justice Department"
         " said the sentence was fair. Manafort will appeal.", "Paul Manafort", "USA"),
        # ... a title with no country of its own too, "regional" or not
        ("Bombs struck Jolo in the Philippines. The Philippine army said the Philippine"
         " government will act. Regional Governor Mujiv Hataman agreed.", "Mujiv Hataman",
         "PHLGOV"),
        # ... but a demonym in apposition is the person's own
        ("A gunman attacked a mosque in Christchurch, New Zealand. New Zealand police said"
         " New Zealand was shocked. Brenton Tarrant, an Australian, was arrested.",
         "Brenton Tarrant", "AUS"),
        # ... and a country the apposition gives wins over the story's
        ("The Taliban met Afghan officials in Kabul. Afghan police guarded the Afghan"
         " capital. The Taliban met Zalmay Khalilzad, a US peace envoy, in Qatar.",
         "Zalmay Khalilzad", "USAGOV"),
    ],
)  # fmt: skip
def test_a_person_takes_the_story_country_unless_their_own_is_given(nlp, text, words, code):
    mention = covering(text, mentions_of(nlp, text), words)
    assert mention is not None and mention.actor.code == code
