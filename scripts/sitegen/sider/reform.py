"""The health reform of 2027 on the pages it touches, and the overview page
"Sundhedsreformen 2027 i håndbogen".

Built from catalogue/reform.yaml. A change is told in the future tense (`foer`) on days
before its `gyldig_fra` and in the present (`efter`) from that day on: both are written into the
page (datotekst.foer_og_efter), the build shows the one for its date (the plugin option `idag`),
and in the browser the reader's own date decides. A notice names what changes, how certain it
is, where it is written (the document's name and lines) and why it is on that page (the link's
`grund`).
"""
from __future__ import annotations

from datetime import date
from typing import Any, Iterable

from calculators.model import DOKUMENTER

from ..catalogue import Katalog, bilag_raekker
from ..datotekst import dansk_dato, foer_og_efter
from ..markdown import front_matter_vaerdi, tekst
from ..stier import ANSVAR_STI, REFORM_STI, bilag_sti, rel, standard_sti

TITEL = "Sundhedsreformen 2027 i håndbogen"
ANSVAR_REFORM = "ansvar/sundhedsreform.md"

SIKKERHED = {
    "fastlagt": ("Fastlagt i aftalen",
                 "Kilden siger, at det følger af aftalen om sundhedsreformen."),
    "ikke_defineret": ("Endnu ikke nærmere defineret",
                       "Aftalen fastlægger hovedkategorien, men kilden siger, at opgaverne ikke var nærmere "
                       "defineret, da den blev skrevet."),
    "kl_forudsaetning": ("KL's forudsætning, ikke fastlagt",
                         "Det er noget, KL lægger til grund. Kilden siger ikke, at det er fastlagt."),
    "lovforslag": ("Foreslået i lovforslaget, som KL gengiver det",
                   "Kilden gengiver et lovforslag, ikke den vedtagne lov."),
    "kl_oplysning": ("Oplyst af KL",
                     "KL skriver det, men kilden siger ikke, hvor det er fastlagt."),
}

# How much of a year around the reform date the front page links to the overview.
FORSIDE_DAGE = 365


def reform_anker(punkt_id: str) -> str:
    """The anchor of a point of ansvar.yaml's `sundhedsreform` on the page ansvar/sundhedsreform.md."""
    return f"reform-{punkt_id}"


def reform_data(katalog: Katalog) -> dict[str, Any] | None:
    return katalog.data.get("reform")


def paa_forsiden(katalog: Katalog, idag: date) -> bool:
    """The front page links to the overview while the build date is within a year of the reform."""
    data = reform_data(katalog)
    return bool(data) and abs((idag - date.fromisoformat(data["gyldig_fra"])).days) <= FORSIDE_DAGE


# --- What a change touches ----------------------------------------------------------------------

def standarder_beroert(data: dict) -> dict[str, list[tuple[dict, dict]]]:
    """Standard id -> [(change, link)]."""
    ud: dict[str, list[tuple[dict, dict]]] = {}
    for a in data["aendringer"]:
        for h in a.get("standarder", []):
            ud.setdefault(h["standard"], []).append((a, h))
    return ud


def bilag_beroert(data: dict) -> dict[int, list[tuple[dict, dict]]]:
    """Appendix number -> [(change, row link)]."""
    ud: dict[int, list[tuple[dict, dict]]] = {}
    for a in data["aendringer"]:
        for h in a.get("bilagsraekker", []):
            ud.setdefault(h["bilag"], []).append((a, h))
    return ud


def _raekke_navn(katalog: Katalog, h: dict) -> str:
    """The row as a reader finds it on the appendix page."""
    if h["bilag"] != 4:
        return " ".join(h["raekke"].split())
    raekker = bilag_raekker(katalog.bilag, katalog.data.get("frister"), 4)
    return " ".join(raekker.get(h["raekke"], [h["raekke"]])[0].split())


# --- Text pieces --------------------------------------------------------------------------------

