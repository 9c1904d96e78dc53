"""Entries that assume a situation (on probation) fall behind when the worker names none."""

from __future__ import annotations

from dataclasses import dataclass

from bot.knowledge.situations import fits_the_situation, in_a_situation


@dataclass(frozen=True)
class _Entry:
    slug: str
    category: str


@dataclass(frozen=True)
class _Hit:
    answer: _Entry
    score: float


PROBATION = _Hit(_Entry("probation_social_ins", "试用期"), 0.30)
GENERAL = _Hit(_Entry("si_must_pay", "社会保险"), 0.235)


def test_a_probation_entry_falls_behind_when_probation_is_not_named():
    hits = fits_the_situation([PROBATION, GENERAL], "社保没买合法吗")
    assert [h.answer.slug for h in hits] == ["si_must_pay", "probation_social_ins"]


def test_it_stays_first_when_the_worker_says_they_are_on_probation():
    for text in ("试用期不买社保合法吗", "刚入职 公司说转正才买社保"):
        assert fits_the_situation([PROBATION, GENERAL], text)[0] is PROBATION


def test_the_situation_of_an_entry():
    assert in_a_situation(PROBATION.answer) and not in_a_situation(GENERAL.answer)


DIAGNOSIS = _Hit(_Entry("injury_occupational_diagnosis", "工伤"), 0.39)
PROTECTED = _Hit(_Entry("quit_protected", "离职与解除"), 0.20)


def test_a_procedure_falls_behind_a_question_about_losing_the_job():
    hits = fits_the_situation([DIAGNOSIS, PROTECTED], "我还在做职业病诊断 公司说合同到期了不续了")
    assert [h.answer.slug for h in hits] == ["quit_protected", "injury_occupational_diagnosis"]
    # ... and leads when the message asks only where to be diagnosed
    assert fits_the_situation([DIAGNOSIS, PROTECTED], "去哪里做职业病诊断")[0] is DIAGNOSIS


TRIP = _Hit(_Entry("injury_business_trip", "工伤"), 0.24)
COUNTS = _Hit(_Entry("injury_what_counts", "工伤"), 0.20)


def test_an_entry_of_one_situation_falls_behind_when_the_message_does_not_name_it():
    hits = fits_the_situation([TRIP, COUNTS], "在厂里搬货遭砸伤了脚 算工伤不")
    assert [h.answer.slug for h in hits] == ["injury_what_counts", "injury_business_trip"]
    assert fits_the_situation([TRIP, COUNTS], "公司派我出差 路上摔伤了 算工伤不")[0] is TRIP


def test_a_demoted_entry_does_not_reorder_the_others():
    # the general entry put first in a near-tie stays first when a situation's entry falls
    general = _Hit(_Entry("leave_annual_days", "休息休假"), 0.26)
    special = _Hit(_Entry("leave_annual_unused", "休息休假"), 0.267)
    sick = _Hit(_Entry("leave_annual_sick", "休息休假"), 0.237)
    ranked = fits_the_situation([general, special, sick], "how much annual leave")
    assert [h.answer.slug for h in ranked][:2] == ["leave_annual_days", "leave_annual_unused"]


def test_a_pregnant_wife_let_go_puts_the_three_periods_first():
    # "我老婆怀起娃儿4个月 公司把她开了 说是经营困难 这个合法不": told by her husband
    from bot.knowledge.situations import pregnant_and_harmed

    first = _Hit(_Entry("women_three_periods", "女职工保护"), 0.2)
    assert pregnant_and_harmed([first], "我老婆怀起娃儿4个月 公司把她开了 说是经营困难 这个合法不")
    assert not pregnant_and_harmed([first], "我老婆怀起娃儿4个月 公司还在喊她上夜班")
