"""Yearly quantities and counts for body-worn and personal aids: how many the standard gives,
how many of those are left, and what needs a concrete assessment.

Standards (source 003_a9efded0fbb87759.txt): #42 Brokbind (3304–3368), #43 Lænde/bækken ortose
(3369–3435), #44 Hals/nakke ortose (3436–3512), #45 Skulder-albue-håndleds-hånd ortoser
(3513–3595), #47 Sensor dynamisk/dynamic movement ortoser (3694–3795), #49 Brystproteser
(3909–3975), #51 Parykker (4044–4134), #67 Rollatorer og gangbukke (5354–5418), #68 NF-walker
(5419–5511), #111 Sansestimulerende produkter dyne eller tæppe (9056–9150).
Rules R113, R114, R116–R118, R130, R132, R133, R147, R149, R212 and ambiguity A3 in
source-notes/rules_003.md. Every number written in the source comes from
catalogue/satser/aarlige_maengder.yaml.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .felter import Heltal, JaNej, Valg, formater_antal, formater_tal
from .model import Beregner, Fortolkning, Kontekst, Resultat

BROKBIND = "brokbind"
LAENDE = "laende-baekken-ortose-bandager-stoettekorsetter"
HALS = "hals-nakke-ortose"
SKULDER = "skulder-albue-haandleds-haand-ortoser"
SDO = "sensor-dynamisk-dynamic-movement-ortoser"
BRYST = "brystproteser"
PARYK = "parykker"
ROLLATOR = "rollatorer-og-gangbukke"
NF = "nf-walker"
DYNE = "sansestimulerende-produkter-dyne-eller-taeppe"

S_BROKBIND = "aarlige_maengder.brokbind_pr_bevilling"
S_UNDERTOEJ = "aarlige_maengder.ortoseundertoej_pr_aar"
S_KOMPRESSION = "aarlige_maengder.kompression_pr_aar"
S_PARYK = "aarlige_maengder.paryk_pr_aar"
S_NF = "aarlige_maengder.nf_walker_justeringer_pr_aar"
S_NF_INTERVAL = "aarlige_maengder.nf_walker_saerlig_interval_mdr"
S_DYNER = "aarlige_maengder.dyner_saerlige_tilfaelde"

# Where the source names an item without a number ("Ekstra rollator", "2 dyner" in special
# cases), the usual count is one item: see the interpretations "en-rollator-plus-ekstra" and
# "en-dyne-som-udgangspunkt". Not an amount from the source, so not a rate.
ET_STYK = 1
MAANEDER_PR_AAR = 12


@dataclass(frozen=True)
class Ortose:
    standard: str
    linjer: tuple[int, int]
    sats: str
    reserve_sats: str


ORTOSER = {
    "ortose_laende": Ortose(LAENDE, (3402, 3405), "aarlige_maengder.ortose_laende",
                            "aarlige_maengder.ortose_reserve_laende"),
    "ortose_hals": Ortose(HALS, (3482, 3485), "aarlige_maengder.ortose_hals",
                          "aarlige_maengder.ortose_reserve_hals"),
    "ortose_skulder": Ortose(SKULDER, (3565, 3568), "aarlige_maengder.ortose_skulder",
                             "aarlige_maengder.ortose_reserve_skulder"),
    "ortose_sdo": Ortose(SDO, (3757, 3760), "aarlige_maengder.ortose_sdo",
                         "aarlige_maengder.ortose_reserve_sdo"),
}

PRODUKTER = (
    ("brokbind", "Brokbind"),
    ("ortoseundertoej", "Ortoseundertøj (lænde/bækken ortose)"),
    ("kompression", "Kompressionshjælpemidler (nævnt under lænde/bækken ortose)"),
    ("ortose_laende", "Lænde/bækken ortose (bandage/støttekorset)"),
    ("ortose_hals", "Hals/nakke ortose"),
    ("ortose_skulder", "Skulder-albue-håndleds-hånd ortose"),
    ("ortose_sdo", "Sensor dynamisk/dynamic movement ortose (SDO/DMO)"),
    ("brystprotese", "Brystprotese"),
    ("paryk", "Paryk eller toupé"),
    ("rollator", "Rollator"),
    ("nf_walker", "Justering af NF-walker"),
    ("dyne", "Sansestimulerende dyne"),
)
MED_ANTAL = tuple(v for v, _ in PRODUKTER if v != "brystprotese")

FELTER = (
    Valg("produkt", "Hvilket hjælpemiddel drejer det sig om?", muligheder=PRODUKTER),
    Heltal("modtaget", "Allerede bevilget", startvaerdi="0", enhed="stk.", max=1_000,
           hjaelp="Årlige mængder (ortoseundertøj, kompression, paryk, justeringer): antal i år. "
                  "Brokbind, ortoser, rollatorer og dyner: antal, du allerede har fået bevilget.",
           vis_hvis=({"produkt": MED_ANTAL},)),
    Heltal("oensket", "Antal der søges om nu", enhed="stk.", max=1_000, vis_hvis=({"produkt": MED_ANTAL},)),
    JaNej("hygiejne", "Er der et særligt behov for ekstra af hygiejnehensyn?",
          vis_hvis=({"produkt": ("brokbind", "kompression")},)),
    JaNej("stof_paa_kroppen", "Er ortosen udformet i stof og bæres direkte på kroppen?",
          vis_hvis=({"produkt": tuple(ORTOSER)},)),
    JaNej("saerligt_tilfaelde", "Er der tale om et særligt tilfælde, hvor der er brug for en reserve, "
          "mens ortosen vaskes og tørres?",
          vis_hvis=({"produkt": tuple(ORTOSER), "stof_paa_kroppen": ("ja",)},)),
    JaNej("saerlige_indstillingsbehov", "Har barnet særlige indstillingsbehov?",
          vis_hvis=({"produkt": ("nf_walker",)},)),
    JaNej("flere_bopaele", "Kan dynen ikke, heller ikke med besvær, transporteres mellem fx flere bopæle?",
          hjaelp="Har du bil med støtte efter servicelovens § 114, kan dynen som regel følge med i bilen.",
          vis_hvis=({"produkt": ("dyne",)},)),
    JaNej("inde_og_ude_uden_rampe", "Bruges rollatoren både inde og ude, uden at en udendørs rampe eller "
          "anden løsning kan etableres?", vis_hvis=({"produkt": ("rollator",)},)),
    JaNej("flere_etager", "Skal du færdes på flere etager eller i flere plan i boligen?",
          vis_hvis=({"produkt": ("rollator",)},)),
)

FORTOLKNINGER = (
    Fortolkning("aarsperiode", (4084, 4085),
                "Standarderne skriver \"om året\" (paryk), \"årlige\" (NF-walker) og \"pr. år\" uden at sige, om det er "
                "kalenderåret eller 12 måneder fra bevillingen. Beregneren tæller det antal, du oplyser er "
                "bevilget i perioden, og lader perioden være kommunens."),
    Fortolkning("undertoej-efter-behov", (3392, 3392),
                "\"Ortoseundertøj efter behov (7 stk. pr. år)\": 7 stk. læses som det normale antal pr. år. "
                "Mere end 7 kan bevilges efter en konkret vurdering af behovet."),
    Fortolkning("kompression-under-laendeortose", (3406, 3408),
                "Reglen om 2 stk./par kompressionshjælpemidler årligt står i standarden for lænde/bækken "
                "ortose, hvor kompressionshjælpemidler ellers ikke er nævnt. Beregneren viser reglen, som den "
                "står, med henvisning til den standard; kommunen bør bekræfte, hvilke produkter den gælder."),
    Fortolkning("en-rollator-plus-ekstra", (5373, 5381),
                "Standarden siger, at \"Ekstra rollator kan bevilges\" i to tilfælde. Beregneren læser det som "
                "én rollator som udgangspunkt og én ekstra, hvis mindst ét af de to tilfælde gælder."),
    Fortolkning("en-dyne-som-udgangspunkt", (9132, 9135),
                "Standarden siger, at der \"i særlige tilfælde\" kan bevilges 2 dyner. Beregneren læser det "
                "som én dyne som udgangspunkt."),
)


def beregn(v: dict[str, Any], k: Kontekst) -> Resultat:
    produkt = v["produkt"]
    r = Resultat(overskrift=dict(PRODUKTER)[produkt])
    if produkt == "brystprotese":
        r.post("antal", "Antal pr. år", None, "Standarden angiver ikke et antal")
        r.forklar("Indsatsen kan indeholde brystprotese eller delprotese, strips til fastholdelse og "
                  "brystvorter, men standarden angiver ikke et antal pr. år. Ekstra protese til brug for "
                  "sport/fritid indgår ikke i indsatsen.", BRYST, (3935, 3958), regel="R130")
        return r
    _PRODUKT[produkt](v, k, r)
    return r


def _antal(v: dict[str, Any], r: Resultat, antal: int, enhed: str, over_tekst: str) -> None:
    """Posts the standard's count, what is left of it, and what needs an assessment."""
    modtaget, oensket = v["modtaget"], v["oensket"]
    rest = max(0, antal - modtaget)
    inden_for = min(oensket, rest)
    justeringer = enhed.startswith("justeringer")
    antal_tekst = (formater_antal(antal, "justering", "justeringer") + enhed.removeprefix("justeringer")
                   if justeringer else f"{formater_tal(antal)} {enhed}")
    r.post("antal", "Antal efter standarden", antal, antal_tekst)

    def kort(n: int) -> str:
        return formater_antal(n, "justering", "justeringer") if justeringer else f"{formater_tal(n)} stk."
    r.post("kan_bevilges", "Kan bevilges inden for antallet", inden_for, kort(inden_for))
    if oensket > inden_for:
        r.post("ud_over", "Ud over antallet", oensket - inden_for, f"{kort(oensket - inden_for)} – {over_tekst}")


