"""The "Tidsfrister" section of a standard's page, from Bilag 4 (catalogue/frister.yaml).

`frister_afsnit(katalog, standard_id, sti)` returns Markdown lines: a small table with the
rows of Bilag 4 that apply to the standard (type of application, the decision deadline and
the start deadline, in Bilag 4's own words), the citizen's own deadlines for it, any
ambiguity the data records, and a link to Bilag 4. [] when no row names the standard.
"""
from __future__ import annotations

from datetime import date

from calculators.frister import raekke_navn

from ..catalogue import Katalog
from ..forms import formular
from ..markdown import tekst
from ..stier import bilag_sti, rel, standard_sti

BILAG = 4
INGEN = "–"


def celle(t: str | None) -> str:
    """A table cell of Bilag 4's words (escaped), or "–". A line may break after a "/":
    "hjælpemidler/forbrugsgoder" made a standard's first column so wide that the last one was
    cut off on a phone."""
    if not t:
        return INGEN
    return tekst(" ".join(t.split())).replace("|", "\\|").replace("/", "/<wbr>")


def frister_afsnit(katalog: Katalog, standard_id: str, sti: str) -> list[str]:
    data = katalog.data.get("frister")
    if not data:
        return []
    alle = {r["id"]: r for r in data.get("frister", [])}
    raekker = [r for r in data.get("frister", []) if standard_id in r.get("standarder", [])]
    borger = [r for r in data.get("borgerens_frister", []) if standard_id in r.get("standarder", [])]
    if not raekker and not borger:
        return []

    link = rel(sti, bilag_sti(BILAG))
    bilag_titel = katalog.bilag.get(BILAG, {}).get("titel", "Tidsfrister")
    ud = ["## Tidsfrister", ""]
    if raekker:
        kol = data["kolonner"]
        ud += ["Frister fra Bilag 4, med bilagets egne ord. Tidsfristerne er de maksimale "
               "sagsbehandlingstider.", "",
               f"| Ved ansøgning om | {celle(kol['afgoerelse']['tekst'])} | {celle(kol['start']['tekst'])} |",
               "| --- | --- | --- |"]
        for r in raekker:
            ud.append(f"| {celle(raekke_navn(r, alle))} | {celle((r.get('afgoerelse') or {}).get('tekst'))} "
                      f"| {celle((r.get('start') or {}).get('tekst'))} |")
        ud.append("")
        if any(r["id"] == "oevrige" for r in raekker):
            ud += ["Bilag 4 har ingen særskilt række for denne indsats, så den generelle "
                   "sagsbehandlingstid gælder.", ""]
    if borger:
        bk = data.get("borgerens_kolonner") or {}
        navne = [celle((bk.get(k) or {}).get("tekst") or n) for k, n in (
            ("ansoegning", "Ved ansøgning om"), ("paragraffer", "Hvilke paragraffer"),
            ("kommentar", "Kommentar"), ("frist", "Frist"))]
        ud += ["Tidsfrister for borgeren:", "", "| " + " | ".join(navne) + " |", "| --- | --- | --- | --- |"]
        for r in borger:
            # A sub-row has empty first cells, as printed.
            ud.append(f"| {celle((r.get('titel') or {}).get('tekst')) if r.get('titel') else ''} "
                      f"| {celle((r.get('lovgrundlag') or {}).get('tekst')) if not r.get('under') else ''} "
                      f"| {celle(r['kommentar']['tekst'])} | {celle((r.get('frist') or {}).get('tekst'))} |")
        ud.append("")
    bemaerkninger = dict.fromkeys(" ".join(u["tekst"].split())
                                  for r in raekker + borger for u in r.get("uafklaret", []))
    for b in bemaerkninger:
        ud += [f"Bemærk: {tekst(b)}", ""]
    ud += [f"Kilde: [Bilag {BILAG}: {tekst(bilag_titel)}]({link}).", ""]
    if raekker:
        # Each link presets the calculator's type of application (read by beregner.js).
        if len(raekker) == 1:
            ud += [f"Vil du kende datoerne for en bestemt ansøgning? Brug [fristberegneren i Bilag {BILAG}]"
                   f"({link}?ansoegningstype={raekker[0]['id']}#frister-titel).", ""]
        else:
            ud += [f"Vil du kende datoerne for en bestemt ansøgning? Brug fristberegneren i Bilag {BILAG} for:", ""]
            ud += [f"- [{celle(raekke_navn(r, alle))}]({link}?ansoegningstype={r['id']}#frister-titel)"
                   for r in raekker]
            ud.append("")
    return ud


def frister_kildelinjer(katalog: Katalog, standard_id: str) -> str:
    """'linje 11754–11763, 11800' — where a standard's rows stand in Bilag 4 ("" if none)."""
    data = katalog.data.get("frister") or {}
    raekker = [r for noegle in ("frister", "borgerens_frister") for r in data.get(noegle, [])
               if standard_id in r.get("standarder", [])]
    if not raekker:
        return ""
    return "linje " + ", ".join(_linjer(*r["linjer"]) for r in raekker)


def _linjer(fra: int, til: int) -> str:
    return str(fra) if fra == til else f"{fra}–{til}"


ENHEDER = {"arbejdsdage": ("arbejdsdag", "arbejdsdage"), "dage": ("dag", "dage"), "uger": ("uge", "uger"),
           "maaneder": ("måned", "måneder"), "aar": ("år", "år")}


