"""The front page: what the handbook is, and the way into its areas, calculators and appendices."""
from __future__ import annotations

from ..begreber import KILDE_NAVN
from ..catalogue import Katalog
from ..datotekst import samlet_gyldighed
from ..markdown import tekst
from ..stier import bilag_sti, om_sti, omraade_sti, standard_sti


def forside(katalog: Katalog) -> str:
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
