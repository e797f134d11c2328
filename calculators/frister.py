"""Hvornår skal kommunen senest træffe afgørelse, og hvornår skal indsatsen begynde? (Bilag 4)

Source: Bilag 4 "Tidsfrister", 003_a9efded0fbb87759.txt lines 11633–12599, as structured
data in catalogue/frister.yaml (exported to data/katalog.json under data.frister). The
reader picks the type of application and the date the deadline counts from (usually the
day the application was received); the calculator counts working days with Danish public
holidays (calculators/helligdage.py) and shows Bilag 4's own words for every deadline.
A deadline the text does not give as a number is shown as text only, with no date.
"""
from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from .felter import Dato, Valg, formater_dato
from .datoer import laeg_maaneder_til
from .helligdage import FORTOLKNING_ARBEJDSDAGE, helligdage, laeg_arbejdsdage_til
from .katalog import indlaest
from .model import Beregner, FeltFejl, Fortolkning, Kontekst, Resultat

BILAG = 4


def _raekker(data: dict[str, Any] | None) -> list[dict[str, Any]]:
    return list((data or {}).get("frister", []))


def raekke_navn(raekke: dict[str, Any], alle: dict[str, dict[str, Any]]) -> str:
    """The option label: the row's own title, under its parent's title for a sub-row."""
    if raekke.get("visningsnavn"):
        return raekke["visningsnavn"]
    titel = raekke["titel"]["tekst"].rstrip(".")
    if raekke.get("under") in alle:
        titel = f"{alle[raekke['under']]['titel']['tekst'].rstrip('.')} – {titel}"
    if raekke.get("lovgrundlag"):
        titel += f" ({raekke['lovgrundlag']['tekst']})"
    return titel


def _muligheder() -> tuple[tuple[str, str], ...]:
    try:
        raekker = _raekker(indlaest().data.get("frister"))
    except (OSError, ValueError, KeyError):  # pragma: no cover - a broken export
        raekker = []
    alle = {r["id"]: r for r in raekker}
    return tuple((r["id"], raekke_navn(r, alle)) for r in raekker)


FELTER = (
    Valg("ansoegningstype", "Hvad er der søgt om?", muligheder=_muligheder(),
         hjaelp="Typerne er rækkerne i Bilag 4. Står det, der er søgt om, ikke på listen, så vælg "
                "\"Andre ansøgninger, som ikke står i tabellen\"."),
    Dato("modtaget", "Dato, fristen regnes fra",
         hjaelp="Som regel den dag, kommunen modtog ansøgningen. For nogle typer regner Bilag 4 "
                "fristen fra en anden dag, fx udskrivelsen fra sygehus – det står i resultatet."),
    Dato("afgoerelse_dato", "Dato for afgørelsen, hvis den er truffet", paakraevet=False,
         hjaelp="Kan udelades. Så regnes fristen for, hvornår indsatsen skal begynde, fra den "
                "seneste dato, afgørelsen skal være truffet."),
    Dato("behov_dato", "Dato, du har brug for aflastningspladsen", paakraevet=False,
         vis_hvis=({"ansoegningstype": ("aflastningsplads",)},),
         hjaelp="Kan udelades. Skriv datoen, så regnes det ud, hvornår ansøgningen senest skal være "
                "modtaget i Visitationen."),
    Dato("afgoerelse_modtaget", "Dato, du modtog afgørelsen (til klagefristen)", paakraevet=False,
         hjaelp="Kan udelades. Skriv datoen, så regnes din klagefrist ud. Fristen regnes fra "
                "modtagelsen af afgørelsen (Bilag 4)."),
)

