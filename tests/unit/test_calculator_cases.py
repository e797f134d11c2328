"""Every reference case in calculators/cases/ gives the expected answer in CPython."""
import os
from datetime import date

import pytest

from casecheck import afvigelser
from export_cases import alle_cases

import calculators

# scripts/mutation.py runs the cases of one calculator at a time (KVH_KUN_BEREGNER=bil,...).
KUN = set(filter(None, os.environ.get("KVH_KUN_BEREGNER", "").split(",")))
CASES = [c for c in alle_cases() if not KUN or c["beregner"] in KUN]


@pytest.mark.parametrize("case", CASES, ids=[f"{c['beregner']}: {c['navn']}" for c in CASES])
def test_reference_case(case):
    raw = dict(case["input"])
    if "dato" in case:
        raw["dato"] = case["dato"].isoformat() if isinstance(case["dato"], date) else case["dato"]
    svar = calculators.beregn(case["beregner"], raw)
    assert afvigelser(case, svar) == []


def test_every_case_cites_a_source_the_calculator_uses():
    """A case names the lines it tests: in a standard the calculator uses, an appendix, or a document."""
    for case in CASES:
        beregner = calculators.BEREGNERE[case["beregner"]]
        kilde = case["kilde"]
        assert "linjer" in kilde, case["navn"]
        if "standard" in kilde:
            assert kilde["standard"] in beregner.standarder, case["navn"]
        else:
            assert "bilag" in kilde or kilde.get("dokument") in calculators.DOKUMENTER, case["navn"]


def test_every_calculator_has_cases_for_success_and_for_bad_input():
    for bid in KUN or calculators.BEREGNERE:
        mine = [c for c in CASES if c["beregner"] == bid]
        assert any(c["forventet"]["ok"] for c in mine), bid
        assert any(not c["forventet"]["ok"] for c in mine), bid


def test_a_key_written_twice_in_a_case_file_is_refused():
    import yaml
    from export_cases import LOADER
    with pytest.raises(yaml.constructor.ConstructorError, match="ikke_poster står to gange"):
        yaml.load("forventet:\n  ikke_poster: [a]\n  ok: true\n  ikke_poster: [b]\n", Loader=LOADER)
    assert yaml.load("a: 1\nb: {a: 2}\n", Loader=LOADER) == {"a": 1, "b": {"a": 2}}
    assert yaml.load("x: &f {a: 1, b: 2}\ny: {<<: *f, b: 3}\n", Loader=LOADER)["y"] == {"a": 1, "b": 3}, \
        "overriding a merged default is allowed"
