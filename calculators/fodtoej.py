"""Orthopaedic footwear: the grant for two pairs of ordinary shoes when the feet differ in size,
the earliest date for spare footwear, replacement for adults and children, and the co-payment.

Standard #48 Ortopædisk fodtøj og fodindlæg (source 003_a9efded0fbb87759.txt, lines 3796–3899);
rules R122–R128, R-X1, missing numbers M11 and M12 and ambiguity A15 in
source-notes/rules_003.md. Every number comes from catalogue/satser/fodtoej.yaml, except
"halvdelen" (line 3835), which the code writes as a division by two (see HALVDELEN).
"""
from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from .datoer import laeg_maaneder_til
from .felter import (
    Beloeb, Dato, Decimaltal, Heltal, JaNej, Valg, afrund_oere, formater_dato, formater_decimal, formater_kr,
    formater_tal,
)
from .model import Beregner, FeltFejl, Fortolkning, Kontekst, Resultat

FODTOEJ = "ortopaedisk-fodtoej-og-fodindlaeg"

S_FORSKEL = "fodtoej.skonummerforskel_min"
S_MAKS = "fodtoej.maks_tilskud_almindeligt_fodtoej"
S_RESERVE = "fodtoej.reserve_efter_maaneder"
S_ALDER = "fodtoej.udskiftning_alder"
S_EGEN = "fodtoej.egenbetaling_ortopaedisk"

# "Hjælpen ydes med halvdelen af den samlede udgift" (line 3834–3835). The source writes the share
# as a word, not a number, so it is not a dated rate (a rate's value must be written in its lines).
HALVDELEN = Decimal(2)

SKO = ({"spoergsmaal": ("skonummer",)},)
RESERVE = ({"spoergsmaal": ("reserve",)},)
RESERVE_FOERSTE = ({"spoergsmaal": ("reserve",), "foerstegang": ("ja",)},)
ALDER = ({"spoergsmaal": ("udskiftning",)},)
EGEN = ({"spoergsmaal": ("egenbetaling",)},)

FELTER = (
    Valg("spoergsmaal", "Hvad vil du have beregnet?", muligheder=(
        ("skonummer", "Tilskud til to par almindeligt fodtøj, fordi fødderne har forskellig størrelse"),
        ("reserve", "Hvornår der tidligst kan bevilges reservefodtøj"),
        ("udskiftning", "Udskiftning: voksen eller barn"),
        ("egenbetaling", "Egenbetaling på ortopædisk fodtøj"),
    )),
    Decimaltal("str_venstre", "Skostørrelse, venstre fod", enhed="nr.", min=Decimal(1), max=Decimal(60),
               decimaler=1, hjaelp="Europæisk skonummer, fx 41 eller 41,5.", vis_hvis=SKO),
    Decimaltal("str_hoejre", "Skostørrelse, højre fod", enhed="nr.", min=Decimal(1), max=Decimal(60),
               decimaler=1, hjaelp="Europæisk skonummer, fx 43 eller 43,5.", vis_hvis=SKO),
    Beloeb("samlet_udgift", "Samlet udgift til de to par sko", paakraevet=False,
           hjaelp="Valgfri. Skriv prisen for begge par tilsammen, så beregnes tilskuddet.", vis_hvis=SKO),
    Beloeb("maks_tilskud", "Højeste tilskud efter statens takstblad", paakraevet=False,
           erstatter_sats=S_MAKS,
           hjaelp="Standarden siger, at loftet fastsættes efter statens takstblad, men angiver ikke "
                  "beløbet. Skriv det, hvis du kender det.", vis_hvis=SKO),
    JaNej("foerstegang", "Er det din første bevilling af ortopædisk fodtøj?", vis_hvis=RESERVE),
    Dato("foerste_bevilling", "Dato for førstegangsbevillingen", vis_hvis=RESERVE_FOERSTE),
    Dato("reserve_dato", "Hvornår ønskes reservefodtøjet bevilget eller købt?", vis_hvis=RESERVE_FOERSTE),
    Heltal("alder", "Din alder", enhed="år", max=130, vis_hvis=ALDER),
    Beloeb("pris", "Pris på det ortopædiske fodtøj", vis_hvis=EGEN, positiv=True),
    Beloeb("egenbetaling_takst", "Din egenbetaling efter statens takstblad", paakraevet=False,
           erstatter_sats=S_EGEN,
           hjaelp="Standarden nævner egenbetalingen, men ikke beløbet. Skriv beløbet i kroner, hvis du "
                  "kender det.", vis_hvis=EGEN),
    JaNej("vaernefodtoej", "Er det ortopædisk værnefodtøj, som arbejdsgiveren i forvejen skal betale for?",
          startvaerdi="nej", vis_hvis=EGEN),
    Beloeb("vaerne_udgift", "Sædvanlig udgift til værnefodtøj", hjaelp="Det beløb, arbejdsgiveren "
           "normalt betaler for værnefodtøj til medarbejderen.",
           vis_hvis=({"spoergsmaal": ("egenbetaling",), "vaernefodtoej": ("ja",)},)),
)

