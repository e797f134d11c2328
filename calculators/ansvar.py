"""Navigator: who is responsible for an aid or a treatment device, the region or the kommune?

Sources (../shared/seeds/, line numbers as `sed -n`):
  000  Politisk aftale om udlevering af kompressionsprodukter (Regeringen, KL, Danske Regioner)
  001  Uddybning og tolkning af afgrænsningscirkulæret (categories 1.1–5, APV aids, efficient work)
  002  Region Nordjyllands samarbejdsaftale om behandlingsredskaber og hjælpemidler (2015–2018):
       an EXAMPLE of a regional agreement. Gladsaxe is in Region Hovedstaden, whose agreement
       is not among the sources, so every 002 step says so.
  004  KL papers on the health reform (only for the notes on 2027 and on co-financing)
The decision model follows ../shared/source-notes/responsibility_000_001_002_004.md §2
(steps S1–S15, compression sub-model C1–C7, flags F1–F20); `regel=` names those steps.
The categories are tried in the notes' order and the first that fits decides; if the answers
fit more than one, the result says so, because the sources give no order (flag F15).
"""
from __future__ import annotations

from decimal import Decimal
from typing import Any

from . import reform
from .felter import Heltal, JaNej, Valg, formater_tal
from .model import Beregner, FeltFejl, Fortolkning, Kontekst, Resultat

D000 = "000_b7034effe3a86ee6.txt"
D001 = "001_12cf25b66c9038a7.txt"
D002 = "002_b0559527e517640d.txt"
D004 = "004_04cd5857750c0903.txt"

SATS_FORSYNING = "ansvar.kompression_regionens_forsyning"
SATS_OVERGANG = "ansvar.kompression_overgang_til_kommunen"

NJ = "efter Region Nordjyllands samarbejdsaftale – et eksempel på en regional aftale, ikke Gladsaxes egen"

# --- Inputs -----------------------------------------------------------------------------------

# The most common situations are asked first; the staff's work-environment questions last.
FELTER = (
    Valg("kompression", "Er det et kompressionsprodukt?", startvaerdi="nej", muligheder=(
        ("nej", "Nej"),
        ("kompression", "Ja – et individuelt tilpasset kompressionsprodukt mod hævelse, fx i ben, arme eller hænder"),
        ("stoettestroempe", "Nej, men støttestrømper eller lignende mod lettere benproblemer, irritationer, "
                            "uro i benene eller for at forebygge venelidelser"),
    )),
    Valg("kompression_behandling", "Hvor står du i forhold til sygehusbehandling for lidelsen?",
         vis_hvis=({"kompression": ("kompression",)},), muligheder=(
             ("igang", "Sygehusbehandlingen er i gang – produktet er en del af eller en fortsættelse af den"),
             ("afsluttet", "Sygehusbehandlingen er afsluttet"),
             ("ingen", "Du har ikke fået sygehusbehandling for lidelsen inden for et år (nyt behov)"),
         )),
    Heltal("maaneder_siden", "Hvor mange hele måneder er der gået, siden sygehusbehandlingen sluttede?",
           enhed="måneder", max=1200, vis_hvis=({"kompression_behandling": ("afsluttet",)},)),
    JaNej("hoereapparat", "Er det et høreapparat?", startvaerdi="nej"),
    JaNej("over_18", "Er du over 18 år?", vis_hvis=({"hoereapparat": ("ja",)},)),
    JaNej("oere_henvisning", "Er du henvist af en speciallæge i øre-, næse- og halssygdomme?",
          vis_hvis=({"hoereapparat": ("ja",)},)),
    JaNej("privathospital", "Er det et privathospital eller en privat klinik, der behandler dig?",
          startvaerdi="nej",
          hjaelp="Navigatoren dækker kun de offentlige sygehuse. Svarer du ja, får du at vide, hvad kilderne "
                 "siger om privathospitaler."),
    JaNej("implanteret", "Bliver hjælpemidlet eller apparaturet opereret ind (indopereret) som led i behandling "
          "på hospital eller i speciallægepraksis?", startvaerdi="nej",
          hjaelp="Fx pacemaker, trachealkanyle eller endoprotese."),
    JaNej("indlagt", "Er du indlagt på sygehus og har brug for hjælpemidlet til træning under indlæggelsen?",
          startvaerdi="nej", hjaelp="Fx albuestokke, skinne, rollator eller kørestol under indlæggelsen."),
    JaNej("hospitalskontrol", "Er hjælpemidlet ordineret som led i behandling på hospital eller i "
          "speciallægepraksis, og bliver du kontrolleret der for den tilstand, hjælpemidlet er rettet mod?",
          startvaerdi="nej",
          hjaelp=("Fx ortoser, lungebehandlingsudstyr, VAC-behandling, kateter til medicinering og hjælpemidler "
                  "ved et lægeordineret regime eller restriktioner.")),
    JaNej("stationaer", "Har hospitalet eller speciallægen vurderet, at tilstanden er stationær?",
          vis_hvis=({"hospitalskontrol": ("ja",)},),
          hjaelp="Det er den tilstand, hjælpemidlet er rettet mod, der skal være stationær. "
                 "Det afgøres ved en lægefaglig vurdering på sygehuset eller i speciallægepraksis."),
    JaNej("apparatur_hjemme", "Er det apparatur til brug i hjemmet, ordineret som led i eller som fortsættelse "
          "af behandling på sygehus eller i speciallægepraksis?", startvaerdi="nej",
          hjaelp=("Fx iltapparat, insulinpumpe, respirator, inhalationsapparat, hjemmedialyse, sug eller "
                  "nervestimulationsapparat.")),
    JaNej("apparatur_oplaering", "Har du fået undervisning i brugen på sygehuset eller i "
          "speciallægepraksis, eller er brugen under en vis kontrol derfra?",
          vis_hvis=({"apparatur_hjemme": ("ja",)},)),
    JaNej("venter", "Venter du på behandling på sygehus og har brug for hjælpemidlet imens?",
          startvaerdi="nej", hjaelp="Fx albuestokke, toiletforhøjer eller kørestol, mens du venter på en operation."),
    Valg("genoptraening", "Har du efter udskrivning fra sygehus et lægefagligt begrundet behov for "
         "genoptræning, som hjælpemidlet skal bruges til?", startvaerdi="nej", muligheder=(
             ("nej", "Nej"),
             ("almindelig", "Ja – almindelig ambulant genoptræning"),
             ("specialiseret_ambulant", "Ja – specialiseret ambulant genoptræning på et sygehus"),
             ("rehabilitering_specialiseret", "Ja – rehabilitering på specialiseret niveau"),
         )),
    JaNej("speciallaege", "Har en praktiserende speciallæge ordineret hjælpemidlet efter overenskomsten om "
          "speciallægehjælp?", startvaerdi="nej"),
    JaNej("hjemmesygepleje", "Får du hjemmesygepleje efter henvisning fra en læge, og skal hjælpemidlet "
          "bruges i plejen?", startvaerdi="nej",
          hjaelp="Fx plaster, sårforbinding, rensevæske, urinkolbe eller bækken."),
    JaNej("opstart", "Er hjælpemidlet nødvendigt for at starte plejen op?",
          vis_hvis=({"hjemmesygepleje": ("ja",)},)),
    JaNej("varigt_nedsat", "Har du en varigt nedsat fysisk eller psykisk funktionsevne?", startvaerdi="nej",
          hjaelp=("Varigt betyder, at der ikke inden for en overskuelig tid er udsigt til bedring, og at der i "
                  "lang tid fremover er behov for at afhjælpe følgerne.")),
    Valg("kriterium_112", "Hvad skal hjælpemidlet kunne? (servicelovens § 112, stk. 1)",
         vis_hvis=({"varigt_nedsat": ("ja",)},), muligheder=(
             ("nr1", "I væsentlig grad afhjælpe de varige følger af den nedsatte funktionsevne"),
             ("nr2", "I væsentlig grad lette den daglige tilværelse i hjemmet"),
             ("nr3", "Være nødvendigt for, at borgeren kan udøve et erhverv"),
             ("ingen", "Ingen af delene"),
         )),
    JaNej("saedvanligt_indbo", "Er det et forbrugsgode, der normalt indgår i sædvanligt indbo?",
          vis_hvis=({"varigt_nedsat": ("ja",)},)),
    Valg("anden_sektor", "Skal hjælpemidlet bruges i en uddannelse eller på et arbejde?", startvaerdi="nej",
         muligheder=(
             ("nej", "Nej"),
             ("uddannelse", "I en uddannelse, fx teleslynge eller punktskriftmaskine"),
             ("arbejde", "På et arbejde, fx en særlig arbejdsstol, der kompenserer for begrænset arbejdsevne"),
         )),
    JaNej("apv", "Skal hjælpemidlet bruges af personalet til at sikre et sikkert og sundt arbejdsmiljø "
          "ved personlig pleje og forflytninger (APV-hjælpemiddel)?", startvaerdi="nej",
          hjaelp="Fx lift, plejeseng, drejetårn eller vendesystem, som personalet bruger, når de hjælper dig."),
    JaNej("arbejdsgange", "Skal hjælpemidlet først og fremmest spare personaleressourcer (effektive arbejdsgange)?",
          startvaerdi="nej", hjaelp="Fx telesundhed eller intelligente senge."),
)