FORTOLKNINGER = (
    Fortolkning("arbejdsdage", (11639, 11640), FORTOLKNING_ARBEJDSDAGE),
    Fortolkning("straks-samme-dag", (11765, 11786),
                "\"Straks\" og \"samme dag\" regnes som den samme dato som den, fristen regnes fra."),
    Fortolkning("kalenderdage", (12456, 12477),
                "Frister i \"dage\" og \"uger\" regnes i kalenderdage (1 uge = 7 dage). Bilag 4 siger "
                "ikke, at en sådan frist flyttes, hvis den falder på en weekend eller helligdag, så "
                "beregneren flytter den ikke."),
    Fortolkning("maaneder-og-aar", (11886, 12352),
                "\"2 måneder\" og \"to år\" regnes i kalendermåneder: samme dato 2 måneder (24 måneder) "
                "senere, eller den sidste dag i måneden, hvis datoen ikke findes. Daghjemmets "
                "\"2 måneder\" er den eneste start i tabellen, der ikke er i arbejdsdage."),
    Fortolkning("start-fra-afgoerelse", (11636, 11637),
                "Kolonnen \"Fra afgørelse til indsats begynder\" regnes fra afgørelsen. Har du ikke "
                "skrevet datoen for afgørelsen, regnes der fra den seneste dato, afgørelsen skal være "
                "truffet: den seneste af fristerne for afgørelsen, eller – når starten har samme "
                "betingelse som en af dem (fx en straks-afgørelse) – fristen med den betingelse."),
    Fortolkning("andet-udgangspunkt", (11636, 11637),
                "Hvor Bilag 4 regner en frist fra noget andet end modtagelsen af ansøgningen (fx "
                "lægelig dokumentation, et visitationsbesøg, henvendelsen eller udskrivelsen fra "
                "sygehus), bruger beregneren den dato, du har skrevet, som den dag."),
    Fortolkning("kontakt-og-start", (11892, 11898),
                "\"kontaktes indenfor 3 arbejdsdage …, og … opstartes indenfor 10 arbejdsdage\" læses, "
                "så begge frister regnes fra samme dag (afgørelsen – eller henvendelsen ved forebyggende "
                "fysisk træning), ikke de 10 dage fra kontakten."),
    Fortolkning("saerlig-indretning-a21", (12158, 12185),
                "Bilag 4 har to rækker om særlig indretning af bil efter SEL 114 med forskellige "
                "frister: 125 arbejdsdage og 60 arbejdsdage. Beregneren viser den række, du vælger; "
                "spørg kommunen, hvilken der gælder."),
    Fortolkning("sygepleje-a22", (12378, 12412),
                "Sygeplejerækken er blandet sammen i kildeteksten. Cellerne er fordelt på rækken og "
                "dens to underrækker (udskrivelse fra hospital, leverandørskift) i den rækkefølge, "
                "udtrækket giver dem; det er redaktørens læsning. Beregneren viser derfor kun teksten "
                "og regner ingen dato ud."),
    Fortolkning("klagefrist-a21", (12596, 12599),
                "Bilag 4 giver klagefristen to gange: \"4 uger\" i kommentaren og \"20 arbejdsdage\" i "
                "kolonnen Frist. De to giver forskellige datoer, når der er helligdage i perioden. "
                "Beregneren viser begge; 4 uger (28 kalenderdage, fristen står i loven) er den, der "
                "vises først. Spørg kommunen, hvis datoerne er forskellige."),
    Fortolkning("laas-samme-dag", (12031, 12041),
                "Cellen \"Samme dag\" i startkolonnen for elektronisk lås læses som starten ved en "
                "straks-afgørelse."),
)

# Rows whose data records an ambiguity, and the interpretation shown with it.
_UAFKLARET = {
    "saerlig-indretning": "saerlig-indretning-a21",
    "saerlige-indretninger-i-bil": "saerlig-indretning-a21",
    "sygepleje": "sygepleje-a22",
    "sygepleje-udskrevet-fra-hospital": "sygepleje-a22",
    "sygepleje-leverandoerskift": "sygepleje-a22",
    "elektronisk-laas": "laas-samme-dag",
    "daghjem": "maaneder-og-aar",
}
_KONTAKT_OG_START = {"traening-serviceloven", "vederlagsfri-fysioterapi", "forebyggende-fysisk-traening"}

_ENHEDER = {"arbejdsdage": ("arbejdsdag", "arbejdsdage"), "dage": ("dag", "dage"),
            "uger": ("uge", "uger"), "maaneder": ("måned", "måneder"), "aar": ("år", "år")}


def _frist_tekst(f: dict[str, Any]) -> str:
    if f["enhed"] == "straks":
        return "straks"
    if f["enhed"] == "samme_dag":
        return "samme dag"
    ental, flertal = _ENHEDER[f["enhed"]]
    tekst = f"{f['antal']} {ental if f['antal'] == 1 else flertal}"
    return tekst + (" før" if f.get("foer") else "")


def _laeg_til(base: date, f: dict[str, Any]) -> date:
    enhed = f["enhed"]
    if enhed in ("straks", "samme_dag"):
        return base
    n = -f["antal"] if f.get("foer") else f["antal"]
    if enhed == "arbejdsdage":
        return laeg_arbejdsdage_til(base, n)
    if enhed == "dage":
        return base + timedelta(days=n)
    if enhed == "uger":
        return base + timedelta(days=7 * n)
    if enhed == "maaneder":
        return laeg_maaneder_til(base, n)
    return laeg_maaneder_til(base, 12 * n)  # aar


