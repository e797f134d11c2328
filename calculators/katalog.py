"""Dated rates and standard titles, exported from the catalogue.

`data/katalog.json` is written by the site build from `catalogue/satser/`
and the standards (see scripts/sitegen/export.py); it is the calculators' only
source of amounts and limits. A rate has one or more dated values; the value in
force on a date is the newest whose `gyldig_fra` is on or before it and whose
`gyldig_til`, if any, is on or after it.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import cache
from importlib import resources
from typing import Any

from .felter import formater_dato


HOVEDDOKUMENT = "003_a9efded0fbb87759.txt"


@dataclass(frozen=True)
class Kilde:
    """Where a rate's value is written: lines of a source document, in a standard or an
    appendix; or, for a value the source text does not give (or a newer one), a later
    document such as the kommune's takstblad (`titel`, `dato`, `reference`)."""

    standard: str | None
    linjer: tuple[int, int] | None
    citat: str
    bilag: int | None = None
    dokument: str = HOVEDDOKUMENT
    titel: str | None = None
    dato: str | None = None
    reference: str | None = None

    def som_data(self) -> dict[str, Any]:
        if self.titel:
            return {"titel": self.titel, "dato": self.dato, "reference": self.reference}
        return {"standard": self.standard, "bilag": self.bilag, "dokument": self.dokument,
                "linjer": list(self.linjer), "citat": self.citat}


@dataclass(frozen=True)
class SatsVaerdi:
    """One dated value of a rate. `vaerdi` is None when the source lacks the number."""

    id: str
    beskrivelse: str
    enhed: str
    vaerdi: Decimal | None
    gyldig_fra: date
    gyldig_til: date | None
    kilde: Kilde
    mangler: str | None
    # The source text's amount, when the value in force comes from a later source and differs.
    kildens_vaerdi: Decimal | None = None

    def som_data(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "beskrivelse": self.beskrivelse,
            "enhed": self.enhed,
            "vaerdi": None if self.vaerdi is None else _tal(self.vaerdi),
            "gyldig_fra": self.gyldig_fra.isoformat(),
            "gyldig_til": self.gyldig_til.isoformat() if self.gyldig_til else None,
            "kilde": self.kilde.som_data(),
            "mangler": self.mangler,
            "kildens_vaerdi": None if self.kildens_vaerdi is None else _tal(self.kildens_vaerdi),
        }


class SatsIkkeGaeldende(LookupError):
    """No value of the rate is in force on the date asked about."""

    def __init__(self, sats_id: str, dato: date | None = None):
        super().__init__(sats_id)
        self.sats_id, self.dato = sats_id, dato


# A stretch of days [fra, til]; til None = open-ended.
Periode = tuple[date, "date | None"]


@dataclass(frozen=True)
class Katalog:
    satser: dict[str, list[SatsVaerdi]]
    standarder: dict[str, dict[str, Any]]
    # Structured catalogue data the calculators read, e.g. "frister" (Bilag 4).
    data: dict[str, Any] = field(default_factory=dict)

    def sats(self, sats_id: str, dato: date) -> SatsVaerdi:
        gaeldende = [v for v in self.satser[sats_id]
                     if v.gyldig_fra <= dato and (v.gyldig_til is None or dato <= v.gyldig_til)]
        if not gaeldende:
            raise SatsIkkeGaeldende(sats_id, dato)
        return max(gaeldende, key=lambda v: v.gyldig_fra)

    def perioder(self, sats_ids) -> list[Periode]:
        """The days on which every one of these rates has a value in force, as sorted periods."""
        faelles: list[Periode] = [(date.min, None)]
        for sats_id in sats_ids:
            egne = _saml([(v.gyldig_fra, v.gyldig_til) for v in self.satser[sats_id]])
            faelles = [p for a in faelles for b in egne if (p := _faellesdel(a, b))]
        return faelles

    def ingen_sats_besked(self, sats_ids, dato: date) -> str:
        """Danish message for the reader: no rate on `dato`, and the dates the calculator can use."""
        perioder = self.perioder(sats_ids)
        start = f"Beregneren har ikke de satser, der gælder den {formater_dato(dato)}."
        if not perioder:
            return start + " Kataloget har ingen dato, hvor alle dens satser gælder."
        return start + " Vælg en dato " + " eller ".join(map(_periode_tekst, perioder)) + "."

    def standard(self, standard_id: str) -> dict[str, Any]:
        return self.standarder[standard_id]


