"""A group owed the same each: the workers times the sum (times the months owed)."""

from __future__ import annotations

from bot.domain.group_same_sum import same_each_total
from bot.domain.groups import group_size


def test_workers_times_monthly_wage_times_months() -> None:
    said = same_each_total("我们班组12个人 欠了三个月工资 每人都是5200")
    assert said is not None and "187200" in said and "12个人×5200元×3个月" in said


def test_workers_times_the_sum_each_without_months() -> None:
    said = same_each_total("我们6个工友 老板每个人欠3000")
    assert said is not None and "18000" in said


def test_no_total_for_one_worker_or_no_sum_each() -> None:
    assert same_each_total("老板欠了我两个月工资 每个月4500") is None
    assert same_each_total("我们车间7个人都没发工资") is None


def test_the_others_besides_the_speaker_are_no_head_count() -> None:
    assert group_size("我们组有11个人 其他10个人的电话我等下发") == 11
    assert group_size("另外6个工友的名字我晚点给你") == 7


def test_a_group_owed_the_same_each_month():
    said = same_each_total("我们4个人的工资都被拖了 拖了我们两个月 每个人每月6500")
    assert said.startswith("4个人×6500元×2个月＝52000元")


def test_about_the_sum_each_with_months_gives_both_readings() -> None:
    said = same_each_total("我们班组5个人 欠了两个月工资 每个人差不多7000")
    assert said is not None and "70000" in said and "5个人×7000元＝35000元" in said


def test_a_monthly_sum_each_has_one_reading() -> None:
    said = same_each_total("我们班组5个人 欠了两个月工资 每个人每月7000")
    assert said is not None and "70000" in said and "35000" not in said
