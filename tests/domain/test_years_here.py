"""The years at this employer, not those of a working life or of an earlier employer
(《劳动合同法》第四十七条: the compensation counts the years here only)."""

from __future__ import annotations

import pytest

from bot.domain.severance import months_worked
from bot.domain.years_here import latest_length, months_here


@pytest.mark.parametrize(
    ("text", "months"),
    [
        ("我在物流公司仓库做了7年了 腰杆动了手术", 84),
        ("我参加工作8年了 在现在这个单位干了6年", 72),
        ("我总共干了5年", 60),  # (总共 alone: the years here)
        ("干了2年5个月 工资4200 等哈 我说错了 是2年8个月", 32),
        ("是3年5个月", 41),
    ],
)
def test_the_years_here(text, months):
    assert months_here(text) == months


@pytest.mark.parametrize(
    "text",
    [
        "我总共出来打工14年了 那我医疗期有好久",
        "等哈 我算错了 前头在服装厂做了7年多 加起来是11年",
        "我之前在别的厂也做过 加起来上班8年",
    ],
)
def test_a_working_life_or_an_earlier_job_is_not_the_years_here(text):
    assert months_here(text) is None


def test_the_years_here_told_before_the_working_life():
    told = ["我一个月6000 就按这个算 N+1是好多", "我总共出来打工14年了", "我在仓库做了7年了"]
    assert latest_length(told) == 84


def test_a_length_said_with_where():
    assert months_worked("到那时候我在这里刚好整4年 一个月4800") == 48
