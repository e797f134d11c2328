"""Hostile and odd input to every calculator: always exit 2 and {"ok": false} with a Danish
message next to the right field; never a traceback.

The command line (`python -m calculators run ID --json ...`) is driven in-process for the
many combinations (an exception would fail the test, as a traceback would), and in a real
subprocess for the inputs that used to crash it.
"""
from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from contextlib import redirect_stdout
from datetime import date
from pathlib import Path

import pytest

import calculators
from calculators.__main__ import main
from export_cases import alle_cases

ROOT = Path(__file__).resolve().parents[2]

# Inputs that may stand in any field of any type and are never valid.
UGYLDIGE = {
    "heltal med 5.000 cifre": "9" * 5000,
    "negativt heltal med 5.000 cifre": "-" + "9" * 5000,
    "arabisk-indiske cifre": "٣٤",
    "fuld-bredde cifre": "１２",
    "bengalske cifre": "৫",
    "NaN": float("nan"),
    "uendelig": float("inf"),
    "minus uendelig": float("-inf"),
    "liste": [1, 2],
    "objekt": {"vaerdi": 1},
    "tom liste": [],
    "videnskabelig notation": "1e5",
    "tekst": "abc",
    "html": "<img src=x onerror=alert(1)>",
}
ENGELSK = re.compile(r"\b(the|invalid|error|expected|value|must|traceback|exception)\b", re.I)


def koer(beregner: str, raw_json: str) -> tuple[int, dict]:
    ud = io.StringIO()
    with redirect_stdout(ud):
        kode = main(["run", beregner, "--json", raw_json])
    return kode, json.loads(ud.getvalue())


def assert_dansk_fejl(kode: int, svar: dict, felt: str | None = None) -> None:
    assert kode == 2 and svar["ok"] is False, svar
    assert svar["fejl"], svar
    for f in svar["fejl"]:
        assert f["besked"].strip() and not ENGELSK.search(f["besked"]), f
    if felt is not None:
        assert felt in {f["felt"] for f in svar["fejl"]}, svar


def _grundlag() -> dict[tuple[str, str], dict]:
    """For each calculator field, a reference case's valid input in which the field is asked."""
    ud: dict[tuple[str, str], dict] = {}
    for case in alle_cases():
        if not case["forventet"]["ok"]:
            continue
        raw = {k: v.isoformat() if isinstance(v, date) else v for k, v in case["input"].items()}
        if "dato" in case:
            raw["dato"] = case["dato"].isoformat() if isinstance(case["dato"], date) else case["dato"]
        for felt in raw:
            ud.setdefault((case["beregner"], felt), raw)
    return ud


GRUNDLAG = _grundlag()
FELTER = [(b.id, f.id) for b in calculators.BEREGNERE.values() for f in b.felter]


@pytest.mark.parametrize("beregner, felt", FELTER, ids=[f"{b}.{f}" for b, f in FELTER])
def test_every_field_refuses_every_bad_value_with_a_danish_message(beregner, felt):
    grundlag = GRUNDLAG.get((beregner, felt))
    for navn, vaerdi in UGYLDIGE.items():
        raw = dict(grundlag or {}) | {felt: vaerdi}
        tekst = json.dumps(raw)  # NaN and Infinity as JSON's non-standard literals, as Python reads them
        kode, svar = koer(beregner, tekst)
        # Where a reference case shows the field is asked, the message is on the field itself.
        assert_dansk_fejl(kode, svar, felt if grundlag else None)


def test_most_fields_are_fuzzed_inside_a_valid_case():
    assert len([1 for bf in FELTER if bf in GRUNDLAG]) >= 0.8 * len(FELTER)


@pytest.mark.parametrize("beregner", list(calculators.BEREGNERE))
def test_empty_strings_wrong_input_types_and_unknown_fields(beregner):
    b = calculators.BEREGNERE[beregner]
    kode, svar = koer(beregner, json.dumps({f.id: "" for f in b.felter}))
    if any(f.paakraevet and not f.vis_hvis for f in b.felter):
        assert_dansk_fejl(kode, svar)
    for tekst in ("[1, 2]", '"tekst"', "42", "null", "true"):
        assert_dansk_fejl(*koer(beregner, tekst), "input")
    kode, svar = koer(beregner, json.dumps({"farve": "blå", "__proto__": 1}))
    assert_dansk_fejl(kode, svar, "farve")
    assert {"felt": "__proto__", "besked": "Ukendt felt."} in svar["fejl"]


DATOER = {
    "2025-W10-6": "Skriv datoen som ÅÅÅÅ-MM-DD, fx 2025-03-01.",
    "20250301": "Skriv datoen som ÅÅÅÅ-MM-DD, fx 2025-03-01.",
    "2025-3-1": "Skriv datoen som ÅÅÅÅ-MM-DD, fx 2025-03-01.",
    "2025-03-01T12:00": "Skriv datoen som ÅÅÅÅ-MM-DD, fx 2025-03-01.",
    "٢٠٢٥-٠٣-٠١": "Skriv datoen som ÅÅÅÅ-MM-DD, fx 2025-03-01.",
    "2025-02-30": "Datoen findes ikke i kalenderen. Tjek dag og måned.",
    "2025-13-01": "Datoen findes ikke i kalenderen. Tjek dag og måned.",
    "0000-01-01": "Datoen findes ikke i kalenderen. Tjek dag og måned.",
    "1899-12-31": "Datoen skal ligge mellem år 1900 og 2100.",
    "2101-01-01": "Datoen skal ligge mellem år 1900 og 2100.",
    "9999-12-31": "Datoen skal ligge mellem år 1900 og 2100.",
}


