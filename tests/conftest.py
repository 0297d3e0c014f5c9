"""Shared fixtures: one spaCy model per test session, the path of ../shared, the design's
example article, and the coders and pipeline a test module shares among its tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from tidings.actors import ActorCoder
from tidings.events import EventCoder
from tidings.ingest import read_articles
from tidings.model import Article
from tidings.nlp import load
from tidings.pipeline import Pipeline

SHARED = Path(__file__).resolve().parents[2] / "shared"


@pytest.fixture(scope="session")
def nlp():
    """The model as the pipeline loads it (with the paragraph-break component)."""
    return load()


@pytest.fixture(scope="session")
def shared() -> Path:
    """The read-only reference folder beside the checkout; tests needing it skip without it."""
    if not SHARED.is_dir():
        pytest.skip(f"needs the shared reference folder at {SHARED}, which is absent")
    return SHARED


@pytest.fixture(scope="session")
def example_article(shared):
    """The design's example article (../shared/examples), read by the ingest stage."""
    (article,) = read_articles([shared / "examples" / "iraq-pm-drone-2021-11-07.txt"])
    assert isinstance(article, Article)
    return article


@pytest.fixture(scope="session")
def example_doc(nlp, example_article):
    return nlp(example_article.text)


@pytest.fixture(scope="module")
def actor_coder():
    """One actor coder per test module."""
    return ActorCoder()


@pytest.fixture(scope="module")
def coders():
    """An actor coder and the built-in event coder, one pair per test module."""
    return ActorCoder(), EventCoder()


@pytest.fixture(scope="module")
def pipeline():
    """One pipeline per test module."""
    return Pipeline()
