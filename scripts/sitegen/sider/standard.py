"""A standard's page: its sections as in the source, legal basis, deadlines, further
information, its calculators and where the text comes from."""
from __future__ import annotations

import re
from datetime import date

from ..begreber import (KILDE_NAVN, RETTELSE_TYPER, SEKTIONER, er_hjaelpemiddel, lov_navn, lov_tekst,
                       ogsaa_kaldet)
from ..catalogue import Katalog, Standard
from ..datotekst import gyldighed
from ..forms import formular
from ..markdown import front_matter_vaerdi, sikker_url, tekst
from ..markdown import om_teksten as markdown_om_teksten
from ..stier import ANSVAR_STI, bilag_sti, lov_anker, lov_sti, omraade_sti, rel, standard_sti
from .frister import frister_afsnit, frister_kildelinjer, kort_frist
from .reform import standard_notits


def standard_side(s: Standard, katalog: Katalog, beskrivelser: dict, beregner_katalog,
                  titler: dict[str, str], idag: date | None = None) -> str:
    """`idag` is the build date: it decides the tense of the health reform's notice."""
    sti = standard_sti(s.id)
    omr = katalog.omraade(s["omraade"])
    gruppe = next((g for g in omr.get("grupper", []) if g["id"] == s.get("gruppe")), None)
    placering = f"[{tekst(omr['titel'])}]({rel(sti, omraade_sti(omr['id']))})"
    if gruppe:
        placering += f" › [{tekst(gruppe['titel'])}]({rel(sti, omraade_sti(omr['id'], gruppe['id']))})"
    beskrivelse = re.sub(r"\s+", " ", s["formaal"]["tekst"]).strip()[:160]
    redaktionel = " · [Titlen er redaktionel](#om-teksten)" if s["titel_kilde"] == "redaktionel" else ""
    linjer = [
        "---", f"title: {front_matter_vaerdi(s['titel'])}", f"description: {front_matter_vaerdi(beskrivelse)}",
        "---", "",
        f"# {tekst(s['titel'])}", "",
        f'Kvalitetsstandard nr. {s["nummer"]} · {placering} · '
        + gyldighed(s["gyldig_fra"], s.get("gyldig_til"), s.senest_aendret)
        + (f" · {ogsaa_kaldet(omr, gruppe)}" if ogsaa_kaldet(omr, gruppe) else "") + redaktionel,
        "{ .kvh-meta }",
        "",
    ]
    linjer += kort_fortalt(s, katalog, beskrivelser, sti)
    linjer += standard_notits(katalog, idag or date.today(), s.id)
    lov = s["lovgrundlag"]
    linjer += ["## Lovgrundlag", "", tekst(lov["tekst"]), ""]
    love = [h for h in lov["henvisninger"] if "lov" in h]
    med_tekst = [h for h in love if katalog.lovtekst(h["lov"], h.get("paragraf"))]
    if med_tekst:
        henv = ", ".join(f"[{tekst(lov_navn(h))}]({rel(sti, bilag_sti(1))}#{lov_anker(h)})"
                         for h in {lov_anker(h): h for h in med_tekst}.values())
        linjer += [f"Lovteksten: {henv} (Bilag 1).", ""]
    if love:
        henv = ", ".join(f"[{tekst(lov_tekst(h))}]({rel(sti, lov_sti(h))})" for h in love)
        linjer += [f"Andre standarder med samme lovgrundlag: {henv}.", ""]
    if er_hjaelpemiddel(s) and katalog.data.get("ansvar"):
        linjer += ['!!! tip "Region eller kommune?"',
                   "    Skal hospitalet (regionen) eller kommunen levere og betale hjælpemidlet? "
                   f"Svar på nogle spørgsmål i [navigatoren Hvem har ansvaret?]({rel(sti, ANSVAR_STI)}).", ""]
    for felt, overskrift in SEKTIONER:
        if felt in s.data:
            linjer += [f"## {overskrift}", "", tekst(s[felt]["tekst"]).strip(), ""]
    linjer += frister_afsnit(katalog, s.id, sti)
    linjer += _yderligere(s, katalog, sti, titler)
    for b in s.get("beregnere", []):
        linjer += [formular(beskrivelser[b["id"]], b.get("forvalg") or {}, beregner_katalog,
                            date.fromisoformat(s["gyldig_fra"])), ""]
    linjer += om_standardens_tekst(s, katalog)
    return "\n".join(linjer) + "\n"


