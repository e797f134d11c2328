"""Egenbetaling på forbrugsgoder (servicelovens § 113, Bilag 3 linje 11435–11599).

Expected amounts are worked out by hand from the Bilag 3 table
"Forbrugsgoder bevilges på følgende betingelser" (003_a9efded0fbb87759.txt).
"""
from decimal import Decimal

from hypothesis import given, settings, strategies as st

import calculators
from calculators.egenbetaling import BEREGNER
from beregnerhjaelp import poster

DATO = "2025-03-01"


def kor(**raw):
    return calculators.beregn("egenbetaling", raw | {"dato": DATO})


def test_a_gives_half_the_standard_price_and_the_citizen_owns_it():
    p = poster(kor(produkt="andet", kategori="A", standardpris="6.000", pris="6.000"))
    assert p["tilskud"] == 3000 and p["egenbetaling"] == 3000
    assert p["kategori"] == "A" and p["ejer"] == "Borgeren"


def test_a_threshold_is_strictly_more_than_500_and_goods_are_summed():
    assert poster(kor(produkt="andet", kategori="A", standardpris="500", pris="500"))["tilskud"] == 0
    p = poster(kor(produkt="andet", kategori="A", standardpris="1000", pris="500,01"))
    assert p["over_graense"] is True and p["tilskud"] == 500 and p["egenbetaling"] == 0.01
    # 300 + 250 = 550 > 500: the other good lifts the first over the threshold.
    p = poster(kor(produkt="andet", kategori="A", standardpris="400", pris="300", andre_goder="250"))
    assert p["samlet_udgift"] == 550 and p["tilskud"] == 200 and p["egenbetaling"] == 100


def test_a_replacement_and_repair_are_not_granted():
    svar = kor(produkt="andet", kategori="A", standardpris="2000", pris="2000", med_reparation="ja",
               reparation="700")
    p = poster(svar)
    assert p["reparation_kommune"] == 0 and p["reparation_borger"] == 700
    udskiftning = next(x for x in svar["result"]["poster"] if x["id"] == "udskiftning")
    assert udskiftning["tekst"] == "Ydes ikke"


def test_b_covers_up_to_best_and_cheapest_and_half_of_repairs():
    p = poster(kor(produkt="andet", kategori="B", standardpris="10000", pris="16000", bedst_billigst="14000",
                   tilbehoer="800", med_reparation="ja", reparation="1200"))
    assert p["tilskud"] == 9000           # 14.000 − 50 % af 10.000
    assert p["egenbetaling"] == 7000      # 5.000 + 2.000 over det bedst og billigst egnede
    assert p["egenbetaling_i_alt"] == 7800
    assert p["reparation_kommune"] == 600 and p["reparation_borger"] == 600


def test_c_covers_the_whole_special_fitting():
    p = poster(kor(produkt="andet", kategori="C", standardpris="10000", pris="10000", indretning="1500"))
    assert p["tilskud"] == 6500 and p["egenbetaling"] == 5000 and p["ejer"] == "Borgeren"


def test_d_is_a_loan_owned_by_the_kommune_without_egenbetaling():
    svar = kor(produkt="andet", kategori="D", tilbehoer="300", med_reparation="ja", reparation="1000",
               reparation_eget_tilbehoer="200")
    p = poster(svar)
    assert p["tilskud"] is None and p["egenbetaling"] == 0 and p["ejer"] == "Kommunen"
    assert p["reparation_kommune"] == 800 and p["reparation_borger"] == 200
    assert "samlet_udgift" not in p
    assert any(t["fortolkning"] and t["fortolkning"]["id"] == "d-uden-graense" for t in svar["forklaring"])


def test_elscooter_classification_follows_bilag_3():
    assert poster(kor(produkt="elscooter", erstatter_gang="ja"))["kategori"] == "D"
    assert poster(kor(produkt="elscooter", erstatter_gang="nej", saerlig_gruppe="ja"))["kategori"] == "D"
    p = poster(kor(produkt="elscooter", erstatter_gang="nej", saerlig_gruppe="nej", kategori_elscooter="A",
                   standardpris="6000", pris="6000"))
    assert p["kategori"] == "A"


