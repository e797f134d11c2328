"""Hovedrengøring: does the citizen meet the conditions for the yearly main cleaning?

Standard #22 Hovedrengøring som årlig indsats (source: 003_a9efded0fbb87759.txt, lines 1861–1914):
  criteria at 1874–1884 (rules R042–R044), remarks at 1899–1906 (R045, R046); the FSIII method is
  described in Bilag 5 (12600–12677), whose figures were lost in the text extraction.
Ambiguities A9 (the FSIII expression) and A14 ("én gang om året", "Borgere der modtaget … § 83a")
in source-notes/rules_003.md are decided in the Fortolkninger below. Every limit comes from
catalogue/satser/hovedrengoering.yaml; the rates in force on the assessment date are used.
"""
from __future__ import annotations

from datetime import date
from typing import Any

from .datoer import laeg_maaneder_til
from .felter import Dato, Heltal, JaNej, Valg, formater_dato, formater_tal
from .katalog import SatsIkkeGaeldende, SatsVaerdi
from .model import Beregner, FeltFejl, Fortolkning, Kontekst, Resultat

STANDARD = "hovedrengoering-som-aarlig-indsats"
BILAG_FSIII = 5

S_LHA = "hovedrengoering.niveau_lave_husligt_arbejde"
S_VES = "hovedrengoering.niveau_varetage_egen_sundhed"
S_PLEJE = "hovedrengoering.personlig_pleje_min_indsatser"
S_DAGE = "hovedrengoering.besoegsdage_min"
S_MAANEDER = "hovedrengoering.bevilget_min_maaneder"
S_GANGE = "hovedrengoering.gange_pr_aar"

# The FSIII levels 0–4 with the names Fælles Sprog III (KL) gives them; the standard uses the
# numbers but does not name them (Bilag 5's figures are lost, see Fortolkning "fsiii-skala").
NIVEAUER = (
    ("0", "0 – Ingen/ubetydelige begrænsninger"),
    ("1", "1 – Lette begrænsninger"),
    ("2", "2 – Moderate begrænsninger"),
    ("3", "3 – Svære begrænsninger"),
    ("4", "4 – Totale begrænsninger"),
)

FELTER = (
    Valg("lave_husligt_arbejde", "Funktionsniveau for ”Lave husligt arbejde” (FSIII)", muligheder=NIVEAUER,
         hjaelp="Dit niveau i den seneste udredning efter Fælles Sprog III."),
    Valg("varetage_egen_sundhed", "Funktionsniveau for ”Varetage egen sundhed” (FSIII)", muligheder=NIVEAUER,
         paakraevet=False,
         hjaelp=("Valgfrit. Niveauet står i standardens udtryk, men ændrer ikke svaret, fordi udtrykket også "
                 "er opfyldt af ”Lave husligt arbejde” alene (se fortolkningen).")),
    JaNej("har_rengoering", "Er du i forvejen bevilget støtte til rengøring?"),
    Heltal("antal_personlig_pleje", "Antal bevilgede indsatser til personlig pleje", enhed="indsatser", max=100,
           hjaelp="Skriv 0, hvis du ikke er bevilget personlig pleje."),
    Heltal("besoegsdage_pr_uge", "På hvor mange dage om ugen er besøgene placeret?", enhed="dage", max=7,
           hjaelp="Antal forskellige ugedage, hvor du får besøg med de bevilgede indsatser."),
    Dato("bevilget_siden", "Hvornår blev indsatserne bevilget?",
         hjaelp=("Datoen, fra hvilken du har haft både rengøring og personlig pleje bevilget. Er de "
                 "bevilget på forskellige datoer, så skriv den seneste af dem.")),
    Dato("vurderingsdato", "Vurderingsdato", paakraevet=False,
         hjaelp="Den dag, vurderingen gælder. Lader du feltet stå tomt, bruges dagens dato."),
    Dato("seneste_hovedrengoering", "Hvornår fik du sidst hovedrengøring?", paakraevet=False,
         hjaelp="Lad feltet stå tomt, hvis du ikke har fået hovedrengøring før."),
    JaNej("rehabilitering_83a", "Modtager du et rehabiliteringsforløb efter serviceloven § 83a?",
          hjaelp="Svar ja, hvis du er i et § 83a-forløb på vurderingsdatoen (se fortolkningen)."),
)

