"""Svarer borgerens funktionsniveau (FSIII) til det vejledende niveau i en kvalitetsstandard?

Source: the "Vejledende funktionsniveau" sentence of each standard in 003_a9efded0fbb87759.txt
(rules R013 … R084 and ambiguity A9 in ../shared/source-notes/rules_003.md, C15). The
expression of each standard is data, not code: catalogue/funktionsniveau.yaml, exported to
data/katalog.json under data.funktionsniveau. Each expression is a list of alternatives
(any one is enough), each a list of conditions (all are needed). A condition is "the FSIII
score of a function is at least N" or another criterion from the same sentence (asked as
yes/no). A score the reader has not assessed makes the answer "kan ikke afgøres" unless the
other answers already decide it. Where the source's expression cannot be read (#9, #37) the
data has no alternatives and the calculator gives no verdict.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .felter import Ugyldig, Valg
from .katalog import indlaest
from .model import Beregner, FeltFejl, Fortolkning, Kontekst, Resultat

IKKE_VURDERET = "ikke_vurderet"

# Fælles Sprog III's scale for funktionsevnetilstande. The source does not define it (Bilag 5's
# figures are lost, lines 12636–12677); see the Fortolkning "skala".
SKALA = (
    ("0", "0 – Ingen/ubetydelige begrænsninger"),
    ("1", "1 – Lette begrænsninger"),
    ("2", "2 – Moderate begrænsninger"),
    ("3", "3 – Svære begrænsninger"),
    ("4", "4 – Totale begrænsninger"),
    (IKKE_VURDERET, "Ikke vurderet"),
)
JA_NEJ = (("ja", "Ja"), ("nej", "Nej"), (IKKE_VURDERET, "Ved ikke / ikke vurderet"))

FORTOLKNINGER = (
    Fortolkning("niveau-mindst", (850, 2978),
                "\"Vejledende funktionsniveau for ... 2\" læses som: borgerens FSIII-score for "
                "funktionen er 2 eller højere. Teksten siger ikke, om en højere score også er omfattet, "
                "men en højere score betyder større begrænsninger."),
    Fortolkning("skala", (12636, 12646),
                "Kvalitetsstandarderne forklarer ikke FSIII-skalaen 0–4 (figurerne i Bilag 5 er ikke "
                "med i teksten). Beregneren bruger Fælles Sprog III's betegnelser: 0 ingen/ubetydelige, "
                "1 lette, 2 moderate, 3 svære og 4 totale begrænsninger."),
    Fortolkning("og-foer-eller", (850, 2978),
                "Teksten sætter ikke parenteser om \"og\" og \"eller\". Beregneren læser \"og\" som "
                "stærkere end \"eller\": \"A og B eller C\" betyder \"(A og B) eller C\" (uklarhed A9)."),
    Fortolkning("komma-liste", (1126, 1127),
                "Teksten ”Vaske sig”, ”Kropspleje”, ”Af- og påklædning” 2 siger hverken \"og\" eller "
                "\"eller\". Beregneren læser det sådan, at niveau 2 gælder hver af de tre funktioner, "
                "og at det er nok, at én af dem er på mindst 2. Du kan se hver funktion for sig i "
                "resultatet."),
    Fortolkning("og-eller", (1305, 1306),
                "\"og/eller\" læses som \"eller\": det er nok, at én af funktionerne er på niveauet."),
    Fortolkning("plus", (2230, 2978),
                "\"+\" mellem funktionerne læses som \"og\": alle funktionerne skal være på niveauet."),
    Fortolkning("andre-kriterier", (2472, 2547),
                "Står der et kriterium, som ikke er en FSIII-score, i selve udtrykket (fx \"terminal "
                "status\" eller en synsnedsættelse), spørger beregneren dig om det som ja eller nej."),
    Fortolkning("uafklaret", (850, 2916),
                "Hvor udtrykket ikke kan læses entydigt (standard 9, omsorgstandpleje) eller er "
                "selvmodsigende (standard 37, handicap- og ældrebolig), giver beregneren ingen samlet "
                "vurdering, før kommunen har oplyst, hvad der menes (uklarhed A9)."),
)


def _data(katalog: Any) -> dict[str, Any]:
    data = katalog.data.get("funktionsniveau") if katalog is not None else None
    return data if isinstance(data, dict) else {}


def _betingelser(u: dict[str, Any]) -> list[dict[str, Any]]:
    """Every condition of an expression once, in the order they are written."""
    alle = [b for alt in (u.get("alternativer") or []) for b in alt] + list(u.get("betingelser") or [])
    ud: list[dict[str, Any]] = []
    for b in alle:
        if b not in ud:
            ud.append(b)
    return ud


def _felter() -> tuple[tuple[tuple[str, str], ...], tuple[Valg, ...]]:
    try:
        katalog = indlaest()
        data = _data(katalog)
    except (OSError, ValueError, KeyError):  # pragma: no cover - a broken export
        katalog, data = None, {}
    udtryk = [u for u in data.get("udtryk", []) if katalog and u["standard"] in katalog.standarder]
    muligheder = tuple(
        (u["standard"], f"{katalog.standarder[u['standard']]['nummer']}. "
                        f"{katalog.standarder[u['standard']]['titel']}") for u in udtryk)
    bruges_af: dict[str, list[str]] = {}
    for u in udtryk:
        for b in _betingelser(u):
            noegle = b.get("funktion") or b.get("kriterium")
            if u["standard"] not in bruges_af.setdefault(noegle, []):
                bruges_af[noegle].append(u["standard"])
    felter: list[Valg] = []
    for f in data.get("funktioner", []):
        if f["id"] in bruges_af:
            felter.append(Valg(
                f["id"], f"FSIII-score for \"{f['navn']}\"", muligheder=SKALA,
                vis_hvis=({"standard": tuple(bruges_af[f["id"]])},), paakraevet=False,
                startvaerdi=IKKE_VURDERET,
                hjaelp="Scoren fra din udredning (0–4). Vælg \"Ikke vurderet\", hvis du ikke kender den."))
    for k in data.get("kriterier", []):
        if k["id"] in bruges_af:
            felter.append(Valg(k["id"], k["spoergsmaal"], muligheder=JA_NEJ,
                               vis_hvis=({"standard": tuple(bruges_af[k["id"]])},), paakraevet=False,
                               startvaerdi=IKKE_VURDERET))
    return muligheder, tuple(felter)


@dataclass(frozen=True)
class _StandardValg(Valg):
    """The list of standards, which also accepts any standard id.

    The options come from data/katalog.json, which is regenerated from the catalogue; the
    catalogue check validates each page's preset with this field. Accepting any well-formed id
    here keeps a stale export from blocking its own regeneration; `beregn` answers a standard
    without a guide level with a Danish message next to this field.
    """

    def fortolk(self, raw: Any) -> str:
        if isinstance(raw, str) and (raw in dict(self.muligheder)
                                     or re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", raw)):
            return raw
        raise Ugyldig("Vælg en af mulighederne på listen.")


_STANDARDER, _SCOREFELTER = _felter()

FELTER = (
    _StandardValg("standard", "Hvilken indsats eller bolig gælder det?", muligheder=_STANDARDER,
         hjaelp="Kvalitetsstandarden, hvis vejledende funktionsniveau du vil sammenligne med."),
) + _SCOREFELTER


def _navne(data: dict[str, Any]) -> dict[str, str]:
    return {f["id"]: f["navn"] for f in data.get("funktioner", [])} | {
        k["id"]: k["tekst"] for k in data.get("kriterier", [])}


def _beskriv(b: dict[str, Any], navne: dict[str, str]) -> str:
    if "funktion" in b:
        return f"\"{navne.get(b['funktion'], b['funktion'])}\" mindst {b['niveau']}"
    return navne.get(b["kriterium"], b["kriterium"])


def _post_id(b: dict[str, Any]) -> str:
    return f"{b['funktion']}_{b['niveau']}" if "funktion" in b else b["kriterium"]


def _vurder(b: dict[str, Any], v: dict[str, Any]) -> bool | None:
    """True/False, or None when the reader has not assessed it."""
    svar = v.get(b.get("funktion") or b.get("kriterium"), IKKE_VURDERET)
    if svar == IKKE_VURDERET:
        return None
    if "funktion" in b:
        return int(svar) >= b["niveau"]
    return svar == "ja"


def _og(vaerdier: list[bool | None]) -> bool | None:
    if any(x is False for x in vaerdier):
        return False
    return True if all(x is True for x in vaerdier) else None


def _eller(vaerdier: list[bool | None]) -> bool | None:
    if any(x is True for x in vaerdier):
        return True
    return False if all(x is False for x in vaerdier) else None


def beregn(v: dict[str, Any], k: Kontekst) -> Resultat:
    data = _data(k.katalog)
    udtryk = {u["standard"]: u for u in data.get("udtryk", [])}
    u = udtryk.get(v["standard"])
    if u is None or v["standard"] not in k.katalog.standarder:
        raise FeltFejl("standard", "Kataloget har ikke et vejledende funktionsniveau for denne "
                                   "standard. Vælg en anden.")
    std, regel, linjer = u["standard"], u["regel"], tuple(u["linjer"])
    navne = _navne(data)
    titel = k.katalog.standarder[std]["titel"]
    r = Resultat(overskrift=f"Vejledende funktionsniveau: {titel}")

    r.forklar(f"Standarden siger: \"{_en_linje(u['citat'])}\"", std, linjer, regel=regel)
    r.forklar("Et niveau læses som \"mindst\": fx er niveau 2 opfyldt ved en score på 2, 3 eller 4.",
              std, linjer, regel=regel, fortolkning="niveau-mindst")
    alternativer = u.get("alternativer")
    betingelser = _betingelser(u)
    resultater = {_post_id(b): _vurder(b, v) for b in betingelser}

    if not alternativer:
        r.post("status", "Resultat", "uafklaret",
               "Ingen samlet vurdering: udtrykket i standarden kan ikke læses entydigt.")
        r.post("svarer_til", "Svarer til det vejledende niveau", None, "Ingen vurdering")
        r.forklar(u["uafklaret"], std, linjer, regel=regel, fortolkning="uafklaret")
    else:
        for f_id in u.get("fortolkninger", []):
            r.forklar(_LAESNING[f_id], std, linjer, regel=regel, fortolkning=f_id)
        r.forklar(_laesning(alternativer, navne), std, linjer, regel=regel)
        samlet = _eller([_og([resultater[_post_id(b)] for b in alt]) for alt in alternativer])
        if samlet is True:
            status, tekst = "opfyldt", "Borgerens funktionsniveau svarer til det vejledende niveau."
        elif samlet is False:
            status, tekst = "ikke_opfyldt", "Borgerens funktionsniveau svarer ikke til det vejledende niveau."
        else:
            status, tekst = ("kan_ikke_afgoeres", "Det kan ikke afgøres, før de funktioner, der står som "
                                                  "\"ikke vurderet\", er vurderet.")
        r.post("status", "Resultat", status, tekst)
        r.post("svarer_til", "Svarer til det vejledende niveau", samlet,
               {True: "Ja", False: "Nej", None: "Kan ikke afgøres endnu"}[samlet])

    for b in betingelser:
        resultat = resultater[_post_id(b)]
        label = _stort(_beskriv(b, navne))
        tekst = _betingelse_tekst(b, v, resultat)
        r.post(_post_id(b), label, resultat, _stort(tekst))
        if "kriterium" in b:
            kriterium = next(x for x in data.get("kriterier", []) if x["id"] == b["kriterium"])
            r.forklar(f"{label}: {tekst}.", std, tuple(kriterium["linjer"]), regel=regel,
                      fortolkning="andre-kriterier")
        else:
            r.forklar(f"{label}: {tekst}.", std, linjer, regel=regel)
    if alternativer:
        r.forklar(_samlet_tekst(samlet, alternativer, resultater, navne), std, linjer, regel=regel)

    for note in u.get("noter", []):
        r.forklar(_en_linje(note), std, linjer, regel=regel)
    for bem in u.get("bemaerkninger", []):
        r.forklar(f"Standarden nævner også: \"{_en_linje(bem['tekst'])}\"", std, tuple(bem["linjer"]),
                  regel=regel)
    vurdering = _en_linje(data.get("vurdering_citat", ""))
    r.post("forbehold", "Vigtigt", None,
           "Funktionsniveauet er vejledende. Kommunen afgør sagen efter en konkret og individuel vurdering.")
    r.forklar(f"Niveauet er vejledende. Standarden siger: \"{vurdering}\"", std,
              tuple(u["vurdering_linjer"]), regel=regel)
    return r


def _en_linje(tekst: str) -> str:
    return " ".join(str(tekst).split())


def _stort(tekst: str) -> str:
    return tekst[:1].upper() + tekst[1:]


def _betingelse_tekst(b: dict[str, Any], v: dict[str, Any], resultat: bool | None) -> str:
    svar = v.get(b.get("funktion") or b.get("kriterium"), IKKE_VURDERET)
    udfald = {True: "opfyldt", False: "ikke opfyldt", None: "ikke vurderet"}[resultat]
    if "funktion" in b:
        if resultat is None:
            return f"ikke vurderet (vejledende niveau {b['niveau']})"
        return f"borgerens score er {svar}, vejledende niveau er {b['niveau']} – {udfald}"
    if resultat is None:
        return "ikke vurderet"
    return f"du har svaret {'ja' if svar == 'ja' else 'nej'} – {udfald}"


def _alternativ_tekst(alt: list[dict[str, Any]], navne: dict[str, str]) -> str:
    return " og ".join(_beskriv(b, navne) for b in alt)


# One sentence per reading of the source's wording (ids as in catalogue/funktionsniveau.yaml).
_LAESNING = {
    "komma-liste": "Listen af funktioner adskilt med kommaer læses som \"eller\": det er nok, at én af "
                   "dem er på niveauet.",
    "og-eller": "\"og/eller\" læses som \"eller\".",
    "og-foer-eller": "\"og\" læses som stærkere end \"eller\": \"A og B eller C\" betyder \"(A og B) eller C\".",
    "plus": "\"+\" mellem funktionerne læses som \"og\".",
    "andre-kriterier": "Et kriterium i udtrykket, som ikke er en FSIII-score, besvares med ja eller nej.",
}


def _laesning(alternativer: list, navne: dict[str, str]) -> str:
    if len(alternativer) == 1:
        return f"Udtrykket læses sådan: {_alternativ_tekst(alternativer[0], navne)}."
    dele = [f"({_alternativ_tekst(a, navne)})" if len(a) > 1 else _alternativ_tekst(a, navne)
            for a in alternativer]
    return f"Udtrykket læses sådan: {' eller '.join(dele)}. Det er nok, at ét af dem er opfyldt."


def _samlet_tekst(samlet: bool | None, alternativer: list, resultater: dict[str, bool | None],
                  navne: dict[str, str]) -> str:
    if samlet is True:
        alt = next(a for a in alternativer if all(resultater[_post_id(b)] is True for b in a))
        return f"Opfyldt: {_alternativ_tekst(alt, navne)}. Funktionsniveauet svarer til det vejledende niveau."
    if samlet is False:
        if len(alternativer) == 1:
            return "Ikke opfyldt: mindst én af betingelserne er ikke opfyldt."
        return "Ikke opfyldt: ingen af mulighederne i udtrykket er opfyldt."
    return ("Ingen af mulighederne er opfyldt med de scorer, du har oplyst, men ikke alle er afvist, "
            "fordi nogle funktioner ikke er vurderet.")


BEREGNER = Beregner(
    id="funktionsniveau",
    titel="Vejledende funktionsniveau (FSIII)",
    beskrivelse=("Vælg indsatsen og skriv borgerens FSIII-scorer (0–4) for de funktioner, standarden "
                 "nævner. Beregneren viser, om scorerne svarer til standardens vejledende "
                 "funktionsniveau, og hvilke betingelser der er opfyldt."),
    goer_ikke=("Beregneren træffer ingen afgørelse: funktionsniveauet er vejledende, og kommunen "
               "vurderer altid konkret og individuelt. Den vurderer kun sætningen om vejledende "
               "funktionsniveau – ikke standardens øvrige kriterier for bevilling (fx netværk, "
               "boligforhold eller diagnoser). For omsorgstandpleje (standard 9) og handicap- og "
               "ældrebolig (standard 37) giver den ingen samlet vurdering, fordi udtrykket i teksten "
               "er uklart eller selvmodsigende. Hovedrengøring (standard 22) er ikke med."),
    standarder=(),
    satser=(),
    felter=FELTER,
    fortolkninger=FORTOLKNINGER,
    beregn=beregn,
)
