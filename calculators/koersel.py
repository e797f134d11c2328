"""Kørsel efter servicelovens § 117 og til læge: kan der bevilges, og hvor meget?

Standards (source: 003_a9efded0fbb87759.txt):
  #118 Befordring til fritidsundervisning og klubber (9584–9654)
  #119 Befordring til træning og behandling (9655–9761)
  #120 Befordring til læge og speciallæge (9762–9838), sundhedsloven § 170
  #121 Befordring til arbejde (9839–9928)
Rules R219–R238 and ambiguity A18 in source-notes/rules_003.md; the missing co-payments
are M20/M21. Every number comes from catalogue/satser/koersel.yaml; "Der er ingen
egenbetaling" (9798) is a rule, not a number, and is applied here as 0 kr.
"""
from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from .felter import (
    Dato, Decimaltal, Heltal, JaNej, Valg, formater_dato, formater_antal, formater_decimal, formater_kr,
    formater_tal,
)
from .datoer import MAANEDSREGEL, laeg_maaneder_til, maanedsregel
from .model import Beregner, FeltFejl, Fortolkning, Kontekst, Resultat

FRITID = "befordring-til-fritidsundervisning-og-klubber"
TRAENING = "befordring-til-traening-og-behandling"
LAEGE = "befordring-til-laege-og-speciallaege"
ARBEJDE = "befordring-til-arbejde"
STANDARD = {"fritid": FRITID, "traening": TRAENING, "laege": LAEGE, "arbejde": ARBEJDE}

S_KLUB = "koersel.fritid_klub_pr_uge"
S_SENIOR = "koersel.fritid_senioridraet_pr_uge"
S_FRITID_AAR = "koersel.fritid_bevilling_aar"
S_FRITID_EGEN = "koersel.fritid_egenbetaling_abonnement"
S_TRAENING_UGE = "koersel.traening_ture_pr_uge"
S_TRAENING_EGEN = "koersel.traening_egenbetaling_pr_tur"
S_KM = "koersel.arbejde_km_maks"
S_ARBEJDE_AAR = "koersel.arbejde_bevilling_aar"
S_ARBEJDE_EGEN = "koersel.arbejde_egenbetaling_pr_tur"

# Destinations in #119 (9678–9701): value -> (label, kind, referral needed, source lines).
# kind "traening" is counted against the weekly maximum of 3 (9706); "behandling" is not.
STEDER: dict[str, tuple[str, str, bool, tuple[int, int]]] = {
    "vedligeholdende": ("Vedligeholdende træning eller genoptræning efter serviceloven", "traening", False, (9678, 9680)),
    "vederlagsfri_fysioterapi": ("Vederlagsfri fysioterapi", "traening", False, (9678, 9681)),
    "forebyggende": ("Forebyggende fysisk træning", "traening", False, (9678, 9682)),
    "ridefysioterapi": ("Ridefysioterapi (til nærmeste sted, der har tilbuddet)", "traening", False, (9678, 9683)),
    "kiropraktik": ("Kiropraktik (uden lægehenvisning)", "behandling", False, (9685, 9686)),
    "tandlaege": ("Tandlæge (uden lægehenvisning)", "behandling", False, (9685, 9687)),
    "specialtandplejen": ("Specialtandplejen – klinik i Gentofte (uden lægehenvisning)", "behandling", False,
                          (9685, 9688)),
    "fysioterapi": ("Fysioterapi, der ikke er vederlagsfri (med lægehenvisning)", "traening", True, (9690, 9691)),
    "psykolog": ("Psykolog (med lægehenvisning)", "behandling", True, (9690, 9692)),
    "fodterapi": ("Fodterapi i forbindelse med diabetes og/eller neglebøjlebehandling (med lægehenvisning)",
                  "behandling", True, (9690, 9695)),
    "privat_traening": ("Privat træningstilbud, der kan sidestilles med vederlagsfri fysioterapi, fx "
                        "Neurofysklinikken (med lægehenvisning)", "traening", True, (9690, 9698)),
    "omsorgstandpleje": ("Omsorgstandpleje (visiteret tilbud)", "behandling", False, (9700, 9701)),
}
TRAENINGSSTEDER = tuple(s for s, (_, art, _, _) in STEDER.items() if art == "traening")
MED_HENVISNING = tuple(s for s, (_, _, henv, _) in STEDER.items() if henv)
# Where the question "inside Gladsaxe Kommune?" is asked (#119): not for Specialtandplejen (the text
# places it in Gentofte) and not for ridefysioterapi (the text says "til nærmeste sted").
STEDER_MED_KOMMUNE = tuple(s for s in STEDER if s not in ("specialtandplejen", "ridefysioterapi"))

FRITID_V = {"ordning": ("fritid",)}
TRAENING_V = {"ordning": ("traening",)}
LAEGE_V = {"ordning": ("laege",)}
ARBEJDE_V = {"ordning": ("arbejde",)}

