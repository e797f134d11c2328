"""Test helpers for breaking a private copy of the catalogue and reading its errors."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sitegen.catalogue import KatalogFejl, indlaes_katalog

ROOT = Path(__file__).resolve().parents[1]


# A later source for the pensioner's limit in the transport rates (48 kr. in the 2025 text): a
# hypothetical 2026 takstblad raising it to 52 kr., appended to the rate's list of periods.
NY_SATS_2026 = """      - gyldig_fra: 2026-01-01
        vaerdi: 52
        kilde:
          titel: Gladsaxe Kommunes takstblad 2026
          dato: 2025-12-10
          reference: Byrådets beslutning 10. december 2025, punkt 7
"""


def kopi_af_kataloget(mappe: Path) -> Path:
    """A private copy of the real catalogue in `mappe`, to break."""
    kopi = mappe / "catalogue"
    shutil.copytree(ROOT / "catalogue", kopi)
    return kopi


def katalog_fejl(rod: Path) -> list[str]:
    """The catalogue under `rod` must fail to load; its errors as file:line: message."""
    with pytest.raises(KatalogFejl) as e:
        indlaes_katalog(rod)
    return [str(f) for f in e.value.fejl]


def erstat(fil: Path, gammel: str, ny: str) -> int:
    """Replace the first `gammel` in a file with `ny`; return the 1-based line where it was."""
    tekst = fil.read_text(encoding="utf-8")
    assert gammel in tekst
    linje = tekst[: tekst.index(gammel)].count("\n") + 1
    fil.write_text(tekst.replace(gammel, ny, 1), encoding="utf-8")
    return linje
