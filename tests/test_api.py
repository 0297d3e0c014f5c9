"""The public surface: small, deliberate, and checked."""

from __future__ import annotations

import datetime as dt
import importlib

import pytest

import tidings

PUBLIC = {
    "Acled", "Actor", "ActorMention", "Article", "Cameo", "Casualties", "ConfigError",
    "DataFileError", "Event", "EventMention", "InputError", "OutputError", "Place", "Plover",
    "Rejected", "SheetError", "StoreError", "TidingsError", "TimeExpression", "extract",
    "to_record", "demo", "evaluate", "export", "places", "query", "times", "audit_sample",
    "audit_score",
}  # fmt: skip
STAGES = ["ingest", "nlp", "actors", "events", "when", "where", "toll", "merge", "store", "audit"]


def test_top_level_exports_exactly_the_public_names():
    assert set(tidings.__all__) == PUBLIC
    assert all(hasattr(tidings, name) for name in tidings.__all__)


@pytest.mark.parametrize("stage", STAGES)
def test_every_stage_declares_its_public_names(stage):
    module = importlib.import_module(f"tidings.{stage}")
    assert module.__all__, f"tidings.{stage} has an empty __all__"
    assert all(hasattr(module, name) for name in module.__all__)


def test_errors_form_one_tree_with_stable_codes():
    errors = [tidings.ConfigError, tidings.DataFileError, tidings.InputError, tidings.StoreError]
    errors += [tidings.SheetError, tidings.OutputError]
    assert all(issubclass(e, tidings.TidingsError) for e in errors)
    codes = [e.code for e in errors]
    assert len(set(codes)) == len(codes) and all(c.startswith("T") for c in codes)


def test_extract_codes_a_sentence_with_its_date():
    events = tidings.extract(
        "Police arrested 40 protesters in Lagos on Tuesday.", date=dt.date(2020, 10, 21)
    )
    arrest = next(e for e in events if e.cameo.code == "173")
    assert arrest.date == dt.date(2020, 10, 20) and arrest.date_precision == "day"
    assert arrest.location is not None and arrest.location.country == "NGA"
    assert arrest.casualties is not None and arrest.casualties.arrested_min == 40