FORTOLKNINGER = (
    Fortolkning("fsiii-udtryk", (1877, 1878),
                "Standarden skriver: ”Lave husligt arbejde” 2 og ”Varetage egen sundhed” 2 eller, ”Lave "
                "husligt arbejde” 2. Beregneren læser »og« som stærkere end »eller« og et tal som »dette "
                "niveau eller højere«: (”Lave husligt arbejde” mindst 2 og ”Varetage egen sundhed” mindst 2) "
                "eller (”Lave husligt arbejde” mindst 2). Det andet alternativ er altid opfyldt, når det "
                "første er, så udtrykket svarer til ”Lave husligt arbejde” mindst 2. ”Varetage egen sundhed” "
                "ændrer derfor ikke svaret, men vises, fordi det står i standarden. Funktionsniveauet er "
                "vejledende. Kommunen bør bekræfte, hvad udtrykket skal betyde."),
    Fortolkning("fsiii-skala", (12636, 12652),
                "Kvalitetsstandarden forklarer ikke niveauerne 0–4; figurerne i bilag 5 om Fælles Sprog III "
                "er gået tabt i kildeteksten. Beregneren bruger betegnelserne fra Fælles Sprog III (KL): "
                "0 ingen/ubetydelige, 1 lette, 2 moderate, 3 svære og 4 totale begrænsninger."),
    Fortolkning("seks-maaneder", (1880, 1884),
                "»Indsatserne« læses som støtten til rengøring og den personlige pleje i punktet ovenover. "
                "Månederne tælles som kalendermåneder fra den dato, hvor borgeren havde begge indsatser "
                "bevilget, til vurderingsdatoen. Er der gået præcis det antal måneder, standarden kræver, er betingelsen opfyldt (»minimum«). Findes dagen ikke i "
                "måneden, bruges månedens sidste dag."),
    Fortolkning("en-gang-om-aaret", (1899, 1899),
                "»Én gang om året« kan læses som én gang pr. kalenderår eller én gang inden for et år "
                "(12 måneder). Beregneren bruger et år regnet fra seneste hovedrengøring: næste "
                "hovedrengøring kan tidligst bevilges samme dato året efter (fra 29. februar regnes til "
                "28. februar). Så kan to hovedrengøringer ikke ligge tættere end et år, fx i december og "
                "januar. Giver læsningen som kalenderår et andet svar, står det i forklaringen. Kommunen bør "
                "bekræfte læsningen."),
    Fortolkning("rehabilitering-83a", (1901, 1902),
                "Standarden skriver »Borgere der modtaget rehabiliteringsindsats jf. serviceloven § 83a«; "
                "sætningen mangler et ord. Beregneren læser den som borgere, der modtager et § 83a-forløb på "
                "vurderingsdatoen, ikke som alle, der nogensinde har haft et forløb. Kommunen bør bekræfte "
                "læsningen."),
)


def beregn(v: dict[str, Any], k: Kontekst) -> Resultat:
    vurderingsdato: date = v.get("vurderingsdato") or k.dato
    _tjek_datoer(v, vurderingsdato)

    def sats(sats_id: str) -> SatsVaerdi:
        # Every rate in `satser` holds on the calculation date (checked before `beregn` is called), so
        # only a typed assessment date can be outside them.
        try:
            return k.katalog.sats(sats_id, vurderingsdato)
        except SatsIkkeGaeldende:
            raise FeltFejl("vurderingsdato", "Kvalitetsstandarden har ingen gældende regler på "
                           f"{formater_dato(vurderingsdato)}. Vælg en senere vurderingsdato.") from None

    r = Resultat(overskrift="Hovedrengøring – opfylder borgeren betingelserne?")
    ikke_opfyldt: list[str] = []
    _funktionsniveau(v, sats, r, ikke_opfyldt)
    _eksisterende_hjaelp(v, sats, r, ikke_opfyldt)
    _seks_maaneder(v, vurderingsdato, sats, r, ikke_opfyldt)
    _en_gang_om_aaret(v, vurderingsdato, sats, r, ikke_opfyldt)
    _rehabilitering(v, r, ikke_opfyldt)

    vurdering = ("Afgørelsen træffes altid efter en konkret og individuel vurdering af borgerens behov og "
                 "forudsætninger og i samarbejde med borgeren.")
    if ikke_opfyldt:
        r.post("opfylder", "Samlet svar", False,
               "Opfylder ikke betingelserne – ikke opfyldt: " + "; ".join(ikke_opfyldt) + ". " + vurdering)
    else:
        r.post("opfylder", "Samlet svar", True, "Opfylder betingelserne. " + vurdering)
    r.forklar(f"Vurderingsdato: {formater_dato(vurderingsdato)}. "
              + ("Alle betingelserne i standarden er opfyldt. " if not ikke_opfyldt else
                 f"{_antal_betingelser(len(ikke_opfyldt))} i standarden er ikke opfyldt. ")
              + "Indsatsen bevilges og tilrettelægges på baggrund af en konkret og individuel vurdering af "
              "den enkelte persons behov og forudsætninger og i samarbejde med den enkelte.",
              STANDARD, (1904, 1906))
    return r


