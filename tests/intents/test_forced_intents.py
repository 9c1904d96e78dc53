"""The rules that override the classifier's reading (intents/forced_intents.py)."""

from __future__ import annotations

from intents.forced_intents import forced_intent

_AS_FEE = [("course_followup", 0.53), ("inform", 0.18)]


def test_money_owed_asked_where_a_course_s_fee_was_heard_is_a_policy_question():
    assert forced_intent("一共欠我多少钱", [], _AS_FEE) == "policy_question"
    assert forced_intent("扣了我多少钱", [], _AS_FEE) == "policy_question"
    assert forced_intent("yigong qian wo duoshao qian", [], _AS_FEE) == "policy_question"
    # (a course named: its fee; the classifier on something else: kept)
    course = [{"entity": "course_name", "value": "书法"}]
    assert forced_intent("书法课欠我多少钱", course, _AS_FEE) is None
    assert forced_intent("书法班多少钱", [], _AS_FEE) is None


def test_leave_asked_where_the_enrolments_were_heard_is_a_policy_question():
    unsure = [("my_enrolments", 0.31), ("policy_question", 0.15)]
    assert forced_intent("老婆生了过后我有假没得", [], unsure) == "policy_question"
    # (a sure reading, or a course named: the enrolments)
    assert forced_intent("老婆生了过后我有假没得", [], [("my_enrolments", 0.8)]) is None
    course = [{"entity": "course_name", "value": "书法"}]
    assert forced_intent("我报的书法有几天假", course, unsure) is None


def test_a_story_ending_in_someone_at_work_s_never_mind_is_a_policy_question():
    unsure = [("cancel", 0.41), ("policy_question", 0.2)]
    assert forced_intent("店长暗示我怀起了干脆自己辞职算了", [], unsure) == "policy_question"
    # (the worker's own never mind, said first, or a sure reading: kept)
    assert forced_intent("算了 老板那边我自己去说", [], unsure) is None
    assert forced_intent("老板说的算了", [], [("cancel", 0.8)]) is None
    # (the worker stopping, whatever the employer said)
    assert forced_intent("老板刚打电话说明天就发 那我先不申请了", [], unsure) is None
    assert forced_intent("公司说明天退给我 那就算了嘛不用调解了", [], unsure) is None
    assert forced_intent("哎呀 问了老板周六不得放 帮我取消了嘛", [], unsure) is None
