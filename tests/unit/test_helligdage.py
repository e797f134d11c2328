"""Danish public holidays and working days (calculators/helligdage.py).

Expected dates are from the Danish calendar (almanakken), not from running the code.
"""
from datetime import date, timedelta

import pytest
from hypothesis import given, strategies as st

from calculators.datoer import hele_maaneder, laeg_maaneder_til
from calculators.helligdage import (
    arbejdsdage_mellem, er_arbejdsdag, er_helligdag, helligdage, laeg_arbejdsdage_til, paaskedag,
)


@pytest.mark.parametrize("aar, paaske", [
    (2000, date(2000, 4, 23)), (2008, date(2008, 3, 23)), (2019, date(2019, 4, 21)),
    (2023, date(2023, 4, 9)), (2024, date(2024, 3, 31)), (2025, date(2025, 4, 20)),
    (2026, date(2026, 4, 5)), (2027, date(2027, 3, 28)), (2038, date(2038, 4, 25)),
    (1818, date(1818, 3, 22)), (2285, date(2285, 3, 22)),
])
def test_easter_by_the_gregorian_computus(aar, paaske):
    assert paaskedag(aar) == paaske


def test_the_holidays_of_2025():
    assert helligdage(2025) == {
        date(2025, 1, 1): "nytårsdag",
        date(2025, 4, 17): "skærtorsdag",
        date(2025, 4, 18): "langfredag",
        date(2025, 4, 20): "påskedag",
        date(2025, 4, 21): "2. påskedag",
        date(2025, 5, 29): "Kristi himmelfartsdag",
        date(2025, 6, 8): "pinsedag",
        date(2025, 6, 9): "2. pinsedag",
        date(2025, 12, 25): "juledag",
        date(2025, 12, 26): "2. juledag",
    }


def test_store_bededag_until_2023_only():
    assert helligdage(2023)[date(2023, 5, 5)] == "store bededag"
    assert helligdage(2022)[date(2022, 5, 13)] == "store bededag"
    assert "store bededag" not in helligdage(2024).values()
    assert er_arbejdsdag(date(2024, 4, 26))  # would have been store bededag
    assert len(helligdage(2023)) == 11 and len(helligdage(2024)) == 10


def test_grundlovsdag_christmas_eve_and_new_years_eve_are_working_days():
    assert er_arbejdsdag(date(2025, 6, 5))     # grundlovsdag, Thursday
    assert er_arbejdsdag(date(2025, 12, 24))   # juleaftensdag, Wednesday
    assert er_arbejdsdag(date(2025, 12, 31))   # nytårsaftensdag, Wednesday
    assert not er_helligdag(date(2025, 6, 5))


def test_weekends_and_holidays_are_not_working_days():
    assert not er_arbejdsdag(date(2025, 3, 1))   # Saturday
    assert not er_arbejdsdag(date(2025, 3, 2))   # Sunday
    assert not er_arbejdsdag(date(2025, 4, 18))  # langfredag
    assert er_arbejdsdag(date(2025, 3, 3))       # Monday


def test_adding_working_days_across_easter_2025():
    # Wed 16 April + 1: Thu 17 and Fri 18 are holidays, 19–20 weekend, Mon 21 holiday.
    assert laeg_arbejdsdage_til(date(2025, 4, 16), 1) == date(2025, 4, 22)
    # Mon 14 April + 5: 15, 16, 22, 23, 24.
    assert laeg_arbejdsdage_til(date(2025, 4, 14), 5) == date(2025, 4, 24)


def test_adding_working_days_across_christmas_2025():
    # Mon 22 Dec + 5: 23, 24, (25, 26 holidays, 27–28 weekend) 29, 30, 31.
    assert laeg_arbejdsdage_til(date(2025, 12, 22), 5) == date(2025, 12, 31)
    # + 6: Thu 1 Jan 2026 is nytårsdag, so Fri 2 Jan.
    assert laeg_arbejdsdage_til(date(2025, 12, 22), 6) == date(2026, 1, 2)


def test_the_receipt_day_is_day_0_even_on_a_weekend():
    assert laeg_arbejdsdage_til(date(2025, 3, 1), 1) == date(2025, 3, 3)   # Saturday -> Monday
    assert laeg_arbejdsdage_til(date(2025, 3, 3), 0) == date(2025, 3, 3)
    assert laeg_arbejdsdage_til(date(2025, 3, 3), 10) == date(2025, 3, 17)


def test_counting_backwards():
    # 10 working days before Mon 28 April 2025: 25, 24, 23, 22, (21–17 Easter, 19–20 weekend)
    # 16, 15, 14, 11, 10, 9.
    assert laeg_arbejdsdage_til(date(2025, 4, 28), -10) == date(2025, 4, 9)


def test_months_are_clamped_to_the_end_of_the_month():
    assert laeg_maaneder_til(date(2025, 3, 3), 2) == date(2025, 5, 3)
    assert laeg_maaneder_til(date(2025, 12, 31), 2) == date(2026, 2, 28)
    assert laeg_maaneder_til(date(2023, 12, 31), 2) == date(2024, 2, 29)
    assert laeg_maaneder_til(date(2025, 11, 15), 2) == date(2026, 1, 15)


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)),
       st.integers(min_value=1, max_value=300))
def test_adding_working_days_never_lands_on_a_weekend_or_holiday(start, n):
    slut = laeg_arbejdsdage_til(start, n)
    assert slut > start
    assert slut.weekday() < 5 and not er_helligdag(slut)
    assert arbejdsdage_mellem(start, slut) == n
    # and the day before the result is still short of n working days
    assert arbejdsdage_mellem(start, slut - timedelta(days=1)) == n - 1


@given(st.integers(min_value=1583, max_value=4099))
def test_easter_is_a_sunday_between_22_march_and_25_april(aar):
    p = paaskedag(aar)
    assert p.weekday() == 6
    assert date(aar, 3, 22) <= p <= date(aar, 4, 25)
    assert laeg_maaneder_til(date(2024, 2, 29), 12) == date(2025, 2, 28)


def test_whole_months_count_a_month_only_when_its_day_is_reached():
    assert hele_maaneder(date(2025, 1, 31), date(2025, 2, 27)) == 0
    assert hele_maaneder(date(2025, 1, 31), date(2025, 2, 28)) == 1  # 28 February stands in for the 31st
    assert hele_maaneder(date(2025, 1, 10), date(2025, 7, 9)) == 5
    assert hele_maaneder(date(2025, 1, 10), date(2025, 7, 10)) == 6
    assert hele_maaneder(date(2025, 7, 10), date(2025, 1, 10)) == 0
