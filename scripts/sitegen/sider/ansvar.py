"""Pages on who is responsible for aids and treatment devices, the region or the kommune.

Built from catalogue/ansvar.yaml (the four source texts 000, 001, 002 and 004 in ../shared/seeds/):
  ansvar/index.md           the navigator: what it does and does not do, the calculator form (if the
                            calculator exists), every open question (F1–F20) and the sources
  ansvar/kategorier.md      the categories of the afgrænsningscirkulære with examples and who does what
  ansvar/kompression.md     the political agreement on compression products
  ansvar/nordjylland.md     Region Nordjylland's agreement: an example, not Gladsaxe's own
  ansvar/sundhedsreform.md  the health reform: timeline, tasks moving in 2027, co-financing, councils
Every quote is shown as source text (escaped) with its document and lines.
"""
from __future__ import annotations

import re
from typing import Any

from datetime import date

import calculators
from calculators.katalog import fra_data

from ..catalogue import Katalog
from ..datotekst import dansk_dato
from ..export import katalog_data
from ..forms import formular
from ..markdown import Side, front_matter_vaerdi, om_teksten, tekst
from ..stier import REFORM_STI, rel
from .reform import navigator_notits, reform_anker

INDEX = "ansvar/index.md"
KATEGORIER = "ansvar/kategorier.md"
KOMPRESSION = "ansvar/kompression.md"
NORDJYLLAND = "ansvar/nordjylland.md"
SUNDHEDSREFORM = "ansvar/sundhedsreform.md"

ROLLER = {
    "vurderer": "Vurderer", "myndighed": "Har myndighedsansvaret", "leverer": "Leverer",
    "anskaffer": "Anskaffer", "betaler": "Betaler", "instruerer": "Instruerer",
}

TITLER = {
    INDEX: "Region eller kommune – hvem har ansvaret?",
    KATEGORIER: "Kategorier af behandlingsredskaber og hjælpemidler",
    KOMPRESSION: "Kompressionsprodukter: region eller kommune",
    NORDJYLLAND: "Eksempel: Region Nordjyllands samarbejdsaftale",
    SUNDHEDSREFORM: "Sundhedsreformen: det ændrer sig fra 2027",
}


def ansvar_sider(katalog: Katalog, idag: date) -> tuple[list[Side], list[Any]]:
    """The five pages and their navigation (the index page first, as for an area)."""
    data = katalog.data.get("ansvar")
    if not data:
        return [], []
    sider = [
        Side(INDEX, _index(data, katalog, idag)),
        Side(KATEGORIER, _kategorier(data, katalog, idag)),
        Side(KOMPRESSION, _kompression(data)),
        Side(NORDJYLLAND, _nordjylland(data)),
        Side(SUNDHEDSREFORM, _sundhedsreform(data, katalog)),
    ]
    nav = [INDEX] + [{TITLER[s]: s} for s in (KATEGORIER, KOMPRESSION, NORDJYLLAND, SUNDHEDSREFORM)]
    return sider, nav


# --- Building blocks ------------------------------------------------------------------------------

def _dokumenter(data: dict) -> dict[str, dict]:
    return {d["fil"]: d for d in data["dokumenter"]}


def _linjer(linjer: list[int]) -> str:
    a, b = linjer
    return f"linje {a}" if a == b else f"linje {a}–{b}"


def _kort_navn(data: dict, fil: str) -> str:
    """A document's name in a table cell: its title only."""
    return f"*{tekst(_dokumenter(data)[fil]['titel'])}*"


def _kilde_navn(data: dict, fil: str) -> str:
    """A document's name in running text: its title, and whether the title is the editor's."""
    redaktionel = _dokumenter(data)[fil]["titel_kilde"] == "redaktionel"
    return _kort_navn(data, fil) + (" (teksten har ingen titel; titlen er redaktionens)" if redaktionel else "")


def _kildelinje(data: dict, fil: str, linjer: list[int]) -> list[str]:
    return [f"Kilde: {_kilde_navn(data, fil)}, {_linjer(linjer)}.", "{ .kvh-meta }", ""]


