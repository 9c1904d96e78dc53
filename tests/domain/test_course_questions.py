"""Reading questions about courses already shown: which one, and what about it."""

from __future__ import annotations

import pytest

from bot.domain.course_cards import answer, requirements_text
from bot.domain.course_questions import (
    asks_more,
    aspects,
    is_followup,
    narrowing,
    ordinal,
    points_back,
)
from bot.domain.course_sounds import sounds
from bot.domain.courses import residual
from bot.store.models import Course


@pytest.mark.parametrize(
    "text, position",
    [
        ("第二个在哪里上课", 2),
        ("第2个要钱不", 2),
        ("第 三 门", 3),
        ("第十个", 10),
        ("2号几点上课", 2),
        ("最后一个要交钱不", -1),
        ("在哪里上课", None),
        ("2026年的课", None),
    ],
)
def test_ordinal(text, position):
    assert ordinal(text) == position


@pytest.mark.parametrize(
    "text, asked",
    [
        ("在哪里上课", ["venue"]),
        ("要交钱不", ["fee"]),
        ("几点开始，在哪儿", ["venue", "time"]),
        ("报名有啥子要求", ["requirements"]),
        ("还有名额没得", ["seats"]),
        ("讲些啥子内容", ["description"]),
        ("好的", []),
        ("开始了没得 现在报还来得及不", ["time", "seats"]),
        ("我听别个说是600喃", ["fee"]),
        ("我白天要上班只能晚上去适合不", ["time", "requirements"]),
        ("我白天上班 只有晚上有空", []),  # a condition, not a question
        # how often it meets, against the worker's working days
        ("上课要天天去不 我平时要上班", ["time"]),
        ("一个星期要去几次", ["time"]),
    ],
)
def test_aspects(text, asked):
    assert aspects(text) == asked


def test_ages_and_whether_one_can_go_ask_for_the_requirements():
    assert aspects("那寒假营呢 几岁可以去") == ["requirements"]
    assert aspects("我娃娃才两岁半 绘本那个能去不") == ["requirements"]
    assert aspects("你多大了") == []  # asks the bot, not a course


def test_more_and_narrowing():
    assert all(asks_more(t) for t in ("还有吗", "还有没得别的", "下一页", "那还有呢", "换一批"))
    assert not asks_more("还有一个问题想问下加班费怎么算")
    assert narrowing("只要免费的") == "免费"
    assert narrowing("就要晚上的嘛") == "晚上"
    assert narrowing("我要报名书法") is None
    assert narrowing("周末上的是哪几个") == "周末"
    assert narrowing("晚上的是哪几门") == "晚上"
    assert narrowing("城南的有哪些") == "城南"
    assert narrowing("你是哪个") is None  # who are you: no condition


def test_what_counts_as_a_follow_up():
    for text in (
        "第二个在哪里上课",
        "那个要钱不",
        "几点上课",
        "下午几点",
        "还有吗",
        "只要免费的",
        "第三个",
    ):
        assert is_followup(text), text
    for text in ("加班费按几倍算", "老板欠我工资想申请调解", "/course_search", "", "你好"):
        assert not is_followup(text), text
    # a policy question after a course list is still a policy question
    for text in (
        "试用期最长多久",
        "工伤认定要多久",
        "年假有几天",
        "经济补偿怎么算",
        "怎么加入工会",
    ):
        assert not is_followup(text), text
    assert is_followup("讲些啥子内容") and is_followup("学费多少钱")
    assert points_back("我要报这个") and points_back("那个在哪里")
    assert not points_back("这个月的工资老板一直拖着不发，我想申请调解")


def course(**fields) -> Course:
    base = dict(
        code="XL02",
        name="专升本班",
        category="学历提升",
        description="先上免费辅导，考上后读业余专升本。个人每年交2000元，报名要有大专毕业证。",
        weekdays=["周日"],
        time_of_day="上午",
        time="09:00-12:00",
        venue="四楼电教室",
        fee=2000,
    )
    return Course(**(base | fields))


def test_requirements_are_the_clauses_that_state_them():
    assert requirements_text(course()) == "报名要有大专毕业证"
    electrician = course(description="理论加实操。要求年满18岁、初中以上文化。")
    assert requirements_text(electrician) == "要求年满18岁、初中以上文化"
    assert requirements_text(course(description="适合久坐的职工下班后练一练。")) == ""


