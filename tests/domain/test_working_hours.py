"""A working week told against the limits, a month's overtime at those hours, and work paid
by the hour."""

from __future__ import annotations

import pytest

from bot.domain.working_hours import (
    day_hours,
    hourly_total,
    hourly_total_text,
    month_days_told,
    month_overtime_text,
    week_days,
    week_text,
    week_told,
)


@pytest.mark.parametrize(
    ("text", "week"),
    [
        ("我们厂每天要做11个钟头 一个星期做6天 这个合法不", (11, 6)),
        ("天天干10个小时 每周上六天", (10, 6)),
        ("早上8点上到晚上8点 中午休息一个钟头 周一到周五天天这样", (11, 5)),
        ("上午7点半开始干到晚上7点 星期一到星期六", (11.5, 6)),
        ("每天上9个小时 一个星期都没得休息", (9, 7)),
    ],
)
def test_the_week_told(text: str, week: tuple[float, int]) -> None:
    assert week_told(text) == week


@pytest.mark.parametrize(
    "text",
    [
        "每天8个小时 一周5天",  # within the standard: nothing over to work out
        "每天要做11个钟头",  # the days of the week not told
        "周一到周五上班",  # no hours told
    ],
)
def test_no_week_to_work_out(text: str) -> None:
    assert week_told(text) is None


def test_clock_hours_less_the_break_and_days_by_their_names() -> None:
    assert day_hours("早上9点做到晚上9点 吃饭半个钟头") == 11.5
    assert day_hours("下午2点干到晚上11点") == 9
    assert week_days("周二到周日都要上") == 6


def test_the_week_against_the_limits() -> None:
    said = week_text(11, 6)
    assert "一周66小时" in said
    assert "多26小时" in said
    assert "一个月大约多113小时" in said
    assert "超过了36小时的上限" in said
    assert "每天加班3小时" not in said  # 3 hours a day is the day's cap, not over it
    assert "天天上班也违法" in week_text(9, 7)


def test_a_month_of_overtime_at_the_hours_told() -> None:
    assert month_days_told("上个月上了22天 每天都这样") == 22
    assert month_days_told("上个月上了22天") is None  # the hours of each day not said
    said = month_overtime_text(11, 22, 3480, "老板说工资是包了的")
    assert "一共加班66小时" in said
    assert "20×150%×66=1980元" in said
    assert "书面约定" in said  # pay said to include the overtime
    assert "书面约定" not in month_overtime_text(11, 22, 3480, "加班费一分没有")


def test_work_paid_by_the_hour() -> None:
    assert hourly_total("这个月做了96个钟头 一个钟头25块 该拿好多") == (96, 25)
    assert hourly_total("每小时20元 一共80个小时") == (80, 20)
    assert hourly_total("做了96个钟头") is None
    assert "96小时×25元=2400元" in hourly_total_text(96, 25)


def test_a_month_with_its_rest_days() -> None:
    from bot.domain.working_hours import month_text, month_told

    assert month_told("一天上12个钟头 一个月只休得到2天 这个合法不") == (12, 28)
    assert month_told("一天上12个钟头") is None
    said = month_text(12, 28)
    assert "一个月约336小时" in said and "多出约162小时" in said and "36小时" in said


def test_days_beyond_the_months_working_days_are_rest_days() -> None:
    said = month_overtime_text(11, 26, 4350, "每天都这样")
    assert "另外4天是休息日" in said
    assert "25×150%×66=2475元" in said
    assert "25×200%×11×4=2200元" in said
    assert "合计4675元" in said


def test_each_day_also_more_hours_read_with_the_days() -> None:
    from bot.domain.working_hours import each_day_said_as_hours

    assert "平时加了44个钟头" in each_day_said_as_hours(
        "平时每天还要多干2个钟头 上个月上了22天", days_worked=True
    )


def test_a_night_shift_runs_past_midnight():
    assert day_hours("晚上8点到早上8点") == 12
    assert day_hours("晚上10点到凌晨2点") == 4
    assert day_hours("晚上8点到12点") == 4  # till midnight
    assert day_hours("下午2点到晚上10点") == 8


def test_shifts_counted_and_the_rest_days_with_them():
    from bot.domain.working_hours import shifts_told

    assert shifts_told("上个月一共上了22个夜班") == (22, 0)
    assert shifts_told("也是20个夜班加3个星期六") == (20, 3)
    assert shifts_told("我们班长说的") is None
    assert shifts_told("我们厂有两个班 轮到起上") is None


def test_the_month_of_shifts_with_rest_days_told_as_such():
    # 20 shifts of 11 hours and 3 Saturdays at 4350: 60 h × 25 × 150 % and 3 × 11 h × 200 %
    said = month_overtime_text(11, 20, 4350, "", rest_days=3)
    assert "25×150%×60=2250元" in said
    assert "25×200%×11×3=1650元" in said and "合计3900元" in said
    assert "工作日20天，另外3天是休息日" in said
