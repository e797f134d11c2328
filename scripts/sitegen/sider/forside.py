"""The front page: what the handbook is, and the way into its areas, calculators and appendices."""
from __future__ import annotations

from datetime import date

from ..begreber import KILDE_NAVN
from ..catalogue import Katalog
from ..datotekst import dansk_dato, foer_og_efter, samlet_gyldighed
from ..markdown import tekst
from ..stier import ANSVAR_STI, OVERSIGT, REFORM_STI, bilag_sti, om_sti, omraade_sti, standard_sti
from .reform import paa_forsiden


SIDER = {"ansvar": ANSVAR_STI, "frister": bilag_sti(4), "oversigt": OVERSIGT}


def forside(katalog: Katalog, idag: date | None = None) -> str:
    """The front page leads with search and the questions readers ask most; the areas
    follow, and the longer lists (calculators, appendices) are folded. `idag` is the build
    date: within a year of the health reform the page links to it."""
    linjer = [
        "---", "title: Forside", "hide: [navigation, toc]", "---", "",
        "# Kvalitetshåndbogen – Sundhed og Rehabilitering", "",
        "Hvad kan du få hjælp til fra Gladsaxe Kommune, hvad kræver det, og hvad koster det dig? "
        "Slå det op her.", "",
        '<p class="kvh-soeg"><button type="button" class="md-button md-button--primary" data-kvh-soeg>'
        "Søg i håndbogen</button></p>", "",
    ]
    idag = idag or date.today()
    if paa_forsiden(katalog, idag):
        fra = katalog.data["reform"]["gyldig_fra"]
        hvornaar = foer_og_efter(
            f"Sundhedsreformen flytter efter planen opgaver fra kommunerne til regionerne den {dansk_dato(fra)}.",
            f"Sundhedsreformen har efter planen flyttet opgaver fra kommunerne til regionerne fra {dansk_dato(fra)}.",
            fra, idag)
        linjer += ['!!! info "Sundhedsreformen 2027"',
                   f"    {hvornaar} Se, hvilke standarder og bilag det rører, og hvor sikkert det er: "
                   f"[Sundhedsreformen 2027 i håndbogen]({REFORM_STI}).", ""]
    emner = (katalog.data.get("forside") or {}).get("emner", [])
    if emner:
        titler = {s.id for s in katalog.standarder}
        linjer += ["## Det spørger mange om", ""]
        for e in emner:
            if "standard" in e and e["standard"] in titler:
                linjer.append(f"- [{tekst(e['spoergsmaal'])}]({standard_sti(e['standard'])})")
            elif "side" in e:
                linjer.append(f"- [{tekst(e['spoergsmaal'])}]({SIDER[e['side']]})")
        linjer.append("")
    linjer += ["## Områder", ""]
    for omr in katalog.omraader:
        antal = sum(1 for s in katalog.standarder if s["omraade"] == omr["id"])
        if antal:
            linjer.append(f"- [{tekst(omr['titel'])}]({omraade_sti(omr['id'])}) – "
                          f"{antal} {'standard' if antal == 1 else 'standarder'}")
    linjer += ["", f"Eller se [alle {len(katalog.standarder)} standarder]({OVERSIGT}) i én tabel, som du kan filtrere.",
               ""]
    med_beregner = [s for s in katalog.standarder if s.get("beregnere")]
    if med_beregner:
        linjer += [f'??? note "Sider med beregner ({len(med_beregner)})"', ""]
        linjer += [f"    - [{tekst(s['titel'])}]({standard_sti(s.id)})" for s in med_beregner]
        linjer.append("")
    linjer += [f'??? note "Bilag ({len(katalog.bilag)})"', ""]
    linjer += [f"    - [Bilag {n}: {tekst(b['titel'])}]({bilag_sti(n)})" for n, b in sorted(katalog.bilag.items())]
    linjer.append("")
    if katalog.indledning:
        linjer += ["## Om kvalitetsstandarderne", ""]
        linjer += [f"- [{tekst(s['titel'])}]({om_sti(s['id'])})" for s in katalog.indledning]
        linjer.append("")
    linjer += [samlet_gyldighed(katalog.standarder) + f". Indholdet er hentet fra *{KILDE_NAVN}*; "
               "hver side fortæller under \"Om teksten\", hvor i kildeteksten den står.", "{ .kvh-meta }", ""]
    return "\n".join(linjer) + "\n"