def _tjek_datoer(v: dict[str, Any], vurderingsdato: date) -> None:
    bevilget, seneste = v["bevilget_siden"], v.get("seneste_hovedrengoering")
    if bevilget > vurderingsdato:
        if v.get("vurderingsdato") is not None:
            raise FeltFejl("vurderingsdato", f"Vurderingsdatoen ligger før den dato, indsatserne blev bevilget "
                           f"({formater_dato(bevilget)}). Tjek de to datoer.")
        raise FeltFejl("bevilget_siden", f"Datoen ligger efter vurderingsdatoen, som er dagens dato "
                       f"({formater_dato(vurderingsdato)}). Tjek datoen, eller skriv en vurderingsdato.")
    if seneste is not None and seneste > vurderingsdato:
        raise FeltFejl("seneste_hovedrengoering", "Den seneste hovedrengøring kan ikke ligge efter "
                       f"vurderingsdatoen ({formater_dato(vurderingsdato)}). Tjek datoen.")


def _funktionsniveau(v: dict[str, Any], sats, r: Resultat, ikke_opfyldt: list[str]) -> None:
    s_lha, s_ves = sats(S_LHA), sats(S_VES)
    lha, ves = int(v["lave_husligt_arbejde"]), v.get("varetage_egen_sundhed")
    krav_lha, krav_ves = int(s_lha.vaerdi), int(s_ves.vaerdi)
    alt2 = lha >= krav_lha
    if ves is None:
        # Without the second score the first alternative is known only when it fails on the first score.
        alt1_tekst = ("ikke opfyldt" if not alt2 else "kan ikke afgøres, men det ændrer ikke svaret")
    else:
        alt1_tekst = "opfyldt" if (alt2 and int(ves) >= krav_ves) else "ikke opfyldt"
    udtryk = (f"”Lave husligt arbejde” {krav_lha} og ”Varetage egen sundhed” {krav_ves} eller, "
              f"”Lave husligt arbejde” {krav_lha}")
    r.post("funktionsniveau", "Vejledende funktionsniveau (linje 1877–1878)", alt2,
           (f"Opfyldt – ”Lave husligt arbejde” er {lha}, mindst {krav_lha}" if alt2 else
            f"Ikke opfyldt – ”Lave husligt arbejde” er {lha}, men skal være mindst {krav_lha}")
           + ". Funktionsniveauet er vejledende.")
    if not alt2:
        ikke_opfyldt.append("vejledende funktionsniveau")
    ves_tekst = "ikke oplyst" if ves is None else str(int(ves))
    r.forklar(f"Standardens udtryk: {udtryk}. Første alternativ: ”Lave husligt arbejde” mindst {krav_lha} "
              f"og ”Varetage egen sundhed” mindst {krav_ves}. Borgeren har ”Lave husligt arbejde” {lha} og "
              f"”Varetage egen sundhed” {ves_tekst}, så første alternativ er {alt1_tekst}.",
              STANDARD, (1877, 1878), regel="R042", sats=s_ves, fortolkning="fsiii-udtryk")
    r.forklar(f"Andet alternativ: ”Lave husligt arbejde” mindst {krav_lha}. Borgeren har {lha}: "
              f"{'opfyldt' if alt2 else 'ikke opfyldt'}. Udtrykket er dermed "
              f"{'opfyldt' if alt2 else 'ikke opfyldt'}. Funktionsniveauet er vejledende.",
              STANDARD, (1877, 1878), regel="R042", sats=s_lha, fortolkning="fsiii-udtryk")
    r.forklar("Niveauerne følger Fælles Sprog III: 0 ingen/ubetydelige, 1 lette, 2 moderate, 3 svære og "
              "4 totale begrænsninger. Indsatser på servicelovsområdet bevilges ud fra funktionsevnetilstandene.",
              None, (12636, 12652), bilag=BILAG_FSIII, fortolkning="fsiii-skala")


