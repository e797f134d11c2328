"""Befordring and befordringsgodtgørelse to genoptræning efter sundhedsloven § 140.

Source (003_a9efded0fbb87759.txt):
  #123 Befordring og befordringsgodtgørelse ved genoptræning efter sundhedsloven (10036–10098),
       the three criteria (10047–10053, rule R252)
  Bilag 9, "Guide til befordring og godtgørelse i forhold til genoptræning efter sundhedsloven § 140"
       (15197–15331, rule R-B9-5): three questions, six outcomes, thresholds 48 and 113 kr. t/r, 50 km.
The guide's Ja/Nej edges are detached in the source text (15288–15315); the reconstruction used here is
explained in the Fortolkning "ja-nej-genopbygget" and in catalogue/bilag/bilag-9.yaml (rettelser).
"""
from __future__ import annotations

from decimal import Decimal
from typing import Any

from .felter import Beloeb, Decimaltal, JaNej, formater_decimal, formater_kr
from .model import Beregner, Fortolkning, Kontekst, Resultat

STANDARD = "befordring-og-befordringsgodtgoerelse-ved-genoptraening-efter-sundhedsloven"
BILAG = 9

SATS_PENSIONIST = "befordring.genoptraening_graense_pensionist"
SATS_OEVRIGE = "befordring.genoptraening_graense_oevrige"
SATS_AFSTAND = "befordring.genoptraening_afstand_km"

KAN_IKKE_KLARE = ({"kan_klare": ("nej",)},)
IKKE_PENSION_KAN_KLARE = ({"pensionist": ("nej",), "kan_klare": ("ja",)},)

FELTER = (
    JaNej("pensionist", "Er du pensioneret?",
          hjaelp=("Kvalitetsstandarden siger: borgeren modtager pension efter de sociale "
                  "pensionslove.")),
    JaNej("kan_klare", "Kan du helbredsmæssigt klare befordring med egen bil eller offentlige "
                       "transportmidler (bus, tog, metro)?"),
    JaNej("kantsten", "Kan du selv gå ud til kantstenen og selv komme ud i bilen?",
          vis_hvis=KAN_IKKE_KLARE),
    Decimaltal("afstand_km", "Afstand mellem din bopæl og genoptræningsstedet", enhed="km",
               max=Decimal(10_000), decimaler=1,
               hjaelp="Afstanden den ene vej, fx 12,5 km.",
               vis_hvis=IKKE_PENSION_KAN_KLARE),
    Beloeb("udgift", "Udgift til befordring tur/retur", max=100_000, paakraevet=False,
           hjaelp=("Udgiften med det billigste, forsvarlige befordringsmiddel, fx bus, tog, taxa "
                   "eller privatbil. Lad feltet stå tomt, hvis du kun vil se reglen.")),
)

FORTOLKNINGER = (
    Fortolkning("ja-nej-genopbygget", (15214, 15315),
                "I kildeteksten har guiden mistet pilene: de fem \"Ja\" og fem \"Nej\" (linje 15288–15315) "
                "står for sig selv. Beregneren læser guiden sådan: Er borgeren pensioneret, gælder "
                "grænsen 48 kr. t/r; er borgeren ikke pensioneret, gælder grænsen 113 kr. t/r og "
                "50-km-reglen. Det er den eneste fordeling, der passer med kvalitetsstandardens kriterier "
                "(linje 10047–10053): en afstand over 50 km har kun betydning for en borger, der hverken "
                "er pensioneret eller er forhindret i at bruge offentlige transportmidler. "
                "Fordelingen bør efterprøves mod PDF-udgaven af kvalitetsstandarderne."),
    Fortolkning("hele-udgiften", (15318, 15325),
                "Godtgørelsen er hele udgiften, ikke kun den del, der ligger over grænsen. Fodnoten siger "
                "\"Godtgørelse er svarende til udgiften med det efter billigste, forsvarlige "
                "befordringsmiddel\", og skemaet over befordringsordninger angiver \"Egenbetaling: Nej\" "
                "for genoptræning efter § 140 (linje 14993–15002). Grænsen på 48 eller 113 kr. t/r "
                "afgør altså kun, om der kan søges godtgørelse; den trækkes ikke fra. \"Overstiger\" "
                "læses som \"er større end\": en udgift på præcis 48 kr. giver ikke godtgørelse."),
    Fortolkning("over-50-km-uden-graense", (15266, 15270),
                "For en borger, der ikke er pensioneret og kan klare befordringen selv, siger guiden kun, "
                "at borgeren \"er ikke berettiget godtgørelse* med mindre afstanden overstiger 50 km\". "
                "Der står ingen beløbsgrænse. Beregneren følger ordlyden: over 50 km er godtgørelsen "
                "hele udgiften. Guiden siger ikke, om grænsen på 113 kr. t/r også gælder her. Afstanden "
                "er den ene vej mellem bopæl og genoptræningssted (kvalitetsstandarden, linje "
                "10050–10051), og præcis 50 km overstiger ikke 50 km."),
)

