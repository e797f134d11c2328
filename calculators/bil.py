"""Støtte til køb af bil (servicelovens § 114): loan, instalments and remaining debt.

Standard (source: 003_a9efded0fbb87759.txt):
  #124 Støtte til køb af bil (10099–10300): interest-free loan to the cheapest suitable car, amount
  regulated yearly (10152–10157, R254); another model against the extra cost (10187–10192, R255);
  half repaid monthly over eight years, the other half written down by 1/96 a month, and a higher
  repayable part above an income threshold (10216–10221, R257); earliest replacement after eight
  years (10229–10230, R259); the whole remaining debt due at death or withdrawal (10238–10240,
  10269–10271, R260). Law text § 114 in Bilag 1 (10923–10927, R-L10).
The loan ceilings and the income threshold are missing from the text (rules_003.md M23, M24): the
reader types them while their rates in catalogue/satser/bil.yaml have no value. Ambiguity A12 (the
garbled income sentence, no instalment formula) is decided in the Fortolkninger below.
"""
from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from .datoer import MAANEDSREGEL, hele_maaneder, laeg_maaneder_til, maanedsregel
from .felter import Beloeb, Dato, JaNej, Valg, afrund_oere, formater_dato, formater_kr, formater_procent
from .model import Beregner, FeltFejl, Fortolkning, Kontekst, Resultat

STANDARD = "stoette-til-koeb-af-bil"
BILAG_LOV = 1

SATS_RAMME_PERSONBIL = "bil.laaneramme_personbil"
SATS_RAMME_UDVIDET = "bil.laaneramme_udvidet"
SATS_INDKOMSTGRAENSE = "bil.indkomstgraense"
SATS_FORHOEJELSE = "bil.forhoejelse_procent"
SATS_LOEBETID = "bil.loebetid_maaneder"

# "halvdelen af lånet" (line 10216): a fraction written in words, not a rate the kommune sets.
HALVDELEN = Decimal(1) / 2

MED_INDKOMST = ({"med_indkomst": ("ja",)},)

FELTER = (
    Valg("biltype", "Hvilken bil søges der støtte til?", muligheder=(
        ("personbil", "Almindelig personbil"),
        ("udvidet", "Større bil (udvidet støtte), fx kassevogn eller minibus (nedstolet bus)"),
    )),
    Beloeb("ramme_personbil", "Årets højeste lånebeløb til almindelig personbil",
           hjaelp=("Lånebeløbet reguleres årligt efter statens takstblad og står ikke i "
                   "kvalitetsstandarden. Skriv det beløb, der gælder i år."),
           erstatter_sats=SATS_RAMME_PERSONBIL, vis_hvis=({"biltype": ("personbil",)},), positiv=True),
    Beloeb("ramme_udvidet", "Årets højeste lånebeløb ved udvidet støtte til en større bil",
           hjaelp=("Beløbet står ikke i kvalitetsstandarden. Skriv det beløb, der gælder i år."),
           erstatter_sats=SATS_RAMME_UDVIDET, vis_hvis=({"biltype": ("udvidet",)},), positiv=True),
    Beloeb("pris_billigst", "Pris på den billigst egnede bil",
           hjaelp="Prisen på den bil, kommunen har vurderet er den billigst egnede.", positiv=True),
    JaNej("anden_model", "Køber du en anden model end den billigst egnede bil?"),
    Beloeb("pris_valgt", "Pris på den bil, du køber", vis_hvis=({"anden_model": ("ja",)},), positiv=True),
    JaNej("med_indkomst", "Skal dit indkomstgrundlag med i beregningen?",
          hjaelp=("Overstiger dit indkomstgrundlag et fastsat beløb, skal du betale mere af "
                  "lånet tilbage. Svarer du nej, viser beregningen udgangspunktet: halvdelen af lånet "
                  "skal tilbagebetales.")),
    Beloeb("indkomstgrundlag", "Dit indkomstgrundlag", vis_hvis=MED_INDKOMST),
    Beloeb("indkomstgraense", "Det fastsatte beløb for indkomstgrundlaget",
           hjaelp=("Kvalitetsstandarden nævner \"et fastsat beløb\", men angiver det ikke. Skriv det "
                   "beløb, der gælder."),
           erstatter_sats=SATS_INDKOMSTGRAENSE, vis_hvis=MED_INDKOMST),
    Dato("laanedato", "Dato for lånet (købet af bilen)"),
    Dato("opgoerelsesdato", "Restgælden opgøres pr.",
         hjaelp="Den dato, du vil kende restgælden på, fx dagens dato."),
)

