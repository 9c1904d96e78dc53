"""Overtime pay worked out from when, how much and the pay (劳动法第四十四条)."""

from __future__ import annotations

import pytest

from bot.domain.overtime_pay import overtime_pay_text


@pytest.mark.parametrize(
    ("text", "sum_"),
    [
        ("我日工资200 今年国庆节加了三天班", "200×300%×3=1800元"),
        ("我一天工资150 周末加了4天", "150×200%×4=1200元"),  # 一天 is the pay, not a day
        ("平时下班后加了20个小时 一个小时25块", "25×150%×20=750元"),
        ("星期六加了两天班 月工资4350", "200×200%×2=800元"),  # 4350 ÷ 21.75
        # each evening's hour said as 多上, then the days
        ("一个月5220 上个月每天多上1个钟头 上了20天", "45×20=900元"),
    ],
)
def test_the_sum_is_worked_out(text, sum_):
    said = overtime_pay_text(text)
    assert said is not None and sum_ in said


def test_the_holiday_pay_is_on_top_and_a_working_day_is_no_overtime():
    said = overtime_pay_text("日工资200 春节加了两天班")
    assert said is not None and "另给" in said and "不能用补休抵" in said
    assert overtime_pay_text("每天干12个小时 工资一个月3000") is None
    assert overtime_pay_text("国庆加班3天") is None  # no pay told


def test_a_whole_rest_day_or_holiday_worked_without_a_count_of_days():
    # "那周六呢 上了一整天8个钟头": one day at 200 %, even with a weekday's hours told before
    text = overtime_pay_text("那周六呢 上了一整天8个钟头 我一个月工资4350 平时每天还要加2个钟头")
    assert text is not None and "休息日加班1天" in text and "400元" in text
    holiday = overtime_pay_text("国庆节10月1号那天也上了班 月工资4350")
    assert holiday is not None and "600元" in holiday


def test_a_month_of_weekday_overtime_and_a_holiday_range():
    # "每天要加班2个钟头 一个月上22天班 一个月该拿好多": 25×150%×2 = 75 a day, 1650 a month
    month = overtime_pay_text("月工资4350 每天要加班2个钟头 一个月上22天班 一个月该拿好多")
    assert month is not None and "75×22=1650元" in month
    # "国庆1号到3号也喊我去上了": three public holidays at 300 %
    days = overtime_pay_text("国庆1号到3号也喊我去上了 这3天又咋算 月工资4350")
    assert days is not None and "加班3天" in days and "1800元" in days and "调休" in days
    # "上一天 8个钟头" is a day and its hours, not a daily pay of 8
    rest = overtime_pay_text("那周六喊我去上一天 8个钟头 月工资4350")
    assert rest is not None and "休息日加班1天" in rest and "400元" in rest


def test_an_hourly_rate_below_the_weekday_lowest_is_unlawful():
    from bot.domain.overtime_rates import rate_checked_text, rate_given

    assert rate_given("加班费一个钟头就给15块 我一个月工资4千5") == 15
    assert rate_given("我一个月工资4千5") is None
    low = rate_checked_text(4500, 15)
    assert "38.79" in low and "不合法" in low
    enough = rate_checked_text(4500, 40)
    assert "没有低于" in enough and "不合法" not in enough
    assert rate_given("平时下班后加了20个小时 一个小时25块") is None  # the hourly wage


def test_a_holiday_named_by_its_dates_and_the_spring_festival_as_a_range() -> None:
    from bot.domain.long_breaks import dated_days, named_holiday
    from bot.domain.overtime_mix import parts_of

    assert [(p.kind, p.hours) for p in parts_of("国庆1号2号3号我也在厂头上班")] == [
        ("holiday", 24.0)
    ]
    named = named_holiday("过年除夕到初三都要上")
    assert dated_days(named, "过年除夕到初三都要上") == (4, 0)
    assert dated_days(named, "初三到初五也上了") == (1, 2)


