"""Tests of the where stage."""
