"""Kørsel efter SEL § 117 og til læge (standards #118–#121, lines 9584–9928; rules R219–R238, A18, M20/M21)."""
from datetime import date, timedelta
from functools import partial

from hypothesis import given, settings, strategies as st

import calculators
from beregnerhjaelp import katalog_med_satser, poster

STANDARDER = {"fritid": "befordring-til-fritidsundervisning-og-klubber",
              "traening": "befordring-til-traening-og-behandling",
              "laege": "befordring-til-laege-og-speciallaege",
              "arbejde": "befordring-til-arbejde"}
LINJER = {"fritid": (9584, 9654), "traening": (9655, 9761), "laege": (9762, 9838), "arbejde": (9839, 9928)}
FAELLES = {"bil_i_husstanden": "nej", "bil_114": "nej", "hjaelpemiddel_daekker": "nej", "dato": "2025-06-01"}
GRUND = {
    "fritid": FAELLES | {"ordning": "fritid", "pensionist_eller_kognitiv": "ja", "kollektiv_transport": "nej",
                         "fysisk_funktionsnedsaettelse": "nej", "klub_ture": "1", "senioridraet_ture": "1",
                         "bevilling_fra": "1.9.2025"},
    "traening": FAELLES | {"ordning": "traening", "transporterer_selv": "nej", "kollektiv_transport": "nej",
                           "traeningssted": "vederlagsfri_fysioterapi", "traening_ture": "2", "i_gladsaxe": "ja"},
    "laege": FAELLES | {"ordning": "laege", "socialpension": "ja", "sikringsgruppe_1": "ja",
                        "transporterer_selv": "nej", "kollektiv_transport": "nej",
                        "laegested": "praktiserende_laege", "i_gladsaxe": "ja"},
    "arbejde": FAELLES | {"ordning": "arbejde", "socialpension": "nej", "arbejde_dokumentation": "ja",
                          "teknologi_finde_vej": "nej", "teknologi_paamindelse": "nej", "bustraening": "nej",
                          "virksomhedspraktik": "nej", "km_til_arbejde": "10", "bevilling_fra": "1.3.2025"},
}


def svar(ordning, katalog=None, **ekstra):
    return calculators.beregn("koersel", GRUND[ordning] | ekstra, katalog)


katalog_med = partial(katalog_med_satser, "koersel")


def test_every_step_cites_its_own_standard_within_its_lines_with_a_rule():
    for ordning, std in STANDARDER.items():
        s = svar(ordning)
        assert poster(s)["kan_bevilges"] == "ja", ordning
        a, b = LINJER[ordning]
        for t in s["forklaring"]:
            assert t["standard"]["id"] == std and t["regel"] and t["regel"].startswith("R2")
            assert a <= t["linjer"][0] <= t["linjer"][1] <= b, (ordning, t)


def test_the_ordning_decides_which_questions_are_asked():
    felter = {f.id: f for f in calculators.BEREGNERE["koersel"].felter}
    # A fritid answer needs none of the training, læge or work questions; answers to them are not read.
    assert svar("fritid")["ok"]
    s = calculators.beregn("koersel", GRUND["fritid"] | {"laegested": "hospital", "km_til_arbejde": "-1"})
    assert poster(s)["kan_bevilges"] == "ja"
    assert felter["km_til_arbejde"].vis_hvis == ({"ordning": ("arbejde",)},)
    assert felter["sikringsgruppe_1"].vis_hvis == ({"ordning": ("laege",)},)


def test_laege_has_no_co_payment_and_the_others_say_the_amount_is_missing():
    p = {x["id"]: x for x in svar("laege")["result"]["poster"]}
    assert p["egenbetaling"]["vaerdi"] == 0 and "ingen egenbetaling" in p["egenbetaling"]["tekst"]
    for ordning, sats_id in (("fritid", "koersel.fritid_egenbetaling_abonnement"),
                             ("traening", "koersel.traening_egenbetaling_pr_tur"),
                             ("arbejde", "koersel.arbejde_egenbetaling_pr_tur")):
        s = svar(ordning)
        p = {x["id"]: x for x in s["result"]["poster"]}
        assert p["egenbetaling"]["vaerdi"] is None and "ikke oplyst i standarden" in p["egenbetaling"]["tekst"]
        trin = next(t for t in s["forklaring"] if t["sats"] and t["sats"]["id"] == sats_id)
        assert trin["sats"]["vaerdi"] is None and trin["sats"]["mangler"]


