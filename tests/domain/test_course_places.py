"""Where a course is held, as workers name it: 城南那边, 文化宫."""

from __future__ import annotations

from bot.domain.course_places import place_in, places
from bot.domain.courses import residual
from bot.store.models import Course


def at(venue: str) -> Course:
    return Course(code=venue[:4], name="课", category="幸福学堂", venue=venue)


def test_the_names_of_a_venue_s_place():
    assert places("城南街道工会服务站职工书屋") == ["城南"]
    assert places("区工人文化宫二楼书画室") == ["文化宫"]
    assert places("区职工服务中心四楼电教室") == ["服务中心"]
    assert places("") == [] and places(None) == []


def test_a_message_names_one_of_the_venues_places():
    courses = [at("城南街道工会服务站"), at("滨江街道工会服务站"), at("区工人文化宫排练厅")]
    assert place_in("有没得在城南那边的", courses) == "城南"
    assert place_in("滨江街道那边有啥子课", courses) == "滨江"
    assert place_in("文化宫有什么免费的课", courses) == "文化宫"
    assert place_in("有什么免费的课", courses) is None
    assert place_in("江北那边有课没", courses) is None  # not a place of any course


def test_words_about_where_are_not_what_course():
    assert residual("城南那边有啥子课").replace("城南", "").strip() == ""
    assert residual("附近有没得课") == ""


def test_the_same_place_as_the_course_in_view_asked():
    from bot.domain.course_places import asks_same_place

    assert asks_same_place("同一个地方还有啥子课没得")
    assert asks_same_place("那里还有别的课不")
    assert not asks_same_place("书法课在哪里上")
    assert not asks_same_place("还有没得别的课")


def test_courses_on_the_same_day_asked():
    from bot.domain.course_places import asks_same_day

    assert asks_same_day("那我自己呢 同一天有没得我能上的")
    assert asks_same_day("那天还有啥子课")
    assert asks_same_day("同一个时间还有别的没")
    assert not asks_same_day("那天我要上班")  # a day told, no courses asked
    assert not asks_same_day("还有啥子课")  # no day pointed at