FELTER = (
    Valg("ordning", "Hvad skal du køres til?", muligheder=(
        ("fritid", "Fritidsundervisning og klubber (fx klub, aftenskole eller senioridræt)"),
        ("traening", "Træning og behandling (fx genoptræning, fysioterapi eller tandlæge)"),
        ("laege", "Praktiserende læge eller speciallæge"),
        ("arbejde", "Arbejde"),
    )),
    # The exclusions all four standards share (R220).
    JaNej("bil_i_husstanden", "Er der en bil i husstanden?"),
    JaNej("bil_tilgaengelig", "Kan du bruge bilen, når der er brug for kørslen?",
          hjaelp=("Bilen skal være tilgængelig for dig. Tag med i betragtning, om bilen bruges af "
                  "ægtefællen til fx arbejde eller andre faste aktiviteter."),
          vis_hvis=({"ordning": ("fritid", "traening", "laege"), "bil_i_husstanden": ("ja",)},)),
    JaNej("bil_114", "Er du bevilget støtte til køb af bil efter servicelovens § 114?"),
    JaNej("hjaelpemiddel_daekker", "Er du bevilget el-kørestol, el-scooter eller trehjulet cykel, "
                                   "der kan dække behovet?"),
    # Criteria for #118 (R219), #119 and #120 (R227).
    JaNej("pensionist_eller_kognitiv", "Er du pensionist, eller har du særlige kognitive "
                                       "udfordringer?", vis_hvis=(FRITID_V,)),
    JaNej("transporterer_selv", "Kan du transportere dig selv?",
          vis_hvis=({"ordning": ("traening", "laege")},)),
    JaNej("kollektiv_transport", "Kan du bruge kollektiv transport, herunder Movia Flextur og "
                                 "Movia Flexhandicap?",
          hjaelp="Svar nej, hvis din funktionsnedsættelse forhindrer det.",
          vis_hvis=({"ordning": ("fritid", "traening", "laege")},)),
    JaNej("fysisk_funktionsnedsaettelse", "Har du en fysisk funktionsnedsættelse?", vis_hvis=(FRITID_V,)),
    JaNej("ganghjaelpemiddel_eller_dokumentation",
          "Er du bevilget ganghjælpemiddel eller kørestol, eller er der dokumentation for, at "
          "kollektiv transport/Movia Flextur ikke kan bruges?",
          vis_hvis=({"ordning": ("fritid",), "fysisk_funktionsnedsaettelse": ("ja",)},)),
    Heltal("klub_ture", "Ture om ugen til klub eller fritidsundervisning", startvaerdi="0",
           enhed="ture (ud og hjem)", max=100, vis_hvis=(FRITID_V,),
           hjaelp="Én tur er ud og hjem (tur/retur)."),
    Heltal("senioridraet_ture", "Ture om ugen til senioridræt", startvaerdi="0",
           enhed="ture (ud og hjem)", max=100, vis_hvis=(FRITID_V,),
           hjaelp="Én tur er ud og hjem (tur/retur)."),
    # #119 destinations (R228).
    Valg("traeningssted", "Hvor skal du køres hen?", muligheder=tuple(
        [(s, t[0]) for s, t in STEDER.items()]
        + [("hospital", "Behandling, undersøgelse eller kontrol på hospital"),
           ("andet", "Et andet sted, der ikke står på listen")]), vis_hvis=(TRAENING_V,)),
    JaNej("laegehenvisning", "Har du en lægehenvisning?",
          vis_hvis=({"ordning": ("traening",), "traeningssted": MED_HENVISNING},)),
    JaNej("bor_i_plejebolig", "Bor du i plejebolig?",
          vis_hvis=({"ordning": ("traening",), "traeningssted": ("omsorgstandpleje",)},)),
    Heltal("traening_ture", "Ture om ugen til træning", enhed="ture (ud og hjem)", min=1, max=100,
           hjaelp="Én tur er ud og hjem.",
           vis_hvis=({"ordning": ("traening",), "traeningssted": TRAENINGSSTEDER},)),
    # #120 (R234).
    JaNej("socialpension", "Modtager du social pension?", vis_hvis=({"ordning": ("laege", "arbejde")},)),
    JaNej("sikringsgruppe_1", "Er du i sikringsgruppe 1?", vis_hvis=(LAEGE_V,)),
    Valg("laegested", "Hvor skal du køres hen?", muligheder=(
        ("praktiserende_laege", "Praktiserende læge"),
        ("speciallaege", "Speciallæge"),
        ("hospital", "Behandling, undersøgelse eller kontrol på hospital"),
    ), vis_hvis=(LAEGE_V,)),
    # Inside or outside Gladsaxe Kommune (#119, #120; R231).
    JaNej("i_gladsaxe", "Ligger stedet i Gladsaxe Kommune?",
          vis_hvis=({"ordning": ("traening",), "traeningssted": STEDER_MED_KOMMUNE},
                    {"ordning": ("laege",), "laegested": ("praktiserende_laege", "speciallaege")})),
    Valg("uden_for_grund", "Hvorfor skal du køres uden for kommunen?", muligheder=(
        ("specialiseret", "Der findes ikke et specialiseret tilbud i Gladsaxe Kommune"),
        ("tilknytning", "Du har en etableret tilknytning til stedet, og turen er ikke længere end "
                        "til et tilsvarende sted i Gladsaxe Kommune"),
        ("ventetid", "Der er lange ventetider i Gladsaxe Kommune"),
        ("ingen", "Ingen af delene"),
    ), vis_hvis=({"i_gladsaxe": ("nej",)},)),
    # #121 (R236–R238).
    JaNej("arbejde_dokumentation",
          "Er du bevilget ganghjælpemiddel eller kørestol, eller er der lægelig dokumentation for, "
          "at kollektiv transport, herunder Movia Flextur, ikke kan bruges?", vis_hvis=(ARBEJDE_V,)),
    JaNej("teknologi_finde_vej", "Kan du optrænes til at bruge fx smartphone, smartwatch eller andre "
                                "teknologiske redskaber til at finde vej?", vis_hvis=(ARBEJDE_V,)),
    JaNej("teknologi_paamindelse", "Kan du bruge fx smartphone, smartwatch eller andre teknologiske "
                                   "redskaber til at blive mindet om, hvornår du skal gå hjemmefra "
                                   "for at komme på arbejde til tiden?", vis_hvis=(ARBEJDE_V,)),
    JaNej("bustraening", "Er du bevilget hjælp efter anden lovgivning til fx bustræning for at "
                         "orientere sig i det offentlige rum?", vis_hvis=(ARBEJDE_V,)),
    JaNej("virksomhedspraktik", "Er du i virksomhedspraktik eller jobafklaringsforløb?",
          vis_hvis=(ARBEJDE_V,)),
    Valg("fravigelse", "Gælder en af standardens eksempler på at fravige hovedreglen?", muligheder=(
        ("ingen", "Nej"),
        ("vaerksted", "Bilen er på værksted til nødvendig reparation"),
        ("handicapbil", "Du venter på særlig indretning af handicapbil"),
    ), startvaerdi="ingen",
        vis_hvis=({"ordning": ("arbejde",), "bil_i_husstanden": ("ja",)},
                  {"ordning": ("arbejde",), "bil_114": ("ja",)})),
    Decimaltal("km_til_arbejde", "Afstand fra bopælen til arbejdsstedet", enhed="km", max=Decimal(1000),
               decimaler=1, vis_hvis=(ARBEJDE_V,)),
    # Grant period (#118 R222, #121 R237).
    Dato("bevilling_fra", "Bevillingen skal gælde fra", vis_hvis=({"ordning": ("fritid", "arbejde")},)),
    Dato("bevilling_til", "Ønsket slutdato", paakraevet=False,
         hjaelp=("Fx sæsonens sidste dag. Lad feltet stå tomt for at se den seneste mulige slutdato."),
         vis_hvis=({"ordning": ("fritid", "arbejde")},)),
)

