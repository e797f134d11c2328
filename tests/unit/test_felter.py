"""Reading numbers as a Danish reader types them, and refusing nonsense in Danish."""
from decimal import Decimal

import pytest

from calculators.felter import Beloeb, Decimaltal, Heltal, JaNej, Ugyldig, Valg, formater_antal, formater_kr


@pytest.mark.parametrize("raw, forventet", [
    ("1.250,50", Decimal("1250.50")), ("1250,5", Decimal("1250.5")), ("1250", Decimal("1250")),
    ("1.250", Decimal("1250")), ("12.50", Decimal("12.50")), (" 300 kr.", Decimal("300")),
    ("0", Decimal("0")), (300, Decimal("300")),
])
def test_amounts_in_danish_notation(raw, forventet):
    assert Beloeb("x", "X").fortolk(raw) == forventet


@pytest.mark.parametrize("raw, besked", [
    ("-1", "negativt"), ("abc", "Skriv et beløb"), ("1,234", "Skriv et beløb"), ("1,2,3", "Skriv et beløb"),
    ("12,5.0", "Skriv et beløb"), (True, "Skriv et beløb"), ("99999999999", "højst"),
    ("NaN", "Skriv et beløb"), ("inf", "Skriv et beløb"),
])
def test_nonsense_amounts_are_refused_in_danish(raw, besked):
    with pytest.raises(Ugyldig) as e:
        Beloeb("x", "X").fortolk(raw)
    assert besked in e.value.besked


@pytest.mark.parametrize("raw, forventet", [("25", 25), ("1.000", 1000), (" 7 ", 7), (3, 3), (3.0, 3)])
def test_whole_numbers(raw, forventet):
    assert Heltal("x", "X", max=10_000).fortolk(raw) == forventet


@pytest.mark.parametrize("raw, besked", [
    ("2,5", "helt tal"), ("-3", "negativt"), ("10001", "højst være 10.000"), ("", "helt tal"), (2.5, "helt tal"),
    (None, "helt tal"), (False, "helt tal"),
])
def test_bad_whole_numbers(raw, besked):
    with pytest.raises(Ugyldig) as e:
        Heltal("x", "X", max=10_000).fortolk(raw)
    assert besked in e.value.besked


def test_choice_and_yes_no():
    v = Valg("v", "V", muligheder=(("a", "A"),))
    assert v.fortolk("a") == "a"
    with pytest.raises(Ugyldig):
        v.fortolk("b")
    assert JaNej("j", "J").fortolk("Ja") is True and JaNej("j", "J").fortolk("nej") is False
    with pytest.raises(Ugyldig):
        JaNej("j", "J").fortolk("måske")


def test_kroner_are_formatted_the_danish_way():
    assert formater_kr(Decimal("1250.5")) == "1.250,50 kr."
    assert formater_kr(Decimal("0")) == "0,00 kr."
    assert formater_kr(Decimal("1234567")) == "1.234.567,00 kr."


@pytest.mark.parametrize("antal,forventet", [(0, "0 ture"), (1, "1 tur"), (2, "2 ture"), (1000, "1.000 ture")])
def test_a_count_takes_its_noun_in_the_right_number(antal, forventet):
    assert formater_antal(antal, "tur", "ture") == forventet


def test_too_many_decimals_is_said_in_danish_singular_and_plural():
    with pytest.raises(Ugyldig, match="^Skriv tallet med højst én decimal.$"):
        Decimaltal("km", "Afstand", decimaler=1).fortolk("12,55")
    with pytest.raises(Ugyldig, match="^Skriv tallet med højst 2 decimaler.$"):
        Decimaltal("x", "X", decimaler=2).fortolk("1,234")
