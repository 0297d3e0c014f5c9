"""The built-in coder: triggers from Tidings' own lexicon (data/*.tsv), arguments from the parse.

`coder.EventCoder` codes each sentence's triggers (`matching`), reads their senses
(`senses`), frames and moods (`embedding`, `governing`, `negation`) and their sources and
targets (`arguments`, `clauses`, `instruments`, `event_places`). Reached through
`tidings.events`.
"""