@pytest.mark.parametrize("beregner", list(calculators.BEREGNERE))
def test_the_calculation_date_is_strictly_yyyy_mm_dd_and_real(beregner):
    for dato, besked in DATOER.items():
        kode, svar = koer(beregner, json.dumps({"dato": dato}))
        assert (kode, svar) == (2, {"ok": False, "fejl": [{"felt": "dato", "besked": besked}]}), dato
    for dato in ([2025, 3, 1], {"aar": 2025}, 20250301, float("nan")):
        kode, svar = koer(beregner, json.dumps({"dato": dato}))
        assert (kode, svar["fejl"]) == (2, [{"felt": "dato", "besked": "Skriv datoen som ÅÅÅÅ-MM-DD, fx 2025-03-01."}])


def test_a_date_field_inside_a_calculator_accepts_only_ascii_digits():
    from calculators.felter import Dato, Ugyldig
    felt = Dato("d", "Dato")
    assert felt.fortolk("1.3.2025") == date(2025, 3, 1)
    for tekst in ("١.٣.٢٠٢٥", "2025-٠٣-01"):
        with pytest.raises(Ugyldig):
            felt.fortolk(tekst)


def test_numbers_accept_only_ascii_digits():
    from calculators.felter import Beloeb, Decimaltal, Heltal, Ugyldig
    for felt in (Heltal("x", "x"), Beloeb("x", "x"), Decimaltal("x", "x")):
        assert felt.fortolk("12") == 12
        for tekst in ("١٢", "１２", "1٢", "۱۲"):
            with pytest.raises(Ugyldig):
                felt.fortolk(tekst)


def test_python_ints_of_any_size_are_refused_without_conversion_errors():
    from calculators.felter import Beloeb, Decimaltal, Heltal, Ugyldig
    for felt in (Heltal("x", "x"), Beloeb("x", "x"), Decimaltal("x", "x")):
        for tal in (10 ** 5000, -(10 ** 5000)):
            with pytest.raises(Ugyldig):
                felt.fortolk(tal)


def test_leading_zeros_and_minus_zero_are_read_as_the_number_they_are():
    from calculators.felter import Beloeb, Decimaltal, Heltal
    for felt in (Heltal("x", "x"), Beloeb("x", "x"), Decimaltal("x", "x")):
        assert felt.fortolk("0" * 5000 + "7") == 7
        nul = felt.fortolk("-0")
        assert nul == 0 and str(nul)[0] != "-"
        assert felt.fortolk("-" + "0" * 5000) == 0


def test_the_maximum_amount_message_has_one_full_stop():
    from calculators.felter import Beloeb, Ugyldig
    with pytest.raises(Ugyldig) as e:
        Beloeb("x", "x").fortolk("10.000.001")
    assert e.value.besked == "Beløbet må højst være 10.000.000,00 kr."


def test_no_message_about_an_amount_field_has_a_double_full_stop():
    from calculators.felter import Beloeb
    beloebsfelter = [(b.id, f.id) for b in calculators.BEREGNERE.values() for f in b.felter if isinstance(f, Beloeb)]
    assert len(beloebsfelter) >= 5
    for beregner, felt in beloebsfelter:
        for vaerdi in ("99.999.999", "-5", "1,234"):
            svar = calculators.beregn(beregner, dict(GRUNDLAG.get((beregner, felt), {})) | {felt: vaerdi})
            for f in svar["fejl"]:
                assert ".." not in f["besked"], (beregner, felt, f)


# --- the real command line, for the inputs that used to end in a traceback --------------

def cli(*args):
    return subprocess.run([sys.executable, "-m", "calculators", *args], cwd=ROOT, capture_output=True, text=True)


@pytest.mark.parametrize("navn, tekst, felt", [
    ("JSON nested 40,000 deep", "[" * 40000 + "]" * 40000, "input"),
    # (a command-line argument holds at most 128 KiB)
    ("an object nested 25,000 deep", '{"":' * 25000 + "1" + "}" * 25000, "input"),
    ("a whole number of 5,000 digits in the JSON", '{"strimler_hidtil": ' + "9" * 5000 + "}", "input"),
    ("a whole number of 5,000 digits as text", '{"behandling": "tablet", "strimler_hidtil": "' + "9" * 5000 + '"}',
     "strimler_hidtil"),
    ("a week date", '{"dato": "2025-W10-6"}', "dato"),
    ("a date without rates", '{"dato": "2024-12-31"}', "dato"),
    ("not JSON", "{behandling: tablet", "input"),
])
def test_the_command_line_answers_in_danish_and_exits_2(navn, tekst, felt):
    proc = cli("run", "diabetes", "--json", tekst)
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr == ""
    assert_dansk_fejl(proc.returncode, json.loads(proc.stdout), felt)


def test_the_browser_entry_point_relays_the_same_errors():
    for tekst, felt in (("[" * 40000 + "]" * 40000, "input"), ('{"dato": "2024-12-31"}', "dato"),
                        ('{"x": ' + "9" * 5000 + "}", "input")):
        svar = json.loads(calculators.beregn_json("flexhandicap", tekst))
        assert svar["ok"] is False and svar["fejl"][0]["felt"] == felt
