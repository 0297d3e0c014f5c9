"""A source's home: learnt from its articles' unambiguous places, a weak prior for the rest."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from typer.testing import CliRunner

from tidings.cli import app
from tidings.model import Article, Place, PlaceMention
from tidings.pipeline import Pipeline
from tidings.where import Home, find_places, find_places_with_homes, learn_homes, source_key
from tidings.where.home import domain_country

# two stories of one (invented) paper whose places all lie in Virginia
VIRGINIA = [
    "Flooding closed roads in Charlottesville and Lynchburg on Monday, Virginia officials said.",
    "The school board in Harrisonburg approved a new budget. Teachers from Staunton attended.",
]
PAPER = "https://www.valley-courier.example/news/2021/03/story.html"


def third_story(nlp, text: str) -> list[tuple[str, str | None]]:
    """The (text, admin1) of the toponyms of `text`, given after the two Virginia stories."""
    docs = [nlp(t) for t in [*VIRGINIA, text]]
    found, homes = find_places_with_homes([(doc, source_key(PAPER)) for doc in docs])
    assert homes == {"valley-courier.example": Home("USA", "VA")}
    return [(m.text, m.place.admin1) for m in found[-1]]


def test_home_state_decides_between_same_named_towns(nlp):
    text = "The Arlington council voted on Tuesday to widen two roads near the library."
    assert [(m.text, m.place.admin1) for m in find_places(nlp(text))] == [("Arlington", "TX")]
    assert third_story(nlp, text) == [("Arlington", "VA")]


def test_home_state_town_outranks_a_bigger_namesake(nlp):
    text = "The Springfield council voted on Tuesday to widen two roads near the library."
    assert third_story(nlp, text) == [("Springfield", "VA")]


@pytest.mark.parametrize(
    "text",
    [
        "The council voted on Tuesday to widen two roads, said officials in Arlington, Texas.",
        "The Arlington council voted on Tuesday to widen two roads. Texas officials approved it.",
    ],
)
def test_the_story_own_state_wins_over_the_home(nlp, text):
    assert ("Arlington", "TX") in third_story(nlp, text)
    assert ("Arlington", "VA") not in third_story(nlp, text)


def test_one_sense_per_story_follows_the_named_state_not_the_home(nlp):
    text = "Officials in Springfield, Ill., met on Monday. The Springfield council agreed."
    assert [a for _, a in third_story(nlp, text)] == ["IL", "IL", "IL"]


def test_articles_of_other_sources_learn_nothing_from_the_paper(nlp):
    text = "The Arlington council voted on Tuesday to widen two roads near the library."
    docs = [nlp(t) for t in [*VIRGINIA, text]]
    keys = [source_key(PAPER), source_key(PAPER), source_key("https://other.example/a")]
    found, homes = find_places_with_homes(list(zip(docs, keys, strict=True)))
    assert "other.example" not in homes
    assert [(m.text, m.place.admin1) for m in found[-1]] == [("Arlington", "TX")]


def _mention(text: str, name: str, country: str, admin1: str | None, precision="city"):
    place = Place(name, None, country, admin1, 0.0, 0.0, precision)
    return PlaceMention(place, 0, len(text), text)


def test_one_story_is_no_home_and_ambiguous_names_alone_give_no_state():
    chicago = [_mention("Chicago", "Chicago", "USA", "IL")]
    assert learn_homes([("paper", chicago)]) == {}
    assert learn_homes([("paper", chicago), ("paper", chicago)]) == {"paper": Home("USA", "IL")}
    springfield = [_mention("Springfield", "Springfield", "USA", "MO")]
    ohio = [_mention("Ohio", "Ohio", "USA", "OH", "admin1")]
    # half the stories name Ohio; "Springfield" gives a sliver to each state holding one
    homes = learn_homes([("paper", ohio), ("paper", springfield), ("paper", ohio)])
    assert homes == {"paper": Home("USA", "OH")}
    # towns of that name lie in several countries: not even the country is sure
    assert learn_homes([("paper", springfield), ("paper", springfield)]) == {}
    assert learn_homes([(None, chicago), (None, chicago)]) == {}


def test_source_key_is_the_host_else_the_name():
    assert source_key("https://www.Example.com/a/b?c=1") == "example.com"
    assert source_key("news.example.org/story") == "news.example.org"
    assert source_key(None, "  The Valley  Courier ") == "the valley courier"
    assert source_key("", None) is None


def test_places_command_learns_a_home_from_the_batch(tmp_path):
    texts = [*VIRGINIA, "The Arlington council voted on Tuesday to widen two roads."]
    corpus = tmp_path / "articles.jsonl"
    rows = [
        {"id": f"a{i}", "date": "2021-03-01", "text": t, "url": PAPER} for i, t in enumerate(texts)
    ]
    corpus.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    output = tmp_path / "places.jsonl"
    result = CliRunner().invoke(app, ["places", str(corpus), "-o", str(output)])
    assert result.exit_code == 0, result.output
    found = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]
    assert [r["admin1"] for r in found if r["article_id"] == "a2"] == ["VA"]


def test_pipeline_places_events_with_the_batch_homes(nlp):
    day = dt.date(2021, 3, 1)
    texts = [*VIRGINIA, "Gunmen attacked a bank in Arlington on Monday."]
    articles = [Article(id=f"a{i}", date=day, text=t, url=PAPER) for i, t in enumerate(texts)]
    (batch,) = Pipeline(batch_size=8).run(articles)
    events = [m for r in batch.results if r.article.id == "a2" for m in r.mentions]
    assert events and all(e.location and e.location.admin1 == "VA" for e in events)


def test_country_named_before_a_person_noun_is_a_home_town(nlp):
    """ "a Lebanon woman" is a town's (a country's people take its demonym), the home's
    Lebanon; a state keeps its reading, and a story set in the country keeps the country."""
    home = Home("USA", "IN")

    def read(text: str, home: Home | None) -> list[tuple[str, str, str | None]]:
        return [(m.text, m.place.country, m.place.admin1) for m in find_places(nlp(text), home)]

    text = "A plea deal is being discussed for Jane Roe, a Lebanon woman accused of theft."
    assert read(text, None) == [("Lebanon", "LBN", None)]
    assert read(text, home) == [("Lebanon", "USA", "IN")]
    assert read("A Texas man was charged with theft.", home) == [("Texas", "USA", "TX")]
    text = "Lebanon's army said a Lebanon woman was hurt in Beirut."
    assert {c for _, c, _ in read(text, home)} == {"LBN"}


def test_host_under_a_country_domain_is_of_that_country(nlp):
    texts = ["Flooding closed roads in Sarnia and Kitchener on Monday.", "The London council met."]
    docs = [nlp(t) for t in texts]
    found, homes = find_places_with_homes([(doc, "valley-news.ca") for doc in docs])
    assert homes == {"valley-news.ca": Home("CAN", "08")}  # Ontario
    assert [(m.text, m.place.country) for m in found[1]] == [("London", "CAN")]
    found, homes = find_places_with_homes([(doc, "valley-news.com") for doc in docs])
    assert homes == {}  # one story of sure country is no pattern
    assert [(m.text, m.place.country) for m in found[1]] == [("London", "GBR")]


def test_domain_country_reads_country_endings_only():
    assert domain_country("lfpress.ca") == "CAN"
    assert domain_country("news.example.co.uk") == "GBR"
    assert domain_country("example.com") is None
    assert domain_country("bit.ly") is None  # sold to anyone
    assert domain_country("the valley courier") is None
    # a lone article takes its host's country, though it teaches no state
    lone = [_mention("Chicago", "Chicago", "USA", "IL")]
    assert learn_homes([("paper.ie", lone)]) == {"paper.ie": Home("IRL", None)}


def test_homes_do_not_depend_on_the_order_of_the_articles():
    ohio = [_mention("Ohio", "Ohio", "USA", "OH", "admin1")]
    cincinnati = [_mention("Cincinnati", "Cincinnati", "USA", "OH")]
    springfield = [_mention("Springfield", "Springfield", "USA", "OH")]
    articles = [("a", ohio), ("b", springfield), ("a", springfield), ("a", cincinnati), ("b", ohio)]
    homes = learn_homes(articles)
    assert homes == learn_homes(reversed(articles)) == {"a": Home("USA", "OH")}
