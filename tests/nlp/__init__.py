"""Tests of the nlp stage."""
