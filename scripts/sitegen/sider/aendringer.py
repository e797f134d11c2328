""""Hvad er ændret": the page that shows what differs from the previous edition
(the comparison itself is sitegen.aendringer)."""
from __future__ import annotations

import difflib
from typing import Any

from ..aendringer import Aendringer
from ..datotekst import dansk_dato
from ..markdown import tekst
from ..stier import REFORM_STI, rel, standard_sti

FELTNAVNE = {
    "titel": "Titel", "titel_kilde": "Titlens oprindelse", "omraade": "Område", "gruppe": "Gruppe",
    "gyldig_fra": "Gældende fra", "gyldig_til": "Gældende til", "lovgrundlag": "Lovgrundlag",
    "formaal": "Formål", "kriterier": "Kriterier for bevilling", "indhold": "Indsatsen kan indeholde",
    "leverandoer": "Leverandør", "kompetencekrav": "Kompetencekrav til udfører",
    "bemaerkninger": "Bemærkninger", "yderligere_information": "Yderligere information",
    "beregnere": "Beregnere", "nummer": "Nummer", "kilde": "Kilde i kildeteksten",
    "rettelser": "Rettelser af kildeteksten",
}
# Bookkeeping that changes with every re-extraction and says nothing to a reader.


def side_markdown(a: Aendringer | None, beskrivelse: str | None, titler: dict[str, str],
                  reform: bool = False) -> str:
    """The page; with `reform` (catalogue/reform.yaml exists) it also points to what the
    health reform of 2027 changes."""
    md = _side_markdown(a, beskrivelse, titler)
    if not reform:
        return md
    sti = "om/hvad-er-aendret.md"
    afsnit = ('!!! info "Sundhedsreformen 2027"\n'
              "    Sundhedsreformen flytter opgaver fra kommunerne til regionerne fra 1. januar 2027. "
              f"Hvilke standarder og bilag det rører, og hvor sikkert det er, står på siden "
              f"[Sundhedsreformen 2027 i håndbogen]({rel(sti, REFORM_STI)}).\n\n")
    return md.replace("# Hvad er ændret\n\n", "# Hvad er ændret\n\n" + afsnit, 1)


def _side_markdown(a: Aendringer | None, beskrivelse: str | None, titler: dict[str, str]) -> str:
    sti = "om/hvad-er-aendret.md"
    l = ["---", "title: Hvad er ændret", "---", "", "# Hvad er ændret", ""]
    if a is None:
        return "\n".join(l + ["Denne udgave af håndbogen er ikke sammenlignet med en tidligere udgave.", ""]) + "\n"
    l += [f"Ændringer i forhold til {beskrivelse}: standarder, der er kommet til eller udgået, "
          "ændrede felter og ændrede satser.", ""]
    if a.tom:
        return "\n".join(l + ["Der er ingen ændringer.", ""]) + "\n"
    if a.tilfoejet:
        l += ["## Nye standarder", ""]
        l += [f"- [{tekst(s['titel'])}]({rel(sti, standard_sti(s['id']))}) (nr. {s['nummer']}, gældende fra "
              f"{dansk_dato(s['gyldig_fra'])})" for s in a.tilfoejet]
        l.append("")
    if a.fjernet:
        l += ["## Udgåede standarder", ""]
        l += [f"- {tekst(s['titel'])} (nr. {s['nummer']})" for s in a.fjernet]
        l.append("")
    if a.aendret:
        l += ["## Ændrede standarder", ""]
        for s, felter in a.aendret:
            l += [f"### [{tekst(s['titel'])}]({rel(sti, standard_sti(s['id']))})", ""]
            for f in felter:
                l += [f"**{FELTNAVNE.get(f.felt, f.felt)}**", ""] + _felt_diff(f.foer, f.nu) + [""]
    if a.satser:
        l += ["## Ændrede satser", "", "| Sats | Ændring | Før | Nu |", "| --- | --- | --- | --- |"]
        for sats_id, hvad, foer, nu in a.satser:
            l.append(f"| `{sats_id}` | {hvad} | {_sats_tekst(foer)} | {_sats_tekst(nu)} |")
        l.append("")
    return "\n".join(l) + "\n"


def _som_tekst(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, dict):
        dele = [v.get("tekst", "")] if "tekst" in v else []
        for k, x in v.items():
            if k not in ("tekst", "linjer"):
                dele.append(f"{k}: {_som_tekst(x)}")
        return " ".join(d for d in dele if d)
    if isinstance(v, list):
        return "; ".join(_som_tekst(x) for x in v)
    return str(v)


def _felt_diff(foer: Any, nu: Any) -> list[str]:
    """The changed words, with a few words of context, as 'Før' and 'Nu'."""
    a, b = _som_tekst(foer).split(), _som_tekst(nu).split()
    if not a:
        return [f"Tilføjet: {tekst(' '.join(b))}"]
    if not b:
        return [f"Fjernet: {tekst(' '.join(a))}"]
    ud = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        foran, bagved = tekst(" ".join(a[max(0, i1 - 6):i1])), tekst(" ".join(a[i2:i2 + 6]))
        gammel, ny = tekst(" ".join(a[i1:i2])), tekst(" ".join(b[j1:j2]))
        if op == "insert":
            ud.append(f"- Tilføjet: …{foran} <ins>{ny}</ins> {bagved}…")
        elif op == "delete":
            ud.append(f"- Fjernet: …{foran} <del>{gammel}</del> {bagved}…")
        else:
            ud.append(f"- Før: …{foran} <del>{gammel}</del> {bagved}…  \n"
                      f"  Nu: …{foran} <ins>{ny}</ins> {bagved}…")
    return ud


def _sats_tekst(v: Any) -> str:
    if not v:
        return "–"
    return "<br>".join(f"{'mangler' if x is None else x} fra {fra}" + (f" til {til}" if til else "")
                       for fra, til, x in v)
