"""Leaving a job (blind set 67c): dangerous work ordered, money kept back and refused on,
insurance asked by one out of a job, the days worked not read as a length asked."""

from __future__ import annotations

from bot.knowledge.focus import focused
from bot.knowledge.pointed_both import both_said_asked
from bot.knowledge.pointed_let_go import kept_money_pressed
from bot.knowledge.pointed_papers import insurance_when_out_of_work_asked
from tests.knowledge.fakes import Previous
from tests.knowledge.fakes import SlugKnowledge as _Knowledge


def test_dangerous_work_ordered_and_leaving_over_it():
    kb = _Knowledge()
    said = "项目经理喊我们在6楼外面搭架子 安全带都不发 不上就滚 我现在想马上走 还要提前一个月说不"
    assert both_said_asked(kb, said) == "quit_immediate_38"
    assert both_said_asked(kb, "车间没有防护 强令我们冒险作业 我想辞职") == "quit_immediate_38"
    # (the danger alone, nothing said of leaving: not this)
    assert both_said_asked(kb, "安全带都不发 这样合法不") is None


def test_money_kept_back_and_refused_on_asks_the_ways_to_claim():
    kb = _Knowledge()
    deposit = Previous(slug="contract_id_deposit", category="劳动合同")
    assert kept_money_pressed(kb, deposit, "他要是一直拖起不给 还有啥子说法没得") == (
        "dispute_routes"
    )
    assert kept_money_pressed(kb, deposit, "他就是不退 咋个办") == "dispute_routes"
    assert kept_money_pressed(kb, deposit, "押金要退好多") is None
    other = Previous(slug="ot_pay_rates", category="工时与加班")
    assert kept_money_pressed(kb, other, "他要是一直拖起不给 还有啥子说法没得") is None


def test_insurance_asked_by_one_out_of_a_job():
    kb = _Knowledge()
    flexible = "si_flexible_after_leaving"
    assert insurance_when_out_of_work_asked(kb, "下个月辞职 新单位还没定 社保咋个办") == flexible
    assert insurance_when_out_of_work_asked(kb, "我离职了新工作还没找到社保怎么办") == flexible
    # (the employer's failure, the insurance moved, the benefit: their own entries)
    assert insurance_when_out_of_work_asked(kb, "离职了公司没给我交社保咋办") is None
    assert insurance_when_out_of_work_asked(kb, "离职后社保怎么转") is None
    assert insurance_when_out_of_work_asked(kb, "社保怎么办") is None


def test_the_days_worked_are_no_length_asked():
    answer = (
        "离职证明必须开。合同解除或终止时，单位应当出具证明，并在15日内办好档案转移手续；"
        "工资应在解除或终止时一次付清。"
    )
    assert focused(answer, "这个月干了的几天工资会给吗") is None
    assert focused(answer, "档案几天之内要转") is not None


def test_a_contract_never_signed_told_as_an_aside():
    from actions.worked_out_contract import _bare_clause

    assert _bare_clause("合同也没签过") == "合同也没签过"
    assert _bare_clause("对了合同也没签过 工资都是项目经理代公司发的") == "对了合同也没签过"
    # a story of the relation with "合同一直没签" among its clauses: no aside
    story = (
        "但是我是站点排班的 每天早上要打卡开早会 迟到要扣钱 钱也是站点发 合同一直没签 干了8个月了"
    )
    assert _bare_clause(story) is None
