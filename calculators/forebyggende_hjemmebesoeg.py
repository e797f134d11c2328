"""Forebyggende hjemmebesøg: is a visit offered on a given date, and which kind?

Standard (source: 003_a9efded0fbb87759.txt):
  #1 Forebyggende hjemmebesøg (102–187), criteria at 126–154, rules R001–R006 in rules_003.md;
  the law text § 79a in Bilag 1 (10528–10541, rule R-L01). Ambiguities A10 (age wording) and
  A11 (citizens who only receive personal care) are decided in the Fortolkninger below.
The age limits come from catalogue/satser/forebyggende_hjemmebesoeg.yaml.
"""
from __future__ import annotations

from datetime import date
from typing import Any

from .felter import Dato, JaNej, Valg, formater_dato
from .model import Beregner, FeltFejl, Fortolkning, Kontekst, Resultat

STANDARD = "forebyggende-hjemmebesoeg"
BILAG_LOV = 1

SATS_BEHOV_FRA = "forebyggende_hjemmebesoeg.alder_efter_behov_fra"
SATS_BEHOV_TIL = "forebyggende_hjemmebesoeg.alder_efter_behov_til"
SATS_ALENE = "forebyggende_hjemmebesoeg.alder_bor_alene"
SATS_75 = "forebyggende_hjemmebesoeg.alder_foerste_aldersbesoeg"
SATS_80 = "forebyggende_hjemmebesoeg.alder_andet_aldersbesoeg"
SATS_AARLIGT = "forebyggende_hjemmebesoeg.alder_aarligt_fra"

# The five situations, in the source's words (lines 134–145).
SITUATIONER = (
    ("mistet_aegtefaelle", "Borgeren har mistet en ægtefælle/samlever"),
    ("hospital", "Borgeren henvises efter hospitalsophold eller bekymringshenvendelser"),
    ("egen_laege", "Borgeren opspores ved besøg hos egen læge"),
    ("rehabiliteringsteam", "Borgeren afsluttes af Det Udekørende Rehabiliteringsteam og har ikke behov "
                            "for anden støtte"),
    ("andre", "Borgeren opspores af andre samarbejdspartnere, pårørende eller henvender sig selv"),
)

FELTER = (
    Dato("foedselsdato", "Din fødselsdato"),
    Dato("besoegsdato", "Hvilken dato spørger du om?",
         hjaelp=("Beregneren ser på din alder denne dag og på det kalenderår, datoen ligger i. "
                 "Skriv fx dagens dato.")),
    Valg("hjemmehjaelp", "Hvilken hjemmehjælp får du?", muligheder=(
        ("ingen", "Ingen hjemmehjælp"),
        ("praktisk", "Kun praktisk hjælp"),
        ("personlig", "Kun personlig pleje"),
        ("begge", "Både personlig pleje og praktisk hjælp"),
    )),
    JaNej("bor_alene", "Bor du alene?"),
    Valg("situation", "Er du i en af disse situationer?",
         hjaelp="Vælg den situation, der passer bedst. Gælder ingen af dem, så vælg den sidste.",
         muligheder=SITUATIONER + (("ingen", "Ingen af situationerne"),)),
)

FORTOLKNINGER = (
    Fortolkning("aldersaar-kalenderaar", (148, 154),
                "Standarden skriver \"det år, de fylder 70 år\", \"i deres fyldte 75. år\", \"i deres "
                "80. år\" og \"fra det fyldte 82. år\". Lovteksten (§ 79 a, bilag 1, linje 10531–10534) "
                "skriver \"i deres fyldte 70. år\" om det samme besøg, som standarden kalder \"det år, de "
                "fylder 70 år\". Beregneren læser derfor alle fire formuleringer på samme måde: det "
                "kalenderår, borgeren fylder 70, 75, 80 eller 82 år (og for 82 år også alle senere år). "
                "\"I deres 80. år\" læses som lovens \"deres fyldte 80. år\", ikke som året, hvor borgeren "
                "er 79. Aldersgruppen \"65 – 81 år\" er borgerens alder på den dato, du spørger om, "
                "begge aldre medregnet."),
    Fortolkning("kun-personlig-pleje", (126, 130),
                "Standarden tilbyder besøg til borgere, der \"kun modtager praktisk hjælp eller ingen "
                "hjemmehjælp\", og undtager borgere, der \"både modtager personlig pleje og praktisk "
                "hjælp\". Borgere, der kun får personlig pleje, er ikke nævnt. Lovteksten (§ 79 a, stk. 6, "
                "bilag 1, linje 10539–10541) giver kun kommunen lov til at undtage borgere, der får både "
                "personlig pleje og praktisk hjælp. Beregneren afgør ikke spørgsmålet, men viser, hvilke "
                "besøg borgeren ellers ville være omfattet af, og beder dig spørge kommunen."),
)