FORTOLKNINGER = (
    Fortolkning("bil-skal-vaere-tilgaengelig", (9669, 9734),
                "Standarderne for fritid, træning og læge udelukker befordring, når der er en bil i husstanden, "
                "men siger også, at bilen skal være tilgængelig for borgeren (fx ikke bruges af ægtefællen på "
                "de tidspunkter). Beregneren regner derfor kun bilen med, hvis borgeren kan bruge den. I "
                "standarden for arbejde står den sætning ikke; der gælder en bil i husstanden som hovedregel."),
    Fortolkning("kollektiv-gaelder-begge-grupper", (9593, 9596),
                "\"Befordring ydes til pensionister og borgere med særlige kognitive udfordringer, der ikke kan "
                "benytte kollektiv transport\" læses sådan, at kravet om ikke at kunne bruge kollektiv "
                "transport gælder for begge grupper."),
    Fortolkning("fritid-en-tur-hver", (9612, 9614),
                "\"Én klub/fritidsundervisning og én senioridræt om ugen (tur/retur)\" læses som højst én tur "
                "ud og hjem om ugen til klub eller fritidsundervisning og én tur ud og hjem om ugen til "
                "senioridræt."),
    Fortolkning("tur-er-ud-og-hjem", (9706, 9711),
                "\"Maximalt 3 ugentlige befordringer til træning\" siger ikke, om en befordring er én vej eller "
                "ud og hjem. Egenbetalingen er \"pr. tur (ud og hjem)\", så beregneren tæller en befordring "
                "som en tur ud og hjem: 3 ture ud og hjem om ugen. Kommunen bør bekræfte læsningen."),
    Fortolkning("tre-gaelder-traening", (9678, 9706),
                "Maksimum på 3 gælder ifølge teksten \"befordringer til træning\". Beregneren regner det for "
                "træning og fysioterapi på listen (vedligeholdende træning og genoptræning, vederlagsfri "
                "fysioterapi, forebyggende fysisk træning, ridefysioterapi, fysioterapi og private "
                "træningstilbud). For behandling (kiropraktik, tandlæge, specialtandpleje, psykolog, "
                "fodterapi, omsorgstandpleje) nævner standarden intet ugentligt maksimum, så antallet "
                "afgøres ved en konkret vurdering."),
    Fortolkning("listen-er-udtoemmende", (9678, 9701),
                "Beregneren læser listen under \"Indsatsen kan indeholde\" som de steder, standarden dækker. "
                "Et sted, der ikke står på listen, er ikke omfattet af standarden."),
    Fortolkning("uden-for-kommunen", (9716, 9723),
                "Befordring uden for Gladsaxe Kommune \"kan ydes i særlige tilfælde\". Ligger stedet uden for "
                "kommunen, og gælder et af de nævnte særlige tilfælde, svarer beregneren \"kræver konkret "
                "vurdering\"; gælder ingen af dem, kan befordringen ikke bevilges efter standarden."),
    Fortolkning("et-aar-fra-startdatoen", (9616, 9898),
                "\"Maximalt 1 år ad gangen\" og \"op til et år ad gangen\" læses sådan, at bevillingen højst "
                "gælder til og med dagen før samme dato året efter (fx 1. marts 2025 til og med "
                "28. februar 2026)."),
    maanedsregel((9616, 9898)),
    Fortolkning("saeson-er-oensket-slutdato", (9616, 9616),
                "Standarden siger \"1 sæson eller maximalt 1 år\", men ikke hvornår en sæson slutter. "
                "Beregneren bruger den slutdato, du skriver (fx sæsonens sidste dag), og afkorter den til "
                "højst 1 år."),
    Fortolkning("laege-maalgruppe", (9763, 9767),
                "At borgeren skal modtage social pension og være i sikringsgruppe 1, står under \"Formål\" og "
                "ikke under \"Kriterier for bevilling\". Beregneren regner det som en betingelse, fordi "
                "formålet siger, hvem ordningen (sundhedsloven § 170) er for."),
    Fortolkning("fravigelse-er-eksempler", (9875, 9916),
                "Udelukkelserne i standarden for arbejde gælder \"som hovedregel\", og fravigelserne er "
                "eksempler (\"kan fx være\"). Beregneren svarer derfor \"som hovedregel nej\", og \"kræver "
                "konkret vurdering\", når et af de nævnte eksempler gælder."),
    Fortolkning("virksomhedspraktik-uklar", (9912, 9912),
                "Sætningen \"Borger er i virksomhedspraktik/jobafklaringsforløb.\" står alene, og det fremgår "
                "ikke, om den udelukker, tillader eller er en undtagelse. Beregneren afgør det ikke og svarer "
                "\"kræver konkret vurdering\"."),
)