def _regnestykke(v: dict[str, Any], antal: int) -> str:
    rest = max(0, antal - v["modtaget"])
    return (f" Allerede bevilget: {formater_tal(v['modtaget'])}, så der er {formater_tal(rest)} tilbage. "
            f"Der søges om {formater_tal(v['oensket'])}; {formater_tal(min(v['oensket'], rest))} ligger inden "
            f"for antallet.")


def _brokbind(v: dict[str, Any], k: Kontekst, r: Resultat) -> None:
    sats = k.sats(S_BROKBIND)
    antal = int(sats.vaerdi)
    _antal(v, r, antal, "stk. ved bevilling", "kan bevilges ved særligt behov af hygiejnehensyn"
           if v["hygiejne"] else "kræver en konkret vurdering; standarden nævner kun ekstra ved særligt "
                                 "behov af hygiejnehensyn")
    r.forklar(f"Der gives {formater_tal(antal)} bind ved bevilling, så det ene kan vaskes, mens det andet "
              "bruges." + _regnestykke(v, antal), BROKBIND, (3348, 3349), regel="R114", sats=sats)
    if v["hygiejne"]:
        r.forklar("Er der et særligt behov for ekstra brokbind af hygiejnehensyn, kan det bevilges efter en "
                  "konkret vurdering.", BROKBIND, (3332, 3333), regel="R113")


