"""Engangsbeløb ved hastigt fremadskridende sygdom (standard #10, 905–986; R017–R020, R-L02; M01, A27)."""
import copy
import json
from pathlib import Path

from hypothesis import given, settings, strategies as st

import calculators
from calculators.katalog import fra_data
from beregnerhjaelp import poster

ROOT = Path(__file__).resolve().parents[2]
STD = "hjaelp-og-stoette-til-borgere-med-en-hastigt-fremadskridende-sygdom"


def svar(katalog=None, **felter):
    raw = {"almindelig_berettiget": "nej", "tidligere_bevilget": "nej", "dato": "2025-06-01"} | felter
    return calculators.beregn("engangsbeloeb_117a", raw, katalog)


def test_the_2023_amount_is_quoted_but_never_used_as_this_years_maximum():
    s = svar(pris_83="100")
    assert [f["felt"] for f in s["fejl"]] == ["maksimum"]
    # Why the number is needed and where it comes from (the 2023 level, regulated yearly).
    besked = s["fejl"][0]["besked"]
    assert besked.startswith("Udfyld feltet. Beregneren skal bruge dette tal")
    assert "2023-niveau (39.750 kr.)" in besked and "statens takstblad" in besked and "linje 958–960" in besked
    s = svar(maksimum="50000", pris_83="45000")
    trin = s["forklaring"][0]
    assert "39.750 kr." in trin["tekst"] and "2023" in trin["tekst"]
    assert trin["sats"]["vaerdi"] is None and trin["sats"]["mangler"]
    assert trin["fortolkning"]["id"] == "aarets-beloeb"
    assert poster(s)["rest"] == 5000


def test_a_maximum_in_the_catalogue_replaces_the_question():
    data = copy.deepcopy(json.loads((ROOT / "calculators" / "data" / "katalog.json").read_text("utf-8")))
    data["satser"]["engangsbeloeb_117a.maksimum"]["vaerdier"].append(
        {"gyldig_fra": "2026-01-01", "vaerdi": 42000, "kilde": {"linjer": [958, 960], "citat": "test"}})
    katalog = fra_data(data)
    p = poster(svar(katalog, pris_116="2000", dato="2026-03-01"))
    assert p["rest"] == 40000


def test_equal_to_the_maximum_fits_and_one_oere_more_does_not():
    assert poster(svar(maksimum="1000", pris_83="600", pris_97="400"))["inden_for_maksimum"] is True
    p = poster(svar(maksimum="1000", pris_83="600", pris_97="400,01"))
    assert p["inden_for_maksimum"] is False and p["overskridelse"] == 0.01 and "rest" not in p


def test_other_help_is_shown_but_not_counted():
    p = poster(svar(maksimum="1000", pris_112="1000", pris_andet="5000"))
    assert p["samlet_pris"] == 1000 and p["daekkes_ikke"] == 5000 and p["inden_for_maksimum"] is True


def test_ordinary_eligibility_and_earlier_grant_stop_before_any_amount():
    s = calculators.beregn("engangsbeloeb_117a", {"almindelig_berettiget": "ja"})
    assert poster(s) == {"ydes_efter_117a": False}
    assert s["forklaring"][0]["linjer"] == [973, 975] and s["forklaring"][0]["regel"] == "R020"
    s = svar(tidligere_bevilget="ja")
    assert poster(s) == {"ydes_efter_117a": False}
    assert [(t["bilag"], t["linjer"], t["regel"]) for t in s["forklaring"]][-1] == (1, [10989, 10990], "R-L02")


def test_every_step_cites_the_standard_lines_and_a_rule():
    s = svar(maksimum="41000", pris_83="1", pris_97="2", pris_112="3", pris_116="4", pris_andet="5")
    for t in s["forklaring"]:
        assert t["standard"]["id"] == STD and 905 <= t["linjer"][0] <= t["linjer"][1] <= 986
        assert t["regel"] in ("R017", "R018", "R019")


@settings(max_examples=200, deadline=None)
@given(maks=st.integers(1, 100_000), priser=st.lists(st.integers(0, 40_000), min_size=4, max_size=4))
def test_rest_plus_total_is_the_maximum_or_the_excess_is_reported(maks, priser):
    felter = dict(zip(("pris_83", "pris_97", "pris_112", "pris_116"), map(str, priser)))
    p = poster(svar(maksimum=str(maks), **felter))
    assert p["samlet_pris"] == sum(priser)
    if sum(priser) == 0:  # nothing chosen under the four paragraphs: no "Ja" to give
        assert p["inden_for_maksimum"] is None and p["rest"] == maks
    elif sum(priser) <= maks:
        assert p["inden_for_maksimum"] is True and p["rest"] + p["samlet_pris"] == maks
    else:
        assert p["inden_for_maksimum"] is False and p["overskridelse"] == sum(priser) - maks
