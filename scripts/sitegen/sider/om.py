"""Pages about the handbook itself: accessibility statement, open data and the print edition.

They live under /om/ beside the front matter, and the footer links to them on every page.
"""
from __future__ import annotations

from datetime import date
from typing import Any

from .. import aabne_data
from ..aendringer import sammenlign
from ..begreber import KILDE_NAVN, SEKTIONER
from ..catalogue import Katalog, Standard
from ..datotekst import dansk_dato, gyldighed
from ..markdown import Side, tabel_md, tekst
from . import aendringer

TILGAENGELIGHED = "om/tilgaengelighedserklaering.md"
AABNE_DATA = "om/aabne-data.md"
UDSKRIFT = "om/udskrift.md"
AENDRINGER = "om/hvad-er-aendret.md"


def om_sider(katalog: Katalog, produceret: date, forrige: Katalog | None = None,
             beskrivelse: str | None = None) -> tuple[list[Side], list[Any]]:
    """`forrige` is the previous edition, `beskrivelse` how the "what changed" page names it."""
    diff = sammenlign(forrige, katalog) if forrige else None
    titler = {s.id: s["titel"] for s in katalog.standarder}
    sider = [
        Side(AENDRINGER, aendringer.side_markdown(diff, beskrivelse, titler, "reform" in katalog.data)),
        Side(UDSKRIFT, udskrift(katalog, produceret)),
        Side(AABNE_DATA, aabne_data.side_markdown(len(katalog.standarder), len(katalog.satser))),
        Side(TILGAENGELIGHED, tilgaengelighedserklaering(produceret)),
    ]
    nav = [{"Hvad er ændret": AENDRINGER}, {"Hele håndbogen til udskrift": UDSKRIFT}, {"Åbne data": AABNE_DATA},
           {"Tilgængelighedserklæring": TILGAENGELIGHED}]
    return sider, nav


def tilgaengelighedserklaering(produceret: date) -> str:
    return "\n".join([
        "---", "title: Tilgængelighedserklæring", "---", "",
        "# Tilgængelighedserklæring", "",
        "Gladsaxe Kommune ønsker, at alle kan bruge Kvalitetshåndbogen, også med skærmlæser, "
        "forstørrelse, tastatur alene eller andre hjælpemidler. Som offentlig myndighed skal "
        "kommunens websteder overholde lov om tilgængelighed af offentlige organers websteder og "
        "mobilapplikationer, som henviser til standarden EN 301 549 og dermed WCAG 2.1 niveau AA.", "",
        "## Sådan er håndbogen lavet tilgængelig", "",
        "- Alle sider har overskrifter i logisk rækkefølge, et sprog (dansk) og beskrivende titler.",
        "- Alle felter i beregnerne har en synlig ledetekst. Fejl vises i tekst ved siden af feltet "
        "og læses op af skærmlæsere, og resultatet meddeles, når det ændrer sig.",
        "- Beregnerne kan bruges med tastatur alene, og reglerne står også som almindelig tekst på "
        "siden, hvis JavaScript ikke virker.",
        "- Links i brødtekst er understregede, og tekst og baggrund har mindst kontrastforholdet 4,5:1.",
        "- Hele håndbogen findes som én side, der kan udskrives eller gemmes som PDF.",
        "- Siden henter ikke skrifttyper, scripts eller andet fra tredjeparter.", "",
        "## Sådan er tilgængeligheden testet", "",
        "Hver version af håndbogen testes automatisk, før den udgives: forsiden, oversigten, sider "
        "med og uden beregner (også efter en beregning), et bilag, en side om lovgrundlag og en "
        "indledende side kontrolleres med værktøjet axe mod WCAG 2.1 A og AA, og testen fejler ved "
        "et eneste fund. Automatiske test finder ikke alle problemer; en manuel gennemgang med "
        "skærmlæser er ikke dokumenteret her.", "",
        "## Kendte begrænsninger", "",
        "- Teksten er overført fra en PDF-udgave af kvalitetsstandarderne. Hvor PDF'en var "
        "beskadiget, er teksten repareret, og hver reparation er vist på siden under «Kilde».",
        "- Enkelte bilag har store tabeller, som kan være svære at læse på en lille skærm.", "",
        "## Giv besked om problemer", "",
        "Oplever du problemer med tilgængeligheden, så kontakt Gladsaxe Kommune. Du kan også "
        "klage til Digitaliseringsstyrelsen, som fører tilsyn med tilgængeligheden af offentlige "
        "websteder.", "",
        f'Erklæringen er opdateret {dansk_dato(produceret.isoformat())}.', "{ .kvh-meta }", "",
    ]) + "\n"