def test_training_is_capped_at_three_return_trips_and_treatment_has_no_cap():
    p = poster(svar("traening", traening_ture="4"))
    assert p["ture_pr_uge"] == 3 and p["ture_ud_over_pr_uge"] == 1
    s = svar("traening", traening_ture="4")
    trin = next(t for t in s["forklaring"] if t["regel"] == "R229")
    assert trin["fortolkning"]["id"] == "tur-er-ud-og-hjem" and trin["sats"]["vaerdi"] == 3
    behandling = GRUND["traening"] | {"traeningssted": "tandlaege"}
    del behandling["traening_ture"]
    s = calculators.beregn("koersel", behandling)
    assert poster(s)["ture_pr_uge"] is None
    assert next(t for t in s["forklaring"] if t["regel"] == "R229")["fortolkning"]["id"] == "tre-gaelder-traening"


def test_referral_is_needed_only_where_the_list_says_so():
    assert poster(svar("traening", traeningssted="privat_traening", laegehenvisning="nej"))["kan_bevilges"] == "nej"
    assert poster(svar("traening", traeningssted="privat_traening", laegehenvisning="ja"))["kan_bevilges"] == "ja"
    uden = GRUND["traening"] | {"traeningssted": "kiropraktik"}
    del uden["traening_ture"]
    assert poster(calculators.beregn("koersel", uden))["kan_bevilges"] == "ja"
    # Specialtandplejen is in Gentofte by the text itself: no "inside Gladsaxe?" question.
    special = {k: v for k, v in uden.items() if k != "i_gladsaxe"} | {"traeningssted": "specialtandplejen"}
    assert poster(calculators.beregn("koersel", special))["kan_bevilges"] == "ja"


def test_hospital_trips_are_never_granted():
    for ordning, felt in (("traening", "traeningssted"), ("laege", "laegested")):
        raw = {k: v for k, v in GRUND[ordning].items() if k not in ("i_gladsaxe", "traening_ture")}
        s = calculators.beregn("koersel", raw | {felt: "hospital"})
        assert poster(s) == {"kan_bevilges": "nej"}
        assert any(t["regel"] == "R232" for t in s["forklaring"])


def test_work_distance_limit_is_inclusive_and_from_the_rate():
    assert poster(svar("arbejde", km_til_arbejde="20"))["kan_bevilges"] == "ja"
    assert poster(svar("arbejde", km_til_arbejde="20,1"))["kan_bevilges"] == "nej"
    katalog = katalog_med(arbejde_km_maks=25)
    assert poster(svar("arbejde", katalog, km_til_arbejde="24", dato="2026-02-01"))["kan_bevilges"] == "ja"
    assert poster(svar("arbejde", katalog, km_til_arbejde="24", dato="2025-12-31"))["kan_bevilges"] == "nej"


def test_work_exclusions_are_main_rules_that_a_listed_exception_turns_into_an_assessment():
    s = svar("arbejde", bil_114="ja", fravigelse="ingen")
    assert poster(s)["kan_bevilges"] == "nej" and "Som hovedregel" in s["result"]["poster"][0]["tekst"]
    s = svar("arbejde", bil_114="ja", fravigelse="handicapbil")
    assert poster(s)["kan_bevilges"] == "konkret_vurdering"
    assert any(t["regel"] == "R238" and t["fortolkning"]["id"] == "fravigelse-er-eksempler" for t in s["forklaring"])
    # Bustræning is a hard exclusion; the exception does not help.
    assert poster(svar("arbejde", bil_i_husstanden="ja", fravigelse="vaerksted",
                       bustraening="ja"))["kan_bevilges"] == "nej"


def test_a_car_that_is_not_available_does_not_exclude_but_counts_for_work():
    assert poster(svar("laege", bil_i_husstanden="ja", bil_tilgaengelig="nej"))["kan_bevilges"] == "ja"
    assert poster(svar("laege", bil_i_husstanden="ja", bil_tilgaengelig="ja"))["kan_bevilges"] == "nej"
    assert poster(svar("arbejde", bil_i_husstanden="ja", fravigelse="ingen"))["kan_bevilges"] == "nej"


