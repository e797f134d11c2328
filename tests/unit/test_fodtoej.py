"""Orthopaedic footwear (standard #48, lines 3796–3899; rules R122–R128, M11, M12, A15)."""
from decimal import Decimal
from functools import partial

from hypothesis import given, settings, strategies as st

import calculators
from beregnerhjaelp import katalog_med_satser, poster

FODTOEJ = "ortopaedisk-fodtoej-og-fodindlaeg"


def svar(katalog=None, **raw):
    return calculators.beregn("fodtoej", {"dato": "2025-06-01"} | raw, katalog)


katalog_med = partial(katalog_med_satser, "fodtoej")


def test_missing_tariff_numbers_are_asked_not_invented():
    felter = {f.id: f for f in calculators.BEREGNERE["fodtoej"].felter}
    assert felter["maks_tilskud"].erstatter_sats == "fodtoej.maks_tilskud_almindeligt_fodtoej"
    assert felter["egenbetaling_takst"].erstatter_sats == "fodtoej.egenbetaling_ortopaedisk"
    s = svar(spoergsmaal="skonummer", str_venstre="40", str_hoejre="42", samlet_udgift="800")
    p = {x["id"]: x for x in s["result"]["poster"]}
    assert p["tilskud"]["vaerdi"] == 400 and "ikke er oplyst" in p["tilskud"]["tekst"]
    trin = next(t for t in s["forklaring"] if t["linjer"] == [3834, 3836])
    assert trin["fortolkning"]["id"] == "loft-ikke-oplyst" and trin["sats"]["vaerdi"] is None


def test_a_cap_in_the_catalogue_replaces_the_question():
    katalog = katalog_med(maks_tilskud_almindeligt_fodtoej=300, egenbetaling_ortopaedisk=1000)
    s = svar(katalog, dato="2026-03-01", spoergsmaal="skonummer", str_venstre="40", str_hoejre="43",
             samlet_udgift="800", maks_tilskud="999")  # the typed value is ignored once the rate exists
    assert poster(s)["tilskud"] == 300
    s = svar(katalog, dato="2026-03-01", spoergsmaal="skonummer", str_venstre="40", str_hoejre="43",
             samlet_udgift="800")
    assert poster(s)["tilskud"] == 300 and poster(s)["egenbetaling"] == 500
    p = poster(svar(katalog, dato="2026-03-01", spoergsmaal="egenbetaling", pris="2500", vaernefodtoej="nej"))
    assert p["egenbetaling"] == 1000 and p["kommunen"] == 1500


def test_difference_is_symmetric_and_two_whole_sizes_is_the_threshold():
    for v, h, ja in (("42", "40", True), ("40", "42", True), ("40", "41,5", False), ("39,5", "41,5", True)):
        assert poster(svar(spoergsmaal="skonummer", str_venstre=v, str_hoejre=h))["berettiget"] is ja, (v, h)
    s = svar(spoergsmaal="skonummer", str_venstre="40", str_hoejre="41,5")
    assert s["forklaring"][0]["fortolkning"]["id"] == "hele-skonumre"
    assert s["forklaring"][0]["regel"] == "R123"


def test_spare_footwear_date_is_clamped_to_the_end_of_the_month():
    for foerste, tidligst in (("2024-11-30", "2025-02-28"), ("2023-11-30", "2024-02-29"),
                              ("2025-01-31", "2025-04-30"), ("2025-10-15", "2026-01-15")):
        s = svar(spoergsmaal="reserve", foerstegang="ja", foerste_bevilling=foerste, reserve_dato=tidligst)
        assert poster(s)["reserve_tidligst"] == tidligst and poster(s)["reserve_kan_bevilges"] is True
    s = svar(spoergsmaal="reserve", foerstegang="ja", foerste_bevilling="2025-01-31", reserve_dato="2025-04-29")
    assert poster(s)["reserve_kan_bevilges"] is False


def test_age_18_is_read_as_adult_and_the_reading_is_shown():
    s = svar(spoergsmaal="udskiftning", alder="18")
    assert poster(s)["regel"] == "udskiftning"
    assert s["forklaring"][0]["fortolkning"]["id"] == "fyldt-18"
    assert svar(spoergsmaal="udskiftning", alder="19")["forklaring"][0]["fortolkning"] is None
    assert poster(svar(spoergsmaal="udskiftning", alder="0"))["regel"] == "efter_behov"


def test_employer_part_never_exceeds_what_is_left():
    p = poster(svar(spoergsmaal="egenbetaling", pris="1000", egenbetaling_takst="700", vaernefodtoej="ja",
                    vaerne_udgift="500"))
    assert p == {"egenbetaling": 700, "arbejdsgiver": 300, "kommunen": 0}


def test_every_step_cites_standard_48_and_a_rule():
    s = svar(spoergsmaal="egenbetaling", pris="1000", vaernefodtoej="ja", vaerne_udgift="200")
    for t in s["forklaring"]:
        assert t["standard"]["id"] == FODTOEJ and t["regel"]
        assert 3796 <= t["linjer"][0] <= t["linjer"][1] <= 3899


@settings(max_examples=200, deadline=None)
@given(st.integers(30, 100).map(lambda x: Decimal(x) / 2), st.integers(30, 100).map(lambda x: Decimal(x) / 2),
       st.integers(0, 1_000_000))
def test_grant_is_half_and_parts_add_up(v, h, oere):
    udgift = Decimal(oere) / 100
    p = poster(svar(spoergsmaal="skonummer", str_venstre=str(v).replace(".", ","),
                    str_hoejre=str(h).replace(".", ","), samlet_udgift=f"{udgift:.2f}".replace(".", ",")))
    assert p["berettiget"] is (abs(v - h) >= 2)
    if p["berettiget"]:
        assert abs(Decimal(str(p["tilskud"])) - udgift / 2) <= Decimal("0.005")
        assert Decimal(str(p["tilskud"])) + Decimal(str(p["egenbetaling"])) == udgift