def _fortolkning_for(f: dict[str, Any]) -> str:
    return {"arbejdsdage": "arbejdsdage", "straks": "straks-samme-dag", "samme_dag": "straks-samme-dag",
            "dage": "kalenderdage", "uger": "kalenderdage"}.get(f["enhed"], "maaneder-og-aar")


def _fridage(fra: date, til: date) -> list[str]:
    """Public holidays on weekdays strictly between `fra` and `til` (for the explanation): the days a
    count of working days skipped. The day counted from is day 0 and is not skipped, whichever end it
    is (a holiday the citizen needs a respite place on, counted backwards); the deadline itself, the
    other end, is a working day."""
    if til <= fra:
        return []
    ud = []
    for aar in range(fra.year, til.year + 1):
        for d, navn in helligdage(aar).items():
            if fra < d < til and d.weekday() < 5:
                ud.append(f"{navn} {formater_dato(d)}")
    return ud


def beregn(v: dict[str, Any], k: Kontekst) -> Resultat:
    raekker = {r["id"]: r for r in _raekker(k.katalog.data.get("frister"))}
    raekke = raekker.get(v["ansoegningstype"])
    if raekke is None:
        raise FeltFejl("ansoegningstype", "Kataloget har ikke denne ansøgningstype. Vælg en anden.")
    modtaget: date = v["modtaget"]
    afgjort: date | None = v.get("afgoerelse_dato")
    if afgjort is not None and afgjort < modtaget:
        raise FeltFejl("afgoerelse_dato", "Afgørelsen kan ikke være truffet før den dato, fristen "
                                          "regnes fra. Tjek de to datoer.")

    titel = raekke["titel"]["tekst"].rstrip(".")
    r = Resultat(overskrift=f"Tidsfrister: {titel}")
    regel = raekke["regel"]
    r.forklar(f"Bilag 4, rækken \"{titel}\""
              + (f" ({raekke['lovgrundlag']['tekst']})" if raekke.get("lovgrundlag") else "") + ".",
              None, tuple(raekke["linjer"]), regel=regel, bilag=BILAG)

    afgoerelser = _kolonne(r, raekke, "afgoerelse", modtaget, {})
    if raekke.get("start") is not None:
        if afgjort is not None:
            baser = {None: afgjort}
        else:
            baser = afgoerelser | ({None: max(afgoerelser.values())} if afgoerelser else {})
        _kolonne(r, raekke, "start", modtaget, baser, afgjort is not None)

    for u in raekke.get("uafklaret", []):
        r.forklar(u["tekst"], None, tuple(raekke["linjer"]), regel=regel, bilag=BILAG,
                  fortolkning=_UAFKLARET.get(raekke["id"]))
    for note in raekke.get("noter", []):
        r.forklar(f"Rækken nævner også: \"{note['tekst']}\"", None, tuple(note["linjer"]),
                  regel=regel, bilag=BILAG)
    if v.get("behov_dato") is not None and raekke["id"] == "aflastningsplads":
        _borgerens_frist(r, k, "aflastningsplads-ansoegning", v["behov_dato"], "ansoegning_senest",
                         "Ansøgningen skal være modtaget i Visitationen senest", "den dag, borgeren har brug "
                         "for aflastningspladsen")
    if v.get("afgoerelse_modtaget") is not None:
        _klagefrist(r, k, v["afgoerelse_modtaget"], afgjort)
    return r


def _borgerens_frist(r: Resultat, k: Kontekst, raekke_id: str, base: date, pid: str, label: str,
                     udgangspunkt: str) -> None:
    """A deadline for the citizen from Bilag 4's table "Tidsfrister for borgeren"."""
    raekke = next((b for b in k.katalog.data.get("frister", {}).get("borgerens_frister", [])
                   if b["id"] == raekke_id), None)
    celle = (raekke or {}).get("frist") or {}
    if not celle.get("frister"):
        return
    f = celle["frister"][0]
    dato = _laeg_til(base, f)
    r.post(pid, label, dato, f"{formater_dato(dato)} ({_frist_tekst(f)} {udgangspunkt})")
    tekst = (f"Tidsfrister for borgeren: \"{' '.join(raekke['kommentar']['tekst'].split())}\" – "
             f"\"{' '.join(celle['tekst'].split())}\". {_frist_tekst(f).capitalize()} {formater_dato(base)} "
             f"({udgangspunkt}) er {formater_dato(dato)}.")
    if f["enhed"] == "arbejdsdage":
        fri = _fridage(min(base, dato), max(base, dato))
        tekst += " Lørdage og søndage tæller ikke med" + (f", og heller ikke {', '.join(fri)}." if fri else ".")
    r.forklar(tekst, None, tuple(raekke["linjer"]), regel=raekke["regel"], bilag=BILAG,
              fortolkning="arbejdsdage" if f["enhed"] == "arbejdsdage" else None)


