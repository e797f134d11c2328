"""Free choice of aid, supplier or tradesman (§ 112, stk. 3–4; § 116, stk. 2; Bilag 3 and 6)."""
from decimal import Decimal

from hypothesis import given, settings, strategies as st

import calculators
from calculators.frit_valg import BEREGNER

HJ = {"omraade": "hjaelpemiddel_aftale", "arbejdsredskab": "nej", "identisk": "nej",
      "foer_bevilling": "nej", "samme_varekategori": "ja", "kropsbaaret": "nej",
      "pris_valgt": "12.000", "pris_leverandoer": "9.500", "dato": "2025-03-01"}
BO = {"omraade": "haandvaerker", "arbejdsredskab": "nej", "foer_bevilling": "nej", "forening": "nej",
      "faglaert": "ja", "materialer_ok": "ja", "pris_valgt": "30.000", "pris_haandvaerker": "25.000",
      "dato": "2025-03-01"}


def poster(raw):
    s = calculators.beregn("frit_valg", raw)
    assert s["ok"], s
    return {p["id"]: p["vaerdi"] for p in s["result"]["poster"]}, s


def test_refund_is_capped_at_the_kommunes_price_and_the_citizen_pays_the_rest():
    p, s = poster(HJ)
    assert (p["refusion"], p["egenbetaling"]) == (9500, 2500)
    assert s["forklaring"][0]["bilag"] == 1 and s["forklaring"][0]["regel"] == "R-L06"
    p, _ = poster(BO)
    assert (p["refusion"], p["egenbetaling"]) == (25000, 5000)


def test_a_cheaper_choice_is_refunded_at_its_own_price_never_more():
    p, _ = poster(HJ | {"pris_valgt": "8.000"})
    assert (p["refusion"], p["egenbetaling"]) == (8000, 0)
    assert "ejer" not in p  # no extra price paid: Bilag 6 says nothing about ownership then
    p, s = poster(BO | {"pris_valgt": "20.000"})
    assert (p["refusion"], p["egenbetaling"]) == (20000, 0)
    assert any(t["fortolkning"] and t["fortolkning"]["id"] == "hoejst-kommunens-pris" for t in s["forklaring"])


def test_only_the_questions_for_the_chosen_area_are_asked():
    # a tradesman case needs no answer about identical aids or product categories
    assert calculators.beregn("frit_valg", BO)["ok"]
    s = calculators.beregn("frit_valg", {"omraade": "haandvaerker", "arbejdsredskab": "nej",
                                         "foer_bevilling": "nej", "forening": "nej"})
    assert {f["felt"] for f in s["fejl"]} == {"faglaert", "materialer_ok", "pris_valgt", "pris_haandvaerker"}


def test_exclusions_give_no_refund_and_say_why():
    for raw, kilde in [
        (HJ | {"identisk": "ja"}, (1, [10863, 10865])),
        (HJ | {"arbejdsredskab": "ja"}, (6, [12770, 12771])),
        (HJ | {"foer_bevilling": "ja"}, (3, [11386, 11387])),
        (BO | {"forening": "ja", "forening_godkendt": "nej"}, (6, [12786, 12789])),
        (BO | {"faglaert": "nej"}, (6, [12776, 12784])),
        (BO | {"materialer_ok": "nej"}, (6, [12776, 12784])),
        (BO | {"foer_bevilling": "ja"}, (3, [11615, 11616])),
    ]:
        p, s = poster(raw)
        assert p["refusion"] == 0 and p["egenbetaling"] == float(raw["pris_valgt"].replace(".", "")), raw
        assert kilde in [(t["bilag"], t["linjer"]) for t in s["forklaring"]], raw


def test_ownership_after_paying_an_extra_price():
    p, _ = poster(HJ)
    assert p["ejer"] is None
    _, s = poster(HJ)
    tekst = {x["id"]: x["tekst"] for x in s["result"]["poster"]}
    assert tekst["ejer"].startswith("Gladsaxe Kommune")
    _, s = poster(HJ | {"kropsbaaret": "ja"})
    assert {x["id"]: x["tekst"] for x in s["result"]["poster"]}["ejer"].startswith("Ikke Gladsaxe")


def test_every_step_cites_a_rule_and_every_interpretation_is_used_somewhere():
    brugte = set()
    for raw in (HJ, HJ | {"samme_varekategori": "nej", "foer_bevilling": "ja"}, BO,
                BO | {"foer_bevilling": "ja"}):
        _, s = poster(raw)
        for t in s["forklaring"]:
            assert t["regel"], t
            if t["fortolkning"]:
                brugte.add(t["fortolkning"]["id"])
    assert brugte == {f.id for f in BEREGNER.fortolkninger}


def test_the_calculator_reads_no_rates_because_the_source_gives_no_numbers():
    assert BEREGNER.satser == ()


@settings(max_examples=300, deadline=None)
@given(st.integers(0, 10**9), st.integers(0, 10**9), st.sampled_from(["hjaelpemiddel_aftale",
       "hjaelpemiddel_uden_aftale", "haandvaerker"]))
def test_refund_plus_own_payment_is_the_price(valgt_oere, ref_oere, omraade):
    valgt, ref = Decimal(valgt_oere) / 100, Decimal(ref_oere) / 100
    felt = {"hjaelpemiddel_aftale": "pris_leverandoer", "hjaelpemiddel_uden_aftale": "pris_bedst_billigst",
            "haandvaerker": "pris_haandvaerker"}[omraade]
    raw = (BO if omraade == "haandvaerker" else HJ | {"omraade": omraade}) | {
        "pris_valgt": str(valgt), felt: str(ref)}
    raw.pop("pris_leverandoer", None) if omraade == "hjaelpemiddel_uden_aftale" else None
    p, _ = poster(raw)
    assert abs(p["refusion"] + p["egenbetaling"] - float(valgt)) < 0.005
    assert p["refusion"] <= float(min(valgt, ref)) + 0.005
