"""Dates as a Danish reader reads them, the validity line of a page, and sentences whose tense
turns on a date."""
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


def foer_og_efter(foer: str, efter: str, fra: str, idag: date) -> str:
    """A sentence about a change from the day `fra` (ISO), in both tenses, as inline HTML around
    Markdown text: `foer` (future) for the days before, `efter` (present) from that day on.

    The build shows the one that holds on its own date `idag` and hides the other (also from
    search). datoskift.js then lets the reader's own date decide, so a page built, or kept
    offline, before the day reads right after it without a new build; without JavaScript the
    build's choice stands.
    """
    dag = date.fromisoformat(fra)  # only a date reaches the attribute
    skjult = " hidden data-pagefind-ignore"
    foer_skjult, efter_skjult = (skjult, "") if idag >= dag else ("", skjult)
    return (f'<span data-kvh-foer="{dag.isoformat()}"{foer_skjult}>{foer}</span>'
            f'<span data-kvh-fra="{dag.isoformat()}"{efter_skjult}>{efter}</span>')
