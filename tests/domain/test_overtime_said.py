"""Rest days given back as time off, and each rest day's hours (bot/domain/overtime_said.py)."""

from __future__ import annotations

from bot.domain.overtime_pay import overtime_pay_text
from bot.domain.overtime_said import each_rest_day_hours, rest_days_given_back, rest_days_unpaid


def test_rest_days_given_back_are_left_out():
    text = "工资4350 上个月加了3个周六 其中1个调休了 另外2个没补 该给好多"
    read, back = rest_days_given_back(text)
    assert back == 1 and "2个周六" in read and "调休" not in read
    said = overtime_pay_text(text)
    assert said is not None and "200×200%×2=800元" in said
    assert rest_days_unpaid("加了2个星期六 都没补休") == "加了2个星期六 都没补休"


def test_rest_days_as_long_as_the_shift_told():
    text = "还有3个周六也去了 11个钟头"
    assert "每天11个钟头" in each_rest_day_hours(text, 11)
    assert each_rest_day_hours(text, 8) == text  # not a long shift
    assert each_rest_day_hours("还有3个周六 一共加了11个钟头", 11) == "还有3个周六 一共加了11个钟头"


def test_the_months_total_asked_after_a_months_overtime():
    from bot.domain.overtime_said import months_running

    assert months_running("我们干了大半年都没给 半年就是好多嘛") == 6
    assert months_running("那4个月一共好多") == 4
    assert months_running("一年下来有多少") == 12
    assert months_running("一个月该补好多加班费") is None  # one month: that month's sum
    assert months_running("这个月好多") is None
    said = overtime_pay_text("每个月加班30个钟头 都是下班后 工资4350 那5个月一共好多")
    assert said is not None and "5个月一共" in said


def test_the_hours_over_the_paid_day():
    said = overtime_pay_text("我一个月4350 工资按8个钟头算的 多出来的3个钟头一天该好多")
    assert said is not None and "加班3小时" in said and "25×150%×3=112.5元" in said