def kort_fortalt(s: Standard, katalog: Katalog, beskrivelser: dict, sti: str) -> list[str]:
    """The quick facts at the top of a standard's page, built only from the catalogue's
    data: Bilag 4's deadlines, the legal basis, free choice, and the page's calculators."""
    fakta = []
    afgoerelse, start = kort_frist(katalog, s.id), kort_frist(katalog, s.id, "start")
    if afgoerelse:
        fakta.append(f"**Frist for afgørelse:** {tekst(afgoerelse)} ([Tidsfrister](#tidsfrister))")
    if start:
        # A start deadline Bilag 4 gives only in words is read in the deadlines section.
        vaerdi = "se [Tidsfrister](#tidsfrister)" if start == "Se standarden" else tekst(start)
        fakta.append(f"**Fra afgørelse til indsatsen begynder:** {vaerdi}")
    love = [h for h in s["lovgrundlag"]["henvisninger"] if "lov" in h]
    if love:
        fakta.append("**Lovgrundlag:** " + ", ".join(f"[{tekst(lov_tekst(h))}]({rel(sti, lov_sti(h))})"
                                                     for h in love))
    else:
        fakta.append(f"**Lovgrundlag:** {tekst(s['lovgrundlag']['tekst'])}")
    ids = [b["id"] for b in s.get("beregnere", [])]
    if ids:
        fakta.append(("**Beregner på siden:** " if len(ids) == 1 else "**Beregnere på siden:** ") + ", ".join(
            f"[{tekst(beskrivelser[i]['titel'])}](#{i}-titel)" for i in ids))
    return ['<div class="kvh-fakta" markdown="1">', "", "**Kort fortalt**", "",
            *[f"- {f}" for f in fakta], "", "</div>", ""]


def om_standardens_tekst(s: Standard, katalog: Katalog) -> list[str]:
    """Where the text comes from, in one folded section at the foot of the page and out of
    search: the source and its lines, an editorial title's reason, every repair."""
    a, b = s["kilde"]["linjer"]
    linjer = [f"Teksten er Gladsaxe Kommunes *{KILDE_NAVN}*, linje {a}–{b} i kildeteksten, "
              "gengivet ordret.", ""]
    if s["titel_kilde"] == "redaktionel":
        grund = " ".join(next(r for r in s["rettelser"] if r["type"] == "tabt_titel")["beskrivelse"].split())
        if not grund.lower().startswith("titlen står ikke i kildeteksten"):
            grund = "Titlen står ikke i kildeteksten. " + grund
        linjer += [f"**Redaktionel titel.** {tekst(grund)} Titlen gik tabt ved udtrækket fra PDF og er "
                   "udledt af standardens egne ord.", ""]
    frist_linjer = frister_kildelinjer(katalog, s.id)
    if frist_linjer:
        linjer += [f"Tidsfristerne står i Bilag 4, {frist_linjer}.", ""]
    rettelser = s.get("rettelser", [])
    if rettelser:
        linjer += [f"**Rettelser af kildeteksten ({len(rettelser)}).** Teksten er udtrukket af en PDF. "
                   "Disse steder er den repareret:", ""]
        for r in rettelser:
            linjer.append(f"- **{RETTELSE_TYPER[r['type']]}** (linje {r['linjer'][0]}–{r['linjer'][1]}): "
                          f"{tekst(r['beskrivelse'])}")
        linjer.append("")
    return markdown_om_teksten(linjer)


def _yderligere(s: Standard, katalog: Katalog, sti: str, titler: dict[str, str]) -> list[str]:
    yi = s["yderligere_information"]
    linjer = ["## Yderligere information", ""]
    if yi.get("tekst"):
        linjer += [tekst(yi["tekst"]).strip(), ""]
    for h in yi["henvisninger"]:
        if "bilag" in h:
            b = katalog.bilag[h["bilag"]]
            navn = f"Bilag {h['bilag']}: {tekst(h.get('tekst') or b['titel'])}"  # the source's words
            if b.get("mangler"):
                linjer.append(f"- {navn} – *bilaget findes ikke i kildedokumentet*")
            else:
                linjer.append(f"- [{navn}]({rel(sti, bilag_sti(h['bilag']))})")
        elif "standard" in h:
            navn = tekst(h.get("tekst") or titler.get(h["standard"], h["standard"]))
            if h["standard"] in titler:
                linjer.append(f"- Se standarden [{navn}]({rel(sti, standard_sti(h['standard']))})")
            else:
                grund = f" {tekst(h['fravaerende'])}" if h.get("fravaerende") else ""
                linjer.append(f"- {navn} – *standarden er ikke i kataloget.*{grund}")
        elif "url" in h:
            url = sikker_url(h["url"])
            linjer.append(f"- [{tekst(h['tekst'])}]({url})" if url else f"- {tekst(h['tekst'])}")
        else:
            linjer.append(f"- {tekst(h['tekst'])}")
    return linjer + [""]