# The six outcomes of the guide: (pensioneret, kan klare, kantsten) -> (lines, verbatim leaf).
UDFALD = {
    (True, True, None): ((15246, 15249),
                         "Borger skal selv sørge for befordring og kan søge om godtgørelse*, hvis udgiften "
                         "overstiger 48 kr. t/r."),
    (True, False, True): ((15272, 15277),
                          "Borger skal selv sørge for befordring evt. med Flextur. Borger kan søge om "
                          "godtgørelse*, hvis udgiften overstiger 48 kr. t/r."),
    (True, False, False): ((15257, 15263),
                           "Borger er berettiget til godtgørelse* eller bevilges befordring. Hvis borger "
                           "selv sørger for befordring, kan han/hun få godtgørelse, hvis udgiften "
                           "overstiger 48 kr. t/r."),
    (False, True, None): ((15266, 15270),
                          "Borger skal selv sørge for befordring (er ikke berettiget godtgørelse* med "
                          "mindre afstanden overstiger 50 km.)"),
    (False, False, True): ((15280, 15285),
                           "Borger skal selv sørge for befordring evt. med Flextur. Borger kan søge om "
                           "godtgørelse*, hvis udgiften overstiger 113 kr. t/r."),
    (False, False, False): ((15229, 15235),
                            "Borger er berettiget til godtgørelse* eller bevilges befordring. Hvis borger "
                            "selv sørger for befordring, kan han/hun få godtgørelse*, hvis udgiften "
                            "overstiger 113 kr. t/r"),
}


