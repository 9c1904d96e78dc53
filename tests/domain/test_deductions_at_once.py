"""Wages docked for damage (《工资支付暂行规定》第十六条): 20 % a month at most."""

from __future__ import annotations

from bot.domain.deductions import dock_limit_text, docked_at_once, sum_to_dock


def test_the_sum_docked_of_the_worker_or_another():
    assert sum_to_dock("老板说这个月工资扣3000") == 3000
    assert sum_to_dock("厂头一次扣了他1000") == 1000
    assert sum_to_dock("扣了我3天工资") is None


def test_a_month_s_cap_and_the_months_it_takes():
    said = dock_limit_text(4500, 2000)
    assert "900元" in said and "分3个月扣完" in said


def test_docked_at_once_over_the_cap_what_went_over():
    assert docked_at_once("厂头一次扣了他1000")
    said = dock_limit_text(3500, 1000, at_once=True, lead="签了字的也一样。")
    assert said.startswith("签了字的也一样。")
    assert "700元" in said and "多扣的300元" in said
