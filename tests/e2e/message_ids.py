"""Message-id attacks on the REST webhook, shared by the SQLite and PostgreSQL tests.

Exactly-once is per (channel, sender, message id): one sender's id must never answer for,
or silence, another sender.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import httpx
from sqlalchemy import func, select

from bot.app import App
from bot.store.models import EV_USER, Conversation, Event, ProcessedMessage
from tests.e2e.chat import Worker
from tests.support import TLS

A_FORM = [
    "老板欠了我三个月工资，我想申请劳动纠纷调解",
    "李小红",
    "138 1234 5678",
    "重庆顺达物流有限公司",
    "从今年8月开始公司就没发工资了，一共欠了两万四千块，找老板好几次都说没钱",
    "补发拖欠的三个月工资",
]
A_PERSONAL = ("李小红", "13812345678", "138 1234 5678", "重庆顺达物流有限公司")


def user_events(bot: App, sender: str) -> list[str]:
    with bot.db.read() as s:
        return list(
            s.scalars(
                select(Event.text)
                .join(Conversation, Conversation.id == Event.conversation_id)
                .where(Conversation.sender_id == sender, Event.type == EV_USER)
                .order_by(Event.id)
            )
        )


def processed_count(bot: App) -> int:
    with bot.db.read() as s:
        return s.scalar(select(func.count()).select_from(ProcessedMessage))


def another_sender_reuses_an_id(bot: App, http: httpx.Client, prefix: str) -> None:
    """A fills a mediation form with ids c1..c6; B sends c6 and must get only its own answer."""
    a, b = Worker(http, f"{prefix}-A"), Worker(http, f"{prefix}-B")
    for i, text in enumerate(A_FORM, start=1):
        a.say(text, f"c{i}")
    assert "请核对您的调解申请" in a.text and "李小红" in a.text
    a_answer = a.last

    b.say("你好", "c6")
    assert b.last, "B got no answer at all"
    assert "请核对" not in b.text
    for secret in A_PERSONAL:
        assert secret not in b.text
    assert "小助手" in b.text  # B's own greeting
    assert user_events(bot, f"{prefix}-B") == ["你好"]

    # a genuine retry by A is answered from the store, and nothing runs twice
    events_before, processed_before = len(user_events(bot, f"{prefix}-A")), processed_count(bot)
    assert a.say(A_FORM[-1], "c6") == a_answer
    assert len(user_events(bot, f"{prefix}-A")) == events_before
    assert processed_count(bot) == processed_before
    # and B's retry gets B's answer, not A's
    assert b.say("你好", "c6") == b.last and "请核对" not in b.text


def many_senders_one_id_at_once(bot: App, url: str, prefix: str, n: int = 20) -> None:
    """n senders send the same message id at the same moment: every one is answered."""

    def post(i: int) -> httpx.Response:
        body = {"sender": f"{prefix}-{i}", "message": "你好", "message_id": "same-id"}
        return httpx.post(f"{url}/webhooks/rest/webhook", json=body, timeout=60, verify=TLS)

    with ThreadPoolExecutor(n) as pool:
        responses = list(pool.map(post, range(n)))
    assert [r.status_code for r in responses] == [200] * n
    for i, r in enumerate(responses):
        replies = r.json()
        assert replies and "小助手" in replies[0]["text"], (i, replies)
        assert user_events(bot, f"{prefix}-{i}") == ["你好"], i
    assert processed_count(bot) == n
