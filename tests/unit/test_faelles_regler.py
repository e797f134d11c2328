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
        calculators.beregn("fodtoej", {"spoergsmaal": "egenbetaling", "pris": "0", "egenbetaling_takst": "900",
                                       "vaernefodtoej": "nej"}),
        calculators.beregn("beklaedning", {"samme_varekategori": "ja", "pris_valgt": "0",
                                           "pris_bedst_billigst": "500", "almindeligt_tilsvarende": "nej"}),
        calculators.beregn("beklaedning", {"samme_varekategori": "ja", "pris_valgt": "600",
                                           "pris_bedst_billigst": "0", "almindeligt_tilsvarende": "nej"}),
    ]
    for s, felt in zip(svar, ("koebspris", "standardpris", "standardpris", "pris", "pris_valgt",
                              "pris_bedst_billigst"), strict=True):
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
    # The amounts that must be more than 0 (prices, loan frames, a yearly maximum), written out by hand
    # so that a field losing the rule is noticed.
    assert positive == {
        ("beklaedning", "pris_valgt"), ("beklaedning", "pris_bedst_billigst"),
        ("bil", "pris_billigst"), ("bil", "pris_valgt"), ("bil", "ramme_personbil"), ("bil", "ramme_udvidet"),
        ("diabetes", "apparat_pris"), ("diabetes", "standardpris"),
        ("egenbetaling", "standardpris"), ("engangsbeloeb_117a", "maksimum"),
        ("fodtoej", "pris"), ("foererhund", "koebspris")}


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


def test_a_step_of_the_explanation_must_cite_a_standard_an_appendix_or_another_document():
    """calculators/model.py: "Every step of the explanation names the standard, the source lines …"."""
    import pytest

    from calculators.model import Resultat
    r = Resultat("x")
    with pytest.raises(ValueError):
        r.forklar("Uden kilde.", None, (1, 1))
    r.forklar("Standard.", "diabetes", (1, 1))
    r.forklar("Bilag.", None, (1, 1), bilag=4)
    r.forklar("Andet dokument.", None, (1, 1), dokument="004_04cd5857750c0903.txt")
    assert [t.tekst for t in r.trin] == ["Standard.", "Bilag.", "Andet dokument."]


def test_the_date_field_is_worded_for_the_calculator_when_only_its_label_or_help_is_given():
    from dataclasses import replace
    b = calculators.BEREGNERE["flexhandicap"]
    assert "dato_felt" not in b.beskriv()
    assert replace(b, dato_label="Hvilken dag?").beskriv()["dato_felt"] == {"label": "Hvilken dag?", "hjaelp": ""}
    assert replace(b, dato_hjaelp="Tom = i dag.").beskriv()["dato_felt"] == {"label": "", "hjaelp": "Tom = i dag."}