FORTOLKNINGER = (
    Fortolkning("laan-inden-for-ramme", (10152, 10153),
                "Støtten \"ydes som rentefrit lån til billigst egnede bil\", og loven (§ 114, stk. 2, "
                "bilag 1, linje 10923–10924) siger \"inden for en ramme, der årligt bliver fastsat af "
                "ministeriet\". Beregneren sætter lånet til den laveste af prisen på den billigst egnede "
                "bil og årets ramme. Resten af købsprisen betaler borgeren selv. Et rente- og "
                "afdragsfrit lån efter § 114, stk. 3 (ganske særlige forhold) indgår ikke i beregningen."),
    Fortolkning("indkomst-20-procent", (10218, 10221),
                "Sætningen \"forhøjes den del af lånet, der skal tilbagebetales med 20 % af den del, der "
                "overstiger indkomstgrundlaget\" kan ikke læses bogstaveligt: det er indkomstgrundlaget, "
                "der overstiger det fastsatte beløb. Beregneren læser den som 20 % af den del af "
                "indkomstgrundlaget, der overstiger det fastsatte beløb. Den del, der skal "
                "tilbagebetales, kan aldrig blive større end lånet, fordi borgeren underskriver et "
                "gældsbrev på lånets pålydende (linje 10251). Teksten siger ikke, om indkomstgrundlaget "
                "er års- eller månedsindkomst; skriv det i samme enhed som det fastsatte beløb."),
    Fortolkning("lige-store-maanedlige-beloeb", (10216, 10218),
                "Teksten siger \"månedlige afdrag over otte år\" og \"nedskrives hver måned med 1/96\". "
                "Beregneren deler den del, der skal tilbagebetales, i 96 lige store månedlige afdrag, og "
                "nedskriver den anden del med 1/96 om måneden, også når den ikke er præcis halvdelen. "
                "Der regnes med ét afdrag og én nedskrivning for hver hele måned efter lånets dato. "
                "Afdragsfrihed under uddannelse og afdragsfritagelse indgår ikke."),
    maanedsregel((10216, 10218)),
    Fortolkning("otte-aar-udskiftning", (10229, 10230),
                "\"Der vil normalt tidligst kunne bevilges støtte til udskiftning af bil efter otte år\". "
                "Beregneren regner de otte år fra lånets dato (købet af bilen) og bruger de samme 96 "
                "måneder som lånets løbetid. Datoen er et udgangspunkt (\"normalt\"), ikke en frist."),
)


