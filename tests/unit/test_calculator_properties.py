"""Properties every calculator has, on random input.

Valid input (tests/strategier.py builds it from the field declarations): no crash, no negative
amount, every result row's text agrees with its value, every cited rate is the one in force on the
date, every interpretation used is declared (tests/konsistens.py). Run against the shipped
catalogue and against one where every missing rate is filled in. The share of valid examples is
printed at the end of the run (see tests/conftest.py) and must be at least 60 %.

Odd input (any text, numbers, booleans, None): no crash, and an error names a field.
"""
import os
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

import calculators
from calculators.katalog import indlaest
from fixtures.udfyldt_katalog import udfyldt_katalog
from konsistens import svar_afvigelser
from strategier import input_til

EKSEMPLER = int(os.environ.get("KVH_EKSEMPLER", "150"))
ANDELE: dict[str, float] = {}  # printed by conftest.pytest_terminal_summary
# scripts/mutation.py runs one calculator's properties at a time (KVH_KUN_BEREGNER=bil,...).
BEREGNERE = sorted(set(filter(None, os.environ.get("KVH_KUN_BEREGNER", "").split(",")))
                   or calculators.BEREGNERE)
KATALOGER = {"katalog": indlaest, "udfyldt": udfyldt_katalog}


def _ingen_negative(svar):
    for p in svar["result"]["poster"]:
        if isinstance(p["vaerdi"], (int, float)) and not isinstance(p["vaerdi"], bool):
            assert p["vaerdi"] >= 0, p


@pytest.mark.parametrize("katalog_navn", sorted(KATALOGER))
@pytest.mark.parametrize("bid", BEREGNERE)
def test_valid_input_gives_a_consistent_answer(bid, katalog_navn):
    beregner = calculators.BEREGNERE[bid]
    katalog = KATALOGER[katalog_navn]()
    felter = {f.id for f in beregner.felter}
    taelling = {"ok": 0, "i_alt": 0}

    @settings(max_examples=EKSEMPLER, deadline=None, database=None, derandomize=True,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
    @given(input_til(beregner, katalog))
    def koer(par):
        raw, _ = par
        svar = calculators.beregn(bid, raw, katalog)
        taelling["i_alt"] += 1
        if svar["ok"]:
            taelling["ok"] += 1
            _ingen_negative(svar)
            assert svar["forklaring"]
            assert svar_afvigelser(beregner, svar, katalog, date.fromisoformat(raw["dato"])) == []
            for trin in svar["forklaring"]:
                assert ".." not in trin["tekst"], trin["tekst"]  # "kr." ending a sentence gets no second period
        else:
            # A combination the calculation rejects: said next to one of the calculator's own fields.
            assert svar["fejl"] and all(f["besked"].strip() for f in svar["fejl"]), svar
            assert {f["felt"] for f in svar["fejl"]} <= felter, svar["fejl"]

    koer()
    andel = taelling["ok"] / taelling["i_alt"]
    ANDELE[f"{bid} ({katalog_navn})"] = andel
    if EKSEMPLER >= 100:  # too few examples (a quick run, e.g. scripts/mutation.py) say little about the share
        assert andel >= 0.6, f"{bid}: only {andel:.0%} of {taelling['i_alt']} random inputs were valid"


tekst = st.one_of(st.text(max_size=12), st.integers(-10**6, 10**7).map(str),
                  st.decimals(-1000, 10**6, places=3, allow_nan=False).map(lambda d: str(d).replace(".", ",")))
vaerdi = st.one_of(tekst, st.integers(-10**6, 10**7), st.floats(allow_nan=True), st.booleans(), st.none())


def odd_input(beregner):
    felter = {}
    for f in beregner.felter:
        if f.type == "valg":
            felter[f.id] = st.one_of(st.sampled_from([v for v, _ in f.muligheder]), vaerdi)
        elif f.type == "janej":
            felter[f.id] = st.one_of(st.sampled_from(["ja", "nej"]), vaerdi)
        else:
            felter[f.id] = vaerdi
    return st.fixed_dictionaries({}, optional=felter)


@pytest.mark.parametrize("bid", BEREGNERE)
@settings(max_examples=max(EKSEMPLER // 3, 10), deadline=None, database=None, derandomize=True)
@given(data=st.data())
def test_odd_input_never_crashes(bid, data):
    beregner = calculators.BEREGNERE[bid]
    raw = data.draw(odd_input(beregner))
    svar = calculators.beregn(bid, raw)
    if svar["ok"]:
        _ingen_negative(svar)
        assert svar_afvigelser(beregner, svar, indlaest(), date.fromisoformat(svar["result"]["dato"])) == []
    else:
        assert svar["fejl"] and all(f["besked"].strip() for f in svar["fejl"])
        assert {f["felt"] for f in svar["fejl"]} <= {f.id for f in beregner.felter} | {"dato"}, svar["fejl"]