FORTOLKNINGER = (
    Fortolkning("hele-skonumre", (3832, 3834),
                "\"minimum 2 hele skonumre størrelsesforskel\" læses som en forskel på mindst 2,0 numre. "
                "Et halvt nummer tæller som et halvt, så 1,5 nummers forskel er ikke nok."),
    Fortolkning("loft-ikke-oplyst", (3834, 3836),
                "Tilskuddet er halvdelen af den samlede udgift, men højst det loft, statens takstblad "
                "fastsætter. Standarden angiver ikke loftet, så uden det viser beregneren halvdelen af "
                "udgiften som det højest mulige tilskud."),
    Fortolkning("tre-maaneder-fra-bevilling", (3852, 3854),
                "\"efter tre måneders forløb\" tælles som tre kalendermåneder fra datoen for "
                "førstegangsbevillingen. Findes dagen ikke i måneden, bruges månedens sidste dag."),
    Fortolkning("fyldt-18", (3855, 3857),
                "Standarden nævner \"personer over 18 år\" og \"børn under 18 år\", men ikke borgere på "
                "præcis 18 år. Beregneren regner dem som voksne. Kommunen bør bekræfte læsningen."),
    Fortolkning("egenbetaling-som-beloeb", (3874, 3880),
                "Standarden siger hverken hvor stor egenbetalingen efter statens takstblad er, eller om "
                "det er et fast beløb. Beregneren trækker det beløb, du skriver, fra prisen, og derefter "
                "arbejdsgiverens del ved værnefodtøj; ingen del kan blive større end det, der er tilbage "
                "af prisen."),
)


def beregn(v: dict[str, Any], k: Kontekst) -> Resultat:
    spoergsmaal = v["spoergsmaal"]
    r = Resultat(overskrift=_OVERSKRIFT[spoergsmaal])
    {"skonummer": _skonummer, "reserve": _reserve, "udskiftning": _udskiftning,
     "egenbetaling": _egenbetaling}[spoergsmaal](v, k, r)
    return r


_OVERSKRIFT = {
    "skonummer": "Tilskud til to par almindeligt fodtøj",
    "reserve": "Reservefodtøj",
    "udskiftning": "Udskiftning af fodtøj og fodindlæg",
    "egenbetaling": "Egenbetaling på ortopædisk fodtøj",
}


def _skonummer(v: dict[str, Any], k: Kontekst, r: Resultat) -> None:
    for felt in ("str_venstre", "str_hoejre"):
        if (v[felt] * 2) % 1:
            raise FeltFejl(felt, "Skriv skostørrelsen som et helt eller halvt nummer, fx 41 eller 41,5.")
    sats = k.sats(S_FORSKEL)
    forskel = abs(v["str_venstre"] - v["str_hoejre"])
    ja = forskel >= sats.vaerdi
    r.post("skonummerforskel", "Forskel i skostørrelse", forskel, _numre(forskel))
    r.post("berettiget", "Kan få hjælp til to par almindeligt fodtøj", ja,
           "Ja" if ja else f"Nej – forskellen skal være mindst {formater_decimal(sats.vaerdi)} hele skonumre")
    r.forklar(f"Borgeren kan få hjælp til almindeligt fodtøj, hvis der er mindst "
              f"{formater_decimal(sats.vaerdi)} hele skonumre i størrelsesforskel på fødderne, så borgeren må "
              f"købe to par sko. Venstre fod: {formater_decimal(v['str_venstre'])}, højre fod: "
              f"{formater_decimal(v['str_hoejre'])}, forskel: {_numre(forskel)}.",
              FODTOEJ, (3832, 3834), regel="R123", sats=sats, fortolkning="hele-skonumre")
    r.forklar("Beregneren vurderer ikke, om borgeren opfylder kriterierne for ortopædisk fodtøj (lægelig "
              "dokumentation for en svær foddeformitet og en af de syv indikationer).",
              FODTOEJ, (3814, 3830), regel="R122")
    udgift = v.get("samlet_udgift")
    if not ja or udgift is None:
        return
    halvdel = afrund_oere(udgift / HALVDELEN)
    maks_sats = k.sats(S_MAKS)
    loft = maks_sats.vaerdi if maks_sats.vaerdi is not None else v.get("maks_tilskud")
    if loft is None:
        r.post("tilskud", "Tilskud (højst)", halvdel,
               f"{formater_kr(halvdel)} – dog højst loftet efter statens takstblad, som ikke er oplyst")
        r.post("egenbetaling", "Borgerens egenbetaling (mindst)", udgift - halvdel, formater_kr(udgift - halvdel))
        r.forklar(f"Hjælpen er halvdelen af den samlede udgift: {formater_kr(udgift)} / 2 = "
                  f"{formater_kr(halvdel)} Loftet efter statens takstblad står ikke i standarden "
                  f"({maks_sats.mangler}), så tilskuddet kan blive lavere.",
                  FODTOEJ, (3834, 3836), regel="R123", sats=maks_sats, fortolkning="loft-ikke-oplyst")
        return
    tilskud = min(halvdel, loft)
    kilde = "fra kataloget" if maks_sats.vaerdi is not None else "som du har oplyst"
    r.post("tilskud", "Tilskud", tilskud, formater_kr(tilskud))
    r.post("egenbetaling", "Borgerens egenbetaling", udgift - tilskud, formater_kr(udgift - tilskud))
    r.forklar(f"Hjælpen er halvdelen af den samlede udgift: {formater_kr(udgift)} / 2 = {formater_kr(halvdel)}, "
              f"dog højst loftet efter statens takstblad ({kilde}: {formater_kr(loft)}). Tilskud: "
              f"{formater_kr(tilskud)}", FODTOEJ, (3834, 3836), regel="R123", sats=maks_sats)