def beregn(v: dict[str, Any], k: Kontekst) -> Resultat:
    foedt: date = v["foedselsdato"]
    dag: date = v["besoegsdato"]
    if dag < foedt:
        raise FeltFejl("besoegsdato", "Datoen ligger før borgerens fødselsdato. Tjek de to datoer.")
    alder = dag.year - foedt.year - ((dag.month, dag.day) < (foedt.month, foedt.day))
    fylder = dag.year - foedt.year

    r = Resultat(overskrift=f"Forebyggende hjemmebesøg – {formater_dato(dag)}")
    r.post("alder", "Borgerens alder på datoen", alder, f"{alder} år")
    r.post("fylder_i_aar", f"Alder borgeren fylder i {dag.year}", fylder, f"{fylder} år")

    hjaelp = v["hjemmehjaelp"]
    if hjaelp == "begge":
        r.post("tilbydes", "Tilbydes borgeren forebyggende hjemmebesøg?", False,
               "Nej – borgeren får både personlig pleje og praktisk hjælp")
        r.forklar("Borgere, som både modtager personlig pleje og praktisk hjælp, tilbydes ikke "
                  "forebyggende hjemmebesøg.", STANDARD, (129, 130), regel="R002")
        r.forklar("Loven giver kommunen mulighed for at undtage borgere, som modtager både personlig "
                  "pleje og praktisk hjælp efter § 83.", None, (10539, 10541), bilag=BILAG_LOV,
                  regel="R-L01")
        return r

    if hjaelp == "personlig":
        r.forklar("Standarden tilbyder besøg til borgere, der kun modtager praktisk hjælp eller ingen "
                  "hjemmehjælp, og undtager borgere, der modtager både personlig pleje og praktisk hjælp. "
                  "Borgere, der kun får personlig pleje, er ikke nævnt. Beregneren viser derfor kun, "
                  "hvilke besøg borgeren ellers ville være omfattet af.", STANDARD, (126, 130),
                  regel="R001", fortolkning="kun-personlig-pleje")
        besoeg = _besoeg(v, k, r, alder, fylder, dag.year)
        hvis = ("; ".join(tekst for _, _, tekst in besoeg) if besoeg
                else "ingen besøg efter alder eller situation")
        r.post("tilbydes", "Tilbydes borgeren forebyggende hjemmebesøg?", None,
               "Uafklaret – standarden nævner ikke borgere, der kun får personlig pleje. Spørg kommunen. "
               f"Ellers ville borgeren være omfattet af: {hvis}.")
        return r

    r.forklar("Borgeren er i målgruppen, fordi borgeren "
              + ("ikke modtager hjemmehjælp." if hjaelp == "ingen" else "kun modtager praktisk hjælp."),
              STANDARD, (126, 127), regel="R001")
    besoeg = _besoeg(v, k, r, alder, fylder, dag.year)
    if besoeg:
        r.post("tilbydes", "Tilbydes borgeren forebyggende hjemmebesøg?", True,
               "Ja – " + "; ".join(tekst for _, _, tekst in besoeg))
        for pid, label, tekst in besoeg:
            r.post(pid, label, True, tekst)
    else:
        r.post("tilbydes", "Tilbydes borgeren forebyggende hjemmebesøg?", False,
               f"Nej – ikke efter kriterierne i {dag.year}")
        r.forklar("Borgeren opfylder ingen af kriterierne for et forebyggende hjemmebesøg på datoen: "
                  "ingen af alderskriterierne passer, og borgeren er ikke i en af de nævnte situationer "
                  "i alderen, hvor de giver ret til et besøg.", STANDARD, (132, 154), regel="R003")
    return r


