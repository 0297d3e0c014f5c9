"""Tests of the when stage."""
