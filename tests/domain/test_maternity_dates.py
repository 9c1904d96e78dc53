"""Maternity leave's first day from the due date."""

from datetime import date

from bot.domain.maternity import due_date, leave_dates_text


def test_the_due_date_next_from_today():
    today = date(2026, 12, 6)
    assert due_date("预产期是3月10号", today) == date(2027, 3, 10)
    assert due_date("预产期2026年12月20日", today) == date(2026, 12, 20)


def test_fifteen_days_before_and_the_twins_days():
    said = leave_dates_text(date(2027, 3, 20), "医生说是双胞胎")
    assert "最早从3月5日开始休" in said and "共113天" in said