def _citat(t: str) -> list[str]:
    """A quote as a block quote; each source line (list item) its own paragraph, numbers kept as text."""
    ud: list[str] = []
    for linje in t.strip().splitlines():
        linje = re.sub(r"^(\d+)\. ", r"\1\\. ", tekst(linje.strip()))
        if ud:
            ud.append(">")
        ud.append(f"> {linje}")
    return ud


def _celle(t: str) -> str:
    return "<br>".join(tekst(d.strip()).replace("|", "\\|") for d in t.strip().splitlines() if d.strip()) or " "


def _tidspunkt(dato: str) -> str:
    if len(dato) == 10:
        return dansk_dato(dato)
    if len(dato) == 7:
        aar, md = dato.split("-")
        return f"{dansk_dato(f'{aar}-{md}-01').split(' ', 1)[1]}"
    return dato


def _uafklaret_links(fra: str, ids: list[str], data: dict) -> list[str]:
    if not ids:
        return []
    titler = {u["id"]: u["titel"] for u in data["uafklaret"]}
    links = [f"[{i}: {tekst(titler[i])}]({rel(fra, INDEX)}#{i.lower()})" for i in ids]
    return ['!!! question "Kilderne er uklare her"', "    Se " + "; ".join(links) + ".", ""]


def _front(sti: str, meta: list[str] | None = None) -> list[str]:
    return ["---", f"title: {front_matter_vaerdi(TITLER[sti])}", "---", "", f"# {tekst(TITLER[sti])}", ""] + (meta or [])


# --- ansvar/index.md ---------------------------------------------------------------------------------

def _index(data: dict, katalog: Katalog, idag: date) -> str:
    s = INDEX
    l = _front(s)
    l += [
        "Når en borger har brug for et hjælpemiddel eller et behandlingsredskab, er det ikke altid "
        "klart, om det er regionen (sygehuset) eller kommunen, der skal vurdere behovet, levere og "
        "betale. Disse sider samler, hvad kilderne siger om det, med kildens egne ord og linjenumre.", "",
        "## Hvad siderne gør", "",
        "- De viser de kategorier, som afgrænsningscirkulæret deler hjælpemidler og "
        "behandlingsredskaber i, med eksempler og med hvem der vurderer, leverer og betaler – "
        f"kun hvor kilden siger det ([kategorierne]({rel(s, KATEGORIER)})).",
        f"- De viser aftalen om kompressionsprodukter ([kompressionsprodukter]({rel(s, KOMPRESSION)})).",
        "- De viser Region Nordjyllands samarbejdsaftale som et eksempel på, hvordan en region og "
        f"kommuner kan dele instruktion, reparation, levering og betaling ([eksemplet]({rel(s, NORDJYLLAND)})).",
        "- De viser, hvad der ændrer sig med sundhedsreformen fra 1. januar 2027 "
        f"([sundhedsreformen]({rel(s, SUNDHEDSREFORM)})).",
        "- De siger tydeligt, hvor kilderne er tavse eller strider mod hinanden (se "
        "[uafklarede spørgsmål](#uafklarede-sporgsmaal)).", "",
        "## Hvad siderne ikke gør", "",
        "- De træffer ikke afgørelse. Regionen og kommunen vurderer altid den enkelte borgers behov.",
        "- De er ikke Gladsaxe Kommunes aftale med Region Hovedstaden. Den aftale er ikke blandt "
        "kilderne. Region Nordjyllands aftale er kun et eksempel.",
        "- Kilderne er ikke holdt op mod den gældende lovgivning. Love, bekendtgørelser og cirkulærer "
        "står, som kilderne nævner dem.",
        "- Reglerne er ved at blive ændret: en ny model for ansvaret for behandlingsredskaber og "
        "hjælpemidler er på vej, og sundhedsreformen flytter opgaver fra 2027.", "",
    ]
    l += _formular(katalog, idag)
    l += ["## Uafklarede spørgsmål { #uafklarede-sporgsmaal }", "",
          "Her er kilderne tavse, eller de siger forskellige ting. Siderne gætter ikke; de viser, "
          "hvad der står.", ""]
    for u in data["uafklaret"]:
        l += [f"### {u['id']}: {tekst(u['titel'])} {{ #{u['id'].lower()} }}", "",
              tekst(" ".join(u["forklaring"].split())), ""]
        for k in u["kilder"]:
            l += _citat(k["citat"]) + ["", f"{_kilde_navn(data, k['dokument'])}, {_linjer(k['linjer'])}.",
                                       "{ .kvh-meta }", ""]
    l += ["## Kilder", "", "Siderne bygger på disse fire tekster (linjenumrene henviser til dem):", ""]
    for d in data["dokumenter"]:
        titel = tekst(d["titel"]) + (" (redaktionel titel)" if d["titel_kilde"] == "redaktionel" else "")
        l.append(f"- *{titel}* – {tekst(d['afsender'])}")
    l.append("")
    l += om_teksten(["Teksterne er udtrukket af PDF-filer; i håndbogens kildemappe hedder de:", ""]
                    + [f"- *{tekst(d['titel'])}*: {tekst(d['fil'])}" for d in data["dokumenter"]])
    return "\n".join(l) + "\n"


