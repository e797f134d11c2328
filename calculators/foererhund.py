"""Førerhund: refusion when a returned guide dog is rehomed to another kommune.

Standard (source: 003_a9efded0fbb87759.txt):
  #79 Førerhund (6431–6512), the refund model at 6486–6497 (rule R172 in rules_003.md,
  ambiguity A4): 0-2 / 2-4 / 4-6 years of use -> 75 / 50 / 25 % of the purchase price,
  paid by the receiving kommune to the kommune that releases the dog.
The band limits and percentages come from catalogue/satser/foererhund.yaml. The purchase
price is the dog's own price and is typed by the reader (the text gives no amount, 6480–6481).
"""
from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from .datoer import MAANEDSREGEL, hele_maaneder, laeg_maaneder_til, maanedsregel
from .felter import (
    Beloeb, Dato, JaNej, afrund_oere, formater_dato, formater_kr, formater_procent, formater_tal,
)
from .model import Beregner, FeltFejl, Fortolkning, Kontekst, Resultat

FOERERHUND = "foererhund"

# (end of the period of use in years, refund percentage, the source line of the band)
PERIODER = (
    ("foererhund.brugsperiode_1_slut_aar", "foererhund.refusion_periode_1_procent", 6491),
    ("foererhund.brugsperiode_2_slut_aar", "foererhund.refusion_periode_2_procent", 6492),
    ("foererhund.brugsperiode_3_slut_aar", "foererhund.refusion_periode_3_procent", 6493),
)

ANDEN_KOMMUNE = ({"anden_kommune": ("ja",)},)

FELTER = (
    JaNej("anden_kommune", "Omplaceres førerhunden til en bruger i en anden kommune?",
          hjaelp=("Standarden fastsætter kun refusion, når en førerhund, der er taget retur, "
                  "omplaceres til en anden kommune.")),
    Beloeb("koebspris", "Førerhundens købspris",
           hjaelp=("Den pris, hunden blev købt for. Standarden angiver ikke beløbet; det fastsættes "
                   "ud fra det beløb, Dansk Blindesamfund har fastsat."),
           vis_hvis=ANDEN_KOMMUNE, positiv=True),
    Dato("placeringsdato", "Dato hvor førerhunden første gang blev placeret hos en bruger",
         hjaelp="Brugsperioden regnes fra denne dato. Prøveperioden på tre måneder tæller med.",
         vis_hvis=ANDEN_KOMMUNE),
    Dato("omplaceringsdato", "Dato for omplaceringen til den nye bruger", vis_hvis=ANDEN_KOMMUNE),
)

FORTOLKNINGER = (
    Fortolkning("brugsperiode-start", (6460, 6462),
                "Standarden siger ikke, hvornår brugsperioden begynder. Beregneren regner fra den dato, "
                "hunden første gang blev placeret hos en bruger (prøveperiodens begyndelse, linje "
                "6460–6462), til omplaceringen, i hele kalenderår og måneder: fra 1.3.2023 til 1.3.2025 "
                "er præcis 2 år (se også, hvordan hele måneder tælles)."),
    maanedsregel((6488, 6490)),
    Fortolkning("graenser-2-4-6", (6490, 6493),
                "Perioderne \"0-2 år\", \"2-4 år\" og \"4-6 år\" overlapper ved 2 og 4 år. Beregneren "
                "lader hver periode begynde på sin første dag og slutte dagen før den næste: præcis 2 års "
                "brug giver 50 %, præcis 4 års brug giver 25 %, og præcis 6 års brug ligger efter "
                "perioden 4-6 år."),
    Fortolkning("efter-6-aar", (6488, 6497),
                "Standarden giver kun refusion \"inden for\" perioderne op til 6 år, selv om den "
                "forventede levetid er otte år. Om der ydes refusion efter 6 års brug, siger teksten "
                "ikke. Beregneren gætter ikke på et beløb (heller ikke 0 kr.), men siger, at teksten "
                "ikke fastsætter det."),
    Fortolkning("samme-kommune", (6488, 6490),
                "Standarden beskriver kun refusion, når hunden omplaceres til en anden kommune. Ved "
                "omplacering inden for samme kommune beregnes ingen refusion, fordi teksten ikke "
                "fastsætter nogen."),
    Fortolkning("koebspris-som-oplyst", (6480, 6491),
                "Standarden siger ikke, hvad \"købsprisen\" omfatter (fx træning og udstyr), og angiver "
                "ikke beløbet. Beregneren bruger den købspris, du skriver, og afrunder refusionen til "
                "hele øre."),
)


