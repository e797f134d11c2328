"""Turns the catalogue and the calculators into the MkDocs Material site."""
