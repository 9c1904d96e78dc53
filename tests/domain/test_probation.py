"""The longest probation a contract allows (劳动合同法第十九条) and the excess (第八十三条)."""

from __future__ import annotations

import pytest

from bot.domain.probation import (
    contract_months,
    extends_probation,
    longest_probation,
    months_so_far,
    probation_floor_text,
    probation_months,
    probation_text,
)


@pytest.mark.parametrize(
    ("term", "cap"), [(2, 0), (3, 1), (11, 1), (12, 2), (35, 2), (36, 6), (float("inf"), 6)]
)
def test_the_caps_follow_article_19(term, cap):
    assert longest_probation(term) == cap


@pytest.mark.parametrize(
    ("text", "term", "given"),
    [
        ("我签的三年合同 试用期给我定了8个月", 36, 8),
        ("合同签了一年 试用期三个月", 12, 3),
        ("两年的劳动合同 要试用半年", 24, 6),
        ("签了无固定期限合同 试用期6个月", float("inf"), 6),
        # a question about probation across a space is no probation told
        ("试用期最长好久 我签的三年合同", 36, None),
        ("那要是签三年的呢", 36, None),
    ],
)
def test_the_term_and_the_probation_told(text, term, given):
    assert contract_months(text) == term
    assert probation_months(text) == given


def test_the_excess_is_worked_out_and_within_the_cap_says_so():
    over = probation_text("合同签了1年 试用期定的4个月")
    assert over is not None and "最长2个月" in over and "超了2个月" in over and "第八十三条" in over
    within = probation_text("一年合同 试用期1个月")
    assert within is not None and "没有超过上限" in within and "80%" in within
    short = probation_text("合同签的是2个月 试用期一个月")
    assert short is not None and "不能约定试用期" in short
    assert probation_text("试用期最长好久") is None


def test_an_extension_is_not_the_probation_agreed():
    # the law allows one probation: the months of an extension are no probation's length
    assert extends_probation("老板又说我表现不好 要再延长三个月试用期")
    assert extends_probation("试用期又加两个月")
    assert not extends_probation("合同签了1年 试用期定的4个月")


def test_the_excess_already_worked_is_worked_out_with_the_pay():
    # a one-year contract, 6 months agreed, 5 worked, 5000 after probation: 3 months over
    # the 2-month cap already worked, 15000 元 (第八十三条)
    assert months_so_far("我都已经做了5个月了 多出来那几个月咋算") == 5
    text = probation_text("合同签一年 试用期写的6个月", so_far=5, pay=5000)
    assert text is not None and "3×5000=15000元" in text
    within = probation_text("合同签一年 试用期写的6个月", so_far=1)
    assert within is not None and "还没超过上限" in within


def test_a_probation_pay_told_as_a_share():
    from bot.domain.probation import probation_share_text, share_told

    assert share_told("试用期工资只给我打了7折 合法不") == 70
    assert share_told("试用期工资还只发6成") == 60
    assert share_told("工资打7折") is None  # no probation named
    below = probation_share_text("试用期工资只给我打了7折 合法不")
    assert below is not None and "不合法" in below
    at_floor = probation_share_text("试用期给80%")
    assert at_floor is not None and "没有低于" in at_floor


def test_the_share_worked_out_with_the_pay_after_probation():
    from bot.domain.probation import share_with_pay_text

    text = share_with_pay_text(60, 5000)
    assert "3000元" in text and "4000元" in text and "少了1000元" in text


def test_the_floor_is_80_percent_of_the_pay_after_probation():
    said = probation_floor_text(4500)
    assert "最少3600元" in said and "每月少" not in said and said.endswith("第十五条")
    short = probation_floor_text(4500, 3000)
    assert "单位只给3000元，每月少600元" in short
    # (a probation pay at the floor or above is no shortfall)
    assert "每月少" not in probation_floor_text(4500, 3600)


def test_the_pay_the_contract_writes_is_the_pay_after_probation():
    from bot.domain.probation import probation_pay_text

    said = probation_pay_text("合同写的工资4000 试用期只发我2800")
    assert said is not None and "3200元" in said


def test_the_cap_of_a_term_told_alone():
    from bot.domain.probation import cap_text

    assert "最长2个月" in (cap_text("我签的是两年的合同") or "")
    assert "最长6个月" in (cap_text("合同签了3年") or "")
    assert "不能约定试用期" in (cap_text("签的2个月合同") or "")
    assert cap_text("两年合同 试用期6个月") is None  # (the probation given: probation_text's)
    assert cap_text("试用期最长好久") is None
