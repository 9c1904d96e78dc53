"""Which worker messages reach the misunderstood list, through the real engine and database."""

from __future__ import annotations

import uuid

from sqlalchemy import select, update

from bot.core.messages import Incoming
from bot.store.models import (
    MISS_FALLBACK,
    MISS_FAQ,
    MISS_FAQ_OPTIONS,
    MISS_LOW_CONFIDENCE,
    MISS_NOT_HELPFUL,
    FaqEntry,
    MisunderstoodMessage,
)


def say(bot, text: str, sender: str | None = None, message_id: str | None = None) -> list[dict]:
    sender = sender or f"w-{uuid.uuid4().hex[:8]}"
    return bot.engine.handle(Incoming("rest", sender, text, message_id or uuid.uuid4().hex))


def collected(bot) -> list[MisunderstoodMessage]:
    with bot.db.read() as s:
        return s.scalars(select(MisunderstoodMessage).order_by(MisunderstoodMessage.id)).all()


def test_a_fallback_is_collected_with_the_classifiers_guess(bot):
    say(bot, "阿巴阿巴")
    [item] = collected(bot)
    assert (item.text, item.reason, item.status, item.channel) == (
        "阿巴阿巴",
        MISS_FALLBACK,
        "open",
        "rest",
    )
    assert item.intent and item.intent != "nlu_fallback"  # what the model would have said
    assert item.conversation_id is not None and item.confidence is not None


def test_phone_and_id_numbers_are_masked_before_storing(bot):
    say(bot, "阿巴阿巴 13812345678 110101199003071234")
    [item] = collected(bot)
    assert "13812345678" not in item.text and "138****5678" in item.text
    assert "110101199003071234" not in item.text and "110101********1234" in item.text


def test_understood_messages_and_button_presses_are_not_collected(bot):
    say(bot, "你好")
    say(bot, "我想学书法")
    say(bot, "/no_such_intent")  # a payload carries no words of the worker's
    say(bot, "/help")
    assert collected(bot) == []


def test_a_low_confidence_intent_is_collected(bot):
    bot.engine.review_threshold = 0.999  # every classified message is "not sure enough"
    say(bot, "我想学书法")
    [item] = collected(bot)
    assert item.reason == MISS_LOW_CONFIDENCE
    assert item.intent == "course_search" and item.confidence < 0.999


def test_an_faq_miss_is_collected(bot):
    with bot.db.write_lock(), bot.db.session() as s:
        s.execute(update(FaqEntry).values(enabled=False))
    bot.knowledge.reload()
    replies = say(bot, "加班费怎么算")
    # nothing in the FAQ: the closest law articles are shown, and the miss is still collected
    assert "没有找到现成的解答" in replies[0]["text"] and "法律条文" in replies[0]["text"]
    [item] = collected(bot)
    assert (item.reason, item.text, item.faq_slug) == (MISS_FAQ, "加班费怎么算", None)


def test_a_question_answered_only_with_options_is_collected_as_such(bot):
    retrieval = bot.settings.config.retrieval
    # nothing is sure enough to answer: the worker gets "您是想问" options
    retrieval.answer_threshold = retrieval.likely_threshold = 0.99
    replies = say(bot, "加班费怎么算")
    assert replies[0]["text"] == "您是想问："
    [item] = collected(bot)
    assert item.reason == MISS_FAQ_OPTIONS and item.faq_slug == "ot_pay_rates"


def test_a_likely_answer_is_an_answer_reviewed_only_when_the_worker_says_it_did_not_help(bot):
    replies = say(bot, "加班费咋个算", sender="w-likely")
    assert replies[0]["text"].startswith("关于「")
    assert collected(bot) == []
    unhelpful = next(b["payload"] for b in replies[0]["buttons"] if b["title"] == "没帮助")
    say(bot, unhelpful, sender="w-likely")
    [item] = collected(bot)
    assert item.reason == MISS_NOT_HELPFUL and item.text == "加班费咋个算"
    assert item.faq_slug and item.faq_slug in unhelpful


def test_an_answered_question_is_not_collected(bot):
    replies = say(bot, "年假有几天")
    assert "有帮助" in [b["title"] for b in replies[0]["buttons"]]
    assert collected(bot) == []


def test_a_retried_message_is_collected_once(bot):
    say(bot, "阿巴阿巴", sender="w-retry", message_id="m-1")
    say(bot, "阿巴阿巴", sender="w-retry", message_id="m-1")
    assert len(collected(bot)) == 1


def test_collected_over_the_rest_webhook(http, bot):
    r = http.post("/webhooks/rest/webhook", json={"sender": "w-http", "message": "阿巴阿巴"})
    assert r.status_code == 200 and r.json()
    [item] = collected(bot)
    assert (item.channel, item.reason) == ("rest", MISS_FALLBACK)
