"""Declarative input fields and the parsing of what a reader typed.

A calculator describes its inputs as a tuple of fields. The same description
renders the form on the page (labels, units, help text) and validates the input
here, so the browser and the tests never disagree about what is allowed.
Every message is Danish and says what to do, next to the field it concerns.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any


class Ugyldig(Exception):
    """Raised by a field when the typed value cannot be used."""

    def __init__(self, besked: str):
        super().__init__(besked)
        self.besked = besked


@dataclass(frozen=True)
class Felt:
    id: str
    label: str
    hjaelp: str = ""
    # Show (and read) the field only when, for at least one of these alternatives,
    # every named field above it is shown and has one of the listed values, e.g.
    # ({"behandling": ("tablet",)},). Yes/no answers are "ja"/"nej". Hidden
    # fields are not read, not validated and not passed to the calculation.
    vis_hvis: tuple[dict[str, tuple[str, ...]], ...] = ()
    # The field is asked only while this rate is missing from the catalogue.
    erstatter_sats: str | None = None
    paakraevet: bool = True
    # Value the form starts with (as the reader would type it), if any. The command line
    # and `beregn` use it too when the field is left out, so both start from the same value.
    startvaerdi: str | None = None
    # The amount or number must be more than 0 (a price, a standard price, a yearly maximum):
    # 0 is rejected by the shared validation (`tjek_positiv`), not by each calculator.
    positiv: bool = False

    type = "tekst"

    def beskrivelse(self) -> dict[str, Any]:
        d: dict[str, Any] = {"id": self.id, "type": self.type, "label": self.label,
                             "hjaelp": self.hjaelp, "paakraevet": self.paakraevet}
        if self.vis_hvis:
            d["vis_hvis"] = [{k: list(v) for k, v in alt.items()} for alt in self.vis_hvis]
        if self.erstatter_sats:
            d["erstatter_sats"] = self.erstatter_sats
        if self.startvaerdi is not None:
            d["startvaerdi"] = self.startvaerdi
        if self.positiv:
            d["positiv"] = True
        return d

    def fortolk(self, raw: Any) -> Any:  # pragma: no cover - overridden
        raise NotImplementedError


@dataclass(frozen=True)
class Heltal(Felt):
    enhed: str = ""
    min: int = 0
    max: int = 1_000_000
    type = "heltal"

    def beskrivelse(self) -> dict[str, Any]:
        return super().beskrivelse() | {"enhed": self.enhed, "min": self.min, "max": self.max}

    def fortolk(self, raw: Any) -> int:
        if isinstance(raw, bool):
            raise Ugyldig("Skriv et helt tal, fx 25.")
        if isinstance(raw, int):
            tal = raw
        elif isinstance(raw, float) and raw.is_integer():
            tal = int(raw)
        elif isinstance(raw, str):
            tekst = raw.strip().replace(" ", "")
            if re.fullmatch(r"-?[0-9]{1,3}(\.[0-9]{3})+", tekst):
                tekst = tekst.replace(".", "")
            if not re.fullmatch(r"-?[0-9]+", tekst):
                raise Ugyldig("Skriv et helt tal uden decimaler, fx 25.")
            # int() refuses strings of thousands of digits (leading zeros count too).
            cifre = tekst.lstrip("-").lstrip("0") or "0"
            tal = 10 ** MAKS_CIFRE if len(cifre) > MAKS_CIFRE else int(cifre)
            tal = -tal if tekst.startswith("-") else tal
        else:
            raise Ugyldig("Skriv et helt tal uden decimaler, fx 25.")
        if tal < self.min:
            if self.min == 0:
                raise Ugyldig("Antallet kan ikke være negativt.")
            raise Ugyldig(f"Tallet skal være mindst {formater_tal(self.min)}.")
        if tal > self.max:
            raise Ugyldig(f"Tallet må højst være {formater_tal(self.max)}.")
        return tal


@dataclass(frozen=True)
class Beloeb(Felt):
    max: int = 10_000_000
    type = "beloeb"

    def beskrivelse(self) -> dict[str, Any]:
        return super().beskrivelse() | {"enhed": "kr.", "min": 0, "max": self.max}

    def fortolk(self, raw: Any) -> Decimal:
        if isinstance(raw, bool):
            raise Ugyldig("Skriv et beløb i kroner, fx 1.250,50.")
        if isinstance(raw, (int, float)):
            beloeb = _som_decimal(raw)
        elif isinstance(raw, str):
            beloeb = fortolk_beloeb(raw)
        else:
            raise Ugyldig("Skriv et beløb i kroner, fx 1.250,50.")
        if not beloeb.is_finite():
            raise Ugyldig("Skriv et beløb i kroner, fx 1.250,50.")
        if beloeb < 0:
            raise Ugyldig("Beløbet kan ikke være negativt.")
        beloeb = abs(beloeb)  # "-0" is 0 kr., not -0,00 kr.
        if beloeb > self.max:
            raise Ugyldig(f"Beløbet må højst være {formater_kr(Decimal(self.max))}")  # ends in "kr."
        if beloeb != beloeb.quantize(Decimal("0.01")):
            raise Ugyldig("Beløbet kan højst have to decimaler (øre).")
        return beloeb


# Longer whole numbers are far beyond any field's maximum (Python's int() refuses
# strings of more than 4,300 digits, so they are never converted).
MAKS_CIFRE = 30


def _som_decimal(tal: int | float) -> Decimal:
    """A JSON number as a Decimal (an int of any size, a float as written: 0.1 -> 0.1)."""
    return Decimal(tal) if isinstance(tal, int) else Decimal(str(tal))


def fortolk_beloeb(raw: str) -> Decimal:
    """Read an amount as a Danish reader writes it: 1.250,50 or 1250,5 or 1250."""
    tekst = raw.strip().lower().replace(" ", "").replace("\u00a0", "")
    tekst = re.sub(r"(kr\.?|dkk)$", "", tekst)
    if "," in tekst:
        if not re.fullmatch(r"-?[0-9]{1,3}(\.[0-9]{3})*,[0-9]{1,2}|-?[0-9]+,[0-9]{1,2}", tekst):
            raise Ugyldig("Skriv et beløb i kroner, fx 1.250,50.")
        tekst = tekst.replace(".", "").replace(",", ".")
    elif re.fullmatch(r"-?[0-9]{1,3}(\.[0-9]{3})+", tekst):
        tekst = tekst.replace(".", "")
    elif not re.fullmatch(r"-?[0-9]+(\.[0-9]{1,2})?", tekst):
        raise Ugyldig("Skriv et beløb i kroner, fx 1.250,50.")
    return Decimal(tekst)  # each branch above leaves digits with at most one "." (never InvalidOperation)


@dataclass(frozen=True)
class Decimaltal(Felt):
    """A number that may have decimals, e.g. kilometres or years: 12,5."""

    enhed: str = ""
    min: Decimal = Decimal(0)
    max: Decimal = Decimal(1_000_000)
    decimaler: int = 2
    type = "decimaltal"

    def beskrivelse(self) -> dict[str, Any]:
        return super().beskrivelse() | {"enhed": self.enhed, "min": float(self.min),
                                        "max": float(self.max)}

    def fortolk(self, raw: Any) -> Decimal:
        eksempel = "Skriv et tal, fx 12,5."
        if isinstance(raw, bool):
            raise Ugyldig(eksempel)
        if isinstance(raw, (int, float)):
            tal = _som_decimal(raw)
        elif isinstance(raw, str):
            tekst = raw.strip().replace(" ", "").replace("\u00a0", "")
            if re.fullmatch(r"-?[0-9]{1,3}(\.[0-9]{3})+(,[0-9]+)?", tekst):
                tekst = tekst.replace(".", "")
            tekst = tekst.replace(",", ".")
            if not re.fullmatch(r"-?[0-9]+(\.[0-9]+)?", tekst):
                raise Ugyldig(eksempel)
            tal = Decimal(tekst)
        else:
            raise Ugyldig(eksempel)
        if not tal.is_finite():
            raise Ugyldig(eksempel)
        if tal == 0:
            tal = abs(tal)  # "-0" is 0
        if tal < self.min:
            if self.min == 0:
                raise Ugyldig("Tallet kan ikke være negativt.")
            raise Ugyldig(f"Tallet skal være mindst {formater_decimal(self.min)}.")
        if tal > self.max:
            raise Ugyldig(f"Tallet må højst være {formater_decimal(self.max)}.")
        if tal != tal.quantize(Decimal(1).scaleb(-self.decimaler)):
            raise Ugyldig("Skriv tallet med højst én decimal." if self.decimaler == 1
                          else f"Skriv tallet med højst {self.decimaler} decimaler.")
        return tal


@dataclass(frozen=True)
class Dato(Felt):
    """A date. The browser's date field sends 2025-03-01; a reader may also type 1.3.2025."""

    min_aar: int = 1900
    max_aar: int = 2100
    type = "dato"

    def beskrivelse(self) -> dict[str, Any]:
        return super().beskrivelse() | {"min": f"{self.min_aar}-01-01", "max": f"{self.max_aar}-12-31"}

    def fortolk(self, raw: Any) -> date:
        if isinstance(raw, date):
            d = raw
        elif isinstance(raw, str):
            d = fortolk_dato(raw)
        else:
            raise Ugyldig("Skriv datoen som dag.måned.år, fx 1.3.2025.")
        if not self.min_aar <= d.year <= self.max_aar:
            raise Ugyldig(f"Datoen skal ligge mellem år {self.min_aar} og {self.max_aar}.")
        return d


