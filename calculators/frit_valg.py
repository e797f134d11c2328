"""Frit valg: refund and own payment when the citizen chooses another supplier, product or tradesman.

Source: 003_a9efded0fbb87759.txt.
  Hjælpemidler: § 112, stk. 3–4 (Bilag 1, 10855–10865; rule R-L06), the repeated standard text
  (R-X1, e.g. #39 lines 3080–3084), Bilag 6 (12755–12771; R-X5, R-X6), Bilag 3 (11385–11387; R-B3-1).
  Boligindretning: § 116, stk. 2 (Bilag 1, 10959–10964; R-X2), the repeated standard text
  (R-X3, e.g. #91 lines 7464–7480), Bilag 6 (12772–12789; R-X4), Bilag 3 (11615–11616, 11627–11629).
The source gives no prices and no percentages here: both prices are typed by the reader, so
the calculator reads no rates.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Any

from .felter import Beloeb, JaNej, Valg, formater_kr
from .model import Beregner, Fortolkning, Kontekst, Resultat

AFTALE, UDEN_AFTALE, HAANDVAERKER = "hjaelpemiddel_aftale", "hjaelpemiddel_uden_aftale", "haandvaerker"
HJAELPEMIDDEL = ({"omraade": (AFTALE, UDEN_AFTALE)},)
BOLIG = ({"omraade": (HAANDVAERKER,)},)

# Standards cited for sentences that are repeated in many standards (the first occurrence).
TABLET = "diabetesmaterialer-til-tabletbehandlede-diabetikere"  # R-X1 at 3080–3084
PERSONLOEFTER = "loft-eller-vaegmonteret-personloefter"  # R-X2/R-X3 at 7464–7478, R141 at 7479–7480

# The standards whose text offers free choice of supplier and product (hjælpemidler) or of
# tradesman and materials (boligindretning). Left out: standards where free choice is ruled
# out (nf-walker, bruselejer, personløftere used by helpers), consumer goods (§ 113), and
# standards with their own own-payment rule (ortopædisk fodtøj, særlige beklædningsgenstande).
STANDARDER_HAANDVAERKER = (
    "automatisk-doeraabner", "badevaerelsesaendringer", "bruseplads-nyetablering", "doertrin",
    "hoejdeindstillelig-haandvask", "koekkenaendringer-bordplader-elementer-elektrisk-hoejdeindstilling",
    PERSONLOEFTER, "ramper-faste", "samtaleanlaeg-med-el-slutblik",
    "trappelifte-loefteplatforme-til-koerestole", "trappelifte-med-stolesaede",
)
STANDARDER_HJAELPEMIDDEL = (
    "0-1-kontakter", "albuestokke-underarmsstokke-og-fire-fempunktsstokke",
    "arbejdsstole-og-staa-stoettestole", "arm-og-benproteser", "bade-og-brusestole-med-og-uden-hjul",
    "barnesenge-med-el-funktioner", "belysning-indendoers-udendoers", "ben-og-fodortose", "brokbind",
    "brystproteser", "diabetesmaterialer-til-insulinbehandlede-eller-kombinationsbehandlede-diabetikere",
    TABLET, "el-koerestole-med-joystick", "fjernbetjeningssystemer", "foererhund", "fortykningsmiddel",
    "glidestykker-og-vendelagen", "glukosemaalingssystem", "greb-haandgreb",
    "haandcykler-til-montering-paa-manuel-koerestol", "hals-nakke-ortose",
    "hjaelpemidler-til-forflytning-ved-seng-og-koerestol", "hjaelpemotor-til-manuel-koerestol",
    "hoeretekniske-hjaelpemidler", "hvilestol-med-el-indstilling", "koerestole-manuelle-aktiv",
    "koerestole-manuelle-komfort", "koerestole-manuelle-standard", "kognitive-hjaelpemidler",
    "laende-baekken-ortose-bandager-stoettekorsetter", "laese-stave-hjaelpemidler", "madrasser",
    "mobilitystok-og-markeringsstok", "noedkald-epilepsialarm", "optiske-hjaelpemidler", "parykker",
    "plejesenge-voksne", "psykiatrisk-servicehund", "puder", "ramper-transportable",
    "rollatorer-og-gangbukke", "sansestimulerende-produkter-dyne-eller-taeppe", "sengebord",
    "sensor-dynamisk-dynamic-movement-ortoser", "servicehund-borgere-med-fysisk-funktionsnedsaettelse",
    "skulder-albue-haandleds-haand-ortoser", "smaahjaelpemidler", "specialklapvogn", "staa-stoette-stativ",
    "stemmeforstaerker", "stomi-materialer", "synshjaelpemidler", "terapi-og-rehabiliteringsstol-til-boern",
    "toiletforhoejer-og-toiletarmlaen", "toiletstoetter-vaegboejler-stoetteboejler",
    "trappekoerer-hjaelpermanoevreret", "trehjulet-cykel", "urologiske-hjaelpemidler",
    "vasketoilet-elektrisk-toiletloefter", "vinduesaabnere-manuelle-og-elektriske",
)

PRIS_HJAELP = "Kvalitetsstandarderne angiver ikke prisen. Spørg kommunen, hvis du ikke kender den."

FELTER = (
    Valg("omraade", "Hvad har du valgt selv?", muligheder=(
        (AFTALE, "Et andet hjælpemiddel eller en anden leverandør – kommunen har leverandøraftale "
                 "(fx Hjælpemiddeldepotet eller en rammeaftale)"),
        (UDEN_AFTALE, "Et andet hjælpemiddel eller en anden leverandør – kommunen har ikke "
                      "leverandøraftale på produktet"),
        (HAANDVAERKER, "Boligindretning: en anden håndværker og/eller andre materialer end kommunens"),
    )),
    JaNej("arbejdsredskab", "Bruges produktet som arbejdsredskab af en hjælper?",
          hjaelp="Fx et plejehjælpemiddel eller en personløfter, som en hjælper bruger, når hun "
                 "eller han hjælper dig."),
    JaNej("identisk", "Kan kommunen stille et hjælpemiddel til rådighed, som er fuldstændig identisk "
                      "med det, du ønsker?", vis_hvis=HJAELPEMIDDEL),
    JaNej("foer_bevilling", "Har du købt produktet eller sat arbejdet i gang, før kommunen "
                            "havde bevilget det?"),
    JaNej("samme_varekategori", "Hører det valgte produkt til samme varekategori/varetype som det, "
                                "kommunen har bevilget?", vis_hvis=HJAELPEMIDDEL),
    JaNej("kropsbaaret", "Er det et kropsbåret eller personligt hjælpemiddel?",
          hjaelp="Fx en protese, en ortose, stomi- og urologiske hjælpemidler.", vis_hvis=HJAELPEMIDDEL),
    JaNej("forening", "Bor du i en lejebolig, en andelsbolig eller en ejerforening?",
          vis_hvis=BOLIG),
    JaNej("forening_godkendt", "Har udlejer, boligselskab, andelsforening eller ejerforeningens "
                               "bestyrelse godkendt dit valg af håndværker og produkt?",
          hjaelp="Det er dig selv, der skal aftale det med udlejer eller foreningen.",
          vis_hvis=({"omraade": (HAANDVAERKER,), "forening": ("ja",)},)),
    JaNej("faglaert", "Er den valgte håndværker faglært og momsregistreret?", vis_hvis=BOLIG),
    JaNej("materialer_ok", "Lever de valgte materialer op til betingelserne i kommunens afgørelse, "
                           "så boligen bliver bedre egnet som opholdssted?", vis_hvis=BOLIG),
    Beloeb("pris_valgt", "Hvad koster dit valg?",
           hjaelp="Prisen på det hjælpemiddel, du vælger, eller regningen fra den håndværker, "
                  "du vælger."),
    Beloeb("pris_leverandoer", "Hvad kunne kommunen have købt hjælpemidlet for hos sin leverandør?",
           hjaelp=PRIS_HJAELP, vis_hvis=({"omraade": (AFTALE,)},)),
    Beloeb("pris_bedst_billigst", "Hvad koster det bedst egnede og billigste hjælpemiddel?",
           hjaelp=PRIS_HJAELP, vis_hvis=({"omraade": (UDEN_AFTALE,)},)),
    Beloeb("pris_haandvaerker", "Hvad kunne kommunens valgte håndværker have udført "
                                "boligindretningen for?", hjaelp=PRIS_HJAELP, vis_hvis=BOLIG),
)

FORTOLKNINGER = (
    Fortolkning("samme-varekategori", (3080, 3084),
                "Sætningen \"Der kan udelukkende udbetales økonomisk tilskud, når det frie valg benyttes "
                "til indkøb af produkter indenfor samme varekategori/varetype\" står i standarderne for "
                "kropsbårne og personlige hjælpemidler (fx linje 3082–3084), ikke i dem, hvor "
                "Hjælpemiddeldepotet er leverandør. "
                "Beregneren bruger den for alle hjælpemidler, fordi refusionen efter § 112, stk. 3 "
                "gælder det hjælpemiddel, kommunen har bevilget."),
    Fortolkning("foer-bevilling", (11385, 11387),
                "Bilag 3 siger \"inden ansøgning/bevilling\" (linje 11386–11387 og 11615–11616) uden at "
                "vælge mellem de to tidspunkter. Beregneren spørger, om købet eller arbejdet kom før "
                "bevillingen, fordi frit valg forudsætter, at borgeren er bevilget hjælpen (Bilag 6, "
                "linje 12756–12759)."),
    Fortolkning("hoejst-kommunens-pris", (12774, 12776),
                "Bilag 6 siger, at borgeren \"får refunderet udgifterne svarende til det beløb, som "
                "kommunen kan få udført boligindretningen for\". Loven (§ 116, stk. 2, linje "
                "10959–10964) og standarderne siger \"højst\" dette beløb. Beregneren refunderer derfor "
                "den laveste af de to priser, så refusionen aldrig er større end borgerens udgift."),
    Fortolkning("merpris-direkte", (12763, 12764),
                "Loven (§ 112, stk. 3) siger, at borgeren køber hjælpemidlet og får udgiften refunderet; "
                "Bilag 6 siger, at borgeren betaler merprisen direkte til leverandøren. Beløbene er de "
                "samme: kommunen dækker højst sin egen pris, og borgeren betaler resten."),
)


def beregn(v: dict[str, Any], k: Kontekst) -> Resultat:
    if v["omraade"] == HAANDVAERKER:
        return _boligindretning(v)
    return _hjaelpemiddel(v)


def _hjaelpemiddel(v: dict[str, Any]) -> Resultat:
    r = Resultat(overskrift="Frit valg af hjælpemiddel: refusion og egenbetaling")
    pris: Decimal = v["pris_valgt"]
    afvist = False
    if v["arbejdsredskab"]:
        afvist = _ikke_frit_valg(r, "Arbejdsredskaber og plejehjælpemidler, der benyttes af en hjælper, "
                                    "er ikke omfattet af frit valg.", bilag=6, linjer=(12770, 12771),
                                 regel="R-X6")
    if v["identisk"]:
        afvist = _ikke_frit_valg(r, "Retten til at vælge leverandør gælder ikke, når kommunen kan stille "
                                    "et hjælpemiddel til rådighed, som er fuldstændig identisk med det, "
                                    "borgeren ønsker (servicelovens § 112, stk. 4).", bilag=1,
                                 linjer=(10863, 10865), regel="R-L06")
    if v["foer_bevilling"]:
        afvist = True
        r.forklar("Der ydes ikke støtte til hjælpemidler, som ansøgeren selv har anskaffet sig inden "
                  "ansøgning/bevilling.", None, (11386, 11387), bilag=3, regel="R-B3-1",
                  fortolkning="foer-bevilling")
    if not v["samme_varekategori"]:
        afvist = True
        r.forklar("Der kan udelukkende udbetales økonomisk tilskud, når det frie valg benyttes til indkøb "
                  "af produkter inden for samme varekategori/varetype. Det står i standarderne for "
                  "kropsbårne og personlige hjælpemidler, fx diabetesmaterialer til tabletbehandlede "
                  "diabetikere.", TABLET, (3082, 3084),
                  regel="R-X1", fortolkning="samme-varekategori")
    if afvist:
        _ingen_refusion(r, pris)
        return r

    if v["omraade"] == AFTALE:
        reference: Decimal = v["pris_leverandoer"]
        r.forklar(f"Kommunen har leverandøraftale. Borgeren får udgiften refunderet, dog højst med et beløb "
                  f"svarende til den pris, kommunen kunne have købt hjælpemidlet til hos sin leverandør "
                  f"({formater_kr(reference)}). Borgerens valg koster {formater_kr(pris)}, så refusionen "
                  f"er {formater_kr(min(pris, reference))}", None, (10855, 10860), bilag=1, regel="R-L06")
    else:
        reference = v["pris_bedst_billigst"]
        r.forklar(f"Kommunen har ikke leverandøraftale. Støtten ydes efter regning, dog højst med et "
                  f"beløb svarende til prisen på det bedst egnede og billigste hjælpemiddel "
                  f"({formater_kr(reference)}). Borgerens valg koster {formater_kr(pris)}, så støtten er "
                  f"{formater_kr(min(pris, reference))}", None, (10860, 10862), bilag=1, regel="R-L06")
    refusion = min(pris, reference)
    merpris = pris - refusion
    _poster(r, refusion, merpris)
    r.forklar(f"Borgeren har selv ansvaret for, at hjælpemidlet lever op til kommunens krav til egnethed "
              f"i bevillingen. Borgeren bestiller selv hjælpemidlet og betaler "
              + (f"merprisen ({formater_kr(merpris)}) direkte til leverandøren." if merpris > 0
                 else "ingen merpris, fordi valget ikke koster mere end det, kommunen dækker."),
              None, (12761, 12764), bilag=6,
              regel="R-X5", fortolkning="merpris-direkte")
    if merpris > 0:
        if v["kropsbaaret"]:
            r.post("ejer", "Ejer af hjælpemidlet", None,
                   "Ikke Gladsaxe Kommune – det er et kropsbåret/personligt hjælpemiddel")
        else:
            r.post("ejer", "Ejer af hjælpemidlet", None,
                   "Gladsaxe Kommune – også selv om borgeren har betalt en merpris")
        r.forklar("Har borgeren benyttet frit valg og betalt en merpris, er hjælpemidlet stadig Gladsaxe "
                  "Kommunes ejendom, medmindre det er et kropsbåret/personligt hjælpemiddel.",
                  None, (12764, 12766), bilag=6, regel="R-X5")
    return r


def _boligindretning(v: dict[str, Any]) -> Resultat:
    r = Resultat(overskrift="Frit valg af håndværker og materialer: refusion og egenbetaling")
    pris: Decimal = v["pris_valgt"]
    afvist = False
    if v["arbejdsredskab"]:
        afvist = _ikke_frit_valg(r, "Bruges produktet som et arbejdsredskab for en hjælper, bortfalder "
                                    "retten til frit valg.", standard=PERSONLOEFTER, linjer=(7479, 7480),
                                 regel="R141")
    if v["forening"] and not v["forening_godkendt"]:
        afvist = _ikke_frit_valg(r, "I lejeboliger, andelsboliger og ejerforeninger er det en forudsætning "
                                    "for frit valg, at udlejer, boligselskab eller foreningen godkender "
                                    "borgerens valg. Det er borgeren selv, der afklarer det.",
                                 bilag=6, linjer=(12786, 12789), regel="R-X3")
    if v["foer_bevilling"]:
        afvist = True
        r.forklar("Der ydes ikke støtte til ændringer, borgeren selv har sat i gang, inden der forelå "
                  "bevilling/ansøgning.", None, (11615, 11616), bilag=3, regel="R-B3-9",
                  fortolkning="foer-bevilling")
    if not v["faglaert"] or not v["materialer_ok"]:
        afvist = True
        grunde = []
        if not v["faglaert"]:
            grunde.append("håndværkeren ikke er faglært og momsregistreret")
        if not v["materialer_ok"]:
            grunde.append("materialerne ikke sikrer, at boligen bliver bedre egnet som opholdssted")
        r.forklar(f"Borgeren har bygherreansvaret ved frit valg. Når {' og '.join(grunde)}, har borgeren "
                  "ikke ret til at få udbetalt støtte til den udførte boligindretning.",
                  None, (12776, 12784), bilag=6, regel="R-X4")
    if afvist:
        _ingen_refusion(r, pris)
        return r

    reference: Decimal = v["pris_haandvaerker"]
    refusion = min(pris, reference)
    r.forklar(f"Bruger borgeren en anden håndværker end den, kommunen har valgt, refunderes udgifterne, "
              f"dog højst med den pris, kommunen kunne have fået boligindretningen udført for hos sin "
              f"håndværker ({formater_kr(reference)}). Borgerens valg koster {formater_kr(pris)}, så "
              f"refusionen er {formater_kr(refusion)}", None, (10959, 10964), bilag=1, regel="R-X2",
              fortolkning="hoejst-kommunens-pris")
    _poster(r, refusion, pris - refusion)
    r.forklar("Vælges en anden håndværker og/eller andre materialer, skal udførsel og materialevalg "
              "godkendes af kommunen, før udlægget udbetales. Det står i standarderne for "
              "boligindretning, fx loft- eller vægmonteret personløfter.", PERSONLOEFTER, (7473, 7474),
              regel="R-X3")
    r.forklar("Almindelig reparation og vedligeholdelse af boligindretningen betaler borgeren som "
              "udgangspunkt selv – også når borgeren har benyttet retten til frit valg.",
              None, (11627, 11629), bilag=3, regel="R-B3-10")
    return r


def _ikke_frit_valg(r: Resultat, tekst: str, *, linjer: tuple[int, int], regel: str,
                    standard: str | None = None, bilag: int | None = None) -> bool:
    if not any(p.id == "frit_valg" for p in r.poster):
        r.post("frit_valg", "Har borgeren ret til frit valg?", False,
               "Nej – borgeren kan i stedet benytte kommunens tilbud")
    r.forklar(tekst, standard, linjer, regel=regel, bilag=bilag)
    return True


def _ingen_refusion(r: Resultat, pris: Decimal) -> None:
    r.post("refusion", "Refusion fra kommunen", Decimal(0), formater_kr(Decimal(0)))
    r.post("egenbetaling", "Borgerens egenbetaling", pris,
           f"{formater_kr(pris)} – hele prisen; kommunen refunderer intet")


def _poster(r: Resultat, refusion: Decimal, egenbetaling: Decimal) -> None:
    r.post("refusion", "Refusion fra kommunen", refusion, formater_kr(refusion))
    r.post("egenbetaling", "Borgerens egenbetaling", egenbetaling, formater_kr(egenbetaling))


BEREGNER = Beregner(
    id="frit_valg",
    titel="Frit valg: refusion og egenbetaling ved anden leverandør, håndværker eller materialer",
    beskrivelse=("Beregner, hvor meget kommunen refunderer, og hvor meget borgeren selv betaler, når "
                 "borgeren vælger et andet hjælpemiddel, en anden leverandør eller en anden håndværker "
                 "end kommunens."),
    goer_ikke=("Beregneren kender ikke priserne: du skal skrive både prisen på borgerens valg og "
               "kommunens pris. Den vurderer ikke, om hjælpemidlet eller materialerne lever op til "
               "kravene i bevillingen. Den dækker ikke forbrugsgoder efter § 113 (fx elscooter), bil, "
               "særlige beklædningsgenstande eller ortopædisk fodtøj, som har deres egne regler."),
    standarder=STANDARDER_HJAELPEMIDDEL + STANDARDER_HAANDVAERKER,
    satser=(),
    felter=FELTER,
    fortolkninger=FORTOLKNINGER,
    beregn=beregn,
)