def _ortoseundertoej(v: dict[str, Any], k: Kontekst, r: Resultat) -> None:
    sats = k.sats(S_UNDERTOEJ)
    antal = int(sats.vaerdi)
    _antal(v, r, antal, "stk. pr. år", "efter behov, ud fra en konkret vurdering")
    r.forklar(f"Ortoseundertøj gives efter behov ({formater_tal(antal)} stk. pr. år)." + _regnestykke(v, antal),
              LAENDE, (3392, 3392), regel="R116", sats=sats, fortolkning="undertoej-efter-behov")


def _kompression(v: dict[str, Any], k: Kontekst, r: Resultat) -> None:
    sats = k.sats(S_KOMPRESSION)
    antal = int(sats.vaerdi)
    _antal(v, r, antal, "stk./par pr. år", "kan ydes ved særligt behov af hygiejnehensyn"
           if v["hygiejne"] else "kræver en konkret vurdering; standarden nævner kun ekstra ved særligt "
                                 "behov af hygiejnehensyn")
    r.forklar(f"Der udleveres altid {formater_tal(antal)} stk./par kompressionshjælpemidler årligt. "
              "Er der et særligt behov for ekstra af hygiejnehensyn, kan det ydes." + _regnestykke(v, antal),
              LAENDE, (3406, 3408), regel="R118", sats=sats, fortolkning="kompression-under-laendeortose")


