"""A handoff when the actions serve a Rasa server: the worker reaches our staff console.

The trackers are built the way Rasa sends them to an action server (sender id as the channel
gave it, the channel in the user event's input_channel, no metadata of ours); the database, the
staff desk and the console's operations are the real ones. Real Rasa runs the same round trip
in bench/rasa_conversations.py.
"""

from __future__ import annotations

import asyncio
import dataclasses
from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy import select

from actions.handoff import ActionHandoff
from actions.handoff_rasa import (
    ANSWER,
    LEFT,
    ActionBackToBot,
    ValidateHandoffForm,
    said_before,
)
from actions.smalltalk import ActionFallback, ActionOutOfScope
from bot.staff.desk import ConsoleDesk
from bot.staff.handoff import RELEASED_TEXT, Desk
from bot.staff.outside import OutsideDesk
from bot.staff.turn_hooks import StaffTurnHooks
from bot.store.models import (
    EV_STAFF,
    EV_USER,
    MISS_FALLBACK,
    STATE_BOT,
    STATE_WAITING,
    Conversation,
    Event,
    MisunderstoodMessage,
    Rating,
)
from tests.actions.action_support import DOMAIN, run, slot_events, text_of


@pytest.fixture
def on_rasa(services):
    return dataclasses.replace(services, on_rasa=True)


def rasa_tracker(
    text: str,
    intent: str | None = None,
    slots: dict[str, Any] | None = None,
    history: list[dict[str, Any]] | None = None,
    active_loop: str | None = None,
    sender: str = "w1",
) -> Tracker:
    """A tracker as Rasa 3.6 posts it to the action server for a REST-channel worker."""
    parse = {
        "text": text,
        "intent": {"name": intent, "confidence": 0.95},
        "intent_ranking": [{"name": intent, "confidence": 0.95}],
        "entities": [],
        "metadata": {},
    }
    user = {"event": "user", "text": text, "parse_data": parse, "input_channel": "rest"}
    all_slots: dict[str, Any] = {name: None for name in DOMAIN["slots"]}
    all_slots["requested_slot"] = None
    all_slots.update(slots or {})
    return Tracker(
        sender_id=sender,
        slots=all_slots,
        latest_message=parse,
        events=[*(history or []), user],
        paused=False,
        followup_action=None,
        active_loop={"name": active_loop} if active_loop else {},
        latest_action_name="action_listen",
    )


def held(text: str, seen: float, sender: str = "w1") -> Tracker:
    """A message while handoff_form holds the worker (Rasa's from_text filled the slot)."""
    slots = {"handoff_note": text, "handoff_seen": seen, "requested_slot": "handoff_note"}
    return rasa_tracker(text, "inform", slots, active_loop="handoff_form", sender=sender)


def conversation(db, sender: str = "w1") -> Conversation:
    with db.read() as s:
        return s.scalar(select(Conversation).where(Conversation.sender_id == sender))


def hand_over(on_rasa, text: str = "我要找人工", sender: str = "w1", history=None):
    return run(
        ActionHandoff(on_rasa), rasa_tracker(text, "human_handoff", history=history, sender=sender)
    )


def test_the_handoff_queues_the_worker_in_the_console_with_their_real_place(on_rasa):
    OutsideDesk(on_rasa.db, StaffTurnHooks(on_rasa.config)).hand_over("rest", "w0", None, "asked")
    history = [
        {"event": "user", "text": "公司欠我工资", "input_channel": "rest"},
        {"event": "bot", "text": "您可以申请调解。"},
    ]
    messages, events = hand_over(on_rasa, history=history)
    assert "前面还有 1 位" in text_of(messages)
    assert "工作人员的回复会在您下一次发消息时显示" in text_of(messages)
    # Rasa keeps running the conversation in handoff_form; a pause would drop every message
    assert any(e["event"] == "active_loop" and e["name"] == "handoff_form" for e in events)
    assert slot_events(events)["requested_slot"] == "handoff_note"
    assert not any(e["event"] == "pause" for e in events)
    queue = Desk(on_rasa.db).queue()
    assert [(q.sender_id, q.state, q.reason) for q in queue] == [
        ("w0", STATE_WAITING, "asked"),
        ("w1", STATE_WAITING, "asked"),
    ]
    assert queue[1].channel == "rest" and queue[1].last_message == "我要找人工"
    with on_rasa.db.read() as s:
        said = s.scalars(
            select(Event.text).where(Event.conversation_id == queue[1].conversation_id)
        ).all()
    # what was said before, for staff, then the handoff itself
    assert said[:3] == ["公司欠我工资", "您可以申请调解。", "我要找人工"]


