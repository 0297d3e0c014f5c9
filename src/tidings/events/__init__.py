"""events stage: parsed doc + actor mentions -> coded event mentions (CAMEO, PLOVER, ACLED).

Two coders behind one interface (`Coder`, chosen by `make_coder`): the built-in lexicon
coder (`builtin/`) and the PETRARCH-dictionary coder (`dictionary/`). What both read, the
CAMEO ontology, the ACLED typing, word classes and the frame table, lives here beside them.
"""

from tidings.events.builtin.coder import EventCoder, code_events, default_coder
from tidings.events.dictionary.coder import DictionaryCoder, dictionary_coder
from tidings.events.interface import VERB_MODES, Coder, check_verb_mode, make_coder
from tidings.events.ontology import VIOLENT_ROOTS

__all__ = [
    "VERB_MODES",
    "VIOLENT_ROOTS",
    "Coder",
    "DictionaryCoder",
    "EventCoder",
    "check_verb_mode",
    "code_events",
    "default_coder",
    "dictionary_coder",
    "make_coder",
]
