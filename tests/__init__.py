"""The tests of Tidings, one package per stage."""
