"""Gold-set scorers and `tidings eval`: tiny hand-written gold files and a fake coder."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tidings.cli import app
from tidings.errors import ConfigError
from tidings.eval import (
    read_petrarch,
    read_plover,
    read_wikievents,
    score_petrarch,
    score_plover,
    score_wikievents,
)
from tidings.eval.petrarch import actor_code
from tidings.eval.wikievents import WikiArgument, names_argument
from tidings.model import Actor, Cameo, EventMention, Plover
from tidings.petrarch import dictionary_files
from tidings.pipeline import Pipeline

# Measured 2026-11-29 with `tidings eval plover --limit 20` on the coder of that day: top-event
# type accuracy 0.75 (any event 0.80; an hour earlier, mid-change, about 0.6). The floor leaves
# room for that churn but fails if the coder stops finding most of these events.
PLOVER_TOP20_FLOOR = 0.55

PETRARCH_XML = """<?xml version='1.0' encoding='utf-8'?>
<Validation>
# <Sentence id="in-a-header" evaluate="true"/> is not a record: records follow the Sentences tag
<Environment>
    <Verbfile>T.verbs.txt</Verbfile>
    <Actorfile>T.actors.txt, T2.actors.txt</Actorfile>
    <!-- <Agentfile>Commented.agents.txt</Agentfile> -->
