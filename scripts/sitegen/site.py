"""Puts the pages together: every generated page and the navigation (MkDocs `nav`).

The one place that knows every page family; nothing imports it but the plugin.
"""
from __future__ import annotations

from datetime import date
from typing import Any

import calculators
from calculators.katalog import fra_data

from .catalogue import Katalog
from .export import katalog_data
from .markdown import Side, html_tekst
from .sider.ansvar import ansvar_sider
from .sider.bilag import bilag_side
from .sider.forside import forside
from .sider.frister import bilag4_indhold
from .sider.indledning import indledende_side
from .sider.lovgrundlag import lovgrundlag_sider
from .sider.om import om_sider
from .sider.omraade import omraade_side
from .sider.oversigt import oversigt
from .sider.reform import TITEL as REFORM_TITEL, bilag_notits, reform_data, reform_side
from .sider.standard import standard_side
from .stier import OVERSIGT, REFORM_STI, bilag_sti, om_sti, omraade_sti, standard_sti


def byg_sider(katalog: Katalog, idag: date, forrige: Katalog | None = None,
              forrige_navn: str | None = None) -> tuple[list[Side], list[Any]]:
    """All generated pages and the navigation (MkDocs `nav` structure).

    `idag` is the day the site is built for (the navigator's default date, the print
    edition's date); `forrige` the previous edition, named `forrige_navn` on the
    "Hvad er ændret" page.
    """
    beregner_katalog = fra_data(katalog_data(katalog))
    beskrivelser = {b["id"]: b for b in calculators.alle()}
    titler = {s.id: s["titel"] for s in katalog.standarder}
    sider: list[Side] = [Side("index.md", forside(katalog, idag))]
    nav: list[Any] = [{"Forside": "index.md"}]
    if katalog.indledning:
        om_nav = []
        for side in katalog.indledning:
            sider.append(Side(om_sti(side["id"]), indledende_side(side)))
            om_nav.append({html_tekst(side["titel"]): om_sti(side["id"])})
        nav.append({"Om kvalitetsstandarderne": om_nav})

    sider.append(Side(OVERSIGT, oversigt(katalog)))
    nav.append({"Alle standarder": OVERSIGT})

    for omr in katalog.omraader:
        i_omr = [s for s in katalog.standarder if s["omraade"] == omr["id"]]
        if not i_omr:
            continue
        omr_nav: list[Any] = [omraade_sti(omr["id"])]
        sider.append(Side(omraade_sti(omr["id"]), omraade_side(omr, None, i_omr, katalog)))
        uden_gruppe = [s for s in i_omr if "gruppe" not in s.data]
        omr_nav += [{html_tekst(s["titel"]): standard_sti(s.id)} for s in uden_gruppe]
        for g in omr.get("grupper", []):
            i_gruppe = [s for s in i_omr if s.get("gruppe") == g["id"]]
            if not i_gruppe:
                continue
            sider.append(Side(omraade_sti(omr["id"], g["id"]), omraade_side(omr, g, i_gruppe, katalog)))
            omr_nav.append({html_tekst(g["titel"]): [omraade_sti(omr["id"], g["id"])]
                            + [{html_tekst(s["titel"]): standard_sti(s.id)} for s in i_gruppe]})
        nav.append({html_tekst(omr["titel"]): omr_nav})

    for s in katalog.standarder:
        sider.append(Side(standard_sti(s.id), standard_side(s, katalog, beskrivelser, beregner_katalog, titler,
                                                             idag)))

    lov_sider, lov_nav = lovgrundlag_sider(katalog)
    sider += lov_sider
    nav.append({"Lovgrundlag": lov_nav})

    bilag_nav = []
    for n, b in sorted(katalog.bilag.items()):
        ekstra = bilag4_indhold(katalog, beskrivelser, beregner_katalog) if n == 4 else []
        sider.append(Side(bilag_sti(n), bilag_side(b, frozenset(s.sti for s in lov_sider), ekstra,
                                                     bilag_notits(katalog, idag, n))))
        bilag_nav.append({html_tekst(f"Bilag {n}: {b['titel']}"): bilag_sti(n)})
    nav.append({"Bilag": bilag_nav})

    a_sider, a_nav = ansvar_sider(katalog, idag)
    if a_sider:
        sider += a_sider
        nav.append({"Region eller kommune?": a_nav})
    if reform_data(katalog):
        sider.append(Side(REFORM_STI, reform_side(katalog, idag)))
        nav.append({REFORM_TITEL: REFORM_STI})

    o_sider, o_nav = om_sider(katalog, idag, forrige, forrige_navn)
    sider += o_sider
    nav.append({"Om håndbogen": o_nav})
    return sider, nav
