"""The most a month's pay may be docked for a loss (《工资支付暂行规定》第十六条)."""

from __future__ import annotations

from bot.domain.deductions import dock_limit_text, sum_to_dock


def test_the_sum_docked_in_either_order() -> None:
    assert sum_to_dock("老板扣了我1200 说是我把货摔坏了") == 1200
    assert sum_to_dock("老板说要扣我3千块") == 3000
    assert sum_to_dock("扣了2天") is None


def test_twenty_percent_a_month() -> None:
    said = dock_limit_text(4500, 1200)
    assert "每月最多扣20%，也就是900元" in said
    assert "要分2个月扣完" in said


def test_a_sum_within_one_months_cap_is_not_spread_over_months():
    said = dock_limit_text(5000, 300)
    assert "300元没有超过每月1000元的上限" in said
    assert "个月扣完" not in said
