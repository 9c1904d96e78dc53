"""A sum asked in the mediation form, read with the request's story (actions/worked_out_story.py)."""

from __future__ import annotations

from actions.worked_out_story import MEDIATION_FORM, story_for_sum
from tests.actions.action_support import make_tracker

STORY = "上个月工作日下班后加了20个小时班 一分没给"


def _at_summary(text: str, story: str | None = STORY, loop: str | None = MEDIATION_FORM):
    slots = {"description": story, "requested_slot": "mediation_confirm"}
    return make_tracker(text, "policy_question", slots=slots, active_loop=loop)


def test_a_sum_asked_with_no_dispute_of_its_own_reads_the_story():
    text = "等等 那应该给好多 我工资一个月5220"
    assert story_for_sum(_at_summary(text), text) == STORY


def test_the_story_in_english_is_read_as_chinese():
    story = "Last month I did 20 hours of overtime on weekdays after my normal shift"
    said = story_for_sum(_at_summary("应该给好多?", story), "应该给好多?")
    assert said is not None and "加" in said and "20个小时" in said


def test_no_story_for_what_the_mediation_costs_nor_outside_the_form():
    assert story_for_sum(_at_summary("调解要多少钱"), "调解要多少钱") is None
    assert story_for_sum(_at_summary("调解要好久"), "调解要好久") is None
    assert story_for_sum(_at_summary("好的 提交"), "好的 提交") is None  # no sum asked
    assert story_for_sum(_at_summary("那应该给好多", story=None), "那应该给好多") is None
    assert story_for_sum(_at_summary("那应该给好多", loop=None), "那应该给好多") is None


def test_a_wish_for_the_job_back_given_up_is_left_out_of_the_story():
    story = "做了4年 老板直接喊我不要来了 我要回去上班"
    slots = {"description": story, "requested_slot": "mediation_confirm"}
    money = make_tracker(
        "我每个月5500 这种能赔好多",
        "policy_question",
        slots={**slots, "demand": "不再回去上班，支付违法解除劳动合同的赔偿金"},
        active_loop=MEDIATION_FORM,
    )
    said = story_for_sum(money, "我每个月5500 这种能赔好多")
    assert said is not None and "做了4年" in said and "回去上班" not in said
    # (the job back still wanted: the story as told)
    back = make_tracker(
        "能赔好多",
        "policy_question",
        slots={**slots, "demand": "恢复劳动关系，回去继续上班"},
        active_loop=MEDIATION_FORM,
    )
    assert story_for_sum(back, "能赔好多") == story