def _ortose(v: dict[str, Any], k: Kontekst, r: Resultat) -> None:
    o = ORTOSER[v["produkt"]]
    sats = k.sats(o.sats)
    antal = int(sats.vaerdi)
    reserve = v["stof_paa_kroppen"] and v["saerligt_tilfaelde"]
    reserve_sats = k.sats(o.reserve_sats)
    i_alt = antal + (int(reserve_sats.vaerdi) if reserve else 0)
    _antal(v, r, i_alt, "stk." if not reserve else "stk. inkl. reserve",
           "kræver en konkret vurdering" if reserve else
           "kræver en konkret vurdering; standarden nævner kun en reserve til en ortose i stof, der bæres "
           "direkte på kroppen, i særlige tilfælde")
    tekst = f"Der ydes som udgangspunkt støtte til {formater_tal(antal)} ortose."
    if reserve:
        tekst += (f" Ortosen er i stof og bæres direkte på kroppen, og det er et særligt tilfælde, så der kan "
                  f"ydes {formater_tal(int(reserve_sats.vaerdi))} reservehjælpemiddel til brug, når ortosen "
                  f"vaskes og tørres: {formater_tal(i_alt)} i alt.")
    else:
        tekst += (" Et reservehjælpemiddel kan kun ydes i særlige tilfælde, når ortosen er i stof og bæres "
                  "direkte på kroppen.")
    r.forklar(tekst + _regnestykke(v, i_alt), o.standard, o.linjer, regel="R117",
              sats=reserve_sats if reserve else sats)


def _paryk(v: dict[str, Any], k: Kontekst, r: Resultat) -> None:
    sats = k.sats(S_PARYK)
    antal = int(sats.vaerdi)
    _antal(v, r, antal, "stk. om året", "kræver en konkret vurdering; behovet for reserveparyk vurderes "
                                        "samtidig med bevillingen")
    r.forklar(f"Der ydes som udgangspunkt støtte til {formater_tal(antal)} paryk/toupé om året. Behovet for "
              "reserveparyk vurderes samtidig." + _regnestykke(v, antal),
              PARYK, (4084, 4085), regel="R132", sats=sats, fortolkning="aarsperiode")
    r.forklar("Kan forhandleren konstatere, at parykken er beskadiget af forkert brug, ydes der ikke "
              "erstatningsparyk ud over den årlige udskiftning.", PARYK, (4108, 4110), regel="R133")


def _rollator(v: dict[str, Any], k: Kontekst, r: Resultat) -> None:
    ekstra = v["inde_og_ude_uden_rampe"] or v["flere_etager"]
    antal = ET_STYK + (ET_STYK if ekstra else 0)
    _antal(v, r, antal, "stk." if not ekstra else "stk. inkl. ekstra rollator", "kræver en konkret vurdering")
    grund = []
    if v["inde_og_ude_uden_rampe"]:
        grund.append("rollatoren bruges både inde og ude, og en udendørs rampe eller anden løsning kan ikke "
                     "etableres")
    if v["flere_etager"]:
        grund.append("borgeren skal færdes på flere etager eller i flere plan")
    tekst = ("Ekstra rollator kan bevilges, når rollatoren bruges både inde og ude uden mulighed for rampe "
             "eller anden løsning, eller når borgeren skal færdes på flere etager/i flere plan. ")
    tekst += ("Her gælder det, at " + " og ".join(grund) + "." if grund else "Ingen af delene gælder her.")
    r.forklar(tekst + _regnestykke(v, antal), ROLLATOR, (5373, 5381), regel="R147",
              fortolkning="en-rollator-plus-ekstra")


