"""Which event a count belongs to: the closest trigger, the preceding violent event, never
a non-violent one or one of another paragraph."""

from __future__ import annotations

import re

from tidings.model import Cameo, EventMention
from tidings.toll import Count, count_casualties, find_counts


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