FORTOLKNINGER = (
    Fortolkning("raekkefoelge", (108, 108),
                "Kilderne siger ikke, i hvilken rækkefølge kategorierne skal prøves. Serviceloven forudsætter, "
                "at hjælpemidlet ikke kan bevilges efter anden lovgivning, fx sundhedsloven. Beregneren prøver "
                "derfor sundhedslovens kategorier før kategori 2.1, og den første kategori, der passer, afgør "
                "svaret. Passer dine svar på flere kategorier, skriver beregneren det.", dokument=D001),
    Fortolkning("nordjylland-eksempel", (111, 114),
                "Samarbejdsaftalen beskriver arbejdsdelingen mellem Region Nordjylland og kommunerne "
                "(2015–2018). Gladsaxe ligger i Region Hovedstaden, hvis aftale ikke er blandt kilderne. "
                "Beregneren bruger Nordjyllands aftale som et eksempel og siger det hver gang.", dokument=D002),
    Fortolkning("reparation-foelger-betaling", (118, 119),
                "Nordjyllands aftale siger, at ansvaret for betaling omfatter vedligeholdelse og reparationer "
                "(linje 118–119), men casekataloget, der fordeler ansvaret i den enkelte sag, er ikke med i "
                "kilderne (linje 128–131, 153–165). Beregneren viser derfor betaleren som ansvarlig for "
                "reparation, med dette forbehold.", dokument=D002),
    Fortolkning("kompression-foerste-aar", (13, 39),
                "Aftalen siger, at regionen udleverer et års forbrug ved afslutningen af sygehusbehandlingen, "
                "og at forpligtelsen overgår til kommunen efter et år (linje 13–17 og 35–39). Linje 23–29 kan "
                "også læses, som at kommunen har ansvaret, så snart behandlingen er afsluttet. Beregneren "
                "lader regionen have ansvaret i de første 12 hele måneder og siger, at kilden kan læses på to "
                "måder. Ekstra behov inden for året (fx ny størrelse eller bortkomne produkter) er ikke "
                "beskrevet.", dokument=D000),
    Fortolkning("stationaer", (39, 44),
                "Kategori 1.2 gælder, indtil tilstanden er stationær. Kilden siger ikke udtrykkeligt, hvem der "
                "overtager derefter. Beregneren prøver de øvrige kategorier, fx 2.1 (kommunen) ved varigt "
                "nedsat funktionsevne.", dokument=D001),
    Fortolkning("hjemmesygepleje-opstart", (128, 128),
                "Kilden siger, at de plejehjælpemidler, der er nødvendige til opstart af plejen, skal stilles "
                "gratis til rådighed. Den siger ikke, hvad der gælder for hjælpemidler efter opstarten.",
                dokument=D001),
)

# --- Result parts -----------------------------------------------------------------------------

HVEM = {
    "region": "Regionen (sygehuset)",
    "kommune": "Kommunen",
    "arbejdsgiveren": "Arbejdsgiveren",
    "borgeren": "Borgeren selv",
}


def _trin(r: Resultat, tekst: str, dokument: str, linjer: tuple[int, int], regel: str | None = None,
          fortolkning: str | None = None, sats: Any = None) -> None:
    r.forklar(tekst, None, linjer, dokument=dokument, regel=regel, fortolkning=fortolkning, sats=sats)


def _ansvar(r: Resultat, kategori: str, kategori_tekst: str, vurderer: tuple[str, str],
            leverer: tuple[str, str], betaler: tuple[str, str], lovgrundlag: str) -> None:
    r.post("kategori", "Kategori", kategori, kategori_tekst)
    r.post("vurderer", "Hvem vurderer behovet", vurderer[0], vurderer[1])
    r.post("leverer", "Hvem leverer", leverer[0], leverer[1])
    r.post("betaler", "Hvem betaler", betaler[0], betaler[1])
    r.post("lovgrundlag", "Lovgrundlag", None, lovgrundlag)


def _instruktion_og_reparation(r: Resultat, leverer: str, betaler: str) -> None:
    """The Nordjylland example's rules for instruction and repairs (002 l. 118–119, 275–277)."""
    if leverer in ("region", "kommune"):
        r.post("instruerer", "Hvem instruerer borgeren", leverer,
               f"{HVEM[leverer]} – den part, der bevilger eller udlåner, instruerer ({NJ})")
        _trin(r, "Den part, der bevilger eller udlåner hjælpemidlet eller behandlingsredskabet, har ansvaret "
                 f"for at instruere borgeren i brugen ({NJ}).", D002, (275, 277), regel="OV2",
              fortolkning="nordjylland-eksempel")
    if betaler in ("region", "kommune"):
        r.post("reparation", "Hvem betaler vedligeholdelse og reparation", betaler,
               f"{HVEM[betaler]} – betalingsansvaret omfatter vedligeholdelse og reparationer ({NJ}). "
               "Fordelingen i den enkelte sag står i aftalens casekatalog, som ikke er med i kilderne")
        _trin(r, "Skemaet i Nordjyllands aftale skelner mellem vurdering af behov, levering, betaling "
                 "(herunder vedligeholdelse og reparationer) og instruktion. Selve casekataloget er ikke med i "
                 f"kilderne ({NJ}).", D002, (118, 119), regel="F16", fortolkning="reparation-foelger-betaling")