def fortolk_dato(raw: str) -> date:
    """'2025-03-01', '1.3.2025', '01-03-2025' or '1/3 2025' -> date(2025, 3, 1)."""
    tekst = raw.strip()
    try:
        if m := re.fullmatch(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})", tekst):
            return date(int(m[1]), int(m[2]), int(m[3]))
        if m := re.fullmatch(r"([0-9]{1,2})[.\-/]([0-9]{1,2})[.\-/ ] *([0-9]{4})", tekst):
            return date(int(m[3]), int(m[2]), int(m[1]))
    except ValueError:
        raise Ugyldig(FINDES_IKKE) from None
    raise Ugyldig("Skriv datoen som dag.måned.år, fx 1.3.2025.")


FINDES_IKKE = "Datoen findes ikke i kalenderen. Tjek dag og måned."


def fortolk_iso_dato(raw: Any, min_aar: int = 1900, max_aar: int = 2100) -> date:
    """The date a calculation is made for: strictly ÅÅÅÅ-MM-DD, as the browser's date field sends it.

    `date.fromisoformat` would also take week dates (2025-W10-6) and 20250301; a reader
    who typed those meant something we cannot be sure of.
    """
    m = re.fullmatch(r"([0-9]{4})-([0-9]{2})-([0-9]{2})", raw.strip()) if isinstance(raw, str) else None
    if m is None:
        raise Ugyldig("Skriv datoen som ÅÅÅÅ-MM-DD, fx 2025-03-01.")
    try:
        d = date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        raise Ugyldig(FINDES_IKKE) from None
    if not min_aar <= d.year <= max_aar:
        raise Ugyldig(f"Datoen skal ligge mellem år {min_aar} og {max_aar}.")
    return d


