"""A worker let go for one slight fault, and the last wages unsettled after an answer on
leaving (bot/knowledge/pointed_let_go.py)."""

from bot.knowledge.index import Answer
from bot.knowledge.pointed_let_go import (
    LAST_PAY,
    MISCONDUCT_DISMISSAL,
    last_wages_after_leaving_told,
    let_go_for_a_slight_fault_told,
)
from tests.knowledge.fakes import SlugKnowledge as _Knowledge


def _answer(slug: str, category: str) -> Answer:
    return Answer(slug=slug, question="", answer="", source="", category=category)


def test_let_go_for_being_late_once() -> None:
    text = "我在面馆端盘子 就迟到了一次 老板喊我明天不要来了"
    assert let_go_for_a_slight_fault_told(_Knowledge(), text) == MISCONDUCT_DISMISSAL


def test_let_go_for_a_day_off() -> None:
    text = "请了一天假 主管就把我辞退了"
    assert let_go_for_a_slight_fault_told(_Knowledge(), text) == MISCONDUCT_DISMISSAL


def test_a_serious_fault_or_a_ground_of_its_own_is_not_slight() -> None:
    assert let_go_for_a_slight_fault_told(_Knowledge(), "迟到了一回还打了人 被开除了") is None
    assert let_go_for_a_slight_fault_told(_Knowledge(), "试用期迟到一次就把我开了") is None
    assert let_go_for_a_slight_fault_told(_Knowledge(), "迟到一次扣好多钱") is None


def test_the_last_wages_unsettled_after_a_dismissal_answer() -> None:
    previous = _answer("sev_unlawful_2x", "经济补偿")
    told = last_wages_after_leaving_told(_Knowledge(), previous, "上半个月的工资也没发")
    assert told == LAST_PAY


def test_months_of_arrears_or_a_threat_are_not_the_last_wages() -> None:
    previous = _answer("quit_notice_period", "离职与解除")
    assert last_wages_after_leaving_told(_Knowledge(), previous, "三个月工资都没发") is None
    threat = "老板说不然押一个月工资不发"
    assert last_wages_after_leaving_told(_Knowledge(), previous, threat) is None
    other = _answer("leave_annual_days", "休息休假")
    assert last_wages_after_leaving_told(_Knowledge(), other, "这个月工资还没发") is None
