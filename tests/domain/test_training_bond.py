"""A training bond's largest penalty: the cost of the part of the service period not served."""

from __future__ import annotations

from bot.domain.training_bond import bond_penalty_text


def test_the_penalty_is_the_cost_of_the_years_left():
    said = bond_penalty_text(["培训费是12000 服务期3年 她已经干满2年了 最多赔好多"])
    assert said is not None and "4000元" in said and "还差1年" in said


def test_figures_told_in_several_messages_are_taken_from_the_newest():
    said = bond_penalty_text(["我已经干了1年半 最多赔好多", "培训费9000 服务期是3年"])
    assert said is not None and "4500元" in said


def test_a_period_served_in_full_owes_nothing():
    said = bond_penalty_text(["培训费6000 服务期2年 我已经干了3年"])
    assert said is not None and "不用再付" in said


def test_nothing_without_all_three_figures():
    assert bond_penalty_text(["培训费6000 最多赔好多"]) is None


def test_the_cost_told_as_spent_and_the_term_before_its_words():
    said = bond_penalty_text(["培训完回来我干了刚好一年", "学费加差旅一共花了24000 签了4年服务期"])
    assert said is not None and "18000元" in said


def test_leaving_over_the_employers_breach_owes_no_penalty():
    from bot.domain.training_bond import bond_figure_told, breach_leaving_text

    assert "不用支付违约金" in breach_leaving_text()
    assert bond_figure_told("培训完回来我干了刚好一年")
    assert not bond_figure_told("那进厂时候搞的那个三天安全培训呢")
