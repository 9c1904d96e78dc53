"""Unused annual leave of someone leaving during the year (实施办法第十条至第十二条)."""

from __future__ import annotations

from datetime import date

from bot.domain.unused_leave import days_due, days_not_taken, unpaid_days_text, unused_leave_text


def test_the_days_due_are_the_part_of_the_year_worked_in_whole_days():
    assert days_due(5, date(2026, 12, 5)) == 4  # 339/365 × 5 = 4.6
    assert days_due(10, date(2026, 7, 1)) == 4  # 182/365 × 10 = 4.99
    assert days_due(15, date(2026, 12, 31)) == 15


def test_each_unused_day_is_paid_twice_more_at_the_monthly_pay_over_21_75():
    text = unused_leave_text(36, 5000, date(2026, 12, 5))
    assert text is not None and "应休4天" in text and "4×229.89×200%≈1839.08元" in text
    assert unused_leave_text(8, 5000, date(2026, 12, 5)) is None  # under a year: none yet


def test_days_not_taken_while_staying_are_paid_200_percent_more():
    # "我月工资4350 这10天都没休的话 他还该补我好多钱": 4350÷21.75 = 200 a day, 10×200×200%
    assert days_not_taken("这10天都没休的话") == 10
    text = unpaid_days_text(10, 4350)
    assert "4000元" in text and "200%" in text
    assert days_not_taken("休了30天") is None  # more than a year's leave: no such count
