"""The medical period from the years worked in all and here (医疗期规定第三条、第四条)."""

from __future__ import annotations

import pytest

from bot.domain.medical_period import medical_months, medical_period_text, years_told


@pytest.mark.parametrize(
    ("total", "here", "months"),
    [(8, 2, 3), (8, 5, 6), (12, 3, 6), (12, 5, 9), (15, 12, 12), (25, 16, 18), (30, 20, 24)],
)
def test_the_tiers_of_article_3(total, here, months):
    assert medical_months(total, here) == months


@pytest.mark.parametrize(
    ("text", "total", "here"),
    [
        ("我在这个厂干了5年 总共工作了12年", 12, 5),
        ("我总共上了8年班 在这个厂才2年", 8, 2),
        # the one said plainly is the other one
        ("工作了22年 在现在单位3年", 22, 3),
        ("我干了三年", None, None),
        # "在这干了": here, said short
        ("要是只在这做了4年呢", None, 4),
    ],
)
def test_which_years_are_which(text, total, here):
    assert years_told(text) == (total, here)


def test_the_period_and_its_window_are_worked_out():
    text = medical_period_text("总工龄15年 本单位12年")
    assert text is not None and "12个月" in text and "18个月内" in text and "第四十二条" in text
    assert medical_period_text("我干了三年") is None


def test_a_rough_count_of_years_is_not_read_as_tens():
    # "三四年" is three or four years (it was read as 34, and the period as 6 months)
    assert years_told("我出来打工也才三四年 在这个厂做了两年") == (4, 2)


def test_one_of_the_years_corrected_after_both_were_told() -> None:
    earlier = ["我工作了8年 在这个公司3年 医疗期多久"]
    said = medical_period_text("不对 在这个公司其实做了6年了", earlier)
    assert said is not None and "在本单位6年" in said and "医疗期是6个月" in said
    assert medical_period_text("不对 在这个公司其实做了6年了") is None


def test_a_dismissal_threatened_after_months_of_sick_leave():
    from bot.domain.medical_period import months_off_threatened, threatened_within_text

    assert months_off_threatened("老板说病假超过3个月就把我开了") == 3
    assert months_off_threatened("厂头说歇超过两个月就要辞退我") == 2
    assert months_off_threatened("歇了两个月了 工资咋算") is None  # no dismissal told
    within = threatened_within_text(3, 12, 6)  # 9 months' period
    assert "医疗期是9个月" in within and "还在医疗期内" in within and "第四十二条" in within
    beyond = threatened_within_text(4, 6, 2)  # 3 months' period
    assert "超过了3个月的医疗期" in beyond


def test_the_years_here_with_their_months():
    from bot.domain.medical_period import after_period_text, years_here

    assert years_here("我在厂头干了4年2个月") == 50 / 12
    assert years_here("我总共上了15年班 在这个酒店6年") == 6
    said = after_period_text(50 / 12, 5000)
    assert "干了4年2个月" in said and "4.5×5000=22500元" in said and "共27500元" in said


def test_an_earlier_employer_s_years_leave_the_rest_here():
    # "前头在服装厂做了7年多 加起来是11年": 11 in all, 7 elsewhere, 4 here
    assert years_told("等哈 我算错了 前头在服装厂做了7年多 加起来是11年") == (11, 4)


def test_the_years_in_all_told_alone_take_the_years_here_told_before():
    said = medical_period_text(
        "我之前在别的厂也做过 加起来上班8年", ["我在公司做了3年 查出来得了病"]
    )
    assert said is not None and "医疗期是3个月" in said
    said = medical_period_text(
        "我总共出来打工14年了 那我医疗期有好久", ["我在物流公司仓库做了7年了"]
    )
    assert said is not None and "医疗期是9个月" in said


def test_a_half_year_after_the_years_counts():
    assert years_told("我在公司做了3年半 查出来得了病") == (None, 3.5)


def test_the_years_elsewhere_added_to_the_years_here():
    from bot.domain.medical_period import years_told

    assert years_told("我在这个厂做了4年 之前在别的厂还做了7年 医疗期有好久") == (11.0, 4.0)
