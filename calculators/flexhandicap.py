"""Movia Flexhandicap: trips left this year, the price with companions, and the limits
on what may come along (free items, wheelchair/scooter, the stair machine).

Standard #122 Flextrafik – Movia Flexhandicap (source 003_a9efded0fbb87759.txt, lines 9929–10035);
rules R239–R251 and ambiguities A18, A19 in source-notes/rules_003.md. Every number comes
from catalogue/satser/flexhandicap.yaml.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Any

from .felter import (
    Beloeb, Decimaltal, Heltal, JaNej, afrund_oere, formater_antal, formater_decimal, formater_kr, formater_procent,
    formater_tal,
)
from .model import Beregner, FeltFejl, Fortolkning, Kontekst, Resultat

FLEX = "flextrafik-movia-flexhandicap"

S_ALDER = "flexhandicap.alder"
S_TURE = "flexhandicap.ture_pr_aar"
S_GEBYR = "flexhandicap.medlemsgebyr"
S_PRIS = "flexhandicap.pris_pr_tur"
S_LEDSAGERE = "flexhandicap.ledsagere_maks"
S_TILLAEG = "flexhandicap.ledsager_tillaeg_procent"
S_BOERN = "flexhandicap.gratis_boern"
S_BOERN_ALDER = "flexhandicap.gratis_boern_alder"
S_DYR = "flexhandicap.gratis_smaadyr"
S_HJAELPEMIDLER = "flexhandicap.gratis_hjaelpemidler"
S_ELDREVNE = "flexhandicap.gratis_eldrevne_hjaelpemidler"
S_KUFFERTER = "flexhandicap.gratis_kufferter"
S_HAANDBAGAGE = "flexhandicap.gratis_haandbagage"
S_BREDDE = "flexhandicap.koeretoej_hjulbredde_cm"
S_LAENGDE = "flexhandicap.koeretoej_laengde_cm"
S_VAEGT = "flexhandicap.koeretoej_samlet_vaegt_kg"
S_ETAGE = "flexhandicap.trappe_hoejeste_etage"
S_REPOS = "flexhandicap.trappe_repos_min_cm"
S_TRINHOEJDE = "flexhandicap.trappe_trinhoejde_maks_cm"
S_TRINDYBDE = "flexhandicap.trappe_trindybde_min_cm"
S_TRAPPEVAEGT = "flexhandicap.trappe_samlet_vaegt_kg"

MEDBRING = ({"medbring": ("ja",)},)
KOERETOEJ = ({"koeretoej": ("ja",)},)
TRAPPE = ({"trappe": ("ja",)},)
TRAPPE_MANUEL = ({"trappe": ("ja",), "manuel_koerestol": ("ja",)},)

FELTER = (
    Heltal("alder", "Din alder", enhed="år", max=130),
    Heltal("ture_brugt", "Ture brugt i år", startvaerdi="0", enhed="ture", max=10_000,
           hjaelp="Ture med Flexhandicap, du allerede har kørt i dette kalenderår. "
                  "En tur er én vej: ud og hjem er 2 ture."),
    Heltal("ture_oensket", "Ture du vil tjekke", enhed="ture", max=10_000,
           hjaelp="Antal ture (én vej hver), du gerne vil køre resten af året."),
    Heltal("ledsagere", "Ledsagere på turen", startvaerdi="0", enhed="ledsagere", max=100,
           hjaelp="En ledsager må ikke selv have Flexhandicap og skal kunne færdes uden assistance."),
    Beloeb("turpris", "Prisen for turen (fra Movia)", paakraevet=False, erstatter_sats=S_PRIS,
           hjaelp="Movia beregner prisen for hver tur; standarden angiver den ikke. Skriv prisen, "
                  "hvis du kender den, så regner beregneren tillægget for ledsagere ud."),
    JaNej("medbring", "Vil du tjekke, hvad du må tage gratis med?", startvaerdi="nej"),
    Heltal("boern", "Børn under 12 år", startvaerdi="0", enhed="børn", max=100, vis_hvis=MEDBRING),
    Heltal("smaadyr", "Små hunde og andre dyr i taske eller kurv", startvaerdi="0", enhed="stk.",
           max=100, hjaelp="Tæl ikke en fører- eller servicehund med; den må altid komme gratis med.",
           vis_hvis=MEDBRING),
    Heltal("hjaelpemidler", "Nødvendige hjælpemidler i alt", startvaerdi="0", enhed="stk.", max=100,
           vis_hvis=MEDBRING),
    Heltal("eldrevne_hjaelpemidler", "Heraf eldrevne hjælpemidler", startvaerdi="0", enhed="stk.",
           max=100, vis_hvis=MEDBRING),
    Heltal("kufferter", "Kufferter", startvaerdi="0", enhed="stk.", max=100, vis_hvis=MEDBRING),
    Heltal("haandbagage", "Stykker håndbagage", startvaerdi="0", enhed="stk.", max=100, vis_hvis=MEDBRING),
    JaNej("koeretoej", "Kører du med ganghjælpemiddel, kørestol eller elscooter?", startvaerdi="nej"),
    Decimaltal("hjulbredde_cm", "Hjulbredde", enhed="cm", max=Decimal(1000), decimaler=1,
               vis_hvis=KOERETOEJ),
    Decimaltal("laengde_cm", "Længde", enhed="cm", max=Decimal(1000), decimaler=1, vis_hvis=KOERETOEJ),
    Decimaltal("samlet_vaegt_kg", "Samlet vægt af dig og køretøj", enhed="kg", max=Decimal(5000),
               decimaler=1, vis_hvis=KOERETOEJ),
    JaNej("trappe", "Skal trappemaskinen bruges?", startvaerdi="nej"),
    JaNej("manuel_koerestol", "Sidder du i en manuel kørestol?", vis_hvis=TRAPPE),
    Heltal("etage", "Etage", enhed="sal", max=100, hjaelp="Stueetagen er 0, 1. sal er 1 osv.",
           vis_hvis=TRAPPE_MANUEL),
    Decimaltal("repos_cm", "Trappeafsats/repos (mindste mål på hver led)", enhed="cm",
               max=Decimal(10_000), decimaler=1, vis_hvis=TRAPPE_MANUEL),
    Decimaltal("trinhoejde_cm", "Trinhøjde", enhed="cm", max=Decimal(1000), decimaler=1,
               vis_hvis=TRAPPE_MANUEL),
    Decimaltal("trindybde_cm", "Trindybde", enhed="cm", max=Decimal(1000), decimaler=1,
               vis_hvis=TRAPPE_MANUEL),
    Decimaltal("trappe_vaegt_kg", "Samlet vægt af dig, kørestol og trappemaskine", enhed="kg",
               max=Decimal(5000), decimaler=1, vis_hvis=TRAPPE_MANUEL),
)

FORTOLKNINGER = (
    Fortolkning("fyldt-18", (9930, 9930),
                "Standarden siger \"borgere over 18 år\". Beregneren regner en borger, der er fyldt 18 år, "
                "med i målgruppen (samme læsning som ved ortopædisk fodtøj, hvor 18-årige ellers ikke er "
                "nævnt). Kommunen bør bekræfte læsningen."),
    Fortolkning("tur-er-en-vej", (9958, 9965),
                "Standarden giver \"104 ture årligt\" og egenbetaling \"pr. tur (ud eller hjem)\". "
                "Beregneren tæller derfor en tur som én vej: ud og hjem er 2 ture."),
    Fortolkning("ingen-forholdsmaessig-nedsaettelse", (9966, 9968),
                "\"Antallet af ture og medlemsgebyr justeres af Movia afhængig af indmeldelsestidspunktet\", "
                "men standarden oplyser ikke hvordan. Beregneren viser de fulde 104 ture og 300 kr.; "
                "melder borgeren sig ind i løbet af året, kan Movias tal være lavere."),
    Fortolkning("ud-over-det-gratis", (10000, 10007),
                "Standarden siger, hvad det er gratis at medtage, men ikke om mere kan medtages mod "
                "betaling. Beregneren siger kun, hvad der ligger ud over det gratis."),
    Fortolkning("til-og-med-5-sal", (9983, 9983),
                "\"Trappetransport kan ske op til 5. sal\" læses som til og med 5. sal; stueetagen er 0."),
)


def beregn(v: dict[str, Any], k: Kontekst) -> Resultat:
    r = Resultat(overskrift="Movia Flexhandicap")
    if not _maalgruppe(v, k, r):
        return r
    _ture(v, k, r)
    _pris(v, k, r)
    if v["medbring"]:
        _medbring(v, k, r)
    if v["koeretoej"]:
        _koeretoej(v, k, r)
    if v["trappe"]:
        _trappe(v, k, r)
    r.forklar("Turene må ikke bruges til kørsel, der er beskrevet i standarderne om befordring til "
              "fritidsundervisning og klubber og til træning og behandling, og heller ikke til og fra "
              "behandling, undersøgelse, kontrol mv. på hospital. Der kan ikke ydes liggende transport.",
              FLEX, (9998, 10020), regel="R251")
    return r


def _maalgruppe(v: dict[str, Any], k: Kontekst, r: Resultat) -> bool:
    sats = k.sats(S_ALDER)
    graense = int(sats.vaerdi)
    alder = v["alder"]
    med = alder >= graense
    r.post("maalgruppe", "Alder i målgruppen", med,
           "Ja" if med else f"Nej – ordningen er for borgere over {graense} år")
    r.forklar(f"Flexhandicap er for borgere over {graense} år, der er svært bevægelseshæmmede, blinde "
              f"eller stærkt svagsynede. Borgeren er {formater_tal(alder)} år"
              + (f", og en borger på {graense} år regnes med." if alder == graense else "."),
              FLEX, (9930, 9933), regel="R239", sats=sats,
              fortolkning="fyldt-18" if alder == graense else None)
    if med:
        r.forklar("Beregneren vurderer ikke kriterierne: borgeren skal bruge ganghjælpemiddel eller "
                  "kørestol eller godtgøre, hvorfor andre offentlige transportmidler (også Flextur) ikke kan "
                  "bruges, eller have et syn, der er så nedsat, at borgeren kunne optages i synsregisteret.",
                  FLEX, (9938, 9948), regel="R240")
    return med


def _ture(v: dict[str, Any], k: Kontekst, r: Resultat) -> None:
    sats = k.sats(S_TURE)
    aarlige = int(sats.vaerdi)
    brugt, oensket = v["ture_brugt"], v["ture_oensket"]
    rest = max(0, aarlige - brugt)
    inden_for = min(oensket, rest)
    ud_over = oensket - inden_for
    r.post("ture_tilbage", "Ture tilbage i år", rest, formater_antal(rest, "tur", "ture"))
    r.post("ture_inden_for", "Ønskede ture inden for årets ture", inden_for, formater_antal(inden_for, "tur", "ture"))
    if ud_over:
        r.post("ture_ud_over", "Ønskede ture ud over årets ture", ud_over,
               f"{formater_antal(ud_over, 'tur', 'ture')} – kun i særlige tilfælde")
    if oensket == 1:
        oensket_tekst = ("Den ønskede tur ligger inden for årets ture." if inden_for else
                         "Den ønskede tur ligger ikke inden for årets ture og kan kun ydes i særlige tilfælde.")
    else:
        oensket_tekst = (f"Af de {formater_tal(oensket)} ønskede ture ligger {formater_tal(inden_for)} inden for "
                         "årets ture" + (f", og {formater_tal(ud_over)} kan kun ydes i særlige tilfælde."
                                          if ud_over else "."))
    r.forklar(f"Der gives {formater_tal(aarlige)} ture om året, og året følger kalenderåret. Brugt i år: "
              f"{formater_antal(brugt, 'tur', 'ture')}, så der er {formater_tal(rest)} tilbage. " + oensket_tekst,
              FLEX, (9958, 9961), regel="R241", sats=sats, fortolkning="tur-er-en-vej")
    r.forklar("Ubrugte ture kan ikke overføres til næste år.", FLEX, (9973, 9973), regel="R245")


def _pris(v: dict[str, Any], k: Kontekst, r: Resultat) -> None:
    maks_sats = k.sats(S_LEDSAGERE)
    ledsagere = v["ledsagere"]
    if ledsagere > int(maks_sats.vaerdi):
        raise FeltFejl("ledsagere", f"Der kan højst komme {formater_tal(int(maks_sats.vaerdi))} ledsagere "
                                    "med på en tur.")
    gebyr = k.sats(S_GEBYR)
    r.post("medlemsgebyr", "Medlemsgebyr (betales forud)", gebyr.vaerdi, formater_kr(gebyr.vaerdi))
    r.forklar(f"Der er et obligatorisk medlemsgebyr på {formater_kr(gebyr.vaerdi)}, som betales forud. "
              "Movia justerer antallet af ture og gebyret efter, hvornår borgeren melder sig ind; "
              "standarden siger ikke hvordan.", FLEX, (9966, 9968), regel="R243", sats=gebyr,
              fortolkning="ingen-forholdsmaessig-nedsaettelse")

    tillaeg_sats = k.sats(S_TILLAEG)
    pris_sats = k.sats(S_PRIS)
    turpris = pris_sats.vaerdi if pris_sats.vaerdi is not None else v.get("turpris")
    procent = formater_procent(tillaeg_sats.vaerdi)
    if ledsagere:
        r.forklar(f"Borgeren kan have op til {formater_tal(int(maks_sats.vaerdi))} ledsagere med. Hver "
                  f"ledsager koster et tillæg på {procent} af turens pris.",
                  FLEX, (10009, 10012), regel="R250", sats=tillaeg_sats)
    if turpris is None:
        r.post("pris_pr_tur", "Borgerens pris pr. tur", None, "Beregnes af Movia – ikke oplyst i standarden")
        r.forklar(f"Der er egenbetaling pr. tur (ud eller hjem), men beløbet står ikke i standarden: "
                  f"{pris_sats.mangler}. Skriv prisen, hvis du kender den"
                  + (f", så regner beregneren tillægget på {procent} pr. ledsager ud." if ledsagere else "."),
                  FLEX, (9965, 9971), regel="R244", sats=pris_sats, fortolkning="tur-er-en-vej")
        return
    tillaeg = afrund_oere(turpris * tillaeg_sats.vaerdi / 100 * ledsagere)
    i_alt = turpris + tillaeg
    kilde = ("fra kataloget" if pris_sats.vaerdi is not None else "som du har oplyst")
    r.post("pris_borger", "Pris for borgeren", turpris, formater_kr(turpris))
    if ledsagere:
        r.post("tillaeg_ledsagere", "Tillæg for ledsagere", tillaeg, formater_kr(tillaeg))
    r.post("pris_pr_tur", "Pris for turen i alt", i_alt, formater_kr(i_alt))
    r.forklar(f"Der er egenbetaling pr. tur (ud eller hjem). Turens pris ({kilde}) er "
              f"{formater_kr(turpris)}, og tillægget for {formater_tal(ledsagere)} ledsager(e) er "
              f"{formater_tal(ledsagere)} × {procent} af {formater_kr(turpris)} = {formater_kr(tillaeg)}, "
              f"i alt {formater_kr(i_alt)} pr. tur.",
              FLEX, (9965, 9971), regel="R242", sats=pris_sats, fortolkning="tur-er-en-vej")


def _medbring(v: dict[str, Any], k: Kontekst, r: Resultat) -> None:
    if v["eldrevne_hjaelpemidler"] > v["hjaelpemidler"]:
        raise FeltFejl("eldrevne_hjaelpemidler", "Der kan ikke være flere eldrevne hjælpemidler end "
                                                 "hjælpemidler i alt.")
    boern_alder = int(k.sats(S_BOERN_ALDER).vaerdi)
    tjek = (
        ("boern", f"børn under {boern_alder} år", S_BOERN),
        ("smaadyr", "små hunde og andre dyr i taske eller kurv", S_DYR),
        ("hjaelpemidler", "nødvendige hjælpemidler", S_HJAELPEMIDLER),
        ("eldrevne_hjaelpemidler", "eldrevne hjælpemidler", S_ELDREVNE),
        ("kufferter", "kufferter", S_KUFFERTER),
        ("haandbagage", "stykker håndbagage", S_HAANDBAGAGE),
    )
    over: list[str] = []
    for felt, navn, sats_id in tjek:
        sats = k.sats(sats_id)
        graense, antal = int(sats.vaerdi), v[felt]
        if antal > graense:
            over.append(f"{navn}: {formater_tal(antal - graense)} for mange")
        r.forklar(f"Det er gratis at medtage {navn}, højst {formater_tal(graense)}. Borgeren vil have "
                  f"{formater_tal(antal)} med" + (" – det er for mange." if antal > graense else "."),
                  FLEX, (10000, 10007), regel="R249", sats=sats,
                  fortolkning="ud-over-det-gratis" if antal > graense else None)
    r.post("medbring_gratis", "Alt kan medtages gratis", not over,
           "Ja" if not over else "Nej – " + ", ".join(over))
    r.forklar("En fører- eller servicehund må altid komme gratis med.", FLEX, (10002, 10002), regel="R249")


def _koeretoej(v: dict[str, Any], k: Kontekst, r: Resultat) -> None:
    tjek = (
        ("hjulbredde_cm", "Hjulbredden", S_BREDDE, "cm"),
        ("laengde_cm", "Længden", S_LAENGDE, "cm"),
        ("samlet_vaegt_kg", "Den samlede vægt af borger og køretøj", S_VAEGT, "kg"),
    )
    over = _graenser(v, k, r, tjek, (9990, 9992), "R247")
    r.post("koeretoej_ok", "Køretøjet kan komme med", not over,
           "Ja" if not over else "Nej – " + ", ".join(over))


def _trappe(v: dict[str, Any], k: Kontekst, r: Resultat) -> None:
    if not v["manuel_koerestol"]:
        r.post("trappe_ok", "Trappemaskinen kan bruges", False,
               "Nej – trappemaskinen kan kun bruges sammen med manuel kørestol")
        r.forklar("Alle busser har en trappemaskine, men den kan udelukkende bruges sammen med manuel "
                  "kørestol.", FLEX, (9981, 9983), regel="R246")
        return
    etage_sats = k.sats(S_ETAGE)
    over: list[str] = []
    hoejeste = int(etage_sats.vaerdi)
    if v["etage"] > hoejeste:
        over.append(f"{formater_tal(v['etage'])}. sal er over {formater_tal(hoejeste)}. sal")
    r.forklar(f"Trappetransport kan ske op til {formater_tal(hoejeste)}. sal. Borgeren bor på "
              f"{_etage(v['etage'])}.", FLEX, (9981, 9984), regel="R246", sats=etage_sats,
              fortolkning="til-og-med-5-sal")
    tjek = (
        ("repos_cm", "Trappeafsatsen/reposen", S_REPOS, "cm", "min"),
        ("trinhoejde_cm", "Trinhøjden", S_TRINHOEJDE, "cm"),
        ("trindybde_cm", "Trindybden", S_TRINDYBDE, "cm", "min"),
        ("trappe_vaegt_kg", "Den samlede vægt af borger, kørestol og trappemaskine", S_TRAPPEVAEGT, "kg"),
    )
    over += _graenser(v, k, r, tjek, (9985, 9988), "R246")
    r.post("trappe_ok", "Trappemaskinen kan bruges", not over,
           "Ja" if not over else "Nej – " + ", ".join(over))


def _graenser(v, k, r, tjek, linjer, regel) -> list[str]:
    over: list[str] = []
    for felt, navn, sats_id, enhed, *art in tjek:
        sats = k.sats(sats_id)
        graense, maalt = sats.vaerdi, v[felt]
        minimum = art == ["min"]
        ok = maalt >= graense if minimum else maalt <= graense
        ord_ = "mindst" if minimum else "højst"
        if not ok:
            over.append(f"{navn.lower()} er {formater_decimal(maalt)} {enhed}, men skal være "
                        f"{ord_} {formater_decimal(graense)} {enhed}")
        r.forklar(f"{navn} skal være {ord_} {formater_decimal(graense)} {enhed}. Oplyst: "
                  f"{formater_decimal(maalt)} {enhed} – " + ("inden for grænsen." if ok else "uden for grænsen."),
                  FLEX, linjer, regel=regel, sats=sats)
    return over


def _etage(etage: int) -> str:
    return "stueetagen" if etage == 0 else f"{formater_tal(etage)}. sal"


BEREGNER = Beregner(
    id="flexhandicap",
    titel="Flexhandicap: ture, pris med ledsagere og hvad der kan komme med",
    beskrivelse=("Beregner, hvor mange af årets Flexhandicap-ture borgeren har tilbage, hvad en tur koster "
                 "med ledsagere, og om bagage, hjælpemidler, kørestol/elscooter og trappeforhold holder sig "
                 "inden for grænserne i standarden."),
    goer_ikke=("Beregneren vurderer ikke, om borgeren opfylder kriterierne (fx brug af ganghjælpemiddel eller "
               "kørestol, eller nedsat syn), og den kender ikke Movias takster eller Movias nedsættelse af ture "
               "og gebyr ved indmeldelse i løbet af året."),
    standarder=(FLEX,),
    satser=(S_ALDER, S_TURE, S_GEBYR, S_PRIS, S_LEDSAGERE, S_TILLAEG, S_BOERN, S_BOERN_ALDER, S_DYR,
            S_HJAELPEMIDLER, S_ELDREVNE, S_KUFFERTER, S_HAANDBAGAGE, S_BREDDE, S_LAENGDE, S_VAEGT,
            S_ETAGE, S_REPOS, S_TRINHOEJDE, S_TRINDYBDE, S_TRAPPEVAEGT),
    felter=FELTER,
    fortolkninger=FORTOLKNINGER,
    beregn=beregn,
    hovedsvar=("ture_tilbage", "pris_pr_tur", "medbring_gratis", "koeretoej_ok", "trappe_ok"),
)
