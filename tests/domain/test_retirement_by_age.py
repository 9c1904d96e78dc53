"""A man's retirement age from his age told, and the minimum years of contributions by then."""

from __future__ import annotations

from datetime import date

from bot.domain.retirement_by_age import age_told, minimum_years, retirement_by_age_text

TODAY = date(2026, 12, 7)


def test_a_man_of_48_retires_at_63_with_20_years_needed():
    said = retirement_by_age_text("我今年48 男的", TODAY, 11)
    assert said is not None and "63岁" in said
    assert "20年" in said and "还差9年" in said


def test_the_minimum_years_rise_by_half_a_year_from_2030():
    assert minimum_years(2029) == 15
    assert minimum_years(2030) == 15.5
    assert minimum_years(2039) == 20
    assert minimum_years(2045) == 20


def test_an_age_whose_year_of_birth_gives_two_ages_is_not_guessed():
    # born in 1966 or 1967: 60 and some months, not the same for the whole year
    assert retirement_by_age_text("我今年60 男的", TODAY) is None


def test_a_womans_age_is_not_guessed_nor_a_figure_read_as_an_age():
    assert retirement_by_age_text("我今年48 女的", TODAY) is None
    assert age_told("交了48年") is None and age_told("我今年52岁了") == 52
