"""The nursing hour docked, worked out (bot/domain/nursing_pay.py)."""

from __future__ import annotations

from bot.domain.nursing_pay import docked_nursing_text


def test_hours_docked_each_day_are_summed_at_the_hourly_pay():
    said = docked_nursing_text("我一个月4350 这个月上了22天班 每天都扣一个钟头 他总共扣了我好多钱")
    assert said is not None
    assert "22小时" in said and "550元" in said
    assert "不能扣工资" in said


def test_nothing_without_the_days_or_the_pay():
    assert docked_nursing_text("每天都扣一个钟头 合法吗") is None
    assert docked_nursing_text("我一个月4350 每天都扣一个钟头") is None