def _formular(katalog: Katalog, idag: date) -> list[str]:
    """The navigator's form, only once the calculator `ansvar` exists."""
    if "ansvar" not in calculators.BEREGNERE:
        return []
    beskrivelser = {b["id"]: b for b in calculators.alle()}
    return [formular(beskrivelser["ansvar"], {}, fra_data(katalog_data(katalog)), idag), ""]


# --- ansvar/kategorier.md -----------------------------------------------------------------------------

def _anker(kategori_id: str) -> str:
    return "kategori-" + kategori_id.replace(".", "-")


def _kategorier(data: dict, katalog: Katalog, idag: date) -> str:
    s = KATEGORIER
    fil = data["kategorier"][0]["dokument"]
    l = _front(s, _kildelinje(data, fil, [1, 218]))
    l += [
        "Afgrænsningscirkulæret skelner mellem behandlingsredskaber, som regionen (hospitalerne) har "
        "ansvaret for, hjælpemidler, som kommunen har ansvaret for, og redskaber og hjælpemidler ved "
        "genoptræning. Her står hver kategori med kildens egne ord (i citat), kildens eksempler, og "
        "hvem der vurderer, leverer og betaler – men kun hvor kilden siger det. Overskriften efter "
        "kategoriens nummer er redaktionens korte beskrivelse.", "",
        f"Se også [forklaringen på siderne]({rel(s, INDEX)}) og de [uafklarede spørgsmål]"
        f"({rel(s, INDEX)}#uafklarede-sporgsmaal).", "",
        "## Oversigt", "",
        "| Kategori | Hvad | Vurderer | Leverer | Betaler |", "| --- | --- | --- | --- | --- |",
    ]
    for k in data["kategorier"]:
        def hvem(*roller: str) -> str:
            fundne = [a["hvem"] for a in k["ansvar"] if a["rolle"] in roller]
            return _celle("\n".join(dict.fromkeys(fundne))) if fundne else "*Kilden siger det ikke*"
        l.append(f"| [{tekst(k['titel'])}](#{_anker(k['id'])}) | {_celle(k['emne'])} | "
                 f"{hvem('vurderer', 'myndighed')} | {hvem('leverer', 'anskaffer')} | {hvem('betaler')} |")
    l.append("")
    hoved = {h["id"]: h for h in data["hovedkategorier"]}
    vist: set[str] = set()
    for k in data["kategorier"]:
        h = hoved.get(k.get("hovedkategori"))
        if h and h["id"] not in vist:
            vist.add(h["id"])
            l += [f"## {tekst(h['titel'])} {{ #hovedkategori-{h['id']} }}", "",
                  f"Cirkulærets oversigt ({_linjer(h['overblik']['linjer'])}):", ""]
            l += _citat(h["overblik"]["citat"]) + [""]
            if h.get("finansiering"):
                l += [f"Om finansieringen ({_linjer(h['finansiering']['linjer'])}):", ""]
                l += _citat(h["finansiering"]["citat"]) + [""]
            l += [f"Overskriften står i {_linjer(h['linjer'])}.", "{ .kvh-meta }", ""]
        if h:
            l += [f"### Kategori {tekst(k['id'])} – {tekst(k['emne'])} {{ #{_anker(k['id'])} }}", ""]
        else:
            l += [f"## {tekst(k['titel'])} – {tekst(k['emne'])} {{ #{_anker(k['id'])} }}", ""]
        l += navigator_notits(katalog, idag, k["id"], s)
        for b in k["beskrivelse"]:
            if b.get("emne"):
                l += [f"**{tekst(b['emne'])}** ({_linjer(b['linjer'])}):", ""]
            l += _citat(b["tekst"]) + ["", f"{_linjer(b['linjer']).capitalize()}.", "{ .kvh-meta }", ""]
        if k.get("eksempler"):
            e = k["eksempler"]
            l += [f"**Kildens eksempler** ({_linjer(e['linjer'])}): " + ", ".join(tekst(p) for p in e["punkter"]) + ".", ""]
        l += ["**Hvem gør hvad**", "", "| Rolle | Hvem | Kildens ord | Kilde |", "| --- | --- | --- | --- |"]
        for a in k["ansvar"]:
            dok = a.get("dokument", k["dokument"])
            kilde = _linjer(a["linjer"]) + ("" if dok == k["dokument"] else f" i {_kort_navn(data, dok)}")
            l.append(f"| {ROLLER[a['rolle']]} | {_celle(a['hvem'])} | «{_celle(a['citat'])}» | {kilde} |")
        mangler = [navn for rolle, navn in (("vurderer", "hvem der vurderer behovet"),
                                            ("leverer", "hvem der leverer"), ("betaler", "hvem der betaler"))
                   if not any(a["rolle"] == rolle or (rolle, a["rolle"]) in {("vurderer", "myndighed"),
                                                                              ("leverer", "anskaffer")}
                              for a in k["ansvar"])]
        l.append("")
        if mangler:
            l += [f"Kilden siger ikke udtrykkeligt, {' eller '.join(mangler)} i denne kategori.", ""]
        l += _uafklaret_links(s, k.get("uafklaret", []), data)
        l += [f"Kategorien står i {_kilde_navn(data, k['dokument'])}, {_linjer(k['linjer'])}.", "{ .kvh-meta }", ""]
    return "\n".join(l) + "\n"