JA, NEJ, VURDERING = "ja", "nej", "konkret_vurdering"


def beregn(v: dict[str, Any], k: Kontekst) -> Resultat:
    ordning = v["ordning"]
    _tjek_input(v, k)
    r = Resultat(overskrift=_OVERSKRIFT[ordning])
    a = _Afgoerelse()
    _udelukkelser(v, r, a)
    {"fritid": _kriterier_fritid, "traening": _kriterier_traening,
     "laege": _kriterier_laege, "arbejde": _kriterier_arbejde}[ordning](v, k, r, a)
    svar, tekst = a.samlet(ordning)
    r.post("kan_bevilges", "Kan der bevilges kørsel efter standarden?", svar, tekst)
    if svar == NEJ:
        return r
    {"fritid": _omfang_fritid, "traening": _omfang_traening,
     "laege": _omfang_laege, "arbejde": _omfang_arbejde}[ordning](v, k, r)
    _ledsager_og_vejr(ordning, r)
    return r


_OVERSKRIFT = {
    "fritid": "Kørsel til fritidsundervisning og klubber",
    "traening": "Kørsel til træning og behandling",
    "laege": "Kørsel til læge og speciallæge",
    "arbejde": "Kørsel til arbejde",
}


class _Afgoerelse:
    """Collects the reasons for no, for a concrete assessment, and (#121) the main-rule exclusions."""

    def __init__(self) -> None:
        self.nej: list[str] = []
        self.vurdering: list[str] = []
        self.hovedregel: list[str] = []
        self.fravigelse: str | None = None

    def samlet(self, ordning: str) -> tuple[str, str]:
        if self.nej:
            return NEJ, "Nej – " + "; ".join(self.nej)
        if self.hovedregel and not self.fravigelse:
            return NEJ, "Som hovedregel nej – " + "; ".join(self.hovedregel)
        grunde = self.vurdering + ([self.fravigelse] if self.hovedregel and self.fravigelse else [])
        if grunde:
            return VURDERING, "Kræver konkret vurdering – " + "; ".join(grunde)
        return JA, "Ja – betingelserne i standarden er opfyldt efter dine svar"


def _tjek_input(v: dict[str, Any], k: Kontekst) -> None:
    ordning = v["ordning"]
    if ordning in ("fritid", "arbejde") and v.get("bevilling_til") is not None:
        if v["bevilling_til"] < v["bevilling_fra"]:
            raise FeltFejl("bevilling_til", "Slutdatoen ligger før startdatoen. Skriv en slutdato, der ligger "
                                            "på eller efter den dato, bevillingen skal gælde fra.")
    if ordning == "fritid" and v["klub_ture"] + v["senioridraet_ture"] == 0:
        raise FeltFejl("klub_ture", "Skriv, hvor mange ture om ugen der søges om – mindst 1 tur i alt til "
                                    "klub, fritidsundervisning eller senioridræt.")


_UDELUKKELSE_LINJER = {"fritid": (9603, 9610), "traening": (9669, 9676), "laege": (9776, 9783),
                       "arbejde": (9875, 9891)}
_BIL_TILGAENGELIG_LINJER = {"fritid": (9630, 9632), "traening": (9732, 9734), "laege": (9817, 9819)}


def _udelukkelser(v: dict[str, Any], r: Resultat, a: _Afgoerelse) -> None:
    ordning = v["ordning"]
    std, linjer = STANDARD[ordning], _UDELUKKELSE_LINJER[ordning]
    arbejde = ordning == "arbejde"
    fundne: list[str] = []
    if v["bil_i_husstanden"]:
        if arbejde:
            fundne.append("der er en bil i husstanden")
        elif v["bil_tilgaengelig"]:
            fundne.append("der er en bil i husstanden, som borgeren kan bruge")
        else:
            r.forklar("Der er en bil i husstanden, men den er ikke tilgængelig for borgeren, når der er brug "
                      "for kørslen. Den udelukker derfor ikke befordring. Det skal tages med i betragtningen, "
                      "om bilen bruges af ægtefællen til fx arbejde eller andre faste aktiviteter.",
                      std, _BIL_TILGAENGELIG_LINJER[ordning], regel="R220",
                      fortolkning="bil-skal-vaere-tilgaengelig")
    if v["bil_114"]:
        fundne.append("borgeren er bevilget støtte til køb af bil efter servicelovens § 114")
    if v["hjaelpemiddel_daekker"]:
        fundne.append("borgeren er bevilget el-kørestol, el-scooter eller trehjulet cykel, der kan dække behovet")
    if arbejde:
        if v["socialpension"]:
            fundne.append("borgeren modtager social pension")
        if v["teknologi_finde_vej"]:
            fundne.append("borgeren kan optrænes til at bruge fx smartphone eller smartwatch til at finde vej")
        if v["teknologi_paamindelse"]:
            fundne.append("borgeren kan bruge fx smartphone eller smartwatch til at blive mindet om, hvornår "
                          "borgeren skal gå hjemmefra")
        linjer = (9875, 9891)
    indledning = "Som hovedregel ydes der ikke befordring" if arbejde else "Der ydes ikke befordring"
    if fundne:
        (a.hovedregel if arbejde else a.nej).extend(fundne)
        r.forklar(f"{indledning}, hvis {_opremsning(fundne)}. Det gælder efter dine svar.", std, linjer,
                  regel="R220", fortolkning="fravigelse-er-eksempler" if arbejde else None)
    else:
        r.forklar(f"{indledning} ved bil i husstanden, støtte til bil efter servicelovens § 114 eller el-kørestol, "
                  "el-scooter eller trehjulet cykel, der kan dække behovet"
                  + (", social pension eller teknologiske redskaber, borgeren kan bruge" if arbejde else "")
                  + ". Ingen af delene udelukker befordring efter dine svar.", std, linjer, regel="R220")


