"""Telegram's wire rules: command translation, 4096-unit messages, keyboard layout."""

from __future__ import annotations

import pytest

from bot.channels.telegram_format import (
    MAX_TEXT,
    command_payload,
    fits_callback,
    keyboard_rows,
    split_text,
    utf16_len,
)


@pytest.mark.parametrize(
    ("text", "payload"),
    [
        ("/start", "/greet"),
        ("/start campaign-42", "/greet"),  # a deep link's parameter is dropped
        ("/start@workerbot_test_bot", "/greet"),
        ("/START@WorkerBot_Test_Bot", "/greet"),
        ("/help", "/help"),
        ("/menu", "/help"),
        ("/cancel", "/cancel"),
        ("/cancel@workerbot_test_bot 算了", "/cancel"),
        ("/human", "/human_handoff"),
        ("  /human  ", "/human_handoff"),
        ("/start@some_other_bot", None),  # addressed to another bot
        ("/starting", None),
        ("/greet", None),  # engine payloads are not commands: they reach the engine as typed
        ('/course_enroll{"course_id":"XF01"}', None),
        ("/stop", None),
        ("开始", None),
        ("", None),
    ],
)
def test_command_payload(text, payload):
    assert command_payload(text, "workerbot_test_bot") == payload


def test_command_with_unknown_bot_name_is_accepted_before_getme():
    assert command_payload("/start@anything_bot", None) == "/greet"


def test_short_text_is_one_message():
    assert split_text("  您好！\n有什么可以帮您？ ") == ["您好！\n有什么可以帮您？"]
    assert split_text("") == []


def test_long_text_splits_at_line_ends_under_the_limit():
    lines = [f"第{i}条：劳动合同法规定，用人单位应当按时足额支付劳动报酬。" for i in range(400)]
    text = "\n".join(lines)
    chunks = split_text(text)
    assert len(chunks) > 1
    assert all(utf16_len(c) <= MAX_TEXT for c in chunks)
    assert all(c.endswith("。") for c in chunks)  # every cut is at a line end
    assert "\n".join(chunks) == text  # nothing lost


def test_a_long_paragraph_splits_at_sentence_ends():
    text = "加班费按不低于工资的百分之一百五十支付！" * 400  # no newlines
    chunks = split_text(text, limit=1000)
    assert all(len(c) <= 1000 and c.endswith("！") for c in chunks)
    assert "".join(chunks) == text


def test_text_without_any_boundary_is_cut_hard_and_emoji_count_double():
    text = "😀" * 3000  # 6000 UTF-16 units
    chunks = split_text(text)
    assert [utf16_len(c) for c in chunks] == [4096, 6000 - 4096]
    assert "".join(chunks) == text


def test_keyboard_rows():
    assert keyboard_rows(["课程报名", "调解申请", "政策咨询", "人工服务"]) == [[0, 1], [2, 3]]
    assert keyboard_rows(["确认", "修改", "取消"]) == [[0, 1], [2]]
    long = ["八段锦（周六上午，免费）", "书法入门"]
    assert keyboard_rows(long) == [[0], [1]]
    assert keyboard_rows(["好"]) == [[0]]


def test_callback_data_limit_is_in_utf8_bytes():
    assert fits_callback("/x" + "a" * 62)
    assert not fits_callback("/x" + "a" * 63)
    assert not fits_callback('/course_search{"course_name":"' + "书" * 12 + '"}')