def kort_frist(katalog: Katalog, standard_id: str, kolonne: str = "afgoerelse") -> str:
    """The decision deadline (or, with kolonne="start", the deadline from decision to
    start) of a standard in a few words, for the overview table and the quick facts
    ("10 arbejdsdage", "Straks", "5 arbejdsdage / 1 arbejdsdag"), from the first row of
    Bilag 4 that names it (the page shows all of them); "" when Bilag 4 has no row."""
    data = katalog.data.get("frister") or {}
    raekker = [r for r in data.get("frister", []) if standard_id in r.get("standarder", [])
               and not r.get("under")][:1]
    dele: list[str] = []
    for r in raekker:
        for f in (r.get(kolonne) or {}).get("frister", []):
            if f["enhed"] == "straks":
                dele.append("Straks")
            elif f["enhed"] == "samme_dag":
                dele.append("Samme dag")
            else:
                en, flere = ENHEDER[f["enhed"]]
                dele.append(f"{f['antal']} {en if f['antal'] == 1 else flere}")
        if not (r.get(kolonne) or {}).get("frister") and r.get(kolonne):
            dele.append("Se standarden")
    return " / ".join(dict.fromkeys(dele))


def bilag4_indhold(katalog: Katalog, beskrivelser: dict, beregner_katalog) -> list[str]:
    """The body of the Bilag 4 page: the whole table of deadlines in the appendix's own words,
    the citizen's deadlines, and the deadline calculator."""
    data = katalog.data.get("frister")
    if not data:
        return []
    sti = bilag_sti(BILAG)
    alle = {r["id"]: r for r in data.get("frister", [])}
    titler = {s.id: s["titel"] for s in katalog.standarder}

    kol = data["kolonner"]
    ud = []
    if data.get("indledning"):
        ud += [tekst(data["indledning"]["tekst"]).strip(), "",
               f"*Bilagets indledning, linje {_linjer(*data['indledning']['linjer'])} i kildeteksten.*", ""]
    ud += ["Tabellen er Bilag 4's skema over tidsfrister, gengivet som data: hver række med "
           "bilagets egne ord og linjer i kildeteksten, og de standarder, rækken gælder for. "
           "En underrække (fx \"Ny leverandør\") står under den række, den hører til, med sine egne celler.", ""]
    if "frister" in beskrivelser:
        ud += [formular(beskrivelser["frister"], {}, beregner_katalog, date(2025, 1, 1)), ""]
    overskrift = (data.get("overskrift") or {}).get("tekst") or "Sagsbehandlingsfrister"
    ud += [f"## {tekst(overskrift)}", "",
           f"| {celle((kol.get('ansoegning') or {}).get('tekst') or 'Ved ansøgning om')} "
           f"| {celle((kol.get('lov') or {}).get('tekst') or 'Hvilken lov og §')} "
           f"| {celle(kol['afgoerelse']['tekst'])} | {celle(kol['start']['tekst'])} "
           "| Standarder | Linjer |", "| --- | --- | --- | --- | --- | ---: |"]
    for r in data.get("frister", []):
        std = ", ".join(f"[{tekst(titler[s])}]({rel(sti, standard_sti(s))})"
                        for s in r.get("standarder", []) if s in titler) or INGEN
        # The table as printed: a row's own first cell (a sub-row under its parent, marked ↳)
        # and the law column; the general rule (R-B4-0) is the introduction's sentence.
        navn = (r.get("visningsnavn") if r["id"] == "oevrige" else
                ("↳ " if r.get("under") else "") + r["titel"]["tekst"])
        lov = (r.get("lovgrundlag") or {}).get("tekst")
        ud.append(f"| {celle(navn)} | {celle(lov) if lov else ''} "
                  f"| {celle((r.get('afgoerelse') or {}).get('tekst'))} | "
                  f"{celle((r.get('start') or {}).get('tekst'))} | {std} | {_linjer(*r['linjer'])} |")
    ud.append("")
    if data.get("borgerens_frister"):
        bk = data.get("borgerens_kolonner") or {}
        navne = [celle((bk.get(k) or {}).get("tekst") or n) for k, n in (
            ("ansoegning", "Ved ansøgning om"), ("paragraffer", "Hvilke paragraffer"),
            ("kommentar", "Kommentar"), ("frist", "Frist"))]
        overskrift = (data.get("borgerens_overskrift") or {}).get("tekst") or "Tidsfrister for borgeren"
        ud += [f"## {tekst(overskrift)}", "", "| " + " | ".join(navne) + " | Linjer |",
               "| --- | --- | --- | --- | ---: |"]
        for r in data["borgerens_frister"]:
            lov = (r.get("lovgrundlag") or {}).get("tekst")
            ud.append(f"| {celle(r['titel']['tekst']) if r.get('titel') else ''} | {celle(lov) if lov else ''} "
                      f"| {celle(r['kommentar']['tekst'])} | "
                      f"{celle((r.get('frist') or {}).get('tekst'))} | {_linjer(*r['linjer'])} |")
        ud.append("")
    bemaerkninger = dict.fromkeys(" ".join(u["tekst"].split())
                                  for r in data.get("frister", []) + data.get("borgerens_frister", [])
                                  for u in r.get("uafklaret", []))
    if bemaerkninger:
        ud += ["## Uklarheder i bilaget", ""] + [f"- {tekst(b)}" for b in bemaerkninger] + [""]
    return ud