def _dokument_navn(katalog: Katalog, fil: str) -> str:
    ansvar = katalog.data.get("ansvar") or {}
    d = next((d for d in ansvar.get("dokumenter", []) if d["fil"] == fil), None)
    return d["titel"] if d else DOKUMENTER.get(fil, fil)


def _linjer(linjer: list[int]) -> str:
    a, b = linjer
    return f"linje {a}" if a == b else f"linje {a}–{b}"


def hvor_det_staar(katalog: Katalog, a: dict) -> str:
    """'KL's høringssvar … (004_….txt), linje 3664–3670 og linje 2221–2226' — per document."""
    pr_dok: dict[str, list[list[int]]] = {}
    for k in a["kilder"]:
        pr_dok.setdefault(k["dokument"], []).append(k["linjer"])
    return "; ".join(f"*{tekst(_dokument_navn(katalog, fil))}*, {_flere_linjer(l)}"
                     for fil, l in pr_dok.items())


def _flere_linjer(alle: list[list[int]]) -> str:
    """'linje 3664–3670', 'linje 3664–3670 og 2221–2226', 'linje 1, 5–7 og 9'."""
    dele = [str(a) if a == b else f"{a}–{b}" for a, b in alle]
    if len(dele) == 1:
        return _linjer(alle[0])
    return "linje " + ", ".join(dele[:-1]) + " og " + dele[-1]


def udsagn(a: dict, idag: date) -> str:
    """The editors' sentence on a change, in both tenses (the one for `idag` shown)."""
    return foer_og_efter(tekst(" ".join(a["foer"].split())), tekst(" ".join(a["efter"].split())),
                         a["gyldig_fra"], idag)


def sikkerhed(a: dict) -> str:
    navn, forklaring = SIKKERHED[a["sikkerhed"]]
    return f"**{navn}.** {forklaring}"


def notits_titel(data: dict) -> str:
    """The notice's title, true before the day and after it (an admonition's title is plain text)."""
    return f"Sundhedsreformen: ændringer fra {dansk_dato(data['gyldig_fra'])}"


def _indryk(linjer: Iterable[str]) -> list[str]:
    return [("    " + l) if l else "" for linje in linjer for l in linje.split("\n")]


def _aendring_afsnit(katalog: Katalog, a: dict, idag: date, grund: str | None) -> list[str]:
    l = [f"**{tekst(a['emne'])}.** {udsagn(a, idag)}", "",
         f"*Hvor sikkert:* {sikkerhed(a)}", "",
         f"*Hvor det står:* {hvor_det_staar(katalog, a)}."]
    if a.get("dato_bemaerkning"):
        l[-1] += f" {tekst(' '.join(a['dato_bemaerkning'].split()))}"
    if grund:
        l += ["", grund]
    return l + [""]


def _foelger_med(data: dict, kategorier: set[str]) -> list[dict]:
    return [a for a in data["aendringer"] if set(a.get("foelger_med", [])) & kategorier]


def _notits(katalog: Katalog, idag: date, sti: str, dele: list[tuple[dict, str]]) -> list[str]:
    """One admonition with each (change, reason) and the changes that go with their categories."""
    data = reform_data(katalog)
    indhold: list[str] = []
    vist: set[str] = set()
    for a, grund in dele:
        indhold += _aendring_afsnit(katalog, a, idag, grund)
        vist.add(a["id"])
    kategorier = {a["kategori"] for a, _ in dele if a["kategori"]}
    for a in _foelger_med(data, kategorier):
        if a["id"] not in vist:
            indhold += _aendring_afsnit(katalog, a, idag, None)
            vist.add(a["id"])
    indhold.append(f"Se [alt, hvad reformen rører i håndbogen]({rel(sti, REFORM_STI)}).")
    return [f'!!! warning kvh-reform "{notits_titel(data)}"'] + _indryk(indhold) + [""]


def standard_notits(katalog: Katalog, idag: date, standard_id: str) -> list[str]:
    """The notice on a standard's page, or nothing if no change touches it."""
    data = reform_data(katalog)
    if not data:
        return []
    links = standarder_beroert(data).get(standard_id, [])
    if not links:
        return []
    dele = [(a, f"*Hvorfor på denne side:* {tekst(' '.join(h['grund'].split()))}") for a, h in links]
    return _notits(katalog, idag, standard_sti(standard_id), dele)


