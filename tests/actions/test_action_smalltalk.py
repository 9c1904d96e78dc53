"""Fallback counting and handoff, out of scope, cancelling a form."""

from __future__ import annotations

from actions.cancel_form import ActionCancelForm
from actions.handoff import ActionHandoff
from actions.services import Services
from actions.smalltalk import ActionFallback, ActionOutOfScope, fallback_streak
from bot.store.models import STATE_BOT, STATE_WAITING, Conversation
from tests.actions.action_support import (
    make_tracker,
    payloads,
    run,
    slot_events,
    text_of,
    user_event,
)


def fallback_turn(text: str) -> list[dict]:
    return [
        user_event(text, "nlu_fallback"),
        {"event": "action", "name": "action_fallback"},
        {"event": "bot", "text": "不好意思，我没太明白您的意思"},
    ]


def test_first_fallback_asks_to_rephrase(services: Services) -> None:
    tracker = make_tracker(
        "嗯嗯那个啥",
        "nlu_fallback",
        history=[user_event("你好", "greet"), {"event": "action", "name": "utter_greet"}],
    )
    messages, events = run(ActionFallback(services), tracker)
    assert messages[0]["response"] == "utter_default"
    assert events == []


def test_second_consecutive_fallback_offers_a_human_without_queueing(services: Services) -> None:
    tracker = make_tracker("就是那个事情", "nlu_fallback", history=fallback_turn("嗯嗯那个啥"))
    messages, events = run(ActionFallback(services), tracker)
    assert "换个说法" in text_of(messages)
    assert [b["payload"] for b in messages[0]["buttons"]] == [
        '/human_handoff{"handoff_reason":"repeated_fallback"}',
        "/help",
    ]
    assert events == []  # no handoff, no pause: the worker chooses


def test_taking_up_the_offer_records_why_it_was_made(services: Services) -> None:
    # the offer's button carries its reason (the same payload works on real Rasa)
    offered = fallback_turn("嗯嗯那个啥")  # ends with action_fallback
    pressed = '/human_handoff{"handoff_reason":"repeated_fallback"}'
    tracker = make_tracker(pressed, history=offered)
    _, events = run(ActionHandoff(services), tracker)
    assert slot_events(events)["handoff_reason"] == "repeated_fallback"
    upset = [user_event("气死了", "frustrated"), {"event": "action", "name": "utter_empathize"}]
    pressed = '/human_handoff{"handoff_reason":"frustrated"}'
    tracker = make_tracker(pressed, history=upset)
    _, events = run(ActionHandoff(services), tracker)
    assert slot_events(events)["handoff_reason"] == "frustrated"
    # a reason the bot never offers is not taken from a hand-typed payload
    tracker = make_tracker('/human_handoff{"handoff_reason":"vip"}', history=upset)
    _, events = run(ActionHandoff(services), tracker)
    assert slot_events(events)["handoff_reason"] == "asked"
    tracker = make_tracker("转人工", "human_handoff", history=[user_event("你好", "greet")])
    _, events = run(ActionHandoff(services), tracker)
    assert slot_events(events)["handoff_reason"] == "asked"


def test_an_understood_turn_in_between_resets_the_count() -> None:
    history = fallback_turn("嗯嗯那个啥") + [
        user_event("我想报名书法", "course_enroll"),
        {"event": "action", "name": "enrolment_form"},
    ]
    events = history + [
        user_event("啊这", "nlu_fallback"),
        {"event": "action", "name": "action_fallback"},
    ]
    assert fallback_streak(events) == 1
    answered = [
        user_event("那个加班", "nlu_fallback"),
        {"event": "action", "name": "action_fallback"},
        {"event": "action", "name": "action_answer_policy"},
    ]
    assert fallback_streak(answered + [user_event("啊这", "nlu_fallback")]) == 1
    after_human = fallback_turn("嗯") + [
        {"event": "pause"},
        {"event": "resume"},
        user_event("啊", "nlu_fallback"),
    ]
    assert fallback_streak(after_human) == 1
    assert (
        fallback_streak(fallback_turn("a") + fallback_turn("b") + [user_event("c", "nlu_fallback")])
        == 3
    )


def test_a_policy_question_the_classifier_missed_is_answered(services: Services) -> None:
    tracker = make_tracker("周末加班工资怎么算", "nlu_fallback", history=fallback_turn("嗯嗯"))
    messages, events = run(ActionFallback(services), tracker)
    assert messages == []
    assert events == [{"event": "followup", "timestamp": None, "name": "action_answer_policy"}]


def add_conversation(services: Services, sender: str, state: str) -> None:
    with services.db.session() as s:
        s.add(Conversation(channel="wechat", sender_id=sender, state=state, slots={}))


