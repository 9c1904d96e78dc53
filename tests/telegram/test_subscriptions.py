"""订阅 / 退订 on Telegram: by saying so, or with the button under a course list."""

from __future__ import annotations

import asyncio

from bot.store import subscriptions as subs
from tests.telegram.conftest import OfflineChat

CHAT = 7101


def topics(channel) -> list[str]:  # noqa: ANN001
    with channel.db.read() as s:
        return subs.topics_of(s, "telegram", str(CHAT))


async def _scenario(channel, api) -> None:  # noqa: ANN001
    chat = OfflineChat(channel, api, CHAT)
    await chat.say("你好")
    await chat.say("订阅新课程通知")
    assert "已为您订阅「新课程」通知" in chat.text
    assert topics(channel) == ["courses"]
    await chat.say("订阅新课程通知")
    assert "不用重复订阅" in chat.text
    await chat.say("我想订阅政策解读")
    assert topics(channel) == ["courses", "policy"]
    # 退订 with two topics: which one?
    await chat.say("退订")
    assert "要退订哪一类" in chat.text
    assert chat.buttons == ["退订新课程", "退订政策解读", "全部退订"]
    await chat.press("退订政策解读")
    assert "已退订「政策解读」通知" in chat.text
    assert topics(channel) == ["courses"]
    await chat.say("退订")
    assert "已退订「新课程」通知" in chat.text and topics(channel) == []
    # the button under a course list
    await chat.say("周末有什么课")
    assert "订阅新课程通知" in chat.buttons
    await chat.press("订阅新课程通知")
    assert "已为您订阅「新课程」通知" in chat.text and topics(channel) == ["courses"]


def test_subscribe_and_unsubscribe_by_words_and_buttons(offline, api):
    asyncio.run(_scenario(offline, api))