def _kriterier_fritid(v: dict[str, Any], k: Kontekst, r: Resultat, a: _Afgoerelse) -> None:
    if not v["pensionist_eller_kognitiv"]:
        a.nej.append("borgeren er hverken pensionist eller har særlige kognitive udfordringer")
    if v["kollektiv_transport"]:
        a.nej.append("borgeren kan bruge kollektiv transport, herunder Movia Flextur og Movia Flexhandicap")
    ok = v["pensionist_eller_kognitiv"] and not v["kollektiv_transport"]
    r.forklar("Befordring ydes til pensionister og borgere med særlige kognitive udfordringer, der ikke kan "
              "bruge kollektiv transport, herunder Movia Flextur og Movia Flexhandicap, på grund af "
              "funktionsnedsættelse. " + ("Det er opfyldt efter dine svar." if ok else "Det er ikke opfyldt."),
              FRITID, (9593, 9596), regel="R219", fortolkning="kollektiv-gaelder-begge-grupper")
    if v["fysisk_funktionsnedsaettelse"]:
        dok = v["ganghjaelpemiddel_eller_dokumentation"]
        if not dok:
            a.nej.append("borgeren har en fysisk funktionsnedsættelse, men er ikke bevilget ganghjælpemiddel "
                         "eller kørestol, og der er ikke dokumentation for, at kollektiv transport ikke kan bruges")
        r.forklar("Borgere med fysisk funktionsnedsættelse skal være bevilget ganghjælpemiddel eller kørestol, "
                  "eller der skal foreligge dokumentation for, at kollektiv transport/Movia Flextur ikke kan "
                  "bruges. " + ("Det er opfyldt." if dok else "Det er ikke opfyldt."),
                  FRITID, (9598, 9601), regel="R219")


def _transport_kriterium(v: dict[str, Any], r: Resultat, a: _Afgoerelse, std: str,
                         linjer: tuple[int, int]) -> None:
    if v["transporterer_selv"]:
        a.nej.append("borgeren kan transportere sig selv")
    if v["kollektiv_transport"]:
        a.nej.append("borgeren kan bruge kollektiv transport, herunder Movia Flextur og Movia Flexhandicap")
    ok = not v["transporterer_selv"] and not v["kollektiv_transport"]
    r.forklar("Befordring ydes til borgere, der ikke kan transportere sig selv og ikke kan bruge kollektiv "
              "transport, herunder Movia Flextur og Movia Flexhandicap, på grund af funktionsnedsættelse. "
              + ("Det er opfyldt efter dine svar." if ok else "Det er ikke opfyldt."),
              std, linjer, regel="R227")


def _uden_for_kommunen(v: dict[str, Any], r: Resultat, a: _Afgoerelse, std: str,
                       linjer: tuple[int, int]) -> None:
    if v.get("i_gladsaxe") is not False:
        return
    grund = v["uden_for_grund"]
    if grund == "ingen":
        a.nej.append("stedet ligger uden for Gladsaxe Kommune, og ingen af de særlige tilfælde gælder")
        tekst = "Ingen af de særlige tilfælde gælder efter dine svar."
    else:
        a.vurdering.append("stedet ligger uden for Gladsaxe Kommune, hvor befordring kun ydes i særlige tilfælde")
        tekst = "Et af de særlige tilfælde gælder efter dine svar, så det afgøres ved en konkret vurdering."
    r.forklar("Befordring uden for Gladsaxe Kommune kan ydes i særlige tilfælde: hvis et specialiseret tilbud "
              "ikke findes i kommunen, hvis borgeren har en etableret tilknytning til stedet, der ikke betyder "
              "en længere transportdistance end til et sted i kommunen, eller ved lange ventetider. " + tekst,
              std, linjer, regel="R231", fortolkning="uden-for-kommunen")


def _kriterier_traening(v: dict[str, Any], k: Kontekst, r: Resultat, a: _Afgoerelse) -> None:
    _transport_kriterium(v, r, a, TRAENING, (9665, 9667))
    sted = v["traeningssted"]
    if sted == "hospital":
        a.nej.append("turene må ikke bruges til behandling, undersøgelse eller kontrol på hospital")
        r.forklar("Turene må ikke bruges til kørsel til og fra behandling, undersøgelse, kontrol mv. på "
                  "hospital. Det er hospitalet, der skal sørge for transporten.", TRAENING, (9736, 9738),
                  regel="R232")
        return
    if sted == "andet":
        a.nej.append("stedet står ikke på standardens liste")
        r.forklar("Standarden dækker befordring til de steder, der står under \"Indsatsen kan indeholde\". "
                  "Stedet står ikke på listen.", TRAENING, (9678, 9701), regel="R228",
                  fortolkning="listen-er-udtoemmende")
        return
    navn, art, henvisning, linjer = STEDER[sted]
    tekst = f"{navn} står på standardens liste over, hvad befordringen kan gå til."
    if henvisning:
        if v["laegehenvisning"]:
            tekst += " Det kræver lægehenvisning, og borgeren har en."
        else:
            a.nej.append("stedet kræver lægehenvisning, og borgeren har ingen")
            tekst += " Det kræver lægehenvisning, og borgeren har ingen."
    if sted == "omsorgstandpleje":
        if v["bor_i_plejebolig"]:
            a.nej.append("befordring til omsorgstandpleje ydes kun, når borgeren ikke bor i plejebolig")
            tekst += " Det gælder kun, når borgeren ikke bor i plejebolig, og borgeren bor i plejebolig."
        else:
            tekst += " Det gælder, når borgeren ikke bor i plejebolig, og det gør borgeren ikke."
    if sted == "ridefysioterapi":
        tekst += " Befordringen gælder til nærmeste sted, der har tilbuddet."
    if sted == "specialtandplejen":
        tekst += " Behandlingen foregår på klinik i Gentofte."
    r.forklar(tekst, TRAENING, linjer, regel="R228")
    _uden_for_kommunen(v, r, a, TRAENING, (9716, 9723))


