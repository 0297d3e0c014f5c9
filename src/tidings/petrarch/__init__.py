"""The PETRARCH/TABARI file formats, read into typed records: verb dictionaries
(CAMEO.2.0.txt: verbs, synonym sets, patterns, transformations), actor, agent and discard
files with their dated codes ("[IRQGOV >20200507]"), the internal coding ontology (PICO)
and the validation records (PETR2_GSR_validation.xml, PETR.UnitTest.records.xml).

Only reading lives here; what a stage makes of the records (the actors' lexicon and
phrase book, the events' trigger entries and verb matching, the scores) stays in it.
Errors name the file and line (`DataFileError`).
"""

from tidings.petrarch.actors import Dictionaries, read_actor_folder, read_discards
from tidings.petrarch.dated import DatedCode, KnownActor, codes_cell, parse_date
from tidings.petrarch.lines import (
    BLOCK_HEADER,
    CODE_CELL,
    PATTERN_TOKEN,
    phrase,
    primary_code,
    verb_lines,
    verb_words,
    words,
)
from tidings.petrarch.ontology import Pico, find_pico_files, read_pico
from tidings.petrarch.validation import (
    PetrarchSentence,
    Triple,
    dictionary_files,
    read_validation,
)
from tidings.petrarch.verbs import (
    NULL,
    Element,
    Pattern,
    Transform,
    VerbBook,
    VerbForm,
    find_verb_files,
    read_verb_book,
)

__all__ = [
    "BLOCK_HEADER",
    "CODE_CELL",
    "NULL",
    "PATTERN_TOKEN",
    "DatedCode",
    "Dictionaries",
    "Element",
    "KnownActor",
    "Pattern",
    "PetrarchSentence",
    "Pico",
    "Transform",
    "Triple",
    "VerbBook",
    "VerbForm",
    "codes_cell",
    "dictionary_files",
    "find_pico_files",
    "find_verb_files",
    "parse_date",
    "phrase",
    "primary_code",
    "read_actor_folder",
    "read_discards",
    "read_pico",
    "read_validation",
    "read_verb_book",
    "verb_lines",
    "verb_words",
    "words",
]