def _uafklaret(r: Resultat, tekst: str) -> None:
    r.post("tavshed", "Det siger kilderne ikke", None, tekst)


# --- Category handlers --------------------------------------------------------------------------

def _apv(v: dict[str, Any], r: Resultat) -> None:
    hvem = ("arbejdsgiveren", "Arbejdsgiveren – både hvilke APV-hjælpemidler der er nødvendige, og at de er "
                              "til stede under arbejdet")
    _ansvar(r, "apv", "APV-hjælpemiddel til personalet", hvem, hvem,
            ("arbejdsgiveren", "Arbejdsgiveren"), "Arbejdsmiljølovgivningen")
    _trin(r, "APV-hjælpemidler bruges for at skabe et sikkert og sundt arbejdsmiljø for det personale, der "
             "hjælper andre med personlig pleje og forflytninger. De falder uden for de hjælpemidler, borgerne "
             "søger for at blive mere selvhjulpne.", D001, (206, 210), regel="S1")
    _trin(r, "Efter arbejdsmiljølovgivningen er arbejdsgiveren ansvarlig for, at de nødvendige "
             "APV-hjælpemidler er til stede, og for hvilke der er nødvendige. Borgeren skal acceptere dem for "
             "at få hjælp fra personalet. Eksempler: plejeseng, lift, drejetårn, vendesystem.",
          D001, (211, 218), regel="S1")
    _uafklaret(r, "Kilderne siger ikke, hvem arbejdsgiveren er, når en privat leverandør udfører plejen.")


def _arbejdsgange(v: dict[str, Any], r: Resultat) -> None:
    hvem = ("tilrettelaegger", "Den instans, der skal tilrettelægge arbejdet, anskaffer hjælpemidlet")
    _ansvar(r, "arbejdsgange", "Hjælpemiddel eller teknologi til effektive arbejdsgange",
            ("ikke_beskrevet", "Ikke beskrevet i kilderne"), hvem, hvem, "Kilden nævner ikke et lovgrundlag")
    _trin(r, "Hjælpemidler, der bruges for at spare personaleressourcer, anskaffes af den instans, der skal "
             "tilrettelægge arbejdet. Eksempler: telesundhed, intelligente senge.", D001, (195, 202), regel="S2")


def _hoereapparat(v: dict[str, Any], r: Resultat) -> None:
    _ansvar(r, "5", "Kategori 5: Øvrige hjælpemidler – høreapparat",
            ("speciallaege", "En speciallæge i øre-, næse- og halssygdomme henviser"),
            ("leverandoer", "En privat, godkendt høreapparatleverandør, som borgeren selv vælger"),
            ("region", "Regionen giver tilskud til høreapparatbehandlingen, også til selve høreapparatet"),
            "Sundhedsloven § 70 a og bekendtgørelse nr. 1438 af 23. december 2012 om høreapparatbehandling "
            "(§ 1 og § 2, stk. 1)")
    _trin(r, "Regionsrådet giver efter henvisning fra en speciallæge i øre-, næse- og halssygdomme tilskud til "
             "høreapparatbehandling til personer over 18 år, der vil bruge en privat, godkendt "
             "høreapparatleverandør. Tilskuddet omfatter også selve høreapparatet.", D001, (178, 178), regel="S4")


def _kategori_1(r: Resultat, kode: str, tekst: str, vurderer: str) -> None:
    _ansvar(r, kode, tekst, ("region", vurderer), ("region", "Hospitalet (regionen) udleverer"),
            ("region", "Hospitalet (regionen)"),
            "Sundhedsloven – cirkulære om afgrænsning af behandlingsredskaber (nr. 9097 af 22. februar 2013)")
    _trin(r, "Kategori 1 er behandlingsredskaber: udgiften afholdes af hospitalerne efter sundhedsloven, og "
             "hospitalerne udleverer dem.", D001, (7, 7), regel="S5")
    _trin(r, "Som et integreret led i en sygehusbehandling har regionen ansvaret for at forsyne patienten med "
             "de redskaber, der er en naturlig og nærliggende del af behandlingen. Det sker ud fra en konkret, "
             "individuel sundhedsfaglig vurdering.", D000, (99, 107), regel="S5")


def _k11(v: dict[str, Any], r: Resultat) -> None:
    _kategori_1(r, "1.1", "Kategori 1.1: Indopereret hjælpemiddel eller apparatur",
                "Hospitalet eller speciallægepraksis, som led i behandlingen")
    _trin(r, "Kategori 1.1: hjælpemidler og apparatur, som opereres ind som led i behandlingen på et hospital "
             "eller i speciallægepraksis. Eksempler: pacemakere, trachealkanyler, endoproteser.",
          D001, (25, 33), regel="S5")
    _instruktion_og_reparation(r, "region", "region")


def _k12(v: dict[str, Any], r: Resultat) -> None:
    _kategori_1(r, "1.2", "Kategori 1.2: Under hospitalets kontrol, indtil tilstanden er stationær",
                "Hospitalet eller speciallægepraksis – som også vurderer, hvornår tilstanden er stationær")
    _trin(r, "Kategori 1.2: hjælpemidler og apparatur, som ordineres som led i behandling, og hvor brugen "
             "typisk er under kontrol af hospitalet eller speciallægepraksis, indtil tilstanden er stationær.",
          D001, (37, 39), regel="S7")
    _trin(r, "Borgeren kontrolleres for den tilstand, hjælpemidlet er rettet mod, og om tilstanden er "
             "stationær, afgøres ved en lægefaglig vurdering på sygehuset eller i speciallægepraksis. "
             "Kategorien omfatter også hjælpemidler ved et lægeordineret regime eller restriktioner.",
          D001, (41, 46), regel="S7")
    _instruktion_og_reparation(r, "region", "region")
    _instruktion_personale(r, "ROMbandage eller special håndledsskinne")


def _k13(v: dict[str, Any], r: Resultat) -> None:
    _kategori_1(r, "1.3", "Kategori 1.3: Apparatur til brug i hjemmet",
                "Sygehuset eller speciallægepraksis, som ordinerer apparaturet")
    _trin(r, "Kategori 1.3: apparatur, som ordineres som led i eller fortsættelse af behandling på sygehus "
             "eller i speciallægepraksis til brug i hjemmet, når borgeren er undervist i brugen der, eller "
             "brugen er under en vis kontrol derfra. Sygehusvæsenet betaler også det nødvendige personale til "
             "daglig brug af respiratorer og dialyseapparater i hjemmet.", D001, (58, 62), regel="S8")
    _instruktion_og_reparation(r, "region", "region")
    _instruktion_personale(r, "dialyse")


