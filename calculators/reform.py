"""The health reform of 2027 in the navigator: the answer that holds on the date asked about.

catalogue/reform.yaml (exported to data/katalog.json as data["reform"]) links each reform
change to the navigator categories it touches, optionally only for some answers (`svar`).
Before a change's `gyldig_fra` the navigator answers as today and says what will change;
from that day it says what has changed, and the roles (`roller`) the sources no longer
settle are shown as "uafklaret" instead of a guess. Not a calculator (no BEREGNER): a helper
the navigator (ansvar.py) calls.
"""
from __future__ import annotations

from datetime import date
from typing import Any

from .felter import formater_dato
from .model import Kontekst, Post, Resultat

SIKKERHED = {
    "fastlagt": "fastlagt i aftalen",
    "ikke_defineret": "endnu ikke nærmere defineret",
    "kl_forudsaetning": "KL's forudsætning, ikke fastlagt",
    "lovforslag": "foreslået i lovforslaget, som KL gengiver det",
    "kl_oplysning": "oplyst af KL; kilden siger ikke, hvor det er fastlagt",
}

POST = "aendring_2027"


def _passer(link: dict[str, Any], kategori: str, svar: dict[str, Any]) -> bool:
    return link["kategori"] == kategori and all(
        svar.get(felt) in vaerdier for felt, vaerdier in (link.get("svar") or {}).items())


def aendringer(k: Kontekst, kategori: str, svar: dict[str, Any]) -> list[tuple[dict, dict]]:
    """Every (change, navigator link) that touches this category with these answers."""
    data = k.katalog.data.get("reform") or {}
    return [(a, n) for a in data.get("aendringer", []) for n in a.get("navigator", [])
            if _passer(n, kategori, svar)]


def anvend(r: Resultat, k: Kontekst, kategori: str, svar: dict[str, Any]) -> None:
    """Add what the reform changes for this answer on the date k.dato, and, from the date on,
    show the roles the sources no longer settle as unsettled."""
    fundne = aendringer(k, kategori, svar)
    if not fundne:
        return
    tekster = []
    gaeldende_nogen = False
    for a, n in fundne:
        fra = date.fromisoformat(a["gyldig_fra"])
        gaeldende = k.dato >= fra
        gaeldende_nogen |= gaeldende
        udsagn = " ".join((a["efter"] if gaeldende else a["foer"]).split())
        grund = " ".join(n["grund"].split())
        # The certainty leads, as a label: the change's own words often say it too, and a
        # bracket after them read as a stray repetition.
        etiket = SIKKERHED[a["sikkerhed"]]
        tekster.append(f"{etiket[0].upper()}{etiket[1:]}: {udsagn} {grund}")
        if gaeldende:
            for rolle in n.get("roller", []):
                _uafklaret(r, rolle, f"Ikke afklaret i kilderne fra {formater_dato(fra)}. {grund}")
        for kilde in a["kilder"][:1]:
            r.forklar(f"{udsagn} Sikkerhed: {SIKKERHED[a['sikkerhed']]}.", None, tuple(kilde["linjer"]),
                      dokument=kilde["dokument"], regel="REFORM")
    dag = formater_dato(date.fromisoformat(fundne[0][0]["gyldig_fra"]))
    if gaeldende_nogen:
        r.post(POST, f"Sundhedsreformen – ændret fra {dag}", "gaeldende", " ".join(tekster))
    else:
        r.post(POST, f"Sundhedsreformen – ændres {dag}", "kommende",
               " ".join(tekster) + f" Svaret ovenfor gælder indtil da. Vælg en dato fra {dag} for at se "
                                   "svaret efter reformen.")


def _uafklaret(r: Resultat, rolle: str, tekst: str) -> None:
    for i, p in enumerate(r.poster):
        if p.id == rolle:
            r.poster[i] = Post(p.id, p.label, "uafklaret", tekst)
