"""Half days and half months in wages owed (bot/domain/half_counted.py)."""

from __future__ import annotations

from bot.domain.half_counted import (
    half_days_text,
    half_days_told,
    month_and_half_told,
    months_owed_text,
)


def test_half_days_told() -> None:
    assert half_days_told("等下 其中4天是半天") == 4
    assert half_days_told("有5天只做了半天") == 5
    assert half_days_told("3个半天") == 3
    assert half_days_told("我做了30天") is None


def test_half_days_counted_at_half_a_days_rate() -> None:
    said = half_days_text(30, 4, 320)
    assert said is not None and "30-4×0.5=28个工" in said and "8960元" in said
    assert half_days_text(3, 4, 320) is None


def test_last_month_and_half_of_this_one() -> None:
    assert month_and_half_told("每个月2800 上个月的都还没给 这个月干了半个月") == 1.5
    assert month_and_half_told("这个月干了半个月") is None


def test_a_month_and_a_half_owed() -> None:
    said = months_owed_text(1.5, 2800)
    assert "1.5×2800=4200元" in said and "劳动仲裁" in said
    pensioner = months_owed_text(1.5, 2800, pensioner=True)
    assert "劳务关系" in pensioner and "第三十二条" in pensioner