def test_grant_period_is_one_year_and_a_date_before_the_start_is_refused():
    p = poster(svar("fritid", bevilling_fra="2025-09-01", bevilling_til="2026-06-30"))
    assert p["seneste_slutdato"] == "2026-08-31" and p["bevilling_til"] == "2026-06-30"
    # The month rule every calculator shares (calculators/datoer.py): 29.2.2024 + 12 months = 28.2.2025,
    # so a grant from 29.2.2024 lasts to and including 27.2.2025.
    p = poster(svar("arbejde", bevilling_fra="2024-02-29"))
    assert p["seneste_slutdato"] == "2025-02-27"
    assert poster(svar("arbejde", bevilling_fra="1.3.2025", bevilling_til="1.3.2025"))["bevilling_til"] == "2025-03-01"
    s = svar("fritid", bevilling_fra="1.9.2025", bevilling_til="31.8.2025")
    assert s["ok"] is False and s["fejl"][0]["felt"] == "bevilling_til"
    assert "før startdatoen" in s["fejl"][0]["besked"]


def test_fritid_caps_one_club_and_one_senior_sport_per_week():
    p = poster(svar("fritid", klub_ture="3", senioridraet_ture="2"))
    assert (p["klub_ture_pr_uge"], p["senioridraet_ture_pr_uge"], p["ture_ud_over_pr_uge"]) == (1, 1, 3)
    s = svar("fritid", klub_ture="0", senioridraet_ture="0")
    assert s["ok"] is False and s["fejl"][0]["felt"] == "klub_ture"


def test_every_interpretation_used_is_declared_and_shown():
    erklaerede = {f.id for f in calculators.BEREGNERE["koersel"].fortolkninger}
    brugte = set()
    for raw in (GRUND["fritid"] | {"bevilling_til": "1.5.2026"}, GRUND["traening"] | {"traening_ture": "5"},
                GRUND["laege"] | {"i_gladsaxe": "nej", "uden_for_grund": "ventetid"},
                GRUND["arbejde"] | {"virksomhedspraktik": "ja", "bil_i_husstanden": "ja", "fravigelse": "vaerksted"}):
        s = calculators.beregn("koersel", raw)
        brugte |= {t["fortolkning"]["id"] for t in s["forklaring"] if t["fortolkning"]}
        for t in s["forklaring"]:
            if t["fortolkning"]:
                assert t["fortolkning"]["tekst"]
    assert brugte <= erklaerede and len(brugte) >= 8


@settings(max_examples=200, deadline=None)
@given(fra=st.dates(date(1900, 1, 1), date(2097, 12, 31)), dage=st.integers(0, 800))
def test_property_granted_end_is_never_after_one_year_nor_before_start(fra, dage):
    til = fra + timedelta(days=dage)
    p = poster(svar("arbejde", bevilling_fra=fra.isoformat(), bevilling_til=til.isoformat()))
    seneste = date.fromisoformat(p["seneste_slutdato"])
    faktisk = date.fromisoformat(p["bevilling_til"])
    assert fra <= faktisk <= seneste and faktisk == min(til, seneste)
    assert 364 <= (seneste - fra).days <= 365


@settings(max_examples=150, deadline=None)
@given(ture=st.integers(1, 100))
def test_property_training_never_grants_more_than_three_or_more_than_asked(ture):
    s = svar("traening", traening_ture=str(ture))
    p = poster(s)
    assert p["ture_pr_uge"] == min(ture, 3)
    assert p.get("ture_ud_over_pr_uge", 0) == ture - min(ture, 3)


def test_the_destinations_are_offered_by_their_names_in_the_standard():
    felt = next(f for f in calculators.BEREGNERE["koersel"].felter if f.id == "traeningssted")
    navne = dict(felt.muligheder)
    assert navne["tandlaege"] == "Tandlæge (uden lægehenvisning)"  # 9685–9687
    assert navne["vederlagsfri_fysioterapi"] == "Vederlagsfri fysioterapi"  # 9678–9681
    assert navne["hospital"].startswith("Behandling, undersøgelse eller kontrol på hospital")
