"""The site's own stylesheet parses as written: a stray or missing brace makes the browser
drop the rules after it (or put them inside a media query) without any error."""
from pathlib import Path

CSS = Path(__file__).resolve().parents[2] / "docs" / "assets" / "stylesheets" / "haandbog.css"


def test_braces_are_balanced_and_never_close_more_than_they_open():
    dybde = 0
    for nr, linje in enumerate(CSS.read_text(encoding="utf-8").splitlines(), 1):
        dybde += linje.count("{") - linje.count("}")
        assert dybde >= 0, f"haandbog.css:{nr}: '}}' without a block to close"
    assert dybde == 0, "haandbog.css ends inside a block"
