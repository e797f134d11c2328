"""Guide-dog refund on rehoming (standard #79, lines 6486–6497; rule R172, ambiguity A4)."""
import copy
import json
from datetime import date, timedelta
from pathlib import Path

from hypothesis import given, settings, strategies as st

import calculators
from calculators.katalog import fra_data
from beregnerhjaelp import poster

ROOT = Path(__file__).resolve().parents[2]


def svar(placeret, omplaceret, pris="100.000", katalog=None, **ekstra):
    raw = {"anden_kommune": "ja", "koebspris": pris, "placeringsdato": placeret,
           "omplaceringsdato": omplaceret, "dato": "2025-06-01"} | ekstra
    return calculators.beregn("foererhund", raw, katalog)


def test_band_boundaries_follow_the_stated_reading():
    # the text's bands 0-2 / 2-4 / 4-6 overlap at 2 and 4; each band starts on its first day
    assert poster(svar("2020-05-10", "2022-05-09"))["refusion_procent"] == 75
    assert poster(svar("2020-05-10", "2022-05-10"))["refusion_procent"] == 50
    assert poster(svar("2020-05-10", "2024-05-09"))["refusion_procent"] == 50
    assert poster(svar("2020-05-10", "2024-05-10"))["refusion_procent"] == 25
    assert poster(svar("2019-05-10", "2025-05-09"))["refusion_procent"] == 25
    efter = poster(svar("2019-05-10", "2025-05-10"))
    assert efter["refusion"] is None and efter["refusion_procent"] is None


def test_years_are_calendar_years_not_365_days():
    # 1.3.2023 -> 1.3.2025 is 731 days but exactly 2 years
    assert poster(svar("2023-03-01", "2025-03-01"))["brugsperiode_aar"] == 2
    # 2 × 365 days after 1.3.2023 is 29.2.2025... which does not exist: 28.2.2025 is still under 2 years
    assert poster(svar("2023-03-01", "2025-02-28"))["brugsperiode_aar"] == 1


def test_after_six_years_the_answer_says_the_text_sets_nothing_and_cites_the_interpretation():
    s = svar("2015-01-01", "2024-01-01")
    p = {x["id"]: x for x in s["result"]["poster"]}
    assert p["refusion"]["vaerdi"] is None
    assert "ingen refusion" in p["refusion"]["tekst"]
    assert "betaling" not in p
    trin = s["forklaring"][-1]
    assert trin["fortolkning"]["id"] == "efter-6-aar" and trin["linjer"] == [6488, 6497]
    assert trin["regel"] == "R172"


def test_refund_and_who_pays_whom():
    s = svar("2024-01-01", "2025-01-01", pris="150.000")
    p = {x["id"]: x for x in s["result"]["poster"]}
    assert p["refusion"]["vaerdi"] == 112500  # 75 % of 150.000
    assert p["betaling"]["tekst"] == ("Modtagerkommunen betaler 112.500,00 kr. til den kommune, "
                                      "der afgiver førerhunden")
    assert any(t["linjer"] == [6495, 6496] for t in s["forklaring"])
    for t in s["forklaring"]:
        assert t["standard"]["id"] == "foererhund" and t["regel"] == "R172"


def test_dates_in_the_wrong_order_give_a_danish_message_next_to_the_return_date():
    s = svar("2025-03-01", "2025-02-28")
    assert s["ok"] is False
    assert s["fejl"][0]["felt"] == "omplaceringsdato"
    assert "kan ikke ligge før" in s["fejl"][0]["besked"]


def test_same_kommune_asks_nothing_more_and_gives_no_amount():
    s = calculators.beregn("foererhund", {"anden_kommune": "nej"})
    assert poster(s) == {"refusion": None}


def test_percentages_and_limits_come_from_the_dated_rates():
    data = json.loads((ROOT / "calculators" / "data" / "katalog.json").read_text("utf-8"))
    data = copy.deepcopy(data)
    data["satser"]["foererhund.refusion_periode_1_procent"]["vaerdier"].append(
        {"gyldig_fra": "2026-01-01", "vaerdi": 80, "kilde": {"linjer": [1, 1], "citat": "test"}})
    data["satser"]["foererhund.brugsperiode_3_slut_aar"]["vaerdier"].append(
        {"gyldig_fra": "2026-01-01", "vaerdi": 8, "kilde": {"linjer": [1, 1], "citat": "test"}})
    katalog = fra_data(data)
    assert poster(svar("2025-01-01", "2025-02-01", katalog=katalog))["refusion_procent"] == 75
    nu = {"dato": "2026-02-01"}
    assert poster(svar("2025-01-01", "2025-02-01", katalog=katalog, **nu))["refusion_procent"] == 80
    assert poster(svar("2018-01-01", "2025-02-01", katalog=katalog, **nu))["refusion_procent"] == 25


@settings(max_examples=300, deadline=None)
@given(st.dates(date(2000, 1, 1), date(2040, 12, 31)), st.integers(0, 4000),
       st.integers(1, 10_000_000))  # a purchase price is more than 0 kr.
def test_refund_never_exceeds_the_price_and_falls_with_time(start, dage, oere):
    pris = f"{oere // 100},{oere % 100:02d}"
    slut = start + timedelta(days=dage)
    p = poster(svar(start.isoformat(), slut.isoformat(), pris=pris))
    senere = poster(svar(start.isoformat(), (slut + timedelta(days=400)).isoformat(), pris=pris))
    if p["refusion"] is not None:
        assert 0 <= p["refusion"] <= oere / 100
        if senere["refusion"] is not None:
            assert senere["refusion_procent"] <= p["refusion_procent"]
    else:
        assert senere["refusion"] is None


def test_a_leap_day_start_is_counted_as_in_bil_one_rule_one_interpretation():
    """29.2 + 12 months = 28.2 in both calculators (calculators/datoer.py), shown as the same interpretation."""
    from calculators.datoer import MAANEDSREGEL
    hund = calculators.beregn("foererhund", {"anden_kommune": "ja", "koebspris": "100000", "dato": "2025-03-01",
                                            "placeringsdato": "2024-02-29", "omplaceringsdato": "2025-02-28"})
    bil = calculators.beregn("bil", {"biltype": "personbil", "ramme_personbil": "100000", "pris_billigst": "96000",
                                     "anden_model": "nej", "med_indkomst": "nej", "dato": "2025-06-01",
                                     "laanedato": "2024-02-29", "opgoerelsesdato": "2025-02-28"})
    assert poster(hund)["brugsperiode_aar"] == 1
    assert poster(bil)["maaneder_gaaet"] == 12
    for svar in (hund, bil):
        brugte = [t["fortolkning"] for t in svar["forklaring"] if t["fortolkning"]]
        regel = [f for f in brugte if f["id"] == MAANEDSREGEL]
        assert regel, svar["forklaring"]
    tekst = lambda svar: next(t["fortolkning"]["tekst"] for t in svar["forklaring"]  # noqa: E731
                              if t["fortolkning"] and t["fortolkning"]["id"] == MAANEDSREGEL)
    assert tekst(hund) == tekst(bil)
    assert "29. februar + 12 måneder er 28. februar" in tekst(hund)
