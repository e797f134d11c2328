"""The checkers themselves catch what they should: a checker that accepts everything would let every
reference case and property pass (tests/konsistens.py, tests/casecheck.py)."""
import copy

import pytest

import calculators
from casecheck import afvigelser, case_fejl
from konsistens import dom_i_tekst, poster_afvigelser, raekke_afvigelser, tal_i_tekst


@pytest.mark.parametrize("tekst, tal", [
    ("1.250,50 kr.", 1250.5), ("0,00 kr. – der er ingen egenbetaling", 0), ("75 %", 75), ("12 måneder", 12),
    ("Et års forbrug", 1), ("7. januar 2026 (10 arbejdsdage)", 10), ("Ingen tal her", None)])
def test_the_first_number_is_read_the_danish_way(tekst, tal):
    assert tal_i_tekst(tekst) == tal


@pytest.mark.parametrize("raekke, fejl", [
    ({"id": "egenbetaling", "vaerdi": 0, "tekst": "1,00 kr."}, True),     # issue 18: type D "1,00 kr." for 0
    ({"id": "egenbetaling", "vaerdi": 0, "tekst": "0,00 kr."}, False),
    ({"id": "tilbage", "vaerdi": 2, "tekst": "0 stk."}, True),
    ({"id": "kan_bevilges", "vaerdi": "nej", "tekst": "Ja – betingelserne er opfyldt"}, True),
    ({"id": "kan_bevilges", "vaerdi": "nej", "tekst": "Som hovedregel nej – bil"}, False),
    ({"id": "kan_bevilges", "vaerdi": "konkret_vurdering", "tekst": "Nej – x"}, True),
    ({"id": "opfyldt", "vaerdi": True, "tekst": "Ikke opfyldt – 0 indsatser"}, True),
    ({"id": "opfyldt", "vaerdi": False, "tekst": "Borgerens score er 1, vejledende niveau er 2 – ikke opfyldt"}, False),
    ({"id": "opfyldt", "vaerdi": True, "tekst": "Borgerens score er 1, vejledende niveau er 2 – ikke opfyldt"}, True),
    ({"id": "dato", "vaerdi": "2025-03-01", "tekst": "1. marts 2025"}, False),
    ({"id": "dato", "vaerdi": "2025-03-02", "tekst": "1. marts 2025"}, True),
    ({"id": "x", "vaerdi": 1, "tekst": ""}, True),
])
def test_a_row_whose_text_contradicts_its_value_is_caught(raekke, fejl):
    assert bool(raekke_afvigelser(raekke)) is fejl


def test_verdict_words():
    assert dom_i_tekst("Ja, hvis udgiften overstiger 48,00 kr.") is True
    assert dom_i_tekst("Nej – ordningen er for borgere over 18 år") is False
    assert dom_i_tekst("et årligt besøg") is None


def test_a_row_twice_is_caught():
    raekke = {"id": "laan", "vaerdi": 0, "tekst": "0,00 kr."}
    assert poster_afvigelser([raekke, dict(raekke)]) == ["result row laan appears twice"]


CASE = {"beregner": "aarlige_maengder", "navn": "t", "input": {"produkt": "paryk", "modtaget": "1", "oensket": "1"},
        "forventet": {"ok": True, "poster": {"antal": 1, "kan_bevilges": 0},
                      "tekster": {"antal": ["1 stk. om året"]},
                      "forklaring": ["så der er 0 tilbage"],
                      "trin": [{"kilde": "parykker", "linjer": [4084, 4085], "sats": "aarlige_maengder.paryk_pr_aar",
                                "fortolkning": "aarsperiode", "indeholder": ["1 paryk/toupé om året"]}]}}


def _svar(case):
    return calculators.beregn(case["beregner"], dict(case["input"], dato="2025-03-01"))


def test_the_case_checker_passes_a_right_case_and_catches_each_kind_of_wrong_expectation():
    assert afvigelser(CASE, _svar(CASE)) == []
    for sti, ny in [(("poster", "antal"), 2), (("tekster", "antal"), ["2 stk."]),
                    (("forklaring",), ["så der er 1 tilbage"]), (("trin", 0, "sats"), "aarlige_maengder.brokbind_pr_bevilling"),
                    (("trin", 0, "fortolkning"), None), (("trin", 0, "linjer"), [4084, 4086]),
                    (("trin", 0, "indeholder"), ["2 paryk"]), (("poster", "kan_bevilges"), False),
                    (("trin", 0, "regel"), "R999")]:
        forkert = copy.deepcopy(CASE)
        mål = forkert["forventet"]
        for n in sti[:-1]:
            mål = mål[n]
        mål[sti[-1]] = ny
        assert afvigelser(forkert, _svar(forkert)), sti


def test_booleans_must_be_booleans_and_keys_must_be_known():
    assert case_fejl({"forventet": {"ok": 1}})
    assert case_fejl({"forventet": {"ok": True, "tekst": {}}})  # a typo for "tekster" would check nothing
    assert case_fejl({"forventet": {"ok": True, "trin": [{"kilde": "x", "linjer": [1, 2], "sat": "y"}]}})
    assert not case_fejl({"forventet": {"ok": True, "poster": {"x": None, "y": False, "z": 1.5}}})
