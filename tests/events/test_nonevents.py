"""Mentions that are no events (events/builtin/nonevents.py, senses.tsv, matching.py): a
condition, a supposition, a rule, a habit, the legal name of a crime, an exemption, a right,
a question asked, a document cited; a word in another sense ("demonstrated its value", a
race sanctioned by a federation, a bus striking a pole, locusts occupying land); a
participle naming people ("the accused"); a word inside a name. Each is not written, while
the plain event beside it still is. Sentences written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

import tidings
from tidings.errors import DataFileError
from tidings.events.builtin.nonevents import load_nonevents


def codes(text: str) -> set[str]:
    return {e.cameo.code for e in tidings.extract(text, date=dt.date(2024, 5, 1))}


@pytest.mark.parametrize(
    ("text", "root"),
    [
        # conditions and questions: the clause says what would be, not what was
        ("The deputy takes over the post if the governor is killed.", "19"),
        ("Parliament must decide whether an inquiry is needed.", "09"),
        ("Chile would respond if Peru carried out attacks on Bolivia.", "19"),
        ("The envoy will fly home unless the rebels release the hostages.", "08"),
        # suppositions and rules
        ("Officials urged the public not to speculate that the plane was hijacked.", "18"),
        ("The charter stipulates that members are expelled after being convicted.", "11"),
        ("The ministry keeps a policy of not deporting asylum seekers.", "17"),
        ("It breaks the principle that no state may seize foreign ships.", "17"),
        ("The party drafted a bill for jailing looters for ten years.", "17"),
        # habits
        ("In those years the gangs would sometimes kill shopkeepers who refused to pay.", "19"),
        ("Police usually arrest the organisers of such marches.", "17"),
        # the legal name of a crime, an exemption
        ("He now faces twenty years in prison for second-degree murder.", "19"),
        ("She argued that diplomats should be exempt from arrest.", "17"),
        # a right or power to act is no act
        ("The militia says it has the right to shell the border posts.", "19"),
        ("No court has the power to expel foreign reporters.", "17"),
        # a question asked in an interview is no appeal
        ("The reporter asked the mayor whether the city would raise taxes.", "02"),
        ("Journalists asked the minister about the budget on Friday.", "02"),
        # a document cited
        ("The envoy quoted the second clause of the peace agreement.", "05"),
        # word senses
        ("The experiment demonstrated the value of the new method.", "14"),
        ("The marathon was sanctioned by the athletics federation.", "16"),
        ("The clinic deployed new software to track its patients.", "15"),
        ("The gate was designed to allow public access at night.", "08"),
        ("A tax rule is prohibiting the firm from paying dividends.", "17"),
        ("The bus struck a lamppost and overturned on the motorway.", "19"),
        ("A fire on Sunday morning destroyed forty homes near the port.", "17"),
        ("A fire last night killed six people in a hostel.", "19"),
        ("The old bridge has been recognized by the council as a heritage site.", "05"),
        ("The court recognized same-sex unions last year.", "05"),
        ("Last spring the locusts occupied a vast stretch of farmland.", "19"),
        ("The number of rabbits grew, and the population exploded.", "18"),
        # a participle naming people, a word inside a name
        ("Unlike the accused, the driver was tested for drugs.", "11"),
        ("She became famous during the Tehran Hostage Crisis.", "18"),
    ],
)
def test_no_event_is_written(text: str, root: str) -> None:
    assert not any(c.startswith(root) for c in codes(text))


@pytest.mark.parametrize(
    ("text", "root"),
    [
        ("The governor was killed in an ambush on Monday.", "19"),
        ("The army will attack the town if the rebels refuse to leave.", "19"),
        ("Imagine that the world stays silent over the journalist's killing.", "19"),
        ("The massacre saw hundreds if not thousands of villagers killed.", "19"),
        ("Gunmen hijacked a plane over the sea on Friday.", "18"),
        ("The court convicted two officials of fraud on Tuesday.", "11"),
        ("The ministry deported two asylum seekers under its new rule.", "17"),
        ("The reporter asked the mayor to resign.", "02"),
        ("Thousands of protesters demonstrated outside the parliament.", "14"),
        ("The United States sanctioned three Iranian banks on Monday.", "16"),
        ("Russia deployed troops to the border.", "15"),
        ("A missile struck an apartment block in the capital.", "19"),
        ("Israeli fire killed two fishermen off the coast.", "19"),
        ("Sweden recognized the Palestinian state in 2014.", "05"),
        ("Ten countries have recognized Guaido as interim president.", "05"),
        ("Police jailed the looters for ten years.", "17"),
        ("The two countries signed a peace agreement on Monday.", "05"),
        ("Police accused the man of fraud.", "11"),
        ("The militia shelled the border posts to assert its right.", "19"),
    ],
)
def test_the_event_beside_it_still_is(text: str, root: str) -> None:
    assert any(c.startswith(root) for c in codes(text))


def test_a_bad_role_names_the_file_and_line(tmp_path) -> None:
    path = tmp_path / "nonevents.tsv"
    path.write_text("lemma\trole\nif\tcondition\nsometimes\toften\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"nonevents\.tsv.*3"):
        load_nonevents(path)


@pytest.mark.parametrize(
    ("text", "root", "modality"),
    [
        ("Police foiled a planned bombing of the station.", "18", "hypothetical"),
        ("Officials feared a possible attack on the port.", "19", "hypothetical"),
        ("Police said the bombing of the station killed two.", "18", "asserted"),
        ("The raids did not persuade the rebels to free the hostages.", "08", "negated"),
        ("The army never managed to capture the town.", "19", "negated"),
        ("The army managed to capture the town.", "19", "asserted"),
        ("Neither France nor Germany would endorse the result.", "05", "negated"),
        ("Neither France nor Germany endorsed the result.", "05", "negated"),
    ],
)
def test_a_modifier_or_a_negated_implicative_says_it_is_not_done(
    text: str, root: str, modality: str
) -> None:
    events = [e for e in tidings.extract(text, date=dt.date(2024, 5, 1)) if e.cameo.root == root]
    assert events and {e.modality for e in events} == {modality}, events