def _nf_walker(v: dict[str, Any], k: Kontekst, r: Resultat) -> None:
    sats = k.sats(S_NF)
    if v["saerlige_indstillingsbehov"]:
        interval = k.sats(S_NF_INTERVAL)
        antal = MAANEDER_PR_AAR // int(interval.vaerdi)
        _antal(v, r, antal, "justeringer pr. år", "kræver en konkret vurdering")
        r.forklar(f"Ved særlige indstillingsbehov kan der tilbydes indstilling hver "
                  f"{formater_tal(int(interval.vaerdi))}. måned, altså {MAANEDER_PR_AAR} / "
                  f"{formater_tal(int(interval.vaerdi))} = {formater_tal(antal)} gange om året."
                  + _regnestykke(v, antal), NF, (5491, 5494), regel="R149", sats=interval,
                  fortolkning="aarsperiode")
        return
    antal = int(sats.vaerdi)
    _antal(v, r, antal, "justeringer pr. år", "kræver særlige indstillingsbehov")
    r.forklar(f"Der bevilges {formater_tal(antal)} årlige justeringer af NF-walkeren, så den kan bruges "
              "optimalt." + _regnestykke(v, antal), NF, (5491, 5492), regel="R149", sats=sats,
              fortolkning="aarsperiode")


def _dyne(v: dict[str, Any], k: Kontekst, r: Resultat) -> None:
    if v["flere_bopaele"]:
        sats = k.sats(S_DYNER)
        antal = int(sats.vaerdi)
        _antal(v, r, antal, "stk.", "kræver en konkret vurdering")
        r.forklar(f"Der kan i særlige tilfælde bevilges {formater_tal(antal)} dyner, hvis dynen ikke, heller ikke "
                  "med besvær, kan transporteres mellem fx flere bopæle. Det indgår i vurderingen, om borgeren "
                  "har bil med støtte efter servicelovens § 114, da bilen skal følge borgeren."
                  + _regnestykke(v, antal), DYNE, (9132, 9135), regel="R212", sats=sats)
        return
    _antal(v, r, ET_STYK, "stk.", "kræver et særligt tilfælde, fx flere bopæle")
    r.forklar("Som udgangspunkt bevilges én dyne. To dyner kræver et særligt tilfælde, hvor dynen ikke kan "
              "transporteres mellem fx flere bopæle." + _regnestykke(v, ET_STYK),
              DYNE, (9132, 9135), regel="R212", fortolkning="en-dyne-som-udgangspunkt")


_PRODUKT = {
    "brokbind": _brokbind,
    "ortoseundertoej": _ortoseundertoej,
    "kompression": _kompression,
    **{p: _ortose for p in ORTOSER},
    "paryk": _paryk,
    "rollator": _rollator,
    "nf_walker": _nf_walker,
    "dyne": _dyne,
}

BEREGNER = Beregner(
    id="aarlige_maengder",
    titel="Antal og årlige mængder af kropsbårne og personlige hjælpemidler",
    beskrivelse=("Vælg hjælpemidlet, og se hvor mange standarden giver (pr. år eller pr. bevilling), hvor mange "
                 "der er tilbage, og hvad der kræver en konkret vurdering."),
    goer_ikke=("Beregneren vurderer ikke, om borgeren opfylder kriterierne for hjælpemidlet, og den beregner "
               "ikke egenbetaling ved frit valg af leverandør og produkt."),
    standarder=(BROKBIND, LAENDE, HALS, SKULDER, SDO, BRYST, PARYK, ROLLATOR, NF, DYNE),
    satser=(S_BROKBIND, S_UNDERTOEJ, S_KOMPRESSION, S_PARYK, S_NF, S_NF_INTERVAL, S_DYNER)
    + tuple(s for o in ORTOSER.values() for s in (o.sats, o.reserve_sats)),
    felter=FELTER,
    fortolkninger=FORTOLKNINGER,
    beregn=beregn,
    hovedsvar=("kan_bevilges",),
)
