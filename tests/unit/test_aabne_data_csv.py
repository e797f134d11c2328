"""The open data CSV files: a text cell never becomes a spreadsheet formula (CSV injection)."""
import csv
import io

import pytest

from sitegen import aabne_data
from sitegen.catalogue import indlaes_katalog


@pytest.fixture(scope="module")
def katalog():
    return indlaes_katalog()


def raekker(tekst: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(tekst, newline="")))


@pytest.mark.parametrize("ondt", [
    "=HYPERLINK(\"https://x.dk\",\"klik\")",
    "+1+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
])
def test_a_text_cell_starting_like_a_formula_gets_a_leading_quote(katalog, ondt):
    s = katalog.standarder[0]
    gammel = s.data["titel"]
    s.data["titel"] = ondt
    try:
        [foerste, *_] = raekker(aabne_data.standarder_csv(katalog, "https://eksempel.dk/"))
    finally:
        s.data["titel"] = gammel
    assert foerste["titel"] == "'" + ondt


def test_rate_text_is_neutralised_too_but_numbers_stay_numbers(katalog):
    sats_id = next(iter(katalog.satser))
    sats = katalog.satser[sats_id]
    gammel = sats["beskrivelse"], sats["vaerdier"][0]["vaerdi"]
    sats["beskrivelse"], sats["vaerdier"][0]["vaerdi"] = "=1+1", -5
    try:
        foerste = next(r for r in raekker(aabne_data.satser_csv(katalog)) if r["sats_id"] == sats_id)
    finally:
        sats["beskrivelse"], sats["vaerdier"][0]["vaerdi"] = gammel
    assert foerste["beskrivelse"] == "'=1+1"
    assert foerste["vaerdi"] == "-5"


def test_ordinary_text_is_written_as_it_is(katalog):
    rows = raekker(aabne_data.standarder_csv(katalog, "https://eksempel.dk/"))
    assert [r["titel"] for r in rows] == [s["titel"] for s in katalog.standarder]
    assert all(not v.startswith("'") for r in rows for v in r.values())