def udskrift(katalog: Katalog, produceret: date) -> str:
    """The whole handbook on one page: front matter, every standard by area, every appendix.

    Headings keep a strict hierarchy (h1 page, h2 part, h3 standard/appendix, h4
    section) so the printed or saved PDF is navigable with a screen reader too.
    The page is left out of the search index: every text in it has its own page.
    """
    l = ["---", "title: Hele håndbogen til udskrift", "search:", "  exclude: true", "---", "",
         "# Kvalitetshåndbogen – Sundhed og Rehabilitering", "",
         f"Hele håndbogen på én side til udskrift eller til at gemme som PDF (brug browserens "
         f"udskriftsfunktion). Udskriften er produceret {dansk_dato(produceret.isoformat())} og "
         f"indeholder {len(katalog.standarder)} kvalitetsstandarder og bilagene. Beregnerne findes "
         f"kun på de enkelte sider på nettet.", "{ .kvh-meta .kvh-produceret }", "",
         f"Kilde: *{KILDE_NAVN}*, Gladsaxe Kommune.", ""]
    if katalog.indledning:
        l += ["## Om kvalitetsstandarderne", ""]
        for side in katalog.indledning:
            l += [f"### {tekst(side['titel'])}", ""]
            for afsnit in side["afsnit"]:
                if afsnit.get("overskrift"):
                    l += [f"#### {tekst(afsnit['overskrift'])}", ""]
                l += [tekst(afsnit["tekst"]).strip(), ""]
    for omr in katalog.omraader:
        i_omr = [s for s in katalog.standarder if s["omraade"] == omr["id"]]
        if not i_omr:
            continue
        l += [f"## {tekst(omr['titel'])}", "", '<div class="kvh-omraade-indhold" markdown>', ""]
        for s in i_omr:
            l += _standard(s, katalog)
        l += ["</div>", ""]
    l += ["## Bilag", ""]
    for n, b in sorted(katalog.bilag.items()):
        l += [f"### Bilag {n}: {tekst(b['titel'])}", ""]
        if b.get("mangler"):
            l += [f"*{tekst(b['mangler'])}*", ""]
        elif b.get("tekst"):
            for afsnit in b["tekst"]["afsnit"]:
                if afsnit.get("overskrift"):
                    l += [f"#### {tekst(afsnit['overskrift'])}", ""]
                if afsnit.get("tekst"):
                    l += [tekst(afsnit["tekst"]).strip(), ""]
                if afsnit.get("tabel"):
                    l += [tabel_md(afsnit["tabel"]), ""]
        else:
            a, z = b["linjer"]
            l += [f"Bilagets indhold er endnu ikke overført (kildeteksten linje {a}–{z}).", ""]
    return "\n".join(l) + "\n"


def _standard(s: Standard, katalog: Katalog) -> list[str]:
    omr = katalog.omraade(s["omraade"])
    gruppe = next((g for g in omr.get("grupper", []) if g["id"] == s.get("gruppe")), None)
    sted = tekst(omr["titel"]) + (f" › {tekst(gruppe['titel'])}" if gruppe else "")
    a, b = s["kilde"]["linjer"]
    titel = tekst(s["titel"]) + (" (redaktionel titel)" if s["titel_kilde"] == "redaktionel" else "")
    l = [f"### {s['nummer']}. {titel}", "",
         f"{sted} · {gyldighed(s['gyldig_fra'], s.get('gyldig_til'), s.senest_aendret)} · "
         f"kildeteksten linje {a}–{b}", "{ .kvh-meta }", "",
         "#### Lovgrundlag", "", tekst(s["lovgrundlag"]["tekst"]), ""]
    for felt, overskrift in SEKTIONER:
        if felt in s.data:
            l += [f"#### {overskrift}", "", tekst(s[felt]["tekst"]).strip(), ""]
    yi = s["yderligere_information"]
    punkter = []
    for h in yi.get("henvisninger", []):
        if "bilag" in h:
            punkter.append(f"- Bilag {h['bilag']}: {tekst(h.get('tekst') or katalog.bilag[h['bilag']]['titel'])}")
        elif "standard" in h:
            anden = katalog.standard(h["standard"])
            punkter.append(f"- Se standarden {tekst(anden['titel']) if anden else tekst(h.get('tekst') or h['standard'])}")
        elif "url" in h:
            punkter.append(f"- {tekst(h['tekst'])}: {tekst(h['url'])}")
        else:
            punkter.append(f"- {tekst(h['tekst'])}")
    if yi.get("tekst") or punkter:
        l += ["#### Yderligere information", ""]
        if yi.get("tekst"):
            l += [tekst(yi["tekst"]).strip(), ""]
        l += punkter + [""]
    return l
