"""Calendar arithmetic shared by the calculators: whole months, with the month's last day
standing in for a day the month does not have (31 January + 1 month = 28/29 February,
29 February + 12 months = 28 February)."""
from __future__ import annotations

import calendar
from datetime import date


def laeg_maaneder_til(d: date, antal: int) -> date:
    """The same day `antal` months later, or the month's last day if that day does not exist."""
    aar, maaned0 = divmod(d.month - 1 + antal, 12)
    aar += d.year
    return date(aar, maaned0 + 1, min(d.day, calendar.monthrange(aar, maaned0 + 1)[1]))


def hele_maaneder(fra: date, til: date) -> int:
    """Whole months from `fra` to `til` (0 if `til` is not later), by `laeg_maaneder_til`."""
    maaneder = (til.year - fra.year) * 12 + til.month - fra.month
    if maaneder > 0 and laeg_maaneder_til(fra, maaneder) > til:
        maaneder -= 1
    return max(maaneder, 0)


# The one reading of "whole months/years" every calculator that counts them shows (same id and text).
MAANEDSREGEL = "hele-maaneder"
MAANEDSREGEL_TEKST = (
    "Måneder og år tælles som hele kalendermåneder: samme dag så mange måneder senere. Findes dagen "
    "ikke i måneden, bruges månedens sidste dag, så 31. januar + 1 måned er 28. (i skudår 29.) februar, "
    "og 29. februar + 12 måneder er 28. februar året efter; den dag er et helt år gået. Reglen er den "
    "samme i alle beregnere.")


def maanedsregel(linjer: tuple[int, int]):
    """The shared interpretation, cited at the lines of the standard where the months are counted."""
    from .model import Fortolkning  # here, so that model's users need not import datoer
    return Fortolkning(MAANEDSREGEL, linjer, MAANEDSREGEL_TEKST)
