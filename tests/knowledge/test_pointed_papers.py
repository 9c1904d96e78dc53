"""Entries pointed at by the leaving papers, a pensioner's relation and a dispatch agency."""

from __future__ import annotations

from types import SimpleNamespace

from bot.knowledge.pointed_papers import (
    agency_or_client_asked,
    leaving_papers_refused,
    pensioner_hired_asked,
)
from tests.knowledge.fakes import SlugKnowledge as _Knowledge


def test_the_leaving_papers_refused():
    kb = _Knowledge()
    assert leaving_papers_refused(kb, None, "辞职一个月到了 老板不肯给我开离职证明") == (
        "quit_certificate_final"
    )
    deducted = SimpleNamespace(slug="wage_deduction_fine", category="离职与解除")
    assert leaving_papers_refused(kb, deducted, "要是他一直不开证明 我找不到工作咋办") == (
        "quit_certificate_final"
    )
    assert leaving_papers_refused(kb, None, "离职证明上要写些啥子") is None
    assert leaving_papers_refused(kb, None, "怀疑得了职业病 公司不给开证明 去哪里诊断") is None
    after = SimpleNamespace(slug="quit_certificate_final")
    assert leaving_papers_refused(kb, after, "社保也不给我转") is None


def test_one_drawing_a_pension_hired_again():
    kb = _Knowledge()
    said = "我退休了 领着养老金 在超市理货 老板只肯签劳务合同 这样行不"
    assert pensioner_hired_asked(kb, None, said) == "older_past_retirement"
    assert pensioner_hired_asked(kb, None, "我在超市理货 老板只肯签劳务合同") is None
    after = SimpleNamespace(slug="older_past_retirement")
    assert pensioner_hired_asked(kb, after, "那他现在喊我走人 有没得补偿") is after
    assert pensioner_hired_asked(kb, after, "那工资拖起不给咋办") is None


def test_which_of_the_agency_and_the_firm():
    kb = _Knowledge()
    said = "这笔钱是找派遣公司要还是找电子厂要"
    assert agency_or_client_asked(kb, None, said) == "flex_dispatch_employer"
    assert agency_or_client_asked(kb, None, "劳务派遣能用在哪个岗位") is None
