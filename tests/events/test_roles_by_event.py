"""Which slot is source and which target, read from the event: who undergoes a violent,
coercive or legal act is its target, a passive's by-agent and a nominal event's doer its
source; and who speaks reported speech and quotes (attributed_to).

Actors are given by hand (words -> code, see tests/helpers.py), so these tests pin
the event coder alone; the actors stage has its own tests."""

from __future__ import annotations

import pytest

from tests.helpers import DAY, code_with_actors

PARTIES = {
    "gunmen": "SYRREB",
    "Gunmen": "SYRREB",
    "the rebels": "SYRREB",
    "The rebels": "SYRREB",
    "civilians": "SYRCVL",
    "women": "SYRCVL",
    "Women": "SYRCVL",
    "soldiers": "SYRMIL",
    "the army": "SYRMIL",
    "The army": "SYRMIL",
    "police": "SYRCOP",
    "Police": "SYRCOP",
    "the journalist": "SYRMED",
    "The journalist": "SYRMED",
    "the suspect": "SYRCRM",
    "The suspect": "SYRCRM",
    "the court": "SYRJUD",
    "The court": "SYRJUD",
    "the minister": "SYRGOV",
    "The minister": "SYRGOV",
    "Ahmed": "SYRGOV",
    "the victims": "SYRCVL",
    "The victims": "SYRCVL",
    "a gunman": "USACRM",
    "shoppers": "USACVL",
    "officials": "USAGOV",
}


def _roles(nlp, text: str, trigger: str) -> set[tuple[str | None, str | None]]:
    events = code_with_actors(nlp, text, PARTIES, DAY)
    return {
        (e.source.text if e.source else None, e.target.text if e.target else None)
        for e in events
        if e.trigger == trigger
    }


@pytest.mark.parametrize(
    ("text", "trigger", "source", "target"),
    [
        # the undergoer of violence is its target, in any voice
        ("Gunmen killed 12 civilians in the village.", "killed", "Gunmen", "civilians"),
        ("Twelve civilians were killed by the rebels.", "killed", "the rebels", "civilians"),
        ("The civilians killed by the rebels were buried.", "killed", "the rebels", "civilians"),
        ("Women were raped by soldiers.", "raped", "soldiers", "Women"),
        ("Women in the village were raped and beaten.", "raped", None, "Women"),
        # a passive act's "with" is its means, not whom it is done to
        ("It was targeted with a car packed with explosives, followed by gunmen.", "targeted",
         None, None),
        # the speakers of a trailing attribution the parser made an object are no target
        ("On Saturday morning, a gunman shot shoppers at a store in El Paso, Texas, with the"
         " death toll rising to 22 people on Monday, reported officials, with 25 others injured.",
         "shot", "a gunman", "shoppers"),
        # legal and coercive acts: the detainee, the convicted, the sentenced
        ("Police arrested the suspect on Monday.", "arrested", "Police", "the suspect"),
        ("The journalist was sentenced to five years.", "sentenced", None, "The journalist"),
        ("The court convicted the suspect of fraud.", "convicted", "The court", "the suspect"),
        # a nominal event: its doer's possessive or "by" phrase, its undergoer's "of" or "on"
        ("The rebels' attack on the army killed five.", "attack", "The rebels", "the army"),
        ("An attack by the rebels on the army killed five.", "attack", "the rebels", "the army"),
        ("The arrest of the journalist by police drew anger.", "arrest", "police",
         "the journalist"),
        ("The army's killing of civilians drew anger.", "killing", "The army", "civilians"),
        # ... but the possessor of an act done to someone undergoes it
        ("The journalist's arrest drew anger.", "arrest", None, "The journalist"),
        ("The minister ordered the journalist's arrest.", "arrest", "The minister",
         "the journalist"),
        # the accused, charged or convicted one did the act laid to it
        ("The court convicted the suspect of killing the journalist.", "killing", "the suspect",
         "the journalist"),
        ("The suspect was charged with killing the journalist.", "killing", "The suspect",
         "the journalist"),
        ("The rebels were found guilty on Thursday of attacking the army.", "attacking",
         "The rebels", "the army"),
        ("The minister accused the rebels of attacking the army.", "attacking", "the rebels",
         "the army"),
        # a gerund after a preposition on a verb is done by that verb's subject ...
        ("The suspect confessed to killing the journalist.", "killing", "The suspect",
         "the journalist"),
        ("The army retaliated by shelling the rebels.", "shelling", "The army", "the rebels"),
        ("The suspect was arrested after attacking the journalist.", "attacking",
         "The suspect", "the journalist"),
        # ... or by its object after "from"/"for" where it has one
        ("Police stopped the rebels from attacking the army.", "attacking", "the rebels",
         "the army"),
        # what is said, given or sent "from" someone is theirs
        ("The court heard an apology from the suspect to the victims.", "apology",
         "the suspect", None),
        ("A warning from the minister angered the rebels.", "warning", "the minister", None),
        # a subject the parser swallowed into a leading date phrase is still the doer
        ("On Friday Ahmed condemned the rebels.", "condemned", "Ahmed", "the rebels"),
    ],
)  # fmt: skip
def test_the_slot_follows_the_event(nlp, text, trigger, source, target):
    assert _roles(nlp, text, trigger) == {(source, target)}