def beregn(v: dict[str, Any], k: Kontekst) -> Resultat:
    r = Resultat(overskrift="Refusion ved omplacering af førerhund")
    if not v["anden_kommune"]:
        r.post("refusion", "Refusion", None,
               "Ingen refusion fastsat – reglen gælder kun omplacering til en anden kommune")
        r.forklar("Der sker refusion for en førerhund, der er taget retur og omplaceres til en anden "
                  "kommune. Standarden fastsætter ingen refusion, når hunden bliver i samme kommune.",
                  FOERERHUND, (6488, 6490), regel="R172", fortolkning="samme-kommune")
        return r

    start, slut = v["placeringsdato"], v["omplaceringsdato"]
    if slut < start:
        raise FeltFejl("omplaceringsdato", "Datoen for omplaceringen kan ikke ligge før datoen, hvor "
                                           "hunden blev placeret hos en bruger. Tjek de to datoer.")
    koebspris: Decimal = v["koebspris"]
    aar, maaneder = _hele_aar_og_maaneder(start, slut)
    varighed = _varighed(aar, maaneder)
    r.post("brugsperiode_aar", "Brugsperiode i hele år", aar,
           f"{varighed} (fra {formater_dato(start)} til {formater_dato(slut)})")
    r.forklar(f"Brugsperioden regnes fra {formater_dato(start)} til omplaceringen den "
              f"{formater_dato(slut)}: {varighed}.", FOERERHUND, (6488, 6490), regel="R172",
              fortolkning="brugsperiode-start")
    r.forklar(f"Hele år og måneder tælles fra dag til samme dag: {formater_dato(start)} plus "
              f"{formater_tal(aar * 12 + maaneder)} måneder er {formater_dato(laeg_maaneder_til(start, aar * 12 + maaneder))}.",
              FOERERHUND, (6488, 6490), regel="R172", fortolkning=MAANEDSREGEL)

    fra_aar = 0
    for slut_id, procent_id, linje in PERIODER:
        graense = k.sats(slut_id)
        til_aar = int(graense.vaerdi)
        if slut < laeg_maaneder_til(start, 12 * til_aar):
            procent = k.sats(procent_id)
            r.forklar(f"Hunden har været i brug i mindst {formater_tal(fra_aar)} år og under "
                      f"{formater_tal(til_aar)} år, så perioden {fra_aar}-{til_aar} år gælder.",
                      FOERERHUND, (linje, linje), regel="R172", sats=graense,
                      fortolkning="graenser-2-4-6")
            _refusion(r, koebspris, procent, linje)
            return r
        fra_aar = til_aar

    r.post("refusion_procent", "Refusion i procent af købsprisen", None,
           f"Ikke fastsat i standarden – brugsperioden er {formater_tal(fra_aar)} år eller mere")
    r.post("refusion", "Refusion", None,
           f"Standarden fastsætter ingen refusion efter {formater_tal(fra_aar)} års brug")
    r.forklar(f"Hunden har været i brug i {formater_tal(fra_aar)} år eller mere. Standarden giver kun "
              f"refusion inden for brugsperioderne 0-2, 2-4 og 4-6 år, og den siger ikke, hvad der "
              f"gælder derefter, selv om refusionsaftalen bygger på en forventet levetid på otte år. "
              f"Beregneren giver derfor ikke noget beløb.",
              FOERERHUND, (6488, 6497), regel="R172", sats=k.sats(PERIODER[-1][0]),
              fortolkning="efter-6-aar")
    return r


def _refusion(r: Resultat, koebspris: Decimal, procent, linje: int) -> None:
    refusion = afrund_oere(koebspris * procent.vaerdi / 100)
    pct = formater_procent(procent.vaerdi)
    r.post("refusion_procent", "Refusion i procent af købsprisen", procent.vaerdi, pct)
    r.post("refusion", "Refusion", refusion, formater_kr(refusion))
    r.forklar(f"Refusionen er {pct} af købsprisen: {pct} af {formater_kr(koebspris)} = "
              f"{formater_kr(refusion)}", FOERERHUND, (linje, linje), regel="R172", sats=procent,
              fortolkning="koebspris-som-oplyst")
    r.post("betaling", "Hvem betaler hvem", None,
           f"Modtagerkommunen betaler {formater_kr(refusion)} til den kommune, der afgiver førerhunden")
    r.forklar("Refusionen betales af modtagerkommunen til den kommune, der afgiver førerhunden.",
              FOERERHUND, (6495, 6496), regel="R172")


def _hele_aar_og_maaneder(start: date, slut: date) -> tuple[int, int]:
    return divmod(hele_maaneder(start, slut), 12)


def _varighed(aar: int, maaneder: int) -> str:
    dele = [f"{formater_tal(aar)} år"]
    if maaneder:
        dele.append(f"{maaneder} {'måned' if maaneder == 1 else 'måneder'}")
    return " og ".join(dele)


BEREGNER = Beregner(
    id="foererhund",
    titel="Førerhund: refusion ved omplacering til en anden kommune",
    beskrivelse=("Beregner, hvor stor en del af købsprisen modtagerkommunen skal betale tilbage til den "
                 "kommune, der afgiver en førerhund, ud fra hvor længe hunden har været i brug."),
    goer_ikke=("Beregneren vurderer ikke, om en omplacering er nødvendig (det vurderer leverandøren af "
               "førerhunden), og den kender ikke købsprisen: den skal du skrive. Den dækker ikke "
               "servicehunde, hvor standarderne ikke har en refusionsmodel."),
    standarder=(FOERERHUND,),
    satser=tuple(s for p in PERIODER for s in p[:2]),
    felter=FELTER,
    fortolkninger=FORTOLKNINGER,
    beregn=beregn,
    hovedsvar=("refusion",),
)
