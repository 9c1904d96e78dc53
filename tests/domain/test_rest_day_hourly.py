"""A rest day's hours paid by the hour (bot/domain/rest_day_hourly.py)."""

from bot.domain.rest_day_hourly import hours_told, rate_told, rest_day_hourly_text


def test_rate_and_hours_told():
    assert rate_told("老板说涨到25一个钟头") == 25
    assert rate_told("时薪16") == 16
    assert hours_told("星期天那6个钟头该好多") == 6


def test_rest_day_at_double():
    assert "16×6×200%=192元" in rest_day_hourly_text(16, 6)


def test_holiday_at_triple():
    assert "30×6×300%=540元" in rest_day_hourly_text(30, 6, holiday=True)
