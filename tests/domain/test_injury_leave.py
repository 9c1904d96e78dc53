"""The pay while a work injury heals (停工留薪期), worked out from the months and the pay."""

from __future__ import annotations

from bot.domain.injury_leave import injury_leave_text, pay_before, rest_months


def test_the_months_of_rest_as_workers_say_them():
    assert rest_months("医生喊我休3个月") == 3
    assert rest_months("要养伤两个月") == 2
    assert rest_months("停工留薪半个月") == 0.5
    assert rest_months("我在厂里干了3个月") is None


def test_the_pay_while_healing_is_the_pay_before_for_each_month():
    said = injury_leave_text("我月工资6000 医生喊我休3个月")
    assert said is not None
    assert "6000×3=18000元" in said and "12个月" in said and "第三十三条" in said
    # the pay told a message before
    assert "4500×2=9000元" in (injury_leave_text("要养伤两个月", "我一个月4500") or "")
    assert injury_leave_text("医生喊我休3个月") is None  # no pay told


def test_rest_paid_short_and_months_counted_again():
    from bot.domain.injury_leave import injury_leave_text, rest_months

    assert rest_months("等哈 我数了下 8月初就开始歇了 8 9 10 11 是4个月") == 4
    said = injury_leave_text("我原来工资是5800 已经歇了3个月了", "公司一个月只给我发2千块")
    assert "5800×3=17400元" in said and "3个月一共该补11400元" in said


def test_the_pay_due_a_month_when_the_months_are_still_to_come():
    from bot.domain.injury_leave import monthly_due_text

    said = monthly_due_text(6500, 1800)
    assert "6500元" in said and "每月少发4700元" in said and "几个月" in said
    assert "每月少发" not in monthly_due_text(6500)


def test_half_the_pay_paid_each_month_of_the_rest() -> None:
    said = injury_leave_text("我受伤前工资6400 歇了3个月 厂里每个月就给了一半")
    assert said is not None and "每月少3200元" in said and "一共该补9600元" in said


def test_paid_less_told_without_a_month_named() -> None:
    # "公司说休息期间只发1800 我原来一个月是5600" then "我都休了3个月了 一共差好多"
    from bot.domain.injury_leave import paid_a_month

    assert paid_a_month("厂里说养伤期间只发2100") == 2100
    assert paid_a_month("只发了3个月") is None
    said = injury_leave_text(
        "我已经歇了4个月了 一共少了好多", "厂里说养伤期间只发2100 我原来一个月是6100"
    )
    assert said is not None and "每月少4000元" in said and "16000元" in said


def test_the_pay_before_beside_what_is_paid_instead():
    assert pay_before("我休息这几个月 公司每个月只发我2000 我平时一个月6500") == 6500


def test_the_months_shortfall_with_the_pay_told_before():
    said = injury_leave_text(
        "已经休了3个月了 那一共差好多钱", "公司每个月只发我2000 我平时一个月6500"
    )
    assert said is not None and "13500" in said
