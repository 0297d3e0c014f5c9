"""Tests of the toll stage."""
