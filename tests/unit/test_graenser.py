"""Boundaries the mutation run found untested (issue 18): working days counted backwards by 1, years at
the edges of 1900–2100, a loan of 0, the rates an editor has yet to fill in (given real values in a test
catalogue, tests/fixtures/udfyldt_katalog.py), every kørsel exclusion, several other navigator categories.

Expected values are worked out by hand from the source text and a calendar.
"""
from datetime import date

import pytest

import calculators
from beregnerhjaelp import poster
from calculators.helligdage import helligdage, laeg_arbejdsdage_til, paaskedag
from fixtures.udfyldt_katalog import udfyldt_katalog


def raekker(svar):
    assert svar["ok"], svar.get("fejl")
    return {p["id"]: p for p in svar["result"]["poster"]}


def trin_med_sats(svar, sats_id):
    return [t for t in svar["forklaring"] if t["sats"] and t["sats"]["id"] == sats_id]


# --- Working days backwards by 1 (calculators/helligdage.py) -------------------------------------------

@pytest.mark.parametrize("fra, til", [
    (date(2025, 3, 4), date(2025, 3, 3)),    # Tuesday -> Monday
    (date(2025, 3, 3), date(2025, 2, 28)),   # Monday -> the Friday before (over the weekend)
    (date(2025, 3, 1), date(2025, 2, 28)),   # Saturday -> Friday
    (date(2025, 3, 2), date(2025, 2, 28)),   # Sunday -> Friday
    # Tuesday after Easter 2025: 2. påskedag 21.4, påskedag 20.4, langfredag 18.4, skærtorsdag 17.4 -> 16.4
    (date(2025, 4, 22), date(2025, 4, 16)),
    (date(2025, 12, 29), date(2025, 12, 24)),  # Monday; 26.12 and 25.12 are holidays, 27–28 weekend
])
def test_one_working_day_back(fra, til):
    assert laeg_arbejdsdage_til(fra, -1) == til


def test_one_forward_and_one_back_returns_to_a_working_day():
    d = date(2025, 4, 16)
    assert laeg_arbejdsdage_til(d, 1) == date(2025, 4, 22)
    assert laeg_arbejdsdage_til(laeg_arbejdsdage_til(d, 1), -1) == d


# --- Years at the edges of 1900–2100 -----------------------------------------------------------------

def test_easter_and_holidays_at_the_edges_of_the_range():
    assert paaskedag(1900) == date(1900, 4, 15)
    assert paaskedag(2100) == date(2100, 3, 28)
    assert helligdage(1900)[date(1900, 4, 13)] == "langfredag"
    assert helligdage(2100)[date(2100, 3, 29)] == "2. påskedag"


@pytest.mark.parametrize("modtaget, ok", [
    ("1899-12-31", False), ("1900-01-01", True), ("2100-12-31", True), ("2101-01-01", False)])
def test_dates_outside_1900_to_2100_are_refused_next_to_the_field(modtaget, ok):
    s = calculators.beregn("frister", {"ansoegningstype": "oevrige", "modtaget": modtaget,
                                       "dato": "2025-06-01"})
    assert s["ok"] is ok, s
    if not ok:
        assert [f["felt"] for f in s["fejl"]] == ["modtaget"]
        assert "1900" in s["fejl"][0]["besked"] and "2100" in s["fejl"][0]["besked"]


# --- A loan of 0 (bil) --------------------------------------------------------------------------------

