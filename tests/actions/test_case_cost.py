"""The cost of the worker's own case asked right after filing it (actions/case_cost.py)."""

from __future__ import annotations

import pytest

from actions.case_cost import FEE_ENTRY, case_cost_instead
from tests.actions.action_support import make_tracker


def after(action: str, text: str, intent: str = "course_followup"):
    history = [
        {"event": "action", "name": action},
        {"event": "bot", "text": "您的调解申请已提交，案件编号：TJ20261208-0002"},
    ]
    return make_tracker(text, intent, history=history)


@pytest.mark.parametrize(
    "text", ["does this cost me anything", "这个要交钱不", "要收费吗", "is it free?"]
)
def test_the_cost_asked_right_after_filing_is_the_fee_entry(text):
    events = case_cost_instead(after("action_submit_mediation", text))
    assert events is not None
    assert events[0]["name"] == "faq_id" and events[0]["value"] == FEE_ENTRY


def test_after_the_status_shown_too():
    assert case_cost_instead(after("action_mediation_status", "要花钱不")) is not None


@pytest.mark.parametrize(
    "text",
    [
        "请律师要好多钱",  # a lawyer's cost, not the case's
        "书法班要交钱不",  # a course's
        "然后呢 我要做啥子",  # no cost asked
    ],
)
def test_another_things_cost_or_no_cost_is_not_taken(text):
    assert case_cost_instead(after("action_submit_mediation", text)) is None


def test_not_after_the_case():
    assert case_cost_instead(after("action_answer_policy", "这个要交钱不")) is None
