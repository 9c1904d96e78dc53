"""Pushes through a Rasa server on PostgreSQL, the production database.

The push finds a Rasa conversation by the `via: rasa` mark in its events' JSON data
(bot/channels/rasa_push.py `rasa_sender`, a JSON path query); here it runs on a real
PostgreSQL server, beside conversations of our own engine, and a console reply goes through
the ChannelHub to a real HTTP server speaking Rasa 3.6's API (tests/actions/fake_rasa.py).
"""

from __future__ import annotations

import asyncio
import dataclasses

from sqlalchemy import select

from actions.handoff import ActionHandoff
from actions.services import Services
from bot.channels.base import ChannelHub, StoredOnly
from bot.channels.rasa_push import INTENT, RasaPush, rasa_sender
from bot.core.messages import Incoming
from bot.settings import BotConfig
from bot.settings.rasa import RasaConfig
from bot.staff import accounts
from bot.staff.desk import ConsoleDesk
from bot.staff.outside import OutsideDesk, via_rasa
from bot.staff.turn_hooks import StaffTurnHooks
from bot.store.models import Conversation
from tests.actions.action_support import run
from tests.actions.fake_rasa import FakeRasa
from tests.actions.test_handoff_on_rasa import rasa_tracker
from tests.postgres.conftest import pg_bot  # noqa: F401 - the fixture

TOKEN = "rasa-auth-token-0123456789"


def conversation_id(bot, channel: str, sender: str) -> int:  # noqa: ANN001
    with bot.db.read() as s:
        return s.scalar(
            select(Conversation.id).where(
                Conversation.channel == channel, Conversation.sender_id == sender
            )
        )


def test_the_via_rasa_lookup_on_postgres(pg_bot):  # noqa: F811
    bot = pg_bot
    # our engine's own conversation: events with JSON data, none marked
    bot.engine.handle(Incoming("rest", "pg-own", "转人工"))
    own = conversation_id(bot, "rest", "pg-own")
    assert rasa_sender(bot.db, own) is None

    # a Rasa conversation our store knows: queued by the actions, then written on another
    # channel; the latest mark says where the worker is
    desk = OutsideDesk(bot.db, StaffTurnHooks(bot.settings.config))
    desk.hand_over(
        "rest", "pg-rasa", None, "asked", [("user", "公司欠薪")], via_rasa("pg-rasa", "rest")
    )
    theirs = conversation_id(bot, "rest", "pg-rasa")
    assert rasa_sender(bot.db, theirs) == ("pg-rasa", "rest")
    desk.take("rest", "pg-rasa", "还在吗", 0, via_rasa("pg-rasa", "callback"))
    assert rasa_sender(bot.db, theirs) == ("pg-rasa", "callback")
    assert rasa_sender(bot.db, theirs + 1000) is None  # no such conversation


def test_a_console_reply_is_pushed_through_rasa_on_postgres(pg_bot):  # noqa: F811
    bot = pg_bot
    config = BotConfig(rasa=RasaConfig(url="http://rasa.invalid:5005"))
    services = Services(
        db=bot.db, knowledge=bot.knowledge, config=config, clock=bot.clock, on_rasa=True
    )
    fake = FakeRasa(services, token=TOKEN)
    try:
        tracker = rasa_tracker("我要找人工", "human_handoff", sender="pg-w1")
        tracker.events[-1]["input_channel"] = "callback"
        _, events = run(ActionHandoff(services), tracker)
        fake.start("pg-w1", "callback", events)
        conv = conversation_id(bot, "callback", "pg-w1")

        hub = ChannelHub()
        hub.register(StoredOnly("rest"))
        hub.outside = RasaPush(bot.db, RasaConfig(url=fake.url), token=TOKEN).send
        staff = accounts.create_user(
            bot.db, "pg-xiaowang", "Correct-horse-battery-9", "staff", "小王"
        )
        console = ConsoleDesk(bot.db)
        pushes = [console.claim(conv, staff), console.reply(conv, staff, "您好，请问欠了几个月？")]
        assert [asyncio.run(hub.deliver(p)) for p in pushes] == [True, True]

        assert [r.path for r in fake.requests] == ["/conversations/pg-w1/trigger_intent"] * 2
        assert fake.requests[1].body == {
            "name": INTENT,
            "entities": {"staff_text": "您好，请问欠了几个月？"},
        }
        shown = [m["text"] for m in fake.conversations["pg-w1"].shown]
        assert shown[-1] == "您好，请问欠了几个月？"
        # marked seen in the same Rasa turn: the worker's next message does not repeat it
        assert fake.worker_says("pg-w1", "三个月") == []

        # a conversation of our own engine on the same database is not Rasa's to push
        bot.engine.handle(Incoming("rest", "pg-own-2", "转人工"))
        own = dataclasses.replace(
            pushes[1], conversation_id=conversation_id(bot, "rest", "pg-own-2")
        )
        assert asyncio.run(hub.deliver(own)) is False  # REST: stored for the next turn
        assert len(fake.requests) == 2
    finally:
        fake.stop()