def test_a_loan_of_0_has_no_instalments_and_is_shown_once():
    # A typed limit must be positive (one rule for amounts); a loan of 0 comes only from a
    # catalogue whose limit for the year is 0.
    import copy
    import json as _json
    from pathlib import Path as _Path

    from calculators.katalog import fra_data
    data = _json.loads((_Path(calculators.__file__).parent / "data" / "katalog.json").read_text("utf-8"))
    nul = copy.deepcopy(data)
    for v in nul["satser"]["bil.laaneramme_personbil"]["vaerdier"]:
        v["vaerdi"] = 0
    s = calculators.beregn("bil", {"biltype": "personbil", "pris_billigst": "96000",
                                   "anden_model": "nej", "med_indkomst": "nej", "laanedato": "2025-01-01",
                                   "opgoerelsesdato": "2025-02-01", "dato": "2025-06-01"}, fra_data(nul))
    r = raekker(s)
    assert [p["id"] for p in s["result"]["poster"]].count("laan") == 1
    assert r["laan"]["vaerdi"] == 0 and r["laan"]["tekst"] == "0,00 kr."
    assert r["egen_betaling"]["vaerdi"] == 96000 and r["egen_betaling"]["tekst"] == "96.000,00 kr."
    assert not {"afdrag_pr_maaned", "restgaeld_i_alt", "tidligst_udskiftning"} & set(r)
    assert any(t["tekst"] == "Der er ikke noget lån at afdrage eller nedskrive." for t in s["forklaring"])


# --- Rates an editor has yet to fill in, given real values -------------------------------------------

def test_diabetes_meter_price_from_the_catalogue():
    """3182–3184: 50 % of the standard meter (3163); the lower of the price and the standard price."""
    k = udfyldt_katalog()  # standard price 400 kr.
    s = calculators.beregn("diabetes", {"behandling": "insulin", "strimler_hidtil": "0", "strimler_ansoegt": "0",
                                        "lancetter_hidtil": "0", "lancetter_ansoegt": "0", "apparat": "foerste",
                                        "apparat_pris": "500", "dato": "2025-06-01"}, k)
    r = raekker(s)
    assert r["apparat_tilskud"]["vaerdi"] == 200 and r["apparat_tilskud"]["tekst"].startswith("200,00 kr.")
    assert r["apparat_egenbetaling"]["vaerdi"] == 300
    [trin] = trin_med_sats(s, "diabetes.standardpris_blodsukkerapparat")
    assert trin["sats"]["vaerdi"] == 400 and "400,00 kr." in trin["tekst"]
    assert any("standardprisen i kataloget (400,00 kr.)" in t["tekst"] for t in s["forklaring"])
    # The field is then not asked: a typed standard price is not read.
    assert raekker(calculators.beregn("diabetes", {"behandling": "insulin", "strimler_hidtil": "0",
                                                   "strimler_ansoegt": "0", "lancetter_hidtil": "0",
                                                   "lancetter_ansoegt": "0", "apparat": "foerste",
                                                   "apparat_pris": "500", "standardpris": "100",
                                                   "dato": "2025-06-01"}, k))["apparat_tilskud"]["vaerdi"] == 200


def test_bil_income_limit_from_the_catalogue():
    """10216–10221: half the loan, plus 20 % of the income above the fixed amount (here 250.000 kr.)."""
    k = udfyldt_katalog()  # personbil frame 200.000, income limit 250.000
    s = calculators.beregn("bil", {"biltype": "personbil", "pris_billigst": "192.000", "anden_model": "nej",
                                   "med_indkomst": "ja", "indkomstgrundlag": "300.000", "laanedato": "2025-01-01",
                                   "opgoerelsesdato": "2025-01-01", "dato": "2025-06-01"}, k)
    r = raekker(s)
    # 192.000 / 2 = 96.000; (300.000 − 250.000) × 20 % = 10.000; 106.000 to pay back, 86.000 written off
    assert r["laan"]["vaerdi"] == 192000
    assert r["afdragspligtig_del"]["vaerdi"] == 106000 and r["afdragsfri_del"]["vaerdi"] == 86000
    [trin] = trin_med_sats(s, "bil.indkomstgraense")
    assert trin["sats"]["vaerdi"] == 250000 and "250.000,00 kr." in trin["tekst"]
    assert trin_med_sats(s, "bil.laaneramme_personbil")[0]["sats"]["vaerdi"] == 200000


