"""Tests of the gold-set scorers and `tidings eval`."""
