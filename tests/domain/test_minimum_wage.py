"""Pay said to hold the overtime, against the minimum wage."""

from __future__ import annotations

import pytest

from bot.domain.minimum_wage import (
    OVERTIME_INSIDE,
    overtime_hours,
    overtime_inside_text,
    sum_inside,
)


@pytest.mark.parametrize(
    "text",
    ["老板说这2000里面包括了加班费", "厂里说工资含加班费的", "他说加班费已经算进去了"],
)
def test_pay_said_to_hold_the_overtime(text: str) -> None:
    assert OVERTIME_INSIDE.search(text)


def test_the_sum_and_the_hours() -> None:
    assert sum_inside("这2000块里头都有加班费") == 2000
    assert overtime_hours("我一个月平时加班大概40个小时") == 40
    assert overtime_hours("还有20个钟头的加班") == 20


def test_the_normal_hours_pay_worked_back() -> None:
    text = overtime_inside_text(2000, 40)
    # 2000 ÷ (1 + 40 × 150% ÷ 174) ≈ 1487
    assert "1487元" in text and "不包括加班工资" in text and "第十二条" in text


def test_without_the_hours_the_rule_alone() -> None:
    text = overtime_inside_text(2000, None)
    assert "扣掉加班费" in text and "≈" not in text


def test_overtime_added_to_reach_the_minimum_is_overtime_inside():
    assert OVERTIME_INSIDE.search("老板讲连上加班费我就不止最低工资了")
    assert OVERTIME_INSIDE.search("公司说加上加班工资就够最低标准了")