def beregn(v: dict[str, Any], k: Kontekst) -> Resultat:
    r = Resultat(overskrift="Befordring til genoptræning efter sundhedsloven § 140")
    pensionist, kan_klare = v["pensionist"], v["kan_klare"]
    kantsten = None if kan_klare else v["kantsten"]
    linjer, blad = UDFALD[(pensionist, kan_klare, kantsten)]

    _kriterier(v, k, r)
    svar = ", ".join(f"{spm}: {'ja' if s else 'nej'}" for spm, s in (
        ("pensioneret", pensionist), ("kan klare egen bil eller offentlige transportmidler", kan_klare),
        ("kan selv gå ud til kantstenen", kantsten)) if s is not None)
    r.forklar(f"Guiden til genoptræning efter sundhedsloven § 140 ({svar}) fører til: »{blad}«",
              None, linjer, bilag=BILAG, regel="R-B9-5", fortolkning="ja-nej-genopbygget")

    if pensionist or not kan_klare:
        bevilges = not kan_klare and not kantsten
        sats = k.sats(SATS_PENSIONIST if pensionist else SATS_OEVRIGE)
        udgift: Decimal | None = v.get("udgift")
        if bevilges and udgift is not None and udgift <= sats.vaerdi:
            r.post("befordring_bevilges", "Kan borgeren få bevilget befordring?", True,
                   f"Ja – sørger borgeren selv for befordringen, gives ingen godtgørelse for "
                   f"{formater_kr(udgift)} tur/retur")
        elif bevilges:
            r.post("befordring_bevilges", "Kan borgeren få bevilget befordring?", True,
                   "Ja – eller godtgørelse, hvis borgeren selv sørger for befordringen")
        else:
            r.post("befordring_bevilges", "Kan borgeren få bevilget befordring?", False,
                   "Nej – borgeren skal selv sørge for befordring"
                   + ("" if kan_klare else ", evt. med Flextur"))
        _godtgoerelse_med_graense(v, r, sats, bevilges)
        return r

    # Not a pensioner and can manage: only the 50 km rule.
    r.post("befordring_bevilges", "Kan borgeren få bevilget befordring?", False,
           "Nej – borgeren skal selv sørge for befordring")
    afstand_sats = k.sats(SATS_AFSTAND)
    graense_km = afstand_sats.vaerdi
    afstand: Decimal = v["afstand_km"]
    km = f"{formater_decimal(afstand)} km"
    if afstand > graense_km:
        r.post("berettiget_godtgoerelse", "Kan borgeren få godtgørelse?", True,
               f"Ja – afstanden ({km}) overstiger {formater_decimal(graense_km)} km")
        r.forklar(f"Afstanden mellem bopæl og genoptræningssted er {km}. Den overstiger "
                  f"{formater_decimal(graense_km)} km, så borgeren er berettiget til godtgørelse. Guiden "
                  "nævner ingen beløbsgrænse her.", None, linjer, bilag=BILAG, regel="R-B9-5",
                  sats=afstand_sats, fortolkning="over-50-km-uden-graense")
        _udbetaling(v, r, None, False)
    else:
        r.post("berettiget_godtgoerelse", "Kan borgeren få godtgørelse?", False,
               f"Nej – afstanden ({km}) overstiger ikke {formater_decimal(graense_km)} km")
        r.post("godtgoerelse", "Godtgørelse pr. tur/retur", Decimal(0),
               f"{formater_kr(Decimal(0))} – borgeren er ikke berettiget til godtgørelse")
        r.forklar(f"Afstanden mellem bopæl og genoptræningssted er {km}. Den overstiger ikke "
                  f"{formater_decimal(graense_km)} km, så borgeren skal selv sørge for og betale "
                  "befordringen og er ikke berettiget til godtgørelse.", None, linjer, bilag=BILAG,
                  regel="R-B9-5", sats=afstand_sats, fortolkning="over-50-km-uden-graense")
    return r


def _kriterier(v: dict[str, Any], k: Kontekst, r: Resultat) -> None:
    """Which of the standard's three criteria (R252) the answers meet, if any."""
    afstand_sats = k.sats(SATS_AFSTAND)
    km = f"{formater_decimal(afstand_sats.vaerdi)} km"
    opfyldt = []
    if v["pensionist"]:
        opfyldt.append("1) borgeren modtager pension efter de sociale pensionslove")
    if not v["pensionist"] and v["kan_klare"] and v["afstand_km"] > afstand_sats.vaerdi:
        opfyldt.append(f"2) afstanden mellem bopæl og genoptræningssted overstiger {km}")
    if not v["kan_klare"]:
        opfyldt.append("3) borgerens tilstand udelukker befordring med offentlige transportmidler")
    if opfyldt:
        tekst = ("Befordring eller befordringsgodtgørelse tilbydes, hvis mindst ét af tre kriterier er "
                 "opfyldt. Ud fra svarene er dette opfyldt: " + "; ".join(opfyldt) + ".")
    else:
        tekst = ("Befordring eller befordringsgodtgørelse tilbydes, hvis mindst ét af tre kriterier er "
                 f"opfyldt: pension efter de sociale pensionslove, over {km} til genoptræningsstedet, "
                 "eller en tilstand, der udelukker offentlige transportmidler. Ud fra svarene er ingen "
                 "af dem opfyldt.")
    bruger_afstand = not v["pensionist"] and v["kan_klare"]
    r.forklar(tekst, STANDARD, (10047, 10053), regel="R252", sats=afstand_sats if bruger_afstand else None)