def _instruktion_personale(r: Resultat, eksempel: str) -> None:
    """Who instructs the kommune's staff in a device they do not know (002 l. 278–280)."""
    r.post("instruerer_personale", "Hvem instruerer kommunens personale", "region",
           f"Regionen, når kommunens personale ikke kender behandlingsredskabet, men skal hjælpe borgeren med "
           f"det, fx {eksempel} ({NJ})")
    _trin(r, "Ved behandlingsredskaber, som kommunens personale ikke har kendskab til, og som kommunens personale "
             "skal hjælpe borgeren med, er regionen ansvarlig for instruktion af personalet, eksempelvis ved "
             f"ROMbandage, special håndledsskinne, dialyse ({NJ}).", D002, (278, 280),
          regel="OV2", fortolkning="nordjylland-eksempel")


def _k14(v: dict[str, Any], r: Resultat) -> None:
    _kategori_1(r, "1.4", "Kategori 1.4: Hjælpemiddel, mens borgeren venter på sygehusbehandling",
                "Sygehuset – det skal på forhånd (forlods) vurdere, om og hvilke behov borgeren har")
    _trin(r, "Kategori 1.4: hjælpemidler og apparatur, som borgeren efter sygehusets vurdering har brug for, "
             "mens borgeren venter på sygehusbehandling. Da sygehuset skal betale, må sygehuset på forhånd "
             "vurdere behovet. Eksempler: albuestokke, toiletforhøjer, kørestole.", D001, (76, 86), regel="S9")
    _instruktion_og_reparation(r, "region", "region")
    r.post("forundersoegelse", "Før og efter forundersøgelse", None,
           "I Region Nordjyllands aftale betaler borgeren selv før forundersøgelsen; efter forundersøgelsen "
           "kan regionen betale efter en konkret vurdering. Det er et eksempel, ikke Gladsaxes aftale, og det "
           "afviger fra afgrænsningscirkulærets kategori 1.4, der ikke stiller den betingelse")
    _trin(r, "Den praktiserende læge kan gøre hospitalet opmærksom på behovet i henvisningen. Før "
             "forundersøgelse skal patienten selv betale hjælpemidler; efter forundersøgelse kan regionen "
             f"efter en konkret vurdering betale ({NJ}).", D002, (191, 198), regel="F10",
          fortolkning="nordjylland-eksempel")


def _k41(v: dict[str, Any], r: Resultat) -> None:
    _ansvar(r, "4.1", "Kategori 4.1: Træning under indlæggelse",
            ("region", "Sygehuset"), ("region", "Sygehuset (regionen)"), ("region", "Sygehuset (regionen)"),
            "Afgrænsningscirkulæret: træning under indlæggelse er en del af sygehusydelsen")
    _trin(r, "Træning under indlæggelse er en integreret del af sygehusydelsen, og de behandlingsredskaber "
             "eller hjælpemidler, der er brug for, skal leveres og finansieres af sygehuset (regionen). "
             "Eksempler: albuestokke, skinne, rollator, kørestol.", D001, (144, 153), regel="S6")
    _trin(r, "Det behandlende hospital har ansvaret for at afklare patientens behov for hjælpemidler og "
             f"behandlingsredskaber under indlæggelsen ({NJ}).", D002, (206, 207), regel="S6",
          fortolkning="nordjylland-eksempel")
    r.post("konflikt", "Kilderne er uenige", None,
           "Oversigten over kategori 4 siger, at udgiften afholdes af kommunerne, men kategori 4.1 siger, at "
           "sygehuset (regionen) leverer og betaler under indlæggelse. Beregneren følger kategori 4.1")
    _trin(r, "Oversigten siger om kategori 4 under ét, at udgiften afholdes af kommunerne efter "
             "sundhedsloven. Det passer kun på genoptræning efter udskrivning (4.2), ikke på træning under "
             "indlæggelse (4.1).", D001, (13, 13), regel="F2")
    _instruktion_og_reparation(r, "region", "region")


def _k42(v: dict[str, Any], r: Resultat) -> None:
    form = v["genoptraening"]
    lov = "Sundhedsloven §§ 84 og 140 (genoptræningsplan; udgiften afholdes af kommunen efter sundhedsloven)"
    vurderer = ("kommune", "Kommunen, som har myndighedsansvaret for genoptræningen, ud fra sygehusets "
                           "genoptræningsplan")
    _trin(r, "Ved udskrivning skal regionen tilbyde en genoptræningsplan til patienter med et lægefagligt "
             "begrundet behov for genoptræning. Kommunen har myndighedsansvaret for genoptræningen efter "
             "udskrivning – også når den foregår på et sygehus.", D001, (157, 161), regel="S10")
    if form == "specialiseret_ambulant":
        _ansvar(r, "4.2", "Kategori 4.2: Specialiseret ambulant genoptræning efter udskrivning", vurderer,
                ("region", "Sygehuset leverer de nødvendige behandlingsredskaber eller hjælpemidler"),
                ("kommune", "Kommunen afholder udgiften"), lov)
        _trin(r, "Ved specialiseret, ambulant genoptræning på et sygehus skal sygehuset levere de nødvendige "
                 "behandlingsredskaber eller hjælpemidler, mens kommunen afholder udgiften.",
              D001, (166, 166), regel="S10")
        _trin(r, "Kommunerne finansierer allerede 100 % af den specialiserede ambulante genoptræning, så der "
                 "går ikke penge direkte mellem hospital og kommune for hjælpemidlerne.", D001, (17, 19),
              regel="S10")
        _trin(r, "Taksterne for specialiseret ambulant genoptræning er beregnet, så kommunerne ikke betaler "
                 f"særskilt for hjælpemidlerne ({NJ}).", D002, (142, 143), regel="S10",
              fortolkning="nordjylland-eksempel")
        r.post("tavshed", "Det siger kilderne ikke", None,
               "Den kommunale medfinansiering, som kilden bygger betalingen på, nedlægges med sundhedsreformen. "
               "Kilderne siger ikke, hvem der så betaler hjælpemidlerne")
        _trin(r, "KL konstaterer, at den kommunale medfinansiering (KMF) nedlægges, og at følgerne håndteres i "
                 "en overgangsordning. Hvem der derefter betaler hjælpemidler til specialiseret ambulant "
                 "genoptræning, står ikke i kilderne.", D004, (249, 254), regel="F3")
        _instruktion_og_reparation(r, "region", "kommune")
        return
    navn = {"almindelig": "almindelig ambulant genoptræning",
            "rehabilitering_specialiseret": "rehabilitering på specialiseret niveau"}[form]
    _ansvar(r, "4.2", f"Kategori 4.2: Genoptræning efter udskrivning – {navn}", vurderer,
            ("kommune", "Kommunen tilvejebringer hjælpemidlerne"), ("kommune", "Kommunen"), lov)
    _trin(r, "Hjælpemidler til almindelig ambulant genoptræning og rehabilitering på specialiseret niveau "
             "udleveres af kommunerne; udgiften afholdes af kommunerne efter sundhedsloven.",
          D001, (13, 13), regel="S10")
    _trin(r, "Når en person efter udskrivning har et lægefagligt begrundet behov for genoptræning, afholder "
             "kommunen udgiften, også til de hjælpemidler, der ordineres som led i genoptræningen, og "
             "tilvejebringer hjælpemidlerne. Eksempler: albuestokke, skinne, rollator, kørestol, "
             "ADL-hjælpemidler.", D001, (165, 174), regel="S10")
    _trin(r, "Kommunen afholder udgiften til de hjælpemidler, der anbefales som led i genoptræningen, og "
             f"tilvejebringer dem ({NJ}).", D002, (93, 95), regel="S10", fortolkning="nordjylland-eksempel")
    _instruktion_og_reparation(r, "kommune", "kommune")


