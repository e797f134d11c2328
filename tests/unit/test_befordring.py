"""Befordring to genoptræning efter sundhedsloven § 140 (Bilag 9 guide, standard #123).

Expected values are worked out by hand from 003_a9efded0fbb87759.txt: pensioners 48 kr. t/r
(15246–15249), others 113 kr. t/r (15229–15235), 50 km (15266–15270); the godtgørelse is the
whole cost once it is strictly above the limit (15318–15325, Fortolkning "hele-udgiften").
"""
import copy
import json
from pathlib import Path

import pytest

import calculators
from calculators.katalog import fra_data
from beregnerhjaelp import poster

ID = "befordring_genoptraening"
STANDARD = "befordring-og-befordringsgodtgoerelse-ved-genoptraening-efter-sundhedsloven"
ROOT = Path(__file__).resolve().parents[2]


def kør(**raw):
    return calculators.beregn(ID, raw | {"dato": "2025-06-01"})


# (pensionist, kan_klare, kantsten) -> (bevilges, limit, lines of the leaf)
VEJE = [
    ("ja", "ja", None, False, 48, [15246, 15249]),
    ("ja", "nej", "ja", False, 48, [15272, 15277]),
    ("ja", "nej", "nej", True, 48, [15257, 15263]),
    ("nej", "nej", "ja", False, 113, [15280, 15285]),
    ("nej", "nej", "nej", True, 113, [15229, 15235]),
]


@pytest.mark.parametrize("pension,klarer,kantsten,bevilges,graense,linjer", VEJE)
def test_each_path_of_the_guide_gives_its_outcome_and_limit(pension, klarer, kantsten, bevilges, graense, linjer):
    raw = {"pensionist": pension, "kan_klare": klarer, "udgift": str(graense)}
    if kantsten:
        raw["kantsten"] = kantsten
    svar = kør(**raw)
    p = poster(svar)
    assert p["befordring_bevilges"] is bevilges
    assert p["graense"] == graense
    # A cost equal to the limit does not "overstige" it.
    assert p["godtgoerelse"] == 0
    leaf = [t for t in svar["forklaring"] if t["bilag"] == 9 and t["linjer"] == linjer]
    assert leaf and leaf[0]["fortolkning"]["id"] == "ja-nej-genopbygget"
    assert leaf[0]["regel"] == "R-B9-5"


@pytest.mark.parametrize("pension,graense", [("ja", 48), ("nej", 113)])
def test_the_whole_cost_is_reimbursed_once_it_is_above_the_limit(pension, graense):
    raw = {"pensionist": pension, "kan_klare": "nej", "kantsten": "ja"}
    assert poster(kør(**raw, udgift=f"{graense},01"))["godtgoerelse"] == pytest.approx(graense + 0.01)
    assert poster(kør(**raw, udgift="500"))["godtgoerelse"] == 500
    svar = kør(**raw, udgift="500")
    trin = [t for t in svar["forklaring"] if t["fortolkning"] and t["fortolkning"]["id"] == "hele-udgiften"]
    assert trin and trin[0]["sats"]["vaerdi"] == graense and trin[0]["sats"]["kilde"]["bilag"] == 9


def test_non_pensioner_who_manages_depends_only_on_the_50_km_rule():
    ved = poster(kør(pensionist="nej", kan_klare="ja", afstand_km="50", udgift="1000"))
    assert ved["berettiget_godtgoerelse"] is False and ved["godtgoerelse"] == 0
    over = poster(kør(pensionist="nej", kan_klare="ja", afstand_km="50,1", udgift="20"))
    # No kr. limit is stated for this outcome: even 20 kr. is reimbursed in full.
    assert over["berettiget_godtgoerelse"] is True and over["godtgoerelse"] == 20
    assert "graense" not in over


def test_the_standards_criteria_are_explained():
    svar = kør(pensionist="nej", kan_klare="ja", afstand_km="51")
    trin = next(t for t in svar["forklaring"] if t["standard"] and t["standard"]["id"] == STANDARD)
    assert trin["linjer"] == [10047, 10053] and trin["regel"] == "R252"
    assert "2) afstanden" in trin["tekst"] and trin["sats"]["vaerdi"] == 50
    ingen = kør(pensionist="nej", kan_klare="ja", afstand_km="3")
    trin = next(t for t in ingen["forklaring"] if t["standard"])
    assert "ingen af dem opfyldt" in trin["tekst"]


def test_questions_are_asked_only_where_the_guide_asks_them():
    # A pensioner is never asked about distance; the kerb question only follows "Nej".
    assert poster(kør(pensionist="ja", kan_klare="ja"))["godtgoerelse"] is None
    svar = kør(pensionist="ja", kan_klare="nej")
    assert [f["felt"] for f in svar["fejl"]] == ["kantsten"]
    svar = kør(pensionist="nej", kan_klare="ja")
    assert [f["felt"] for f in svar["fejl"]] == ["afstand_km"]


def test_bad_inputs_get_danish_messages():
    svar = kør(pensionist="nej", kan_klare="ja", afstand_km="-3", udgift="abc")
    beskeder = {f["felt"]: f["besked"] for f in svar["fejl"]}
    assert beskeder["afstand_km"] == "Tallet kan ikke være negativt."
    assert beskeder["udgift"].startswith("Skriv et beløb i kroner")


def test_limits_come_from_the_dated_rates():
    data = copy.deepcopy(json.loads((ROOT / "calculators" / "data" / "katalog.json").read_text("utf-8")))
    data["satser"]["befordring.genoptraening_graense_pensionist"]["vaerdier"].append(
        {"gyldig_fra": "2026-01-01", "vaerdi": 50, "kilde": {"linjer": [1, 1], "citat": "test"}})
    katalog = fra_data(data)
    raw = {"pensionist": "ja", "kan_klare": "ja", "udgift": "49"}
    def godtgoerelse(dato):
        return poster(calculators.beregn(ID, raw | {"dato": dato}, katalog))["godtgoerelse"]
    assert godtgoerelse("2025-12-31") == 49
    assert godtgoerelse("2026-01-01") == 0


def test_the_reimbursement_row_says_if_it_is_instead_of_granted_transport():
    def etiket(**svar):
        s = calculators.beregn("befordring_genoptraening", svar | {"dato": "2025-06-01", "udgift": "200"})
        return next(p["label"] for p in s["result"]["poster"] if p["id"] == "godtgoerelse")
    assert etiket(pensionist="nej", kan_klare="ja", afstand_km="60") == "Godtgørelse pr. tur/retur"
    assert etiket(pensionist="ja", kan_klare="ja") == "Godtgørelse pr. tur/retur"
    assert etiket(pensionist="nej", kan_klare="nej", kantsten="nej") == (
        "Godtgørelse pr. tur/retur, hvis borgeren selv sørger for befordringen")
