"""A page per area and per group: its standards with their legal basis."""
from __future__ import annotations

from ..begreber import ogsaa_kaldet
from ..catalogue import Katalog, Standard
from ..datotekst import samlet_gyldighed
from ..markdown import front_matter_vaerdi, tekst
from ..stier import omraade_sti, rel, standard_sti
from .frister import kort_frist


def omraade_side(omr: dict, gruppe: dict | None, standarder: list[Standard], katalog: Katalog) -> str:
    sti = omraade_sti(omr["id"], gruppe["id"] if gruppe else None)
    titel = gruppe["titel"] if gruppe else omr["titel"]
    # The editorial search words go into the search index as tags (Material boosts
    # them above titles), so "hjemmehjælp" finds this page before pages that merely
    # mention the word.
    soegeord = (gruppe or omr).get("soegeord", [])
    tags = [f"tags: [{', '.join(front_matter_vaerdi(o) for o in soegeord)}]"] if soegeord else []
    linjer = ["---", f"title: {front_matter_vaerdi(titel)}", *tags, "---", "", f"# {tekst(titel)}", "",
              " · ".join(filter(None, [samlet_gyldighed(standarder), ogsaa_kaldet(omr, gruppe)])),
              "{ .kvh-meta }", ""]
    if gruppe:
        linjer += [f"Gruppe i området [{tekst(omr['titel'])}]({rel(sti, omraade_sti(omr['id']))}).", ""]
    elif omr["titel_kilde"] == "redaktionel":
        linjer += ['!!! note "Redaktionel overskrift"', f"    {tekst(omr['rettelse'])}", ""]
    linjer += ["| Nr. | Standard | Frist for afgørelse | Lovgrundlag |", "| ---: | --- | --- | --- |"]
    for s in standarder:
        linjer.append(f"| {s['nummer']} | [{tekst(s['titel'])}]({rel(sti, standard_sti(s.id))}) | "
                      f"{tekst(kort_frist(katalog, s.id) or '–')} | {tekst(s['lovgrundlag']['tekst'])} |")
    return "\n".join(linjer) + "\n"
