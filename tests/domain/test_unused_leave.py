"""Unused annual leave of someone leaving during the year (实施办法第十条至第十二条)."""

from __future__ import annotations

from datetime import date

from bot.domain.unused_leave import days_due, days_not_taken, unpaid_days_text, unused_leave_text


def test_the_days_due_are_the_part_of_the_year_worked_in_whole_days():
    assert days_due(5, date(2026, 12, 5)) == 4  # 339/365 × 5 = 4.6
    assert days_due(10, date(2026, 7, 1)) == 4  # 182/365 × 10 = 4.99
    assert days_due(15, date(2026, 12, 31)) == 15


def test_each_unused_day_is_paid_twice_more_at_the_monthly_pay_over_21_75():
    text = unused_leave_text(36, 5000, date(2026, 12, 5))
    assert text is not None and "应休4天" in text and "4×229.89×200%≈1839.08元" in text
    assert unused_leave_text(8, 5000, date(2026, 12, 5)) is None  # under a year: none yet


def test_days_not_taken_while_staying_are_paid_200_percent_more():
    # "我月工资4350 这10天都没休的话 他还该补我好多钱": 4350÷21.75 = 200 a day, 10×200×200%
    assert days_not_taken("这10天都没休的话") == 10
    text = unpaid_days_text(10, 4350)
    assert "4000元" in text and "200%" in text
    assert days_not_taken("休了30天") is None  # more than a year's leave: no such count


def test_the_last_day_told_is_the_day_the_leave_is_counted_to():
    from datetime import date

    from bot.domain.unused_leave import last_day, unused_leave_text

    today = date(2026, 12, 5)
    assert last_day("我这个月底就不做了 做到11月30号", today) == date(2026, 11, 30)
    assert last_day("12月20号就走", today) == date(2026, 12, 20)
    assert last_day("我做了3年", today) is None
    said = unused_leave_text(132, 5000, today, leaving=date(2026, 11, 30)) or ""
    assert "按11月30日离职" in said and "应休9天" in said and "4137.93元" in said


def test_the_share_of_the_year_is_shown():
    from datetime import date

    from bot.domain.unused_leave import unused_leave_text

    said = unused_leave_text(120, 5220, date(2026, 12, 1), leaving=date(2026, 9, 30), taken=2)
    assert "273÷365×10≈7.48天" in said and "还有5天没休" in said


def test_the_years_are_not_said_when_only_the_days_were_told():
    from datetime import date

    from bot.domain.unused_leave import unused_leave_text

    said = unused_leave_text(
        12, 4350, date(2026, 12, 1), leaving=date(2026, 11, 15), years_told=False
    )
    assert said.startswith("按您说的：每年应休5天") and "累计工作" not in said


def test_the_whole_year_s_days_named_with_no_last_day_are_summed_first():
    # "我一个月6525 5天都没休的话 该补好多钱" from one about to leave: 5×300×200% for the
    # whole year, then the share up to today
    text = unused_leave_text(72, 6525, date(2026, 12, 5), days_named=5)
    assert text is not None and text.startswith("按全年5天都没休算：5×300×200%≈3000元")
    assert "应休4天" in text and "4×300×200%≈2400元" in text
    # (a last day told, or days taken, or the days not the year's: the share alone)
    for kwargs in ({"leaving": date(2026, 12, 5)}, {"taken": 1}, {}):
        alone = unused_leave_text(72, 6525, date(2026, 12, 5), **kwargs)
        assert alone is not None and "按全年" not in alone
    assert "按全年" not in (unused_leave_text(72, 6525, date(2026, 12, 5), days_named=3) or "")


def test_the_year_named_before_the_days_none_taken():
    # "我前年10天一天都没休": the year said, then the days, none of them taken
    assert days_not_taken("我今年10天一天也没休") == 10
    assert days_not_taken("去年年假15天一天都没休") == 15


def test_the_year_named_before_one_day_none_taken_is_no_count():
    assert days_not_taken("今年一天都没休 我月薪4350") is None


def test_days_not_taken_said_without_this_year():
    # ("去年还有4天没休"): the days, not "今年"
    from bot.domain.unused_leave import unpaid_days_only_text

    said = unpaid_days_only_text(4)
    assert "应休的4天" in said and "今年" not in said