def _kriterier_laege(v: dict[str, Any], k: Kontekst, r: Resultat, a: _Afgoerelse) -> None:
    maalgruppe = v["socialpension"] and v["sikringsgruppe_1"]
    if not v["socialpension"]:
        a.nej.append("borgeren modtager ikke social pension")
    if not v["sikringsgruppe_1"]:
        a.nej.append("borgeren er ikke i sikringsgruppe 1")
    r.forklar("Ordningen er for borgere, der modtager social pension og er i sikringsgruppe 1. "
              + ("Det er borgeren efter dine svar." if maalgruppe else "Det er borgeren ikke efter dine svar."),
              LAEGE, (9763, 9767), regel="R234", fortolkning="laege-maalgruppe")
    _transport_kriterium(v, r, a, LAEGE, (9772, 9774))
    if v["laegested"] == "hospital":
        a.nej.append("turene må ikke bruges til behandling, undersøgelse eller kontrol på hospital")
        r.forklar("Turene må ikke bruges til kørsel til og fra behandling, undersøgelse, kontrol mv. på "
                  "hospital. Det er hospitalet, der skal sørge for transporten.", LAEGE, (9821, 9823),
                  regel="R232")
        return
    r.forklar("Befordringen kan gå til praktiserende læge og speciallæge.", LAEGE, (9788, 9790), regel="R234")
    _uden_for_kommunen(v, r, a, LAEGE, (9803, 9809))


def _kriterier_arbejde(v: dict[str, Any], k: Kontekst, r: Resultat, a: _Afgoerelse) -> None:
    if not v["arbejde_dokumentation"]:
        a.nej.append("borgeren er ikke bevilget ganghjælpemiddel eller kørestol, og der er ikke lægelig "
                     "dokumentation for, at kollektiv transport ikke kan bruges")
    r.forklar("Borgeren skal være bevilget ganghjælpemiddel eller kørestol, eller der skal foreligge lægelig "
              "dokumentation for, at kollektiv transport, herunder Movia Flextur, ikke kan bruges. "
              + ("Det er opfyldt." if v["arbejde_dokumentation"] else "Det er ikke opfyldt."),
              ARBEJDE, (9872, 9874), regel="R236")
    km_sats = k.sats(S_KM)
    graense, km = km_sats.vaerdi, v["km_til_arbejde"]
    if km > graense:
        a.nej.append(f"arbejdsstedet ligger {formater_decimal(km)} km fra bopælen, og grænsen er "
                     f"{formater_decimal(graense)} km")
    r.forklar(f"Arbejdsstedet må højst ligge {formater_decimal(graense)} km fra bopælen. Oplyst: "
              f"{formater_decimal(km)} km – " + ("inden for grænsen." if km <= graense else "over grænsen."),
              ARBEJDE, (9896, 9897), regel="R237", sats=km_sats)
    if v["bustraening"]:
        a.nej.append("borgeren er bevilget hjælp efter anden lovgivning til fx bustræning")
        r.forklar("Er borgeren bevilget hjælp efter anden lovgivning til fx bustræning for at orientere sig i "
                  "det offentlige rum, kan der ikke ydes befordring til arbejde.", ARBEJDE, (9908, 9910),
                  regel="R236")
    if v["virksomhedspraktik"]:
        a.vurdering.append("standarden siger ikke klart, hvad virksomhedspraktik eller jobafklaringsforløb betyder "
                           "for befordringen")
        r.forklar("Standarden nævner \"Borger er i virksomhedspraktik/jobafklaringsforløb.\" uden at sige, hvad "
                  "det betyder for befordringen. Det afgøres ved en konkret vurdering.", ARBEJDE, (9912, 9912),
                  regel="R236", fortolkning="virksomhedspraktik-uklar")
    if a.hovedregel:
        fravigelse = v.get("fravigelse", "ingen")
        if fravigelse != "ingen":
            a.fravigelse = {"vaerksted": "bilen er på værksted til nødvendig reparation",
                            "handicapbil": "borgeren venter på særlig indretning af handicapbil"}[fravigelse]
            tekst = f"Det gælder efter dine svar ({a.fravigelse}), så det afgøres ved en konkret vurdering."
        else:
            tekst = ("Ingen af eksemplerne gælder efter dine svar; andre grunde til at fravige hovedreglen "
                     "kræver en konkret vurdering.")
        r.forklar("Hovedreglen kan fx fraviges ved nødvendig reparation af bil på værksted eller i ventetid på "
                  "særlig indretning af handicapbil. " + tekst, ARBEJDE, (9914, 9916), regel="R238",
                  fortolkning="fravigelse-er-eksempler")


