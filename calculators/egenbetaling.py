"""Egenbetaling på forbrugsgoder: kommunens tilskud og borgerens egenbetaling (servicelovens § 113).

Source (003_a9efded0fbb87759.txt):
  Bilag 3 "Udspecificering af reglerne om hjælpemidler, forbrugsgoder og boligindretning"
    11435–11437  the 500 kr. threshold, several goods summed (R-B3-4)
    11438–11544  table "Forbrugsgoder bevilges på følgende betingelser", A–D (R-B3-5)
    11557–11558  footnotes: the standard price is set by the kommune; egenbetaling (R-B3-6)
    11560–11567  elscooter: A/B/C or D (R-B3-7)
    11596–11599  ownership, dearer product at own cost, requirements of the decision (R-B3-8)
  Bilag 1, servicelovens § 113 (10890–10902) (R-L07)
Every amount and percentage comes from catalogue/satser/egenbetaling.yaml. The standard
price is not in the source (it is set by the kommune per product), so it is always asked.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Any

from .felter import Beloeb, JaNej, Valg, afrund_oere, formater_kr, formater_procent
from .model import Beregner, FeltFejl, Fortolkning, Kontekst, Resultat

BILAG = 3
BILAG_LOV = 1

KABINESCOOTER = "kabinescooter-3-hjulet-knallert"
GELAENDER = "gelaender"
BELYSNING = "belysning-indendoers-udendoers"
KOEKKEN = "koekkenaendringer-bordplader-elementer-elektrisk-hoejdeindstilling"
HVILESTOL = "hvilestol-med-el-indstilling"
SANSESTIMULERENDE = "sansestimulerende-produkter-dyne-eller-taeppe"

SATS_GRAENSE = "egenbetaling.forbrugsgode_mindste_udgift"
SATS_TILSKUD = "egenbetaling.forbrugsgode_tilskud_procent"
SATS_EGENANDEL = "egenbetaling.forbrugsgode_egenandel_procent"
SATS_REPARATION = "egenbetaling.forbrugsgode_reparation_procent"
SATS_STANDARDPRIS = "egenbetaling.forbrugsgode_standardpris"

NAVNE = {
    "A": "A – almindeligt standardprodukt (§ 113, stk. 3)",
    "B": "B – dyrere produkt, fordi funktionsnedsættelsen nødvendiggør det (§ 113, stk. 4, pkt. 1)",
    "C": "C – produkt med en særlig indretning (§ 113, stk. 4, pkt. 2)",
    "D": "D – produktet fungerer udelukkende som et hjælpemiddel og udlånes (§ 113, stk. 5)",
}


def _naar(*kategorier: str, **andet: tuple[str, ...]) -> tuple[dict[str, tuple[str, ...]], ...]:
    """The field is shown when the category (chosen directly or for an elscooter) is one of these."""
    alt = [{"kategori": kategorier} | andet]
    elscooter = tuple(x for x in kategorier if x != "D")
    if elscooter:
        alt.append({"kategori_elscooter": elscooter} | andet)
    if "D" in kategorier:
        alt += [{"erstatter_gang": ("ja",)} | andet, {"saerlig_gruppe": ("ja",)} | andet]
    return tuple(alt)


FELTER = (
    Valg("produkt", "Hvilket forbrugsgode søges der om?", muligheder=(
        ("elscooter", "Elscooter"),
        ("andet", "Et andet forbrugsgode (fx kabinescooter, gelænder, belysning eller hvilestol)"),
    )),
    JaNej("erstatter_gang", "Erstatter elscooteren en gangfunktion?",
          hjaelp=("Svar ja, hvis elscooteren kan sidestilles med den kompensation, der fx opnås ved en "
                  "joystick-styret el-kørestol. Svar nej, hvis den erstatter en almindelig cykel, knallert, "
                  "bil eller lignende."),
          vis_hvis=({"produkt": ("elscooter",)},)),
    JaNej("saerlig_gruppe", "Er du et barn eller en ung med væsentlig funktionsnedsættelse, eller har "
                            "du en fremadskridende eller terminal lidelse?",
          hjaelp="En lidelse, der medfører yderligere funktionsnedsættelse inden for kortere tid.",
          vis_hvis=({"produkt": ("elscooter",), "erstatter_gang": ("nej",)},)),
    Valg("kategori_elscooter", "Hvilken slags bevilling er der tale om?",
         hjaelp="Kategorien fremgår af afgørelsen. Se tabellen i Bilag 3.",
         muligheder=tuple((k, NAVNE[k]) for k in "ABC"),
         vis_hvis=({"produkt": ("elscooter",), "erstatter_gang": ("nej",), "saerlig_gruppe": ("nej",)},)),
    Valg("kategori", "Hvilken slags bevilling er der tale om?",
         hjaelp="Kategorien fremgår af afgørelsen. Se tabellen i Bilag 3.",
         muligheder=tuple((k, NAVNE[k]) for k in "ABCD"),
         vis_hvis=({"produkt": ("andet",)},)),
    Beloeb("standardpris", "Prisen på et standardprodukt",
           hjaelp=("Standardprisen fastsættes af Gladsaxe Kommune og står ikke i kvalitetsstandarderne. "
                   "Skriv den pris, der står i afgørelsen, eller spørg kommunen."),
           vis_hvis=_naar("A", "B", "C"), positiv=True),
    Beloeb("pris", "Prisen på det produkt, du køber",
           hjaelp=("Ved et produkt med særlig indretning (C): prisen uden den særlige indretning. "
                   "Tilbehør skrives længere nede."),
           vis_hvis=_naar("A", "B", "C")),
    Beloeb("bedst_billigst", "Prisen på det bedst og billigst egnede produkt",
           hjaelp="Prisen står i afgørelsen (\"specificeres i afgørelsen\").",
           vis_hvis=_naar("B")),
    Beloeb("indretning", "Prisen på den særlige indretning",
           hjaelp="Fx en gaspedal i stedet for en håndgas på en elscooter.",
           vis_hvis=_naar("C")),
    Beloeb("andre_goder", "Samlet pris på andre forbrugsgoder i samme ansøgning", startvaerdi="0",
           paakraevet=False,
           hjaelp=("Har du brug for mere end ét forbrugsgode i samme ansøgning, lægges den samlede "
                   "udgift til grund for beløbsgrænsen. Tilskuddet til de andre goder beregnes hver for sig."),
           vis_hvis=_naar("A", "B", "C")),
    Beloeb("tilbehoer", "Pris på tilbehør, du selv køber", startvaerdi="0", paakraevet=False,
           hjaelp="Ved udlån (D): kun tilbehør, der ikke er en del af bevillingen."),
    JaNej("med_reparation", "Skal beregningen også vise en reparation?", startvaerdi="nej", paakraevet=False),
    Beloeb("reparation", "Den samlede reparationsudgift",
           vis_hvis=({"med_reparation": ("ja",)},)),
    Beloeb("reparation_indretning", "Heraf reparation af den særlige indretning",
           vis_hvis=_naar("C", med_reparation=("ja",))),
    Beloeb("reparation_eget_tilbehoer", "Heraf reparation af tilbehør, du selv har købt og eftermonteret",
           startvaerdi="0", paakraevet=False, vis_hvis=_naar("D", med_reparation=("ja",))),
)

FORTOLKNINGER = (
    Fortolkning("tabel-genopbygget", (11438, 11544),
                "Tabellen \"Forbrugsgoder bevilges på følgende betingelser\" er i kildeteksten udtrukket som "
                "flad tekst. Beregneren fordeler cellerne på kolonnerne A–D i den rækkefølge, de står i "
                "teksten (se rettelserne på siden om Bilag 3). Fordelingen er ikke kontrolleret mod PDF'en."),
    Fortolkning("graense-samlet-pris", (11435, 11437),
                "Grænsen \"mere end 500 kr.\" anvendes på det, borgeren faktisk køber: prisen på produktet, "
                "den særlige indretning og andre forbrugsgoder i samme ansøgning lagt sammen. Udgiften skal "
                "være over grænsen; præcis 500 kr. er ikke nok. Tilbehør tæller ikke med, fordi borgeren "
                "altid selv betaler det."),
    Fortolkning("d-uden-graense", (11466, 11472),
                "Ved D udlånes produktet via hjælpemiddeldepotet, og tabellen siger \"Nej\" til egenbetaling. "
                "Beregneren anvender derfor ikke 500-kr.-grænsen og spørger ikke om prisen."),
    Fortolkning("a-tilskud-hoejst-prisen", (11442, 11447),
                "Ved A er støtten 50 % af prisen på et standardprodukt, uanset hvad borgeren betaler. "
                "Køber borgeren et billigere produkt, kan støtten dog aldrig blive større end prisen på det "
                "produkt, borgeren køber. Køber borgeren et dyrere produkt, betaler borgeren selv resten."),
    Fortolkning("b-op-til-bedst-billigst", (11477, 11486),
                "Ved B betaler borgeren 50 % af prisen på et standardprodukt. Kommunen dækker resten af "
                "udgiften op til prisen på det bedst og billigst egnede produkt. Vælger borgeren et produkt, "
                "der er dyrere end det, betaler borgeren selv forskellen (linje 11597–11598)."),
    Fortolkning("c-grundprodukt", (11488, 11494),
                "Ved C betaler borgeren 50 % af prisen på et standardprodukt for selve produktet, og kommunen "
                "dækker resten op til standardprisen. Kommunen dækker hele udgiften til den særlige "
                "indretning. Vælger borgeren et dyrere grundprodukt end standardproduktet, betaler borgeren "
                "selv merprisen (linje 11597–11598)."),
    Fortolkning("elscooter-kategori", (11560, 11567),
                "Beregneren placerer en elscooter under D, hvis den erstatter en gangfunktion, eller hvis "
                "borgeren er et barn eller en ung med væsentlig funktionsnedsættelse eller har en "
                "fremadskridende eller terminal lidelse. Ellers vælger du selv A, B eller C, som bilaget "
                "siger \"som udgangspunkt\". Kommunens konkrete vurdering afgør kategorien."),
)


def beregn(v: dict[str, Any], k: Kontekst) -> Resultat:
    kategori = _kategori(v)
    r = Resultat(overskrift=f"Egenbetaling på forbrugsgode – type {kategori}")
    if v["produkt"] == "elscooter":
        _elscooter(v, r)
    r.post("kategori", "Type af forbrugsgode", kategori, NAVNE[kategori])
    if kategori == "D":
        tilskud_ydes = _udlaan(r)
        egenbetaling = Decimal(0)
    else:
        tilskud_ydes, egenbetaling = _tilskud(kategori, v, k, r)
    # With no support, an accessory the reader typed in is still the citizen's, and is counted.
    if not tilskud_ydes and not v.get("tilbehoer"):
        return r
    tilbehoer = _tilbehoer(kategori, v, r)
    r.post("egenbetaling_i_alt", "Borgerens udgift i alt (produkt og tilbehør)", egenbetaling + tilbehoer,
           formater_kr(egenbetaling + tilbehoer))
    if not tilskud_ydes:
        return r
    _reparation(kategori, v, k, r)
    _udskiftning_og_ejer(kategori, r)
    return r


def _kategori(v: dict[str, Any]) -> str:
    if v["produkt"] == "andet":
        return v["kategori"]
    if v["erstatter_gang"] or v["saerlig_gruppe"]:
        return "D"
    return v["kategori_elscooter"]


def _elscooter(v: dict[str, Any], r: Resultat) -> None:
    if v["erstatter_gang"]:
        r.forklar("Erstatter elscooteren en gangfunktion og kan sidestilles med den kompensation, der fx "
                  "opnås ved en joystick-styret el-kørestol, er der tale om bevilling efter D.",
                  None, (11563, 11564), bilag=BILAG, regel="R-B3-7", fortolkning="elscooter-kategori")
    elif v["saerlig_gruppe"]:
        r.forklar("Børn og unge med væsentlig funktionsnedsættelse og borgere med fremadskridende eller "
                  "terminal lidelse, der medfører yderligere funktionsnedsættelse inden for kortere tid, er "
                  "berettiget til bevilling af elscooter efter D.",
                  None, (11565, 11567), bilag=BILAG, regel="R-B3-7", fortolkning="elscooter-kategori")
    else:
        r.forklar("Erstatter elscooteren brugen af en almindelig cykel, knallert, bil eller lignende, er der "
                  f"som udgangspunkt tale om bevilling efter A, B eller C. Du har valgt {v['kategori_elscooter']}.",
                  None, (11560, 11561), bilag=BILAG, regel="R-B3-7", fortolkning="elscooter-kategori")


def _udlaan(r: Resultat) -> bool:
    r.forklar("Servicelovens § 113, stk. 5: Hvis forbrugsgodet udelukkende fungerer som et hjælpemiddel, "
              "betaler kommunen de fulde anskaffelsesudgifter. Hjælpen kan ydes som udlån.",
              None, (10900, 10902), bilag=BILAG_LOV, regel="R-L07")
    r.forklar("Type D: Hvis et produkt udelukkende fungerer som et hjælpemiddel, udlånes det via "
              "hjælpemiddeldepotet. Der er ingen egenbetaling.",
              None, (11466, 11496), bilag=BILAG, regel="R-B3-5", fortolkning="d-uden-graense")
    r.post("tilskud", "Kommunens tilskud", None, "Kommunen betaler hele udgiften – produktet udlånes")
    r.post("egenbetaling", "Borgerens egenbetaling for produktet", Decimal(0), formater_kr(Decimal(0)))
    return True


def _tilskud(kategori: str, v: dict[str, Any], k: Kontekst, r: Resultat) -> tuple[bool, Decimal]:
    standardpris: Decimal = v["standardpris"]
    pris: Decimal = v["pris"]
    indretning: Decimal = v["indretning"] if kategori == "C" else Decimal(0)
    andre: Decimal = v.get("andre_goder") or Decimal(0)
    if kategori == "B" and v["bedst_billigst"] < standardpris:
        raise FeltFejl("bedst_billigst", "Ved B er det bedst og billigst egnede produkt dyrere end "
                                         "standardproduktet. Er et standardprodukt nok, så vælg A.")

    lov = {"A": ("Servicelovens § 113, stk. 3: Hjælpen udgør 50 pct. af prisen på et almindeligt "
                 "standardprodukt af den pågældende art.", (10894, 10895)),
           "B": ("Servicelovens § 113, stk. 4: Er det på grund af den nedsatte funktionsevne nødvendigt med "
                 "et forbrugsgode, der er dyrere end et almindeligt standardprodukt, betaler kommunen de "
                 "nødvendige merudgifter.", (10896, 10899)),
           "C": ("Servicelovens § 113, stk. 4: Nødvendiggør den nedsatte funktionsevne særlig indretning af "
                 "forbrugsgodet, betaler kommunen de nødvendige merudgifter.", (10896, 10899))}[kategori]
    r.forklar(lov[0], None, lov[1], bilag=BILAG_LOV, regel="R-L07")

    # Threshold: more than 500 kr., several goods summed (R-B3-4, § 113 stk. 2).
    graense = k.sats(SATS_GRAENSE)
    samlet = pris + indretning + andre
    dele = [f"produktet {formater_kr(pris)}"]
    if kategori == "C":
        dele.append(f"den særlige indretning {formater_kr(indretning)}")
    if andre:
        dele.append(f"andre forbrugsgoder {formater_kr(andre)}")
    over = samlet > graense.vaerdi
    r.post("samlet_udgift", "Samlet udgift til forbrugsgoder i ansøgningen", samlet, formater_kr(samlet))
    r.post("over_graense", f"Udgiften er over {formater_kr(graense.vaerdi)}", over,
           "Ja" if over else "Nej – der ydes ingen støtte")
    r.forklar(f"Støtten omfatter kun udgifter til køb af produkter, der koster mere end "
              f"{formater_kr(graense.vaerdi)} (servicelovens § 113, stk. 2). Er der behov for mere end ét "
              f"forbrugsgode, lægges den samlede udgift til grund. "
              + (f"Samlet udgift: {' + '.join(dele)} = {formater_kr(samlet)}, " if len(dele) > 1
                 else f"Udgiften er {formater_kr(samlet)}, ")
              + ("som er over grænsen." if over else "som ikke er over grænsen. Der ydes derfor ingen støtte."),
              None, (11435, 11437), bilag=BILAG, regel="R-B3-4", sats=graense, fortolkning="graense-samlet-pris")
    standardpris_sats = k.sats(SATS_STANDARDPRIS)
    r.forklar(f"Standardprisen fastsættes af Gladsaxe Kommune og står ikke i kvalitetsstandarderne. "
              f"Beregningen bruger den standardpris, du har oplyst: {formater_kr(standardpris)}",
              None, (11557, 11557), bilag=BILAG, regel="R-B3-6", sats=standardpris_sats)
    if not over:
        r.post("tilskud", "Kommunens tilskud", Decimal(0), formater_kr(Decimal(0)))
        r.post("egenbetaling", "Borgerens egenbetaling for produktet", pris + indretning,
               formater_kr(pris + indretning))
        return False, pris + indretning

    if kategori == "A":
        sats = k.sats(SATS_TILSKUD)
        halv = afrund_oere(standardpris * sats.vaerdi / 100)
        tilskud = min(halv, pris)
        tekst = (f"Type A: Der ydes som udgangspunkt støtte til {formater_procent(sats.vaerdi)} af prisen på et "
                 f"standardprodukt: {formater_procent(sats.vaerdi)} af {formater_kr(standardpris)} = {formater_kr(halv)}")
        if tilskud < halv:
            tekst += (f" Støtten kan ikke være større end prisen på det produkt, borgeren køber, så "
                      f"tilskuddet er {formater_kr(tilskud)}")
        linjer = (11442, 11447)
        r.forklar(tekst, None, linjer, bilag=BILAG, regel="R-B3-5", sats=sats,
                  fortolkning="a-tilskud-hoejst-prisen")
        loft = standardpris
    else:
        sats = k.sats(SATS_EGENANDEL)
        egenandel = afrund_oere(standardpris * sats.vaerdi / 100)
        loft = v["bedst_billigst"] if kategori == "B" else standardpris
        grund = max(Decimal(0), min(pris, loft) - egenandel)
        if kategori == "B":
            tekst = (f"Type B: Borgeren skal betale {formater_procent(sats.vaerdi)} af prisen på et standardprodukt "
                     f"({formater_procent(sats.vaerdi)} af {formater_kr(standardpris)} = {formater_kr(egenandel)}) og får "
                     f"dækket resten af udgiften op til det bedst og billigst egnede produkt "
                     f"({formater_kr(loft)}). Kommunen betaler {formater_kr(min(pris, loft))} − "
                     f"{formater_kr(egenandel)} = {formater_kr(grund)}")
            linjer, fortolkning = (11477, 11486), "b-op-til-bedst-billigst"
            tilskud = grund
        else:
            tilskud = grund + indretning
            tekst = (f"Type C: Borgeren skal betale {formater_procent(sats.vaerdi)} af prisen på et standardprodukt "
                     f"({formater_procent(sats.vaerdi)} af {formater_kr(standardpris)} = {formater_kr(egenandel)}). "
                     f"Kommunen betaler resten af produktet op til standardprisen "
                     f"({formater_kr(min(pris, loft))} − {formater_kr(egenandel)} = {formater_kr(grund)}) og "
                     f"hele udgiften til den særlige indretning ({formater_kr(indretning)}): i alt "
                     f"{formater_kr(tilskud)}")
            linjer, fortolkning = (11488, 11494), "c-grundprodukt"
        if pris < egenandel:
            tekst += (f" Produktet koster mindre end borgerens andel, så borgeren betaler hele prisen "
                      f"({formater_kr(pris)})")
        r.forklar(tekst, None, linjer, bilag=BILAG, regel="R-B3-5", sats=sats, fortolkning=fortolkning)

    egenbetaling = pris + indretning - tilskud
    if pris > loft:
        r.forklar(f"Borgeren kan købe et dyrere produkt mod selv at betale ekstraudgifterne. Produktet koster "
                  f"{formater_kr(pris)}, som er {formater_kr(pris - loft)} mere end "
                  + ("det bedst og billigst egnede produkt." if kategori == "B" else "standardproduktet."),
                  None, (11596, 11598), bilag=BILAG, regel="R-B3-8")
    r.post("tilskud", "Kommunens tilskud", tilskud, formater_kr(tilskud))
    r.post("egenbetaling", "Borgerens egenbetaling for produktet", egenbetaling, formater_kr(egenbetaling))
    tekst = (f"Borgerens egenbetaling er prisen minus kommunens tilskud: "
             f"{formater_kr(pris + indretning)} − {formater_kr(tilskud)} = {formater_kr(egenbetaling)}")
    if egenbetaling > 0:
        tekst += " Er der egenbetaling, kan udgiften som udgangspunkt ikke dækkes efter anden lovgivning."
    r.forklar(tekst, None, (11558, 11558) if egenbetaling > 0 else linjer, bilag=BILAG,
              regel="R-B3-6" if egenbetaling > 0 else "R-B3-5")
    r.forklar("Det er et krav for udbetaling af økonomisk støtte, at det valgte produkt lever op til de krav, "
              "der er opstillet i afgørelsen.", None, (11598, 11599), bilag=BILAG, regel="R-B3-8")
    return True, egenbetaling


def _tilbehoer(kategori: str, v: dict[str, Any], r: Resultat) -> Decimal:
    tilbehoer: Decimal = v.get("tilbehoer") or Decimal(0)
    if kategori == "D":
        regel = "Borgeren skal selv afholde hele udgiften til tilbehør, der ikke er en del af bevillingen."
    else:
        regel = "Borgeren skal selv afholde hele udgiften til tilbehør."
    r.post("tilbehoer_egenbetaling", "Borgerens udgift til tilbehør", tilbehoer, formater_kr(tilbehoer))
    r.forklar(f"{regel} Tilbehør: {formater_kr(tilbehoer)}", None, (11498, 11512), bilag=BILAG,
              regel="R-B3-5", fortolkning="tabel-genopbygget")
    return tilbehoer


REPARATION_REGEL = {
    "A": "Reparation ydes ikke; borgeren betaler selv hele reparationen.",
    "B": "Der ydes en del af den samlede reparationsudgift.",
    "C": "Der dækkes udelukkende udgifter til reparation af den særlige indretning.",
    "D": "Reparation afholdes af kommunen – dog ikke på tilbehør, borgeren selv har indkøbt og eftermonteret.",
}


def _reparation(kategori: str, v: dict[str, Any], k: Kontekst, r: Resultat) -> None:
    linjer = (11514, 11528)
    if not v.get("med_reparation"):
        tekst = REPARATION_REGEL[kategori]
        if kategori == "B":
            sats = k.sats(SATS_REPARATION)
            tekst = f"Der ydes {formater_procent(sats.vaerdi)} af den samlede reparationsudgift."
        r.post("reparation", "Reparation", None, tekst)
        r.forklar(tekst, None, linjer, bilag=BILAG, regel="R-B3-5", fortolkning="tabel-genopbygget")
        return
    reparation: Decimal = v["reparation"]
    sats = None
    if kategori == "A":
        kommune = Decimal(0)
        tekst = REPARATION_REGEL["A"]
    elif kategori == "B":
        sats = k.sats(SATS_REPARATION)
        kommune = afrund_oere(reparation * sats.vaerdi / 100)
        tekst = (f"Der ydes {formater_procent(sats.vaerdi)} af den samlede reparationsudgift: "
                 f"{formater_procent(sats.vaerdi)} af {formater_kr(reparation)} = {formater_kr(kommune)}")
    elif kategori == "C":
        kommune = v["reparation_indretning"]
        if kommune > reparation:
            raise FeltFejl("reparation_indretning", "Reparationen af den særlige indretning kan ikke koste mere "
                                                    "end hele reparationen.")
        tekst = (f"{REPARATION_REGEL['C']} Kommunen betaler reparationen af den særlige indretning "
                 f"({formater_kr(kommune)}); borgeren betaler resten")
    else:
        eget = v.get("reparation_eget_tilbehoer") or Decimal(0)
        if eget > reparation:
            raise FeltFejl("reparation_eget_tilbehoer", "Reparationen af borgerens eget tilbehør kan ikke koste "
                                                        "mere end hele reparationen.")
        kommune = reparation - eget
        tekst = (f"{REPARATION_REGEL['D']} Borgeren betaler reparationen af eget tilbehør "
                 f"({formater_kr(eget)}); kommunen betaler resten")
    r.post("reparation_kommune", "Kommunen betaler af reparationen", kommune, formater_kr(kommune))
    r.post("reparation_borger", "Borgeren betaler af reparationen", reparation - kommune,
           formater_kr(reparation - kommune))
    r.forklar(tekst, None, linjer, bilag=BILAG, regel="R-B3-5", sats=sats, fortolkning="tabel-genopbygget")


def _udskiftning_og_ejer(kategori: str, r: Resultat) -> None:
    udskiftning = "Ydes ikke" if kategori == "A" else "Ydes ved behov. Der træffes ny afgørelse."
    r.post("udskiftning", "Udskiftning", None, udskiftning)
    r.forklar(f"Udskiftning ved type {kategori}: {udskiftning}", None, (11530, 11540), bilag=BILAG,
              regel="R-B3-5", fortolkning="tabel-genopbygget")
    if kategori == "D":
        r.post("ejer", "Hvem ejer produktet", "Kommunen", "Kommunen – også tilbehør, borgeren selv har købt")
        r.forklar("Ejerforhold ved type D: Kommunen – inkl. tilbehør, borgeren selv har købt.",
                  None, (11542, 11544), bilag=BILAG, regel="R-B3-5", fortolkning="tabel-genopbygget")
    else:
        r.post("ejer", "Hvem ejer produktet", "Borgeren", "Borgeren")
        r.forklar("Ved bevilling og køb af et forbrugsgode får borgeren ejendomsretten til produktet og kan "
                  "efter eget valg af leverandør købe det produkt, borgeren ønsker.",
                  None, (11596, 11597), bilag=BILAG, regel="R-B3-8")


BEREGNER = Beregner(
    id="egenbetaling",
    titel="Egenbetaling på forbrugsgoder",
    beskrivelse=("Beregner kommunens tilskud og borgerens egenbetaling, når et forbrugsgode (fx en elscooter) "
                 "bevilges efter servicelovens § 113, og hvad der gælder for tilbehør, reparation, "
                 "udskiftning og ejerskab."),
    goer_ikke=("Beregneren vurderer ikke, om borgeren opfylder betingelserne for støtte, om produktet er "
               "sædvanligt indbo, eller hvilken kategori (A–D) kommunen vælger. Den kender ikke "
               "standardprisen, som kommunen fastsætter, og den dækker ikke boligindretning efter § 116 "
               "eller hjælpemidler efter § 112."),
    standarder=(KABINESCOOTER, GELAENDER, BELYSNING, KOEKKEN, HVILESTOL, SANSESTIMULERENDE),
    satser=(SATS_GRAENSE, SATS_TILSKUD, SATS_EGENANDEL, SATS_REPARATION, SATS_STANDARDPRIS),
    felter=FELTER,
    fortolkninger=FORTOLKNINGER,
    beregn=beregn,
    hovedsvar=("tilskud", "reparation"),
)