def _speciallaege(v: dict[str, Any], r: Resultat) -> None:
    _ansvar(r, "5", "Kategori 5: Øvrige hjælpemidler – ordineret af speciallæge",
            ("speciallaege", "Speciallægen ordinerer efter retningslinjerne for sit speciale i overenskomsten"),
            ("ikke_beskrevet", "Ikke beskrevet i kilderne"),
            ("region", "Regionen (på regionens regning)"), "Overenskomst om speciallægehjælp")
    _trin(r, "Efter overenskomsten om speciallægehjælp kan speciallæger efter nærmere fastsatte retningslinjer "
             "ordinere hjælpemidler på regionens regning. Retningslinjerne står under hvert speciale i "
             "overenskomsten.", D001, (180, 180), regel="S11")


def _k3(v: dict[str, Any], r: Resultat) -> None:
    _ansvar(r, "3", "Kategori 3: Plejehjælpemidler ved hjemmesygepleje",
            ("kommune", "En læge henviser og vurderer plejebehovet; kommunen yder hjemmesygeplejen"),
            ("kommune", "Kommunen – typisk sygeplejeartikler fra kommunens hjemmesygeplejedepot"),
            ("kommune", "Kommunen"),
            "Sundhedsloven § 138, bekendtgørelse nr. 1601 af 21. december 2007 om hjemmesygepleje og "
            "Sundhedsstyrelsens vejledning nr. 102 af 11. december 2006")
    _trin(r, "Kategori 3: plejehjælpemidler, hvor udgiften afholdes af kommunerne, og kommunerne udleverer.",
          D001, (124, 124), regel="S12")
    _trin(r, "Kommunen yder hjemmesygepleje efter lægehenvisning. Grundkriteriet er, om personen efter en "
             "lægefaglig vurdering har et plejebehov. De plejehjælpemidler, der er nødvendige til opstart af "
             "plejen, skal stilles gratis til rådighed. Typisk er det sygeplejeartikler fra kommunens "
             "hjemmesygeplejedepot.", D001, (128, 130), regel="S12", fortolkning="hjemmesygepleje-opstart")
    if v["opstart"]:
        r.post("gratis", "Gratis for borgeren", True, "Ja – hjælpemidler, der er nødvendige til opstart af plejen")
    else:
        _uafklaret(r, "Kilden siger kun, at hjælpemidler til opstart af plejen er gratis for borgeren. Den siger "
                      "ikke, hvad der gælder efter opstarten")
    _instruktion_og_reparation(r, "kommune", "kommune")


def _k21(v: dict[str, Any], r: Resultat) -> None:
    nr = {"nr1": "nr. 1", "nr2": "nr. 2", "nr3": "nr. 3"}[v["kriterium_112"]]
    _ansvar(r, "2.1", "Kategori 2.1: Hjælpemiddel efter serviceloven",
            ("kommune", "Kommunen træffer afgørelse – borgeren søger hos kommunen"),
            ("kommune", "Kommunen"), ("kommune", "Kommunen"),
            f"Serviceloven § 112, stk. 1, {nr} (hjælpemidler) – § 113, stk. 1, for forbrugsgoder")
    _trin(r, "Kommunalbestyrelsen skal yde støtte til hjælpemidler og forbrugsgoder til personer med varigt "
             "nedsat funktionsevne, når hjælpemidlet i væsentlig grad kan afhjælpe de varige følger, i væsentlig "
             "grad kan lette den daglige tilværelse i hjemmet eller er nødvendigt for at udøve et erhverv. "
             "Det sker uden hensyn til alder, indtægt og formue.", D001, (92, 104), regel="S13")
    _trin(r, "Støtte efter serviceloven forudsætter, at hjælpemidlet ikke kan bevilges efter anden "
             "lovgivning, fx sundhedsloven. Derfor prøves sundhedslovens kategorier først.", D001, (108, 108),
          regel="S13", fortolkning="raekkefoelge")
    _trin(r, "Kommunen træffer afgørelse om støtte til hjælpemidler.", D000, (95, 97), regel="S13")
    _trin(r, "Ved behov for hjælpemidler på grund af varigt nedsat funktionsevne efter servicelovens § 112 "
             f"søger borgeren hos kommunen ({NJ}).", D002, (104, 105), regel="S13",
          fortolkning="nordjylland-eksempel")
    _instruktion_og_reparation(r, "kommune", "kommune")


def _anden_sektor(v: dict[str, Any], r: Resultat) -> None:
    if v["anden_sektor"] == "uddannelse":
        kode, navn = "uddannelsessektoren", "Uddannelsessektoren"
    else:
        kode, navn = "beskaeftigelsessektoren", "Beskæftigelsessektoren"
    hvem = (kode, f"{navn} – efter sektorens egne regler")
    _ansvar(r, "5", f"Kategori 5: Øvrige hjælpemidler – {navn.lower()}", hvem, hvem, hvem,
            f"Reglerne i {navn.lower()} (kilden nævner ikke en bestemt lov)")
    _trin(r, "Hjælpemidler bevilges ikke kun efter sundhedsloven og serviceloven. I uddannelsessektoren kan der "
             "fx ydes teleslynge eller punktskriftmaskine, og i beskæftigelsessektoren arbejdsredskaber, der "
             "kompenserer for begrænsninger i arbejdsevnen, fx en særlig arbejdsstol.", D001, (182, 185),
          regel="S14")


def _privathospital(r: Resultat) -> None:
    """Private hospitals are outside the navigator: say so, and what the sources do say."""
    ude = ("ikke_beskrevet", "Uden for navigatoren – se nedenfor")
    _ansvar(r, "privathospital", "Privathospital eller privat klinik – uden for navigatoren", ude, ude, ude,
            "Navigatoren dækker ikke privathospitaler")
    r.post("uden_for", "Uden for navigatoren", None,
           "Navigatoren dækker kun de offentlige sygehuse og kommunen. Kilderne siger kun, at private hospitaler "
           "med overenskomst med regionerne skal udlåne som de offentlige hospitaler, og at den, der selv "
           "betaler behandlingen, henvises til en folder, som ikke er blandt kilderne. Spørg hospitalet")
    _trin(r, "Private hospitaler og hospice, som har indgået overenskomst med regionerne, skal udlåne "
             "behandlingsredskaber, genoptræningsredskaber og hjælpemidler svarende til de offentlige hospitalers "
             "forpligtelser. For dem, der selv vælger at betale, henvises til en folder om behandling på "
             "privathospital (bilag 8.2), som ikke er med i kilderne.", D001, (191, 191), regel="OV1")
    _trin(r, "Privathospitalet udlåner genanvendelige behandlingsredskaber og hjælpemidler, også større og mere "
             "specialiserede, medmindre der er en særlig aftale med patientens regionshospital "
             f"({NJ}).", D002, (177, 185), regel="OV1", fortolkning="nordjylland-eksempel")


