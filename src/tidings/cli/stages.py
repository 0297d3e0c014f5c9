"""The stages on their own, as GDELT's knowledge graph offers them: `times` and `places`."""
