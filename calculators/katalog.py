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


HOVEDDOKUMENT = "003_a9efded0fbb87759.txt"


@dataclass(frozen=True)
class Kilde:
    """Where a rate's value is written: lines of a source document, in a standard or an appendix."""

    standard: str | None
    linjer: tuple[int, int]
    citat: str
    bilag: int | None = None
    dokument: str = HOVEDDOKUMENT

    def som_data(self) -> dict[str, Any]:
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
        }


class SatsIkkeGaeldende(LookupError):
    """No value of the rate is in force on the date asked about."""


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
            raise SatsIkkeGaeldende(sats_id)
        return max(gaeldende, key=lambda v: v.gyldig_fra)

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
                kilde=Kilde(v["kilde"].get("standard"), tuple(v["kilde"]["linjer"]),
                            v["kilde"].get("citat", ""), v["kilde"].get("bilag"),
                            v["kilde"].get("dokument", HOVEDDOKUMENT)),
                mangler=v.get("mangler"),
            )
            for v in sats["vaerdier"]
        ]
    return Katalog(satser=satser, standarder=data["standarder"], data=data.get("data", {}))


@cache
def indlaest() -> Katalog:
    """The catalogue export shipped inside the package."""
    tekst = resources.files("calculators").joinpath("data/katalog.json").read_text("utf-8")
    return fra_data(json.loads(tekst))


def _tal(vaerdi: Decimal) -> int | float:
    return int(vaerdi) if vaerdi == vaerdi.to_integral_value() else float(vaerdi)
