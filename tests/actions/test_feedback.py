"""有帮助 / 没帮助 under policy answers, through the real engine on a real database."""

from __future__ import annotations

import uuid

from sqlalchemy import select

from actions.answer_buttons import feedback_button
from bot.channels.wechat_text import render
from bot.core.messages import Incoming
from bot.store.models import (
    EV_BOT,
    MISS_NOT_HELPFUL,
    Conversation,
    Event,
    FaqEntry,
    FaqFeedback,
    MisunderstoodMessage,
)


class Worker:
    """One worker talking to the engine; returns each message's replies."""

    def __init__(self, bot) -> None:
        self.bot, self.sender, self.n = bot, f"w-{uuid.uuid4().hex[:8]}", 0

    def says(self, text: str) -> list[dict]:
        self.n += 1
        return self.bot.engine.handle(
            Incoming("rest", self.sender, text, f"{self.sender}-{self.n}")
        )

    def press(self, replies: list[dict], title: str) -> list[dict]:
        payload = next(
            b["payload"] for r in replies for b in r.get("buttons", []) if b["title"] == title
        )
        return self.says(payload)


def titles(replies: list[dict]) -> list[str]:
    return [b["title"] for r in replies for b in r.get("buttons", [])]


def text(replies: list[dict]) -> str:
    return "\n".join(r.get("text", "") for r in replies)


def rows(bot, model):
    with bot.db.read() as s:
        return s.scalars(select(model).order_by(model.id)).all()


def test_a_policy_answer_offers_feedback_and_its_event_names_the_entry(bot):
    worker = Worker(bot)
    replies = worker.says("年假有几天")
    # feedback (a longer answer has 详细说明 first: tests/actions/test_answer_more.py)
    assert titles(replies) == ["有帮助", "没帮助", "转人工", "还有别的问题"]
    payloads = [b["payload"] for r in replies for b in r["buttons"]]
    assert payloads[0] == '/faq_feedback{"faq_id":"leave_annual_days","helpful":1}'
    assert payloads[1] == '/faq_feedback{"faq_id":"leave_annual_days","helpful":0}'
    with bot.db.read() as s:
        answers = s.scalars(select(Event).where(Event.type == EV_BOT)).all()
    assert [e.data["faq"] for e in answers if e.data and "faq" in e.data] == ["leave_annual_days"]
    # WeChat shows the same buttons as numbered options
    wechat, options = render(replies)
    assert "回复 1 有帮助" in wechat and "回复 2 没帮助" in wechat
    assert options[1] == payloads[1]


def test_helpful_is_counted_with_the_question_and_not_sent_for_review(bot):
    worker = Worker(bot)
    answer = worker.says("年假有几天")
    replies = worker.press(answer, "有帮助")
    assert "谢谢您的反馈" in text(replies)
    [feedback] = rows(bot, FaqFeedback)
    assert (feedback.slug, feedback.helpful, feedback.question) == (
        "leave_annual_days",
        True,
        "年假有几天",
    )
    assert rows(bot, MisunderstoodMessage) == []
    with bot.db.read() as s:
        conv = s.scalar(select(Conversation).where(Conversation.sender_id == worker.sender))
    assert (
        conv.slots.get("faq_id") is None
    )  # the payload's entry does not stick to the next question


def test_not_helpful_is_recorded_for_review_and_offers_a_human(bot):
    worker = Worker(bot)
    answer = worker.says("我的年假有几天")
    assert "有帮助" in titles(answer)
    replies = worker.press(answer, "没帮助")
    assert "抱歉没能帮到您" in text(replies)
    assert titles(replies) == ["转人工", "换个说法再问"]
    [feedback] = rows(bot, FaqFeedback)
    assert feedback.helpful is False and feedback.question == "我的年假有几天"
    [item] = rows(bot, MisunderstoodMessage)
    assert item.reason == MISS_NOT_HELPFUL
    assert item.faq_slug == feedback.slug
    assert item.text == "我的年假有几天" and item.intent == "policy_question"
    assert item.channel == "rest" and item.status == "open"
    # pressing again records nothing more
    again = worker.press(answer, "没帮助")
    assert "已经收到" in text(again)
    assert len(rows(bot, FaqFeedback)) == 1 and len(rows(bot, MisunderstoodMessage)) == 1


def test_an_answer_chosen_from_related_questions_offers_feedback_for_the_typed_question(bot):
    worker = Worker(bot)
    likely = worker.says("加班费咋个算")  # three close entries: the likeliest, two related
    assert text(likely).startswith("关于「加班费按几倍算」")
    related = [t for t in titles(likely) if t not in ("详细说明", "有帮助", "没帮助", "转人工")]
    assert len(related) == 2
    chosen = worker.press(likely, related[0])
    assert text(chosen) and not text(chosen).startswith("关于")
    assert [t for t in titles(chosen) if t != "详细说明"][:2] == ["有帮助", "没帮助"]
    worker.press(chosen, "有帮助")
    [feedback] = rows(bot, FaqFeedback)
    assert feedback.question == "加班费咋个算"  # the worker's words, not the button payload


def test_a_long_entry_id_still_fits_a_telegram_button(bot):
    slug = "x" * 32
    with bot.db.write_lock(), bot.db.session() as s:
        s.add(
            FaqEntry(
                slug=slug,
                question="职工疗休养每年有几次",
                alternates=["疗休养一年几次"],
                answer="每年可以参加一次职工疗休养。",
                category="福利",
                source="《职工疗休养管理办法》",
            )
        )
    bot.knowledge.reload()
    button = feedback_button("没帮助", slug, False)
    assert len(button["payload"].encode()) <= 64 and slug not in button["payload"]
    worker = Worker(bot)
    answer = worker.says("职工疗休养每年有几次")
    assert "每年可以参加一次" in text(answer)
    worker.press(answer, "没帮助")
    [feedback] = rows(bot, FaqFeedback)
    assert feedback.slug == slug and feedback.question == "职工疗休养每年有几次"


def test_feedback_without_any_answer_is_thanked_and_ignored(bot):
    replies = Worker(bot).says('/faq_feedback{"helpful":0}')
    assert "谢谢您的反馈" in text(replies)
    assert rows(bot, FaqFeedback) == [] and rows(bot, MisunderstoodMessage) == []


def test_the_answered_entry_is_found_in_rasa_s_metadata_too():
    from actions.feedback import answered

    ours = [{"event": "bot", "text": "…", "data": {"faq": "leave_annual_days"}}]
    rasa = [{"event": "bot", "text": "…", "data": {}, "metadata": {"faq": "leave_annual_days"}}]
    assert answered(ours, None) == (0, "leave_annual_days")
    assert answered(rasa, None) == (0, "leave_annual_days")
    assert answered(rasa, "ot_pay_rates") is None