def _eksisterende_hjaelp(v: dict[str, Any], sats, r: Resultat, ikke_opfyldt: list[str]) -> None:
    s_pleje, s_dage = sats(S_PLEJE), sats(S_DAGE)
    min_pleje, min_dage = int(s_pleje.vaerdi), int(s_dage.vaerdi)
    rengoering, pleje, dage = v["har_rengoering"], v["antal_personlig_pleje"], v["besoegsdage_pr_uge"]

    r.post("rengoering", "Bevilget støtte til rengøring i forvejen (linje 1880)", rengoering,
           "Opfyldt" if rengoering else "Ikke opfyldt – borgeren skal i forvejen have støtte til rengøring")
    if not rengoering:
        ikke_opfyldt.append("støtte til rengøring i forvejen")
    pleje_ok = pleje >= min_pleje
    r.post("personlig_pleje", "Bevilget personlig pleje i forvejen (linje 1880–1881)", pleje_ok,
           (f"Opfyldt – {_indsatser(pleje)}" if pleje_ok else
            f"Ikke opfyldt – {_indsatser(pleje)}, men der skal være mindst {_indsatser(min_pleje)}"))
    if not pleje_ok:
        ikke_opfyldt.append("indsats til personlig pleje")
    r.forklar(f"Borgeren skal i forvejen være bevilget støtte til rengøring og mindst {_indsatser(min_pleje)} "
              f"til personlig pleje. Støtte til rengøring: {'ja' if rengoering else 'nej'}. Personlig pleje: "
              f"{_indsatser(pleje)}.", STANDARD, (1880, 1881), regel="R043", sats=s_pleje)

    dage_ok = dage >= min_dage
    r.post("besoegsdage", f"Besøg på mindst {_dage(min_dage)} om ugen (linje 1881–1882)", dage_ok,
           (f"Opfyldt – {_dage(dage)} om ugen" if dage_ok else
            f"Ikke opfyldt – {_dage(dage)} om ugen, men der skal være mindst {_dage(min_dage)}"))
    if not dage_ok:
        ikke_opfyldt.append(f"besøg på mindst {_dage(min_dage)} om ugen")
    r.forklar(f"Besøgene skal være placeret på {formater_tal(min_dage)} eller flere dage om ugen. Borgeren har "
              f"besøg på {_dage(dage)} om ugen.", STANDARD, (1881, 1882), regel="R043", sats=s_dage)


def _seks_maaneder(v: dict[str, Any], vurderingsdato: date, sats, r: Resultat,
                   ikke_opfyldt: list[str]) -> None:
    s = sats(S_MAANEDER)
    maaneder = int(s.vaerdi)
    bevilget = v["bevilget_siden"]
    tidligst = laeg_maaneder_til(bevilget, maaneder)
    ok = vurderingsdato >= tidligst
    r.post("bevilget_laenge_nok", f"Indsatserne bevilget i mindst {maaneder} måneder (linje 1884)", ok,
           (f"Opfyldt – bevilget siden {formater_dato(bevilget)}" if ok else
            f"Ikke opfyldt – bevilget siden {formater_dato(bevilget)}; tidligst opfyldt {formater_dato(tidligst)}"))
    r.post("bevilget_laenge_nok_fra", f"Dato, hvor indsatserne har været bevilget i {maaneder} måneder",
           tidligst, formater_dato(tidligst))
    if not ok:
        ikke_opfyldt.append(f"indsatserne bevilget i mindst {maaneder} måneder")
    r.forklar(f"Indsatserne skal have været bevilget i mindst {maaneder} måneder. Bevilget siden "
              f"{formater_dato(bevilget)} + {maaneder} måneder = {formater_dato(tidligst)}. Vurderingsdatoen er "
              f"{formater_dato(vurderingsdato)}, så betingelsen er {'opfyldt' if ok else 'ikke opfyldt'}.",
              STANDARD, (1884, 1884), regel="R044", sats=s, fortolkning="seks-maaneder")