def fra_data(data: dict[str, Any]) -> Katalog:
    satser: dict[str, list[SatsVaerdi]] = {}
    for sats_id, sats in data["satser"].items():
        satser[sats_id] = [
            SatsVaerdi(
                id=sats_id,
                beskrivelse=sats["beskrivelse"],
                enhed=sats["enhed"],
                vaerdi=None if v["vaerdi"] is None else Decimal(str(v["vaerdi"])),
                gyldig_fra=date.fromisoformat(v["gyldig_fra"]),
                gyldig_til=date.fromisoformat(v["gyldig_til"]) if v.get("gyldig_til") else None,
                kilde=_kilde(v["kilde"]),
                mangler=v.get("mangler"),
                kildens_vaerdi=_kildens_vaerdi(sats["vaerdier"], v),
            )
            for v in sats["vaerdier"]
        ]
    return Katalog(satser=satser, standarder=data["standarder"], data=data.get("data", {}))


def _kilde(k: dict[str, Any]) -> Kilde:
    if "titel" in k:
        return Kilde(None, None, "", titel=k["titel"], dato=k["dato"], reference=k["reference"])
    return Kilde(k.get("standard"), tuple(k["linjer"]), k.get("citat", ""), k.get("bilag"),
                 k.get("dokument", HOVEDDOKUMENT))


def _kildens_vaerdi(vaerdier: list[dict[str, Any]], v: dict[str, Any]) -> Decimal | None:
    """The amount the source text gives for this rate, when the value `v` in force differs
    from it (a newer takstblad, a later decision); else None. The explanation then says
    both, so a reader who compares it with the source is not confused."""
    fra_kilden = [x for x in vaerdier if "linjer" in x["kilde"] and x["vaerdi"] is not None]
    if not fra_kilden or "linjer" in v["kilde"] or v["vaerdi"] is None:
        return None
    kildens = Decimal(str(max(fra_kilden, key=lambda x: x["gyldig_fra"])["vaerdi"]))
    return None if kildens == Decimal(str(v["vaerdi"])) else kildens


@cache
def indlaest() -> Katalog:
    """The catalogue export shipped inside the package."""
    tekst = resources.files("calculators").joinpath("data/katalog.json").read_text("utf-8")
    return fra_data(json.loads(tekst))


def _saml(perioder: list[Periode]) -> list[Periode]:
    """Sorted periods with overlapping or adjoining ones joined."""
    ud: list[Periode] = []
    for fra, til in sorted(perioder, key=lambda p: p[0]):
        if ud and (ud[-1][1] is None or (fra - ud[-1][1]).days <= 1):
            forrige_til = ud[-1][1]
            ud[-1] = (ud[-1][0], None if forrige_til is None or til is None else max(forrige_til, til))
        else:
            ud.append((fra, til))
    return ud


def _faellesdel(a: Periode, b: Periode) -> Periode | None:
    fra = max(a[0], b[0])
    til = a[1] if b[1] is None else b[1] if a[1] is None else min(a[1], b[1])
    return (fra, til) if til is None or fra <= til else None


def _periode_tekst(p: Periode) -> str:
    """A period of `perioder` for rates (each value has a `gyldig_fra`, so it has a start)."""
    fra, til = p
    return f"fra {formater_dato(fra)}" + (f" til og med {formater_dato(til)}" if til else "")


def _tal(vaerdi: Decimal) -> int | float:
    return int(vaerdi) if vaerdi == vaerdi.to_integral_value() else float(vaerdi)
