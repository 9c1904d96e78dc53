"""Personal leave docked at the daily pay (monthly ÷ 21.75)."""

from __future__ import annotations

from bot.domain.leave_deduction import personal_leave_text


def test_two_days_of_personal_leave_at_most_the_daily_pay_twice():
    said = personal_leave_text("我一个月4350 扣两天事假的话 最多该扣好多")
    assert said is not None and "2天事假最多扣400元" in said


def test_the_pay_told_before_is_used():
    said = personal_leave_text("请了3天事假 要扣好多", pay_text="我月工资6525")
    assert said is not None and "最多扣900元" in said


def test_no_docking_asked_is_no_sum():
    assert personal_leave_text("我请了两天事假 月工资4350") is None
    assert personal_leave_text("事假扣钱合法不") is None
