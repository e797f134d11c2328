"""Diabetes: yearly quota of test strips, lancets and sensors, and the meter grant.

Standards (source: 003_a9efded0fbb87759.txt):
  #39 Diabetesmaterialer til tabletbehandlede diabetikere (3057–3105)
  #40 Diabetesmaterialer til insulinbehandlede eller kombinationsbehandlede diabetikere (3106–3199)
  #41 Glukosemålingssystem (3200–3303)
Every number comes from catalogue/satser/; the lines cited next to each rule
are where the text motivates it.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Any

from .felter import Beloeb, Heltal, JaNej, Valg, afrund_oere, formater_kr, formater_procent, formater_tal
from .model import Beregner, Fortolkning, Kontekst, Resultat

TABLET = "diabetesmaterialer-til-tabletbehandlede-diabetikere"
INSULIN = "diabetesmaterialer-til-insulinbehandlede-eller-kombinationsbehandlede-diabetikere"
GLUKOSE = "glukosemaalingssystem"

SATS_KVOTE = "diabetes.teststrimler_og_lancetter_pr_aar"
SATS_SENSORER = "diabetes.sensorer_pr_aar"
SATS_TILSKUD = "diabetes.tilskud_blodsukkerapparat_procent"
SATS_STANDARDPRIS = "diabetes.standardpris_blodsukkerapparat"

TABLET_VALGT = ({"behandling": ("tablet",)},)
VOKSEN_GLUKOSE = ({"behandling": ("glukosemaaling",), "voksen": ("ja",)},)
# The meter questions: insulin-type treatments, and adults with a glucose sensor.
MED_APPARAT = ({"behandling": ("insulin", "kombination", "insulinpumpe")},) + VOKSEN_GLUKOSE
APPARAT_SITUATIONER = ("foerste", "slidt", "slidt_saerbevilling", "eget_oenske", "bortkommet",
                       "skift_tablet_kombination")

FELTER = (
    Valg("behandling", "Hvilken behandling får du?", muligheder=(
        ("tablet", "Tabletbehandling"),
        ("insulin", "Insulinbehandling"),
        ("kombination", "Kombinationsbehandling (andet godkendt injektionspræparat end insulin)"),
        ("insulinpumpe", "Insulinpumpe"),
        ("glukosemaaling", "Glukosemålingssystem (sensor og scanner)"),
    )),
    Heltal("strimler_hidtil", "Teststrimler bevilget i år", startvaerdi="0", enhed="stk.", max=10_000,
           hjaelp="Antal teststrimler, du allerede har fået bevilget i indeværende år.",
           vis_hvis=TABLET_VALGT),
    Heltal("strimler_ansoegt", "Teststrimler der søges om nu", enhed="stk.", max=10_000, paakraevet=False,
           hjaelp="Kan stå tomt: så viser beregneren, hvor mange der er tilbage af årets kvote.",
           vis_hvis=TABLET_VALGT),
    Heltal("lancetter_hidtil", "Fingerprikker (lancetter) bevilget i år", startvaerdi="0", enhed="stk.", max=10_000,
           hjaelp="Antal lancetter, du allerede har fået bevilget i indeværende år.",
           vis_hvis=TABLET_VALGT),
    Heltal("lancetter_ansoegt", "Fingerprikker (lancetter) der søges om nu", enhed="stk.",
           max=10_000, paakraevet=False,
           hjaelp="Kan stå tomt: så viser beregneren, hvor mange der er tilbage af årets kvote.",
           vis_hvis=TABLET_VALGT),
    JaNej("voksen", "Er du voksen?",
          hjaelp="Børn og unge kan ikke få glukosemålingssystem som hjælpemiddel fra kommunen.",
          vis_hvis=({"behandling": ("glukosemaaling",)},)),
    Heltal("sensorer_hidtil", "Sensorer bevilget i dette bevillingsår", startvaerdi="0", enhed="stk.", max=1_000,
           vis_hvis=VOKSEN_GLUKOSE),
    Heltal("sensorer_ansoegt", "Sensorer der søges om nu", enhed="stk.", max=1_000,
           vis_hvis=VOKSEN_GLUKOSE),
    Valg("apparat", "Blodsukkerapparat", muligheder=(
        ("ingen", "Der søges ikke om blodsukkerapparat"),
        ("foerste", "Du har ikke et blodsukkerapparat i forvejen"),
        ("slidt", "Apparatet er gået i stykker som følge af slid"),
        ("slidt_saerbevilling", "Apparatet er slidt op, og du har særbevilling på diabetesprodukter"),
        ("eget_oenske", "Du vælger selv at skifte til en anden type apparat"),
        ("bortkommet", "Apparatet er bortkommet"),
        ("skift_tablet_kombination", "Du skifter fra tablet- til kombinationsbehandling"),
    ), vis_hvis=MED_APPARAT),
    Beloeb("apparat_pris", "Pris på det apparat, du køber",
           hjaelp="Ved særbevilling: prisen på det apparat, der er knyttet til særbevillingen.",
           vis_hvis=({"apparat": APPARAT_SITUATIONER},), positiv=True),
    Beloeb("standardpris", "Pris på et standard blodsukkerapparat",
           hjaelp=("Kvalitetsstandarden nævner prisen på et standard blodsukkerapparat, men angiver "
                   "den ikke. Skriv den pris, kommunen har fastsat."),
           erstatter_sats=SATS_STANDARDPRIS,
           vis_hvis=({"apparat": ("foerste", "slidt")},), positiv=True),
)

FORTOLKNINGER = (
    Fortolkning("kvote-hver-for-sig", (3075, 3077),
                "\"Der kan max ydes 150 stk. teststrimler og fingerprikker (lancetter) årligt\" "
                "læses som 150 teststrimler og 150 lancetter (én af hver pr. måling), ikke 150 i alt."),
    Fortolkning("tilskud-laveste-pris", (3163, 3184),
                "Standarden siger både \"50 % af udgiften\" (linje 3163) og \"50 % af prisen på et "
                "standard blodsukkerapparat\" (linje 3172–3173, 3183–3184). Beregneren giver 50 % af "
                "den laveste af de to priser, så tilskuddet aldrig overstiger nogen af formuleringerne."),
    Fortolkning("insulin-ingen-kvote", (3119, 3190),
                "For insulin- og kombinationsbehandlede nævner standarden testmaterialer uden et "
                "årligt maksimum. \"Efter behov\" står kun i afsnittet om insulinpumpe (linje 3180–3182). "
                "Beregneren anvender derfor ikke 150-grænsen på dem."),
    Fortolkning("voksen-uden-aldersgraense", (3214, 3265),
                "Standarden skelner mellem \"voksne\" og \"børn og unge\" uden at angive en "
                "aldersgrænse, så beregneren spørger, om borgeren er voksen."),
)


def beregn(v: dict[str, Any], k: Kontekst) -> Resultat:
    behandling = v["behandling"]
    r = Resultat(overskrift=_OVERSKRIFT[behandling])
    if behandling == "tablet":
        _kvote_tablet(v, k, r)
        r.forklar("Blodsukkerapparat indgår ikke i standarden for tabletbehandlede, og udskiftning "
                  "eller reparation af fingerprikker og blodsukkerapparat er undtaget.",
                  TABLET, (3069, 3092), regel="R092")
        return r
    if behandling in ("insulin", "kombination"):
        r.post("testmaterialer", "Testmaterialer", None,
               "Ingen fast årlig kvote – konkret og individuel vurdering")
        r.forklar("Testmaterialer indgår i indsatsen, men standarden angiver ikke et årligt maksimum. "
                  "En ansøgning behandles altid ud fra en konkret og individuel vurdering.",
                  INSULIN, (3119, 3190), regel="R094", fortolkning="insulin-ingen-kvote")
    elif behandling == "insulinpumpe":
        r.post("testmaterialer", "Teststrimler og fingerprikker (lancetter)", None, "Efter behov")
        r.forklar("Borgere med insulinpumpe bevilges teststrimler og fingerprikker (lancetter) "
                  "efter behov.", INSULIN, (3180, 3182), regel="R102")
    else:
        if not _glukosemaaling(v, k, r):
            return r
    _apparat(v, k, r)
    return r


_OVERSKRIFT = {
    "tablet": "Teststrimler og fingerprikker ved tabletbehandling",
    "insulin": "Diabetesmaterialer ved insulinbehandling",
    "kombination": "Diabetesmaterialer ved kombinationsbehandling",
    "insulinpumpe": "Diabetesmaterialer ved insulinpumpe",
    "glukosemaaling": "Glukosemålingssystem",
}


def _kvote_tablet(v: dict[str, Any], k: Kontekst, r: Resultat) -> None:
    sats = k.sats(SATS_KVOTE)
    maks = int(sats.vaerdi)
    for ting, navn in (("strimler", "Teststrimler"), ("lancetter", "Fingerprikker (lancetter)")):
        hidtil, ansoegt = v[f"{ting}_hidtil"], v.get(f"{ting}_ansoegt")
        rest = max(0, maks - hidtil)
        grundlag = (f"{navn}: højst {formater_tal(maks)} stk. om året. Allerede bevilget i år: "
                    f"{formater_tal(hidtil)} stk., så der er {formater_tal(rest)} stk. tilbage.")
        if ansoegt is None:
            # No quantity asked for: the answer most readers want is what is left of the year's quota.
            r.post(f"{ting}_tilbage", f"{navn} der kan bevilges resten af året", rest,
                   f"{formater_tal(rest)} stk.")
            r.forklar(grundlag, TABLET, (3075, 3077), regel="R090", sats=sats, fortolkning="kvote-hver-for-sig")
            continue
        bevilget = min(ansoegt, rest)
        r.post(f"{ting}_bevilget", f"{navn} der kan bevilges nu", bevilget, f"{formater_tal(bevilget)} stk.")
        if ansoegt > bevilget:
            r.post(f"{ting}_over_kvote", f"{navn} ud over årets maksimum", ansoegt - bevilget,
                   f"{formater_tal(ansoegt - bevilget)} stk.")
        r.forklar(f"{grundlag} Der søges om {formater_tal(ansoegt)} stk.; {formater_tal(bevilget)} stk. "
                  "kan bevilges.", TABLET, (3075, 3077), regel="R090", sats=sats, fortolkning="kvote-hver-for-sig")


def _glukosemaaling(v: dict[str, Any], k: Kontekst, r: Resultat) -> bool:
    if not v["voksen"]:
        r.post("glukosemaaling_bevilges", "Kan bevilges som hjælpemiddel", False,
               "Nej – Region Hovedstaden (hospitalet) yder produktet til børn og unge")
        r.forklar("Børn og unge kan ikke få bevilget glukosemålingssystem som hjælpemiddel. "
                  "Region Hovedstaden (hospitalet) skal altid yde produktet.",
                  GLUKOSE, (3263, 3265), regel="R108", fortolkning="voksen-uden-aldersgraense")
        return False
    sats = k.sats(SATS_SENSORER)
    maks = int(sats.vaerdi)
    hidtil, ansoegt = v["sensorer_hidtil"], v["sensorer_ansoegt"]
    rest = max(0, maks - hidtil)
    bevilget = min(ansoegt, rest)
    r.post("sensorer_bevilget", "Sensorer der kan bevilges nu", bevilget, f"{formater_tal(bevilget)} stk.")
    if ansoegt > bevilget:
        r.post("sensorer_over_kvote", "Sensorer ud over årets forbrug", ansoegt - bevilget,
               f"{formater_tal(ansoegt - bevilget)} stk.")
    r.forklar(f"Der bevilges {formater_tal(maks)} sensorer, svarende til 1 års forbrug, og der skal "
              f"genansøges årligt. Allerede bevilget: {formater_tal(hidtil)} stk., så der er "
              f"{formater_tal(rest)} stk. tilbage. Der søges om {formater_tal(ansoegt)} stk.; "
              f"{formater_tal(bevilget)} stk. kan bevilges. Det forudsætter, at kriterierne for "
              "bevilling er opfyldt.", GLUKOSE, (3260, 3262), regel="R107", sats=sats)
    r.post("testmaterialer", "Teststrimler og fingerprikker (lancetter)", None, "Efter behov")
    r.forklar("Der bevilges teststrimler og fingerprikker (lancetter) efter behov.",
              GLUKOSE, (3279, 3279), regel="R110")
    return True


def _apparat(v: dict[str, Any], k: Kontekst, r: Resultat) -> None:
    situation = v["apparat"]
    if situation == "ingen":
        return
    pris: Decimal = v["apparat_pris"]
    glukose = v["behandling"] == "glukosemaaling"
    standard = GLUKOSE if glukose else INSULIN

    if glukose and situation != "foerste":
        r.post("apparat_tilskud", "Tilskud til blodsukkerapparat", None,
               "Ikke beskrevet i standarden – konkret vurdering")
        r.forklar("Standarden for glukosemålingssystem omtaler kun tilskud til borgere, der ikke "
                  "allerede har et blodsukkerapparat. Andre situationer afgøres ved en konkret "
                  "vurdering.", GLUKOSE, (3280, 3281), regel="R111")
        return

    nul_regler = {
        "eget_oenske": ("Vælger borgeren selv at skifte fra én type blodsukkerapparat til et andet, "
                        "betaler borgeren selv hele udgiften til det nye apparat.", (3167, 3169), "R098"),
        "bortkommet": ("Der dækkes ikke udgifter til indkøb af blodsukkerapparater, der er bortkommet.",
                       (3177, 3178), "R101"),
        "skift_tablet_kombination": ("Der skiftes som udgangspunkt ikke måleapparat, hvis borgeren "
                                     "skifter fra tablet- til kombinationsbehandling.", (3163, 3165), "R097"),
    }
    if situation in nul_regler:
        tekst, linjer, regel = nul_regler[situation]
        _apparat_poster(r, Decimal(0), pris)
        r.forklar(tekst, INSULIN, linjer, regel=regel)
        return

    procent_sats = k.sats(SATS_TILSKUD)
    andel = procent_sats.vaerdi / 100
    if situation == "slidt_saerbevilling":
        tilskud = afrund_oere(pris * andel)
        r.forklar(f"Ved særbevilling på diabetesprodukter bevilges {formater_procent(procent_sats.vaerdi)} af prisen "
                  f"på det blodsukkerapparat, der er knyttet til særbevillingen: "
                  f"{formater_procent(procent_sats.vaerdi)} af {formater_kr(pris)} = {formater_kr(tilskud)}",
                  INSULIN, (3173, 3175), regel="R100", sats=procent_sats)
        _apparat_poster(r, tilskud, pris)
        return

    standardpris_sats = k.sats(SATS_STANDARDPRIS)
    if standardpris_sats.vaerdi is not None:
        standardpris = standardpris_sats.vaerdi
        pris_kilde = f"standardprisen i kataloget ({formater_kr(standardpris)})"
    else:
        standardpris = v["standardpris"]
        pris_kilde = f"den standardpris, du har oplyst ({formater_kr(standardpris)}), da kataloget ikke har den"
    grundlag = min(pris, standardpris)
    tilskud = afrund_oere(grundlag * andel)
    if situation == "foerste":
        tekst_regel = ("Borgere, der ikke allerede har et blodsukkerapparat, bevilges "
                       f"{formater_procent(procent_sats.vaerdi)} af udgiften til standardblodsukkerapparatet.")
        linjer, regel = ((3280, 3281), "R111") if glukose else ((3182, 3184), "R103")
    else:
        tekst_regel = ("Er blodsukkerapparatet gået i stykker som følge af slid, dækkes udskiftningen med "
                       f"{formater_procent(procent_sats.vaerdi)} af prisen på et standard blodsukkerapparat.")
        linjer, regel = (3171, 3173), "R099"
    r.forklar(f"{tekst_regel} Grundlaget er den laveste af apparatets pris ({formater_kr(pris)}) og "
              f"{pris_kilde}: {formater_kr(grundlag)} Tilskud: {formater_procent(procent_sats.vaerdi)} af "
              f"{formater_kr(grundlag)} = {formater_kr(tilskud)}",
              standard, linjer, regel=regel, sats=procent_sats, fortolkning="tilskud-laveste-pris")
    if standardpris_sats.vaerdi is None:
        r.forklar(f"Standardprisen for et blodsukkerapparat står ikke i kvalitetsstandarden "
                  f"({standardpris_sats.mangler}). Beregningen bruger den pris, du har oplyst.",
                  INSULIN, standardpris_sats.kilde.linjer, sats=standardpris_sats)
    else:
        r.forklar(f"Standardprisen for et blodsukkerapparat er {formater_kr(standardpris)} (kataloget).",
                  INSULIN, standardpris_sats.kilde.linjer, sats=standardpris_sats)
    _apparat_poster(r, tilskud, pris)


def _apparat_poster(r: Resultat, tilskud: Decimal, pris: Decimal) -> None:
    r.post("apparat_tilskud", "Tilskud fra kommunen til blodsukkerapparat", tilskud, formater_kr(tilskud))
    r.post("apparat_egenbetaling", "Borgerens egenbetaling", pris - tilskud, formater_kr(pris - tilskud))


BEREGNER = Beregner(
    id="diabetes",
    titel="Diabetesmaterialer: årlig kvote og tilskud til blodsukkerapparat",
    beskrivelse=("Beregner, hvor mange teststrimler, fingerprikker (lancetter) og sensorer der kan "
                 "bevilges i år, og hvor stort tilskuddet til et blodsukkerapparat er."),
    goer_ikke=("Beregneren vurderer ikke, om kriterierne for bevilling er opfyldt (fx dokumentation "
               "fra læge, sygehus eller Region Hovedstaden), og den dækker ikke produkter, som "
               "standarderne undtager, fx insulin, tabletter og kanylebokse."),
    standarder=(TABLET, INSULIN, GLUKOSE),
    satser=(SATS_KVOTE, SATS_SENSORER, SATS_TILSKUD, SATS_STANDARDPRIS),
    felter=FELTER,
    fortolkninger=FORTOLKNINGER,
    beregn=beregn,
)
