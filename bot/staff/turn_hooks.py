"""Worker messages the staff desk answers inside the engine's turn (bot/engine/hooks.py):
a satisfaction score after a resolve, and the two queue choices offered when nobody has
picked up yet."""

from __future__ import annotations

import re
from datetime import timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from bot.store.models import Rating, utcnow

_SCORE = re.compile(r"^\s*([1-5１-５一二三四五])\s*(分|星)?\s*[。.!！]?\s*$")
_DIGITS = {c: i + 1 for i, c in enumerate("12345")} | {c: i + 1 for i, c in enumerate("１２３４５")}
_DIGITS |= {c: i + 1 for i, c in enumerate("一二三四五")}

# a number days after the question is probably about something else
RATING_WINDOW = timedelta(days=1)
THANKS_TEXT = "感谢您的评价！有需要随时找我，说“转人工”可以再次联系工作人员。"
LEAVE_QUEUE = "/back_to_bot"
KEEP_WAITING = "/leave_message"
QUEUE_REPLIES = {
    LEAVE_QUEUE: "好的，已回到小助手。可以问我课程、调解、劳动政策的问题，需要时再说“转人工”。",
    KEEP_WAITING: "好的，请直接留言说明您的情况，消息都会保留，工作人员看到后会尽快回复您。",
}


def parse_score(text: str) -> int | None:
    """1-5 from "5", "５", "5分", "五星"; None for anything else."""
    m = _SCORE.match(text or "")
    return _DIGITS[m.group(1)] if m else None


def take_rating(s: Session, conversation_id: int, text: str) -> dict | None:
    """Store a score answering the latest satisfaction question: the event's data, or None."""
    score = parse_score(text)
    if score is None:
        return None
    pending = s.scalar(
        select(Rating.id)
        .where(
            Rating.conversation_id == conversation_id,
            Rating.score.is_(None),
            Rating.asked_at >= utcnow() - RATING_WINDOW,
        )
        .order_by(Rating.id.desc())
        .limit(1)
    )
    if pending is None:
        return None
    # a write: in the engine's read phase this asks for the message to be redone locked
    s.execute(
        update(Rating)
        .where(Rating.id == pending, Rating.score.is_(None))
        .values(score=score, rated_at=utcnow())
    )
    return {"score": score, "rating_id": pending}


class StaffTurnHooks:
    """The desk's DeskHooks for the engine."""

    def take_rating(self, s: Session, conversation_id: int, text: str) -> tuple[dict, str] | None:
        rated = take_rating(s, conversation_id, text)
        return None if rated is None else (rated, THANKS_TEXT)

    def queue_choice(self, text: str) -> tuple[bool, str] | None:
        reply = QUEUE_REPLIES.get(text)
        return None if reply is None else (text == LEAVE_QUEUE, reply)
