"""Updates the bot cannot read are acknowledged (Telegram would redeliver them forever) and
logged without their content; the chat goes on working."""

from __future__ import annotations

import copy
import logging

import pytest

from tests.telegram.conftest import Live, LiveChat

PHONE, NAME = "13812345678", "李小红"
UNPARSEABLE = {"no date", "message is text"}


def _broken(chat: LiveChat) -> list[tuple[str, dict]]:
    good = chat.user.text("你好")
    press = {
        "update_id": good["update_id"],
        "callback_query": {
            "id": "987654",
            "from": chat.user.user,
            "chat_instance": "-1",
            "data": "/greet",
        },
    }

    def variant(base: dict, change) -> dict:  # noqa: ANN001
        update = copy.deepcopy(base)
        change(update)
        update["update_id"] = chat.user.text("x")["update_id"]  # a fresh id each
        return update

    return [
        ("no chat", variant(good, lambda u: u["message"].pop("chat"))),
        ("text is a number", variant(good, lambda u: u["message"].update(text=int(PHONE)))),
        ("text is an object", variant(good, lambda u: u["message"].update(text={"name": NAME}))),
        ("caption is an object", variant(good, lambda u: u["message"].update(caption=[NAME]))),
        ("chat id is text", variant(good, lambda u: u["message"]["chat"].update(id=NAME))),
        ("name is a number", variant(good, lambda u: u["message"]["from"].update(first_name=1))),
        # python-telegram-bot cannot even build these (webhook only: in polling mode they
        # come from api.telegram.org itself, and PTB's updater handles parse errors)
        ("no date", variant(good, lambda u: u["message"].pop("date"))),
        ("message is text", variant(good, lambda u: u.update(message=NAME))),
        (
            "button data is an object",
            variant(press, lambda u: u["callback_query"].update(data={"x": PHONE})),
        ),
        ("button without a sender", variant(press, lambda u: u["callback_query"].pop("from"))),
    ]


def test_malformed_updates_are_acknowledged_and_logged_without_content(
    live: Live, caplog: pytest.LogCaptureFixture
):
    chat = LiveChat(live, 6400, NAME)
    caplog.set_level(logging.INFO)
    for what, update in _broken(chat):
        if live.mode == "polling" and what in UNPARSEABLE:
            continue
        caplog.clear()
        assert chat.deliver(update) == [], what  # webhook mode: deliver() asserts the 200
        lines = [r.getMessage() for r in caplog.records if r.name.startswith("bot.")]
        assert any(str(update["update_id"]) in line and "ignored" in line for line in lines), (
            what,
            lines,
        )
        assert not any(PHONE in line or NAME in line for line in lines), (what, lines)
        text = "\n".join(caplog.text.splitlines())
        assert PHONE not in text and NAME not in text, what
    # nothing is stuck: the next real message is answered
    chat.say("你好")
    assert "小助手" in chat.text
