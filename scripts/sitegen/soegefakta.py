"""What a search result says about each page, from the catalogue: its kind, a standard's
number and area, and the editorial search words (`soegeord`) of standards and areas."""
from __future__ import annotations

from .catalogue import Katalog
from .soegeindeks import Sidefakta
from .stier import bilag_sti, omraade_sti, standard_sti


def url(sti: str) -> str:
    """The site-relative URL of a page's src_uri: "standarder/x.md" -> "/standarder/x/"."""
    sti = sti.removesuffix(".md").removesuffix("index")
    return "/" + (sti if not sti or sti.endswith("/") else sti + "/")


def sidefakta(katalog: Katalog) -> dict[str, Sidefakta]:
    fakta: dict[str, Sidefakta] = {}
    for omr in katalog.omraader:
        fakta[url(omraade_sti(omr["id"]))] = Sidefakta(type="Område", soegeord=tuple(omr.get("soegeord", ())))
        for g in omr.get("grupper", []):
            fakta[url(omraade_sti(omr["id"], g["id"]))] = Sidefakta(
                type="Område", omraade=omr["titel"], soegeord=tuple(g.get("soegeord", ())))
    for s in katalog.standarder:
        fakta[url(standard_sti(s.id))] = Sidefakta(type="Standard", nummer=str(s["nummer"]),
                                                   omraade=katalog.omraade(s["omraade"])["titel"],
                                                   soegeord=tuple(s.get("soegeord", ())))
    for n in katalog.bilag:
        fakta[url(bilag_sti(n))] = Sidefakta(type="Bilag")
    return fakta
