"""Every reference case in calculators/cases/ gives the expected answer in CPython."""
from datetime import date

import pytest

from casecheck import afvigelser
from export_cases import alle_cases

import calculators

CASES = alle_cases()


@pytest.mark.parametrize("case", CASES, ids=[f"{c['beregner']}: {c['navn']}" for c in CASES])
def test_reference_case(case):
    raw = dict(case["input"])
    if "dato" in case:
        raw["dato"] = case["dato"].isoformat() if isinstance(case["dato"], date) else case["dato"]
    svar = calculators.beregn(case["beregner"], raw)
    assert afvigelser(case, svar) == []


def test_every_case_cites_a_standard_the_calculator_uses():
    for case in CASES:
        beregner = calculators.BEREGNERE[case["beregner"]]
        assert case["kilde"]["standard"] in beregner.standarder, case["navn"]


def test_every_calculator_has_cases_for_success_and_for_bad_input():
    for bid in calculators.BEREGNERE:
        mine = [c for c in CASES if c["beregner"] == bid]
        assert any(c["forventet"]["ok"] for c in mine), bid
        assert any(not c["forventet"]["ok"] for c in mine), bid