def test_messages_reach_staff_and_staff_replies_reach_the_worker(on_rasa):
    _, events = hand_over(on_rasa)
    seen = slot_events(events)["handoff_seen"]
    validate = ValidateHandoffForm(on_rasa)
    # Rasa runs the form at once after action_handoff, on the message that asked: not again
    first = held("我要找人工", seen)
    first.events.append({"event": "action", "name": "action_handoff"})
    assert run(validate, first) == ([], [])
    with on_rasa.db.read() as s:
        assert s.scalars(select(Event.text).where(Event.type == EV_USER)).all() == ["我要找人工"]

    messages, events = run(validate, held("我的工资问题很急", seen))
    assert "已收到" in text_of(messages)
    assert slot_events(events)["handoff_note"] is None  # the form keeps the worker with staff
    seen = slot_events(events)["handoff_seen"]
    conv = conversation(on_rasa.db)
    assert Desk(on_rasa.db).queue()[0].last_message == "我的工资问题很急"

    staff = _staff(on_rasa.db)
    desk = ConsoleDesk(on_rasa.db)
    desk.claim(conv.id, staff)
    desk.reply(conv.id, staff, "您好，我是小王，请问欠了几个月？")
    messages, events = run(validate, held("三个月", seen))
    shown = text_of(messages)
    assert "已接入" in shown and "您好，我是小王，请问欠了几个月？" in shown
    assert slot_events(events)["handoff_note"] is None
    seen = slot_events(events)["handoff_seen"]

    # shown once: the next turn shows only what is new
    messages, events = run(validate, held("好的", seen))
    assert messages == []
    with on_rasa.db.read() as s:
        users = s.scalars(
            select(Event.text).where(Event.conversation_id == conv.id, Event.type == EV_USER)
        ).all()
        staff_said = s.scalars(
            select(Event.text).where(Event.conversation_id == conv.id, Event.type == EV_STAFF)
        ).all()
    assert users[-3:] == ["我的工资问题很急", "三个月", "好的"]
    assert staff_said == ["您好，我是小王，请问欠了几个月？"]

    # staff reply and hand it back: the worker is told, and the form ends (the rule:
    # action_back_to_bot), which has the bot answer the message as workerbot's engine does
    desk.reply(conv.id, staff, "好的，可以申请调解，我帮您登记。")
    desk.hand_back(conv.id, staff)
    messages, events = run(validate, held("好的谢谢", slot_events(events)["handoff_seen"]))
    assert [m["text"] for m in messages] == ["好的，可以申请调解，我帮您登记。", RELEASED_TEXT]
    assert slot_events(events)["handoff_note"] == ANSWER
    assert conversation(on_rasa.db).state == STATE_BOT
    after_form = rasa_tracker("好的谢谢", "thanks", {"handoff_note": ANSWER})
    messages, events = run(ActionBackToBot(), after_form)
    assert messages == []
    assert slot_events(events) == {
        "handoff_note": None,
        "handoff_seen": None,
        "handoff_reason": None,
    }
    # the message logged again after an action_listen: Rasa's policies answer it anew
    listen, user = events[-2:]
    assert listen["event"] == "action" and listen["name"] == "action_listen"
    assert user["event"] == "user" and user["text"] == "好的谢谢"
    assert user["parse_data"]["intent"]["name"] == "thanks"
    assert user["input_channel"] == "rest"


@pytest.mark.parametrize("text", ["算了", "/back_to_bot"])
def test_the_worker_leaves_the_queue_in_words_or_by_the_button(on_rasa, text):
    _, events = hand_over(on_rasa)
    messages, events = run(
        ValidateHandoffForm(on_rasa), held(text, slot_events(events)["handoff_seen"])
    )
    assert "已为您退出排队" in text_of(messages)
    assert slot_events(events)["handoff_note"] == LEFT  # filled: the form ends
    assert conversation(on_rasa.db).state == STATE_BOT
    assert Desk(on_rasa.db).queue() == []
    # answered by the desk: nothing for the bot to answer again
    _, events = run(ActionBackToBot(), rasa_tracker(text, "cancel", {"handoff_note": LEFT}))
    assert [e["event"] for e in events] == ["slot", "slot", "slot"]


def test_said_before_skips_what_an_earlier_handoff_already_copied():
    events = [
        {"event": "user", "text": "一"},
        {"event": "active_loop", "name": "handoff_form"},
        {"event": "user", "text": "二"},
        {"event": "active_loop", "name": None},
        {"event": "user", "text": "三"},
        {"event": "bot", "text": "四"},
    ]
    tracker = Tracker("w1", {}, {}, events, False, None, {}, None)
    assert said_before(tracker) == [(EV_USER, "三"), ("bot", "四")]