def _omfang_fritid(v: dict[str, Any], k: Kontekst, r: Resultat) -> None:
    ud_over = 0
    for felt, sats_id, pid, navn in (("klub_ture", S_KLUB, "klub_ture_pr_uge", "klub eller fritidsundervisning"),
                                     ("senioridraet_ture", S_SENIOR, "senioridraet_ture_pr_uge", "senioridræt")):
        sats = k.sats(sats_id)
        maks, oensket = int(sats.vaerdi), v[felt]
        bevilges = min(oensket, maks)
        ud_over += oensket - bevilges
        r.post(pid, f"Ture om ugen til {navn}, der kan bevilges", bevilges,
               f"{formater_antal(bevilges, 'tur', 'ture')} ud og hjem om ugen")
        r.forklar(f"Der kan højst bevilges befordring til {_antal_ord(maks)} {navn} om ugen (tur/retur). Der "
                  f"søges om {formater_antal(oensket, 'tur', 'ture')} om ugen; {formater_tal(bevilges)} kan bevilges.",
                  FRITID, (9612, 9614), regel="R221", sats=sats, fortolkning="fritid-en-tur-hver")
    if ud_over:
        r.post("ture_ud_over_pr_uge", "Ture om ugen ud over standardens maksimum", ud_over,
               f"{formater_antal(ud_over, 'tur', 'ture')} ud og hjem om ugen – kan ikke bevilges efter standarden")
    _periode(v, k, r, FRITID, (9616, 9616), "R222", S_FRITID_AAR, saeson=True)
    sats = k.sats(S_FRITID_EGEN)
    r.post("egenbetaling", "Borgerens egenbetaling", sats.vaerdi,
           "Abonnementsordning efter Gladsaxe Kommunes takstblad – beløbet er ikke oplyst i standarden"
           if sats.vaerdi is None else f"{formater_kr(sats.vaerdi)} (abonnement)")
    r.forklar(("Der er egenbetaling efter Gladsaxe Kommunes takstblad, og den administreres som en "
               "abonnementsordning. " + (f"Beløbet står ikke i standarden ({sats.mangler})."
                                         if sats.vaerdi is None else "")).strip(),
              FRITID, (9620, 9622), regel="R223", sats=sats)
    r.forklar("Til IBOS- og SUKA-aktiviteter kan der bevilges befordring uden for Gladsaxe Kommunes grænser, hvis "
              "der ikke findes et egnet tilbud i kommunen.", FRITID, (9635, 9637), regel="R226")


def _omfang_traening(v: dict[str, Any], k: Kontekst, r: Resultat) -> None:
    sted = v["traeningssted"]
    sats = k.sats(S_TRAENING_UGE)
    maks = int(sats.vaerdi)
    if STEDER[sted][1] == "traening":
        oensket = v["traening_ture"]
        bevilges = min(oensket, maks)
        r.post("ture_pr_uge", "Ture om ugen, der kan bevilges", bevilges,
               f"{formater_antal(bevilges, 'tur', 'ture')} ud og hjem om ugen")
        if oensket > bevilges:
            r.post("ture_ud_over_pr_uge", "Ture om ugen ud over standardens maksimum", oensket - bevilges,
                   f"{formater_antal(oensket - bevilges, 'tur', 'ture')} ud og hjem om ugen – kan ikke bevilges efter "
                   "standarden")
        r.forklar(f"Der ydes højst {formater_tal(maks)} ugentlige befordringer til træning. Der søges om "
                  f"{formater_tal(oensket)} om ugen; {formater_tal(bevilges)} kan bevilges.",
                  TRAENING, (9706, 9706), regel="R229", sats=sats, fortolkning="tur-er-ud-og-hjem")
    else:
        r.post("ture_pr_uge", "Ture om ugen", None,
               "Intet ugentligt maksimum for behandling i standarden – konkret vurdering")
        r.forklar(f"Maksimum på {formater_tal(maks)} ugentlige befordringer gælder træning. For behandling angiver "
                  "standarden intet ugentligt maksimum.", TRAENING, (9706, 9706), regel="R229", sats=sats,
                  fortolkning="tre-gaelder-traening")
    r.post("bevillingsperiode", "Hvor længe gælder bevillingen?", None,
           "Så længe der er behov for at deltage i den specifikke træning/behandling")
    r.forklar("Løbende bevilling gives, så længe der er behov for at deltage i den specifikke "
              "træning/behandling.", TRAENING, (9703, 9704), regel="R228")
    _egenbetaling_pr_tur(k, r, S_TRAENING_EGEN, TRAENING, (9710, 9711))


def _omfang_laege(v: dict[str, Any], k: Kontekst, r: Resultat) -> None:
    r.post("ture_pr_uge", "Ture om ugen", None, "Ikke oplyst i standarden")
    r.post("bevillingsperiode", "Hvor længe gælder bevillingen?", None,
           "Så længe der er behov for at deltage i den specifikke undersøgelse/behandling")
    r.forklar("Standarden angiver ikke et højeste antal ture. Løbende bevilling gives, så længe der er behov for "
              "at deltage i den specifikke undersøgelse/behandling.", LAEGE, (9792, 9793), regel="R234")
    nul = Decimal(0)
    r.post("egenbetaling", "Borgerens egenbetaling", nul, f"{formater_kr(nul)} – der er ingen egenbetaling")
    r.forklar("Der er ingen egenbetaling for befordring til læge og speciallæge.", LAEGE, (9798, 9798),
              regel="R235")


def _omfang_arbejde(v: dict[str, Any], k: Kontekst, r: Resultat) -> None:
    r.post("ture_pr_uge", "Ture om ugen", None, "Ikke oplyst i standarden")
    r.forklar("Indsatsen er befordring til og fra arbejde. Standarden angiver ikke et højeste antal ture om ugen.",
              ARBEJDE, (9896, 9896), regel="R237")
    _periode(v, k, r, ARBEJDE, (9898, 9898), "R237", S_ARBEJDE_AAR, saeson=False)
    _egenbetaling_pr_tur(k, r, S_ARBEJDE_EGEN, ARBEJDE, (9903, 9904))