KOERSEL_GRUND = {"bil_i_husstanden": "nej", "bil_114": "nej", "hjaelpemiddel_daekker": "nej", "dato": "2025-06-01"}
KOERSEL = {
    "fritid": KOERSEL_GRUND | {"ordning": "fritid", "pensionist_eller_kognitiv": "ja", "kollektiv_transport": "nej",
                               "fysisk_funktionsnedsaettelse": "nej", "klub_ture": "1", "senioridraet_ture": "0",
                               "bevilling_fra": "1.9.2025"},
    "traening": KOERSEL_GRUND | {"ordning": "traening", "transporterer_selv": "nej", "kollektiv_transport": "nej",
                                 "traeningssted": "vederlagsfri_fysioterapi", "traening_ture": "2",
                                 "i_gladsaxe": "ja"},
    "laege": KOERSEL_GRUND | {"ordning": "laege", "socialpension": "ja", "sikringsgruppe_1": "ja",
                              "transporterer_selv": "nej", "kollektiv_transport": "nej",
                              "laegested": "praktiserende_laege", "i_gladsaxe": "ja"},
    "arbejde": KOERSEL_GRUND | {"ordning": "arbejde", "socialpension": "nej", "arbejde_dokumentation": "ja",
                                "teknologi_finde_vej": "nej", "teknologi_paamindelse": "nej", "bustraening": "nej",
                                "virksomhedspraktik": "nej", "km_til_arbejde": "10", "bevilling_fra": "1.3.2025"},
}


@pytest.mark.parametrize("ordning, egenbetaling, tekst", [
    ("fritid", 300, "300,00 kr. (abonnement)"), ("traening", 25, "25,00 kr."), ("arbejde", 30, "30,00 kr.")])
def test_koersel_co_payments_from_the_catalogue(ordning, egenbetaling, tekst):
    s = calculators.beregn("koersel", KOERSEL[ordning], udfyldt_katalog())
    r = raekker(s)
    assert r["kan_bevilges"]["vaerdi"] == "ja"
    assert r["egenbetaling"]["vaerdi"] == egenbetaling and r["egenbetaling"]["tekst"] == tekst
    sats_id = {"fritid": "koersel.fritid_egenbetaling_abonnement", "traening": "koersel.traening_egenbetaling_pr_tur",
               "arbejde": "koersel.arbejde_egenbetaling_pr_tur"}[ordning]
    [trin] = trin_med_sats(s, sats_id)
    assert trin["sats"]["vaerdi"] == egenbetaling and "ikke i standarden" not in trin["tekst"]