# --- ansvar/kompression.md ----------------------------------------------------------------------------

def _punkt(sti: str, data: dict, p: dict, fil: str, anker: str | None = None) -> list[str]:
    l = [f"### {tekst(p['emne'])}" + (f" {{ #{anker} }}" if anker else ""), ""]
    if p.get("hvem"):
        l += [f"**Hvem:** {tekst(p['hvem'])}", ""]
    l += _citat(p["citat"]) + ["", f"{_kilde_navn(data, p.get('dokument', fil))}, {_linjer(p['linjer'])}.",
                               "{ .kvh-meta }", ""]
    return l + _uafklaret_links(sti, p.get("uafklaret", []), data)


def _kompression(data: dict) -> str:
    s = KOMPRESSION
    k = data["kompression"]
    l = _front(s, _kildelinje(data, k["dokument"], k["linjer"]))
    l += [
        f"{tekst(k['parter']['citat'])} har indgået en politisk aftale om, hvem der udleverer "
        "kompressionsprodukter. Kort sagt: regionen udleverer et års forbrug, når sygehusbehandlingen "
        "slutter, og forsyner, så længe behandlingen varer. Er borgerens funktionsevne varigt nedsat, "
        "går forsyningen over til kommunen efter et år, og kommunen vurderer efter servicelovens § 112. "
        "Nedenfor står aftalens punkter med dens egne ord. Overskrifterne er redaktionens.", "",
        '!!! note "Aftalen gælder ikke fuldt ud endnu"',
        "    Dele af aftalen gælder først, når det juridiske grundlag er på plads, og aftalen gælder, "
        "indtil en ny model for ansvaret er trådt i kraft. Aftalen siger ikke, hvilke dele det er.", "",
        f"Se også [kategorierne]({rel(s, KATEGORIER)}) og [forklaringen på siderne]({rel(s, INDEX)}).", "",
        "## Aftalens punkter", "",
    ]
    for p in k["punkter"]:
        l += _punkt(s, data, p, k["dokument"])
    if k.get("baggrund"):
        l += ["## Baggrund i aftalen", ""]
        for p in k["baggrund"]:
            l += _punkt(s, data, p, k["dokument"])
    return "\n".join(l) + "\n"


# --- ansvar/nordjylland.md ----------------------------------------------------------------------------

