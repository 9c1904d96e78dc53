"""Staff replies and desk notices reach a worker on the REST webhook with their next message.

REST answers only the worker's own request, so what staff write while the worker is silent
comes first in the answer to the next message, once — as our actions show it to a worker on
a Rasa server's rest channel (docs/rasa.md; bench/rasa_conversations.py, conversation 15).
Real HTTP server, real database, the console's own operations.
"""

from __future__ import annotations

from sqlalchemy import select

from bot.staff import accounts
from bot.staff.desk import ConsoleDesk
from bot.store.models import Conversation
from tests.e2e.chat import Worker

CLAIM = "工作人员小王已接入，正在为您服务。"


def conversation_id(bot, sender: str) -> int:  # noqa: ANN001
    with bot.db.read() as s:
        return s.scalar(select(Conversation.id).where(Conversation.sender_id == sender))


def texts(replies: list[dict]) -> list[str]:
    return [r.get("text", "") for r in replies]


def test_staff_replies_come_first_in_the_next_answer_and_only_once(bot, http):
    staff = accounts.create_user(bot.db, "xiaowang", "Correct-horse-battery-9", "staff", "小王")
    desk = ConsoleDesk(bot.db)
    worker = Worker(http, "rest-staff-1")
    worker.say("转人工")
    worker.say("老板拖欠了我两个月工资，想问问怎么办")
    conv = conversation_id(bot, worker.sender)

    desk.claim(conv, staff)
    desk.reply(conv, staff, "您好，我是工会的小王。请问一共欠了多少？")
    # with staff in the conversation the bot says nothing of its own: only what staff wrote
    assert texts(worker.say("一万二，签了合同的")) == [
        CLAIM,
        "您好，我是工会的小王。请问一共欠了多少？",
    ]
    assert worker.say("还在吗") == []  # shown once

    desk.reply(conv, staff, "好的，可以申请调解，我帮您登记。")
    handed = desk.hand_back(conv, staff).reply["text"]
    said = texts(worker.say("好的谢谢"))
    assert said[:2] == ["好的，可以申请调解，我帮您登记。", handed]
    assert len(said) == 3 and "不客气" in said[2]  # and the bot answers the message itself
    assert "好的，可以申请调解" not in "".join(texts(worker.say("年休假有几天")))


def test_a_retried_message_does_not_show_them_again(bot, http):
    staff = accounts.create_user(bot.db, "xiaoli", "Correct-horse-battery-9", "staff", "小李")
    desk = ConsoleDesk(bot.db)
    worker = Worker(http, "rest-staff-2")
    worker.say("转人工", message_id="m1")
    desk.claim(desk_conv := conversation_id(bot, worker.sender), staff)
    desk.reply(desk_conv, staff, "请问有什么可以帮您？")
    first = texts(worker.say("工资的事", message_id="m2"))
    assert first[:2] == ["工作人员小李已接入，正在为您服务。", "请问有什么可以帮您？"]
    # the same message again (a client's retry): the stored answer, nothing added
    assert "请问有什么可以帮您？" not in texts(worker.say("工资的事", message_id="m2"))


def test_more_staff_messages_than_the_tail_read_are_all_shown_in_order(bot, http):
    from bot.staff.missed import TAIL

    staff = accounts.create_user(bot.db, "xiaozhao", "Correct-horse-battery-9", "staff", "小赵")
    desk = ConsoleDesk(bot.db)
    worker = Worker(http, "rest-staff-3")
    worker.say("转人工")
    conv = conversation_id(bot, worker.sender)
    desk.claim(conv, staff)
    written = [f"第{i}条：请把材料准备好。" for i in range(1, TAIL + 6)]
    for text in written:
        desk.reply(conv, staff, text)
    said = texts(worker.say("好的"))
    assert said == [CLAIM.replace("小王", "小赵"), *written]
    assert worker.say("收到") == []  # shown once
