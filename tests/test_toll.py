"""toll stage: number phrases, casualty statements, and which event a count belongs to."""

from __future__ import annotations

import re

import pytest

from tidings.errors import DataFileError
from tidings.model import Cameo, EventMention
from tidings.toll import Count, count_casualties, find_counts, load_kinds, load_quantities
from tidings.toll.lexicon import load_words
from tidings.toll.quantity import find_quantities

QUANTITIES = [
    ("12", 12, 12),
    ("1,200", 1200, 1200),
    ("twelve", 12, 12),
    ("two hundred and fifty", 250, 250),
    ("twenty - five", 25, 25),
    ("a dozen", 12, 12),
    ("two dozen", 24, 24),
    ("1.5 million", 1_500_000, 1_500_000),
    ("between 10 and 15", 10, 15),
    ("10 to 15", 10, 15),
    ("10-15", 10, 15),
    ("two or three", 2, 3),
    ("at least 12", 12, None),
    ("more than 100", 101, None),
    ("up to 30", None, 30),
    ("as many as 30", None, 30),
    ("nearly 50", None, 49),
    ("about 30", 30, 30),
    ("12 or more", 12, None),
    ("several", 3, 9),
    ("dozens", 24, 99),
    ("hundreds", 200, 999),
    ("a few", 2, 5),
    ("a number of", 2, None),
    ("more than a dozen", 13, None),
    ("no one", 0, 0),
]


@pytest.mark.parametrize(("phrase", "low", "high"), QUANTITIES)
def test_quantity_phrases(phrase: str, low: int | None, high: int | None) -> None:
    words = ["they", "saw", *phrase.split(), "people"]
    (found,) = find_quantities(words)
    assert (found.start, found.end) == (2, 2 + len(phrase.split()))
    assert (found.min, found.max) == (low, high)


def test_a_change_is_not_a_range() -> None:
    words = ["the", "toll", "rose", "from", "30", "to", "45"]
    assert [(q.min, q.max) for q in find_quantities(words)] == [(30, 30), (45, 45)]


SENTENCES = [
    ("At least 12 people were killed in the blast.", [("killed", 12, None)]),
    ("The attack killed 12 people, wounding dozens.", [("killed", 12, 12), ("injured", 24, 99)]),
    ("The bombing killed at least twelve.", [("killed", 12, None)]),
    ("The bomb left three dead and 20 injured.", [("killed", 3, 3), ("injured", 20, 20)]),
    ("The blast left three people dead.", [("killed", 3, 3)]),
    ("The death toll rose to 45.", [("killed", 45, 45)]),
    ("The death toll stands at 45.", [("killed", 45, 45)]),
    ("Between 10 and 15 soldiers died.", [("killed", 10, 15)]),
    ("Nearly 50 people lost their lives.", [("killed", None, 49)]),
    ("The storm claimed 12 lives.", [("killed", 12, 12)]),
    ("Three soldiers are feared dead.", [("killed", 3, 3)]),
    ("The deaths of 12 people shocked the nation.", [("killed", 12, 12)]),
    ("12 soldiers and 3 civilians were killed.", [("killed", 15, 15)]),
    ("Twelve people, five of them children, were killed.", [("killed", 12, 12)]),
    ("The raid killed 30, including 12 children.", [("killed", 30, 30)]),
    ("No one was killed in the attack.", [("killed", 0, 0)]),
    ("Several people were hurt.", [("injured", 3, 9)]),
    ("Police arrested 30 protesters.", [("arrested", 30, 30)]),
    ("Dozens of protesters were arrested.", [("arrested", 24, 99)]),
    ("Up to 30 people were taken into custody.", [("arrested", None, 30)]),
    ("Police rounded up 40 suspects.", [("arrested", 40, 40)]),
    ("Gunmen kidnapped two hundred schoolgirls.", [("abducted", 200, 200)]),
    ("A few villagers were taken hostage.", [("abducted", 2, 5)]),
    ("More than 1,200 families fled their homes.", [("displaced", 1201, None)]),
    ("Officials said 1.5 million people were displaced.", [("displaced", 1_500_000, 1_500_000)]),
    ("Khan attacked people there, and one of them died.", [("killed", 1, 1)]),
    # Not tolls: the numbered people did the killing, or nothing happened to them.
    ("Twelve gunmen killed a soldier on Monday.", [("killed", 1, 1)]),  # the soldier, not 12
    ("The 12 protesters demanded the release of prisoners.", []),
    ("The Prime Minister has not been harmed.", []),
    ("The company hired 300 workers in 2019.", []),
    ("Five people were rescued while the rest are presumed dead.", []),
    ("Many people avoid hospitals because they saw their friends die.", []),
    ("Friday, January 4, 2019\n\nBishop Gutierrez died.", [("killed", 1, 1)]),  # not 2019
    # one person named without a number counts 1
    ("Gunmen shot him dead outside his home.", [("killed", 1, 1)]),
    ("A policeman was killed in the blast.", [("killed", 1, 1)]),
    ("Police arrested the opposition leader on Monday.", [("arrested", 1, 1)]),
    ("Gunmen kidnapped a priest.", [("abducted", 1, 1)]),
    ("The death of a journalist shocked the town.", [("killed", 1, 1)]),
    ("The fire killed the engine.", []),
    ("They did not kill the hostage.", []),
    ("Militants killed 12 people, including a journalist.", [("killed", 12, 12)]),
    # a toll that passed its number is a lower bound
    ("The death toll exceeded 100.", [("killed", 101, None)]),
    ("The ministry reported 12 new deaths.", [("killed", 12, 12)]),
]


