"""A course's stated requirements against what a worker says of the person enrolling."""

from __future__ import annotations

import pytest

from bot.domain.course_requirements import instead_of, schooling, unmet
from bot.store.models import Course

UPGRADE = Course(
    code="XL02", name="专升本班", category="学历提升",
    description="先上免费的成人高考辅导，个人每年交2000元，报名要有大专毕业证。",
)  # fmt: skip
ELECTRICIAN = Course(
    code="JN01", name="低压电工证", category="技能培训",
    description="理论加实操，结业后统一报名考证。要求年满18岁、初中以上文化。",
)  # fmt: skip
OPEN = Course(
    code="XL01", name="大专班", category="学历提升", description="免试入学，国家承认学历。"
)


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("我只有高中毕业，想报那个专升本", "高中"),
        ("我大专毕业的 想读个本科", "大专"),
        ("才读到初中", "初中"),
        ("学历是中专", "中专"),
        ("想报大专班", None),  # the course asked for, not the worker's schooling
        ("专升本要读几年", None),
    ],
)
def test_the_schooling_a_worker_tells(text, level):
    assert schooling(text) == level


@pytest.mark.parametrize(
    ("course", "text", "refused"),
    [
        (UPGRADE, "我只有高中毕业，想报那个专升本", "大专"),
        (UPGRADE, "我中专文凭 能报专升本不", "大专"),
        (UPGRADE, "我大专毕业 想报专升本", None),
        (UPGRADE, "我想报专升本", None),  # says nothing against it: the summary shows the rule
        (ELECTRICIAN, "我儿子今年16岁，想给他报低压电工证", "18岁"),
        (ELECTRICIAN, "我42岁初中毕业的 报电工", None),
        (ELECTRICIAN, "我只有小学文化 想学电工", "初中"),
        (OPEN, "我只有初中毕业", None),  # no requirement stated
    ],
)
def test_what_stands_against_enrolling(course, text, refused):
    reason = unmet(course, text)
    assert (reason is None) if refused is None else (refused in reason and course.name in reason)


def test_what_is_suggested_instead_meets_what_the_worker_said_earlier():
    college = Course(
        code="XL01", name="大专班", category="学历提升",
        description="免试入学。要有高中毕业证（中专、职高、技校毕业也可以）。",
    )  # fmt: skip
    college.id, UPGRADE.id = 1, 2
    # "我初中毕业 想读个大专" … "报名": the schooling was told before, 专升本 needs even more
    assert instead_of(college, [college, UPGRADE], "报名", ["我初中毕业 想读个大专"]) == []
    assert instead_of(UPGRADE, [college, UPGRADE], "报名", ["我高中毕业"]) == [college]


def test_what_the_words_leave_untold_of_the_requirements():
    from bot.domain.course_requirements import not_told

    assert not_told(ELECTRICIAN, "我55岁了能报不") == ["初中以上文化"]
    assert not_told(ELECTRICIAN, "我初中毕业 45岁 能报不") == []  # an adult's age said bare
    assert not_told(ELECTRICIAN, "我能报不", earlier=["我是高中毕业的"]) == ["年满18岁"]
    assert unmet(ELECTRICIAN, "我初中毕业 16岁") is not None  # a bare age is still checked


def test_a_workmates_schooling_told_before_is_not_the_workers_own():
    # newest first: a workmate's 高中 after the worker's own 大专
    earlier = ["我有个同事只有高中文凭 他能读啥子", "我大专毕业的 想提升下学历"]
    assert unmet(UPGRADE, "你先帮我报专升本 我叫苏雨桐", earlier) is None
    # enrolling the workmate, their schooling counts
    assert unmet(UPGRADE, "那帮他报专升本", earlier) is not None


def test_an_age_said_after_this_year_without_sui():
    assert unmet(ELECTRICIAN, "我初中毕业 今年17") is not None
    assert unmet(ELECTRICIAN, "我初中毕业 今年35") is None


def test_schooling_finished_is_schooling_told():
    from bot.domain.course_requirements import schooling, tells_about

    assert schooling("哎 说错了 我初中读完了的") == "初中"
    assert tells_about("等哈 我说错了 我是初中毕业的 读完了的")
    assert not tells_about("等我高中读完了再说")  # still to come


def test_what_now_after_a_refusal_is_the_one_suggested():
    from bot.domain.course_requirements import what_now_instead
    from bot.store.models import Course

    upgrade = Course(
        id=1,
        code="ZSB",
        name="专升本班",
        category="学历提升",
        description="报名要有大专毕业证。",
        status="open",
    )
    college = Course(
        id=2,
        code="DZB",
        name="大专班",
        category="学历提升",
        description="免试入学，国家承认学历。",
        status="open",
    )
    earlier = ["我只有高中文凭 可以读那个专升本不"]
    assert what_now_instead(upgrade, [upgrade, college], "那怎么办呢", earlier) is college
    assert what_now_instead(upgrade, [upgrade, college], "那咋个办嘛", earlier) is college
    # not asked so, or nothing against the course
    assert what_now_instead(upgrade, [upgrade, college], "在哪里上课", earlier) is None
    assert what_now_instead(upgrade, [upgrade, college], "那怎么办呢", ["我大专毕业"]) is None


def test_an_age_told_before_counts_against_the_course():
    earlier = ["我17岁 在汽修店当学徒 想考低压电工证"]
    assert "17岁暂时不能报" in (unmet(ELECTRICIAN, "那我现在能学啥子嘛", earlier) or "")
    # (someone else's age told before is not the worker's)
    assert unmet(ELECTRICIAN, "那我能学啥子", ["我儿子17岁 想学电工"]) is None
    assert unmet(ELECTRICIAN, "那我能学啥子", ["我今年35岁"]) is None


def test_a_relatives_age_told_without_the_word_for_years():
    from bot.domain.course_requirements import not_told

    assert not_told(ELECTRICIAN, "我表哥25了 初中毕业 他呢") == []
    assert unmet(ELECTRICIAN, "我表弟16了 初中毕业") is not None
