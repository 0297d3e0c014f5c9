"""Tests of the events stage: the built-in coder and dictionary mode."""
