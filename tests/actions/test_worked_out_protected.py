"""A protected worker (ill, pregnant) let go anyway: the 2N from the figures told."""

from __future__ import annotations

from types import SimpleNamespace

from actions.worked_out_protected import protected_forced_reply


def _tracker(*said: str) -> SimpleNamespace:
    # (the message being answered is the last one told: recent_user_texts reads those before)
    return SimpleNamespace(events=[{"event": "user", "text": t} for t in [*said, "…"]], slots={})


def test_let_go_anyway_within_the_medical_period():
    tracker = _tracker("我腰椎间盘突出在休病假 公司说要辞退我", "我参加工作8年了 在这个公司3年")
    said = protected_forced_reply(None, tracker, "工资4200 要是他硬要辞退我呢")
    assert said is not None and "25200元" in said


def test_a_pregnant_worker_with_the_figures_in_the_same_message():
    tracker = _tracker("我怀孕4个月了 合同下个月到期")
    said = protected_forced_reply(None, tracker, "我干了5年零4个月 工资4600 要是公司硬要我走呢")
    assert said is not None and "50600元" in said


def test_not_once_the_period_is_over_nor_without_protection():
    tracker = _tracker("我在休病假", "我参加工作8年了 在这个公司3年 工资4200")
    assert protected_forced_reply(None, tracker, "医疗期满了他硬要辞退我呢") is None
    plain = _tracker("我在厂里干了3年 工资4200")
    assert protected_forced_reply(None, plain, "要是他硬要辞退我呢") is None
