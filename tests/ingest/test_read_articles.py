"""ingest: every format, every reject reason, folders and laziness."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import tracemalloc
import types
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tidings.errors import Reject
from tidings.ingest import article_id, read_articles
from tidings.model import Article, Rejected

DAY = dt.date(2021, 11, 7)


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    return path


def summary(records: list[Article | Rejected]) -> list[tuple[object, ...]]:
    """("A", line, id) per article and ("R", line, reason code) per reject."""
    out: list[tuple[object, ...]] = []
    for record in records:
        if isinstance(record, Article):
            out.append(("A", int(str(record.origin).rsplit(":", 1)[1]), record.id))
        else:
            out.append(("R", record.line, record.reason[:4]))
    return out


def code(reason: Reject) -> str:
    return reason.value[:4]


# --- good records, one per format, every field ------------------------------------------

FULL = dict(id="x1", title="Drone attack", source="Reuters", url="https://example.org/a")
BODY = "The United States has strongly denounced the attack.\n\nIt offered help."

GOOD = {
    "txt": (
        "a.txt",
        "date 2021-11-07\nid x1\ntitle Drone attack\nsource Reuters\n"
        "url https://example.org/a\n\n" + BODY + "\n",
        1,
    ),
    "txt with colons, CRLF and BOM": (
        "a.TXT",
        "\ufeffdate: 2021-11-07\r\nid: x1\r\ntitle:  Drone attack \r\nsource: Reuters\r\n"
        "url: https://example.org/a\r\n\r\n" + BODY.replace("\n", "\r\n"),
        1,
    ),
    "jsonl": (
        "a.jsonl",
        "\ufeff" + json.dumps({"date": "2021-11-07", "text": BODY, **FULL}) + "\n",
        1,
    ),
    "json array": (
        "a.json",
        json.dumps([{"date": "2021-11-07", "text": BODY, **FULL}], indent=2),
        2,
    ),
    "json one pretty object": (
        "a.json",
        json.dumps({"date": "2021-11-07", "text": BODY, **FULL}, indent=2),
        1,
    ),
    "csv": (
        "a.csv",
        "\ufeffid,Date,title,text,source,url,extra\r\n"
        'x1,2021-11-07,Drone attack,"' + BODY.replace("\n", "\r\n") + '",Reuters,'
        "https://example.org/a,ignored\r\n",
        2,
    ),
}


@pytest.mark.parametrize("name,content,line", GOOD.values(), ids=GOOD.keys())
def test_each_format_reads_every_field(tmp_path: Path, name: str, content: str, line: int) -> None:
    path = write(tmp_path, name, content)
    records = list(read_articles([path]))
    assert records == [
        Article(
            id="x1",
            date=DAY,
            text=BODY,
            title="Drone attack",
            source="Reuters",
            url="https://example.org/a",
            origin=f"{path}:{line}",
        )
    ]


def test_values_are_stripped_empty_optionals_none_ids_strings(tmp_path: Path) -> None:
    line = {"id": 42, "date": " 2021-11-07 ", "text": "  words \r\n", "title": " ", "url": ""}
    path = write(tmp_path, "a.jsonl", json.dumps(line))
    (article,) = read_articles([str(path)])
    assert isinstance(article, Article)
    assert (article.id, article.text, article.title, article.source, article.url) == (
        "42",
        "words",
        None,
        None,
        None,
    )
    assert article.origin == f"{path}:1"


@pytest.mark.parametrize(
    "value,expected",
    [
        ("2021-11-07", DAY),
        ("20211107", DAY),
        ("2021-11-07T10:15:00+03:00", DAY),
        ("2021-11-07T01:30:00+03:00", DAY),  # 6 Nov in UTC: the date as written counts
        ("2021-11-07 10:15:00Z", DAY),
        ("2021-11-07T23:59:59.5-05:00", DAY),
        (20211107, DAY),
    ],
)
def test_dates(tmp_path: Path, value: object, expected: dt.date) -> None:
    path = write(tmp_path, "a.jsonl", json.dumps({"date": value, "text": "t"}))
    (article,) = read_articles([path])
    assert isinstance(article, Article) and article.date == expected


@pytest.mark.parametrize(
    "value", ["7 November 2021", "2021-13-01", "2021-02-30", "2021-1107", "11/07/2021", "x"]
)
def test_bad_dates_name_the_value(tmp_path: Path, value: str) -> None:
    path = write(tmp_path, "a.jsonl", json.dumps({"date": value, "text": "t"}))
    (rejected,) = read_articles([path])
    assert isinstance(rejected, Rejected)
    assert rejected.reason.startswith(code(Reject.BAD_DATE)) and value in rejected.reason
    assert (rejected.origin, rejected.line) == (str(path), 1)


def test_the_date_header_may_run_on_into_the_body(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", " date 2021-11-07 The United States said.\nMore.\n")
    (article,) = read_articles([path])
    assert isinstance(article, Article)
    assert (article.date, article.text) == (DAY, "The United States said.\nMore.")


def test_header_stops_at_the_first_other_line(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", "date 2021-11-07\nHello there\ntitle not a header\n")
    (article,) = read_articles([path])
    assert isinstance(article, Article)
    assert (article.title, article.text) == (None, "Hello there\ntitle not a header")


# --- ids --------------------------------------------------------------------------------


def test_article_id_is_stable_and_content_sensitive() -> None:
    base = article_id(DAY, "Some text.", "Title")
    assert base == article_id(DAY, "Some text.", "Title")
    assert base == article_id("2021-11-07", "  Some\r\n text. ", " Title")  # whitespace only
    assert base.startswith("a-") and len(base) == 18
    int(base[2:], 16)
    others = {
        article_id(DAY + dt.timedelta(days=1), "Some text.", "Title"),
        article_id(DAY, "Some text!", "Title"),
        article_id(DAY, "Some text.", "Other"),
        article_id(DAY, "Some text."),
    }
    assert base not in others and len(others) == 4


def test_records_without_id_get_the_content_hash(tmp_path: Path) -> None:
    lines = [
        {"date": "2021-11-07", "text": "Same words.", "title": "T"},
        {"date": "2021-11-07", "text": "Same words.", "title": "T", "id": ""},
        {"date": "2021-11-08", "text": "Same words.", "title": "T"},
    ]
    path = write(tmp_path, "a.jsonl", "\n".join(json.dumps(x) for x in lines))
    first, second, third = read_articles([path])
    assert isinstance(first, Article) and isinstance(second, Article)
    assert isinstance(third, Article)
    assert first.id == second.id == article_id(DAY, "Same words.", "T")
    assert third.id != first.id


# --- rejects: every reason, good records around them still read, line numbers -----------

GOOD_LINE = json.dumps({"id": "g", "date": "2021-11-07", "text": "good"})
A = ("A",)

REJECTS = {
    "txt without date": ("a.txt", "title T\n\nBody.", [("R", 1, code(Reject.NO_DATE))]),
    "txt bad date": ("a.txt", "date 7/11/2021\nBody.", [("R", 1, code(Reject.BAD_DATE))]),
    "txt empty body": ("a.txt", "date 2021-11-07\n\n \n", [("R", 1, code(Reject.EMPTY_TEXT))]),
    "txt not utf-8": (
        "a.txt",
        b"date 2021-11-07\nok\nbad \xff byte\n",
        [("R", 3, code(Reject.NOT_UTF8))],
    ),
    "jsonl bad utf-8 line between good ones": (
        "a.jsonl",
        (GOOD_LINE + "\n").encode()
        + b'{"date": "2021-11-07", "text": "\xff"}\n'
        + GOOD_LINE.encode(),
        [("A", 1, "g"), ("R", 2, code(Reject.NOT_UTF8)), ("A", 3, "g")],
    ),
    "jsonl malformed line between good ones, blank lines skipped": (
        "a.jsonl",
        f'{GOOD_LINE}\n\n{{"date": "2021-11-07", "text": \n  \n{GOOD_LINE}\n',
        [("A", 1, "g"), ("R", 3, code(Reject.BAD_JSON)), ("A", 5, "g")],
    ),
    "jsonl not objects, no date, empty text": (
        "a.jsonl",
        '[1, 2]\n"text"\n{"text": "t"}\n{"date": null, "text": "t"}\n'
        '{"date": "2021-11-07", "text": "  "}\n{"date": "2021-11-07"}\n'
        '{"date": "2021-11-07", "text": {"nested": 1}}\n' + GOOD_LINE,
        [
            ("R", 1, code(Reject.NOT_OBJECT)),
            ("R", 2, code(Reject.NOT_OBJECT)),
            ("R", 3, code(Reject.NO_DATE)),
            ("R", 4, code(Reject.NO_DATE)),
            ("R", 5, code(Reject.EMPTY_TEXT)),
            ("R", 6, code(Reject.EMPTY_TEXT)),
            ("R", 7, code(Reject.BAD_JSON)),
            ("A", 8, "g"),
        ],
    ),
    "jsonl lone surrogate escape": (
        "a.jsonl",
        '{"date": "2021-11-07", "text": "\\ud800 half a character"}\n' + GOOD_LINE,
        [("R", 1, code(Reject.NOT_UTF8)), ("A", 2, "g")],
    ),
    "json array with a bad element and a bad byte": (
        "a.json",
        b'[\n  {"id": "g", "date": "2021-11-07", "text": "good"},\n  {"date": "x", "text": "t"},\n'
        b'  {"date": "2021-11-07", "text": "\xfe"},\n  7,\n'
        b'  {"id": "h", "date": "2021-11-07",\n   "text": "two lines"}\n]\n',
        [
            ("A", 2, "g"),
            ("R", 3, code(Reject.BAD_DATE)),
            ("R", 4, code(Reject.NOT_UTF8)),
            ("R", 5, code(Reject.NOT_OBJECT)),
            ("A", 6, "h"),
        ],
    ),
    "json lines in a .json file, one malformed": (
        "a.json",
        f'{GOOD_LINE}\n{{"date": "2021-11-07", "text": "x"\n{GOOD_LINE}\n',
        [("A", 1, "g"), ("R", 2, code(Reject.BAD_JSON)), ("A", 3, "g")],
    ),
    "json array never closed": (
        "a.json",
        f"[{GOOD_LINE},\n",
        [("A", 1, "g"), ("R", 2, code(Reject.BAD_JSON))],
    ),
    "csv missing column": (
        "a.csv",
        "date,body\n2021-11-07,words\n",
        [("R", 1, code(Reject.MISSING_COLUMN))],
    ),
    "csv wrong cell count, bad quoting, multi-line cells, blank line, bad byte": (
        "a.csv",
        b'id,date,text\ng,2021-11-07,"two\nlines"\nx,2021-11-07\n\nh,2021-11-07,ok,extra\n'
        b'i,2021-11-07,"bad \xff"\nj,,no date\nk,2021-11-07,"three\n\nlines"\nl,2021-11-07,last\n'
        b'm,2021-11-07,"stray"quote\nn,2021-11-07,fine\no,2021-11-07,"never closed\nrest\n',
        [
            ("A", 2, "g"),
            ("R", 4, code(Reject.BAD_ROW)),
            ("R", 6, code(Reject.BAD_ROW)),
            ("R", 7, code(Reject.NOT_UTF8)),
            ("R", 8, code(Reject.NO_DATE)),
            ("A", 9, "k"),
            ("A", 12, "l"),
            ("R", 13, code(Reject.BAD_ROW)),
            ("A", 14, "n"),
            ("R", 15, code(Reject.BAD_ROW)),
        ],
    ),
    "unknown suffix named explicitly": (
        "notes.md",
        "date 2021-11-07\nwords",
        [("R", None, code(Reject.UNKNOWN_FORMAT))],
    ),
}


@pytest.mark.parametrize("name,content,expected", REJECTS.values(), ids=REJECTS.keys())
def test_rejects_and_the_good_records_around_them(
    tmp_path: Path, name: str, content: str | bytes, expected: list[tuple[object, ...]]
) -> None:
    path = write(tmp_path, name, content)
    records = list(read_articles([path]))
    assert summary(records) == expected
    for record in records:
        if isinstance(record, Rejected):
            assert record.origin == str(path)
            assert len(record.excerpt) <= 200
            json.dumps(record.excerpt).encode("utf-8")  # safe to write


def test_missing_column_names_the_columns_found(tmp_path: Path) -> None:
    path = write(tmp_path, "a.csv", "Date,Body\n2021-11-07,words\n")
    (rejected,) = read_articles([path])
    assert isinstance(rejected, Rejected) and "'date', 'body'" in rejected.reason


def test_excerpt_is_the_start_of_the_bad_line(tmp_path: Path) -> None:
    bad = '{"date": "2021-11-07", "text": "' + "x" * 500
    path = write(tmp_path, "a.jsonl", bad + "\n")
    (rejected,) = read_articles([path])
    assert isinstance(rejected, Rejected) and rejected.excerpt == bad[:200]


def test_a_missing_file_does_not_stop_the_batch(tmp_path: Path) -> None:
    good = write(tmp_path, "good.jsonl", GOOD_LINE)
    missing = tmp_path / "gone.jsonl"
    records = list(read_articles([missing, good, str(missing)]))
    assert summary(records) == [("R", None, code(Reject.MISSING_FILE)), A + (1, "g")] + [
        ("R", None, code(Reject.MISSING_FILE))
    ]
    assert records[0].origin == str(missing)


# --- folders ----------------------------------------------------------------------------


def test_folders_are_walked_recursively_in_sorted_order(tmp_path: Path) -> None:
    def line(key: str) -> str:
        return json.dumps({"id": key, "date": "2021-11-07", "text": key})

    write(tmp_path, "b.jsonl", line("b"))
    write(tmp_path, "a/z.csv", "id,date,text\nz,2021-11-07,z\n")
    write(tmp_path, "a/c.txt", "date 2021-11-07\nid c\n\nc")
    write(tmp_path, "a/b/d.json", f"[{line('d')}]")
    write(tmp_path, "c.JSONL", line("e"))
    for skipped in ("README.md", "notes.tsv", ".hidden.jsonl", ".git/x.jsonl", "a/noext"):
        write(tmp_path, skipped, line("skipped"))
    records = list(read_articles([tmp_path]))
    assert [r.id for r in records if isinstance(r, Article)] == ["d", "c", "z", "b", "e"]
    assert not [r for r in records if isinstance(r, Rejected)]
    assert records[0].origin == f"{tmp_path / 'a' / 'b' / 'd.json'}:1"


# --- laziness ---------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".jsonl", ".json", ".csv"])
def test_reading_is_lazy(tmp_path: Path, suffix: str) -> None:
    rows = 100_000
    bad = '{"date": "2021-11-07", "text": ' + "x" * 80 + "\n"
    if suffix == ".csv":
        head, bad = "id,date,text\ng,2021-11-07,good\n", "g,2021-11-07\n"
    elif suffix == ".json":
        head = f"[{GOOD_LINE},\n"
    else:
        head = GOOD_LINE + "\n"
    path = tmp_path / f"big{suffix}"
    with path.open("w", encoding="utf-8") as out:
        out.write(head)
        for _ in range(rows):
            out.write(bad)
    size = path.stat().st_size
    records = read_articles([path])
    assert isinstance(records, types.GeneratorType)
    tracemalloc.start()
    try:
        first = next(records)
        second = next(records)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
        records.close()
    assert isinstance(first, Article) and isinstance(second, Rejected)
    assert peak < size / 10, f"{peak} bytes traced for the first records of a {size}-byte file"


def test_nothing_is_touched_before_iteration() -> None:
    records = read_articles(["/no/such/file.jsonl"])
    assert isinstance(records, types.GeneratorType)  # no error until next()
    assert summary(list(records)) == [("R", None, code(Reject.MISSING_FILE))]


# --- the example and round trips --------------------------------------------------------


def test_the_example_article(shared: Path) -> None:
    path = shared / "examples" / "iraq-pm-drone-2021-11-07.txt"
    if not path.is_file():
        pytest.skip(f"the example article {path} is absent")
    (article,) = read_articles([path])
    assert isinstance(article, Article)
    assert article.date == DAY and article.text.startswith("The United States")
    assert article.id == article_id(DAY, article.text)


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    text=st.text(min_size=1).filter(str.strip),
    date=st.dates(dt.date(1800, 1, 1), dt.date(2100, 12, 31)),  # the dates kept (R013)
)
def test_any_text_and_date_round_trip(tmp_path: Path, text: str, date: dt.date) -> None:
    expected = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    jsonl = tmp_path / "round.jsonl"
    jsonl.write_text(json.dumps({"date": date.isoformat(), "text": text}) + "\n", "utf-8")
    table = io.StringIO()
    csv.writer(table).writerows([["date", "text"], [date.isoformat(), text]])
    csvfile = tmp_path / "round.csv"
    csvfile.write_text(table.getvalue(), "utf-8", newline="")
    for record in read_articles([jsonl, csvfile]):
        assert isinstance(record, Article), record
        assert (record.date, record.text) == (date, expected)


def test_an_article_over_spacys_limit_is_rejected_and_reading_goes_on(tmp_path: Path) -> None:
    long = {"id": "long", "date": "2021-11-07", "text": "word " * 200_001}  # 1,000,004 chars
    good = {"id": "good", "date": "2021-11-07", "text": "Police arrested protesters."}
    path = write(tmp_path, "a.jsonl", "\n".join(json.dumps(r) for r in (long, good)))
    text = write(tmp_path, "b.txt", "date 2021-11-07\n\n" + "word " * 200_001)
    assert summary(list(read_articles([path, text]))) == [
        ("R", 1, "R012"),
        ("A", 2, "good"),
        ("R", 1, "R012"),
    ]
    exactly = {"date": "2021-11-07", "text": "x" * 1_000_000}  # spaCy takes this many
    (article,) = read_articles([write(tmp_path, "c.jsonl", json.dumps(exactly))])
    assert isinstance(article, Article)


OUT_OF_RANGE = ["0001-01-01", "1799-12-31", "2101-01-01", "9999-12-31"]


@pytest.mark.parametrize("value", OUT_OF_RANGE)
def test_dates_out_of_range_are_rejected_with_the_value(tmp_path: Path, value: str) -> None:
    path = write(tmp_path, "a.jsonl", json.dumps({"date": value, "text": "t"}))
    (rejected,) = read_articles([path])
    assert isinstance(rejected, Rejected)
    assert rejected.reason.startswith("R013") and value in rejected.reason


@pytest.mark.parametrize("value", ["1800-01-01", "2100-12-31"])
def test_dates_at_the_ends_of_the_range_are_kept(tmp_path: Path, value: str) -> None:
    path = write(tmp_path, "a.jsonl", json.dumps({"date": value, "text": "t"}))
    (article,) = read_articles([path])
    assert isinstance(article, Article) and article.date.isoformat() == value


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_fifo_named_on_the_command_line_is_rejected_not_waited_on(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.jsonl"
    os.mkfifo(fifo)  # opening it to read would block until a writer came
    good = write(tmp_path, "good.jsonl", GOOD_LINE)
    assert summary(list(read_articles([fifo, good]))) == [("R", None, "R014"), A + (1, "g")]
    assert summary(list(read_articles([tmp_path]))) == [A + (1, "g")]  # in a folder: skipped


def test_an_unreadable_file_is_rejected_as_such_and_reading_goes_on(
    tmp_path: Path, monkeypatch
) -> None:
    """Permission denied is R015, not R001 "file not found": the fixes differ. (Faked:
    root may read any file.)"""
    locked = write(tmp_path, "locked.jsonl", GOOD_LINE)
    behind = tmp_path / "shut" / "inner.jsonl"  # inside a folder we may not enter
    good = write(tmp_path, "good.jsonl", GOOD_LINE)
    real_open, real_stat = Path.open, Path.stat

    def open_(self: Path, *args, **kwargs):
        if self.name == "locked.jsonl":
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    def stat_(self: Path, *args, **kwargs):
        if self.parent.name == "shut":
            raise PermissionError(13, "Permission denied", str(self))
        return real_stat(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", open_)
    monkeypatch.setattr(Path, "stat", stat_)
    records = list(read_articles([locked, behind, good, tmp_path / "gone.jsonl"]))
    assert summary(records) == [
        ("R", None, "R015"),
        ("R", None, "R015"),
        A + (1, "g"),
        ("R", None, code(Reject.MISSING_FILE)),
    ]
    assert "Permission denied" in records[0].reason


def test_a_link_loop_is_a_missing_file(tmp_path: Path) -> None:
    loop = tmp_path / "loop.jsonl"
    loop.symlink_to(loop)
    assert summary(list(read_articles([loop]))) == [("R", None, code(Reject.MISSING_FILE))]


BAD_LINES = {  # a bad JSONL line -> the reason it must be named with
    "no date": (lambda n: json.dumps({"id": n, "text": "t"}), Reject.NO_DATE),
    "bad date": (
        lambda n: json.dumps({"id": n, "date": "2021-13-01", "text": "t"}),
        Reject.BAD_DATE,
    ),
    "old date": (
        lambda n: json.dumps({"id": n, "date": "0001-01-01", "text": "t"}),
        Reject.DATE_OUT_OF_RANGE,
    ),
    "empty text": (
        lambda n: json.dumps({"id": n, "date": "2021-11-07", "text": " "}),
        Reject.EMPTY_TEXT,
    ),
    "not json": (lambda n: '{"id": "' + n + '", oops', Reject.BAD_JSON),
    "not an object": (lambda n: json.dumps([n, 1]), Reject.NOT_OBJECT),
}


@settings(max_examples=100, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    lines=st.lists(
        st.one_of(
            st.sampled_from(sorted(BAD_LINES)),
            st.tuples(
                st.text(min_size=1).filter(str.strip),
                st.dates(dt.date(1800, 1, 1), dt.date(2100, 12, 31)),
            ),
        ),
        max_size=12,
    )
)
def test_any_mix_of_good_and_bad_lines_keeps_every_good_one_and_names_every_bad_one(
    tmp_path: Path, lines: list
) -> None:
    """Nothing raises; each line gives one record, in order: the good article, or a
    reject naming its line and reason."""
    written, expected = [], []
    for n, line in enumerate(lines, start=1):
        if isinstance(line, str):
            make, reason = BAD_LINES[line]
            written.append(make(f"r{n}"))
            expected.append(("R", n, code(reason)))
        else:
            text, date = line
            written.append(json.dumps({"id": f"r{n}", "date": date.isoformat(), "text": text}))
            expected.append(("A", n, f"r{n}"))
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join(written) + "\n", encoding="utf-8")
    assert summary(list(read_articles([path]))) == expected


def test_a_broken_link_in_a_folder_is_named_if_it_was_an_article_file(tmp_path: Path) -> None:
    (tmp_path / "gone.jsonl").symlink_to(tmp_path / "nowhere.jsonl")
    (tmp_path / "notes.md").symlink_to(tmp_path / "nowhere.md")  # not an article: skipped
    write(tmp_path, "good.jsonl", GOOD_LINE)
    records = list(read_articles([tmp_path]))
    assert summary(records) == [("R", None, code(Reject.MISSING_FILE)), A + (1, "g")]