</Environment>
<Sentences>
<!-- <Sentence date="20080101" id="COMMENTED" evaluate="true"> -->
<Sentence category="AFP" date="20080804" id="S1" evaluate="true"/>
<EventCoding eventcode="042" sourcecode="USAGOV" targetcode="CHN" />
<Text>
The US leader visited
China.
</Text>
<Parse>1	The	the	DET</Parse>
</Sentence>
<Sentence category="AFP" date="121108" id="S2" evaluate="true">
<EventCoding eventcode="190" sourcecode='---REB' targetcode="SYR" />
<Config option="require_dyad" value="false"></Config>
<Text>Rebels attacked Syria, Iraq said.</Text>
</Sentence>
<Sentence date = "20080806" id ="S3" category="AFP" sentence="true">
<EventCoding noevents="True" />
<Text>The weather was fine.</Text>
</Sentence>
<Sentence date="20080806" id="S4" category="DEMO" sentence="false">
<EventCoding eventcode="010" sourcecode="ARN" targetcode="GON" />
<Text>Not implemented.</Text>
</Sentence>
</Sentences>
</Validation>
"""


def mention(
    code: str,
    source: Actor | None = None,
    target: Actor | None = None,
    *,
    trigger: str = "",
    at: int = 0,
    plover: str | None = None,
    modality: str = "asserted",
    confidence: float = 0.5,
) -> EventMention:
    return EventMention(
        event_id=f"e-{code}-{at}",
        article_id="a",
        sentence_index=0,
        evidence="",
        trigger=trigger or code,
        trigger_start=at,
        trigger_end=at + len(trigger or code),
        cameo=Cameo(code=code, root=code[:2], quad_class=1, goldstein=0.0),
        plover=Plover(plover) if plover else None,
        source=source,
        target=target,
        modality=modality,  # type: ignore[arg-type]
        confidence=confidence,
    )


def fake_extract(outputs: dict[str, list[EventMention]]):
    """An extract callable answering by the text it is given (unknown text: no events)."""
    calls: list[tuple[str, dt.date, str]] = []

    def extract(text: str, date: dt.date, id: str) -> list[EventMention]:
        calls.append((text, date, id))
        return outputs.get(text, [])

    extract.calls = calls  # type: ignore[attr-defined]
    return extract


USA_GOV, CHN = Actor.of("the US leader", "USA", "GOV"), Actor.of("China", "CHN", None)
PETRARCH_OUTPUT = {
    # S1: country right, agent block missing -> exact miss, country match
    "The US leader visited China.": [mention("042", Actor.of("US", "USA", None), CHN)],
    # S2: the gold triple plus a one-sided extra -> exact miss, dyadic match
    "Rebels attacked Syria, Iraq said.": [
        mention("190", Actor.of("Rebels", None, "REB"), Actor.of("Syria", "SYR", None)),
        mention("010", Actor.of("Iraq", "IRQ", None), None),
    ],
    # S3: gold has none; a negated event does not count, nor one with neither actor
    # (PETRARCH never writes "--- 190 ---")
    "The weather was fine.": [
        mention("111", USA_GOV, CHN, modality="negated"),
        mention("190", at=5),
    ],
}


@pytest.fixture()
def petrarch_file(tmp_path: Path) -> Path:
    path = tmp_path / "validation.xml"
    path.write_text(PETRARCH_XML, encoding="utf-8")
    return path


def test_petrarch_environment_names_the_dictionaries(petrarch_file):
    assert dictionary_files(petrarch_file) == ("T.verbs.txt", "T.actors.txt", "T2.actors.txt")


def test_petrarch_reader_is_tolerant_of_the_files_quirks(petrarch_file):
    records = list(read_petrarch(petrarch_file))
    assert [r.id for r in records] == ["S1", "S2", "S3", "S4"]
    s1, s2, s3, s4 = records
    assert s1.text == "The US leader visited China." and s1.date == dt.date(2008, 8, 4)
    assert s1.triples == {("USAGOV", "CHN", "042")}
    assert s2.date == dt.date(2012, 11, 8) and s2.triples == {("---REB", "SYR", "190")}
    assert s2.config == (("require_dyad", "false"),)
    assert s3.evaluate and s3.triples == frozenset()
    assert not s4.evaluate


def test_petrarch_record_with_empty_text_is_rebuilt_from_its_parse(tmp_path):
    rows = ["The", "rebels", "'s", "leader", "did", "n't", "stop", "."]
    parse = "\n".join(f"{n}\t{w}\t{w}\tX\tX\t_\t0\troot\t_\t_" for n, w in enumerate(rows, 1))
    path = tmp_path / "empty.xml"
    path.write_text(
        '<Sentences><Sentence date="20150101" id="E1" evaluate="true"/>\n'
        '<EventCoding eventcode="190" sourcecode="NGAREB" targetcode="NGA" />\n'
        f"<Text>\n</Text>\n<Parse>\n{parse}\n</Parse></Sentence></Sentences>",
        encoding="utf-8",
    )
    (record,) = read_petrarch(path)
    assert record.text == "The rebels's leader didn't stop."


@pytest.mark.parametrize(
    ("actor", "code"),
    [
        (None, "---"),
        (Actor("someone"), "---"),
        (Actor.of("US officials", "USA", "GOV"), "USAGOV"),
        (Actor.of("Syria", "SYR", None), "SYR"),
        (Actor.of("rebels", None, "REB"), "---REB"),
        (Actor("the UN", code="IGOUNO", sector="IGO"), "IGOUNO"),
    ],
)
def test_actors_are_written_as_petrarch_writes_them(actor, code):
    assert actor_code(actor) == code


def test_petrarch_score_counts_matches_triples_and_one_sided_events(petrarch_file):
    extract = fake_extract(PETRARCH_OUTPUT)
    score = score_petrarch(petrarch_file, extract)
    assert (score.sentences, score.skipped, score.empty) == (3, 1, 1)
    assert len(extract.calls) == 3  # the sentence="false" record is not coded at all
    exact = score.tally("exact")
    assert exact.matched == 1 and score.exact_match == pytest.approx(1 / 3)  # only S3
    assert (exact.counts.tp, exact.counts.fp, exact.counts.fn) == (1, 2, 1)
    assert score.precision == pytest.approx(1 / 3) and score.recall == pytest.approx(1 / 2)
    assert score.tally("country").match_share == pytest.approx(2 / 3)  # S1 and S3
    assert score.tally("exact dyadic").match_share == pytest.approx(2 / 3)  # S2 and S3
    assert score.tally("country dyadic").match_share == 1.0
    assert dict(score.miss_kinds)["actor agent block differs (same country)"] == 1
    assert dict(score.miss_kinds)["extra event coded"] == 1  # S2: gold found, and more


def test_petrarch_score_counts_actor_countries_and_sectors(petrarch_file):
    actors = dict(score_petrarch(petrarch_file, fake_extract(PETRARCH_OUTPUT)).actors)
    counts = {field: (c.tp, c.fp, c.fn) for field, c in actors.items()}
    assert counts == {
        "source country": (1, 1, 0),  # USA right; IRQ from the one-sided extra
        "target country": (2, 0, 0),
        "source sector": (1, 0, 1),  # REB right; GOV of USAGOV missed
        "target sector": (0, 0, 0),
    }


def test_petrarch_limit_scores_only_the_first_sentences(petrarch_file):
    score = score_petrarch(petrarch_file, fake_extract(PETRARCH_OUTPUT), limit=1)
    assert score.sentences == 1 and score.exact_match == 0.0


PLOVER_RECORDS = [
    {
        "id": "R1",
        "date": "2000-01-01",
        "event": "DEMAND",
        "text": "Washington demanded that Iraq comply.",
        "source": [{"actorText": "Washington", "code": "USA", "sector": "GOV"}],
        "target": [{"actorText": "Iraq", "code": "IRQ"}],
    },
    {
        "id": "R2",
        "date": "2000-01-01",
        "event": "FIGHT",
        "text": "Israeli troops clashed with gunmen.",
        "source": {"actorText": "Israeli troops", "code": "ISR", "sector": "MIL"},
        "target": "",
    },
    {
        "id": "R3",
        "date": "2000-01-01",
        "event": "AGREE",
        "text": "Hungarian and Romanian officials agreed.",
        "source": [
            {"actorText": "Hungarian", "code": "HUN", "sector": "GOV"},
            {"actorText": "Romanian", "code": "ROU", "sector": "GOVkur"},
        ],
        "target": "diplomatic",
    },
]
PLOVER_OUTPUT = {
    "Washington demanded that Iraq comply.": [
        mention("100", USA_GOV, Actor.of("Iraq", "IRQ", "GOV"), plover="REQUEST", confidence=0.9)
    ],
    "Israeli troops clashed with gunmen.": [
        mention("112", Actor.of("Israel", "ISR", None), None, plover="ACCUSE", confidence=0.8),
        mention("190", Actor.of("troops", "ISR", "MIL"), None, plover="ASSAULT", confidence=0.6),
    ],
}


@pytest.fixture()
def plover_file(tmp_path: Path) -> Path:
    path = tmp_path / "dev.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in PLOVER_RECORDS), encoding="utf-8")
    return path


def test_plover_reader_maps_draft_names_and_every_actor_shape(plover_file):
    r1, r2, r3 = read_plover(plover_file)
    assert (r1.draft, r1.type) == ("DEMAND", "REQUEST")
    assert r2.type == "ASSAULT" and [a.country for a in r2.sources] == ["ISR"]
    assert r2.targets == () and r3.targets == ()  # "" and a stray word are no actors
    assert [a.sector for a in r3.sources] == ["GOV", "GOV"]  # "GOVkur" -> GOV


def test_plover_score_type_accuracy_and_actor_precision_recall(plover_file):
    score = score_plover(plover_file, fake_extract(PLOVER_OUTPUT))
    assert score.records == 3 and score.no_event == 1
    assert score.top_accuracy == pytest.approx(1 / 3)  # R2's top event is ACCUSE
    assert score.any_accuracy == pytest.approx(2 / 3)
    source_country = score.field("source country")
    assert (source_country.tp, source_country.fp, source_country.fn) == (2, 0, 2)
    assert score.field("source sector").recall == pytest.approx(2 / 3)
    target_country = score.field("target country")
    assert target_country.precision == 1.0 and target_country.recall == 1.0
    # R1's target IRQGOV adds a sector the gold leaves out: a false positive
    assert score.field("target sector").fp == 1 and score.field("target sector").precision == 0
    kinds = dict(score.miss_kinds)
    assert kinds == {"AGREE: no event": 1, "ASSAULT coded as ACCUSE (ASSAULT also coded, lower)": 1}


WIKI_SENTENCES = [
    "Militants attacked a police post in Kabul",  # a headline: no full stop
    "Two officers were killed and three were injured .",
    "Police arrested a suspect .",
]


def _wiki_doc() -> dict:
    tokens, sentences, offset = [], [], 5  # the file's offsets index another spacing
    for sentence in WIKI_SENTENCES:
        words = [[w, offset + i, offset + i + len(w)] for i, w in enumerate(sentence.split())]
        tokens += [w for w, *_ in words]
        sentences.append([words, sentence])
        offset += 3 * len(sentence)
    index = {w: i for i, w in enumerate(tokens)}

    def entity(id: str, word: str, sent: int) -> dict:
        return {
            "id": id,
            "sent_idx": sent,
            "start": index[word],
            "end": index[word] + 1,
            "entity_type": "PER",
            "mention_type": "UNK",
            "text": word,
        }

    def event(id: str, kind: str, word: str, sent: int, *args: tuple[str, str]) -> dict:
        return {
            "id": id,
            "event_type": kind,
            "trigger": {
                "start": index[word],
                "end": index[word] + 1,
                "text": word,
                "sent_idx": sent,
            },
            "arguments": [{"entity_id": e, "role": r, "text": t} for e, r, t in args],
        }

    return {
        "doc_id": "d1",
        "tokens": tokens,
        "text": "".join(WIKI_SENTENCES),
        "sentences": sentences,
        "entity_mentions": [
            entity("d1-T1", "Militants", 0),
            entity("d1-T2", "post", 0),
            entity("d1-T3", "officers", 1),
            entity("d1-T4", "three", 1),
            entity("d1-T5", "Police", 2),
            entity("d1-T6", "suspect", 2),
        ],
        "relation_mentions": [],
        "event_mentions": [
            event(
                "E1",
                "Conflict.Attack.Unspecified",
                "attacked",
                0,
                ("d1-T1", "Attacker", "Militants"),
                ("d1-T2", "Target", "post"),
            ),
            event("E2", "Life.Die.Unspecified", "killed", 1, ("d1-T3", "Victim", "officers")),
            event("E3", "Life.Injure.Unspecified", "injured", 1, ("d1-T4", "Victim", "three")),
            event(
                "E4",
                "Justice.ArrestJailDetain.Unspecified",
                "arrested",
                2,
                ("d1-T5", "Jailer", "Police"),
                ("d1-T6", "Detainee", "suspect"),
            ),
            event("E5", "Contact.Contact.Meet", "Police", 2),
        ],
    }


@pytest.fixture()
def wiki_file(tmp_path: Path) -> Path:
    folder = tmp_path / "wikievents"
    (folder / "coref").mkdir(parents=True)
    (folder / "dev.jsonl").write_text(json.dumps(_wiki_doc()) + "\n", encoding="utf-8")
    clusters = {"doc_key": "d1", "clusters": [["d1-T4", "d1-T3"]]}  # "three" ~ "officers"
    (folder / "coref" / "dev.jsonlines").write_text(json.dumps(clusters) + "\n")
    return folder / "dev.jsonl"


def wiki_extract():
    def extract(text: str, date: dt.date, id: str) -> list[EventMention]:
        def at(word: str) -> int:
            return text.index(word)

        return [
            mention(
                "190",
                Actor("Militants"),
                Actor("a police post"),
                trigger="attacked",
                at=at("attacked"),
            ),
            # the injury's event also covers the death in its sentence, not at its trigger
            mention("183", None, Actor("the officers"), trigger="injured", at=at("injured")),
            mention("173", None, Actor("a suspect"), trigger="arrested", at=at("arrested")),
        ]

    return extract


def test_wikievents_reader_rejoins_sentences_and_finds_triggers(wiki_file):
    (doc,) = read_wikievents(wiki_file)
    assert doc.text == "\n\n".join(WIKI_SENTENCES)
    for event in doc.events:
        assert doc.text[event.start : event.end] == event.trigger
        assert doc.sentence_at(event.start) == event.sentence_index
    injure = next(e for e in doc.events if e.id == "E3")
    assert injure.arguments[0].texts == ("three", "officers")  # coreference followed


def test_wikievents_recall_by_sentence_trigger_and_argument(wiki_file):
    score = score_wikievents(wiki_file, wiki_extract())
    total = score.total
    assert (total.events, total.in_sentence, total.at_trigger) == (4, 4, 3)
    assert score.group("die").sentence_recall == 1.0 and score.group("die").trigger_recall == 0
    assert (total.source_args, total.source_hits) == (2, 1)  # the arrest has no source
    assert (total.target_args, total.target_hits) == (4, 4)  # "three" found via coreference
    assert dict(score.miss_kinds) == {"arrest Jailer: no source": 1}


@pytest.mark.parametrize(
    ("ours", "texts", "named"),
    [
        ("Russian major general", ("general",), True),
        ("They", ("they", "Taliban"), True),  # the gold mention itself, a pronoun
        ("they", ("Taliban", "they"), False),  # a pronoun elsewhere in the chain proves nothing
        ("the army", ("three gunmen",), False),
        ("the officers", ("three", "officers"), True),  # through coreference
    ],
)
def test_an_actor_names_a_gold_argument(ours, texts, named):
    assert names_argument(ours, WikiArgument("Victim", texts)) is named


def test_wikievents_counts_nothing_for_other_codes(wiki_file):
    def extract(text: str, date: dt.date, id: str) -> list[EventMention]:
        return [mention("042", trigger="attacked", at=text.index("attacked"))]

    score = score_wikievents(wiki_file, extract)
    assert score.total.in_sentence == 0
    assert dict(score.miss_kinds)["attack: other event in sentence"] == 1


# -- the command ---------------------------------------------------------------------------
runner = CliRunner()


class FakePipeline:
    """Stands in for tidings.pipeline.Pipeline; it cannot load dictionaries, and says which
    files it was offered."""

    outputs = {**PETRARCH_OUTPUT, **PLOVER_OUTPUT}
    offered: list[list[str]] = []
    kept_builtin: list[bool] = []

    def __init__(
        self,
        model: str | None = None,
        dictionaries: Path | None = None,
        keep_builtin: bool = True,
        verbs: str = "instead",
    ) -> None:
        if dictionaries is not None:
            FakePipeline.offered.append(sorted(p.name for p in dictionaries.iterdir()))
            FakePipeline.kept_builtin.append(keep_builtin)
            raise ConfigError(f"reading PETRARCH dictionaries from {dictionaries} is not built")
        self.extract = fake_extract(self.outputs)


@pytest.fixture()
def shared_copy(tmp_path: Path, petrarch_file, plover_file, wiki_file) -> Path:
    root = tmp_path / "shared"
    petrarch = root / "reference" / "petrarch"
    petrarch.mkdir(parents=True)
    for name in ("PETR2_GSR_validation.xml", "PETR.UnitTest.records.xml"):
        (petrarch / name).write_text(petrarch_file.read_text())
    for name in ("T.verbs.txt", "T.actors.txt", "T2.actors.txt", "Other.actors.txt"):
        (petrarch / name).write_text("# a dictionary\n")
    (root / "eval" / "plover-gsr").mkdir(parents=True)
    (root / "eval" / "plover-gsr" / "dev.jsonl").write_text(plover_file.read_text())
    wiki_file.parent.rename(root / "eval" / "wikievents")
    return root


@pytest.fixture()
def fake_pipeline(monkeypatch):
    monkeypatch.setattr("tidings.verbs.Pipeline", FakePipeline)
    FakePipeline.offered.clear()
    FakePipeline.kept_builtin.clear()


def test_eval_all_reports_every_set_and_an_unavailable_one(shared_copy, fake_pipeline):
    result = runner.invoke(app, ["eval", "all", "--shared", str(shared_copy), "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)
    assert set(scores) == {"petrarch-gsr", "petrarch-unit", "plover", "wikievents"}
    assert "not built" in scores["petrarch-unit"]["unavailable"]
    # petrarch-unit is offered just the dictionaries its <Environment> names
    assert FakePipeline.offered == [["T.actors.txt", "T.verbs.txt", "T2.actors.txt"]]
    assert FakePipeline.kept_builtin == [False]  # those dictionaries code alone, as in PETRARCH
    gsr = scores["petrarch-gsr"]["rows"][0]
    assert gsr["comparison"] == "exact" and gsr["match share"] == pytest.approx(1 / 3)
    assert scores["plover"]["rows"][0]["accuracy"] == pytest.approx(1 / 3)
    assert scores["wikievents"]["rows"][-1]["recall (sentence)"] == 0.0  # the fake knows none


def test_eval_one_set_prints_a_table_and_misses(shared_copy, fake_pipeline):
    args = ["eval", "plover", "--shared", str(shared_copy), "--misses", "2", "--limit", "2"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "event type (top event)" in result.stdout and "2 sentences" in result.stdout
    assert "gold:" in result.stdout


def test_eval_petrarch_unit_runs_without_dictionaries_when_asked(shared_copy, fake_pipeline):
    base = ["eval", "petrarch-unit", "--shared", str(shared_copy)]
    assert runner.invoke(app, base).exit_code == 2  # the dictionaries cannot load yet
    result = runner.invoke(app, [*base, "--no-dictionaries", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["petrarch-unit"]["rows"][0]["match share"] > 0


def test_eval_names_a_missing_dictionary(shared_copy, fake_pipeline):
    (shared_copy / "reference" / "petrarch" / "T2.actors.txt").unlink()
    result = runner.invoke(
        app, ["eval", "petrarch-gsr", "--own-dictionaries", "--shared", str(shared_copy)]
    )
    assert result.exit_code == 2
    assert "T2.actors.txt" in " ".join(result.output.split()).replace(" ", "")


def test_eval_missing_gold_file_says_where_it_looked(tmp_path, fake_pipeline):
    result = runner.invoke(app, ["eval", "wikievents", "--shared", str(tmp_path)])
    assert result.exit_code == 2
    message = " ".join(result.output.split())
    assert "gold file not found" in message and "wikievents" in message
    assert "--shared" in message


# -- the real gold sets --------------------------------------------------------------------
def test_real_gold_files_read_whole(shared):
    petrarch = shared / "reference" / "petrarch"
    assert sum(r.evaluate for r in read_petrarch(petrarch / "PETR2_GSR_validation.xml")) == 78
    unit = list(read_petrarch(petrarch / "PETR.UnitTest.records.xml"))
    assert len(unit) == 284 and sum(r.evaluate for r in unit) == 279
    plover = list(read_plover(shared / "eval" / "plover-gsr" / "dev.jsonl"))
    assert len(plover) == 161 and all(r.type != "DEMAND" for r in plover)
    docs = list(read_wikievents(shared / "eval" / "wikievents" / "dev.jsonl"))
    assert len(docs) == 20 and sum(len(d.events) for d in docs) == 345


def test_real_plover_first_records_meet_the_floor(shared):
    score = score_plover(shared / "eval" / "plover-gsr" / "dev.jsonl", Pipeline().extract, limit=20)
    assert score.records == 20
    assert 0.0 <= score.top_accuracy <= score.any_accuracy <= 1.0
    assert score.top_accuracy >= PLOVER_TOP20_FLOOR