def test_handoff_tells_the_queue_position_and_pauses_last(services: Services) -> None:
    add_conversation(services, "o-1", STATE_WAITING)
    add_conversation(services, "o-2", STATE_WAITING)
    add_conversation(services, "o-3", STATE_BOT)
    add_conversation(services, "o-me", STATE_WAITING)  # this worker is not ahead of themselves
    tracker = make_tracker("我要找人工", "human_handoff", channel="wechat", sender="o-me")
    messages, events = run(ActionHandoff(services), tracker)
    assert "已为您转接人工服务，前面还有 2 位" in text_of(messages)
    assert slot_events(events) == {"handoff_reason": "asked"}
    assert events[-1]["event"] == "pause"
    assert not any(e["event"] == "active_loop" for e in events)


def test_handoff_from_a_form_leaves_it_but_keeps_the_slots(services: Services) -> None:
    tracker = make_tracker(
        "你们这个机器人太烦了",
        "frustrated",
        active_loop="mediation_form",
        slots={"name": "王建国", "employer": "重庆渝建建筑工程有限公司", "requested_slot": "phone"},
    )
    messages, events = run(ActionHandoff(services), tracker)
    assert "前面没有人在等" in text_of(messages)
    kinds = [e["event"] for e in events]
    assert kinds[-1] == "pause" and "active_loop" in kinds
    assert slot_events(events) == {
        "handoff_reason": "frustrated",
        "requested_slot": None,
        "mediation_confirm": None,
        "edit_field": None,
    }


def test_handoff_after_repeated_fallback_keeps_that_reason(services: Services) -> None:
    tracker = make_tracker("啊这", "nlu_fallback", slots={"handoff_reason": "repeated_fallback"})
    _, events = run(ActionHandoff(services), tracker)
    assert slot_events(events)["handoff_reason"] == "repeated_fallback"


def test_out_of_scope(services: Services) -> None:
    messages, _ = run(ActionOutOfScope(services), make_tracker("帮我订张机票", "out_of_scope"))
    assert messages[0]["response"] == "utter_out_of_scope"


def test_cancel_inside_a_form_clears_it_but_keeps_name_and_phone(services: Services) -> None:
    slots = {
        "name": "王建国",
        "phone": "13912345678",
        "employer": "重庆渝建",
        "dispute_type": "工伤",
        "requested_slot": "description",
    }
    messages, events = run(
        ActionCancelForm(services),
        make_tracker("算了不弄了", "cancel", slots=slots, active_loop="mediation_form"),
    )
    assert messages[0]["response"] == "utter_form_cancelled"
    assert events[0] == {"event": "active_loop", "timestamp": None, "name": None}
    cleared = slot_events(events)
    assert (
        cleared["employer"] is None
        and cleared["dispute_type"] is None
        and cleared["mediation_confirm"] is None
    )
    assert "name" not in cleared and "phone" not in cleared


def test_cancel_outside_a_form_offers_the_menu(services: Services) -> None:
    messages, events = run(ActionCancelForm(services), make_tracker("取消", "cancel"))
    assert events == []
    assert "还有什么可以帮您" in text_of(messages)
    assert "/mediation_request" in payloads(messages)


def test_what_the_bot_does_is_told_from_help_with_a_topic():
    from actions.topic_opener import WHAT_THE_BOT_DOES as _WHAT_THE_BOT_DOES

    assert _WHAT_THE_BOT_DOES.search("你能帮我干啥")
    assert _WHAT_THE_BOT_DOES.search("那你还能帮我做些啥子")
    assert _WHAT_THE_BOT_DOES.search("你们这里都可以办哪些事")
    assert not _WHAT_THE_BOT_DOES.search("你们这里能帮我查社保不")
    assert _WHAT_THE_BOT_DOES.search("工会能帮我啥子")
    assert _WHAT_THE_BOT_DOES.search("工会这边能帮啥子忙")


def test_a_barely_read_request_for_staff_is_offered_not_acted_on(services: Services) -> None:
    from actions.handoff import UNSURE_TEXT

    tracker = make_tracker("我想找个律师 要钱不", "human_handoff")
    tracker.latest_message["intent"]["confidence"] = 0.32
    messages, events = run(ActionHandoff(services), tracker)
    assert events == []  # not queued
    assert messages[0]["text"] == UNSURE_TEXT
    assert payloads(messages)[0] == '/human_handoff{"handoff_reason":"asked"}'
    # a sure reading (typed 转人工, a rule, a button) queues at once
    sure = make_tracker("转人工", "human_handoff")
    _, events = run(ActionHandoff(services), sure)
    assert slot_events(events)["handoff_reason"] == "asked"
