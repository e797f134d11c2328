"""Calculators for Gladsaxe Kommune's quality standards.

Pure Python (standard library only): the same code runs under CPython in the
tests and on the command line, and under Pyodide in the reader's browser.

Public contract (also used by the browser worker and `python -m calculators`):

    beregn("diabetes", {"behandling": "tablet", ...})
    -> {"ok": True, "result": {...}, "forklaring": [...]}
    -> {"ok": False, "fejl": [{"felt": "...", "besked": "..."}]}
"""
from __future__ import annotations

import importlib
import json
import pkgutil
from datetime import date
from typing import Any

from .felter import Ugyldig, er_tom, formater_dato, fortolk_iso_dato, synligt, tjek_positiv
from .katalog import Katalog, SatsIkkeGaeldende, indlaest
from .model import DOKUMENTER, VEJLEDNING, Beregner, FeltFejl, Kontekst, Resultat, som_json_vaerdi



def _find_beregnere() -> dict[str, Beregner]:
    """Every module of this package that defines BEREGNER (one calculator) or
    BEREGNERE (several) contributes them; a new calculator is a new module."""
    fundne: dict[str, Beregner] = {}
    for modul_info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if modul_info.name.startswith("_"):
            continue
        modul = importlib.import_module(f"{__name__}.{modul_info.name}")
        egne = getattr(modul, "BEREGNERE", ()) or (
            (modul.BEREGNER,) if hasattr(modul, "BEREGNER") else ())
        for b in egne:
            if b.id in fundne:
                raise RuntimeError(f"calculator id '{b.id}' is defined twice")
            fundne[b.id] = b
    return fundne


BEREGNERE: dict[str, Beregner] = _find_beregnere()


def alle() -> list[dict[str, Any]]:
    """Every calculator and its inputs, as data."""
    return [b.beskriv() for b in BEREGNERE.values()]


def beregn(beregner_id: str, raw: dict[str, Any], katalog: Katalog | None = None) -> dict[str, Any]:
    beregner = BEREGNERE.get(beregner_id)
    if beregner is None:
        return _fejl("beregner", f"Der findes ingen beregner med navnet '{beregner_id}'.")
    if not isinstance(raw, dict):
        return _fejl("input", "Input skal være et JSON-objekt med felternes værdier.")
    katalog = katalog or indlaest()

    dato = date.today()
    if not er_tom(raw.get("dato")):
        try:
            dato = fortolk_iso_dato(raw["dato"])
        except Ugyldig as e:
            return _fejl("dato", e.besked)
    kontekst = Kontekst(katalog, dato)
    # Every rate the calculator reads must have a value on the date, or nothing is computed.
    if not _i_periode(dato, katalog.perioder(beregner.satser)):
        return _fejl("dato", katalog.ingen_sats_besked(beregner.satser, dato))
    try:
        vaerdier, fejl = _fortolk_felter(beregner, raw, kontekst)
        if fejl:
            return {"ok": False, "fejl": fejl}
        resultat = beregner.beregn(vaerdier, kontekst)
        resultat.svar_foerst(beregner.hovedsvar)
    except FeltFejl as e:
        return _fejl(e.felt, e.besked)
    except SatsIkkeGaeldende as e:  # a rate not declared in `satser` (a calculator's mistake)
        return _fejl("dato", katalog.ingen_sats_besked([e.sats_id], dato))
    return _svar(beregner, resultat, kontekst)


def _i_periode(dato: date, perioder) -> bool:
    return any(fra <= dato and (til is None or dato <= til) for fra, til in perioder)


def _fortolk_felter(beregner: Beregner, raw: dict[str, Any], kontekst: Kontekst):
    kendte = {f.id for f in beregner.felter} | {"dato"}
    fejl = [{"felt": k, "besked": "Ukendt felt."} for k in raw if k not in kendte]
    vaerdier: dict[str, Any] = {}
    for felt in beregner.felter:
        if not synligt(felt, vaerdier):
            continue
        if felt.erstatter_sats and kontekst.sats(felt.erstatter_sats).vaerdi is not None:
            continue
        vaerdi = raw.get(felt.id)
        if felt.id not in raw and felt.startvaerdi is not None:
            vaerdi = felt.startvaerdi  # left out: the value the form starts with
        if er_tom(vaerdi):
            if felt.paakraevet:
                fejl.append({"felt": felt.id, "besked": _mangler_besked(felt, kontekst)})
            continue
        try:
            vaerdier[felt.id] = felt.fortolk(vaerdi)
            tjek_positiv(felt, vaerdier[felt.id])
        except Ugyldig as e:
            vaerdier.pop(felt.id, None)
            fejl.append({"felt": felt.id, "besked": e.besked})
    return vaerdier, fejl


