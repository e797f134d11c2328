"""Movia Flexhandicap (standard #122, lines 9929–10035; rules R239–R251, ambiguities A18, A19)."""
from functools import partial

from hypothesis import given, settings, strategies as st

import calculators
from beregnerhjaelp import katalog_med_satser, poster

FLEX = "flextrafik-movia-flexhandicap"
GRUND = {"alder": "50", "ture_brugt": "0", "ture_oensket": "1", "ledsagere": "0", "medbring": "nej",
         "koeretoej": "nej", "trappe": "nej", "dato": "2025-06-01"}


def svar(katalog=None, **ekstra):
    return calculators.beregn("flexhandicap", GRUND | ekstra, katalog)


katalog_med = partial(katalog_med_satser, "flexhandicap")


def test_every_step_cites_the_flexhandicap_standard_with_a_rule():
    s = svar(ledsagere="1", turpris="40", medbring="ja", boern="1", smaadyr="0", hjaelpemidler="1",
             eldrevne_hjaelpemidler="0", kufferter="0", haandbagage="0", koeretoej="ja", hjulbredde_cm="60",
             laengde_cm="100", samlet_vaegt_kg="150", trappe="ja", manuel_koerestol="ja", etage="2",
             repos_cm="130", trinhoejde_cm="17", trindybde_cm="28", trappe_vaegt_kg="120")
    assert s["ok"]
    for t in s["forklaring"]:
        assert t["standard"]["id"] == FLEX and t["regel"] and t["regel"].startswith("R2")
        assert 9929 <= t["linjer"][0] <= t["linjer"][1] <= 10035


def test_the_trip_price_is_asked_because_the_standard_lacks_it_and_is_optional():
    felt = next(f for f in calculators.BEREGNERE["flexhandicap"].felter if f.id == "turpris")
    assert felt.erstatter_sats == "flexhandicap.pris_pr_tur" and not felt.paakraevet
    s = svar()
    p = {x["id"]: x for x in s["result"]["poster"]}
    assert p["pris_pr_tur"]["vaerdi"] is None and "Movia" in p["pris_pr_tur"]["tekst"]
    trin = next(t for t in s["forklaring"] if t["regel"] == "R244")
    assert trin["sats"]["vaerdi"] is None and trin["sats"]["mangler"]


def test_a_trip_is_one_way_and_the_interpretation_is_shown():
    s = svar(ture_brugt="103", ture_oensket="2")  # ud og hjem = 2 ture, kun 1 tilbage
    assert poster(s)["ture_inden_for"] == 1 and poster(s)["ture_ud_over"] == 1
    trin = next(t for t in s["forklaring"] if t["regel"] == "R241")
    assert trin["fortolkning"]["id"] == "tur-er-en-vej" and trin["linjer"] == [9958, 9961]


def test_age_18_is_counted_in_with_the_interpretation_17_is_not():
    atten = svar(alder="18")
    assert poster(atten)["maalgruppe"] is True
    assert atten["forklaring"][0]["fortolkning"]["id"] == "fyldt-18"
    sytten = svar(alder="17")
    assert poster(sytten) == {"maalgruppe": False}
    assert all(t["regel"] == "R239" for t in sytten["forklaring"])


def test_companions_cost_half_a_trip_each_and_a_third_is_refused():
    p = poster(svar(ledsagere="2", turpris="25,50"))
    assert p["tillaeg_ledsagere"] == 25.5 and p["pris_pr_tur"] == 51
    s = svar(ledsagere="3", turpris="25")
    assert s["ok"] is False and s["fejl"][0]["felt"] == "ledsagere"
    assert "højst komme 2 ledsagere" in s["fejl"][0]["besked"]


def test_limits_come_from_the_dated_rates():
    katalog = katalog_med(ture_pr_aar=120, ledsager_tillaeg_procent=25, pris_pr_tur=30, trappe_hoejeste_etage=6)
    gammel = poster(svar(katalog=katalog, ture_brugt="100", ledsagere="1", turpris="40"))
    assert gammel["ture_tilbage"] == 4 and gammel["pris_pr_tur"] == 60
    ny = svar(katalog=katalog, dato="2026-02-01", ture_brugt="100", ledsagere="1",
              trappe="ja", manuel_koerestol="ja", etage="6", repos_cm="120", trinhoejde_cm="20",
              trindybde_cm="11", trappe_vaegt_kg="160")
    p = poster(ny)
    assert p["ture_tilbage"] == 20 and p["pris_borger"] == 30 and p["pris_pr_tur"] == 37.5
    assert p["trappe_ok"] is True


def test_over_the_free_allowance_names_what_is_too_much():
    s = svar(medbring="ja", boern="2", smaadyr="2", hjaelpemidler="2", eldrevne_hjaelpemidler="1",
             kufferter="2", haandbagage="1")
    p = {x["id"]: x for x in s["result"]["poster"]}
    assert p["medbring_gratis"]["vaerdi"] is False
    assert "små hunde" in p["medbring_gratis"]["tekst"] and "kufferter" in p["medbring_gratis"]["tekst"]
    assert "børn" not in p["medbring_gratis"]["tekst"]
    assert any(t["fortolkning"] and t["fortolkning"]["id"] == "ud-over-det-gratis" for t in s["forklaring"])


def test_stair_machine_checks_minimums_and_maximums_the_right_way_round():
    grund = dict(trappe="ja", manuel_koerestol="ja", etage="0", repos_cm="120", trinhoejde_cm="20",
                 trindybde_cm="11", trappe_vaegt_kg="160")
    assert poster(svar(**grund))["trappe_ok"] is True
    for felt, vaerdi in (("repos_cm", "119,9"), ("trindybde_cm", "10,9"), ("trinhoejde_cm", "20,1"),
                         ("trappe_vaegt_kg", "160,1"), ("etage", "6")):
        assert poster(svar(**(grund | {felt: vaerdi})))["trappe_ok"] is False, felt


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 500), st.integers(0, 500))
def test_trips_add_up(brugt, oensket):
    p = poster(svar(ture_brugt=str(brugt), ture_oensket=str(oensket)))
    assert p["ture_tilbage"] == max(0, 104 - brugt)
    assert p["ture_inden_for"] + p.get("ture_ud_over", 0) == oensket
    assert 0 <= p["ture_inden_for"] <= p["ture_tilbage"]


def test_the_ground_floor_is_named_as_such():
    s = calculators.beregn("flexhandicap", {"alder": "60", "ture_brugt": "0", "ture_oensket": "1", "ledsagere": "0",
                                            "medbring": "nej", "koeretoej": "nej", "trappe": "ja",
                                            "manuel_koerestol": "ja", "etage": "0", "repos_cm": "130",
                                            "trinhoejde_cm": "18", "trindybde_cm": "25", "trappe_vaegt_kg": "140",
                                            "dato": "2025-06-01"})
    assert any("Borgeren bor på stueetagen." in t["tekst"] for t in s["forklaring"])
    s1 = calculators.beregn("flexhandicap", {"alder": "60", "ture_brugt": "0", "ture_oensket": "1", "ledsagere": "0",
                                             "medbring": "nej", "koeretoej": "nej", "trappe": "ja",
                                             "manuel_koerestol": "ja", "etage": "1", "repos_cm": "130",
                                             "trinhoejde_cm": "18", "trindybde_cm": "25", "trappe_vaegt_kg": "140",
                                             "dato": "2025-06-01"})
    assert any("Borgeren bor på 1. sal." in t["tekst"] for t in s1["forklaring"])
