"""The front page: what the handbook is, and the way into its areas, calculators and appendices."""
from __future__ import annotations

from datetime import date

from ..begreber import KILDE_NAVN
from ..catalogue import Katalog
from ..datotekst import dansk_dato, samlet_gyldighed
from ..markdown import tekst
from ..stier import REFORM_STI, bilag_sti, om_sti, omraade_sti, standard_sti
from .reform import paa_forsiden


def forside(katalog: Katalog, idag: date | None = None) -> str:
    """`idag` is the build date: within a year of the health reform the page links to it."""
    linjer = [
        "---", "title: Forside", "hide: [navigation]", "---", "",
        "# Kvalitetshåndbogen – Sundhed og Rehabilitering", "",
        samlet_gyldighed(katalog.standarder), "{ .kvh-meta }", "",
        "Gladsaxe Kommunes kvalitetsstandarder beskriver det politisk besluttede serviceniveau for "
        "sundhed, forebyggelse, rehabilitering, træning, pleje og hjælpemidler. Her kan du slå en "
        "standard op, se kriterierne for at få hjælp, og på nogle sider regne ud, hvad du kan få "
        "bevilget, og hvad det koster dig.", "",
        f"Indholdet er hentet fra *{KILDE_NAVN}*. Hver side viser, hvilke linjer i kildeteksten "
        f"den bygger på, og hvor teksten er repareret efter udtrækket fra PDF.", "",
    ]
    idag = idag or date.today()
    if paa_forsiden(katalog, idag):
        fra = katalog.data["reform"]["gyldig_fra"]
        hvornaar = (f"Sundhedsreformen flytter efter planen opgaver fra kommunerne til regionerne den {dansk_dato(fra)}."
                    if idag < date.fromisoformat(fra) else
                    f"Sundhedsreformen har efter planen flyttet opgaver fra kommunerne til regionerne fra {dansk_dato(fra)}.")
        linjer += ['!!! info "Sundhedsreformen 2027"',
                   f"    {hvornaar} Se, hvilke standarder og bilag det rører, og hvor sikkert det er: "
                   f"[Sundhedsreformen 2027 i håndbogen]({REFORM_STI}).", ""]
    if katalog.indledning:
        linjer += ["## Om kvalitetsstandarderne", ""]
        linjer += [f"- [{tekst(s['titel'])}]({om_sti(s['id'])})" for s in katalog.indledning]
        linjer.append("")
    linjer += ["## Områder", ""]
    for omr in katalog.omraader:
        antal = sum(1 for s in katalog.standarder if s["omraade"] == omr["id"])
        if antal:
            linjer.append(f"- [{tekst(omr['titel'])}]({omraade_sti(omr['id'])}) – "
                          f"{antal} {'standard' if antal == 1 else 'standarder'}")
    med_beregner = [s for s in katalog.standarder if s.get("beregnere")]
    if med_beregner:
        linjer += ["", "## Sider med beregner", ""]
        linjer += [f"- [{tekst(s['titel'])}]({standard_sti(s.id)})" for s in med_beregner]
    linjer += ["", "## Bilag", ""]
    linjer += [f"- [Bilag {n}: {tekst(b['titel'])}]({bilag_sti(n)})" for n, b in sorted(katalog.bilag.items())]
    return "\n".join(linjer) + "\n"
