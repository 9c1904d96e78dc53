"""详细说明 under a long policy answer (actions/answer_more.py), through the real engine on a
real database with the demo FAQ."""

from __future__ import annotations

from sqlalchemy import select

from bot.knowledge.answers import layout
from bot.store.models import EV_BOT, Event, FaqFeedback, MisunderstoodMessage
from tests.actions.test_feedback import Worker, rows, text, titles

ASKED = "一个月最多能加好多个小时的班"  # ot_limits: a long answer citing 《劳动法》第三十六条 …


def test_the_first_message_is_the_lead_then_part_of_the_detail_and_the_rest_is_one_tap_away(bot):
    entry = bot.knowledge.get("ot_limits")
    parts = layout(entry.answer)
    assert parts.rest  # long enough to be cut
    worker = Worker(bot)
    answer = worker.says(ASKED)
    assert text(answer) == f"{parts.lead}\n\n{parts.shown}\n依据：{entry.source}"
    assert titles(answer) == [
        "详细说明",
        "有帮助",
        "没帮助",
        "查看法条原文",
        "转人工",
        "还有别的问题",
    ]
    more = worker.press(answer, "详细说明")
    assert text(more) == parts.rest
    # the whole answer was given, in order, over the two messages (a clause ending the part
    # shown ends with 。 there)
    said = parts.lead + parts.shown + parts.rest
    assert said.replace("。", "；") == entry.answer.strip().replace("。", "；")
    # under the rest: the answer's buttons again, without 详细说明
    assert titles(more) == ["有帮助", "没帮助", "查看法条原文", "转人工", "还有别的问题"]
    law = worker.press(more, "查看法条原文")
    assert text(law).startswith("《劳动法》第三十六条：")
    # the answer is counted once (the dashboard's 回答次数)
    with bot.db.read() as s:
        marked = [
            e.data["faq"]
            for e in s.scalars(select(Event).where(Event.type == EV_BOT))
            if e.data and "faq" in e.data
        ]
    assert marked == ["ot_limits"]


def test_feedback_under_the_rest_records_the_entry_and_the_worker_s_question(bot):
    worker = Worker(bot)
    more = worker.press(worker.says(ASKED), "详细说明")
    replies = worker.press(more, "没帮助")
    assert "抱歉没能帮到您" in text(replies)
    [feedback] = rows(bot, FaqFeedback)
    assert (feedback.slug, feedback.helpful, feedback.question) == ("ot_limits", False, ASKED)
    [item] = rows(bot, MisunderstoodMessage)
    assert item.faq_slug == "ot_limits" and item.text == ASKED
    # the first message's buttons still count for the same answer, once
    again = worker.press(worker.says(ASKED), "有帮助")
    assert "谢谢您的反馈" in text(again)
    assert [f.helpful for f in rows(bot, FaqFeedback)] == [False, True]


def test_a_follow_up_after_the_rest_is_still_read_against_the_entry(bot):
    worker = Worker(bot)
    worker.press(worker.says(ASKED), "详细说明")
    daily = text(worker.says("那一天最多能加好久呢"))
    assert "每天最多3小时" in daily  # the same entry, not another one


def test_the_bare_payload_means_the_answer_just_given(bot):
    worker = Worker(bot)
    worker.says(ASKED)
    rest = layout(bot.knowledge.get("ot_limits").answer).rest
    assert text(worker.says("/answer_more")) == rest  # a slug too long for Telegram's 64 bytes


def test_the_button_without_any_answer_asks_for_the_question(bot):
    replies = Worker(bot).says("/answer_more")
    assert text(replies) and "依据" not in text(replies)
    assert rows(bot, FaqFeedback) == []


def test_asking_for_more_in_words_right_after_a_cut_answer_shows_the_rest(bot):
    rest = layout(bot.knowledge.get("ot_limits").answer).rest
    for typed in ("详细说明", "说详细点", "具体说说", "还有呢"):
        worker = Worker(bot)
        worker.says(ASKED)
        assert text(worker.says(typed)) == rest, typed
    # not after another kind of reply: no answer to continue
    assert text(Worker(bot).says("说详细点")) != rest