def _reserve(v: dict[str, Any], k: Kontekst, r: Resultat) -> None:
    if not v["foerstegang"]:
        r.post("reserve_tidligst", "Tidligste dato for reservefodtøj", None,
               "Ingen ventetid i standarden – konkret vurdering")
        r.forklar("Ventetiden på tre måneder gælder kun ved førstegangsbevillinger. Standarden angiver ingen "
                  "ventetid i andre tilfælde.", FODTOEJ, (3852, 3854), regel="R124")
        return
    foerste, oensket = v["foerste_bevilling"], v["reserve_dato"]
    if oensket < foerste:
        raise FeltFejl("reserve_dato", "Datoen for reservefodtøjet kan ikke ligge før førstegangsbevillingen.")
    sats = k.sats(S_RESERVE)
    tidligst = laeg_maaneder_til(foerste, int(sats.vaerdi))
    kan = oensket >= tidligst
    r.post("reserve_tidligst", "Tidligste dato for reservefodtøj", tidligst, formater_dato(tidligst))
    r.post("reserve_kan_bevilges", "Kan reservefodtøjet bevilges på den ønskede dato", kan,
           "Ja" if kan else f"Nej – tidligst {formater_dato(tidligst)}")
    r.forklar(f"Ved førstegangsbevillinger kan reservefodtøj først bevilges eller anskaffes efter "
              f"{formater_tal(int(sats.vaerdi))} måneders forløb, af hensyn til eventuelle tilpasningsproblemer. "
              f"Førstegangsbevilling {formater_dato(foerste)} + {formater_tal(int(sats.vaerdi))} måneder = "
              f"{formater_dato(tidligst)}. Ønsket dato: {formater_dato(oensket)}.",
              FODTOEJ, (3852, 3854), regel="R124", sats=sats, fortolkning="tre-maaneder-fra-bevilling")


def _udskiftning(v: dict[str, Any], k: Kontekst, r: Resultat) -> None:
    sats = k.sats(S_ALDER)
    graense, alder = int(sats.vaerdi), v["alder"]
    voksen = alder >= graense
    if voksen:
        r.post("regel", "Hvad kan bevilges", "udskiftning", "Der kan ydes hjælp til udskiftning")
    else:
        r.post("regel", "Hvad kan bevilges", "efter_behov",
               "Det antal fodtøj og fodindlæg, der er behov for, i takt med at barnet vokser")
    r.forklar(f"Til personer over {graense} år kan der ydes hjælp til udskiftning. Børn under {graense} år "
              f"bevilges det antal fodtøj og fodindlæg, der er behov for, i takt med at barnet vokser. "
              f"Borgeren er {formater_tal(alder)} år"
              + (f"; en borger på præcis {graense} år regnes som voksen." if alder == graense else "."),
              FODTOEJ, (3855, 3857), regel="R125", sats=sats,
              fortolkning="fyldt-18" if alder == graense else None)


