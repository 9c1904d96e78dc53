"""The pay of a dispatched worker or a student on placement against the staff's
(bot/domain/pay_gap.py)."""

from __future__ import annotations

from bot.domain.pay_gap import dispatch_gap_text, months_told, pays_told, placement_text


def test_own_pay_and_theirs() -> None:
    assert pays_told("我每个月3600 他们4200") == (3600, 4200)
    assert pays_told("实习的钱每个月1800 正式员工做同样的岗位拿5000") == (1800, 5000)
    assert pays_told("我一个月三千六 人家四千二") == (3600, 4200)


def test_one_pay_alone_is_no_gap() -> None:
    assert pays_told("我一个月3600") is None
    assert pays_told("他们一个月4200") is None


def test_months_told() -> None:
    assert months_told("做了10个月了 总共少了好多") == 10
    assert months_told("干了1年") == 12
    assert months_told("我想问下") is None


def test_the_gap_a_month_and_over_the_months() -> None:
    assert "每个月少600元" in dispatch_gap_text(3600, 4200)
    assert "干了多久" in dispatch_gap_text(3600, 4200)
    assert "10×600=6000元" in dispatch_gap_text(3600, 4200, 10)


def test_a_placement_against_eighty_percent_of_the_post() -> None:
    said = placement_text(1800, 5000)
    assert "5000×80%=4000元" in said and "少了2200元" in said
    assert "没有低于" in placement_text(4200, 5000)