# --- Every kørsel exclusion ----------------------------------------------------------------------------
# (ordning, answers, the verdict, words of the reason in the verdict's text)
UDELUKKELSER = [
    # R220, the shared exclusions (9603–9610, 9669–9676, 9776–9783)
    *[(o, {"bil_i_husstanden": "ja", "bil_tilgaengelig": "ja"}, "nej", "bil i husstanden, som borgeren kan bruge")
      for o in ("fritid", "traening", "laege")],
    *[(o, {"bil_114": "ja"}, "nej", "servicelovens § 114") for o in ("fritid", "traening", "laege")],
    *[(o, {"hjaelpemiddel_daekker": "ja"}, "nej", "el-kørestol, el-scooter eller trehjulet cykel")
      for o in ("fritid", "traening", "laege")],
    # #121: the same as a main rule, plus social pension and technology (9875–9891)
    ("arbejde", {"bil_i_husstanden": "ja", "fravigelse": "ingen"}, "nej", "Som hovedregel nej – der er en bil i husstanden"),
    ("arbejde", {"bil_114": "ja", "fravigelse": "ingen"}, "nej", "Som hovedregel nej"),
    ("arbejde", {"hjaelpemiddel_daekker": "ja"}, "nej", "Som hovedregel nej"),
    ("arbejde", {"socialpension": "ja"}, "nej", "borgeren modtager social pension"),
    ("arbejde", {"teknologi_finde_vej": "ja"}, "nej", "til at finde vej"),
    ("arbejde", {"teknologi_paamindelse": "ja"}, "nej", "mindet om"),
    ("arbejde", {"bustraening": "ja"}, "nej", "bustræning"),
    ("arbejde", {"arbejde_dokumentation": "nej"}, "nej", "ikke lægelig dokumentation"),
    ("arbejde", {"km_til_arbejde": "20,1"}, "nej", "20,1 km fra bopælen, og grænsen er 20 km"),
    # criteria (R219, R227, R228, R232, R231, R234)
    ("fritid", {"pensionist_eller_kognitiv": "nej"}, "nej", "hverken pensionist"),
    ("fritid", {"kollektiv_transport": "ja"}, "nej", "kan bruge kollektiv transport"),
    ("fritid", {"fysisk_funktionsnedsaettelse": "ja", "ganghjaelpemiddel_eller_dokumentation": "nej"}, "nej",
     "fysisk funktionsnedsættelse"),
    ("traening", {"transporterer_selv": "ja"}, "nej", "kan transportere sig selv"),
    ("traening", {"kollektiv_transport": "ja"}, "nej", "kan bruge kollektiv transport"),
    ("traening", {"traeningssted": "hospital"}, "nej", "hospital"),
    ("traening", {"traeningssted": "andet"}, "nej", "står ikke på standardens liste"),
    ("traening", {"traeningssted": "psykolog", "laegehenvisning": "nej"}, "nej", "kræver lægehenvisning"),
    ("traening", {"traeningssted": "omsorgstandpleje", "bor_i_plejebolig": "ja"}, "nej", "plejebolig"),
    ("traening", {"i_gladsaxe": "nej", "uden_for_grund": "ingen"}, "nej", "uden for Gladsaxe Kommune"),
    ("laege", {"socialpension": "nej"}, "nej", "modtager ikke social pension"),
    ("laege", {"sikringsgruppe_1": "nej"}, "nej", "ikke i sikringsgruppe 1"),
    ("laege", {"transporterer_selv": "ja"}, "nej", "kan transportere sig selv"),
    ("laege", {"laegested": "hospital"}, "nej", "hospital"),
    ("laege", {"i_gladsaxe": "nej", "uden_for_grund": "ingen"}, "nej", "uden for Gladsaxe Kommune"),
    # ... and what turns an answer into "kræver konkret vurdering" (R231, R236, R238)
    ("traening", {"i_gladsaxe": "nej", "uden_for_grund": "ventetid"}, "konkret_vurdering", "uden for Gladsaxe"),
    ("arbejde", {"virksomhedspraktik": "ja"}, "konkret_vurdering", "virksomhedspraktik"),
    ("arbejde", {"bil_i_husstanden": "ja", "fravigelse": "vaerksted"}, "konkret_vurdering", "værksted"),
]


@pytest.mark.parametrize("ordning, svar_, udfald, grund", UDELUKKELSER,
                         ids=[f"{o}-{'-'.join(s)}-{u}" for o, s, u, _ in UDELUKKELSER])
def test_every_koersel_exclusion(ordning, svar_, udfald, grund):
    s = calculators.beregn("koersel", KOERSEL[ordning] | svar_)
    r = raekker(s)["kan_bevilges"]
    assert r["vaerdi"] == udfald, r
    assert grund in r["tekst"], r["tekst"]
    start = {"nej": ("Nej – ", "Som hovedregel nej – "), "konkret_vurdering": ("Kræver konkret vurdering – ",)}
    assert r["tekst"].startswith(start[udfald])
    if udfald == "nej":  # nothing about how much is shown when nothing can be granted
        assert not {"ture_pr_uge", "egenbetaling", "seneste_slutdato"} & set(raekker(s))


