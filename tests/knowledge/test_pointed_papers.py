"""Entries pointed at by the leaving papers, a pensioner's relation and a dispatch agency."""

from __future__ import annotations

from types import SimpleNamespace

from bot.knowledge.pointed_papers import (
    agency_or_client_asked,
    insurance_after_leaving_asked,
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


def test_the_papers_asked_by_when_and_the_excuse_of_ones_own_leaving():
    kb = _Knowledge()
    assert leaving_papers_refused(kb, None, "我的社保和档案他们多久要转出去") == (
        "quit_certificate_final"
    )
    assert (
        leaving_papers_refused(kb, None, "公司那边停保要我自己去办不") == "quit_certificate_final"
    )
    papers = SimpleNamespace(slug="quit_certificate_final", category="离职与解除")
    said = leaving_papers_refused(kb, papers, "他们说我是自己要走的 又不是他们开除我 不得开")
    assert said is papers


def test_insurance_kept_up_alone_after_leaving_work():
    kb = _Knowledge()
    jobless = SimpleNamespace(slug="si_unemployment", category="社会保险")
    assert (
        insurance_after_leaving_asked(kb, jobless, "养老保险呢", ()) == "si_flexible_after_leaving"
    )
    assert insurance_after_leaving_asked(kb, jobless, "医保呢", ()) is None
    years = SimpleNamespace(slug="si_pension_medical", category="社会保险")
    shop = ("我准备不打工了 回屋头开个小面馆 我的社保咋个办",)
    said = insurance_after_leaving_asked(kb, years, "医保呢 断了会咋样", shop)
    assert said == "si_flexible_after_leaving"
    assert insurance_after_leaving_asked(kb, years, "医保呢 断了会咋样", ()) is None
