"""nlp stage: articles -> parsed spaCy docs.

`load` loads the model once per process (`parsing`); `parse` streams articles through it
in batches; `ParseAhead` parses the next batch in a second process (`ahead`).
"""

from tidings.nlp.ahead import ParseAhead
from tidings.nlp.parsing import DEFAULT_MODEL, doc_text, load, model_name, parse

__all__ = ["DEFAULT_MODEL", "ParseAhead", "doc_text", "load", "model_name", "parse"]
