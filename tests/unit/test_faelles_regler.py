"""Rules every calculator shares: amounts that must be positive, start values when a field is
left out, and why a rate the reader must type is needed."""
from datetime import date
from decimal import Decimal

from export_cases import alle_cases

import calculators
from calculators import bil
from calculators.felter import Beloeb, Ugyldig, tjek_positiv
from calculators.katalog import indlaest
from calculators.model import Kontekst

POSITIV = "Beløbet skal være større end 0 kr."


def test_one_rule_for_amounts_that_must_be_positive():
    # A price of 0 kr. is rejected with the same message whichever calculator asks for it.
    svar = [
        calculators.beregn("foererhund", {"anden_kommune": "ja", "koebspris": "0", "placeringsdato": "2024-03-01",
                                          "omplaceringsdato": "2025-02-01"}),
        calculators.beregn("diabetes", {"behandling": "insulin", "apparat": "foerste", "apparat_pris": "400",
                                        "standardpris": "0"}),
        calculators.beregn("egenbetaling", {"produkt": "andet", "kategori": "A", "standardpris": "0",
                                            "pris": "900"}),
    ]
    for s, felt in zip(svar, ("koebspris", "standardpris", "standardpris")):
        assert not s["ok"]
        assert [(f["felt"], f["besked"].startswith(POSITIV)) for f in s["fejl"]] == [(felt, True)]


def test_the_positive_rule_is_a_property_of_the_field_and_shown_to_the_form():
    felt = Beloeb("pris", "Pris", positiv=True)
    assert felt.beskrivelse()["positiv"] is True
    try:
        tjek_positiv(felt, Decimal("0"))
    except Ugyldig as e:
        assert e.besked.startswith(POSITIV)
    else:
        raise AssertionError("0 kr. was accepted")
    tjek_positiv(felt, Decimal("0.01"))
    tjek_positiv(Beloeb("tilbehoer", "Tilbehør"), Decimal("0"))  # 0 is fine where the field allows it
    positive = {(b.id, f.id) for b in calculators.BEREGNERE.values() for f in b.felter if f.positiv}
    assert {("foererhund", "koebspris"), ("diabetes", "standardpris"), ("egenbetaling", "standardpris"),
            ("engangsbeloeb_117a", "maksimum")} <= positive


def test_a_field_left_out_gets_the_forms_start_value():
    """For every reference case: leaving out the fields whose value is the start value the form
    shows gives the same answer as writing it."""
    proevet = 0
    for case in alle_cases():
        beregner = calculators.BEREGNERE[case["beregner"]]
        start = {f.id: f.startvaerdi for f in beregner.felter if f.startvaerdi is not None}
        raw = dict(case["input"])
        if "dato" in case:
            raw["dato"] = case["dato"].isoformat() if isinstance(case["dato"], date) else case["dato"]
        udeladt = {k: v for k, v in raw.items() if not (k in start and str(v).strip().lower() == start[k])}
        if udeladt == raw:
            continue
        proevet += 1
        assert calculators.beregn(case["beregner"], udeladt) == calculators.beregn(case["beregner"], raw), \
            case["navn"]
    assert proevet >= 10


def test_an_explicit_empty_value_is_not_replaced_by_the_start_value():
    raw = {"behandling": "tablet", "strimler_hidtil": "", "strimler_ansoegt": "100", "lancetter_ansoegt": "20"}
    s = calculators.beregn("diabetes", raw)
    assert not s["ok"] and [f["felt"] for f in s["fejl"]] == ["strimler_hidtil"]


def test_a_loan_of_0_is_shown_once():
    # The validation rejects a car price of 0 kr.; the calculation itself must still show a
    # zero loan only once if it gets one (e.g. a ceiling of 0 in the catalogue).
    k = Kontekst(indlaest(), date(2025, 6, 1))
    v = {"biltype": "personbil", "ramme_personbil": Decimal("200000"), "pris_billigst": Decimal("0"),
         "anden_model": False, "med_indkomst": False, "laanedato": date(2025, 3, 1),
         "opgoerelsesdato": date(2025, 3, 1)}
    r = bil.beregn(v, k)
    assert [p.label for p in r.poster].count("Rentefrit lån") == 1