@pytest.mark.parametrize(
    ("text", "trigger", "speaker"),
    [
        ("According to police, the rebels attacked the army.", "attacked", "police"),
        ("The rebels attacked the army, according to police.", "attacked", "police"),
        ("The army arrested the suspect, the minister told reporters.", "arrested", "the minister"),
        ("The army arrested the suspect, the minister claimed.", "arrested", "the minister"),
        ("The minister accused the rebels of attacking the army.", "attacking", "The minister"),
        # a quote spanning sentences, its speaker named once after it closes ...
        ('"The rebels attacked the army. Police arrested the suspect," the minister said.',
         "attacked", "the minister"),
        # ... or before it opens
        ('The minister said: "Police arrested the suspect. The rebels attacked the army."',
         "attacked", "The minister"),
        # a quote naming no one, right after an attributed one, goes on with its speaker
        ('"The rebels attacked the army," the minister said. "Police arrested the suspect."',
         "arrested", "the minister"),
        # a quote spoken by no one named keeps no speaker
        ('"Police arrested the suspect." The rebels attacked the army.', "attacked", None),
    ],
)  # fmt: skip
def test_reported_events_are_attributed_to_their_speaker(nlp, text, trigger, speaker):
    events = [e for e in code_with_actors(nlp, text, PARTIES, DAY) if e.trigger == trigger]
    assert events, text
    assert {e.attributed_to.text if e.attributed_to else None for e in events} == {speaker}


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # one person is not a later "they": the killing is not the minister's
        ('"The rebels entered the town. They killed five civilians," the minister said.', None),
        ("Ahmed said they killed five civilians.", None),
        # a plural speaker may be ("gunmen said they ..."), as before
        ("The rebels said they killed five civilians.", "The rebels"),
    ],
)
def test_a_plural_pronoun_names_no_single_speaker(nlp, text, source):
    found = {s for s, _ in _roles(nlp, text, "killed")}
    assert found == {source}


@pytest.mark.parametrize(
    ("text", "trigger", "target", "code"),
    [
        # unnamed people counted as whom violence or an arrest was done to: civilians
        ("The blast injured another 15.", "injured", "another 15", "CVL"),
        ("The explosion injured more than 260.", "injured", "more than 260", "CVL"),
        ("Thousands have been arrested since March.", "arrested", "Thousands", "CVL"),
        ("Gunmen killed two others on Monday.", "killed", "two others", "CVL"),
        ("Police arrested several on Monday.", "arrested", "several", "CVL"),
        ("It killed nine people and injured at least 50 more.", "injured", "at least 50 more",
         "CVL"),
        # a count of things or of a named kind is no unnamed target
        ("The rebels fired dozens of rockets.", "fired", None, None),
        ("Gunmen killed dozens of soldiers.", "killed", "soldiers", "SYRMIL"),
        # a named target wins over a count
        ("Gunmen killed 12 civilians in the village.", "killed", "civilians", "SYRCVL"),
        # a count with no violence or arrest is nobody's target
        ("The minister criticised thousands on Monday.", "criticised", None, None),
    ],
)  # fmt: skip
def test_counted_people_are_the_target_of_violence(nlp, text, trigger, target, code):
    events = [e for e in code_with_actors(nlp, text, PARTIES, DAY) if e.trigger == trigger]
    assert events, f"no {trigger!r} event in {text!r}"
    assert {(e.target.text, e.target.code) if e.target else (None, None) for e in events} == {
        (target, code)
    }


@pytest.mark.parametrize(
    ("text", "trigger", "source"),
    [
        ('"We will attack the rebels," the minister said.', "attack", "the minister"),
        ('The minister said: "I condemn the rebels."', "condemn", "The minister"),
        ('"Our condolences are with the victims," the minister said.', "condolences",
         "the minister"),
        # a first person outside any quote, or a third person, is not the speaker
        ('"They will attack the rebels," the minister said.', "attack", None),
    ],
)  # fmt: skip
def test_a_quote_first_person_is_its_speaker(nlp, text, trigger, source):
    events = [e for e in code_with_actors(nlp, text, PARTIES, DAY) if e.trigger == trigger]
    assert events and {e.source.text if e.source else None for e in events} == {source}


@pytest.mark.parametrize(
    ("text", "trigger", "target"),
    [
        # the possessor pronoun of an act done to someone undergoes it ...
        ("After his release, Ahmed spoke.", "release", "his"),
        # ... but an act done to his kin or his things is not done to him
        ("Police arrested his brother.", "arrested", None),
    ],
)
def test_a_possessive_pronoun_is_the_undergoer_of_its_own_noun(nlp, text, trigger, target):
    actors = {**PARTIES, "his": "SYRGOV"}
    events = [e for e in code_with_actors(nlp, text, actors, DAY) if e.trigger == trigger]
    assert events and {e.target.text if e.target else None for e in events} == {target}