def beregn(v: dict[str, Any], k: Kontekst) -> Resultat:
    laanedato: date = v["laanedato"]
    opgoerelse: date = v["opgoerelsesdato"]
    if opgoerelse < laanedato:
        raise FeltFejl("opgoerelsesdato", "Datoen ligger før lånets dato. Tjek de to datoer.")
    pris_billigst: Decimal = v["pris_billigst"]
    koebspris = v["pris_valgt"] if v["anden_model"] else pris_billigst
    if koebspris < pris_billigst:
        raise FeltFejl("pris_valgt", "Den bil, borgeren køber, kan ikke være billigere end den billigst "
                                     "egnede bil. Tjek de to priser.")

    r = Resultat(overskrift="Støtte til køb af bil – lån, afdrag og restgæld")
    laan = _laan(v, k, r, pris_billigst, koebspris)
    if laan == 0:  # _laan has posted the loan ("Rentefrit lån") already
        r.forklar("Der er ikke noget lån at afdrage eller nedskrive.", STANDARD, (10216, 10218),
                  regel="R257")
        return r

    loebetid_sats = k.sats(SATS_LOEBETID)
    loebetid = int(loebetid_sats.vaerdi)
    afdragspligtig = _afdragspligtig_del(v, k, r, laan)
    afdragsfri = laan - afdragspligtig
    afdrag = afrund_oere(afdragspligtig / loebetid)
    nedskrivning = afrund_oere(afdragsfri / loebetid)
    r.post("afdragspligtig_del", "Del af lånet, der skal tilbagebetales", afdragspligtig,
           formater_kr(afdragspligtig))
    r.post("afdragsfri_del", "Del af lånet, der nedskrives (afdragsfri)", afdragsfri, formater_kr(afdragsfri))
    r.post("afdrag_pr_maaned", "Månedligt afdrag", afdrag, formater_kr(afdrag))
    r.post("nedskrivning_pr_maaned", "Månedlig nedskrivning", nedskrivning, formater_kr(nedskrivning))
    r.forklar(f"Den del, der skal tilbagebetales ({formater_kr(afdragspligtig)}), betales i månedlige "
              f"afdrag over {loebetid} måneder: {formater_kr(afdrag)} om måneden. Den anden del "
              f"({formater_kr(afdragsfri)}) nedskrives hver måned med 1/{loebetid}: "
              f"{formater_kr(nedskrivning)} om måneden.", STANDARD, (10216, 10218), regel="R257",
              sats=loebetid_sats, fortolkning="lige-store-maanedlige-beloeb")

    maaneder = hele_maaneder(laanedato, opgoerelse)
    talt = min(maaneder, loebetid)
    rest_pligtig = afrund_oere(afdragspligtig * (loebetid - talt) / loebetid)
    rest_fri = afrund_oere(afdragsfri * (loebetid - talt) / loebetid)
    rest = rest_pligtig + rest_fri
    hele = f"{maaneder} {'hel måned' if maaneder == 1 else 'hele måneder'}"
    r.post("maaneder_gaaet", "Hele måneder fra lånets dato til opgørelsesdatoen", maaneder,
           f"{maaneder} {'måned' if maaneder == 1 else 'måneder'}")
    r.post("restgaeld_afdragspligtig", "Afdragspligtig restgæld", rest_pligtig, formater_kr(rest_pligtig))
    r.post("restgaeld_afdragsfri", "Afdragsfri restgæld", rest_fri, formater_kr(rest_fri))
    r.post("restgaeld_i_alt", "Samlet restgæld", rest, formater_kr(rest))
    r.forklar(f"Fra {formater_dato(laanedato)} til {formater_dato(opgoerelse)} er der gået {hele}. Efter {talt} af {loebetid} måneder er den afdragspligtige restgæld "
              f"{formater_kr(rest_pligtig)}, og den afdragsfri restgæld er {formater_kr(rest_fri)}, i alt "
              f"{formater_kr(rest)}", STANDARD, (10216, 10218), regel="R257", sats=loebetid_sats,
              fortolkning=MAANEDSREGEL)
    r.post("indfries_ved_ophoer", "Skal indfries straks ved dødsfald eller frakendelse", rest,
           formater_kr(rest))
    r.forklar("Ved dødsfald skal den afdragsfrie og afdragspligtige restgæld umiddelbart indfries. "
              f"Pr. {formater_dato(opgoerelse)} er det {formater_kr(rest)}", STANDARD, (10238, 10240),
              regel="R260")
    r.forklar("Ved frakendelse af støtte skal den afdragsfrie og afdragspligtige restgæld umiddelbart "
              "indfries.", STANDARD, (10269, 10271), regel="R260")

    udskiftning = laeg_maaneder_til(laanedato, loebetid)
    r.post("tidligst_udskiftning", "Tidligste udskiftning af bilen (normalt)", udskiftning,
           formater_dato(udskiftning))
    r.forklar("Der vil normalt tidligst kunne bevilges støtte til udskiftning af bil efter otte år: "
              f"fra {formater_dato(udskiftning)}.", STANDARD, (10229, 10230), regel="R259",
              sats=loebetid_sats, fortolkning="otte-aar-udskiftning")
    return r


def _laan(v: dict[str, Any], k: Kontekst, r: Resultat, pris_billigst: Decimal, koebspris: Decimal
          ) -> Decimal:
    personbil = v["biltype"] == "personbil"
    ramme_sats = k.sats(SATS_RAMME_PERSONBIL if personbil else SATS_RAMME_UDVIDET)
    if ramme_sats.vaerdi is not None:
        ramme = ramme_sats.vaerdi
        kilde = "årets ramme"
    else:
        ramme = v["ramme_personbil" if personbil else "ramme_udvidet"]
        kilde = "den ramme, du har oplyst, da kvalitetsstandarden ikke angiver beløbet"
    laan = min(pris_billigst, ramme)
    r.post("laan", "Rentefrit lån", laan, formater_kr(laan))
    r.forklar("Støtten ydes som rentefrit lån til den billigst egnede bil, og lånebeløbet reguleres "
              f"årligt. Lånet er den laveste af prisen på den billigst egnede bil ({formater_kr(pris_billigst)}) "
              f"og {kilde} ({formater_kr(ramme)}): {formater_kr(laan)}", STANDARD,
              (10152, 10157) if not personbil else (10152, 10153), regel="R254", sats=ramme_sats,
              fortolkning="laan-inden-for-ramme")
    r.forklar("Loven: støtten ydes som et rentefrit lån inden for en ramme, der årligt bliver fastsat af "
              "ministeriet.", None, (10923, 10924), bilag=BILAG_LOV, regel="R-L10")

    egen = koebspris - laan
    r.post("egen_betaling", "Borgerens egen betaling til bilen", egen, formater_kr(egen))
    if koebspris > pris_billigst:
        r.forklar("Borgeren kan bruge støtten til køb af en anden model mod selv at betale merudgiften. "
                  f"Merudgiften er {formater_kr(koebspris - pris_billigst)} Valg af en anden bil end den "
                  "bedst og billigst egnede skal forhåndsgodkendes, både biltypen og merkøbet.",
                  STANDARD, (10187, 10192), regel="R255")
    if pris_billigst > laan:
        r.forklar(f"Den billigst egnede bil koster {formater_kr(pris_billigst - laan)} mere end rammen. "
                  "Kun ved ganske særlige forhold kan der ydes et rente- og afdragsfrit lån til forskellen "
                  "mellem støtten og anskaffelsesprisen; det indgår ikke i beregningen.",
                  None, (10925, 10927), bilag=BILAG_LOV, regel="R-L10", fortolkning="laan-inden-for-ramme")
    if egen:
        r.forklar(f"Borgerens egen betaling er købsprisen ({formater_kr(koebspris)}) minus lånet "
                  f"({formater_kr(laan)}): {formater_kr(egen)}", STANDARD, (10187, 10192), regel="R255",
                  fortolkning="laan-inden-for-ramme")
    return laan