def _borger(v: dict[str, Any], r: Resultat) -> None:
    _ansvar(r, "ingen", "Ingen af kategorierne passer",
            ("ikke_beskrevet", "Ingen myndighed efter kilderne"), ("borgeren", "Borgeren selv"),
            ("borgeren", "Typisk borgeren selv"), "Ingen – hjælpemidlet falder uden for kategorierne")
    if _alt_nej(v):
        # The form starts at "nej": a reader who presses Beregn without answering lands here, and
        # "Typisk borgeren selv" must not read as an answer to questions they never looked at.
        r.post("dine_svar", "Dine svar", None, "Du har svaret nej til alle spørgsmål. Passer et af dem på dig, "
                                                "så svar ja – så kan svaret blive et andet.")
    _trin(r, "Falder et apparatur eller redskab ikke ind under en af kategorierne, må det typisk betales af "
             "borgeren selv.", D001, (187, 187), regel="S15")
    _trin(r, "Midlertidige hjælpemidler, som ikke er led i en behandling eller i træningsøjemed, skal borgeren "
             f"selv betale ({NJ}).", D002, (108, 108), regel="S15", fortolkning="nordjylland-eksempel")


def _alt_nej(v: dict[str, Any]) -> bool:
    """The reader answered no to every question (the form starts every question at "nej"; § 112's
    criteria at "ingen")."""
    return not any(x is True or (isinstance(x, str) and x not in ("nej", "ingen")) for x in v.values())


# --- Compression (000) --------------------------------------------------------------------------

def _opfylder_112(v: dict[str, Any]) -> bool:
    return bool(v["varigt_nedsat"]) and v.get("kriterium_112") in ("nr1", "nr2", "nr3")


def _kompression(v: dict[str, Any], k: Kontekst, r: Resultat) -> None:
    status = v["kompression_behandling"]
    lov_region = "Sundhedsloven (afgrænsningscirkulæret) og den politiske aftale om kompressionsprodukter"
    lov_kommune = "Serviceloven § 112, stk. 1, nr. 1–3, og den politiske aftale om kompressionsprodukter"
    _trin(r, "Regioner og kommuner skal fortsat vurdere den enkelte borgers behov, men udleveringen af "
             "kompressionsprodukter sker inden for rammerne i den politiske aftale mellem regeringen, KL og "
             "Danske Regioner.", D000, (3, 11), regel="S3")
    _trin(r, "Kompressionsprodukter kan være et hjælpemiddel efter serviceloven (kommunen) eller et "
             "behandlingsredskab efter sundhedsloven (regionen). Det afhænger af den sammenhæng, produktet "
             "indgår i.", D000, (81, 87), regel="S3")
    kategori_tekst = "Kompressionsprodukt (politisk aftale om kompressionsprodukter)"
    region = ("region", "Regionen (sygehuset)")

    if status == "igang":
        _ansvar(r, "kompression", kategori_tekst,
                ("region", "Regionen, ud fra en individuel vurdering af behovet"), region, region, lov_region)
        _trin(r, "Regionen forsyner patienten med nødvendige kompressionsprodukter, så længe det er som led i "
                 "eller som fortsættelse af den iværksatte sygehusbehandling – også hvis behandlingen varer "
                 "længere end ét år.", D000, (17, 21), regel="C1")
        _instruktion_og_reparation(r, "region", "region")
        return

    if status == "afsluttet":
        forsyning = k.sats(SATS_FORSYNING)
        overgang = k.sats(SATS_OVERGANG)
        if forsyning.vaerdi is None or overgang.vaerdi is None:
            raise FeltFejl("kompression_behandling", "Kataloget mangler aftalens tidsgrænse for "
                                                     "kompressionsprodukter, så navigatoren kan ikke svare.")
        graense = int(overgang.vaerdi * 12)
        maaneder = v["maaneder_siden"]
        if maaneder < graense:
            _ansvar(r, "kompression", kategori_tekst,
                    ("region", "Regionen, ud fra en vurdering af behovet i forlængelse af sygehusbehandlingen"),
                    ("region", "Regionen udleverer forsyningen ved afslutningen af sygehusbehandlingen"),
                    region, lov_region)
            aar = forsyning.vaerdi
            r.post("forsyning_aar", "Regionens forsyning ved afslutningen", aar,
                   f"{_aar_tekst(aar)} forbrug af kompressionsprodukter")
            _trin(r, "Ved afslutningen af behandlingen på sygehus udleverer regionen et passende antal "
                     f"kompressionsprodukter svarende til {_aar_tekst(aar).lower()} forbrug, ud fra en vurdering "
                     "af borgerens behov.", D000, (13, 17), regel="C2", sats=forsyning)
            tilbage = graense - maaneder
            r.post("maaneder_til_overgang", "Måneder til forpligtelsen kan overgå til kommunen", tilbage,
                   _maaneder(tilbage))
            tekst = (f"Der er gået {formater_tal(maaneder)} {'hel måned' if maaneder == 1 else 'hele måneder'} "
                     f"af {formater_tal(graense)}. Er "
                     "funktionsevnen varigt nedsat, og er der fortsat behov efter et års forbrug, overgår "
                     f"forsyningsforpligtelsen til kommunen om {_maaneder(tilbage)}.")
            if not v["varigt_nedsat"]:
                tekst += (" Du har svaret, at funktionsevnen ikke er varigt nedsat. Så overgår forpligtelsen "
                          "ikke, og kilderne siger ikke, hvem der har den efter året.")
            _trin(r, tekst, D000, (35, 39), regel="C3", sats=overgang, fortolkning="kompression-foerste-aar")
            r.post("konflikt", "Kilden kan læses på to måder", None,
                   "Aftalen siger også, at borgere, der har afsluttet sygehusbehandlingen, skal forsynes af "
                   "kommunen, hvis betingelserne i servicelovens § 112 er opfyldt. Det kan læses, som at "
                   "kommunen har ansvaret med det samme. Ekstra behov inden for året, fx en ny størrelse, er "
                   "ikke beskrevet")
            _trin(r, "Borgere, der har afsluttet sygehusbehandlingen for lidelsen, skal forsynes af kommunen, "
                     "hvis betingelserne i servicelovens § 112 er opfyldt.", D000, (23, 29), regel="F7",
                  fortolkning="kompression-foerste-aar")
            _instruktion_og_reparation(r, "region", "region")
            return
        _trin(r, f"Der er gået {formater_tal(maaneder)} hele måneder, siden sygehusbehandlingen sluttede – "
                 "det år, regionens forsyning dækker, er gået. Er funktionsevnen vurderet til at være varigt "
                 "nedsat, og er der fortsat behov, overgår forsyningsforpligtelsen efter et år til kommunen.",
              D000, (35, 39), regel="C4", sats=overgang, fortolkning="kompression-foerste-aar")
        linjer_kommune, regel = (39, 45), "C4"
    else:
        _trin(r, "Borgere med et nyt behov, som ikke har fået sygehusbehandling for lidelsen inden for et år og "
                 "derfor ikke forsynes af regionen, skal forsynes af kommunen, hvis betingelserne i servicelovens "
                 "§ 112 er opfyldt.", D000, (23, 33), regel="C6")
        linjer_kommune, regel = (23, 29), "C6"

    kommune_vurderer = ("kommune", "Kommunen, ud fra kriterierne i servicelovens § 112, stk. 1, nr. 1–3")
    if _opfylder_112(v):
        _ansvar(r, "kompression", kategori_tekst, kommune_vurderer, ("kommune", "Kommunen"),
                ("kommune", "Kommunen"), lov_kommune)
        _trin(r, "Kommunen udleverer kompressionsprodukter, hvis den ud fra væsentlighedskriteriet i "
                 "servicelovens § 112, stk. 1, nr. 1–3, vurderer, at borgeren er berettiget, fx til udskiftning.",
              D000, linjer_kommune, regel=regel)
        _instruktion_og_reparation(r, "kommune", "kommune")
        return
    uafklaret = ("uafklaret", "Ikke afklaret i kilderne")
    _ansvar(r, "kompression", kategori_tekst, kommune_vurderer, uafklaret, uafklaret, lov_kommune)
    grund = ("funktionsevnen ikke er varigt nedsat" if not v["varigt_nedsat"]
             else "hjælpemidlet ikke opfylder et af kriterierne i § 112, stk. 1")
    _uafklaret(r, f"Du har svaret, at {grund}. Så skal kommunen ikke udlevere efter aftalen, og regionen er "
                  "heller ikke forpligtet. Kilderne siger ikke, hvem der så har ansvaret. Falder et redskab uden "
                  "for alle kategorier, må borgeren typisk selv betale")
    _trin(r, "Kommunens pligt efter aftalen forudsætter, at funktionsevnen er varigt nedsat, og at "
             "kriterierne i servicelovens § 112 er opfyldt. Hvem der ellers har ansvaret, siger aftalen ikke.",
          D000, (89, 97), regel="F8")
    _trin(r, "Falder et apparatur eller redskab ikke ind under en af kategorierne, må det typisk betales af "
             "borgeren selv.", D001, (187, 187), regel="S15")
    _tvist(r)


