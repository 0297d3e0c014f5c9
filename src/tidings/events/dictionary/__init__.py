"""The PETRARCH-dictionary coder: a folder's verb patterns, actors and PICO file, PETRARCH's way.

`coder.DictionaryCoder` matches each clause's verb against the verb file's patterns
(`verb_match`), finds its source and target as PETRARCH does (`roles`, `clauses`) and
applies the file's transformations (`transforms`). Reached through `tidings.events`.
"""