def _afdragspligtig_del(v: dict[str, Any], k: Kontekst, r: Resultat, laan: Decimal) -> Decimal:
    halvdel = afrund_oere(laan * HALVDELEN)
    if not v["med_indkomst"]:
        r.forklar(f"Som udgangspunkt skal halvdelen af lånet tilbagebetales ({formater_kr(halvdel)}). "
                  "Borgerens indkomstgrundlag er ikke med i beregningen; overstiger det et fastsat beløb, "
                  "skal borgeren betale mere tilbage.", STANDARD, (10216, 10221), regel="R257")
        return halvdel
    graense_sats = k.sats(SATS_INDKOMSTGRAENSE)
    graense = graense_sats.vaerdi if graense_sats.vaerdi is not None else v["indkomstgraense"]
    indkomst: Decimal = v["indkomstgrundlag"]
    procent_sats = k.sats(SATS_FORHOEJELSE)
    over = max(Decimal(0), indkomst - graense)
    forhoejelse = afrund_oere(over * procent_sats.vaerdi / 100)
    del_ = min(laan, halvdel + forhoejelse)
    procent = formater_procent(procent_sats.vaerdi)
    tekst = (f"Som udgangspunkt skal halvdelen af lånet tilbagebetales ({formater_kr(halvdel)}). "
             f"Indkomstgrundlaget ({formater_kr(indkomst)}) overstiger det fastsatte beløb "
             f"({formater_kr(graense)}) med {formater_kr(over)}, så den del, der skal tilbagebetales, "
             f"forhøjes med {procent} heraf ({formater_kr(forhoejelse)}).")
    if over == 0:
        tekst = (f"Som udgangspunkt skal halvdelen af lånet tilbagebetales ({formater_kr(halvdel)}). "
                 f"Indkomstgrundlaget ({formater_kr(indkomst)}) overstiger ikke det fastsatte beløb "
                 f"({formater_kr(graense)}), så delen forhøjes ikke.")
    elif del_ < halvdel + forhoejelse:
        tekst += f" Delen kan ikke blive større end lånet, så den er {formater_kr(del_)}"
    else:
        tekst += f" Den del, der skal tilbagebetales, er {formater_kr(del_)}"
    r.forklar(tekst, STANDARD, (10216, 10221), regel="R257", sats=procent_sats,
              fortolkning="indkomst-20-procent")
    if graense_sats.vaerdi is None:
        r.forklar(f"Det fastsatte beløb for indkomstgrundlaget står ikke i kvalitetsstandarden "
                  f"({graense_sats.mangler}). Beregningen bruger det beløb, du har oplyst.",
                  STANDARD, (10218, 10219), regel="R257", sats=graense_sats)
    else:
        r.forklar(f"Det fastsatte beløb for indkomstgrundlaget er {formater_kr(graense)} (kataloget).",
                  STANDARD, (10218, 10219), regel="R257", sats=graense_sats)
    return del_


BEREGNER = Beregner(
    id="bil",
    titel="Støtte til køb af bil: lån, afdrag og restgæld",
    beskrivelse=("Beregner det rentefrie lån til den billigst egnede bil, hvor meget af lånet der skal "
                 "tilbagebetales, det månedlige afdrag og den månedlige nedskrivning, restgælden på en "
                 "given dato og den tidligste dato for udskiftning af bilen."),
    goer_ikke=("Beregneren vurderer ikke, om borgeren opfylder betingelserne for støtte til bil. Den "
               "regner ikke med afdragsfrihed under uddannelse, afdragsfritagelse, rente- og afdragsfrit "
               "lån efter § 114, stk. 3, særlig indretning af bil, køreundervisning eller afgiftsfritagelse. "
               "Lånerammen og indkomstgrænsen står ikke i kvalitetsstandarden, så du skal selv oplyse dem."),
    standarder=(STANDARD,),
    satser=(SATS_RAMME_PERSONBIL, SATS_RAMME_UDVIDET, SATS_INDKOMSTGRAENSE, SATS_FORHOEJELSE, SATS_LOEBETID),
    felter=FELTER,
    fortolkninger=FORTOLKNINGER,
    beregn=beregn,
)
