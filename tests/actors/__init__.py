"""Tests of the actors stage."""
