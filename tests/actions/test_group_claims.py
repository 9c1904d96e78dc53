"""A group's sums in the mediation form: the question of the total taken out of a message of
details, and one worker's sum put right in what happened."""

from __future__ import annotations

from actions.group_claims import only_the_list, story_with_sum_fixed, without_sum_asked


def test_the_question_of_the_total_taken_out() -> None:
    said = "电话13883021956 店是重庆味之源餐饮管理有限公司 要把工资补齐 那我们加起来一共好多"
    assert without_sum_asked(said) == "电话13883021956 店是重庆味之源餐饮管理有限公司 要把工资补齐"
    english = "4 people total. I'm owed 3000, Li Na 3100. how much is that altogether"
    assert without_sum_asked(english) == "4 people total. I'm owed 3000, Li Na 3100"
    assert without_sum_asked("加起来一共好多钱") == ""


def test_only_the_list_has_no_detail_of_the_form() -> None:
    assert only_the_list("一共3个人 我刘春梅欠6100 赵小军欠3800 加起来好多")
    assert not only_the_list("电话13883021956 我刘春梅欠6100 赵小军欠3800")
    assert not only_the_list("电话13883021956 店是重庆味之源餐饮管理有限公司")


def test_one_sum_put_right_in_the_story() -> None:
    story = "店里拖工资；一共3个人 我刘春梅欠6100 赵小军欠3800 何平欠3800"
    fixed = story_with_sum_fixed(story, "不好意思 何平是3600 不是3800")
    assert fixed == "店里拖工资；一共3个人 我刘春梅欠6100 赵小军欠3800 何平欠3600"
    assert story_with_sum_fixed(story, "钱小红是3600 不是3800") is None


def test_the_question_of_the_total_taken_from_the_start() -> None:
    assert without_sum_asked("一共好多钱嘛 要他全部结清") == "要他全部结清"


def test_one_workmates_number_put_right() -> None:
    from actions.group_claims import member_phone_fixed

    story = "工资都被拖了；一起申请的工友：范强 13983301133、汪平 13983301144"
    fixed = member_phone_fixed(story, "汪平的电话写错了 是13983301145")
    assert fixed == "工资都被拖了；一起申请的工友：范强 13983301133、汪平 13983301145"
    assert member_phone_fixed(story, "我的电话错了 是13983301145") is None
    assert member_phone_fixed("工资都被拖了", "汪平的电话写错了 是13983301145") is None
