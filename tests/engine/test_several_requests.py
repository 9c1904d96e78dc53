"""Several requests in one message: each handled as its own message, exactly once."""

from __future__ import annotations

from sqlalchemy import func, select

from bot.core.messages import Incoming
from bot.store.models import EV_USER, Conversation, Event

TWO = "年休假有几天？还有个问题，试用期最长多久"


def user_texts(bot, sender: str) -> list[str]:
    with bot.db.read() as s:
        conv = s.scalar(select(Conversation.id).where(Conversation.sender_id == sender))
        return list(
            s.scalars(
                select(Event.text)
                .where(Event.conversation_id == conv, Event.type == EV_USER)
                .order_by(Event.id)
            )
        )


def test_each_request_is_answered_and_stored_as_its_own_message(bot):
    replies = bot.engine.handle(Incoming("rest", "two-1", TWO, "m-1"))
    text = "\n".join(r.get("text", "") for r in replies)
    assert "5天" in text and "6个月" in text
    assert user_texts(bot, "two-1") == ["年休假有几天", "试用期最长多久"]
    # a retry of the whole message is answered from the store and runs nothing again
    assert bot.engine.handle(Incoming("rest", "two-1", TWO, "m-1")) == replies
    assert len(user_texts(bot, "two-1")) == 2


def test_a_form_is_opened_last_and_nothing_is_split_inside_it(bot):
    replies = bot.engine.handle(Incoming("rest", "two-2", "我要报名书法，顺便问下年假有几天"))
    texts = [r.get("text", "") for r in replies]
    assert "5天" in texts[0] and "姓名" in texts[-1]
    # in the form, the same kind of message is one answer to the form's question
    bot.engine.handle(Incoming("rest", "two-2", "刘小红，另外电话等下给你"))
    with bot.db.read() as s:
        n = s.scalar(select(func.count()).select_from(Event).where(Event.type == EV_USER))
    assert n == 3
