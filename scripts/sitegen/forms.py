"""Render a calculator's declarative inputs as an accessible HTML form.

The form is complete HTML in the page, so it is visible and labelled before
Python has loaded; the script only wires it to the worker. Field visibility
(`vis_hvis`) is applied again in the browser as the reader answers.
"""
from __future__ import annotations

import json
from html import escape
from typing import Any

from calculators.katalog import Katalog

from .markdown import tekst


def formular(beskrivelse: dict[str, Any], forvalg: dict[str, Any], katalog: Katalog, dato) -> str:
    """The form, status line, result region and reading notes of one calculator.

    `forvalg` presets fields for this page; fields standing in for a rate are left
    out when the catalogue has that rate on `dato`.
    """
    bid = beskrivelse["id"]
    felter = [f for f in beskrivelse["felter"]
              if not (f.get("erstatter_sats") and katalog.sats(f["erstatter_sats"], dato).vaerdi is not None)]
    dele = [
        # A Markdown heading, so the calculator is in the page's table of contents; kept
        # out of search like the form (the same calculator is on many pages).
        f"## Beregner: {tekst(beskrivelse['titel'])} {{ #{bid}-titel .kvh-beregner-titel data-search-exclude }}",
        "",
        f'<section class="kvh-beregner" data-search-exclude data-beregner="{escape(bid)}" aria-labelledby="{bid}-titel">',
        f'<p>{escape(beskrivelse["beskrivelse"])} Beregningen sker i din browser; intet sendes videre.</p>',
        '<details class="kvh-goer-ikke"><summary>Hvad beregneren ikke gør</summary>'
        f'<p>{escape(beskrivelse["goer_ikke"])}</p></details>',
        '<p class="kvh-status" role="status" data-status>Beregneren indlæses, når siden er klar. '
        'Du kan udfylde felterne imens.</p>',
        '<noscript><p class="kvh-status">Beregneren kræver JavaScript. Reglerne står i teksten ovenfor.</p></noscript>',
        # Filled by beregner.js when "Beregn" finds errors: links to the fields, takes focus.
        f'<div class="kvh-fejlresume" data-fejlresume tabindex="-1" role="group" aria-labelledby="{bid}-fejlresume" '
        f'hidden><h3 id="{bid}-fejlresume">Ret disse felter</h3><ul></ul></div>',
        # Field labels and options are the form, not the handbook's text: kept out of
        # search so a page does not outrank the standard a word belongs to.
        f'<form class="kvh-form" novalidate data-form data-search-exclude aria-describedby="{bid}-titel">',
    ]
    dele += [_felt(bid, f, forvalg.get(f["id"])) for f in felter]
    dato_felt = DATO_FELT | {k: v for k, v in beskrivelse.get("dato_felt", {}).items() if v}
    dele.append(_felt(bid, dato_felt, forvalg.get("dato")))
    dele += [
        '<div class="kvh-knapper"><button type="submit" class="md-button md-button--primary">Beregn</button></div>',
        '</form>',
        # Only the one-line answer is announced; the result below it is read on demand.
        '<p class="kvh-sr" role="status" aria-atomic="true" data-annonce></p>',
        '<div class="kvh-resultat" data-resultat></div>',
        _fortolkninger(beskrivelse),
        '</section>',
    ]
    return "\n".join(dele)


# Every calculator answers by the rules in force on a date: today unless the reader picks another.
DATO_FELT = {
    "id": "dato", "type": "dato", "label": "Beregn efter reglerne gældende den", "paakraevet": False,
    "hjaelp": "Lad feltet stå tomt for at bruge reglerne, der gælder i dag. Satser ændres typisk 1. januar.",
    "min": "2000-01-01", "max": "2100-12-31",
}


def _felt(bid: str, f: dict[str, Any], forvalg: Any) -> str:
    fid = f"{bid}-{f['id']}"
    hjaelp_id, fejl_id = f"{fid}-hjaelp", f"{fid}-fejl"
    beskrevet = f"{hjaelp_id} {fejl_id}" if f.get("hjaelp") else fejl_id
    attrs = f'class="kvh-felt" data-felt="{escape(f["id"])}"'
    if f.get("vis_hvis"):
        attrs += f" data-vis-hvis='{escape(json.dumps(f['vis_hvis']), quote=True)}'"
    vaerdi = forvalg if forvalg is not None else f.get("startvaerdi", "")
    hjaelp = f'<p class="kvh-hjaelp" id="{hjaelp_id}">{escape(f["hjaelp"])}</p>' if f.get("hjaelp") else ""
    fejl = f'<p class="kvh-fejl" id="{fejl_id}" data-fejl hidden></p>'

    if f["type"] == "valg":
        valg = "".join(
            f'<option value="{escape(m["vaerdi"])}"{" selected" if m["vaerdi"] == vaerdi else ""}>'
            f'{escape(m["label"])}</option>' for m in f["muligheder"])
        kontrol = (f'<label for="{fid}">{escape(f["label"])}</label>'
                   f'<select id="{fid}" name="{escape(f["id"])}" aria-describedby="{beskrevet}">{valg}</select>')
        return f"<div {attrs}>{kontrol}{hjaelp}{fejl}</div>"
    if f["type"] == "janej":
        knapper = "".join(
            f'<label class="kvh-radio"><input type="radio" name="{escape(f["id"])}" value="{v}"'
            f'{" checked" if str(vaerdi).lower() == v else ""}> {t}</label>'
            for v, t in (("ja", "Ja"), ("nej", "Nej")))
        return (f'<fieldset {attrs} aria-describedby="{beskrevet}"><legend>{escape(f["label"])}</legend>'
                f"{knapper}{hjaelp}{fejl}</fieldset>")
    if f["type"] == "dato":
        kontrol = (f'<label for="{fid}">{escape(f["label"])}</label>'
                   f'<input type="date" id="{fid}" name="{escape(f["id"])}" value="{escape(str(vaerdi))}" '
                   f'min="{f["min"]}" max="{f["max"]}" aria-describedby="{beskrevet}">')
        return f"<div {attrs}>{kontrol}{hjaelp}{fejl}</div>"
    inputmode = "numeric" if f["type"] == "heltal" else "decimal"
    enhed = f'<span class="kvh-enhed" aria-hidden="true">{escape(f["enhed"])}</span>' if f.get("enhed") else ""
    label = escape(f["label"]) + (f' <span class="kvh-sr">({escape(f["enhed"])})</span>' if f.get("enhed") else "")
    kontrol = (f'<label for="{fid}">{label}</label>'
               f'<span class="kvh-input"><input type="text" inputmode="{inputmode}" id="{fid}" '
               f'name="{escape(f["id"])}" value="{escape(str(vaerdi))}" autocomplete="off" '
               f'aria-describedby="{beskrevet}">{enhed}</span>')
    return f"<div {attrs}>{kontrol}{hjaelp}{fejl}</div>"


def _fortolkninger(beskrivelse: dict[str, Any]) -> str:
    if not beskrivelse["fortolkninger"]:
        return ""
    punkter = "".join(
        f'<li>{escape(f["tekst"])} <span class="kvh-kilde">(kildetekst linje {f["linjer"][0]}–{f["linjer"][1]})</span></li>'
        for f in beskrivelse["fortolkninger"])
    return ('<details class="kvh-fortolkninger"><summary>Sådan læser beregneren uklare regler</summary>'
            f"<ul>{punkter}</ul></details>")
