"""Danish public holidays and working days, for counting deadlines in "arbejdsdage".

Bilag 4 (Tidsfrister) counts most deadlines in working days but defines neither the
word nor a holiday calendar (source notes M40, A24). This module decides:

- Public holidays (helligdage) are those of the Danish church calendar: nytårsdag,
  skærtorsdag, langfredag, påskedag, 2. påskedag, store bededag (only until 2023; it was
  abolished from 2024), Kristi himmelfartsdag, pinsedag, 2. pinsedag, juledag and
  2. juledag. Easter is found with the Gregorian computus.
- A working day is Monday–Friday and not a public holiday. Grundlovsdag (5 June),
  juleaftensdag (24 December) and nytårsaftensdag (31 December) are not public holidays
  by law, so they count as working days (see FORTOLKNING_ARBEJDSDAGE).

The module defines no calculator (no BEREGNER); it is a helper for calculators/frister.py.
"""
from __future__ import annotations

from datetime import date, timedelta
from functools import cache

# The year store bededag was last a public holiday (abolished from 2024).
SIDSTE_AAR_MED_STORE_BEDEDAG = 2023

FORTOLKNING_ARBEJDSDAGE = (
    "Bilag 4 siger ikke, hvad en arbejdsdag er. Beregneren regner mandag til fredag som "
    "arbejdsdage, undtagen helligdage (nytårsdag, skærtorsdag, langfredag, påskedag, "
    "2. påskedag, Kristi himmelfartsdag, pinsedag, 2. pinsedag, juledag og 2. juledag – og "
    "store bededag til og med 2023). Grundlovsdag, juleaftensdag og nytårsaftensdag er ikke "
    "helligdage efter loven og tæller derfor som arbejdsdage, selv om mange har fri. "
    "Dagen, ansøgningen er modtaget, er dag 0; første arbejdsdag efter den er dag 1."
)


def paaskedag(aar: int) -> date:
    """Easter Sunday by the Gregorian computus (anonymous Gregorian algorithm)."""
    a = aar % 19
    b, c = divmod(aar, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l) // 451
    maaned, dag = divmod(h + l - 7 * m + 114, 31)
    return date(aar, maaned, dag + 1)


@cache
def helligdage(aar: int) -> dict[date, str]:
    """The public holidays of `aar`, date -> Danish name."""
    paaske = paaskedag(aar)
    dage = {
        date(aar, 1, 1): "nytårsdag",
        paaske - timedelta(days=3): "skærtorsdag",
        paaske - timedelta(days=2): "langfredag",
        paaske: "påskedag",
        paaske + timedelta(days=1): "2. påskedag",
        paaske + timedelta(days=39): "Kristi himmelfartsdag",
        paaske + timedelta(days=49): "pinsedag",
        paaske + timedelta(days=50): "2. pinsedag",
        date(aar, 12, 25): "juledag",
        date(aar, 12, 26): "2. juledag",
    }
    if aar <= SIDSTE_AAR_MED_STORE_BEDEDAG:
        dage[paaske + timedelta(days=26)] = "store bededag"
    return dict(sorted(dage.items()))


def er_helligdag(d: date) -> bool:
    return d in helligdage(d.year)


def er_arbejdsdag(d: date) -> bool:
    """Monday–Friday and not a public holiday."""
    return d.weekday() < 5 and not er_helligdag(d)


def laeg_arbejdsdage_til(d: date, antal: int) -> date:
    """The date `antal` working days after `d` (d itself is day 0, whatever day it is).

    With antal == 0 the answer is `d` itself. Negative `antal` counts backwards
    (e.g. "10 arbejdsdage før behov").
    """
    skridt = 1 if antal >= 0 else -1
    tilbage = abs(antal)
    while tilbage:
        d += timedelta(days=skridt)
        if er_arbejdsdag(d):
            tilbage -= 1
    return d


def arbejdsdage_mellem(fra: date, til: date) -> int:
    """Working days after `fra` up to and including `til` (0 if til <= fra)."""
    n, d = 0, fra
    while d < til:
        d += timedelta(days=1)
        if er_arbejdsdag(d):
            n += 1
    return n
