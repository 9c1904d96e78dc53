"""What is still owed after a sum worked out (bot/domain/paid_short.py)."""

from __future__ import annotations

from bot.domain.paid_short import shortfall_text

REPLY = "按您说的：休息日加班4天，日工资200元。\n不低于日工资的200%：200×200%×4=1600元。"


def test_the_rest_of_the_last_sum():
    said = shortfall_text(REPLY, "他只给了我800块 还差好多")
    assert said is not None and "还差800元" in said


def test_nothing_without_a_sum_a_payment_or_the_question():
    assert shortfall_text("加班费按几倍算：平时150%。", "他只给了我800块 还差好多") is None
    assert shortfall_text(REPLY, "还差好多") is None
    assert shortfall_text(REPLY, "他只给了我800块") is None
    assert shortfall_text(REPLY, "他只给了我2000块 还差好多") is None