def test_every_step_cites_an_appendix_and_section_113_is_cited():
    svar = kor(produkt="andet", kategori="C", standardpris="10000", pris="12000", indretning="1500",
               tilbehoer="100", med_reparation="ja", reparation="900", reparation_indretning="400")
    trin = svar["forklaring"]
    assert all(t["bilag"] in (1, 3) and t["regel"] for t in trin)
    assert any(t["bilag"] == 1 and t["linjer"] == [10896, 10899] for t in trin)   # § 113, stk. 4
    brugte = {t["sats"]["id"] for t in trin if t["sats"]}
    assert {"egenbetaling.forbrugsgode_mindste_udgift", "egenbetaling.forbrugsgode_egenandel_procent",
            "egenbetaling.forbrugsgode_standardpris"} <= brugte
    assert all(".." not in t["tekst"] for t in trin)


def test_the_standard_price_is_always_asked_never_invented():
    svar = kor(produkt="andet", kategori="A", pris="900")
    assert not svar["ok"] and [f["felt"] for f in svar["fejl"]] == ["standardpris"]
    sats = calculators.indlaest().sats("egenbetaling.forbrugsgode_standardpris",
                                       __import__("datetime").date(2025, 3, 1))
    assert sats.vaerdi is None and sats.mangler


def test_impossible_combinations_are_reported_in_danish_next_to_the_field():
    svar = kor(produkt="andet", kategori="B", standardpris="10000", pris="12000", bedst_billigst="9000")
    assert svar["fejl"][0]["felt"] == "bedst_billigst" and "vælg A" in svar["fejl"][0]["besked"]
    svar = kor(produkt="andet", kategori="C", standardpris="10000", pris="10000", indretning="1",
               med_reparation="ja", reparation="300", reparation_indretning="400")
    assert svar["fejl"][0]["felt"] == "reparation_indretning"
    svar = kor(produkt="andet", kategori="D", med_reparation="ja", reparation="100",
               reparation_eget_tilbehoer="101")
    assert svar["fejl"][0]["felt"] == "reparation_eget_tilbehoer"


def test_the_calculator_lists_its_rates_interpretations_and_standards():
    assert "egenbetaling.forbrugsgode_tilskud_procent" in BEREGNER.satser
    assert {f.id for f in BEREGNER.fortolkninger} >= {"tabel-genopbygget", "graense-samlet-pris",
                                                     "a-tilskud-hoejst-prisen", "elscooter-kategori"}
    assert "kabinescooter-3-hjulet-knallert" in BEREGNER.standarder


beloeb = st.decimals(0, 200_000, places=2, allow_nan=False, allow_infinity=False)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from("ABC"), beloeb, beloeb, beloeb, beloeb, beloeb, beloeb)
def test_grant_and_egenbetaling_add_up_to_the_price(kategori, s, p, q, i, andre, tilbehoer):
    s = max(s, Decimal("0.01"))
    q = max(q, s)
    raw = {"produkt": "andet", "kategori": kategori, "standardpris": str(s), "pris": str(p),
           "andre_goder": str(andre), "tilbehoer": str(tilbehoer)}
    if kategori == "B":
        raw["bedst_billigst"] = str(q)
    if kategori == "C":
        raw["indretning"] = str(i)
    x = poster(kor(**raw))
    pris = p + (i if kategori == "C" else 0)
    assert Decimal(str(x["tilskud"])) + Decimal(str(x["egenbetaling"])) == pris
    assert x["tilskud"] >= 0 and x["egenbetaling"] >= 0
    if x["over_graense"] and kategori == "A":
        assert Decimal(str(x["tilskud"])) <= (s / 2).quantize(Decimal("0.01"), rounding="ROUND_HALF_UP")