def test_answer_says_what_was_asked_and_always_the_requirements():
    text = answer(course(), ["fee"], 12)
    assert "费用：2000元" in text and "报名要求：报名要有大专毕业证" in text
    assert "地点" not in text
    card = answer(course(), [], 12)  # nothing in particular: the whole card
    for part in ("介绍：", "时间：每周日 上午 09:00-12:00", "地点：四楼电教室", "剩余12个"):
        assert part in card
    # "插花班一期收好多人": the size of a class as well as the places left
    sized = answer(course(capacity=20), ["seats"], 3)
    assert "名额：每期20人，剩余3个" in sized
    assert "没有特别要求" in answer(course(description="轻松愉快。"), ["requirements"], None)


def test_search_words_drop_fillers_and_dialect():
    assert residual("嗯那个就是说有没有跳舞的课哦") == "跳舞"
    assert residual("有啥子课嘛") == ""
    assert residual("有没得学书法的") == "书法"


def test_typos_and_near_homophones_sound_alike():
    assert sounds("书发") == sounds("书法")
    assert sounds("乒乓求") == sounds("乒乓球")
    assert sounds("瑜珈") == sounds("瑜伽")
    assert sounds("牛奶") == sounds("流奶")  # n/l, as in Chongqing
    assert sounds("书法") != sounds("插花")


def test_a_fee_or_what_to_bring_is_answered_with_what_the_description_says():
    forklift = Course(
        name="叉车操作",
        category="技能培训",
        fee=300,
        description="叉车司机特种设备作业人员证培训，有教练带着上车练习。考证费600元，工会补贴一半，个人交300元。",
    )
    said = answer(forklift, ["fee"], 10)
    assert "费用：300元" in said and "工会补贴一半" in said and "上车练习" not in said
    assert "补贴" not in answer(forklift, ["requirements"], 10)
    table_tennis = Course(
        name="乒乓球", category="幸福学堂", fee=0, description="专业教练教发球，球拍可以借用。"
    )
    assert "球拍可以借用" in answer(table_tennis, ["requirements"], 10)
    assert answer(table_tennis, [], 10).count("球拍可以借用") == 1  # the card says it once


def test_a_question_about_what_the_description_speaks_of():
    from types import SimpleNamespace

    from bot.domain.course_questions import described

    bake = SimpleNamespace(
        name="中西式面点烘焙", description="学做馒头、包子和蛋糕，做好的可以带回家。"
    )
    choir = SimpleNamespace(name="合唱", description="准备参加明年五一职工文艺汇演。")
    assert described(bake, "做出来的包子能拿回去不")
    assert described(choir, "练了要去演出不")  # a worker's word for the description's
    # the course's own name, words every description has, or particles: no such question
    assert not described(bake, "面点烘焙在哪里")
    assert not described(bake, "可以报名不")
    assert not described(choir, "我唱歌跑调得行不")


def test_weekdays_in_a_row_read_as_a_span():
    from bot.domain.courses import _days_text

    assert _days_text(["周一", "周二", "周三", "周四", "周五"]) == "周一至周五"
    assert _days_text(["周一", "周三"]) == "周一、周三"
    assert _days_text(["周六", "周日"]) == "周六、周日"  # two days stay as they are


def test_the_free_ones_asked_as_a_condition_on_the_list():
    from bot.domain.course_questions import narrowing

    assert narrowing("免费的呢") == "免费"
    assert narrowing("那不要钱的有没得") == "免费"


def test_cheaper_ones_narrow_the_list():
    from bot.domain.course_questions import CHEAPER, narrowing

    assert narrowing("便宜点的呢") == CHEAPER
    assert narrowing("有没得便宜些的") == CHEAPER
    assert narrowing("还有没得更便宜的") == CHEAPER
    assert narrowing("咋个那么便宜哦") != CHEAPER  # whether more is paid besides


def test_a_job_wanted_is_no_job_held():
    from bot.domain.course_questions import about_me

    assert about_me("我在火锅店当钟点工", "钟点工")
    assert not about_me("想当保姆", "保姆")
    assert not about_me("厂头要裁人了 我想转行做家政", "家政")
    assert not about_me("想学个技术 或者做保洁也行", "保洁")
