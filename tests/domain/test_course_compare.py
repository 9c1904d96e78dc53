"""Courses in view set against each other (bot/domain/course_compare.py)."""

from __future__ import annotations

from datetime import date

import pytest

from bot.domain.course_compare import (
    DIFFERENCE,
    FEE,
    LENGTH,
    PLACE,
    START,
    compare_lead,
    compared,
    hours_text,
)
from bot.store.models import Course


def course(name: str, **fields) -> Course:
    base = {"category": "技能培训", "fee": 0, "venue": "区工人文化宫", "time": "14:00-17:00"}
    return Course(name=name, **(base | fields))


@pytest.mark.parametrize(
    ("said", "kind"),
    [
        ("哪个便宜", FEE),
        ("哪个贵些", FEE),
        ("哪个近点 我住城南", PLACE),
        ("两个哪个方便点", PLACE),
        ("哪个时间短点", LENGTH),
        ("哪门上的次数少", LENGTH),
        ("哪个先开课", START),
        ("这两个有啥子区别", DIFFERENCE),
        ("两门有啥子不一样", DIFFERENCE),
    ],
)
def test_what_the_courses_are_set_against_each_other_by(said, kind):
    assert compared(said) == kind


def test_no_comparison_without_which_one_or_these_two():
    assert compared("便宜点的呢") is None  # the list narrowed, not compared
    assert compared("哪个最近开课") == START  # (最近: when, not where)
    assert compared("在哪里上课") is None


def test_the_lead_names_the_one():
    cheap, dear = course("大专班", fee=1800), course("专升本班", fee=2000)
    assert compare_lead([cheap, dear], FEE, "哪个便宜") == "「大专班」便宜些：1800元。"
    free = [course("家政", fee=0), course("护理", fee=0), course("叉车", fee=300)]
    assert compare_lead(free, FEE, "哪个最便宜") == "最便宜的是「家政」、「护理」，都是免费。"
    home = course("家政", venue="城南街道工会服务站")
    care = course("护理", venue="滨江街道工会服务站")
    assert "离城南近的是「家政」" in compare_lead([home, care], PLACE, "哪个近 我住城南")
    assert "您住在哪一片" in compare_lead([home, care], PLACE, "哪个近点")
    short = course("烘焙", time="09:30-11:30", sessions=8)
    long = course("烹调", time="14:00-17:00", sessions=8)
    lead = compare_lead([long, short], LENGTH, "哪个时间短点")
    assert "「烘焙」短些" in lead and "（2小时）" in lead and "（3小时）" in lead
    first = course("书法", start_date=date(2026, 12, 1))
    later = course("插花", start_date=date(2026, 12, 5))
    assert compare_lead([later, first], START, "哪个先开") == "「书法」先开课：12月1日。"
    assert compare_lead([first, later], DIFFERENCE, "有啥区别") == ""


def test_hours_as_said():
    assert [hours_text(m) for m in (120, 150, 90, 45, 100)] == [
        "2小时",
        "2个半小时",
        "1个半小时",
        "45分钟",
        "1小时40分钟",
    ]
