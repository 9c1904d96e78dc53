"""The rules of blind set 67a: a dispatched worker sent again on worse terms or insured where
the agency is, an outsourced worker managed by the client, an injury past the retirement age,
a pensioner's pay, an intern's pay and overseers, a graduate."""

from __future__ import annotations

from bot.knowledge.focus import focused
from bot.knowledge.pointed import outsourcing_managed_told
from bot.knowledge.pointed_papers import (
    agency_or_client_asked,
    intern_followup_asked,
    pensioner_hired_asked,
    sent_again_told,
)
from tests.knowledge.fakes import Previous
from tests.knowledge.fakes import SlugKnowledge as _Knowledge

DISPATCH = "劳务派遣与灵活用工"


def test_a_dispatched_worker_sent_again_let_go_or_insured_elsewhere():
    kb = _Knowledge()
    employer = Previous(slug="flex_dispatch_employer", category=DISPATCH)
    said = "派遣公司又要派我去璧山一个厂 工资少了500 我不去会不会被开除"
    assert sent_again_told(kb, employer, said) == "flex_dispatch_returned"
    said = "派遣公司在西安 社保一直在西安交的 我在重庆上班"
    assert sent_again_told(kb, employer, said) == "flex_dispatch_insurance_place"
    assert sent_again_told(kb, employer, "社保在重庆交的 这个没问题吧") is None
    returned = Previous(slug="flex_dispatch_returned", category=DISPATCH)
    assert sent_again_told(kb, returned, "合同明年3月就到期了 能让它到期吗") is returned
    assert sent_again_told(kb, employer, "我上个月已经辞了不做了 现在去告还来得及不") is None
    assert sent_again_told(kb, Previous(slug="ot_pay_rates"), "又要派我去别的厂") is None


def test_the_client_managing_an_outsourced_worker():
    kb = _Knowledge()
    outsourced = Previous(slug="flex_outsourcing", category=DISPATCH)
    said = "每天都是酒店的领班排班 打的也是酒店的卡"
    assert outsourcing_managed_told(kb, outsourced, said) is outsourced
    rider = Previous(slug="flex_platform_rider", category=DISPATCH)
    assert outsourcing_managed_told(kb, rider, said) is None


def test_an_injury_past_the_retirement_age_and_a_pensioners_pay():
    kb = _Knowledge()
    said = "我已经过了退休年龄 社保没交够 还在厂里干 前天摔伤了 算工伤不"
    assert pensioner_hired_asked(kb, None, said) == "injury_past_retirement"
    assert pensioner_hired_asked(kb, None, "在厂里摔伤了 算工伤不") is None
    pensioner = Previous(slug="older_past_retirement")
    assert pensioner_hired_asked(kb, pensioner, "晚上值班摔了咋办") == "injury_past_retirement"
    assert pensioner_hired_asked(kb, pensioner, "天天守夜 有没得加班费") is pensioner


def test_an_interns_pay_the_overseers_and_a_graduate():
    kb = _Knowledge()
    rights = Previous(slug="student_intern_rights")
    assert intern_followup_asked(kb, rights, "我才1500 师傅们都拿5000") == "student_intern_rights"
    relation = Previous(slug="student_intern_relation")
    assert intern_followup_asked(kb, relation, "这种事归哪个管") == "student_intern_rights"
    injury = Previous(slug="student_intern_injury")
    said = "我同学去年就毕业了 在那上班也没签合同"
    assert intern_followup_asked(kb, injury, said) == "student_intern_relation"
    assert intern_followup_asked(kb, Previous(slug="ot_pay_rates"), said) is None


def test_the_part_a_redispatch_on_worse_terms_asks():
    answer = (
        "用工单位只有在法定情形下才能退回派遣工。"
        "退回后派遣公司重新派遣时降低了原劳动合同约定的条件，你不同意的，派遣公司不得因此解除劳动合同；"
        "重新派遣维持或提高原条件你还不同意的，派遣公司才可以解除合同。"
        "派遣公司违法解除合同的，你可以要求继续履行合同。"
    )
    part = focused(answer, "派遣公司又要派我去别的厂 工资少了", details=True)
    assert part is not None and "不得因此解除" in part


def test_an_outsourced_worker_the_client_disowns():
    kb = _Knowledge()
    said = "我在商场做保安 是保安公司招的 商场说我们不是他们的员工 工资该找谁"
    assert agency_or_client_asked(kb, None, said) == "flex_outsourcing"
    said = "我是劳务公司派到医院做保洁的 要做手术 公司说请假超过一个月就开除我"
    assert agency_or_client_asked(kb, None, said) is None
