"""No input, however odd, makes a calculator crash or produce a negative amount."""

import pytest
from hypothesis import given, settings, strategies as st

import calculators

tekst = st.one_of(st.text(max_size=12), st.integers(-10**6, 10**7).map(str),
                  st.decimals(-1000, 10**6, places=3, allow_nan=False).map(lambda d: str(d).replace(".", ",")))
vaerdi = st.one_of(tekst, st.integers(-10**6, 10**7), st.floats(allow_nan=True), st.booleans(), st.none())


def felt_input(beregner):
    felter = {}
    for f in beregner.felter:
        if f.type == "valg":
            felter[f.id] = st.one_of(st.sampled_from([v for v, _ in f.muligheder]), vaerdi)
        elif f.type == "janej":
            felter[f.id] = st.one_of(st.sampled_from(["ja", "nej"]), vaerdi)
        else:
            felter[f.id] = vaerdi
    return st.fixed_dictionaries({}, optional=felter)


@pytest.mark.parametrize("bid", sorted(calculators.BEREGNERE))
@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_never_crashes_and_never_negative(bid, data):
    """Run for each calculator on its own, so every one gets its share of random input."""
    raw = data.draw(felt_input(calculators.BEREGNERE[bid]))
    svar = calculators.beregn(bid, raw)
    assert svar["ok"] in (True, False)
    if svar["ok"]:
        for p in svar["result"]["poster"]:
            if isinstance(p["vaerdi"], (int, float)) and not isinstance(p["vaerdi"], bool):
                assert p["vaerdi"] >= 0, p
            assert p["tekst"]
        assert svar["forklaring"]
        for trin in svar["forklaring"]:
            assert ".." not in trin["tekst"], trin["tekst"]  # "kr." ending a sentence gets no second period
    else:
        assert svar["fejl"] and all(f["besked"] for f in svar["fejl"])