def test_a_car_not_available_to_the_citizen_does_not_exclude():
    s = calculators.beregn("koersel", KOERSEL["traening"] | {"bil_i_husstanden": "ja", "bil_tilgaengelig": "nej"})
    assert raekker(s)["kan_bevilges"]["vaerdi"] == "ja"
    assert any("ikke tilgængelig for borgeren" in t["tekst"] and t["fortolkning"]["id"] == "bil-skal-vaere-tilgaengelig"
               for t in s["forklaring"] if t["fortolkning"])


def test_met_criteria_say_so_and_unmet_say_not():
    """The step on the criteria agrees with the answers (a "Det er opfyldt" next to a "nej" from the
    same criterion would contradict the verdict)."""
    ja = calculators.beregn("koersel", KOERSEL["fritid"])
    nej = calculators.beregn("koersel", KOERSEL["fritid"] | {"kollektiv_transport": "ja"})
    trin = lambda s: next(t["tekst"] for t in s["forklaring"] if t["linjer"] == [9593, 9596])  # noqa: E731
    assert trin(ja).endswith("Det er opfyldt efter dine svar.")
    assert trin(nej).endswith("Det er ikke opfyldt.")
    for ordning in ("traening", "laege"):
        nej = calculators.beregn("koersel", KOERSEL[ordning] | {"transporterer_selv": "ja"})
        assert poster(nej)["kan_bevilges"] == "nej"
        assert any(t["tekst"].endswith("Det er ikke opfyldt.") and t["regel"] == "R227" for t in nej["forklaring"])


def test_a_catalogue_without_the_chosen_deadline_row_is_a_clear_error():
    import copy
    import json
    from pathlib import Path
    from calculators.katalog import fra_data
    data = json.loads((Path(calculators.__file__).parent / "data" / "katalog.json").read_text("utf-8"))
    uden = copy.deepcopy(data)
    raekker = uden["data"]["frister"]["frister"]
    uden["data"]["frister"]["frister"] = [r for r in raekker if r["id"] != "praktisk-hjaelp"]
    s = calculators.beregn("frister", {"ansoegningstype": "praktisk-hjaelp", "modtaget": "2025-03-03",
                                       "dato": "2025-06-01"}, fra_data(uden))
    assert s["ok"] is False and [f["felt"] for f in s["fejl"]] == ["ansoegningstype"]


def _paaske_toendering(aar: int) -> date:
    """Easter Sunday by another method (Claus Tøndering's formulation of Oudin's algorithm), to check the
    calculator's computus against something it does not share."""
    g = aar % 19
    c = aar // 100
    h = (c - c // 4 - (8 * c + 13) // 25 + 19 * g + 15) % 30
    i = h - (h // 28) * (1 - (29 // (h + 1)) * ((21 - g) // 11))
    j = (aar + aar // 4 + i + 2 - c + c // 4) % 7
    lo = i - j
    maaned = 3 + (lo + 40) // 44
    return date(aar, maaned, lo + 28 - 31 * (maaned // 4))


def test_easter_agrees_with_an_independent_method_for_every_year_1900_to_2100():
    for aar in range(1900, 2101):
        assert paaskedag(aar) == _paaske_toendering(aar), aar


def test_the_start_counted_from_the_latest_decision_is_explained_once():
    s = calculators.beregn("frister", {"ansoegningstype": "elektronisk-laas", "modtaget": "2025-03-03",
                                       "dato": "2025-06-01"})
    r = raekker(s)
    # decision: 5 working days (10.3) or at once (3.3); start: 5 working days after 10.3 = 17.3, or the same day
    assert (r["start_1"]["vaerdi"], r["start_2"]["vaerdi"]) == ("2025-03-17", "2025-03-03")
    forklaringer = [t for t in s["forklaring"] if t["fortolkning"] and t["fortolkning"]["id"] == "start-fra-afgoerelse"]
    assert len(forklaringer) == 1