@pytest.mark.parametrize(("sentence", "expected"), SENTENCES)
def test_find_counts(
    nlp, sentence: str, expected: list[tuple[str, int | None, int | None]]
) -> None:
    counts = find_counts(nlp(sentence))
    assert [(c.kind, c.min, c.max) for c in counts] == expected


def test_count_offsets_point_at_the_words(nlp) -> None:
    doc = nlp("Officials met on Monday. Gunmen killed 12 villagers.")
    (count,) = find_counts(doc)
    assert doc.text[count.start : count.end] == count.text == "killed 12 villagers"
    assert count.sentence_index == 1


def test_coordinated_subjects_add_up(nlp) -> None:
    doc = nlp("The governor, as well as several of his guards, were believed to have been hurt.")
    (count,) = find_counts(doc)
    assert (count.kind, count.min, count.max) == ("injured", 4, 10)


def _event(doc, trigger: str, root: str, n: int = 0, event_id: str = "e") -> EventMention:
    start = [m.start() for m in re.finditer(re.escape(trigger), doc.text)][n]
    sentence = next(i for i, s in enumerate(doc.sents) if s.start_char <= start < s.end_char)
    return EventMention(
        event_id=event_id,
        article_id="a1",
        sentence_index=sentence,
        evidence=list(doc.sents)[sentence].text,
        trigger=trigger,
        trigger_start=start,
        trigger_end=start + len(trigger),
        cameo=Cameo(f"{root}0", root, 4, -10.0),
    )


def test_counts_go_to_the_closest_trigger(nlp) -> None:
    doc = nlp(
        "Police arrested 20 protesters in the capital, while in the north "
        "militants attacked a convoy, killing 12 soldiers."
    )
    arrest = _event(doc, "arrested", "17", event_id="arrest")
    attack = _event(doc, "attacked", "19", event_id="attack")
    out = count_casualties(doc, [arrest, attack])
    assert out[0].casualties is not None and out[1].casualties is not None
    assert (out[0].casualties.arrested_min, out[0].casualties.killed_min) == (20, None)
    assert (out[1].casualties.killed_min, out[1].casualties.arrested_min) == (12, None)
    assert out[1].casualties.text == "killing 12 soldiers"


