"""The whole path over HTTP: the real web app, PTB's own HTTP client, a local fake Bot API.

Every test runs twice: long polling (the fake serves getUpdates) and webhook (updates are
POSTed to the app's /webhooks/telegram with the secret header).
"""

from __future__ import annotations

import asyncio
import re

import pytest
from sqlalchemy import func, select

from bot.channels.telegram import ALLOWED_UPDATES, TelegramChannel
from bot.channels.telegram_format import (
    COMMAND_MENU,
    NOTICE_BUTTON_USED,
    NOTICE_STICKER,
    PICKED_PREFIX,
)
from bot.store.models import Conversation, Enrolment, MediationCase, ProcessedMessage
from tests.telegram.conftest import SECRET, WEBHOOK_URL, Live, LiveChat


def test_start_registers_and_greets_with_the_menu(live: Live):
    api = live.api
    (commands,) = [c.params["commands"] for c in api.calls_to("setMyCommands")]
    assert [c["command"] for c in commands] == [c for c, _ in COMMAND_MENU]
    assert all(re.search(r"[\u4e00-\u9fff]", c["description"]) for c in commands)
    if live.mode == "webhook":
        (hook,) = api.calls_to("setWebhook")
        assert hook.params["url"] == WEBHOOK_URL and hook.params["secret_token"] == SECRET
        assert hook.params["allowed_updates"] == ALLOWED_UPDATES
        assert not api.calls_to("getUpdates")
    else:
        assert api.calls_to("deleteWebhook") and not api.calls_to("setWebhook")

    w = LiveChat(live, 5001, "阿明")
    w.say("/start")
    assert bool(api.calls_to("getUpdates")) == (live.mode == "polling")
    assert "小助手" in w.text
    assert w.buttons == ["课程报名", "调解申请", "政策咨询", "人工服务"]
    (kb,) = [m["reply_markup"]["inline_keyboard"] for m in w.last if m.get("reply_markup")]
    assert [len(row) for row in kb] == [2, 2]  # short titles: two per row
    with live.app.db.read() as s:
        conv = s.scalars(select(Conversation)).one()
    assert (conv.channel, conv.sender_id, conv.display_name) == ("telegram", "5001", "阿明")


def test_course_search_button_enrol_form_and_enrolment(live: Live):
    w = LiveChat(live, 5002)
    w.say("我想学八段锦")
    assert "八段锦" in w.text and w.buttons
    w.press("八段锦")
    assert "姓名" in w.text
    # the pressed keyboard is gone (edited away) and says what was chosen
    (edit,) = live.api.calls_to("editMessageText")
    assert PICKED_PREFIX in edit.params["text"] and "reply_markup" not in edit.params
    assert all(call.status == 200 for call in live.api.calls_to("answerCallbackQuery"))
    w.say("陈大明")
    w.say("13512345678")
    assert "请确认报名信息" in w.text
    w.press("确认报名")
    assert "八段锦" in w.text and "报名成功" in w.text
    with live.app.db.read() as s:
        (e,) = s.scalars(select(Enrolment)).all()
    assert (e.name, e.phone, e.status) == ("陈大明", "13512345678", "enrolled")


def test_full_mediation_request_ends_in_a_case(live: Live):
    w = LiveChat(live, 5003)
    w.say("老板欠了我三个月工资，我想申请劳动纠纷调解")
    assert "姓名" in w.text
    w.say("李小红")
    w.say("138 1234 5678")
    w.say("重庆顺达物流有限公司")
    w.say("从今年8月开始公司就没发工资了，一共欠了两万四千块，找老板好几次都说没钱")
    w.say("补发拖欠的三个月工资")
    assert "李小红" in w.text and "确认" in "".join(w.buttons)
    w.press("确认")
    number = re.search(r"TJ\d{8}-\d{4}", w.text)
    assert number, w.text
    with live.app.db.read() as s:
        case = s.scalars(select(MediationCase)).one()
    assert case.case_no == number.group(0)
    assert (case.name, case.phone, case.employer) == (
        "李小红",
        "13812345678",
        "重庆顺达物流有限公司",
    )


def test_policy_question(live: Live):
    w = LiveChat(live, 5004)
    w.say("加班费怎么算")
    assert "依据" in w.text or "您是想问" in w.text


def test_duplicate_update_is_handled_once(live: Live):
    w = LiveChat(live, 5005)
    update = w.user.text("我想学书法")
    first = w.deliver(update)
    assert first
    again = w.deliver(update)
    assert again == []
    with live.app.db.read() as s:
        assert s.scalar(select(func.count()).select_from(ProcessedMessage)) == 1


def test_a_second_press_on_the_same_keyboard_does_nothing(live: Live):
    w = LiveChat(live, 5006)
    w.say("/start")
    msg, data = w.user.keyboard_message("课程报名")
    stale = dict(msg)  # the keyboard as the phone still shows it
    w.press("课程报名")
    assert w.last
    assert w.deliver(w.user.press_on(stale, data)) == []
    answers = [c.params.get("text") for c in live.api.calls_to("answerCallbackQuery")]
    assert answers[-1] == NOTICE_BUTTON_USED


def test_sticker_gets_a_polite_reply(live: Live):
    w = LiveChat(live, 5007)
    w.deliver(w.user.sticker())
    assert w.text == NOTICE_STICKER


def test_429_is_waited_out_and_delivered(live: Live):
    live.api.fail_next("sendMessage", 429, "Too Many Requests: retry after 1", retry_after=1)
    w = LiveChat(live, 5008)
    w.say("/help")
    statuses = [c.status for c in live.api.calls_to("sendMessage")]
    assert statuses == [429, 200]
    assert "转人工" in w.text


def test_staff_push_reaches_the_worker(live: Live):
    w = LiveChat(live, 5009)
    w.say("/human")
    app = live.app
    (item,) = app.desk.queue()
    push = app.desk.say(item.conversation_id, "您好，我是工会的王老师，请问欠薪多久了？")
    # from another thread, as an admin tool would: the running channel sends it
    assert asyncio.run(app.channels.deliver(push)) is True
    assert live.api.sent(5009)[-1]["text"].startswith("您好，我是工会的王老师")
    # a process that never started the channel (the CLI) sends through a bot of its own
    cli_channel = TelegramChannel(app.handle, app.db, app.settings)
    assert asyncio.run(cli_channel.send(push)) is True
    assert live.api.sent(5009)[-1]["text"] == live.api.sent(5009)[-2]["text"]
    live.api.blocked.add(5009)
    assert asyncio.run(app.channels.deliver(push)) is False


@pytest.mark.parametrize("live", ["webhook"], indirect=True)
def test_webhook_rejects_a_missing_or_wrong_secret(live: Live):
    w = LiveChat(live, 5010)
    calls = len(live.api.calls)
    for secret in (None, "", "wrong-secret", SECRET + "x", SECRET[:-1]):
        r = live.post_webhook(w.user.text("/start"), secret=secret)
        assert r.status_code == 403, secret
    r = live.post_webhook("not even json", secret="wrong")
    assert r.status_code == 403  # refused before the body is read
    assert len(live.api.calls) == calls
    with live.app.db.read() as s:
        assert s.scalar(select(func.count()).select_from(Conversation)) == 0
    assert live.post_webhook(w.user.text("/start")).status_code == 200  # the right one works


@pytest.mark.parametrize("live", ["polling"], indirect=True)
def test_polling_mode_has_no_webhook_route(live: Live):
    r = live.post_webhook({"update_id": 1}, secret=SECRET)
    assert r.status_code in (404, 405)