def test_each_days_extra_hours_over_the_days_in_all() -> None:
    from bot.domain.working_hours import each_day_said_as_hours

    said = each_day_said_as_hours("上个月工作日每天多上4个钟头 一共22天 加班费该好多")
    assert "平时加了88个钟头" in said
    # days said as worked, not as a total: read day by day elsewhere
    assert (
        each_day_said_as_hours("这个月上了20天班 每天多做3个钟头")
        == "这个月上了20天班 每天多做3个钟头"
    )


def test_the_spring_festival_by_its_lunar_days_a_range_over_one_day_said() -> None:
    from bot.domain.long_breaks import named_holiday

    assert named_holiday("初一到初三都在店里")[0] == "春节"  # type: ignore[index]
    # "一天8个钟头" is each day's length, the range 除夕到初二 its 3 holiday days
    said = overtime_pay_text("月工资4350 除夕到初二都上了 一天8个钟头")
    assert said is not None and "200×300%×3=1800元" in said


def test_rest_and_holiday_days_counted_by_their_dates() -> None:
    from bot.domain.overtime_mix import parts_of

    parts = {p.kind: p.hours for p in parts_of("5月1号 上了8个小时 还有5月4号 那天是休息日")}
    assert parts == {"holiday": 8, "rest": 8}


def test_rest_days_of_each_month_summed_over_the_months() -> None:
    """ "一个月大概2个星期天 搞了5个月了": the month's rest days, every month of them."""
    from bot.domain.overtime_said import every_month, rest_day_months

    assert rest_day_months("一个月大概2个星期天 搞了5个月了 该给好多") == 5
    assert rest_day_months("每个月3个周六 最近4个月 该给好多") == 4
    assert rest_day_months("上个月加了3个周六") is None  # one month's days, no months
    assert every_month("每个月3个周六 最近4个月", 1200.0, lambda v: f"{v:g}") == (
        "4个月一共1200×4=4800元。"
    )
    said = overtime_pay_text("月工资6525 每个月3个周六都在上班 没补休 最近4个月了 该给好多")
    assert said is not None and "4个月一共" in said


def test_the_days_worked_this_month_count_the_evenings() -> None:
    # "这个月上班那18天每天都多做3个钟头": 30×150%×3 = 135 a day, over the 18 days
    text = overtime_pay_text("一个月5220 这个月上班那18天每天都多做3个钟头 加班费没得")
    assert text is not None and "135×18=2430元" in text


def test_rest_days_counted_after_their_name_and_a_day_not_worked():
    from bot.domain.overtime_mix import parts_of

    parts = parts_of("哦说错了 星期六只去了3个 有一个星期六我屋头有事没去")
    assert [(p.kind, p.hours) for p in parts] == [("rest", 24.0)]


def test_the_employer_s_rate_said_after_the_figure() -> None:
    from bot.domain.overtime_rates import rate_given

    # "加班都只给20块一个小时": the rate, said the other way round
    assert rate_given("厂里所有的加班都只给18块一个钟头 合法不") == 18
    assert rate_given("老板 只给22元一个小时 所有 加班") == 22
    assert rate_given("我一个小时25块") is None  # (the worker's own hourly wage)


def test_rest_days_called_xiuxitian():
    said = overtime_pay_text("一个月6525 上个月4个休息天都喊我出车 也没补休")
    assert said is not None and "300×200%×4=2400元" in said


def test_the_holiday_that_day_with_i_is_one_day():
    # "元旦那天我也上了的": one holiday day, not the rest days told before
    said = overtime_pay_text(
        "元旦那天我也上了的 我月薪4350 周六加了2天班", dates_text="元旦那天我也上了的"
    )
    assert "200×300%×1=600元" in said


def test_weekday_hours_told_in_all():
    # "工作日加班一共是30个钟头": the month's hours in all, not the 3 of each evening told before
    said = overtime_pay_text(
        "这个月工作日加班一共是30个钟头 月薪5220 每天多干3个钟头",
        dates_text="这个月工作日加班一共是30个钟头",
    )
    assert said is not None and "30×150%×30=1350元" in said
