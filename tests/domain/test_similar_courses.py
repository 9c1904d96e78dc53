"""Courses like the one in view: "那有没得差不多的" after 太极拳."""

from __future__ import annotations

from bot.domain.courses import asks_like_this, similar_courses
from bot.store.models import Course


def course(cid: int, name: str, category: str, *keywords: str) -> Course:
    return Course(id=cid, code=f"C{cid}", name=name, category=category, keywords=list(keywords))


TAIJI = course(1, "太极拳", "幸福学堂", "太极", "养生", "锻炼", "练身体")
BADUANJIN = course(2, "八段锦", "幸福学堂", "八段锦", "养生", "锻炼", "颈椎")
CALLIGRAPHY = course(3, "书法", "幸福学堂", "书法", "练字")
FORKLIFT = course(4, "叉车操作", "技能培训", "叉车", "考证", "拿证")
LIVE = course(5, "电商直播", "技能培训", "电商", "直播")
ELECTRICIAN = course(6, "低压电工证", "技能培训", "电工", "考证")
CAMP = course(7, "小苗成长营", "亲子活动", "孩子", "寒假")
ALL = [TAIJI, BADUANJIN, CALLIGRAPHY, FORKLIFT, LIVE, ELECTRICIAN, CAMP]


def test_the_words_that_ask_for_courses_like_this():
    for text in ["那有没得差不多的", "有没得类似的课", "还有没得像这种的", "跟它差不多的有没得"]:
        assert asks_like_this(text), text
    for text in ["还有没得别的", "差不多好多钱", "有没得免费的", ""]:
        assert not asks_like_this(text), text


def test_shared_particular_keywords_make_courses_alike():
    assert similar_courses(TAIJI, ALL) == [BADUANJIN]


def test_without_shared_keywords_the_same_kind_with_general_keywords_first():
    assert similar_courses(FORKLIFT, ALL) == [ELECTRICIAN, LIVE]


def test_a_course_alone_of_its_kind_has_none_alike():
    assert similar_courses(CAMP, ALL) == []


def test_a_certificate_course_by_its_keywords():
    from bot.domain.courses import gives_certificate

    assert gives_certificate(FORKLIFT) and gives_certificate(ELECTRICIAN)
    assert not gives_certificate(TAIJI) and not gives_certificate(LIVE)


def test_a_phone_as_a_contact_or_a_thing_names_no_course() -> None:
    from bot.domain.courses import residual

    assert "手机" not in residual("那报嘛 我叫龙德明 手机号15826473019")
    assert "手机" not in residual("老板说我上班耍手机")
    assert "手机" not in residual("可能是用我老婆手机报的")
    assert "手机拍视频" in residual("想学手机拍视频")
