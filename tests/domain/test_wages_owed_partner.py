"""Wages owed to two people for the same months (the worker and a partner); a sum held back."""

from __future__ import annotations

from bot.domain.wages_owed import held_sum, partner_pay, two_owed_text


def test_the_partners_pay_told_with_the_workers():
    assert partner_pay("我一个月6000 她4500 一共欠好多") == ("她", 4500)
    assert partner_pay("我一个月6000 一共欠好多") is None
    said = two_owed_text(3, 6000, "她", 4500)
    assert "3×6000=18000元" in said and "3×4500=13500元" in said and "31500元" in said


def test_the_sum_held_back_told_whole() -> None:
    assert held_sum("他们拖了我三个月提成一共9600 我要他们结清") == 9600
    assert held_sum("包工头欠我12000工钱") == 12000
    assert held_sum("老板拖了我三个月") is None


def test_the_extra_on_one_months_pay_says_what_it_is():
    from bot.domain.wages_owed import extra_text

    said = extra_text(3800, "一个月工资")
    assert "按欠一个月工资3800元算" in said and "1900元到3800元" in said
