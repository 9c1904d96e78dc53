"""Pointed rules of bot/knowledge/pointed_claims.py: an ordinary resignation's compensation,
a breach told after quitting was, breakage docked, a dismissal while ill."""

from __future__ import annotations

from bot.knowledge.pointed_claims import (
    breach_after_quitting_told,
    breach_in,
    fine_asked,
    own_quit_pay_asked,
)
from bot.knowledge.pointed_let_go import sick_dismissal_told


def test_an_ordinary_resignation_s_compensation_after_an_answer_on_quitting(bot):
    k = bot.knowledge
    previous = k.get("quit_notice_period")
    said = own_quit_pay_asked(k, previous, "要是我主动辞职 有补偿没得", ("我想辞职",))
    assert said is not None and said.slug == "sev_when_due"
    # a breach told before: quitting over it brings compensation, another entry
    assert own_quit_pay_asked(k, previous, "我自己走的话有补偿不", ("老板拖了我3个月工资",)) is None
    # when it is paid, not whether there is any
    assert own_quit_pay_asked(k, previous, "补偿是啥时候给 我走了他拖起不给咋办", ()) is None


def test_a_threat_to_hold_wages_is_no_breach():
    assert not breach_in(("老板说必须干满今年才放人 不然押一个月工资不发",))
    assert breach_in(("厂里两个月工资都没发",))


def test_a_breach_told_after_the_worker_said_they_want_to_quit(bot):
    k = bot.knowledge
    previous = k.get("sev_when_due")
    said = breach_after_quitting_told(k, previous, "还有 公司一直没给我交社保", ("我不想干了",))
    assert said is not None and said.slug == "quit_immediate_38"
    assert breach_after_quitting_told(k, previous, "还有 公司一直没给我交社保", ()) is None
    # wages held because the worker leaves: not a breach to quit over
    held = "公司说我提前走就是违约 最后一个月工资不给了"
    assert breach_after_quitting_told(k, k.get("quit_notice_period"), held, ("辞职",)) is None
    # a waiver asked of, or where to claim wages after a dismissal: not this rule
    waiver = "他还喊我签个自愿放弃社保的协议 签了是不是他就不用买了"
    assert breach_after_quitting_told(k, previous, waiver, ("我不想干了",)) is None
    owed = "还有上个月工资也还没发"
    assert breach_after_quitting_told(k, k.get("sev_calc"), owed, ("要跟我们解除合同",)) is None


def test_breakage_docked_points_at_the_entry_on_deductions(bot):
    said = fine_asked(bot.knowledge, "我搬货打碎了几箱酒 老板说要扣我2000块工资")
    assert said is not None and said.slug == "wage_deduction_fine"
    assert fine_asked(bot.knowledge, "我搬货打碎了几箱酒") is None


def test_a_dismissal_threatened_after_an_answer_on_sick_leave(bot):
    k = bot.knowledge
    said = sick_dismissal_told(k, k.get("sick_pay"), "老板说病假请久了就把我开了")
    assert said is not None and said.slug == "sick_no_dismissal"
    # the period over: its own entry (period_over_told)
    assert sick_dismissal_told(k, k.get("sick_pay"), "医疗期过了还没好 能开我不") is None
    assert sick_dismissal_told(k, k.get("sick_pay"), "要是3个月了还没好呢 厂里能开除我不") is None


def test_ones_own_quitting_asked_as_a_bare_what_if_or_as_what_one_can_get(bot):
    k = bot.knowledge
    previous = k.get("quit_notice_dismissal")
    said = own_quit_pay_asked(k, previous, "那要是我自己辞职呢", ("公司说效益不好 叫我走",))
    assert said is not None and said.slug == "sev_when_due"
    papers = k.get("quit_certificate_final")
    said = own_quit_pay_asked(k, papers, "能拿 经济补偿? 我自己辞职", ())
    assert said is not None and said.slug == "sev_when_due"
