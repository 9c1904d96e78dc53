"""A child's age as workers tell it, and the ages a course's description states."""

from __future__ import annotations

import pytest

from bot.domain.course_ages import (
    age_range,
    age_told_before,
    child_age,
    child_named,
    children_ages,
    labelled_ages,
    suits,
    without_age,
)
from bot.store.models import Course


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("有没得适合5岁娃儿的", 5),
        ("我家孩子8岁 能报啥子", 8),
        ("女儿今年六岁半了", 6),
        ("宝宝两岁 有没得亲子课", 2),
        ("给十岁的娃儿找个班", 10),
        ("娃儿读小学三年级", 9),
        ("儿子上幼儿园大班", 5),
        ("娃儿读初二 有啥子班", 14),
        ("周末有啥子课", None),
        ("我妈70岁了", None),  # not a child: no children's course is meant
        ("正月初二有课没", None),
        ("我在厂里干了5年", None),
    ],
)
def test_the_childs_age_the_worker_tells(text, age):
    assert child_age(text) == age


def test_the_age_words_are_no_course_name():
    assert "5岁" not in without_age("有没得适合5岁娃儿的") and "适合" in without_age(
        "有没得适合5岁娃儿的"
    )


@pytest.mark.parametrize(
    ("description", "ages"),
    [
        ("家长带3到8岁孩子一起读绘本", (3, 8)),
        ("给会员职工6到12岁孩子办的寒假营", (6, 12)),
        ("面向4-10周岁儿童", (4, 10)),
        ("要求年满18岁、初中以上文化", None),  # an adult course's requirement is no age range
        ("", None),
    ],
)
def test_the_ages_a_course_is_for(description, ages):
    course = Course(code="X", name="某课", category="亲子活动", description=description)
    assert age_range(course) == ages
    if ages:
        assert suits(course, ages[0]) and suits(course, ages[1]) and not suits(course, ages[1] + 1)


def test_children_named_by_who_they_are_with_their_ages():
    text = "我屋头两个娃儿 弟弟7岁 姐姐今年11岁 有啥子课"
    assert labelled_ages(text) == {"弟弟": 7, "姐姐": 11}
    assert children_ages(text) == [7, 11]
    assert child_named("给姐姐报一个") == "姐姐"
    assert child_named("帮我家老二也报上") == "老二"
    assert child_named("我想报书法") is None
    assert age_told_before("姐姐", ["给姐姐报一个", text]) == 11
    assert age_told_before("哥哥", [text]) is None


def test_the_younger_or_elder_of_children_told_by_other_words() -> None:
    from bot.domain.course_ages import age_told_before

    told = ["我儿子8岁 女儿4岁 寒假有没得活动"]
    assert age_told_before("小的", told) == 4
    assert age_told_before("大的", told) == 8
    assert age_told_before("小的", ["我儿子8岁"]) is None