def _aar_tekst(aar: Decimal) -> str:
    return "Et års" if aar == 1 else f"{formater_tal(aar)} års"


def _tvist(r: Resultat) -> None:
    r.post("tvist", "Hvis region og kommune er uenige", None,
           "Den myndighed, der har tættest kontakt med borgeren, leverer straks, og betalingen afklares bagefter "
           f"({NJ})")
    _trin(r, "Er der tvivl om, hvem der skal betale, må tvivlen ikke komme borgeren til skade. Den myndighed, "
             "der har tættest kontakt med borgeren, skal straks levere, og betalingen afklares bagefter mellem "
             f"myndighederne ({NJ}).", D002, (450, 455), regel="OV3", fortolkning="nordjylland-eksempel")


# --- Checks and the decision --------------------------------------------------------------------

def _tjek(v: dict[str, Any]) -> None:
    """Reject answers that cannot all be true about the same aid (shown next to the field)."""
    kompression = v["kompression"] != "nej"
    if v["apv"]:
        for felt, ting in (("implanteret", "et indopereret hjælpemiddel"),
                           ("kompression", "et kompressionsprodukt eller en støttestrømpe"),
                           ("hoereapparat", "et høreapparat")):
            if (v[felt] if felt != "kompression" else kompression):
                raise FeltFejl("apv", f"Du har svaret, at det er {ting}, og at det er et APV-hjælpemiddel til "
                                      "personalet. APV-hjælpemidler bruges af personalet til pleje og "
                                      "forflytninger, ikke af borgeren selv. Ret et af svarene.")
    if v["arbejdsgange"] and kompression:
        raise FeltFejl("arbejdsgange", "Et kompressionsprodukt eller en støttestrømpe er til borgeren selv og "
                                       "kan ikke være et hjælpemiddel til at spare personaleressourcer. Ret et "
                                       "af svarene.")
    if v["implanteret"] and kompression:
        raise FeltFejl("kompression", "Et kompressionsprodukt eller en støttestrømpe bliver ikke opereret ind. "
                                      "Ret svaret her eller under »indopereret«.")
    if v["hoereapparat"] and kompression:
        raise FeltFejl("hoereapparat", "Et høreapparat kan ikke samtidig være et kompressionsprodukt eller en "
                                       "støttestrømpe. Ret et af svarene.")


KATEGORIER = (
    ("apv", "APV-hjælpemiddel", lambda v: v["apv"], _apv),
    ("arbejdsgange", "effektive arbejdsgange", lambda v: v["arbejdsgange"], _arbejdsgange),
    ("5-hoere", "kategori 5 (høreapparat)",
     lambda v: v["hoereapparat"] and v["over_18"] and v["oere_henvisning"], _hoereapparat),
    ("1.1", "kategori 1.1 (indopereret)", lambda v: v["implanteret"], _k11),
    ("4.1", "kategori 4.1 (træning under indlæggelse)", lambda v: v["indlagt"], _k41),
    ("1.2", "kategori 1.2 (under hospitalets kontrol)",
     lambda v: v["hospitalskontrol"] and not v["stationaer"], _k12),
    ("1.3", "kategori 1.3 (apparatur i hjemmet)",
     lambda v: v["apparatur_hjemme"] and v["apparatur_oplaering"], _k13),
    ("1.4", "kategori 1.4 (venter på sygehusbehandling)", lambda v: v["venter"], _k14),
    ("4.2", "kategori 4.2 (genoptræning efter udskrivning)", lambda v: v["genoptraening"] != "nej", _k42),
    ("5-speciallaege", "kategori 5 (ordineret af speciallæge)", lambda v: v["speciallaege"], _speciallaege),
    ("3", "kategori 3 (hjemmesygepleje)", lambda v: v["hjemmesygepleje"], _k3),
    ("2.1", "kategori 2.1 (serviceloven)",
     lambda v: _opfylder_112(v) and not v["saedvanligt_indbo"], _k21),
    ("5-anden", "kategori 5 (anden sektor)", lambda v: v["anden_sektor"] != "nej", _anden_sektor),
)


def _med_standardsvar(v: dict[str, Any]) -> dict[str, Any]:
    """Hidden follow-up questions are not passed on; read them as not applying."""
    ud = dict(v)
    for felt in ("over_18", "oere_henvisning", "stationaer", "apparatur_oplaering", "opstart", "saedvanligt_indbo"):
        ud.setdefault(felt, False)
    ud.setdefault("kriterium_112", "ingen")
    return ud


