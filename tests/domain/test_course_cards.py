"""A course's card and its parts asked: whether its fee comes back."""

from __future__ import annotations

from bot.domain.course_cards import asks_refund, refund_text
from bot.store.models import Course


def course(fee: int) -> Course:
    return Course(code="C1", name="叉车操作", category="技能培训", fee=fee)


def test_a_refund_asked_after_cancelling():
    assert asks_refund("那300块钱退不退")
    assert asks_refund("交的钱能退不")
    assert not asks_refund("要交好多钱")
    said = refund_text(course(300), "那300块钱退不退")
    assert "300元" in said and "退费" in said and "转人工" in said
    assert "免费" in refund_text(course(0), "钱能退不")
    assert refund_text(course(300), "在哪里上课") is None