def test_under_our_engine_the_handoff_pauses_and_leaves_the_store_to_the_engine(services):
    messages, events = hand_over(services)
    assert "工作人员的回复会在您下一次" not in text_of(messages)
    assert events[-1] == {"event": "pause", "timestamp": None}
    assert conversation(services.db) is None  # the engine writes the turn itself


@pytest.mark.parametrize("action", [ActionFallback, ActionOutOfScope])
def test_misunderstood_messages_are_collected_on_rasa_only(services, on_rasa, action):
    run(action(services), rasa_tracker("这个东西咋个弄嘛", "nlu_fallback"))
    with services.db.read() as s:
        assert s.scalars(select(MisunderstoodMessage)).all() == []
    run(action(on_rasa), rasa_tracker("这个东西咋个弄嘛 13812345678", "nlu_fallback"))
    with on_rasa.db.read() as s:
        rows = s.scalars(select(MisunderstoodMessage)).all()
    assert [(r.channel, r.reason) for r in rows] == [("rest", MISS_FALLBACK)]
    assert "13812345678" not in rows[0].text  # masked: admins browse the list


def test_after_a_resolve_a_message_that_is_no_score_is_the_bots_to_answer(on_rasa):
    _, events = hand_over(on_rasa)
    seen = slot_events(events)["handoff_seen"]
    conv = conversation(on_rasa.db)
    staff = _staff(on_rasa.db)
    desk = ConsoleDesk(on_rasa.db)
    desk.claim(conv.id, staff)
    validate = ValidateHandoffForm(on_rasa)
    _, events = run(validate, held("在的", seen))
    desk.resolve(conv.id, staff, "问题已登记。")
    # the resolve and its score question shown (the score buttons send plain digits)
    shown = held("好", slot_events(events)["handoff_seen"])
    events = asyncio.run(validate.run(CollectingDispatcher(), shown, DOMAIN))
    assert slot_events(events)["handoff_note"] is None
    _, events = run(validate, held("年休假有几天", slot_events(events)["handoff_seen"]))
    assert slot_events(events)["handoff_note"] == ANSWER
    _, events = run(
        ActionBackToBot(), rasa_tracker("年休假有几天", "policy_question", {"handoff_note": ANSWER})
    )
    assert events[-1]["text"] == "年休假有几天"


def _staff(db):
    from bot.staff import accounts

    return accounts.create_user(db, "xiaowang", "Correct-horse-battery-9", "staff", "小王")


def test_a_resolve_is_shown_and_its_score_taken_before_the_worker_is_back(on_rasa):
    _, events = hand_over(on_rasa)
    conv = conversation(on_rasa.db)
    staff = _staff(on_rasa.db)
    desk = ConsoleDesk(on_rasa.db)
    desk.claim(conv.id, staff)
    desk.resolve(conv.id, staff, "问题已登记，请等调解员电话。")
    validate = ValidateHandoffForm(on_rasa)
    # the desk's score buttons send plain digits (bot/staff/desk.py), not Rasa payloads
    dispatcher = CollectingDispatcher()
    events = asyncio.run(
        validate.run(dispatcher, held("还在吗", slot_events(events)["handoff_seen"]), DOMAIN)
    )
    messages = dispatcher.messages
    assert "问题已登记，请等调解员电话。" in text_of(messages) and "打分" in text_of(messages)
    assert slot_events(events)["handoff_note"] is None  # the next message may be the score
    messages, events = run(validate, held("5", slot_events(events)["handoff_seen"]))
    assert "感谢您的评价" in text_of(messages)
    assert slot_events(events)["handoff_note"] == LEFT  # the score is answered by the desk
    with on_rasa.db.read() as s:
        assert s.scalar(select(Rating.score).where(Rating.conversation_id == conv.id)) == 5


def test_a_display_name_from_rasas_rest_metadata_is_checked_as_our_rest_channel_checks_it(on_rasa):
    # Rasa's REST channel passes the body's metadata on unchecked; without one there is no name
    for sender, name, shown in [
        ("w1", "王师傅", "王师傅"),
        ("w2", "长" * 200, None),
        ("w3", None, None),
    ]:
        tracker = rasa_tracker("转人工", "human_handoff", sender=sender)
        if name is not None:
            tracker.latest_message["metadata"] = {"display_name": name}
        run(ActionHandoff(on_rasa), tracker)
        assert conversation(on_rasa.db, sender).display_name == shown