@dataclass(frozen=True)
class Valg(Felt):
    # (value, label) pairs, in the order shown.
    muligheder: tuple[tuple[str, str], ...] = ()
    type = "valg"

    def beskrivelse(self) -> dict[str, Any]:
        return super().beskrivelse() | {
            "muligheder": [{"vaerdi": v, "label": t} for v, t in self.muligheder]}

    def fortolk(self, raw: Any) -> str:
        if isinstance(raw, str) and raw in dict(self.muligheder):
            return raw
        raise Ugyldig("Vælg en af mulighederne på listen.")


@dataclass(frozen=True)
class JaNej(Felt):
    type = "janej"

    def fortolk(self, raw: Any) -> bool:
        if isinstance(raw, bool):
            return raw
        if isinstance(raw, str) and raw.strip().lower() in ("ja", "nej"):
            return raw.strip().lower() == "ja"
        raise Ugyldig("Svar ja eller nej.")


def tjek_positiv(felt: Felt, vaerdi: Any) -> None:
    """A field marked `positiv` must be more than 0; raises Ugyldig with a Danish message."""
    if felt.positiv and not isinstance(vaerdi, bool) and isinstance(vaerdi, (int, Decimal)) and vaerdi <= 0:
        if isinstance(felt, Beloeb):
            raise Ugyldig("Beløbet skal være større end 0 kr. Skriv den pris eller det beløb, der gælder.")
        raise Ugyldig("Tallet skal være større end 0.")


def synligt(felt: Felt, vaerdier: dict[str, Any]) -> bool:
    """Is `felt` asked, given the values read so far from the fields above it?"""
    if not felt.vis_hvis:
        return True
    return any(all(_som_svar(vaerdier.get(k)) in tilladte for k, tilladte in alt.items())
               for alt in felt.vis_hvis)


def _som_svar(vaerdi: Any) -> Any:
    if isinstance(vaerdi, bool):
        return "ja" if vaerdi else "nej"
    return vaerdi


def er_tom(raw: Any) -> bool:
    return raw is None or (isinstance(raw, str) and raw.strip() == "")


def formater_tal(tal: int | Decimal) -> str:
    """12345 -> '12.345' (Danish thousands separator)."""
    return f"{int(tal):,}".replace(",", ".")


def formater_antal(antal: int, ental: str, flertal: str) -> str:
    """A count with its noun in the right number: (1, 'tur', 'ture') -> '1 tur'; 2 -> '2 ture'."""
    return f"{formater_tal(antal)} {ental if antal == 1 else flertal}"


def formater_decimal(tal: Decimal) -> str:
    """Decimal('12.5') -> '12,5'; Decimal('1000') -> '1.000'."""
    tal = Decimal(tal).normalize()
    heltal, _, decimaler = f"{tal:f}".partition(".")
    return formater_tal(int(heltal)) + (f",{decimaler}" if decimaler else "")


def formater_dato(d: date) -> str:
    """date(2025, 3, 1) -> '1. marts 2025'."""
    return f"{d.day}. {MAANEDER[d.month - 1]} {d.year}"


MAANEDER = ("januar", "februar", "marts", "april", "maj", "juni", "juli", "august",
            "september", "oktober", "november", "december")


def afrund_oere(beloeb: Decimal) -> Decimal:
    """An amount rounded to whole øre, half up (as money is paid)."""
    return beloeb.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def formater_procent(vaerdi: Decimal) -> str:
    """A percentage the Danish way: 50 %, 12,5 %."""
    return f"{vaerdi.normalize():f}".replace(".", ",") + " %"


def formater_kr(beloeb: Decimal) -> str:
    """Decimal('1250.5') -> '1.250,50 kr.'"""
    kroner = beloeb.quantize(Decimal("0.01"))
    heltal, _, oere = f"{kroner:.2f}".partition(".")
    return f"{formater_tal(int(heltal))},{oere} kr."
