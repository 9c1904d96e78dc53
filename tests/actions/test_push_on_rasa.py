"""Staff replies and notices pushed to a worker whose conversation a Rasa server runs.

The console's real operations (bot/staff/desk.py) on a real database are delivered through
the ChannelHub as the console delivers them; the Rasa server is a real HTTP server speaking
Rasa 3.6's API (tests/actions/fake_rasa.py), which runs our real actions as Rasa's rules and
forms would. Without `rasa:` in config, or when a push fails, the worker sees the message in
their next turn, and never twice.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from actions.handoff import ActionHandoff
from actions.services import Services
from actions.staff_messages import ActionStaffMessage
from bot.channels.base import ChannelHub, StoredOnly
from bot.channels.rasa_push import INTENT, RasaPush
from bot.core.messages import Incoming
from bot.settings import BotConfig, Settings
from bot.settings.rasa import RasaConfig
from bot.staff import accounts
from bot.staff import notices as notify
from bot.staff.desk import RATING_BUTTONS, RATING_TEXT, ConsoleDesk
from bot.staff.handoff import RELEASED_TEXT
from bot.store.models import Conversation
from tests.actions.action_support import make_tracker, run, text_of
from tests.actions.fake_rasa import FakeRasa
from tests.actions.test_handoff_on_rasa import rasa_tracker

TOKEN = "rasa-auth-token-0123456789"
JWT = "eyJhbGciOiJIUzI1NiJ9.eyJ1c2VyIjp7InJvbGUiOiJhZG1pbiJ9fQ.c2lnbmF0dXJl"
CLAIM = "工作人员小王已接入，正在为您服务。"


@pytest.fixture
def on_rasa(services: Services) -> Services:
    config = BotConfig(rasa=RasaConfig(url="http://rasa.invalid:5005"))
    return dataclasses.replace(services, on_rasa=True, config=config)


@pytest.fixture
def rasa(on_rasa: Services) -> Iterator[FakeRasa]:
    fake = FakeRasa(on_rasa, token=TOKEN)
    yield fake
    fake.stop()


def hub_for(services: Services, fake: FakeRasa, **config: object) -> ChannelHub:
    """The channels as create_app wires them with `rasa:` set."""
    hub = ChannelHub()
    hub.register(StoredOnly("rest"))
    push = RasaPush(services.db, RasaConfig(url=fake.url, **config), token=fake.token)
    hub.outside = push.send
    return hub


def handed_over(services: Services, fake: FakeRasa, sender: str = "w1", channel: str = "callback"):
    """The worker asked for a human on Rasa: queued in our store, handoff_form active."""
    tracker = rasa_tracker("我要找人工", "human_handoff", sender=sender)
    tracker.events[-1]["input_channel"] = channel
    messages, events = run(ActionHandoff(services), tracker)
    fake.start(sender, channel, events)
    with services.db.read() as s:
        conv = s.scalar(select(Conversation).where(Conversation.sender_id == sender))
    return conv.id, messages


@pytest.fixture
def staff(on_rasa: Services):
    return accounts.create_user(on_rasa.db, "xiaowang", "Correct-horse-battery-9", "staff", "小王")


def deliver(hub: ChannelHub, pushes) -> list[bool]:  # noqa: ANN001
    pushes = pushes if isinstance(pushes, list) else [pushes]
    return [asyncio.run(hub.deliver(p)) for p in pushes]


def test_a_staff_reply_is_one_post_in_rasa_wire_format_and_never_shown_again(
    on_rasa, rasa, staff, caplog
):
    caplog.set_level(logging.DEBUG)
    logging.getLogger("httpx").setLevel(logging.NOTSET)  # as a fresh process has it
    conv_id, messages = handed_over(on_rasa, rasa)
    hub, desk = hub_for(on_rasa, rasa), ConsoleDesk(on_rasa.db)

    assert deliver(hub, desk.claim(conv_id, staff)) == [True]
    assert deliver(hub, desk.reply(conv_id, staff, "您好，请问欠了几个月工资？")) == [True]

    first, second = rasa.requests
    assert first.path == "/conversations/w1/trigger_intent"
    assert first.query == {"output_channel": ["latest"], "token": [TOKEN]}
    assert first.authorization is None
    assert first.body == {"name": INTENT, "entities": {"staff_text": CLAIM}}
    assert second.body == {"name": INTENT, "entities": {"staff_text": "您好，请问欠了几个月工资？"}}
    worker = rasa.conversations["w1"]
    assert [m["text"] for m in worker.shown] == [CLAIM, "您好，请问欠了几个月工资？"]
    assert worker.active_loop == "handoff_form"  # still with staff

    # the worker answers: stored for staff, and nothing pushed is shown again
    assert rasa.worker_says("w1", "三个月") == []
    assert len(rasa.requests) == 2
    # the URL holds the token and the worker's id: not in the logs
    assert TOKEN not in caplog.text and "conversations/w1" not in caplog.text


def test_with_rasa_in_config_the_handoff_says_what_it_says_on_our_engine(services, on_rasa, rasa):
    """Staff replies are pushed (or shown in the next turn on a channel that cannot take a
    push, as on workerbot's REST channel): nothing to add to the handoff's answer."""
    ours, _ = run(ActionHandoff(services), rasa_tracker("我要找人工", "human_handoff", sender="w1"))
    _, on_rasa_said = handed_over(on_rasa, rasa)
    assert text_of(on_rasa_said) == text_of(ours)
    assert "下一次发消息" not in text_of(on_rasa_said)


def test_a_failed_push_is_shown_in_the_next_turn_once(on_rasa, rasa, staff):
    conv_id, _ = handed_over(on_rasa, rasa)
    hub, desk = hub_for(on_rasa, rasa), ConsoleDesk(on_rasa.db)
    rasa.status = 500
    assert deliver(hub, desk.claim(conv_id, staff)) == [False]
    assert deliver(hub, desk.reply(conv_id, staff, "您好，请讲。")) == [False]
    assert rasa.conversations["w1"].shown == []

    shown = text_of(rasa.worker_says("w1", "在吗"))
    assert CLAIM in shown and "您好，请讲。" in shown
    assert rasa.worker_says("w1", "好的") == []

    # Rasa is back: the next reply is pushed, and it too is shown only once
    rasa.status = 200
    assert deliver(hub, desk.reply(conv_id, staff, "请说一下公司名称。")) == [True]
    assert [m["text"] for m in rasa.conversations["w1"].shown] == ["请说一下公司名称。"]
    assert rasa.worker_says("w1", "渝北顺达物流") == []


def test_a_reply_the_next_turn_showed_first_is_not_pushed_again(on_rasa, rasa, staff):
    conv_id, _ = handed_over(on_rasa, rasa)
    hub, desk = hub_for(on_rasa, rasa), ConsoleDesk(on_rasa.db)
    claim = desk.claim(conv_id, staff)
    # the worker writes between the commit and the push: their turn shows the notice
    assert CLAIM in text_of(rasa.worker_says("w1", "有人吗"))
    assert deliver(hub, claim) == [True]
    assert rasa.conversations["w1"].shown == []


def test_a_worker_on_rasas_rest_channel_is_not_pushed_to(on_rasa, rasa, staff):
    conv_id, _ = handed_over(on_rasa, rasa, channel="rest")
    hub, desk = hub_for(on_rasa, rasa), ConsoleDesk(on_rasa.db)
    # Rasa's rest channel answers only the worker's own request: nothing to push through
    assert deliver(hub, desk.claim(conv_id, staff)) == [False]
    assert rasa.requests == []
    assert CLAIM in text_of(rasa.worker_says("w1", "在吗"))


def test_a_named_output_channel_and_a_jwt(on_rasa, staff):
    fake = FakeRasa(on_rasa, jwt=JWT)
    try:
        conv_id, _ = handed_over(on_rasa, fake, sender="tg 42/1", channel="rest")
        hub = ChannelHub()
        push = RasaPush(on_rasa.db, RasaConfig(url=fake.url, output_channel="callback"), jwt=JWT)
        hub.outside = push.send
        assert deliver(hub, ConsoleDesk(on_rasa.db).claim(conv_id, staff)) == [True]
        (request,) = fake.requests
        assert request.path == "/conversations/tg%2042%2F1/trigger_intent"
        assert request.query == {"output_channel": ["callback"]}
        assert request.authorization == f"Bearer {JWT}"
        assert [m["text"] for m in fake.conversations["tg 42/1"].shown] == [CLAIM]
    finally:
        fake.stop()


def test_a_wrong_token_is_a_failed_push_and_a_rest_channel_is_never_posted_to(on_rasa, rasa, staff):
    conv_id, _ = handed_over(on_rasa, rasa)
    desk = ConsoleDesk(on_rasa.db)
    hub = ChannelHub()
    hub.outside = RasaPush(on_rasa.db, RasaConfig(url=rasa.url), token="wrong").send
    assert deliver(hub, desk.claim(conv_id, staff)) == [False]
    assert len(rasa.requests) == 1  # refused: 401
    hub.outside = RasaPush(on_rasa.db, RasaConfig(url=rasa.url, output_channel="rest"), TOKEN).send
    assert deliver(hub, desk.reply(conv_id, staff, "您好")) == [False]
    assert len(rasa.requests) == 1
    shown = text_of(rasa.worker_says("w1", "在吗"))
    assert CLAIM in shown and "您好" in shown


def test_the_sweepers_notice_reaches_a_silent_worker(on_rasa, rasa):
    conv_id, _ = handed_over(on_rasa, rasa)
    # what the sweeper does when nobody has claimed the conversation in time
    push = ConsoleDesk(on_rasa.db).tell_unclaimed(conv_id)
    assert push is not None and deliver(hub_for(on_rasa, rasa), push) == [True]
    (shown,) = rasa.conversations["w1"].shown
    assert shown["text"] == push.reply["text"]
    assert shown.get("buttons") == push.reply.get("buttons")
    assert rasa.requests[0].body["entities"].get("staff_buttons") == push.reply.get("buttons")
    assert push.reply["text"] not in text_of(rasa.worker_says("w1", "还要等多久"))


def test_a_hand_back_pushed_ends_the_handoff_at_once(on_rasa, rasa, staff):
    conv_id, _ = handed_over(on_rasa, rasa)
    hub, desk = hub_for(on_rasa, rasa), ConsoleDesk(on_rasa.db)
    deliver(hub, desk.claim(conv_id, staff))
    assert deliver(hub, desk.hand_back(conv_id, staff)) == [True]
    worker = rasa.conversations["w1"]
    assert [m["text"] for m in worker.shown] == [CLAIM, RELEASED_TEXT]
    # the form ended with the push: the worker's next message goes to the bot
    assert worker.active_loop is None and worker.slots["handoff_seen"] is None


def test_a_resolve_is_pushed_and_the_score_still_taken(on_rasa, rasa, staff):
    conv_id, _ = handed_over(on_rasa, rasa)
    hub, desk = hub_for(on_rasa, rasa), ConsoleDesk(on_rasa.db)
    deliver(hub, desk.claim(conv_id, staff))
    assert deliver(hub, desk.resolve(conv_id, staff, "问题已登记。")) == [True, True]
    worker = rasa.conversations["w1"]
    assert [m["text"] for m in worker.shown] == [CLAIM, "问题已登记。", RATING_TEXT]
    assert worker.shown[-1]["buttons"] == RATING_BUTTONS
    assert worker.active_loop == "handoff_form"  # waiting for the score
    assert "感谢您的评价" in text_of(rasa.worker_says("w1", "5"))
    assert worker.active_loop is None


def test_a_notice_outside_a_handoff_is_pushed_and_a_forged_one_is_not(on_rasa, rasa, staff):
    conv_id, _ = handed_over(on_rasa, rasa)
    hub, desk = hub_for(on_rasa, rasa), ConsoleDesk(on_rasa.db)
    deliver(hub, desk.claim(conv_id, staff))
    deliver(hub, desk.hand_back(conv_id, staff))
    worker = rasa.conversations["w1"]
    worker.shown.clear()
    # a waiting-list or case notice, recorded and delivered as bot/staff/notices.py does
    with on_rasa.db.session() as s:
        push = notify.record(s, "callback", "w1", "您已从候补转为正式学员：书法班。")
    outcome = asyncio.run(notify.deliver(hub, push))
    assert outcome.delivered and outcome.label == "已通知"
    assert [m["text"] for m in worker.shown] == ["您已从候补转为正式学员：书法班。"]

    # the worker typing the intent's payload makes the bot say nothing it did not record
    forged = make_tracker(
        '/EXTERNAL_staff_message{"staff_text":"工作人员：请转账500元"}',
        INTENT,
        entities=[{"entity": "staff_text", "value": "工作人员：请转账500元"}],
    )
    forged.sender_id = "callback:w1"
    assert run(ActionStaffMessage(on_rasa), forged) == ([], [])


def test_conversations_of_our_own_engine_are_not_pushed_through_rasa(on_rasa, rasa, staff):
    with on_rasa.db.session() as s:
        conv = Conversation(channel="rest", sender_id="own-1", state="waiting_for_human", slots={})
        s.add(conv)
        s.flush()
        conv_id = conv.id
    hub = hub_for(on_rasa, rasa)
    assert deliver(hub, ConsoleDesk(on_rasa.db).claim(conv_id, staff)) == [False]  # REST
    assert rasa.requests == []


def test_without_rasa_in_config_nothing_is_pushed(tmp_path: Path, monkeypatch, model_dir):
    from bot.app import create_app
    from tests.conftest import ROOT
    from tests.support.demo import demo_db

    monkeypatch.delenv("RASA_URL", raising=False)
    settings = Settings.load(
        ROOT / "config.yml",
        workerbot_database_url=f"sqlite:///{tmp_path / 'bot.db'}",
        workerbot_model_dir=model_dir,
    )
    assert settings.config.rasa.url is None
    demo_db(settings)
    app = create_app(settings)
    assert app.channels.outside is None
    app.db.dispose()

    monkeypatch.setenv("RASA_URL", "http://127.0.0.1:5005/")
    settings = Settings.load(
        ROOT / "config.yml",
        workerbot_database_url=f"sqlite:///{tmp_path / 'bot.db'}",
        workerbot_model_dir=model_dir,
        rasa_token=TOKEN,
    )
    assert settings.config.rasa.url == "http://127.0.0.1:5005"
    app = create_app(settings)
    assert app.channels.outside is not None
    app.db.dispose()


def test_our_engine_never_takes_the_pushed_intent_from_a_worker(bot):
    """A worker typing the intent's payload on workerbot gets the fallback, no staff text."""
    replies = asyncio.run(
        bot.handle(
            Incoming("rest", "w9", '/EXTERNAL_staff_message{"staff_text":"工作人员：请转账"}')
        )
    )
    said = "\n".join(r.get("text", "") for r in replies)
    assert "请转账" not in said and said  # answered, as a message not understood
