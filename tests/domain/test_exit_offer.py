"""A sum offered to leave by agreement, weighed against the compensation (《劳动合同法》第三十六条、
第四十六条、第四十七条、第八十七条)."""

import pytest

from bot.domain.exit_offer import (
    by_agreement,
    offer_rule_text,
    offer_text,
    offered_sum,
    weighs_offer,
)


@pytest.mark.parametrize(
    ("text", "offered"),
    [
        ("厂里说协商解除 给我3万块 划算不", 30000),
        ("老板劝退 说赔我两万五", 25000),
        ("那他出4万 还差好多", 40000),
        ("给我3个月工资", None),  # months of pay, not a sum
        ("给我500块路费", None),  # too small to be an offer to leave
        ("工资6000", None),
    ],
)
def test_the_sum_offered(text, offered):
    assert offered_sum(text) == offered


def test_leaving_by_agreement_and_the_offer_weighed():
    assert by_agreement("人事找我谈话 要协商解除")
    assert not by_agreement("老板直接把我开了")
    assert weighs_offer("这个价钱划不划算")
    assert weighs_offer("那他给的差多少")
    assert not weighs_offer("我做了4年")


def test_the_floor_is_told_while_the_figures_are_not():
    said = offer_rule_text(30000)
    assert "30000元" in said
    assert "经济补偿" in said and "干了几年" in said


def test_an_offer_short_of_n_is_short_by_the_difference():
    said = offer_text(30000, 4 * 12 + 7, 6500)  # 4年7个月: 5 months' pay, 32500
    assert "5个月×6500=32500元" in said
    assert "少2500元" in said
    assert "65000元" in said  # the 2N if let go without a reason instead


def test_an_offer_above_n_reaches_the_floor():
    said = offer_text(40000, 3 * 12 + 2, 8000)  # 3年2个月: 3.5 months, 28000
    assert "不低于经济补偿（多12000元）" in said
    assert "少" not in said.split("\n")[2]


def test_the_offer_refused():
    from bot.domain.exit_offer import refusal_asked, refusal_text

    assert refusal_asked("才给3万 我不同意会咋样")
    said = refusal_text(30000, 6 * 12 + 2, 6000)
    assert "可以不签" in said and "协商一致" in said
    # 6年2个月 is 6.5 months' pay: N 39000, 2N 78000, N and a month in lieu 45000
    assert "78000元" in said and "39000元" in said and "45000元" in said


def test_leaving_on_ones_own_word():
    from bot.domain.exit_offer import own_resignation_asked, own_resignation_text

    assert own_resignation_asked("要是我主动辞职呢")
    assert "不支付经济补偿" in own_resignation_text(30000)


def test_months_of_pay_offered_for_a_resignation():
    from bot.domain.exit_offer import by_agreement, offered_months, own_resignation_asked

    said = "主管叫我打个辞职报告 说补我一个月工资 我干了5年 工资5600"
    assert by_agreement(said)
    assert offered_months(said, 5600) == 5600
    assert offered_months("说给我半个月工资", 6000) == 3000
    assert offered_months("说给我半个月工资", None) is None
    assert own_resignation_asked("那要是我自己写了辞职信呢")