def beregn(raw: dict[str, Any], k: Kontekst) -> Resultat:
    v = _med_standardsvar(raw)
    _tjek(v)
    r = Resultat(overskrift="Hvem har ansvaret? Region eller kommune")

    if v.get("privathospital"):
        _privathospital(r)
        return r

    if v["kompression"] == "kompression":
        _kompression(v, k, r)
        _ny_model(r)
        return r

    passer = [(kode, navn, fn) for kode, navn, test, fn in KATEGORIER if test(v)]
    if v["kompression"] == "stoettestroempe":
        r.post("kompressionsaftale", "Aftalen om kompressionsprodukter", None,
               "Gælder ikke støttestrømper og lignende. Kilderne fordeler dem ikke særskilt, så de almindelige "
               "regler bruges")
        _trin(r, "Aftalen om kompressionsprodukter omfatter individuelt tilpassede produkter mod hævelse, ikke "
                 "støttestrømper eller lignende ved lettere benproblemer, irritationer, uro i benene eller for at "
                 "forebygge venelidelser.", D000, (75, 79), regel="F9")
    if v["hoereapparat"] and not (v["over_18"] and v["oere_henvisning"]):
        _uafklaret(r, "Kilden beskriver kun tilskud til høreapparat til personer over 18 år efter henvisning fra "
                      "en speciallæge i øre-, næse- og halssygdomme. Andre tilfælde beskriver kilderne ikke")
        _trin(r, "Tilskuddet til høreapparatbehandling gælder personer over 18 år efter henvisning fra en "
                 "speciallæge i øre-, næse- og halssygdomme.", D001, (178, 178), regel="F11")
    if v["hospitalskontrol"] and v["stationaer"]:
        _trin(r, "Kategori 1.2 gælder kun, indtil tilstanden er stationær. Når hospitalet eller speciallægen har "
                 "vurderet den stationær, prøver beregneren de øvrige kategorier. Kilden siger ikke udtrykkeligt, "
                 "hvem der overtager.", D001, (39, 44), regel="F14", fortolkning="stationaer")
    if v["apparatur_hjemme"] and not v["apparatur_oplaering"]:
        _trin(r, "Apparatur i hjemmet hører kun til kategori 1.3, hvis borgeren er undervist i brugen på sygehus "
                 "eller i speciallægepraksis, eller brugen er under en vis kontrol derfra. Det har du svaret nej "
                 "til.", D001, (60, 60), regel="S8")

    if v["varigt_nedsat"] and not _opfylder_112(v):
        _trin(r, "Serviceloven kræver, at hjælpemidlet i væsentlig grad kan afhjælpe de varige følger, i "
                 "væsentlig grad kan lette den daglige tilværelse i hjemmet eller er nødvendigt for at udøve et "
                 "erhverv. Du har svaret, at ingen af delene passer, så kategori 2.1 passer ikke.",
              D001, (94, 98), regel="S13")
    if _opfylder_112(v) and v["saedvanligt_indbo"]:
        _trin(r, "Der kan ikke ydes hjælp til forbrugsgoder, der normalt indgår i sædvanligt indbo, så "
                 "kategori 2.1 passer ikke.", D001, (100, 100), regel="S13")

    if not passer:
        _borger(v, r)
    else:
        kode, navn, fn = passer[0]
        fn(v, r)
        # What the health reform changes on the date asked about (catalogue/reform.yaml).
        reform.anvend(r, k, kode.split("-")[0], v)
        andre = [n for c, n, _ in passer[1:] if c != "2.1"]
        serviceloven = any(c == "2.1" for c, _, _ in passer[1:])
        tekster = []
        if andre:
            tekster.append(f"{_liste(andre)}. Kilderne siger ikke, hvilken kategori der går forud; beregneren "
                           f"har valgt {navn}. Afklar det konkret")
        if serviceloven:
            tekster.append("Kategori 2.1 (serviceloven). Den kommer kun i betragtning, hvis hjælpemidlet ikke kan "
                           "bevilges efter anden lovgivning, fx sundhedsloven")
        if tekster:
            r.post("andre_kategorier", "Dine svar passer også på", None, ". ".join(tekster))
            _trin(r, "Serviceloven kommer kun i betragtning, hvis hjælpemidlet ikke kan bevilges efter anden "
                     "lovgivning. Ellers giver kilderne ingen rækkefølge mellem kategorierne, så beregneren "
                     "bruger den første, der passer.", D001, (108, 108), regel="F15", fortolkning="raekkefoelge")
        if andre:
            _tvist(r)
    _ny_model(r)
    return r


def _maaneder(n: int) -> str:
    return f"{formater_tal(n)} {'måned' if n == 1 else 'måneder'}"


def _liste(navne: list[str]) -> str:
    tekst = navne[0] if len(navne) == 1 else ", ".join(navne[:-1]) + " og " + navne[-1]
    return tekst[0].upper() + tekst[1:]


def _ny_model(r: Resultat) -> None:
    _trin(r, "Ifølge sundhedsreformen fra 15. november 2024 skal der udvikles en ny model for et klart ansvar "
             "for behandlingsredskaber og hjælpemidler. Reglerne her gælder, indtil den er trådt i kraft.",
          D000, (53, 61), regel="F5")


BEREGNER = Beregner(
    id="ansvar",
    titel="Hvem har ansvaret? Region eller kommune",
    beskrivelse=("Finder ud fra dine svar, hvilken kategori i afgrænsningscirkulæret et hjælpemiddel eller "
                 "behandlingsredskab hører til, og hvem der vurderer behovet, leverer og betaler: regionen "
                 "(sygehuset), kommunen eller andre. Kompressionsprodukter følger den politiske aftale fra 2024."),
    goer_ikke=("Navigatoren træffer ikke afgørelse og vurderer ikke, om borgeren konkret har behov for "
               "hjælpemidlet. Den kender ikke Region Hovedstadens samarbejdsaftale: hvor den nævner, hvem der "
               "instruerer og reparerer, bygger det på Region Nordjyllands aftale som et eksempel. Den dækker "
               "ikke forbrugsgoder (servicelovens § 113) i detaljer, privathospitaler eller boligændringer."),
    standarder=(),
    satser=(SATS_FORSYNING, SATS_OVERGANG),
    felter=FELTER,
    fortolkninger=FORTOLKNINGER,
    beregn=beregn,
    # The answer is where the sources are silent, if they are, otherwise the category (a side note
    # such as the compression agreement's scope must not lead).
    hovedsvar=("tavshed", "kategori"),
    dato_label="Hvilken dag gælder spørgsmålet?",
    dato_hjaelp=("Navigatoren svarer efter det, der gælder den dag. Lad feltet stå tomt for at bruge dagens "
                 "dato. Sundhedsreformen flytter opgaver fra 1. januar 2027; vælg en dato før eller efter for "
                 "at se forskellen."),
)