def _besoeg(v: dict[str, Any], k: Kontekst, r: Resultat, alder: int, fylder: int, aar: int
            ) -> list[tuple[str, str, str]]:
    """Every kind of visit the age rules and the situation give; each adds an explanation step."""
    ud: list[tuple[str, str, str]] = []

    s82 = k.sats(SATS_AARLIGT)
    n82 = int(s82.vaerdi)
    if fylder >= n82:
        ud.append(("besoeg_aarligt", "Årligt besøg",
                   f"et årligt besøg (fra det år, borgeren fylder {n82} år)"))
        r.forklar(f"Borgere tilbydes et årligt besøg fra det fyldte {n82}. år. Borgeren fylder "
                  f"{fylder} år i {aar}.", STANDARD, (154, 154), regel="R006", sats=s82,
                  fortolkning="aldersaar-kalenderaar")

    s75, s80 = k.sats(SATS_75), k.sats(SATS_80)
    n75, n80 = int(s75.vaerdi), int(s80.vaerdi)
    for pid, s, n in (("besoeg_foerste_alder", s75, n75), ("besoeg_andet_alder", s80, n80)):
        if fylder == n:
            ud.append((pid, f"Besøg i året, borgeren fylder {n} år",
                       f"et besøg i {aar}, det år borgeren fylder {n} år"))
            r.forklar(f"Borgere i deres fyldte {n75}. år og borgere i deres {n80}. år tilbydes et "
                      f"forebyggende hjemmebesøg. Borgeren fylder {fylder} år i {aar}.",
                      STANDARD, (151, 153), regel="R005", sats=s, fortolkning="aldersaar-kalenderaar")

    s70 = k.sats(SATS_ALENE)
    n70 = int(s70.vaerdi)
    if fylder == n70:
        if v["bor_alene"]:
            ud.append(("besoeg_bor_alene", f"Besøg i året, borgeren fylder {n70} år",
                       f"et besøg i {aar}, det år borgeren fylder {n70} år og bor alene"))
            r.forklar(f"Borgere tilbydes et besøg det år, de fylder {n70} år, hvis de bor alene. "
                      f"Borgeren fylder {fylder} år i {aar} og bor alene.", STANDARD, (148, 150),
                      regel="R004", sats=s70, fortolkning="aldersaar-kalenderaar")
        else:
            r.forklar(f"Besøget i det år, borgeren fylder {n70} år, tilbydes kun borgere, der bor "
                      "alene. Borgeren bor ikke alene.", STANDARD, (148, 150), regel="R004", sats=s70)

    fra, til = k.sats(SATS_BEHOV_FRA), k.sats(SATS_BEHOV_TIL)
    n_fra, n_til = int(fra.vaerdi), int(til.vaerdi)
    situation = v["situation"]
    if situation != "ingen":
        navn = dict(SITUATIONER)[situation].removeprefix("Borgeren ")
        if n_fra <= alder <= n_til:
            ud.append(("besoeg_situation", "Besøg på grund af borgerens situation",
                       f"et besøg, fordi borgeren {navn}"))
            r.forklar(f"Borgere i alderen {n_fra} – {n_til} år tilbydes et besøg, når de er i en af de "
                      f"nævnte situationer. Borgeren er {alder} år, og borgeren {navn}.",
                      STANDARD, (132, 145), regel="R003", sats=fra, fortolkning="aldersaar-kalenderaar")
        else:
            r.forklar(f"Besøg på grund af borgerens situation tilbydes kun borgere i alderen {n_fra} "
                      f"– {n_til} år. Borgeren er {alder} år.", STANDARD, (132, 132), regel="R003",
                      sats=til if alder > n_til else fra)
    return ud


BEREGNER = Beregner(
    id="forebyggende_hjemmebesoeg",
    titel="Forebyggende hjemmebesøg: hvem tilbydes besøg?",
    beskrivelse=("Finder ud fra borgerens fødselsdato, hjemmehjælp, boform og situation, om borgeren "
                 "tilbydes et forebyggende hjemmebesøg i det år, du spørger om, og hvilken slags besøg."),
    goer_ikke=("Beregneren siger ikke, hvornår besøget finder sted, og vurderer ikke borgerens behov. "
               "Den tjekker ikke, om borgeren bor i Gladsaxe Kommune, og den afgør ikke, om borgere, "
               "der kun får personlig pleje, er omfattet."),
    standarder=(STANDARD,),
    satser=(SATS_BEHOV_FRA, SATS_BEHOV_TIL, SATS_ALENE, SATS_75, SATS_80, SATS_AARLIGT),
    felter=FELTER,
    fortolkninger=FORTOLKNINGER,
    beregn=beregn,
    hovedsvar=("tilbydes",),
)
