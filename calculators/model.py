"""What a calculator is, and the shape of what it answers.

A calculator is a function from validated inputs to a `Resultat`, plus a
declarative description of its inputs. Every step of the explanation names the
standard, the source lines and, where one was used, the dated rate behind it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any, Callable

from .felter import Felt
from .katalog import HOVEDDOKUMENT, Katalog, SatsVaerdi, _tal

# The source documents a step may cite (../shared/seeds/), by file name.
DOKUMENTER = {
    HOVEDDOKUMENT: "Kvalitetsstandarder 2025 – Sundhed og Rehabilitering (Gladsaxe Kommune)",
    "000_b7034effe3a86ee6.txt": "Politisk aftale om kompressionsprodukter",
    "001_12cf25b66c9038a7.txt": "Fortolkning af afgrænsningscirkulæret om behandlingsredskaber og hjælpemidler",
    "002_b0559527e517640d.txt": "Samarbejdsaftale om behandlingsredskaber og hjælpemidler (Region Nordjylland)",
    "004_04cd5857750c0903.txt": "KL: høringssvar og mødepapirer om sundhedsreformen",
}

VEJLEDNING = ("Beregningen er vejledende og er ikke en afgørelse. Kommunen træffer altid "
              "afgørelse efter en konkret og individuel vurdering.")


class FeltFejl(Exception):
    """Raised by a calculation when a combination of answers is impossible; shown next to `felt`."""

    def __init__(self, felt: str, besked: str):
        super().__init__(besked)
        self.felt, self.besked = felt, besked


@dataclass(frozen=True)
class Fortolkning:
    """A decision the calculator makes where the source text is ambiguous."""

    id: str
    linjer: tuple[int, int]
    tekst: str
    dokument: str = HOVEDDOKUMENT

    def som_data(self) -> dict[str, Any]:
        return {"id": self.id, "linjer": list(self.linjer), "tekst": self.tekst,
                "dokument": self.dokument, "dokument_navn": DOKUMENTER[self.dokument]}


@dataclass(frozen=True)
class Trin:
    """One step of the explanation: the rule applied and where the source says it.

    `standard` is the quality standard the lines belong to; it is None when the
    lines are in an appendix (`bilag`) or in another source document (`dokument`).
    """
    tekst: str
    standard: str | None
    linjer: tuple[int, int]
    regel: str | None = None
    sats: SatsVaerdi | None = None
    fortolkning: str | None = None
    bilag: int | None = None
    dokument: str = HOVEDDOKUMENT


@dataclass(frozen=True)
class Post:
    id: str
    label: str
    vaerdi: int | Decimal | bool | date | str | None
    tekst: str


@dataclass
class Resultat:
    overskrift: str
    poster: list[Post] = field(default_factory=list)
    trin: list[Trin] = field(default_factory=list)

    def post(self, id: str, label: str, vaerdi: Any, tekst: str) -> None:
        self.poster.append(Post(id, label, vaerdi, tekst))

    def svar_foerst(self, ids: tuple[str, ...]) -> None:
        """Move the first of the rows `ids` that this result has to the front: the page shows the
        first row as the answer, in one line, and the rest below it."""
        for id in ids:
            for i, p in enumerate(self.poster):
                if p.id == id:
                    self.poster.insert(0, self.poster.pop(i))
                    return

    def forklar(self, tekst: str, standard: str | None, linjer: tuple[int, int], *,
                regel: str | None = None, sats: SatsVaerdi | None = None,
                fortolkning: str | None = None, bilag: int | None = None,
                dokument: str = HOVEDDOKUMENT) -> None:
        if standard is None and bilag is None and dokument == HOVEDDOKUMENT:
            raise ValueError("a step must cite a standard, an appendix or another document")
        self.trin.append(Trin(tekst, standard, linjer, regel, sats, fortolkning, bilag, dokument))


@dataclass(frozen=True)
class Beregner:
    id: str
    titel: str
    beskrivelse: str
    # What the calculator does not do (GOV.UK: say what it doesn't do).
    goer_ikke: str
    standarder: tuple[str, ...]
    # Ids of the dated rates (catalogue/satser/) the calculator reads.
    satser: tuple[str, ...]
    felter: tuple[Felt, ...]
    fortolkninger: tuple[Fortolkning, ...]
    beregn: Callable[[dict[str, Any], "Kontekst"], Resultat]
    # The form's date field ("dato": the day the answer is for; empty = today), if the
    # calculator words it differently from the default.
    dato_label: str = ""
    dato_hjaelp: str = ""
    # The rows that answer the reader's question, best first: the first one a result has is
    # shown first, as the answer (GOV.UK: the answer, then how it was worked out). Rows that
    # lead up to it (an age, a price the kommune covers) follow. Empty: the rows' own order.
    hovedsvar: tuple[str, ...] = ()

    def beskriv(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "titel": self.titel,
            "beskrivelse": self.beskrivelse,
            "goer_ikke": self.goer_ikke,
            "standarder": list(self.standarder),
            "satser": list(self.satser),
            "felter": [f.beskrivelse() for f in self.felter],
            "fortolkninger": [f.som_data() for f in self.fortolkninger],
        } | ({"dato_felt": {"label": self.dato_label, "hjaelp": self.dato_hjaelp}}
             if self.dato_label or self.dato_hjaelp else {})


@dataclass(frozen=True)
class Kontekst:
    """What a calculation may look up besides its inputs: the catalogue and the date."""

    katalog: Katalog
    dato: date

    def sats(self, sats_id: str) -> SatsVaerdi:
        return self.katalog.sats(sats_id, self.dato)


def som_json_vaerdi(vaerdi: Any) -> Any:
    if isinstance(vaerdi, date):
        return vaerdi.isoformat()
    if isinstance(vaerdi, Decimal):
        return _tal(vaerdi.quantize(Decimal("0.01")))
    return vaerdi
