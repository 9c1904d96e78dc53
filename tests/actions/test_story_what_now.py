"""What to do about a grievance told as a story, asked in a word after it."""

from __future__ import annotations

from actions.story_what_now import WHAT_NOW, grievance_told


def test_a_bare_what_to_do():
    for text in ("咋办嘛", "那我咋个办嘛", "我该怎么办", "那怎么处理呢"):
        assert WHAT_NOW.match(text), text
    assert not WHAT_NOW.match("工资拖了咋办")
    assert not WHAT_NOW.match("书法课咋个报")


def test_a_grievance_is_told_not_asked():
    assert grievance_told("老板拖了我3个月工资 一共15000")
    assert not grievance_told("老板拖了我3个月工资 咋办")  # (asked)
    assert not grievance_told("合同是2024年1月15号签的 签了三年")  # (facts, no grievance)
