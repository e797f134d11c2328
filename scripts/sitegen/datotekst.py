"""Dates as a Danish reader reads them, and the validity line of a page."""
from __future__ import annotations

from datetime import date
from typing import Iterable

MAANEDER = ("januar", "februar", "marts", "april", "maj", "juni", "juli", "august",
            "september", "oktober", "november", "december")


def dansk_dato(iso: str) -> str:
    d = date.fromisoformat(iso)
    return f"{d.day}. {MAANEDER[d.month - 1]} {d.year}"


def gyldighed(gyldig_fra: str, gyldig_til: str | None, senest_aendret: date | None) -> str:
    """'Gældende fra 1. januar 2025 · Senest ændret 3. marts 2025' (and when it ended, if it has)."""
    dele = [f"Gældende fra {dansk_dato(gyldig_fra)}"]
    if gyldig_til:
        dele.append(f"Gældende til {dansk_dato(gyldig_til)}")
    if senest_aendret:
        dele.append(f"Senest ændret {dansk_dato(senest_aendret.isoformat())}")
    return " · ".join(dele)


def samlet_gyldighed(standarder: Iterable) -> str:
    """The meta line of a page that lists standards: its content is in force from the
    newest `gyldig_fra` among them and was last changed when the newest of them was."""
    standarder = list(standarder)
    fra = max(s["gyldig_fra"] for s in standarder)
    aendret = [s.senest_aendret for s in standarder if s.senest_aendret]
    return gyldighed(fra, None, max(aendret) if aendret else None)
