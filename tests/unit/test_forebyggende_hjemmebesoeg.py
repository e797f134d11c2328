"""Forebyggende hjemmebesøg (standard #1, lines 102–187; rules R001–R006, R-L01; ambiguities A10, A11)."""
import copy
import json
from pathlib import Path

import calculators
from calculators.katalog import fra_data
from beregnerhjaelp import poster

ROOT = Path(__file__).resolve().parents[2]
STD = "forebyggende-hjemmebesoeg"


def svar(foedt, dag, hjaelp="ingen", alene="nej", situation="ingen", katalog=None):
    raw = {"foedselsdato": foedt, "besoegsdato": dag, "hjemmehjaelp": hjaelp, "bor_alene": alene,
           "situation": situation, "dato": "2025-06-01"}
    return calculators.beregn("forebyggende_hjemmebesoeg", raw, katalog)


def test_the_75_and_80_visits_follow_the_calendar_year_of_the_birthday():
    # "i deres fyldte 75. år" / "i deres 80. år" (151–153) read as the year the citizen turns 75 / 80
    assert poster(svar("1950-12-31", "2025-01-01"))["besoeg_foerste_alder"] is True
    assert poster(svar("1950-01-01", "2025-12-31"))["besoeg_foerste_alder"] is True
    assert "besoeg_foerste_alder" not in poster(svar("1950-01-01", "2026-01-01"))
    assert poster(svar("1945-06-01", "2025-02-01"))["besoeg_andet_alder"] is True
    # the year the citizen turns 79 is not "the 80th year"
    assert poster(svar("1946-06-01", "2025-07-01"))["tilbydes"] is False


def test_the_70_visit_needs_living_alone():
    assert poster(svar("1955-03-01", "2025-10-01", alene="ja"))["besoeg_bor_alene"] is True
    p = poster(svar("1955-03-01", "2025-10-01", alene="nej"))
    assert p["tilbydes"] is False and "besoeg_bor_alene" not in p


def test_annual_visit_from_the_year_of_turning_82_and_every_later_year():
    for foedt in ("1943-12-31", "1943-01-01", "1930-06-15", "1920-02-29"):
        assert poster(svar(foedt, "2025-06-01"))["besoeg_aarligt"] is True, foedt
    assert poster(svar("1944-01-01", "2025-12-31"))["tilbydes"] is False  # turns 82 only in 2026


def test_situations_count_only_between_65_and_81_on_the_date():
    for situation in ("mistet_aegtefaelle", "hospital", "egen_laege", "rehabiliteringsteam", "andre"):
        assert poster(svar("1960-07-01", "2025-07-01", situation=situation))["besoeg_situation"] is True
        assert "besoeg_situation" not in poster(svar("1960-07-01", "2025-06-30", situation=situation))
    assert poster(svar("1943-07-01", "2025-06-30", situation="andre"))["besoeg_situation"] is True  # 81
    assert "besoeg_situation" not in poster(svar("1943-07-01", "2025-07-01", situation="andre"))  # 82


def test_personal_care_and_practical_help_excludes_everything():
    s = svar("1935-01-01", "2025-06-01", hjaelp="begge", alene="ja", situation="hospital")
    assert poster(s) == {"alder": 90, "fylder_i_aar": 90, "tilbydes": False}
    trin = s["forklaring"]
    assert (trin[0]["standard"]["id"], trin[0]["linjer"], trin[0]["regel"]) == (STD, [129, 130], "R002")
    assert (trin[1]["bilag"], trin[1]["linjer"], trin[1]["regel"]) == (1, [10539, 10541], "R-L01")


def test_only_personal_care_is_left_open_with_the_interpretation_shown():
    s = svar("1950-09-01", "2025-03-01", hjaelp="personlig")
    p = {x["id"]: x for x in s["result"]["poster"]}
    assert p["tilbydes"]["vaerdi"] is None
    assert "Spørg kommunen" in p["tilbydes"]["tekst"] and "75 år" in p["tilbydes"]["tekst"]
    assert s["forklaring"][0]["fortolkning"]["id"] == "kun-personlig-pleje"


def test_every_step_cites_standard_lines_and_rule_and_age_steps_carry_the_rate():
    s = svar("1955-12-31", "2025-01-02", hjaelp="praktisk", alene="ja", situation="mistet_aegtefaelle")
    for t in s["forklaring"]:
        assert t["standard"]["id"] == STD and 102 <= t["linjer"][0] <= t["linjer"][1] <= 187
        assert t["regel"] in ("R001", "R003", "R004", "R005", "R006")
    alder_trin = [t for t in s["forklaring"] if t["regel"] in ("R003", "R004")]
    assert {t["sats"]["vaerdi"] for t in alder_trin} == {65, 70}
    assert all(t["fortolkning"]["id"] == "aldersaar-kalenderaar" for t in alder_trin)


def test_age_limits_come_from_the_dated_rates():
    data = json.loads((ROOT / "calculators" / "data" / "katalog.json").read_text("utf-8"))
    data = copy.deepcopy(data)
    data["satser"]["forebyggende_hjemmebesoeg.alder_aarligt_fra"]["vaerdier"].append(
        {"gyldig_fra": "2026-01-01", "vaerdi": 85, "kilde": {"linjer": [154, 154], "citat": "test"}})
    katalog = fra_data(data)
    raw = {"foedselsdato": "1943-03-01", "besoegsdato": "2025-06-01", "hjemmehjaelp": "ingen",
           "bor_alene": "nej", "situation": "ingen"}
    assert poster(calculators.beregn("forebyggende_hjemmebesoeg", raw | {"dato": "2025-12-31"}, katalog))[
        "besoeg_aarligt"] is True
    p = poster(calculators.beregn("forebyggende_hjemmebesoeg", raw | {"dato": "2026-01-01"}, katalog))
    assert p["tilbydes"] is False


def test_date_before_birth_is_a_danish_field_error():
    s = svar("1950-09-01", "1950-08-31")
    assert s == {"ok": False, "fejl": [{"felt": "besoegsdato",
                                        "besked": "Datoen ligger før borgerens fødselsdato. Tjek de to datoer."}]}
    assert poster(svar("1950-09-01", "1950-09-01"))["alder"] == 0


def test_interpretations_used_are_declared():
    b = calculators.BEREGNERE["forebyggende_hjemmebesoeg"]
    assert {f.id for f in b.fortolkninger} == {"aldersaar-kalenderaar", "kun-personlig-pleje"}
