"""Each way calculators/felter.py refuses a value, at its edges (found by scripts/mutation.py).
The messages are the parser's; this file checks that a value is refused or accepted, and where."""
from datetime import date
from decimal import Decimal

import pytest

from calculators.felter import (
    Beloeb, Dato, Decimaltal, Felt, Heltal, JaNej, Ugyldig, Valg, fortolk_beloeb, fortolk_dato,
)


def afvist(felt, raw) -> bool:
    try:
        felt.fortolk(raw)
    except Ugyldig:
        return True
    return False


def test_an_amount_is_refused_when_it_is_not_an_amount_negative_too_big_or_has_three_decimals():
    b = Beloeb("b", "B", max=1000)
    for raw in (True, None, [1], float("inf"), float("nan"), "-1", -1, "1000,01", 1000.01, "10,005", 10.005,
                "abc", "1,2,3"):
        assert afvist(b, raw), raw
    assert b.fortolk("1000") == Decimal(1000) and b.fortolk(0) == 0 and b.fortolk("12,5") == Decimal("12.5")
    assert b.beskrivelse()["min"] == 0 and b.beskrivelse()["max"] == 1000


def test_the_amount_text_parser_refuses_what_is_not_an_amount():
    for raw in ("abc", "1.2.3", "12,345", ""):
        with pytest.raises(Ugyldig):
            fortolk_beloeb(raw)
    assert fortolk_beloeb("1.250,50 kr.") == Decimal("1250.50")


def test_a_decimal_number_at_its_limits_and_decimals():
    d = Decimaltal("d", "D", min=Decimal(1), max=Decimal(60), decimaler=1)
    assert d.fortolk("1") == 1 and d.fortolk("60") == 60 and d.fortolk("41,5") == Decimal("41.5")
    for raw in ("0,9", "60,1", "41,25", True, None, "x", float("nan"), "1e3"):
        assert afvist(d, raw), raw
    standard = Decimaltal("s", "S")  # min 0, two decimals by default
    assert standard.fortolk("0") == 0 and standard.fortolk("1,25") == Decimal("1.25")
    assert afvist(standard, "-0,01") and afvist(standard, "1,255")
    with pytest.raises(Ugyldig, match="negativt"):
        standard.fortolk("-1")
    with pytest.raises(Ugyldig, match="mindst 1"):
        d.fortolk("0,5")


def test_a_whole_number_at_its_limits():
    h = Heltal("h", "H", min=1, max=100)
    assert h.fortolk("1") == 1 and h.fortolk("100") == 100
    for raw in ("0", "101", True, "1,5", 2.5, None):
        assert afvist(h, raw), raw


@pytest.mark.parametrize("raw, ok", [("1900-01-01", True), ("2100-12-31", True), ("1899-12-31", False),
                                     ("2101-01-01", False), ("31.2.2025", False), ("2025-02-30", False),
                                     ("i går", False)])
def test_a_date_inside_1900_to_2100_that_exists(raw, ok):
    assert afvist(Dato("d", "D"), raw) is not ok


def test_a_date_object_and_other_types():
    d = Dato("d", "D")
    assert d.fortolk(date(2025, 3, 1)) == date(2025, 3, 1)
    assert afvist(d, 20250301) and afvist(d, None)
    with pytest.raises(Ugyldig, match="findes ikke"):
        fortolk_dato("29.2.2025")


def test_choices_and_yes_no_accept_only_their_answers():
    v = Valg("v", "V", muligheder=(("a", "A"),))
    assert v.fortolk("a") == "a" and afvist(v, "b") and afvist(v, 1)
    j = JaNej("j", "J")
    assert j.fortolk(" Ja ") is True and j.fortolk("nej") is False and j.fortolk(False) is False
    assert afvist(j, "måske") and afvist(j, 1)


def test_the_form_description_has_a_start_value_only_when_one_is_given():
    assert "startvaerdi" not in Heltal("h", "H").beskrivelse()
    assert Heltal("h", "H", startvaerdi="0").beskrivelse()["startvaerdi"] == "0"


def test_a_bare_field_cannot_read_anything():
    with pytest.raises(NotImplementedError):
        Felt("f", "F").fortolk("x")


def test_a_rate_is_in_force_on_its_first_day():
    from calculators.katalog import indlaest
    k = indlaest()
    sats = k.sats("aarlige_maengder.paryk_pr_aar", date(2025, 1, 1))
    assert sats.gyldig_fra == date(2025, 1, 1) and sats.vaerdi == 1


def test_a_rate_is_in_force_on_its_last_day_and_not_the_day_after():
    import copy
    import json
    from pathlib import Path
    import calculators
    from calculators.katalog import SatsIkkeGaeldende, fra_data
    data = json.loads((Path(calculators.__file__).parent / "data" / "katalog.json").read_text("utf-8"))
    data = copy.deepcopy(data)
    data["satser"]["aarlige_maengder.paryk_pr_aar"]["vaerdier"][0]["gyldig_til"] = "2025-12-31"
    k = fra_data(data)
    assert k.sats("aarlige_maengder.paryk_pr_aar", date(2025, 12, 31)).vaerdi == 1
    with pytest.raises(SatsIkkeGaeldende):
        k.sats("aarlige_maengder.paryk_pr_aar", date(2026, 1, 1))


@pytest.mark.parametrize("raw, ok", [("1900-01-01", True), ("2100-12-31", True), ("1899-12-31", False),
                                     ("2101-01-01", False)])
def test_the_calculation_date_is_inside_1900_to_2100_both_ends_included(raw, ok):
    """The date a calculation is made for (`dato`) has the same range as the date fields: 1900–2100."""
    from calculators.felter import fortolk_iso_dato
    try:
        d = fortolk_iso_dato(raw)
    except Ugyldig as e:
        assert not ok and e.besked == "Datoen skal ligge mellem år 1900 og 2100."
    else:
        assert ok and d.isoformat() == raw


def test_a_whole_or_decimal_number_marked_positive_must_be_more_than_0():
    """Felt.positiv: "The amount or number must be more than 0" – for numbers too, not only amounts."""
    from calculators.felter import tjek_positiv
    for felt, nul, en in ((Heltal("antal", "Antal", positiv=True), 0, 1),
                          (Decimaltal("km", "Km", positiv=True), Decimal("0"), Decimal("0.01"))):
        with pytest.raises(Ugyldig, match=r"^Tallet skal være større end 0\.$"):
            tjek_positiv(felt, nul)
        tjek_positiv(felt, en)
    tjek_positiv(Heltal("antal", "Antal"), 0)  # 0 is fine where the field allows it