def bilag_notits(katalog: Katalog, idag: date, nummer: int) -> list[str]:
    """The notice on an appendix page: every touched row, grouped by change."""
    data = reform_data(katalog)
    if not data:
        return []
    links = bilag_beroert(data).get(nummer, [])
    if not links:
        return []
    pr_aendring: dict[str, tuple[dict, list[dict]]] = {}
    for a, h in links:
        pr_aendring.setdefault(a["id"], (a, []))[1].append(h)
    dele = []
    for a, hs in pr_aendring.values():
        grunde = "\n".join(f"- Rækken «{tekst(_raekke_navn(katalog, h))}»: {tekst(' '.join(h['grund'].split()))}"
                           for h in hs)
        dele.append((a, "*Berørte rækker i bilaget:*\n\n" + grunde))
    return _notits(katalog, idag, bilag_sti(nummer), dele)


def navigator_notits(katalog: Katalog, idag: date, kategori: str, sti: str) -> list[str]:
    """The notice under a category of the afgrænsningscirkulære on the navigator's pages."""
    data = reform_data(katalog)
    if not data:
        return []
    pr_aendring: dict[str, tuple[dict, list[dict]]] = {}
    for a in data["aendringer"]:
        for n in a.get("navigator", []):
            if n["kategori"] == kategori:
                pr_aendring.setdefault(a["id"], (a, []))[1].append(n)
    if not pr_aendring:
        return []
    dele = []
    for a, ns in pr_aendring.values():
        grunde = [(f"Navigatorens svar «{tekst(_svar_navn(n))}»: " if n.get("svar") else "")
                  + tekst(" ".join(n["grund"].split())) for n in ns]
        dele.append((a, "*Hvorfor her:* " + grunde[0] if len(grunde) == 1 else
                     "*Hvorfor her:*\n\n" + "\n".join(f"- {g}" for g in grunde)))
    return _notits(katalog, idag, sti, dele)


def _svar_navn(n: dict) -> str:
    return "; ".join(", ".join(v) for v in n["svar"].values()).replace("_", " ")


# --- The overview page ----------------------------------------------------------------------------

def _navigator_navn(katalog: Katalog, n: dict) -> str:
    ansvar = katalog.data.get("ansvar") or {}
    k = next((k for k in ansvar.get("kategorier", []) if k["id"] == n["kategori"]), None)
    navn = f"kategori {n['kategori']}" + (f" – {k['emne']}" if k else "")
    if n.get("svar"):
        navn += f" ({_svar_navn(n)})"
    return navn


def _beroerte_sider(katalog: Katalog, a: dict) -> list[str]:
    s = REFORM_STI
    titler = {x.id: x["titel"] for x in katalog.standarder}
    raekker = []
    for h in a.get("standarder", []):
        raekker.append(f"| Standard: [{tekst(titler.get(h['standard'], h['standard']))}]"
                       f"({rel(s, standard_sti(h['standard']))}) | {_celle(h['grund'])} |")
    for h in a.get("bilagsraekker", []):
        b = katalog.bilag.get(h["bilag"], {})
        raekker.append(f"| [Bilag {h['bilag']}: {tekst(b.get('titel', ''))}]({rel(s, bilag_sti(h['bilag']))}), "
                       f"rækken «{tekst(_raekke_navn(katalog, h))}» | {_celle(h['grund'])} |")
    for n in a.get("navigator", []):
        raekker.append(f"| [Navigatoren «Region eller kommune?»]({rel(s, ANSVAR_STI)}), "
                       f"{tekst(_navigator_navn(katalog, n))} | {_celle(n['grund'])} |")
    if not raekker:
        return []
    return ["| Side | Hvorfor den er berørt |", "| --- | --- |"] + raekker + [""]


def _celle(t: str) -> str:
    return tekst(" ".join(t.split()))


