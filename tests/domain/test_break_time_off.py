"""Time off given back, or not, for the rest days of a long break worked."""

from __future__ import annotations

from bot.domain.break_time_off import break_time_off_text, break_told, days_off


def test_the_break_told_by_its_dates_and_the_days_after() -> None:
    told = break_told("剩下的2天也去了", ["劳动节1号到3号都在上班 工资6525"])
    assert told is not None
    named, own, moved = told
    assert named[0] == "劳动节" and (own, moved) == (2, 3)


def test_days_given_off_are_not_read_as_days_worked() -> None:
    earlier = ["公司说6号7号给我调休", "工资4350 国庆1号到7号都上了"]
    assert break_told("要是调休没兑现呢", earlier) is not None
    named, own, moved = break_told("要是调休没兑现呢", earlier)  # type: ignore[misc]
    assert (own, moved) == (3, 4)


def test_which_days_are_given_off() -> None:
    named = ("国庆", 3, "10月1日、2日、3日")
    assert days_off(named, 4, "老板说6号7号给我补休") == (0, 2)
    assert days_off(named, 4, "厂头说后面几天给我补休") == (0, 4)
    assert days_off(named, 4, "老板说给我补休两天") == (0, 2)
    assert days_off(named, 4, "后头4天给我调休") == (0, 4)
    assert days_off(named, 4, "他要是不给我补休呢") == (0, 0)
    assert days_off(named, 4, "补休一直没安排咋办") == (0, 0)


def test_the_holiday_paid_the_rest_days_off_and_what_they_are_worth() -> None:
    told = (("国庆", 3, "10月1日、2日、3日"), 3, 4)
    text = break_time_off_text(told, 2, 4350)  # 200 a day
    assert "1800元" in text  # the holiday's 3 days at 300 %
    assert "800元" in text  # the 2 rest days not given off, at 200 %
    assert "合计2600元" in text and "一共3400元" in text
    assert "不能用补休抵" in text


def test_the_dates_of_several_messages_are_one_break() -> None:
    earlier = ["4号5号也上了的", "国庆1号2号3号都上了 工资6525"]
    told = break_told("老板说4号5号给我补休", earlier)
    assert told is not None and told[1:] == (3, 2)


def test_time_off_never_given_keeps_the_sum_just_shown():
    from bot.domain.break_time_off import TIME_OFF_NEVER_GIVEN, never_given_text

    shown = "按您说的：春节期间上了3天班，日工资260元。\n这3天是春节长假里调休的休息日，没安排补休的不低于200%：260×200%×3=1560元；\n工资基数…"
    said = never_given_text(shown)
    assert "1560元" in said and said.startswith("补休一直不安排的")
    assert never_given_text("平时150%、周末200%") == TIME_OFF_NEVER_GIVEN