def _godtgoerelse_med_graense(v: dict[str, Any], r: Resultat, sats, bevilges: bool) -> None:
    graense = sats.vaerdi
    udgift: Decimal | None = v.get("udgift")
    if udgift is None:
        r.post("berettiget_godtgoerelse", "Kan borgeren få godtgørelse?", True,
               f"Ja, hvis udgiften overstiger {formater_kr(graense)} tur/retur")
    elif udgift > graense:
        r.post("berettiget_godtgoerelse", "Kan borgeren få godtgørelse?", True,
               f"Ja – udgiften ({formater_kr(udgift)}) overstiger {formater_kr(graense)} tur/retur")
    else:
        r.post("berettiget_godtgoerelse", "Kan borgeren få godtgørelse?", False,
               f"Nej – udgiften ({formater_kr(udgift)}) overstiger ikke {formater_kr(graense)} tur/retur")
    r.post("graense", "Udgiften skal overstige (tur/retur)", graense, formater_kr(graense))
    r.forklar(("Borgeren er pensioneret" if v["pensionist"] else "Borgeren er ikke pensioneret")
              + f", så grænsen for godtgørelse er {formater_kr(graense)} tur/retur. Godtgørelse svarer "
              "til udgiften med det billigste, forsvarlige befordringsmiddel (offentlige "
              "transportmidler, herunder bus, tog og færge, samt taxa og privatbil mv.).",
              None, (15318, 15325), bilag=BILAG, regel="R-B9-5", sats=sats, fortolkning="hele-udgiften")
    _udbetaling(v, r, sats, bevilges)


def _udbetaling(v: dict[str, Any], r: Resultat, sats, bevilges: bool) -> None:
    """The reimbursement for the cost typed in; `sats` is the threshold the cost must exceed (None: none)."""
    graense: Decimal | None = sats.vaerdi if sats is not None else None
    label = ("Godtgørelse pr. tur/retur, hvis borgeren selv sørger for befordringen" if bevilges
             else "Godtgørelse pr. tur/retur")
    udgift: Decimal | None = v.get("udgift")
    if udgift is None:
        r.post("godtgoerelse", label, None, "Ikke beregnet – udgiften tur/retur er ikke oplyst")
        return
    if graense is None or udgift > graense:
        godtgoerelse = udgift
        tekst = f"{formater_kr(godtgoerelse)} (hele udgiften)"
        forklaring = f"Udgiften er {formater_kr(udgift)} tur/retur"
        forklaring += (". Godtgørelsen er hele udgiften" if graense is None else
                       f" og overstiger {formater_kr(graense)} Godtgørelsen er hele udgiften")
        forklaring += f": {formater_kr(godtgoerelse)}"
    else:
        godtgoerelse = Decimal(0)
        tekst = f"{formater_kr(godtgoerelse)} – udgiften overstiger ikke {formater_kr(graense)} tur/retur"
        forklaring = (f"Udgiften er {formater_kr(udgift)} tur/retur og overstiger ikke "
                      f"{formater_kr(graense)} Der ydes derfor ingen godtgørelse.")
    r.post("godtgoerelse", label, godtgoerelse, tekst)
    r.forklar(forklaring, None, (15318, 15331), bilag=BILAG, regel="R-B9-5", sats=sats, fortolkning="hele-udgiften")


BEREGNER = Beregner(
    id="befordring_genoptraening",
    titel="Befordring og befordringsgodtgørelse ved genoptræning efter sundhedsloven",
    beskrivelse=("Viser ud fra kommunens guide, om borgeren kan få bevilget befordring til genoptræning "
                 "efter sundhedsloven § 140, eller om borgeren selv skal sørge for befordring, og hvor "
                 "stor godtgørelsen er for en tur/retur."),
    goer_ikke=("Beregneren finder ikke det billigste, forsvarlige befordringsmiddel og ikke, hvad turen "
               "koster. Den regner ikke godtgørelse ved frit valg af genoptræningssted i en anden kommune "
               "eller på et andet hospital, og befordring til ledsager indgår ikke i indsatsen."),
    standarder=(STANDARD,),
    satser=(SATS_PENSIONIST, SATS_OEVRIGE, SATS_AFSTAND),
    felter=FELTER,
    fortolkninger=FORTOLKNINGER,
    beregn=beregn,
)
