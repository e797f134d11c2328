"""A rate the source does not give, or a newer value of one, is supplied with its own
source (a takstblad or a decision: title, date, reference). `make check` validates it,
and a calculator that uses it says which rate it used and that the source text quotes
another amount.
"""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from sitegen.catalogue import indlaes_katalog
from sitegen.export import katalog_data

import calculators
from calculators.katalog import fra_data
from kataloghjaelp import NY_SATS_2026

ROOT = Path(__file__).resolve().parents[2]
BEFORDRING = "satser/befordring.yaml"


@pytest.fixture
def katalog(tmp_path) -> Path:
    kopi = tmp_path / "catalogue"
    shutil.copytree(ROOT / "catalogue", kopi)
    return kopi


def _tilfoej(kat: Path, vaerdi: str) -> Path:
    fil = kat / BEFORDRING
    tekst = fil.read_text(encoding="utf-8")
    citat = "          citat: kan søge om godtgørelse*, hvis udgiften overstiger 48 kr. t/r.\n"
    assert citat in tekst
    fil.write_text(tekst.replace(citat, citat + vaerdi, 1), encoding="utf-8")
    return fil


def _check(kat: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "scripts" / "check_catalogue.py"), "--katalog", str(kat)],
                          capture_output=True, text=True, timeout=120)


def test_a_newer_value_with_its_own_source_passes_the_check(katalog):
    _tilfoej(katalog, NY_SATS_2026)
    proc = _check(katalog)
    assert proc.returncode == 0, proc.stderr


def test_a_later_source_without_its_reference_is_an_error_at_its_line(katalog):
    fil = _tilfoej(katalog, NY_SATS_2026.replace("          reference: Byrådets beslutning 10. december 2025, punkt 7\n", ""))
    proc = _check(katalog)
    assert proc.returncode == 1
    linje = next(i for i, l in enumerate(fil.read_text(encoding="utf-8").splitlines(), 1) if "vaerdi: 52" in l)
    assert re.search(rf"befordring\.yaml:({linje - 1}|{linje}|{linje + 1}): ", proc.stderr), proc.stderr
    assert "reference" in proc.stderr


def test_the_explanation_names_the_rate_in_force_and_the_source_texts_amount(katalog):
    _tilfoej(katalog, NY_SATS_2026)
    beregner_katalog = fra_data(katalog_data(indlaes_katalog(katalog)))
    svar = calculators.beregn("befordring_genoptraening", {
        "pensionist": "ja", "kan_klare": "ja", "udgift": "50", "dato": "2026-03-01"}, beregner_katalog)
    assert svar["ok"], svar
    satser = [t["sats"] for t in svar["forklaring"] if t["sats"]]
    graense = next(s for s in satser if s["id"] == "befordring.genoptraening_graense_pensionist")
    assert graense["vaerdi"] == 52 and graense["gyldig_fra"] == "2026-01-01"
    assert graense["kildens_vaerdi"] == 48
    assert graense["kilde"]["titel"] == "Gladsaxe Kommunes takstblad 2026"
    # 50 kr. is above the 2025 threshold of 48 but not above 52: no reimbursement in 2026.
    poster = {p["id"]: p for p in svar["result"]["poster"]}
    assert poster["graense"]["vaerdi"] == 52 and "52,00 kr." in poster["graense"]["tekst"]
    assert "godtgoerelse" not in poster or not poster["godtgoerelse"]["vaerdi"], poster
    # Before 2026 the source text's own value holds and nothing extra is said.
    svar_2025 = calculators.beregn("befordring_genoptraening", {
        "pensionist": "ja", "kan_klare": "ja", "udgift": "50", "dato": "2025-06-01"}, beregner_katalog)
    s25 = next(t["sats"] for t in svar_2025["forklaring"]
               if t["sats"] and t["sats"]["id"] == "befordring.genoptraening_graense_pensionist")
    assert s25["vaerdi"] == 48 and s25["kildens_vaerdi"] is None
    assert {p["id"]: p for p in svar_2025["result"]["poster"]}["godtgoerelse"]["vaerdi"] == 50
