"""One page per law paragraph listing the standards that rest on it, and an index of them."""
from __future__ import annotations

import re
from typing import Any

from ..begreber import lov_navn
from ..catalogue import Katalog, Standard
from ..datotekst import samlet_gyldighed
from ..markdown import Side, front_matter_vaerdi, html_tekst, tekst
from ..stier import bilag_sti, lov_anker, lov_sti, rel, standard_sti


def lovgrundlag_sider(katalog: Katalog) -> tuple[list[Side], list[Any]]:
    """One page per law paragraph listing the standards that rest on it, and an index."""
    grupper: dict[str, tuple[dict, list[Standard]]] = {}
    for s in katalog.standarder:
        for h in s["lovgrundlag"]["henvisninger"]:
            if "lov" in h:
                _, liste = grupper.setdefault(lov_sti(h), (h, []))
                if s not in liste:
                    liste.append(s)
    orden = sorted(grupper.items(), key=lambda kv: (kv[1][0]["lov"], _paragraf_orden(kv[1][0])))
    sider, nav = [], [lov_sti()]
    indeks = ["---", "title: Lovgrundlag", "---", "", "# Lovgrundlag", "",
              samlet_gyldighed(katalog.standarder), "{ .kvh-meta }", "",
              "Standarderne samlet efter den lovparagraf, de hviler på. Lovteksten står i "
              f"[Bilag 1: Lovgrundlag]({rel(lov_sti(), bilag_sti(1))}).", "",
              "| Lov og paragraf | Standarder |", "| --- | ---: |"]
    for sti, (h, standarder) in orden:
        navn = lov_navn(h)
        indeks.append(f"| [{tekst(navn)}]({rel(lov_sti(), sti)}) | {len(standarder)} |")
        linjer = ["---", f"title: {front_matter_vaerdi(navn)}", "---", "", f"# {tekst(navn)}", "",
                  samlet_gyldighed(standarder), "{ .kvh-meta }", ""]
        lovtekst = katalog.lovtekst(h["lov"], h.get("paragraf"))
        if lovtekst:
            a, z = lovtekst["linjer"]
            linjer += ["## Lovteksten", "", tekst(lovtekst["tekst"]).strip(), "",
                       f"Fra [Bilag 1: Lovgrundlag]({rel(sti, bilag_sti(1))}#{lov_anker(lovtekst)}), "
                       f"linje {a}–{z} i kildeteksten.", "{ .kvh-meta }", ""]
        else:
            linjer += ['!!! info "Lovteksten er ikke gengivet"',
                       f"    Bilag 1 i kildeteksten gengiver ikke teksten til {tekst(navn)}.", ""]
        linjer += ["## Standarder", "", f"Standarder, der hviler på {tekst(navn)}:", "",
                  "| Nr. | Standard | Lovgrundlag som skrevet i standarden |", "| ---: | --- | --- |"]
        for s in standarder:
            linjer.append(f"| {s['nummer']} | [{tekst(s['titel'])}]({rel(sti, standard_sti(s.id))}) | "
                          f"{tekst(s['lovgrundlag']['tekst'])} |")
        sider.append(Side(sti, "\n".join(linjer) + "\n"))
        nav.append({html_tekst(navn): sti})
    sider.append(Side(lov_sti(), "\n".join(indeks) + "\n"))
    return sider, nav


def _paragraf_orden(h: dict) -> tuple[int, str]:
    m = re.match(r"(\d+)\s*([a-z]?)", h.get("paragraf", "0"))
    return int(m.group(1)), m.group(2)
