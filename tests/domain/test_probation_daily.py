"""Probation pay by the day against 80 % (bot/domain/probation_daily.py)."""

from bot.domain.probation_daily import (
    days_worked,
    floor_text,
    probation_day_pay,
    regular_day_pay,
    short_for_days_text,
)


def test_day_pays_told():
    said = "讲好转正后每天300 试用期每天给220"
    assert regular_day_pay(said) == 300
    assert probation_day_pay(said) == 220
    assert days_worked("这个月上了20天") == 20


def test_floor_and_days_short():
    assert "300×80%=240元" in floor_text(300, 220)
    assert "20×20=400元" in short_for_days_text(300, 220, 20)
    assert short_for_days_text(300, 250, 20) is None
