"""Annual leave days worked out from the years worked in all (bot/domain/annual_leave.py)."""

from __future__ import annotations

import pytest

from bot.domain.annual_leave import annual_leave_text, days_a_year, total_months_worked


@pytest.mark.parametrize(
    ("months", "days"), [(0, 0), (11, 0), (12, 5), (119, 5), (120, 10), (239, 10), (240, 15)]
)
def test_the_tiers_of_the_regulation(months, days):
    assert days_a_year(months) == days


def test_the_days_for_the_years_told_and_the_next_tier():
    said = annual_leave_text("我以前在别的厂干了8年", new_employer=True)
    assert said is not None
    assert "每年应休5天" in said and "÷365×5天" in said and "累计满10年后，每年10天" in said
    said = annual_leave_text("干了25年")
    assert said is not None and "每年应休15天" in said and "累计满" not in said
    assert "还没有带薪年假" in (annual_leave_text("才上了8个月班") or "")
    assert annual_leave_text("年假有几天") is None  # no length of work: the rule answers


def test_several_jobs_told_are_added_up():
    # "现在这个厂做了3年 之前在别个厂做了9年": 12 years in all, 10 days
    assert total_months_worked("我在现在这个厂做了3年 之前在别个厂做了9年") == 144
    text = annual_leave_text("年假咋个算 我在这个厂干了4年 以前在别的厂干了7年")
    assert text is not None and "累计工作11年" in text and "10天" in text
    # one job told: its length alone
    assert total_months_worked("我在这个厂干了4年") == 48


def test_sick_leave_told_in_months_or_days():
    from bot.domain.annual_leave import sick_months

    assert sick_months("我今年病假请了一个月 今年还有年假没得") == 1.0
    assert sick_months("请了两个月病假") == 2.0
    assert sick_months("病假45天") == 1.5
    assert sick_months("今年还有年假没得") is None


def test_sick_leave_takes_the_year_s_leave_by_years_worked():
    from bot.domain.annual_leave import sick_leave_text

    kept = sick_leave_text(12 * 12, 1.0)
    assert kept.startswith("照样有年假") and "3个月以上" in kept and "10天" in kept
    lost = sick_leave_text(5 * 12, 2.0)
    assert lost.startswith("今年的年假可能没有了") and "2个月以上" in lost
    assert "4个月以上" in sick_leave_text(25 * 12, 3.0)
    unknown = sick_leave_text(None, 1.0)
    assert "2个月以上" in unknown and "3个月以上" in unknown and "4个月以上" in unknown


def test_a_newcomer_s_days_from_the_day_they_joined():
    from datetime import date

    from bot.domain.annual_leave import newcomer_text

    text = newcomer_text("那我今年8月1号才跳槽到现在这个厂呢", 12 * 12, date(2026, 12, 5))
    assert text.startswith("今年在新单位可以休4天") and "153÷365×10" in text
    assert newcomer_text("今年跳槽了", 12 * 12, date(2026, 12, 5)) is None  # no date
    assert newcomer_text("12月20号入职", 12 * 12, date(2026, 12, 5)) is None  # not yet


def test_the_year_work_began_counts_the_years_since():
    from datetime import date

    from bot.domain.annual_leave import months_since_work_began

    today = date(2026, 12, 6)
    assert months_since_work_began("我07年就开始上班了一直没断过", today) == 19 * 12
    assert months_since_work_began("我1998年参加工作", today) == 28 * 12
    assert months_since_work_began("今年7月1号才换到现在这个厂", today) is None


def test_the_years_in_all_told_before_beat_this_jobs():
    from bot.domain.annual_leave import months_in_all

    texts = ["我在这个公司干了6年 今年一天都没让休", "想问下年休假 我参加工作25年了"]
    assert months_in_all(texts) == 25 * 12
    assert months_in_all(["我在这个公司干了6年"]) == 6 * 12


def test_jobs_told_in_turn_are_added_up():
    from bot.domain.annual_leave import jobs_added_up

    # this job, then an earlier one named as such: 2年9个月 + 9年
    assert jobs_added_up(["在这家干了2年9个月 工资4800", "我之前在电子厂干了9年"]) == 141
    # no earlier job among them: nothing to add
    assert jobs_added_up(["在这家干了2年9个月", "工资4800"]) is None
    # two lengths of this job (said again): not added
    assert jobs_added_up(["我干了3年", "我在这干了3年", "以前干了2年"]) is None


def test_newcomer_told_only_the_month():
    from datetime import date

    from bot.domain.annual_leave import newcomer_text

    today = date(2026, 12, 8)
    # every day of July gives 2 of 5 days (184 and 154 days left)
    text = newcomer_text("我今年7月份才进的这个厂", 8 * 12, today)
    assert text.startswith("今年在新单位可以休2天") and "7月31日进的剩154天" in text
    # March: 8 days from the 1st, 7 from the 31st, of 10
    assert "可以休7到8天" in newcomer_text("我3月份跳槽过来的", 12 * 12, today)
    assert "可以休2天" in newcomer_text("七月进的新单位", 8 * 12, today)
    assert newcomer_text("我8月份工资少发了200", 8 * 12, today) is None  # no job begun
    assert newcomer_text("12月进的新单位", 8 * 12, date(2026, 11, 8)) is None  # not yet
