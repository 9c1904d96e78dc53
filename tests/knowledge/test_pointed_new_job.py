"""A new job's first questions (blind set 66a): probation's wages withheld, a charge taken
from the wages after the deposit's entry, papers not given back, a waiver signed, and the
worker who will not sign the contract."""

from __future__ import annotations

from bot.knowledge.index import Answer
from bot.knowledge.pointed_denied import let_go_without_contract_asked
from bot.knowledge.pointed_fresh import probation_unpaid_asked
from bot.knowledge.pointed_topics import AFTER_A_TOPIC
from tests.knowledge.fakes import SlugKnowledge as _Knowledge


def _after(slug: str, category: str, text: str) -> list[str]:
    previous = Answer(slug, "问", "答", "据", category)
    return [rule.entry for rule in AFTER_A_TOPIC if rule.points(previous, text)]


def test_wages_withheld_for_being_on_probation():
    kb = _Knowledge()
    assert probation_unpaid_asked(kb, "发薪日到了 经理说试用期的工资不发") == "probation_pay"
    assert probation_unpaid_asked(kb, "老板说不发工资 等试用期过了再说") == "probation_pay"
    assert probation_unpaid_asked(kb, "试用期不交社保合法吗") is None


def test_a_charge_from_the_wages_and_papers_kept_after_the_deposit_entry():
    said = "另外鞋子钱150 说在第一个月工资里扣"
    assert "wage_deduction_fine" in _after("contract_id_deposit", "劳动合同", said)
    assert "wage_deduction_fine" not in _after("ot_pay_rates", "工时与加班", said)
    back = "证件他们不还给我的话找谁"
    assert "contract_id_deposit" in _after("contract_id_deposit", "劳动合同", back)


def test_a_waiver_already_signed_after_an_insurance_answer():
    said = "我都签了 还能要他补缴不"
    assert "si_waiver_invalid" in _after("si_must_pay", "社会保险", said)
    assert "si_waiver_invalid" not in _after("ot_pay_rates", "工时与加班", said)


def test_the_worker_who_will_not_sign_is_no_unlawful_dismissal():
    kb = _Knowledge()
    previous = Answer("contract_sign_deadline", "问", "答", "据", "劳动合同")
    own = "过了一个月是我自己不愿意签 公司能叫我走不"
    assert let_go_without_contract_asked(kb, previous, own) == "contract_worker_refuses"
    theirs = "要是他一直不签还把我开除了呢"
    assert let_go_without_contract_asked(kb, previous, theirs) == "sev_unlawful_2x"