def _periode(v: dict[str, Any], k: Kontekst, r: Resultat, std: str, linjer: tuple[int, int], regel: str,
             sats_id: str, *, saeson: bool) -> None:
    sats = k.sats(sats_id)
    aar = int(sats.vaerdi)
    fra: date = v["bevilling_fra"]
    aar_efter = laeg_maaneder_til(fra, 12 * aar)
    seneste = aar_efter - timedelta(days=1)
    r.post("seneste_slutdato", "Bevillingen kan højst gælde til og med", seneste, formater_dato(seneste))
    indledning = ("Løbende bevilling gives til 1 sæson eller højst" if saeson else "Løbende bevilling gives op til")
    tekst = (f"{indledning} {formater_tal(aar)} år ad gangen. Fra {formater_dato(fra)} kan bevillingen højst gælde "
             f"til og med {formater_dato(seneste)}.")
    oensket: date | None = v.get("bevilling_til")
    if oensket is not None:
        til = min(oensket, seneste)
        r.post("bevilling_til", "Bevillingen kan gælde til og med", til, formater_dato(til))
        if oensket > seneste:
            tekst += (f" Den ønskede slutdato ({formater_dato(oensket)}) ligger senere, så bevillingen afkortes "
                      f"til {formater_dato(seneste)}; derefter skal der søges igen.")
        else:
            tekst += f" Den ønskede slutdato ({formater_dato(oensket)}) ligger inden for grænsen."
    r.forklar(tekst, std, linjer, regel=regel, sats=sats, fortolkning="et-aar-fra-startdatoen")
    if aar_efter.day != fra.day:  # 29 February: the next year has no such day
        r.forklar(f"{formater_dato(fra)} plus {formater_tal(aar)} år er {formater_dato(aar_efter)}, fordi dagen "
                  "ikke findes det år.", std, linjer, regel=regel, fortolkning=MAANEDSREGEL)
    if saeson and oensket is not None:
        r.forklar("En sæsons længde står ikke i standarden; den ønskede slutdato bruges som sæsonens slutning.",
                  std, linjer, regel=regel, fortolkning="saeson-er-oensket-slutdato")


def _egenbetaling_pr_tur(k: Kontekst, r: Resultat, sats_id: str, std: str, linjer: tuple[int, int]) -> None:
    sats = k.sats(sats_id)
    if sats.vaerdi is None:
        r.post("egenbetaling", "Borgerens egenbetaling pr. tur (ud og hjem)", None,
               "Efter Gladsaxe Kommunes takstblad – beløbet er ikke oplyst i standarden")
        r.forklar(f"Der er egenbetaling pr. tur (ud og hjem) efter Gladsaxe Kommunes takstblad. Beløbet står ikke "
                  f"i standarden ({sats.mangler}).", std, linjer, regel="R230", sats=sats)
    else:
        r.post("egenbetaling", "Borgerens egenbetaling pr. tur (ud og hjem)", sats.vaerdi, formater_kr(sats.vaerdi))
        r.forklar(f"Der er egenbetaling pr. tur (ud og hjem): {formater_kr(sats.vaerdi)}", std, linjer,
                  regel="R230", sats=sats)


_LEDSAGER_LINJER = {"fritid": (9624, 9625), "traening": (9713, 9714), "laege": (9800, 9802), "arbejde": (9906, 9906)}
_VEJR_LINJER = {"fritid": (9627, 9628), "traening": (9725, 9726), "laege": (9811, 9812)}


def _ledsager_og_vejr(ordning: str, r: Resultat) -> None:
    std = STANDARD[ordning]
    r.forklar("Befordring af ledsager indgår ikke i indsatsen.", std, _LEDSAGER_LINJER[ordning], regel="R224")
    if ordning in _VEJR_LINJER:
        r.forklar("Der kan ikke bevilges befordring på grund af vejrforhold som fx glat føre, kraftig regn eller "
                  "hård blæst.", std, _VEJR_LINJER[ordning], regel="R225")


def _opremsning(dele: list[str]) -> str:
    return dele[0] if len(dele) == 1 else ", ".join(dele[:-1]) + " eller " + dele[-1]


def _antal_ord(n: int) -> str:
    return "én" if n == 1 else formater_tal(n)


BEREGNER = Beregner(
    id="koersel",
    titel="Kørsel efter serviceloven § 117 og til læge: kan der bevilges, og hvor meget?",
    beskrivelse=("Tjekker, om borgeren efter kvalitetsstandarderne kan få kørsel til fritidsundervisning og "
                 "klubber, træning og behandling, læge og speciallæge eller arbejde, og viser grænserne: ture om "
                 "ugen, afstand, hvor længe bevillingen gælder, og egenbetalingen, hvor standarden oplyser den."),
    goer_ikke=("Beregneren træffer ikke afgørelse og vurderer ikke dokumentation eller funktionsnedsættelse. Den "
               "kender ikke beløbene i Gladsaxe Kommunes takstblad, og den dækker ikke liggende transport til og "
               "fra Kildegården, Movia Flexhandicap eller befordring til genoptræning efter sundhedsloven."),
    standarder=(FRITID, TRAENING, LAEGE, ARBEJDE),
    satser=(S_KLUB, S_SENIOR, S_FRITID_AAR, S_FRITID_EGEN, S_TRAENING_UGE, S_TRAENING_EGEN, S_KM, S_ARBEJDE_AAR,
            S_ARBEJDE_EGEN),
    felter=FELTER,
    fortolkninger=FORTOLKNINGER,
    beregn=beregn,
)