def _en_gang_om_aaret(v: dict[str, Any], vurderingsdato: date, sats, r: Resultat,
                      ikke_opfyldt: list[str]) -> None:
    s = sats(S_GANGE)
    gange = int(s.vaerdi)
    seneste = v.get("seneste_hovedrengoering")
    if seneste is None:
        r.post("en_gang_om_aaret", f"Højst {_gange(gange)} om året (linje 1899)", True,
               "Opfyldt – ingen tidligere hovedrengøring oplyst")
        r.forklar(f"Indsatsen kan bevilges {_gange(gange)} om året. Der er ikke oplyst nogen tidligere "
                  "hovedrengøring.", STANDARD, (1899, 1899), regel="R045", sats=s, fortolkning="en-gang-om-aaret")
        return
    naeste = laeg_maaneder_til(seneste, 12)
    # Only the latest main cleaning is known, so the year before the assessment date holds 0 or 1 of them.
    i_aaret = 1 if vurderingsdato < naeste else 0
    ok = i_aaret < gange
    r.post("en_gang_om_aaret", f"Højst {_gange(gange)} om året (linje 1899)", ok,
           (f"Opfyldt – seneste hovedrengøring {formater_dato(seneste)}" if ok else
            f"Ikke opfyldt – seneste hovedrengøring {formater_dato(seneste)}; tidligst igen "
            f"{formater_dato(naeste)}"))
    r.post("naeste_hovedrengoering_fra", "Tidligste dato for næste hovedrengøring", naeste, formater_dato(naeste))
    if not ok:
        ikke_opfyldt.append(f"højst {_gange(gange)} om året")
    tekst = (f"Indsatsen kan bevilges {_gange(gange)} om året. Seneste hovedrengøring: {formater_dato(seneste)}; "
             f"et år senere er {formater_dato(naeste)}. Vurderingsdatoen er {formater_dato(vurderingsdato)}, så "
             f"betingelsen er {'opfyldt' if ok else 'ikke opfyldt'}.")
    kalenderaar_ok = (1 if seneste.year == vurderingsdato.year else 0) < gange
    if kalenderaar_ok != ok:
        tekst += (" Læses »om året« i stedet som kalenderår, ville betingelsen være "
                  + ("opfyldt, fordi seneste hovedrengøring var i et tidligere kalenderår." if kalenderaar_ok else
                     "ikke opfyldt, fordi borgeren allerede har fået hovedrengøring i samme kalenderår."))
    r.forklar(tekst, STANDARD, (1899, 1899), regel="R045", sats=s, fortolkning="en-gang-om-aaret")


def _rehabilitering(v: dict[str, Any], r: Resultat, ikke_opfyldt: list[str]) -> None:
    i_forloeb = v["rehabilitering_83a"]
    r.post("ikke_rehabilitering_83a", "Ikke i rehabiliteringsforløb efter § 83a (linje 1901–1902)", not i_forloeb,
           "Ikke opfyldt – borgeren modtager et § 83a-forløb" if i_forloeb else "Opfyldt")
    if i_forloeb:
        ikke_opfyldt.append("borgeren modtager rehabilitering efter § 83a")
    r.forklar("Borgere, der modtager rehabiliteringsindsats efter serviceloven § 83a, tilbydes ikke "
              f"hovedrengøring. Borgeren {'modtager' if i_forloeb else 'modtager ikke'} et § 83a-forløb.",
              STANDARD, (1901, 1902), regel="R046", fortolkning="rehabilitering-83a")


def _indsatser(n: int) -> str:
    return f"{formater_tal(n)} indsats" + ("" if n == 1 else "er")


def _dage(n: int) -> str:
    return f"{formater_tal(n)} dag" + ("" if n == 1 else "e")


def _gange(n: int) -> str:
    return "én gang" if n == 1 else f"{formater_tal(n)} gange"


def _antal_betingelser(n: int) -> str:
    return "Én af betingelserne" if n == 1 else f"{formater_tal(n)} af betingelserne"


BEREGNER = Beregner(
    id="hovedrengoering",
    titel="Hovedrengøring – opfylder borgeren betingelserne?",
    beskrivelse=("Gennemgår betingelserne for hovedrengøring som årlig indsats én for én: vejledende "
                 "funktionsniveau, støtte til rengøring og personlig pleje i forvejen, besøg på flere dage om "
                 "ugen, hvor længe indsatserne har været bevilget, hvor ofte hovedrengøring kan bevilges, og "
                 "rehabilitering efter § 83a."),
    goer_ikke=("Beregneren træffer ikke afgørelse. Den vurderer ikke, hvad borgeren selv kan, eller hvad "
               "hovedrengøringen skal indeholde, og den kender kun datoen for den seneste hovedrengøring."),
    standarder=(STANDARD,),
    satser=(S_LHA, S_VES, S_PLEJE, S_DAGE, S_MAANEDER, S_GANGE),
    felter=FELTER,
    fortolkninger=FORTOLKNINGER,
    beregn=beregn,
    hovedsvar=("opfylder",),
)
