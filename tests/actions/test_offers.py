"""Taking up the bot's last offer in words (actions/offers.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from actions.offers import NAMES, OFFERS, taken_offer
from tests.actions.action_support import make_tracker

RULES = Path(__file__).resolve().parents[2] / "data" / "rules.yml"
APPLY = {"title": "申请调解", "payload": "/mediation_request"}
HUMAN = {"title": "人工服务", "payload": '/human_handoff{"handoff_reason":"frustrated"}'}
HELPFUL = {"title": "有帮助", "payload": '/faq_feedback{"helpful":1}'}


def after(buttons: list[dict], text: str, intent: str):
    """The tracker of a message right after a bot reply with these buttons."""
    history = [{"event": "bot", "text": "……", "data": {"buttons": buttons}}]
    return make_tracker(text, intent, history=history)


def test_each_offer_starts_what_the_rules_start_for_its_intent():
    rules = yaml.safe_load(RULES.read_text(encoding="utf-8"))["rules"]
    first = {}
    for rule in rules:
        steps = rule.get("steps") or []
        if rule.get("condition") or len(steps) < 2 or "intent" not in steps[0]:
            continue
        first.setdefault(steps[0]["intent"], steps[1].get("action"))
    for intent, action in OFFERS.items():
        assert first.get(intent) == action, intent
        assert NAMES[intent]


@pytest.mark.parametrize(
    ("buttons", "text", "intent", "taken"),
    [
        ([APPLY], "那我现在重新申请一个", "nlu_fallback", "mediation_request"),
        ([HELPFUL, APPLY], "要得 那我申请一个", "affirm", "mediation_request"),
        ([APPLY], "好嘛", "affirm", "mediation_request"),  # one thing offered: a yes takes it
        ([HUMAN, APPLY], "好嘛", "affirm", None),  # two: a yes does not say which
        ([HUMAN, APPLY], "找工作人员", "nlu_fallback", "human_handoff"),
        ([HELPFUL], "好的", "affirm", None),  # feedback is no offer to start something
        # a yes under "没太明白" with 人工服务 is no request for a human (确认报名 there)
        ([{"title": "人工服务", "payload": "/human_handoff"}], "确认报名", "affirm", None),
        ([], "申请一个", "nlu_fallback", None),  # nothing was offered
        ([APPLY], "老板欠了我三个月的工资，我想问一下申请调解之前要准备些什么", "affirm", None),
    ],
)
def test_what_takes_up_an_offer(buttons, text, intent, taken):
    found = taken_offer(after(buttons, text, intent))
    assert (found[0] if found else None) == taken


def test_the_button_s_entities_come_along():
    found = taken_offer(after([HUMAN, APPLY], "转人工吧", "nlu_fallback"))
    assert found == ("human_handoff", {"handoff_reason": "frustrated"})


def test_the_actions_of_the_last_turns_most_recent_first():
    from actions.message import previous_actions

    history = [
        {"event": "user", "text": "有啥课"},
        {"event": "action", "name": "action_search_courses"},
        {"event": "bot", "text": "为您找到…"},
        {"event": "action", "name": "action_listen"},  # in Rasa's trackers
        {"event": "user", "text": "材料要自己买不"},
        {"event": "action", "name": "action_out_of_scope"},
        {"event": "bot", "text": "抱歉…"},
    ]
    tracker = make_tracker("帮我报一个", "course_enroll", history=history)
    assert previous_actions(tracker, 2) == ["action_out_of_scope", "action_search_courses"]
    assert previous_actions(tracker, 1) == ["action_out_of_scope"]
    assert previous_actions(make_tracker("你好", "greet"), 2) == []


def test_asking_when_or_how_to_apply_does_not_take_up_the_offered_mediation():
    from actions.offers import _ASKS_WHEN_OR_HOW

    assert _ASKS_WHEN_OR_HOW.search("要在好久之内去申请")
    assert _ASKS_WHEN_OR_HOW.search("咋个申请嘛")
    assert not _ASKS_WHEN_OR_HOW.search("要得 那我申请一个")
    assert not _ASKS_WHEN_OR_HOW.search("帮我申请调解")