def test_a_later_sentence_goes_to_the_preceding_violent_event(nlp) -> None:
    doc = nlp(
        "Rebels shelled the town on Monday. Officials condemned the shelling. "
        "At least 30 people were killed."
    )
    shelling = _event(doc, "shelled", "19", event_id="shell")
    condemn = _event(doc, "condemned", "11", event_id="condemn")
    out = count_casualties(doc, [shelling, condemn])
    assert out[0].casualties is not None
    assert (out[0].casualties.killed_min, out[0].casualties.killed_max) == (30, None)
    assert out[1].casualties is None


def test_non_violent_events_and_other_paragraphs_get_nothing(nlp) -> None:
    doc = nlp(
        "The minister criticised the army for an attack that killed 12 people.\n\n"
        "Troops attacked the village.\n\nFive people were wounded."
    )
    criticise = _event(doc, "criticised", "11", event_id="criticise")
    attack = _event(doc, "attacked", "19", event_id="attack")
    out = count_casualties(doc, [criticise, attack])
    assert [ev.casualties for ev in out] == [None, None]
    assert [c.kind for c in find_counts(doc)] == ["killed", "injured"]


def test_several_counts_keep_the_highest_and_all_words(nlp) -> None:
    doc = nlp("Militants stormed the base. Nine soldiers died. Later the death toll rose to 14.")
    storm = _event(doc, "stormed", "18")
    (out,) = count_casualties(doc, [storm])
    assert out.casualties is not None
    assert (out.casualties.killed_min, out.casualties.killed_max) == (14, 14)
    assert out.casualties.text == "Nine soldiers died | death toll rose to 14"


def test_precomputed_counts_are_used(nlp) -> None:
    doc = nlp("Troops attacked the village.")
    attack = _event(doc, "attacked", "19")
    made_up = Count("displaced", 5, 5, "attacked", 7, 15, 0)
    (out,) = count_casualties(doc, [attack], counts=[made_up])
    assert out.casualties is not None and out.casualties.displaced_min == 5


@pytest.mark.parametrize(
    ("loader", "text", "line"),
    [
        (load_quantities, "phrase\ttype\tlow\thigh\none\tnumber\t1\t\ntwo\tnumbr\t2\t\n", 3),
        (load_quantities, "phrase\ttype\tlow\thigh\n# note\n\nfew\tvague\t5\t2\n", 4),
        (load_quantities, "phrase\ttype\tlow\thigh\nten\tnumber\tten\t\n", 2),
        (
            load_kinds,
            "phrase\tkind\trole\tsubject\nkill\tkilled\tword\tagent\nx\tmaimed\tword\t\n",
            3,
        ),
        (load_kinds, "phrase\tkind\trole\tsubject\nkill\tkilled\tverb\tagent\n", 2),
        (load_words, "kind\tword\nperson\tman\npeople\twoman\n", 3),
    ],
)
def test_malformed_data_file_names_file_and_line(tmp_path, loader, text: str, line: int) -> None:
    path = tmp_path / "bad.tsv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError) as err:
        loader(path)
    assert err.value.line == line
    assert f"{path}:{line}" in str(err.value)


def test_packaged_data_files_load() -> None:
    assert load_quantities().cores[("twelve",)].low == 12
    assert "journalist" in load_words().people and "exceed" in load_words().beyond
    assert {e.kind for e in load_kinds()} == {
        "killed",
        "injured",
        "arrested",
        "abducted",
        "displaced",
    }


def test_example_article_prime_minister_hurt(nlp, shared) -> None:
    path = shared / "examples" / "iraq-pm-drone-2021-11-07.txt"
    if not path.is_file():
        pytest.skip(f"example article {path} is absent")
    raw = path.read_text(encoding="utf-8")
    text = re.sub(r"^\s*date\s+\d{4}-\d{2}-\d{2}\s*", "", raw, count=1)
    counts = find_counts(nlp(text))
    injured = [c for c in counts if c.kind == "injured" and "security guards" in c.text]
    assert injured, f"no injured count among {counts}"
    assert injured[0].min is not None and injured[0].min >= 1
    assert not [c for c in counts if c.kind == "killed"]