def _egenbetaling(v: dict[str, Any], k: Kontekst, r: Resultat) -> None:
    pris: Decimal = v["pris"]
    sats = k.sats(S_EGEN)
    takst = sats.vaerdi if sats.vaerdi is not None else v.get("egenbetaling_takst")
    if takst is None:
        egen = None
        r.post("egenbetaling", "Din egenbetaling efter statens takstblad", None,
               "Fastsat i statens takstblad – ikke oplyst i standarden")
        r.forklar(f"Borgeren har altid en egenbetaling på ortopædisk fodtøj efter statens takstblad, men "
                  f"beløbet står ikke i standarden ({sats.mangler}). Skriv beløbet, hvis du kender det.",
                  FODTOEJ, (3874, 3875), regel="R126", sats=sats)
    else:
        egen = min(takst, pris)
        kilde = "fra kataloget" if sats.vaerdi is not None else "som du har oplyst"
        r.post("egenbetaling", "Din egenbetaling efter statens takstblad", egen, formater_kr(egen))
        r.forklar(f"Borgeren har altid en egenbetaling på ortopædisk fodtøj efter statens takstblad ({kilde}: "
                  f"{formater_kr(takst)}). Egenbetaling: {formater_kr(egen)}",
                  FODTOEJ, (3874, 3875), regel="R126", sats=sats, fortolkning="egenbetaling-som-beloeb")
    arbejdsgiver = Decimal(0)
    if v["vaernefodtoej"]:
        vaerne: Decimal = v["vaerne_udgift"]
        grund = (f"Ved ortopædisk værnefodtøj betaler arbejdsgiveren et beløb svarende til den sædvanlige "
                 f"udgift til værnefodtøj ({formater_kr(vaerne)}), hvis arbejdsgiveren i forvejen skal betale "
                 "for det. ")
        if egen is None:
            # Borgeren har altid en egenbetaling (3872–3873): with it unknown, so is the share, when the
            # usual cost is more than what the egenbetaling leaves of the price.
            r.post("arbejdsgiver", "Arbejdsgiverens del", None,
                   f"{formater_kr(vaerne)}, dog højst prisen minus egenbetalingen efter statens takstblad")
            r.forklar(grund + "Arbejdsgiverens del er højst prisen minus egenbetalingen, og egenbetalingen er "
                      "ikke oplyst.", FODTOEJ, (3877, 3880), regel="R127", fortolkning="egenbetaling-som-beloeb")
        else:
            rest = pris - egen
            arbejdsgiver = min(vaerne, rest)
            r.post("arbejdsgiver", "Arbejdsgiverens del", arbejdsgiver, formater_kr(arbejdsgiver))
            r.forklar(grund + f"Arbejdsgiverens del: {formater_kr(arbejdsgiver)}"
                      + (f" (højst prisen minus egenbetalingen: {formater_kr(pris)} − {formater_kr(egen)} = "
                         f"{formater_kr(rest)})" if vaerne > rest else ""),
                      FODTOEJ, (3877, 3880), regel="R127", fortolkning="egenbetaling-som-beloeb")
    if egen is None:
        r.post("kommunen", "Kommunens del", None, "Afhænger af egenbetalingen efter statens takstblad")
    else:
        kommunen = pris - egen - arbejdsgiver
        r.post("kommunen", "Kommunens del", kommunen, formater_kr(kommunen))
        r.forklar(f"Kommunens del: {formater_kr(pris)} − {formater_kr(egen)}"
                  + (f" − {formater_kr(arbejdsgiver)}" if v["vaernefodtoej"] else "")
                  + f" = {formater_kr(kommunen)}", FODTOEJ, (3874, 3880), regel="R126",
                  fortolkning="egenbetaling-som-beloeb")
    r.forklar("Der er frit valg af leverandør og produkt, hvilket oftest giver en ekstra egenbetaling, som "
              "afhænger af produktvalget. Den er ikke regnet med her. Tilskud udbetales kun, når det frie valg "
              "bruges til produkter inden for samme varekategori/varetype.",
              FODTOEJ, (3862, 3869), regel="R-X1")


def _numre(forskel: Decimal) -> str:
    return f"{formater_decimal(forskel)} " + ("nummer" if forskel == 1 else "numre")


BEREGNER = Beregner(
    id="fodtoej",
    titel="Ortopædisk fodtøj: skonummerforskel, reservefodtøj og egenbetaling",
    beskrivelse=("Beregner tilskuddet til to par almindeligt fodtøj, når fødderne har forskellig størrelse, "
                 "hvornår reservefodtøj tidligst kan bevilges, om der kan ydes udskiftning, og hvordan "
                 "prisen på ortopædisk fodtøj fordeles på borger, arbejdsgiver og kommune."),
    goer_ikke=("Beregneren vurderer ikke, om borgeren har en svær foddeformitet og opfylder en af de "
               "lovbestemte indikationer, og den kender ikke beløbene i statens takstblad (loft for tilskud "
               "og egenbetaling) eller merprisen ved frit valg af produkt."),
    standarder=(FODTOEJ,),
    satser=(S_FORSKEL, S_MAKS, S_RESERVE, S_ALDER, S_EGEN),
    felter=FELTER,
    fortolkninger=FORTOLKNINGER,
    beregn=beregn,
    hovedsvar=("berettiget",),
)