def _nordjylland(data: dict) -> str:
    s = NORDJYLLAND
    n = data["nordjylland"]
    l = _front(s)
    l += ['!!! warning "Et eksempel fra en anden region – ikke Gladsaxes aftale"',
          "    " + tekst(" ".join(n["bemaerkning"].split())), ""]
    l += _kildelinje(data, n["dokument"], n["linjer"])
    l += [f"Aftalen hører til sundhedsaftalen for perioden 2015–2018 (kildens ord: «{tekst(n['periode']['citat'])}», "
          f"{_linjer(n['periode']['linjer'])}).", ""]
    if n.get("formaal"):
        l += ["## Formål", ""] + _citat(n["formaal"]["citat"]) + ["", _linjer(n["formaal"]["linjer"]).capitalize() + ".",
                                                                 "{ .kvh-meta }", ""]
    l += ["Aftalen deler ansvaret mellem regionen og kommunerne. Her er dens regler om vurdering, "
          "instruktion, vedligeholdelse og reparation, levering og betaling. Kolonnen «Hvem» er "
          "redaktionens sammenfatning; «Aftalens ord» er citat.", ""]
    for e in n["emner"]:
        l += [f"## {tekst(e['titel'])} {{ #{e['id']} }}", "",
              "| Hvem | Aftalens ord | Linje |", "| --- | --- | --- |"]
        for p in e["punkter"]:
            l.append(f"| {_celle(p['hvem'])} | «{_celle(p['citat'])}» | {_linjer(p['linjer'])} |")
        l.append("")
        l += _uafklaret_links(s, e.get("uafklaret", []), data)
    l += [f"Alle linjenumre henviser til {_kilde_navn(data, n['dokument'])}.", "{ .kvh-meta }", ""]
    return "\n".join(l) + "\n"


# --- ansvar/sundhedsreform.md -------------------------------------------------------------------------

def _sundhedsreform(data: dict, katalog: Katalog) -> str:
    s = SUNDHEDSREFORM
    filer = sorted({t["dokument"] for t in data["reform_tidslinje"]}
                   | {p["dokument"] for p in data["sundhedsreform"]["punkter"]})
    l = _front(s, ["Kilder: " + "; ".join(_kilde_navn(data, f) for f in filer)
                   + ". Linjenumrene står ved hvert punkt.", "{ .kvh-meta }", ""])
    l += [
        "Med sundhedsreformen flytter en række sundhedsopgaver fra kommunerne til regionerne den "
        "1. januar 2027, den kommunale medfinansiering nedlægges, og der oprettes sundhedsråd. Siden "
        "bygger mest på KL's høringssvar og mødepapirer. Det er KL's gengivelse af lovforslagene, ikke "
        "lovteksten, og da papirerne blev skrevet, var opgaverne endnu ikke nærmere defineret.", "",
        '!!! note "Hjælpemidler og behandlingsredskaber efter 2027"',
        "    Ingen af kilderne siger, hvem der leverer og betaler hjælpemidler i de opgaver, der flytter "
        f"til regionerne. Se [F4]({rel(s, INDEX)}#f4) og [F5]({rel(s, INDEX)}#f5).", "",
        "## Tidslinje", "",
        "| Hvornår | Hvad sker der | Kildens ord | Kilde |", "| --- | --- | --- | --- |",
    ]
    for t in data["reform_tidslinje"]:
        uaf = "".join(f" ([{i}]({rel(s, INDEX)}#{i.lower()}))" for i in t.get("uafklaret", []))
        l.append(f"| {_tidspunkt(t['dato'])} | {_celle(t['tekst'])}{uaf} | «{_celle(t['citat'])}» | "
                 f"{_kort_navn(data, t['dokument'])}, {_linjer(t['linjer'])} |")
    l += ["", "Hvor kilden kun nævner et år, står kun året.", "{ .kvh-meta }", ""]
    if katalog.data.get("reform"):
        l += [f"Hvilke standarder, bilagsrækker og svar i navigatoren reformen rører, står på siden "
              f"[Sundhedsreformen 2027 i håndbogen]({rel(s, REFORM_STI)}).", ""]
    l += ["## Hvad reformen ændrer", ""]
    for p in data["sundhedsreform"]["punkter"]:
        l += _punkt(s, data, p, p["dokument"], reform_anker(p["id"]))
    return "\n".join(l) + "\n"
