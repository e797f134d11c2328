"""Støtte til køb af bil (standard #124, lines 10099–10300; rules R254–R260, R-L10; ambiguity A12)."""
import copy
import json
from decimal import Decimal
from pathlib import Path

from hypothesis import given, settings, strategies as st

import calculators
from calculators.katalog import fra_data
from beregnerhjaelp import poster

ROOT = Path(__file__).resolve().parents[2]
STD = "stoette-til-koeb-af-bil"


def svar(laan_dato="2025-01-01", opg="2025-01-01", pris="96000", ramme="100000", katalog=None, **ekstra):
    raw = {"biltype": "personbil", "ramme_personbil": ramme, "pris_billigst": pris, "anden_model": "nej",
           "med_indkomst": "nej", "laanedato": laan_dato, "opgoerelsesdato": opg, "dato": "2025-06-01"} | ekstra
    return calculators.beregn("bil", raw, katalog)


def test_earliest_replacement_is_eight_years_after_the_loan():
    assert poster(svar("2023-01-31", "2025-01-31"))["tidligst_udskiftning"] == "2031-01-31"
    assert poster(svar("2024-02-29", "2025-01-31"))["tidligst_udskiftning"] == "2032-02-29"
    assert poster(svar("2020-02-29", "2025-01-31"))["tidligst_udskiftning"] == "2028-02-29"
    assert poster(svar("2021-02-28", "2025-01-31"))["tidligst_udskiftning"] == "2029-02-28"


def test_whole_months_end_on_the_same_day_or_the_last_day_of_a_shorter_month():
    assert poster(svar("2025-01-31", "2025-02-27"))["maaneder_gaaet"] == 0
    assert poster(svar("2025-01-31", "2025-02-28"))["maaneder_gaaet"] == 1
    assert poster(svar("2025-01-31", "2025-03-30"))["maaneder_gaaet"] == 1
    assert poster(svar("2025-01-31", "2025-03-31"))["maaneder_gaaet"] == 2


def test_loan_is_capped_by_the_ceiling_and_the_citizen_pays_the_rest():
    p = poster(svar(pris="120000", ramme="100000"))
    assert p["laan"] == 100000 and p["egen_betaling"] == 20000
    s = svar(pris="120000", ramme="100000")
    assert any(t["bilag"] == 1 and t["linjer"] == [10925, 10927] for t in s["forklaring"])


def test_ceiling_from_the_catalogue_replaces_the_question():
    data = copy.deepcopy(json.loads((ROOT / "calculators" / "data" / "katalog.json").read_text("utf-8")))
    data["satser"]["bil.laaneramme_personbil"]["vaerdier"].append(
        {"gyldig_fra": "2026-01-01", "vaerdi": 90000, "kilde": {"linjer": [10152, 10153], "citat": "test"}})
    katalog = fra_data(data)
    raw = {"biltype": "personbil", "pris_billigst": "96000", "anden_model": "nej", "med_indkomst": "nej",
           "laanedato": "2026-02-01", "opgoerelsesdato": "2026-02-01"}
    assert poster(calculators.beregn("bil", raw | {"dato": "2026-01-01"}, katalog))["laan"] == 90000
    s = calculators.beregn("bil", raw | {"dato": "2025-12-31"}, katalog)
    assert [f["felt"] for f in s["fejl"]] == ["ramme_personbil"]
    # The message says why the number is needed and where it would come from.
    assert s["fejl"][0]["besked"].startswith("Udfyld feltet. Beregneren skal bruge dette tal")
    assert "statens takstblad" in s["fejl"][0]["besked"] and "linje 10152–10153" in s["fejl"][0]["besked"]


def test_income_rule_uses_twenty_percent_of_the_income_above_the_threshold():
    p = poster(svar(pris="192000", ramme="200000", med_indkomst="ja", indkomstgrundlag="260000",
                    indkomstgraense="250000"))
    assert p["afdragspligtig_del"] == 96000 + 2000 and p["afdragsfri_del"] == 96000 - 2000
    s = svar(pris="192000", ramme="200000", med_indkomst="ja", indkomstgrundlag="260000", indkomstgraense="250000")
    trin = next(t for t in s["forklaring"] if t["fortolkning"] and t["fortolkning"]["id"] == "indkomst-20-procent")
    assert trin["sats"]["vaerdi"] == 20 and trin["linjer"] == [10216, 10221] and trin["regel"] == "R257"


def test_every_step_cites_the_standard_or_bilag_1_with_a_rule():
    s = svar("2023-01-31", "2025-01-31", pris="192000", ramme="200000", anden_model="ja", pris_valgt="210000")
    for t in s["forklaring"]:
        assert t["regel"] in ("R254", "R255", "R257", "R259", "R260", "R-L10")
        if t["standard"]:
            assert t["standard"]["id"] == STD and 10099 <= t["linjer"][0] <= t["linjer"][1] <= 10300
        else:
            assert t["bilag"] == 1 and 10916 <= t["linjer"][0] <= t["linjer"][1] <= 10927


@settings(max_examples=200, deadline=None)
@given(laan=st.integers(1, 500_000), indkomst=st.integers(0, 2_000_000), graense=st.integers(0, 1_000_000),
       dage=st.integers(0, 4000))
def test_balances_never_exceed_the_loan_and_shrink_with_time(laan, indkomst, graense, dage):
    from datetime import date, timedelta
    start = date(2020, 1, 15)
    felles = dict(pris=str(laan), ramme=str(laan), med_indkomst="ja", indkomstgrundlag=str(indkomst),
                  indkomstgraense=str(graense))
    p = poster(svar(start.isoformat(), (start + timedelta(days=dage)).isoformat(), **felles))
    senere = poster(svar(start.isoformat(), (start + timedelta(days=dage + 40)).isoformat(), **felles))
    assert 0 <= p["afdragspligtig_del"] <= laan and p["afdragspligtig_del"] + p["afdragsfri_del"] == laan
    assert Decimal(str(p["afdragspligtig_del"])) >= Decimal(laan) / 2 - Decimal("0.01")
    assert p["restgaeld_i_alt"] == round(p["restgaeld_afdragspligtig"] + p["restgaeld_afdragsfri"], 2)
    assert 0 <= senere["restgaeld_i_alt"] <= p["restgaeld_i_alt"] <= laan
    if p["maaneder_gaaet"] >= 96:
        assert p["restgaeld_i_alt"] == 0


def test_one_month_is_singular_and_two_are_plural():
    def raekke(opgoerelse):
        s = calculators.beregn("bil", {"biltype": "personbil", "ramme_personbil": "100000", "pris_billigst": "96000",
                                       "anden_model": "nej", "med_indkomst": "nej", "laanedato": "2025-01-15",
                                       "opgoerelsesdato": opgoerelse, "dato": "2025-06-01"})
        return next(p["tekst"] for p in s["result"]["poster"] if p["id"] == "maaneder_gaaet")
    assert raekke("2025-02-15") == "1 måned"
    assert raekke("2025-03-15") == "2 måneder"
    assert raekke("2025-01-15") == "0 måneder"
