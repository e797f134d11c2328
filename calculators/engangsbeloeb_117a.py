"""Engangsbeløb ved hastigt fremadskridende sygdom (servicelovens § 117a).

Standard (source: 003_a9efded0fbb87759.txt):
  #10 Hjælp og støtte til borgere med en hastigt fremadskridende sygdom (905–986): the amount at
  958–960 (R017), the four paragraphs at 961–963 (R018), the free combination under the maximum at
  966–969 (R019), ordinary eligibility first at 973–975 (R020); the law text § 117a in Bilag 1
  (10985–10991, R-L02: once per course of illness).
The text gives the maximum only at 2023 level and says it is set yearly by the state's tariff sheet;
the current amount is missing (rules_003.md M01, A27), so the reader types it while the rate
engangsbeloeb_117a.maksimum in catalogue/satser/engangsbeloeb_117a.yaml has no value.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Any

from .felter import Beloeb, JaNej, formater_kr
from .model import Beregner, Fortolkning, Kontekst, Resultat

STANDARD = "hjaelp-og-stoette-til-borgere-med-en-hastigt-fremadskridende-sygdom"
BILAG_LOV = 1
SATS_MAKSIMUM = "engangsbeloeb_117a.maksimum"

IKKE_ALMINDELIG = ({"almindelig_berettiget": ("nej",)},)
SKAL_BEREGNES = ({"almindelig_berettiget": ("nej",), "tidligere_bevilget": ("nej",)},)

# (field id, paragraph, what the standard lists under it, lines 949–954)
INDSATSER = (
    ("pris_83", "§ 83", "Personlig og praktisk hjælp i hjemmet (inkl. madservice)"),
    ("pris_97", "§ 97", "Ledsagelse"),
    ("pris_112", "§ 112", "Udvalgte typer af hjælpemidler"),
    ("pris_116", "§ 116", "Mindre bekostelig indretning af boligen"),
)

FELTER = (
    JaNej("almindelig_berettiget",
          "Er du berettiget til den ønskede hjælp efter de almindelige betingelser?",
          hjaelp=("Kommunen vurderer, om du kan få hjælpen efter de almindelige betingelser i "
                  "servicelovens §§ 83, 97, 112 og 116. Gælder det kun en del af hjælpen, så svar nej, "
                  "og skriv nedenfor kun priserne på den øvrige hjælp.")),
    JaNej("tidligere_bevilget",
          "Har du allerede fået bevilget hjælp efter § 117a i det samme sygdomsforløb?",
          vis_hvis=IKKE_ALMINDELIG),
    Beloeb("maksimum", "Højeste samlede beløb pr. sygdomsforløb i år",
           hjaelp=("Beløbet reguleres årligt efter statens takstblad. Kvalitetsstandarden nævner kun "
                   "beløbet i 2023-niveau. Skriv det beløb, der gælder i år."),
           erstatter_sats=SATS_MAKSIMUM, vis_hvis=SKAL_BEREGNES, positiv=True),
    *(Beloeb(fid, f"{navn} efter {par}", paakraevet=False, startvaerdi="0",
             hjaelp="Prisen fra kommunens oversigt over de indsatser, der kan bevilges. Skriv 0, "
                    "hvis du ikke ønsker denne hjælp.",
             vis_hvis=SKAL_BEREGNES) for fid, par, navn in INDSATSER),
    Beloeb("pris_andet", "Anden hjælp, du ønsker (ikke efter §§ 83, 97, 112 eller 116)",
           paakraevet=False, startvaerdi="0",
           hjaelp="Fx behandling eller hjælp efter andre love. Engangsbeløbet kan ikke dække den.",
           vis_hvis=SKAL_BEREGNES),
)

FORTOLKNINGER = (
    Fortolkning("aarets-beloeb", (958, 969),
                "Standarden siger, at beløbet \"reguleres årligt\" og er \"i 2023 niveau 39.750 kr.\", "
                "og at det maksimale beløb er \"årligt fastsat efter statens takstblad\". Årets beløb står "
                "ikke i teksten. Beregneren bruger ikke 2023-beløbet som årets beløb, men beder dig "
                "skrive det beløb, der gælder i år."),
    Fortolkning("almindelige-betingelser-foerst", (973, 975),
                "\"Hvis borger vurderes at være berettiget efter almindelige betingelser, skal hjælpen "
                "ikke ydes efter § 117a, men efter de sædvanlige paragraffer.\" Beregneren læser det "
                "sådan, at hjælp, borgeren kan få efter de almindelige betingelser, ikke tæller med i "
                "engangsbeløbet. Er borgeren berettiget til al den ønskede hjælp, bruges engangsbeløbet "
                "ikke."),
    Fortolkning("en-gang-pr-forloeb", (958, 960),
                "Standarden taler om \"maximal samlet udbetaling pr. sygdomsforløb\", og loven (§ 117a, "
                "bilag 1, linje 10989–10990) siger, at hjælpen \"kan tildeles én gang pr. "
                "sygdomsforløb\". Har borgeren allerede fået hjælp efter § 117a i samme sygdomsforløb, "
                "kan der derfor ikke bevilges igen, heller ikke hvis den første bevilling var mindre "
                "end det højeste beløb."),
)


def beregn(v: dict[str, Any], k: Kontekst) -> Resultat:
    r = Resultat(overskrift="Engangsbeløb ved hastigt fremadskridende sygdom (§ 117a)")
    if v["almindelig_berettiget"]:
        r.post("ydes_efter_117a", "Ydes hjælpen af engangsbeløbet efter § 117a?", False,
               "Nej – hjælpen ydes efter de sædvanlige paragraffer")
        r.forklar("Hvis borgeren vurderes at være berettiget efter almindelige betingelser, skal hjælpen "
                  "ikke ydes efter § 117a, men efter de sædvanlige paragraffer.", STANDARD, (973, 975),
                  regel="R020", fortolkning="almindelige-betingelser-foerst")
        return r
    if v["tidligere_bevilget"]:
        r.post("ydes_efter_117a", "Ydes hjælpen af engangsbeløbet efter § 117a?", False,
               "Nej – hjælpen kan kun tildeles én gang pr. sygdomsforløb")
        r.forklar("Engangsbeløbet er den maksimale samlede udbetaling pr. sygdomsforløb.",
                  STANDARD, (958, 960), regel="R017", fortolkning="en-gang-pr-forloeb")
        r.forklar("Hjælpen og støtten efter § 117a kan tildeles én gang pr. sygdomsforløb.",
                  None, (10989, 10990), bilag=BILAG_LOV, regel="R-L02")
        return r

    sats = k.sats(SATS_MAKSIMUM)
    if sats.vaerdi is not None:
        maksimum = sats.vaerdi
        r.forklar(f"Det højeste samlede beløb pr. sygdomsforløb er {formater_kr(maksimum)}",
                  STANDARD, (958, 960), regel="R017", sats=sats)
    else:
        maksimum = v["maksimum"]
        r.forklar(f"Standarden angiver kun beløbet i 2023-niveau: »{_en_linje(sats.kilde.citat)}« Beløbet "
                  "er årligt fastsat efter statens takstblad, og årets beløb står ikke i standarden. "
                  f"Beregningen bruger det beløb, du har oplyst: {formater_kr(maksimum)}",
                  STANDARD, (958, 969), regel="R017", sats=sats, fortolkning="aarets-beloeb")

    samlet = Decimal(0)
    dele = []
    for fid, par, navn in INDSATSER:
        pris = v.get(fid, Decimal(0))
        samlet += pris
        if pris:
            dele.append(f"{navn.lower()} efter {par}: {formater_kr(pris)}")
    r.post("samlet_pris", "Samlet pris på den valgte hjælp efter §§ 83, 97, 112 og 116", samlet,
           formater_kr(samlet))
    r.forklar("Engangsbeløbet kan udelukkende benyttes til at dække indsatser inden for servicelovens "
              f"§§ 83, 97, 112 og 116. Den valgte hjælp koster i alt {formater_kr(samlet)}"
              + (" (" + "; ".join(dele) + ")" if dele else ""), STANDARD, (961, 963), regel="R018")

    andet = v.get("pris_andet", Decimal(0))
    if andet:
        r.post("daekkes_ikke", "Anden hjælp, som engangsbeløbet ikke kan dække", andet, formater_kr(andet))
        r.forklar(f"Den anden hjælp ({formater_kr(andet)}) ligger uden for §§ 83, 97, 112 og 116 og kan "
                  "ikke dækkes af engangsbeløbet.", STANDARD, (961, 963), regel="R018")

    ikke_daekket = f" Den anden hjælp ({formater_kr(andet)}) dækkes ikke." if andet else ""
    if samlet == 0:
        r.post("inden_for_maksimum", "Kan den valgte hjælp rummes i engangsbeløbet?", None,
               "Ingen hjælp efter §§ 83, 97, 112 eller 116 er valgt – skriv prisen på den hjælp, borgeren "
               "ønsker." + ikke_daekket)
        r.post("rest", "Beløb, der ikke er brugt af det højeste beløb", maksimum, formater_kr(maksimum))
    elif samlet <= maksimum:
        rest = maksimum - samlet
        r.post("inden_for_maksimum", "Kan den valgte hjælp rummes i engangsbeløbet?", True,
               "Ja – den samlede pris overstiger ikke det højeste beløb." + ikke_daekket)
        r.post("rest", "Beløb, der ikke er brugt af det højeste beløb", rest, formater_kr(rest))
        r.forklar(f"Borgeren kan frit sammensætte hjælpen, så længe den samlede værdi ikke overstiger det "
                  f"maksimale beløb. Den samlede værdi ({formater_kr(samlet)}) er ikke over det maksimale "
                  f"beløb ({formater_kr(maksimum)}), så der er {formater_kr(rest)} tilbage.", STANDARD, (966, 969), regel="R019")
    else:
        over = samlet - maksimum
        r.post("inden_for_maksimum", "Kan den valgte hjælp rummes i engangsbeløbet?", False,
               "Nej – den samlede pris overstiger det højeste beløb." + ikke_daekket)
        r.post("overskridelse", "Beløb, som den valgte hjælp overstiger det højeste beløb med", over,
               formater_kr(over))
        r.forklar("Den samlede værdi af den valgte hjælp må ikke overstige det maksimale beløb. Den "
                  f"samlede værdi ({formater_kr(samlet)}) er {formater_kr(over)} over det maksimale beløb "
                  f"({formater_kr(maksimum)}), så borgeren må vælge hjælp for et mindre beløb.", STANDARD, (966, 969), regel="R019")
    return r


def _en_linje(tekst: str) -> str:
    return " ".join(tekst.split())


BEREGNER = Beregner(
    id="engangsbeloeb_117a",
    titel="Engangsbeløb ved hastigt fremadskridende sygdom (§ 117a)",
    beskrivelse=("Lægger prisen på den hjælp og støtte, borgeren ønsker efter servicelovens §§ 83, 97, "
                 "112 og 116, sammen og viser, om den kan rummes i det højeste beløb pr. sygdomsforløb, "
                 "og hvor meget der er tilbage."),
    goer_ikke=("Beregneren vurderer ikke, om borgeren har en hastigt fremadskridende sygdom efter "
               "kriterierne, eller om behandling eller træning kan genvinde tabte funktioner. Den "
               "kender ikke priserne på indsatserne; dem får du fra kommunens oversigt. Årets højeste "
               "beløb står ikke i kvalitetsstandarden, så du skal selv oplyse det."),
    standarder=(STANDARD,),
    satser=(SATS_MAKSIMUM,),
    felter=FELTER,
    fortolkninger=FORTOLKNINGER,
    beregn=beregn,
    hovedsvar=("inden_for_maksimum",),
)