def _kildens_ord(katalog: Katalog, a: dict) -> list[str]:
    l = ['??? quote "Kildens ord"']
    for k in a["kilder"]:
        l += ["    > " + tekst(" ".join(k["citat"].split())), "",
              f"    *{tekst(_dokument_navn(katalog, k['dokument']))}*, {_linjer(k['linjer'])}.", ""]
    return l


def _aendring_oversigt(katalog: Katalog, a: dict, idag: date) -> list[str]:
    l = [f"### {tekst(a['emne'])} {{ #{a['id']} }}", "", udsagn(a, idag), "",
         f"Hvor sikkert: {sikkerhed(a)}", "",
         f"Hvor det står: {hvor_det_staar(katalog, a)}."
         + (f" {tekst(' '.join(a['dato_bemaerkning'].split()))}" if a.get("dato_bemaerkning") else ""), ""]
    l += _kildens_ord(katalog, a)
    if a.get("ansvar_punkt") and katalog.data.get("ansvar"):
        l += [f"Se også punktet på [siden om sundhedsreformen]"
              f"({rel(REFORM_STI, ANSVAR_REFORM)}#{reform_anker(a['ansvar_punkt'])}).", ""]
    return l + _beroerte_sider(katalog, a)


def reform_side(katalog: Katalog, idag: date) -> str:
    data = reform_data(katalog)
    s = REFORM_STI
    dag = dansk_dato(data["gyldig_fra"])
    ikraft = data["ikrafttraedelse"]
    l = ["---", f"title: {front_matter_vaerdi(TITEL)}", "---", "", f"# {tekst(TITEL)}", "",
         f"Kilde: *{tekst(_dokument_navn(katalog, ikraft['dokument']))}*. "
         "Linjenumrene står ved hvert punkt.", "{ .kvh-meta }", ""]
    linjer = _linjer(ikraft["linjer"])
    l += [foer_og_efter(
        f"Sundhedsreformen træder efter planen i kraft den {dag} ({linjer}). Fra den "
        "dag skal kommunerne overdrage en række sundhedsopgaver til regionerne.",
        f"Sundhedsreformen trådte efter planen i kraft den {dag} ({linjer}). Fra den "
        "dag skulle kommunerne overdrage en række sundhedsopgaver til regionerne.",
        data["gyldig_fra"], idag), ""]
    l += ["Her står, hvad kilderne siger om det, hvor sikkert det er, og hvilke standarder, bilagsrækker og "
          "svar i navigatoren det rører. Kilden er KL's høringssvar og mødepapirer: KL's gengivelse af "
          "aftalen og lovforslagene, skrevet før reformen, ikke lovteksten. Hvilke sider der er berørt, er "
          "redaktionens vurdering; begrundelsen står ved hver side.", "",
          f"Se også [sundhedsreformens tidslinje og de øvrige ændringer]({rel(s, ANSVAR_REFORM)}).", "",
          "## Hvor sikkert er det?", "",
          "| Sikkerhed | Hvad det betyder |", "| --- | --- |"]
    brugt = {a["sikkerhed"] for a in data["aendringer"]}
    l += [f"| {navn} | {forklaring} |" for k, (navn, forklaring) in SIKKERHED.items() if k in brugt]
    l.append("")
    for kat in data["kategorier"]:
        aendringer = [a for a in data["aendringer"] if a["kategori"] == kat["id"]]
        l += [f"## {tekst(kat['titel'])} {{ #{kat['id']} }}", ""]
        if not any(a.get("standarder") for a in aendringer):
            l += ["Ingen kvalitetsstandard i håndbogen er berørt efter kilderne; bilagsrækkerne står nedenfor.", ""]
        for a in aendringer:
            l += _aendring_oversigt(katalog, a, idag)
    tvaers = [a for a in data["aendringer"] if not a["kategori"]]
    if tvaers:
        l += ["## På tværs af kategorierne { #paa-tvaers }", ""]
        for a in tvaers:
            l += _aendring_oversigt(katalog, a, idag)
    return "\n".join(l) + "\n"