def _klagefrist(r: Resultat, k: Kontekst, modtaget: date, afgjort: date | None) -> None:
    """The citizen's own deadline: the complaint deadline of Bilag 4's citizens' table (R-B4-45)."""
    klage = next((b for b in k.katalog.data.get("frister", {}).get("borgerens_frister", [])
                  if b["id"] == "klage"), None)
    if klage is None:
        raise FeltFejl("afgoerelse_modtaget", "Kataloget har ikke Bilag 4's klagefrist. Udelad datoen.")
    if afgjort is not None and modtaget < afgjort:
        raise FeltFejl("afgoerelse_modtaget", "Borgeren kan ikke have modtaget afgørelsen, før den blev "
                                              "truffet. Tjek de to datoer.")
    regel = klage["regel"]
    for celle, pid, label in ((klage["kommentar"], "klagefrist", "Borgerens klagefrist"),
                              (klage.get("frist"), "klagefrist_arbejdsdage",
                               "Borgerens klagefrist – kolonnen Frist")):
        if not celle or not celle.get("frister"):
            continue
        f = celle["frister"][0]
        dato = _laeg_til(modtaget, f)
        r.post(pid, label, dato, f"{formater_dato(dato)} ({_frist_tekst(f)} fra modtagelsen af afgørelsen)")
        citat = " ".join(celle["tekst"].split())
        tekst = (f"Tidsfrister for borgeren, \"Klage\": \"{citat}\" {_frist_tekst(f).capitalize()} regnet fra "
                 f"{formater_dato(modtaget)} (dag 0), den dag borgeren modtog afgørelsen, er {formater_dato(dato)}.")
        if f["enhed"] == "arbejdsdage":
            fri = _fridage(modtaget, dato)
            tekst += " Lørdage og søndage tæller ikke med" + (f", og heller ikke {', '.join(fri)}." if fri else ".")
        r.forklar(tekst, None, tuple(celle["linjer"]), regel=regel, bilag=BILAG,
                  fortolkning="klagefrist-a21" if pid == "klagefrist" else None)
    r.forklar("Klager borgeren, laves en genvurdering af en anden visitator/sagsbehandler; fastholdes "
              "afgørelsen, sendes klagen videre til Ankestyrelsen.", None, (11354, 11356),
              regel="R-B2-2", bilag=2)


_KOLONNE = {
    "afgoerelse": ("afgoerelse", "Afgørelse senest", "Frist for afgørelsen"),
    "start": ("start", "Indsatsen begynder senest", "Fra afgørelse til indsatsen begynder"),
}


