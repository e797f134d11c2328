"""Merudgifter til særlige beklædningsgenstande (#56): grant and own payment for a special garment.

Standard (source: 003_a9efded0fbb87759.txt): #56 (4484–4551).
  4505–4507  "Der ydes udelukkende økonomisk dækning til indkøb af det bedst og billigst egnede
             produkt." (rule R112 in rules_003.md)
  4513–4515  "Der kan udelukkende udbetales økonomisk tilskud, når det frie valg er benyttet til
             indkøb af produkter indenfor samme varekategori/varetype."
  4530–4537  own payment on products everyone would also have bought; "Egenbetalingen svarer til
             den udgift borgers skønnes selv at ville have haft ved anskaffelse af et tilsvarende
             produkt i almindelig handel" (R140; the estimate is M14, case by case).
So: grant = (the lower of the chosen price and the best-and-cheapest price) − the price of an
ordinary equivalent product, never below 0; own payment = chosen price − grant.
The source gives no amounts: all three prices are typed by the reader, and the calculator reads
no rates.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Any

from .felter import Beloeb, JaNej, formater_kr
from .model import Beregner, Fortolkning, Kontekst, Resultat

STANDARD = "merudgifter-til-saerlige-beklaedningsgenstande"
SAMME = ({"samme_varekategori": ("ja",)},)
MED_ALMINDELIG = ({"samme_varekategori": ("ja",), "almindeligt_tilsvarende": ("ja",)},)

FELTER = (
    JaNej("samme_varekategori",
          "Køber du et produkt i samme varekategori/varetype som det, kommunen ville bevilge?",
          hjaelp="Der udbetales kun tilskud, når det frie valg er brugt inden for samme varekategori/varetype."),
    Beloeb("pris_valgt", "Pris på det produkt, du køber", positiv=True),
    Beloeb("pris_bedst_billigst", "Pris på det bedst og billigst egnede særlige produkt",
           hjaelp="Kommunen dækker højst prisen på det bedst og billigst egnede produkt. Prisen står "
                  "ikke i standarden; den fremgår af afgørelsen.", vis_hvis=SAMME, positiv=True),
    JaNej("almindeligt_tilsvarende",
          "Ville du også uden funktionsnedsættelse have købt et tilsvarende produkt?",
          hjaelp="Fx vintertøj, undertøj eller regntøj: så er der egenbetaling svarende til prisen på et "
                 "tilsvarende produkt i almindelig handel. Svar nej ved fx hagesmæk til en voksen.",
          vis_hvis=SAMME),
    Beloeb("pris_almindelig", "Skønnet pris på et tilsvarende produkt i almindelig handel",
           hjaelp="Kommunens skøn over den udgift, du selv ville have haft, fx til almindeligt "
                  "regntøj eller undertøj.", vis_hvis=MED_ALMINDELIG),
)

FORTOLKNINGER = (
    Fortolkning("almindelig-pris-fratrukket-daekket-pris", (4505, 4537),
                "Standarden siger både, at der kun dækkes \"det bedst og billigst egnede produkt\", og at "
                "\"Egenbetalingen svarer til den udgift borgers skønnes selv at ville have haft ved "
                "anskaffelse af et tilsvarende produkt i almindelig handel\". Beregneren trækker den "
                "almindelige pris fra den pris, kommunen højst dækker (den laveste af borgerens pris og "
                "det bedst og billigst egnede produkts pris). Tilskuddet bliver aldrig negativt, og det, "
                "der ikke dækkes, betaler borgeren selv."),
    Fortolkning("ingen-almindelig-pris", (4530, 4532),
                "Egenbetalingen \"udregnes ud fra det enkelte produkt\" for produkter, \"som alle også ville "
                "have købt\". Svarer du, at borgeren ikke ville have købt et tilsvarende produkt, regner "
                "beregneren ingen sådan egenbetaling."),
)


def beregn(v: dict[str, Any], k: Kontekst) -> Resultat:
    r = Resultat(overskrift="Særlige beklædningsgenstande – tilskud og egenbetaling")
    valgt: Decimal = v["pris_valgt"]
    if not v["samme_varekategori"]:
        r.post("tilskud", "Tilskud", Decimal(0), formater_kr(Decimal(0)))
        r.post("egenbetaling", "Borgerens egenbetaling", valgt, formater_kr(valgt))
        r.forklar("Der kan udelukkende udbetales økonomisk tilskud, når det frie valg er benyttet til indkøb "
                  "af produkter indenfor samme varekategori/varetype. Det er ikke tilfældet, så der er intet "
                  f"tilskud, og borgeren betaler hele prisen: {formater_kr(valgt)}",
                  STANDARD, (4513, 4515), regel="R112")
        return r

    bedst = v["pris_bedst_billigst"]
    daekket = min(valgt, bedst)
    r.post("daekket_pris", "Pris, kommunen højst dækker", daekket, formater_kr(daekket))
    r.forklar(f"Der ydes udelukkende økonomisk dækning til det bedst og billigst egnede produkt: den laveste "
              f"af {formater_kr(valgt)} (borgerens valg) og {formater_kr(bedst)} (bedst og billigst egnet) "
              f"er {formater_kr(daekket)}", STANDARD, (4505, 4507), regel="R112")

    almindelig = v["pris_almindelig"] if v["almindeligt_tilsvarende"] else Decimal(0)
    if v["almindeligt_tilsvarende"]:
        r.forklar(f"Borgeren skal selv betale den udgift, borgeren skønnes at ville have haft til et tilsvarende "
                  f"produkt i almindelig handel: {formater_kr(almindelig)}", STANDARD, (4534, 4537),
                  regel="R140", fortolkning="almindelig-pris-fratrukket-daekket-pris")
    else:
        r.forklar("Borgeren ville ikke have købt et tilsvarende produkt i almindelig handel, så der "
                  "trækkes ingen almindelig pris fra.", STANDARD, (4530, 4532), regel="R140",
                  fortolkning="ingen-almindelig-pris")
    tilskud = max(Decimal(0), daekket - almindelig)
    egen = valgt - tilskud
    r.post("tilskud", "Tilskud", tilskud, formater_kr(tilskud))
    r.post("egenbetaling", "Borgerens egenbetaling", egen, formater_kr(egen))
    r.forklar((f"Tilskud: {formater_kr(daekket)} − {formater_kr(almindelig)} = {formater_kr(tilskud)}"
               if daekket >= almindelig else
               f"Tilskud: 0,00 kr. ({formater_kr(daekket)} er mindre end prisen på et almindeligt produkt, "
               f"{formater_kr(almindelig)}, og tilskuddet er aldrig under 0 kr.)")
              + f"; egenbetaling: {formater_kr(valgt)} − {formater_kr(tilskud)} = {formater_kr(egen)}",
              STANDARD, (4530, 4537), regel="R140", fortolkning="almindelig-pris-fratrukket-daekket-pris")
    return r


BEREGNER = Beregner(
    id="beklaedning",
    titel="Særlige beklædningsgenstande: tilskud og egenbetaling",
    beskrivelse=("Beregner tilskuddet til en særlig beklædningsgenstand og borgerens egenbetaling ud fra "
                 "prisen på borgerens valg, det bedst og billigst egnede produkt og – for tøj, alle "
                 "ville have købt – prisen på et tilsvarende produkt i almindelig handel."),
    goer_ikke=("Beregneren vurderer ikke, om borgeren har væsentlige problemer med at bruge almindeligt "
               "tøj, og den kender ingen priser: dem skal du skrive. Den dækker ikke de produkter, "
               "standarden udelukker (fx køreslag og almindeligt undertøj)."),
    standarder=(STANDARD,),
    satser=(),
    felter=FELTER,
    fortolkninger=FORTOLKNINGER,
    beregn=beregn,
    hovedsvar=("tilskud",),
)
