"""The overview of all standards (/standarder/), filterable as the reader types."""
from __future__ import annotations

from ..begreber import lov_tekst
from ..catalogue import Katalog
from ..datotekst import samlet_gyldighed
from ..markdown import tekst
from ..stier import OVERSIGT, lov_sti, rel, standard_sti
from .frister import kort_frist


def oversigt(katalog: Katalog) -> str:
    """Every standard in one table that the reader can filter by typing."""
    linjer = ["---", "title: Alle standarder", "---", "", "# Alle standarder", "",
              samlet_gyldighed(katalog.standarder), "{ .kvh-meta }", "",
              f"Alle {len(katalog.standarder)} kvalitetsstandarder med område, lovgrundlag og frist for "
              "afgørelse (Bilag 4). "
              "Skriv i feltet for at vise de standarder, hvis titel, område eller lovgrundlag indeholder ordet.",
              "",
              '<div class="kvh-filter" data-filter>'
              '<label for="kvh-filter-input">Filtrér standarderne</label>'
              '<input type="search" id="kvh-filter-input" autocomplete="off" '
              'aria-describedby="kvh-filter-antal">'
              f'<p id="kvh-filter-antal" role="status">Viser alle {len(katalog.standarder)} standarder.</p>'
              # shown by filter.js when no title, area or law has the words: the handbook's search
              # also reads the standards' text and everyday words ("hjemmehjælp", "gangstativ")
              '<button type="button" class="md-button" data-kvh-filter-soeg hidden>Søg i hele håndbogen</button></div>',
              "",
              "| Nr. | Standard | Område | Lovgrundlag | Frist for afgørelse |", "| ---: | --- | --- | --- | --- |"]
    for s in katalog.standarder:
        omr = katalog.omraade(s["omraade"])
        gruppe = next((g for g in omr.get("grupper", []) if g["id"] == s.get("gruppe")), None)
        sted = tekst(omr["titel"]) + (f" › {tekst(gruppe['titel'])}" if gruppe else "")
        love = [h for h in s["lovgrundlag"]["henvisninger"] if "lov" in h]
        lov = ", ".join(f"[{tekst(lov_tekst(h))}]({rel(OVERSIGT, lov_sti(h))})" for h in love) \
            or tekst(s["lovgrundlag"]["tekst"])
        frist = kort_frist(katalog, s.id) or "–"
        linjer.append(f"| {s['nummer']} | [{tekst(s['titel'])}]({rel(OVERSIGT, standard_sti(s.id))}) | "
                      f"{sted} | {lov} | {tekst(frist)} |")
    linjer.append("")
    return "\n".join(linjer) + "\n"