def _mangler_besked(felt, kontekst: Kontekst) -> str:
    """Why an empty required field is needed: for a rate the catalogue lacks, say so and where
    the number comes from (the rate's `mangler` and the standard's lines)."""
    if not felt.erstatter_sats:
        return "Udfyld feltet."
    try:
        sats = kontekst.sats(felt.erstatter_sats)
    except SatsIkkeGaeldende:
        return "Udfyld feltet. Håndbogen har intet beløb for den dato, så beregneren skal bruge dit tal."
    k = sats.kilde
    std = kontekst.katalog.standarder.get(k.standard) if k.standard else None
    sted = f"standarden \"{std['titel']}\"" if std else (f"Bilag {k.bilag}" if k.bilag else "kildeteksten")
    kilde = f" (se {sted}, linje {k.linjer[0]}–{k.linjer[1]})"
    grund = f": {sats.mangler.rstrip('.')}" if sats.mangler else ""
    return (f"Udfyld feltet. Beregneren skal bruge dette tal, og håndbogen har det ikke for "
            f"{formater_dato(kontekst.dato)}{grund}{kilde}. Skriv det tal, der gælder nu.")


def _svar(beregner: Beregner, resultat: Resultat, kontekst: Kontekst) -> dict[str, Any]:
    standarder = kontekst.katalog.standarder
    brugte_satser = {t.sats.id: t.sats for t in resultat.trin if t.sats is not None}
    fortolkninger = {f.id: f for f in beregner.fortolkninger}
    forklaring = []
    for t in resultat.trin:
        std = standarder[t.standard] if t.standard else None
        forklaring.append({
            "tekst": t.tekst,
            "regel": t.regel,
            "standard": {"id": t.standard, "nummer": std["nummer"], "titel": std["titel"]} if std else None,
            "bilag": t.bilag,
            "dokument": t.dokument,
            "dokument_navn": DOKUMENTER[t.dokument],
            "linjer": list(t.linjer),
            "sats": t.sats.som_data() if t.sats else None,
            "fortolkning": fortolkninger[t.fortolkning].som_data() if t.fortolkning else None,
        })
    return {
        "ok": True,
        "result": {
            "beregner": beregner.id,
            "titel": beregner.titel,
            "dato": kontekst.dato.isoformat(),
            "overskrift": resultat.overskrift,
            "poster": [{"id": p.id, "label": p.label, "vaerdi": som_json_vaerdi(p.vaerdi),
                        "tekst": p.tekst} for p in resultat.poster],
            "satser": [s.som_data() for s in brugte_satser.values()],
            "vejledning": VEJLEDNING,
        },
        "forklaring": forklaring,
    }


def _fejl(felt: str, besked: str) -> dict[str, Any]:
    return {"ok": False, "fejl": [{"felt": felt, "besked": besked}]}


def beregn_json(beregner_id: str, input_json: str) -> str:
    """JSON in, JSON out: the browser worker's entry point."""
    raw, fejl = laes_json(input_json)
    return json.dumps(fejl or beregn(beregner_id, raw), ensure_ascii=False)


def laes_json(input_json: str) -> tuple[Any, dict[str, Any] | None]:
    """The input JSON as data, or an error answer. Never raises: JSON nested thousands
    deep (RecursionError) and whole numbers of thousands of digits (ValueError) are
    input errors like any other."""
    try:
        return json.loads(input_json), None
    except json.JSONDecodeError as e:
        return None, _fejl("input", f"Input er ikke gyldig JSON (fejl ved tegn {e.pos + 1}).")
    except RecursionError:
        return None, _fejl("input", "Input er indlejret for dybt; felternes værdier skal stå i ét JSON-objekt.")
    except ValueError:
        return None, _fejl("input", "Input indeholder et tal med for mange cifre.")
