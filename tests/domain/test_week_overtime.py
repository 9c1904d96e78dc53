"""A working week's overtime pay from the hours a day and the days a week told."""

from __future__ import annotations

import pytest

from bot.domain.week_overtime import (
    Week,
    month_of_weeks_text,
    rest_day_hours,
    week_overtime_text,
    weeks_told,
    with_rest_hours,
)


def test_working_days_over_8_hours_at_150_and_the_sixth_day_at_200() -> None:
    # 6960 a month is 40 an hour: 5 days of 1 hour over, and a Saturday of 9 hours
    week = Week(9, 6, 6960)
    assert week.hourly == 40
    assert week.weekday_pay == 300
    assert week.rest_pay == 720
    text = week_overtime_text(week)
    assert "1020元" in text and "周六是休息日" in text


def test_a_seven_day_week_has_two_rest_days() -> None:
    week = Week(10, 7, 3480)  # 20 an hour
    assert week.rest_days == (10, 10)
    assert week.total == 20 * 1.5 * 2 * 5 + 20 * 2 * 20
    assert "周六、周日" in week_overtime_text(week)


def test_a_rest_day_corrected_to_fewer_hours() -> None:
    told = rest_day_hours("不对 礼拜六就干了6个钟头")
    assert told == {0: 6}
    week = with_rest_hours(Week(11, 6, 4350), told)  # 25 an hour
    assert week.rest_days == (6,)
    assert week.total == 25 * 1.5 * 3 * 5 + 25 * 2 * 6


def test_the_one_rest_day_of_a_six_day_week_corrected_by_either_name() -> None:
    week = with_rest_hours(Week(10, 6, 4350), rest_day_hours("礼拜天只上6个钟头"))
    assert week.rest_days == (6,)


def test_eight_hour_days_on_six_days_pay_only_the_rest_day() -> None:
    week = Week(8, 6, 4350)
    assert week.weekday_pay == 0 and week.rest_pay == 400
    assert "工作日" not in week_overtime_text(week).split("\n")[1]


@pytest.mark.parametrize(
    ("text", "weeks"),
    [("按4个礼拜算", 4), ("算5周嘛", 5), ("4个星期下来好多", 4), ("一个月下来呢", None)],
)
def test_the_weeks_a_month_is_counted_as(text: str, weeks: float | None) -> None:
    assert weeks_told(text) == weeks


def test_a_month_of_weeks_told_or_the_average_stated() -> None:
    week = Week(9, 6, 6960)  # 1020 a week
    assert "1020×4=4080元" in month_of_weeks_text(week, 4)
    average = month_of_weeks_text(week, None)
    assert "4.35周" in average and "4437元" in average
