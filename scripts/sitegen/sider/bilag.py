"""An appendix's page: its text and tables from catalogue/bilag/, or content built from data."""
from __future__ import annotations

from ..begreber import KILDE_NAVN, RETTELSE_TYPER, lov_navn
from ..datotekst import gyldighed
from ..markdown import front_matter_vaerdi, om_teksten, tabel_md, tekst
from ..stier import bilag_sti, lov_anker, lov_sti, rel


def bilag_side(b: dict, lov_stier: frozenset[str] = frozenset(), indhold: list[str] | None = None,
               notits: list[str] | None = None) -> str:
    """An appendix's page: its text and tables, or `indhold` built from structured data
    (Bilag 4 from catalogue/frister.yaml). `notits` (the health reform's notice) comes first."""
    titel = f"Bilag {b['nummer']}: {b['titel']}"
    linjer = ["---", f"title: {front_matter_vaerdi(titel)}", "---", "", f"# {tekst(titel)}", ""]
    if b.get("gyldig_fra"):
        linjer += [gyldighed(b["gyldig_fra"], b.get("gyldig_til"), b.get("senest_aendret")), "{ .kvh-meta }", ""]
    linjer += notits or []
    if b.get("mangler"):
        linjer += ['!!! warning "Bilaget findes ikke i kilden"', f"    {tekst(b['mangler'])}", ""]
    elif b.get("tekst"):
        for afsnit in b["tekst"]["afsnit"]:
            if afsnit.get("overskrift"):
                anker = f" {{ #{lov_anker(afsnit)} }}" if afsnit.get("lov") else ""
                linjer += [f"{'#' * afsnit.get('niveau', 2)} {tekst(afsnit['overskrift'])}{anker}", ""]
            if afsnit.get("redaktionel_note"):
                note = tekst(afsnit["redaktionel_note"]).strip().splitlines()
                linjer += ['!!! note "Redaktionens note"', *(f"    {linje}".rstrip() for linje in note), ""]
            if afsnit.get("tekst"):
                linjer += [tekst(afsnit["tekst"]).strip(), ""]
            if afsnit.get("lov"):
                sti = lov_sti(afsnit)
                linjer += [f"Standarder, der hviler på paragraffen: [{tekst(lov_navn(afsnit))}]"
                           f"({rel(bilag_sti(b['nummer']), sti)})" if sti in lov_stier else
                           "Ingen standard i kataloget henviser direkte til paragraffen.", "{ .kvh-meta }", ""]
            if afsnit.get("tabel"):
                linjer += [tabel_md(afsnit["tabel"]), ""]
        a, z = b["linjer"]
        kilde = [f"Teksten er Gladsaxe Kommunes *{KILDE_NAVN}*, linje {a}–{z} i kildeteksten.", ""]
        rettelser = b["tekst"].get("rettelser", [])
        if rettelser:
            kilde += [f"**Rettelser af kildeteksten ({len(rettelser)}).** Teksten er udtrukket af en PDF. "
                      "Disse steder er den repareret:", ""]
            kilde += [f"- **{RETTELSE_TYPER[r['type']]}** (linje {r['linjer'][0]}–{r['linjer'][1]}): "
                      f"{tekst(r['beskrivelse'])}" for r in rettelser]
        linjer += om_teksten(kilde)
    elif indhold:
        a, z = b["linjer"]
        linjer += indhold + om_teksten([f"Teksten er Gladsaxe Kommunes *{KILDE_NAVN}*, linje {a}–{z} i kildeteksten."])
    else:
        a, z = b["linjer"]
        linjer += ['!!! info "Bilagets indhold er endnu ikke overført"',
                   f"    Bilaget står i *{KILDE_NAVN}*, linje {a}–{z} i kildeteksten. Dets indhold "
                   "overføres til håndbogen som strukturerede data i en senere udgave.", ""]
    return "\n".join(linjer) + "\n"