def _kolonne(r: Resultat, raekke: dict[str, Any], kolonne: str, modtaget: date,
             afgoerelser: dict[str | None, date], afgoerelse_oplyst: bool = False) -> dict[str | None, date]:
    """Post and explain one column (decision or start).

    `afgoerelser` gives the decision date a start is counted from: by the condition (`hvis`)
    of the decision variant with the same condition, else under None (the decision date the
    reader gave, or the latest decision date). Returns the computed dates the same way.
    """
    celle = raekke.get(kolonne)
    post_id, label, overskrift = _KOLONNE[kolonne]
    regel = raekke["regel"]
    if celle is None:
        return {}
    citat = " ".join(celle["tekst"].split())
    frister = celle.get("frister") or []
    linjer = tuple(celle["linjer"])
    if not frister:
        r.post(post_id, overskrift, None, f"Ingen dato – Bilag 4 siger: \"{citat}\"")
        r.forklar(f"{overskrift}: \"{citat}\" Bilag 4 angiver ikke fristen som et antal dage, så "
                  "beregneren regner ingen dato ud.", None, linjer, regel=regel, bilag=BILAG,
                  fortolkning=_UAFKLARET.get(raekke["id"]) if raekke["id"].startswith("sygepleje") else None)
        return {}
    r.forklar(f"{overskrift}: \"{citat}\"", None, linjer, regel=regel, bilag=BILAG)

    datoer: dict[str | None, date] = {}
    fra_afgoerelse_forklaret = False
    for i, f in enumerate(frister):
        fra = f.get("fra") or ("modtagelse" if kolonne == "afgoerelse" else "afgoerelse")
        afgoerelse = afgoerelser.get(f.get("hvis"), afgoerelser.get(None))
        if fra == "afgoerelse" and afgoerelse is None:
            pid = post_id if len(frister) == 1 else f"{post_id}_{i + 1}"
            r.post(pid, _label(label, f), None,
                   f"{_frist_tekst(f).capitalize()} efter afgørelsen – skriv datoen for afgørelsen for "
                   "at få en dato")
            continue
        base = modtaget if fra == "modtagelse" else afgoerelse
        dato = _laeg_til(base, f)
        if not f.get("hvad"):  # a contact deadline is not the decision or the start itself
            noegle = f.get("hvis")
            datoer[noegle] = max(dato, datoer.get(noegle, dato))
        pid = post_id if len(frister) == 1 else f"{post_id}_{i + 1}"
        r.post(pid, _label(label, f), dato, f"{formater_dato(dato)} ({_frist_tekst(f)})")
        r.forklar(_forklaring(f, fra, base, dato, afgoerelse_oplyst), None, linjer, regel=regel,
                  bilag=BILAG, fortolkning=_fortolkning_for(f))
        if f.get("fra_tekst"):
            r.forklar(f"Udgangspunktet for fristen er ifølge Bilag 4: \"{f['fra_tekst'].rstrip('.')}\"."
                      + (f" Beregneren bruger den dato, du har skrevet ({formater_dato(modtaget)}), "
                         "som den dag." if fra == "modtagelse" else ""),
                      None, linjer, regel=regel, bilag=BILAG,
                      fortolkning="andet-udgangspunkt" if fra == "modtagelse" else None)
        if fra == "afgoerelse" and not afgoerelse_oplyst and not fra_afgoerelse_forklaret:
            fra_afgoerelse_forklaret = True
            r.forklar("Datoen for afgørelsen er ikke oplyst, så fristen for starten er regnet fra den "
                      "seneste dato, afgørelsen skal være truffet (ved en frist med en betingelse: "
                      "afgørelsen med samme betingelse).", None, linjer, regel=regel,
                      bilag=BILAG, fortolkning="start-fra-afgoerelse")
        if f.get("hvad") and raekke["id"] in _KONTAKT_OG_START:
            r.forklar(f"{f['hvad']} senest {formater_dato(dato)}.", None, linjer, regel=regel,
                      bilag=BILAG, fortolkning="kontakt-og-start")
    return datoer


def _label(label: str, f: dict[str, Any]) -> str:
    tekst = f"{f['hvad']} senest" if f.get("hvad") else label
    if f.get("hvis"):
        tekst += f" – {f['hvis'].rstrip('.')}"
    return tekst


def _forklaring(f: dict[str, Any], fra: str, base: date, dato: date, afgoerelse_oplyst: bool) -> str:
    hvis = f" ({f['hvis'].rstrip('.')})" if f.get("hvis") else ""
    if fra == "afgoerelse":
        udgangspunkt = (f"afgørelsen den {formater_dato(base)}" if afgoerelse_oplyst else
                        f"den seneste dato for afgørelsen, {formater_dato(base)}")
    else:
        udgangspunkt = f"{formater_dato(base)} (dag 0)"
    if f["enhed"] in ("straks", "samme_dag"):
        return f"{_frist_tekst(f).capitalize()}{hvis}: samme dato som {udgangspunkt}: {formater_dato(dato)}."
    tekst = f"{_frist_tekst(f).capitalize()}{hvis} regnet fra {udgangspunkt} er {formater_dato(dato)}."
    if f["enhed"] == "arbejdsdage":
        fri = _fridage(min(base, dato), max(base, dato))
        tekst += " Lørdage og søndage tæller ikke med"
        tekst += f", og heller ikke {', '.join(fri)}." if fri else "."
    return tekst


BEREGNER = Beregner(
    id="frister",
    titel="Tidsfrister: hvornår skal kommunen svare, og hvornår begynder hjælpen?",
    beskrivelse=("Vælg, hvad der er søgt om, og skriv datoen. Beregneren finder den seneste dato for "
                 "afgørelsen og – hvor Bilag 4 giver en frist i dage – den seneste dato, hvor "
                 "indsatsen skal begynde. Weekender og helligdage tæller ikke som arbejdsdage."),
    goer_ikke=("Beregneren siger ikke, om fristen er overholdt i en konkret sag, og den tager ikke "
               "højde for forsinkelser, som Bilag 4 nævner (fx indlæggelse eller ventetid på "
               "lægepapirer). Frister, som Bilag 4 ikke angiver som et antal dage, vises kun som tekst. "
               "Af borgerens egne frister regner den klagefristen og fristen for at søge aflastningsplads ud."),
    standarder=(),
    satser=(),
    felter=FELTER,
    fortolkninger=FORTOLKNINGER,
    beregn=beregn,
)
