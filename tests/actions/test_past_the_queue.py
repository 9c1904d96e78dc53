"""The course in view across a wait for staff the worker gave up, and the time of the course
in view said as the reason another is asked for."""

from __future__ import annotations

from actions.dispute_words import DISPUTE_PATTERNS
from actions.message import past_the_queue


def test_a_wait_for_staff_given_up_is_skipped():
    # "转人工", then "算了 … 在哪里上课": the course shown before the handoff
    assert past_the_queue(["action_handoff", "action_search_courses"]) == ["action_search_courses"]
    # "转人工", "算了" (no action), then the question
    assert past_the_queue(["", "action_handoff", "action_course_followup", "x"]) == [
        "action_course_followup",
        "x",
    ]
    # a turn that ran no action, with no handoff, is kept
    assert past_the_queue(["", "action_search_courses"]) == ["", "action_search_courses"]


def test_a_plant_closed_with_compensation_short_is_a_dismissal():
    pattern = DISPUTE_PATTERNS["解除劳动合同"]
    assert pattern.search("老板关厂了 才给我们两个月补偿")
    assert pattern.search("要求按工龄足额支付经济补偿")
    assert pattern.search("厂子关了 只给一个月的补偿")
