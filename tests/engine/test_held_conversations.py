"""A worker waiting for staff, or talking with them: never a dead end, never a flood."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select, update

from bot.core.clock import utcnow
from bot.core.messages import Incoming
from bot.settings import BotConfig
from bot.settings.console import ConsoleConfig
from bot.staff.turn_hooks import StaffTurnHooks, wants_to_leave
from bot.staff.views import conversation_detail
from bot.store.models import (
    EV_BOT,
    HELD_REPLY,
    STATE_BOT,
    STATE_WAITING,
    STATE_WITH_HUMAN,
    Conversation,
    Event,
)


def say(bot, sender: str, text: str, n: list[int]) -> list[dict]:
    n[0] += 1
    return bot.engine.handle(Incoming("rest", sender, text, f"{sender}-{n[0]}"))


def conversation(bot, sender: str) -> Conversation:
    with bot.db.read() as s:
        return s.scalars(select(Conversation).where(Conversation.sender_id == sender)).one()


def test_waiting_messages_are_acknowledged_at_most_once_in_the_interval(bot):
    n = [0]
    say(bot, "held-1", "转人工", n)
    first = say(bot, "held-1", "我的工资三个月没发了", n)
    assert "已收到" in first[0]["text"]
    assert first[0]["buttons"] == [{"title": "回到小助手", "payload": "/back_to_bot"}]
    assert say(bot, "held-1", "老板叫张三", n) == []  # stored for staff, not acknowledged twice
    cid = conversation(bot, "held-1").id
    with bot.db.session() as s:  # the acknowledgement was four minutes ago
        s.execute(
            update(Event)
            .where(Event.conversation_id == cid, Event.type == EV_BOT)
            .values(created_at=utcnow() - timedelta(minutes=4))
        )
    again = say(bot, "held-1", "有人吗", n)
    assert "已收到" in again[0]["text"]
    with bot.db.read() as s:
        kinds = [
            (e.data or {}).get("kind")
            for e in s.scalars(
                select(Event).where(Event.conversation_id == cid, Event.type == EV_BOT)
            )
        ]
    assert kinds.count(HELD_REPLY) == 2
    assert conversation(bot, "held-1").state == STATE_WAITING


def test_leaving_the_queue_is_shown_to_staff(bot):
    n = [0]
    say(bot, "held-2", "转人工", n)
    reply = say(bot, "held-2", "算了 不等了", n)
    assert "退出排队" in reply[0]["text"] and "回到小助手" in reply[0]["text"]
    conv = conversation(bot, "held-2")
    assert conv.state == STATE_BOT
    detail = conversation_detail(bot.db, conv.id)
    assert any(item.get("text") == "职工选择回到小助手" for item in detail["events"])


def test_with_staff_talking_the_bot_is_quiet_until_asked_back(bot):
    n = [0]
    say(bot, "held-3", "转人工", n)
    with bot.db.session() as s:
        s.execute(
            update(Conversation)
            .where(Conversation.sender_id == "held-3")
            .values(state=STATE_WITH_HUMAN, assigned_to="staff1")
        )
    assert say(bot, "held-3", "算了，那我明天再来问", n) == []
    assert conversation(bot, "held-3").state == STATE_WITH_HUMAN
    back = say(bot, "held-3", "回到机器人", n)[0]["text"]
    assert "结束人工服务" in back and "回到小助手" in back
    assert conversation(bot, "held-3").state == STATE_BOT


@pytest.mark.parametrize(
    ("text", "waiting", "with_human"),
    [
        ("算了", True, False),
        ("算了吧。", True, False),
        ("不等了不等了！", True, False),
        ("不用了 谢谢", True, False),
        ("取消转人工", True, False),
        ("回机器人", True, True),
        ("还是问机器人吧", True, True),
        ("还是回机器人吧", True, True),
        ("那我回小助手", True, True),
        ("机器人", False, False),
        ("算了 我自己查 回到小助手", True, False),
        ("我的工资问题还没解决 不要回机器人", False, False),
        ("/back_to_bot", True, True),
        # giving up on the queue for another way: leaves it (the worker can come back)
        ("算了我自己去劳动局问", True, False),
        ("要等好久哦 不等了 我明天打电话问", True, False),
        ("不等了 我明天再来", True, False),
        ("我明天打电话问", False, False),
        ("算了不等了 我还是问你嘛", True, False),
        ("算了 还是不找人了 我自己问", True, False),
        ("不要人工了 我自己查", True, False),
        ("我的工资算了没有", False, False),
        # giving up first, then a question for the bot; not "算了 我还是等人工吧"
        ("算了不用了 瑜伽课多少钱", True, False),
        ("等不起了 还是你来嘛 叉车证要好多钱", True, False),
        ("算了 我还是等人工吧", False, False),
        # the bot asked to do it first, while nobody has taken the conversation yet
        ("人工好久回我 你先帮我申请调解嘛", True, False),
        ("你们人工先帮我查下嘛", False, False),
        ("那我先在你这登个调解嘛", True, False),
        # the person given up, the bot asked to do it
        ("算了不等人工了 我自己申请调解 你帮我弄", True, False),
        ("我自己申请过了 等人工回复", False, False),
        # the answer given meanwhile was enough: no person needed any more
        ("晓得了 不用转人工了 谢谢哈", True, False),
        ("好的 不用人工了", True, False),
        ("好的 谢谢", False, False),
        # given up in English, then something for the bot in the same message
        ("ok forget it. sign me up for the choir, name Li Hua", True, False),
        ("never mind. what time is the yoga class?", True, False),
        ("ok. sign me up for the choir", False, False),
    ],
)
def test_what_counts_as_leaving(text, waiting, with_human):
    assert wants_to_leave(text, STATE_WAITING) is waiting
    assert wants_to_leave(text, STATE_WITH_HUMAN) is with_human


def test_off_hours_acknowledgement_promises_when_staff_reply():
    console = ConsoleConfig(working_days=[1, 2, 3, 4, 5], opens="09:00", closes="17:30")
    hooks = StaffTurnHooks(BotConfig(console=console))
    shanghai = ZoneInfo("Asia/Shanghai")
    monday_10 = datetime(2026, 11, 30, 10, 0, tzinfo=shanghai).astimezone(ZoneInfo("UTC"))
    sunday_10 = datetime(2026, 11, 29, 10, 0, tzinfo=shanghai).astimezone(ZoneInfo("UTC"))
    open_text = hooks.acknowledgement(monday_10.replace(tzinfo=None))
    closed_text = hooks.acknowledgement(sunday_10.replace(tzinfo=None))
    assert "非工作时间" not in open_text and "已收到" in open_text
    assert "非工作时间" in closed_text and "09:00" in closed_text and "上班后" in closed_text
