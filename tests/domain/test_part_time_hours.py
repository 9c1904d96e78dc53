"""Work paid by the hour: the week against 4 h a day and 24 h a week, a month's pay."""

from bot.domain.part_time_hours import (
    days_worked,
    hourly_rate,
    month_by_the_hour_text,
    paid_told,
    part_time_text,
    part_time_week,
)


def test_the_week_told_and_its_limits():
    assert part_time_week("我在超市做钟点工 一天做4个钟头 一周做6天") == (4, 6)
    within = part_time_text(4, 6, 22)
    assert "一周24小时" in within and "24×22=528元" in within and "算非全日制用工" in within
    over = part_time_text(5, 6, None)
    assert "每天5小时超过了平均4小时" in over and "每周30小时超过了24小时" in over


def test_rates_said_either_way():
    assert hourly_rate("时薪22块 一周能拿好多") == 22
    assert hourly_rate("说错了 是20块一个钟不是18") == 20
    assert hourly_rate("我每天上5个钟头") is None


def test_a_month_by_the_hour_and_what_is_short():
    assert days_worked("上个月我上了26天 每天5个钟") == 26
    assert paid_told("他只给了2千") == 2000
    said = month_by_the_hour_text(26, 5, 18, 2000)
    assert "26天×每天5小时=130小时，×18元=2340元" in said and "还差340元" in said


def test_a_month_reckoned_as_weeks():
    from bot.domain.part_time_hours import weeks_pay_text, weeks_told

    assert weeks_told("那一个月按4周算 该拿好多") == 4
    assert weeks_told("一个月4个礼拜") is None  # (no reckoning asked)
    said = weeks_pay_text(3, 5, 4, 22)
    assert "3×5×4=60小时" in said and "=1320元" in said
