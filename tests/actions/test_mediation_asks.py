"""A short question about mediation itself while its request is filled in (actions/mediation_asks.py)."""

from __future__ import annotations

from types import SimpleNamespace

from rasa_sdk.executor import CollectingDispatcher

from actions.mediation_asks import mediation_aspect_instead
from bot.knowledge.index import Answer, Hit
from tests.actions.action_support import FakeKnowledge, make_tracker

FEE = Answer(
    "mediation_fee", "调解收费吗？", "不收费。调解免费。", "《人民调解法》第四条", "劳动争议处理"
)
LENGTH = Answer("mediation_duration", "调解要多久？", "15天内结束。", "第十四条", "劳动争议处理")
SERVICES = SimpleNamespace(knowledge=FakeKnowledge([Hit(FEE, 0.2), Hit(LENGTH, 0.2)]))


def _asked(text: str, loop: str | None = "mediation_form") -> tuple[list | None, list[dict]]:
    tracker = make_tracker(
        text, "course_followup", slots={"requested_slot": "mediation_confirm"}, active_loop=loop
    )
    dispatcher = CollectingDispatcher()
    return mediation_aspect_instead(SERVICES, dispatcher, tracker), dispatcher.messages


def test_a_fee_asked_at_the_summary_is_what_mediation_costs():
    for text in ("这个要钱吗 我手头紧", "wait, is this free? money is tight", "免费?"):
        events, said = _asked(text)
        assert events is not None and events[0]["value"] == "mediation_fee", text
        assert "不收费" in said[0]["text"]


def test_how_long_asked_is_its_length():
    events, _ = _asked("这个要好久")
    assert events is not None and events[0]["value"] == "mediation_duration"


def test_a_sum_owed_or_a_course_or_outside_the_form_is_not_asked_of_mediation():
    assert _asked("一共该给我多少钱")[0] is None  # the wages owed, summed
    assert _asked("how much can i ask for")[0] is None  # the compensation
    assert _asked("那个课要钱吗")[0] is None  # a course's fee
    assert _asked("这个要钱吗", loop=None)[0] is None  # no request being filled
