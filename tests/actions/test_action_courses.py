"""Course search: filters from entities, keyword matching, the list format and its buttons."""

from __future__ import annotations

from actions.course_followups import ActionCourseFollowup
from actions.courses import SEARCH_SLOTS, ActionSearchCourses
from actions.services import Services
from bot.store import courses as repo
from tests.actions.action_support import (
    ent,
    make_tracker,
    payloads,
    run,
    slot_events,
    text_of,
)


def search(services: Services, text: str, **slots: str) -> tuple[str, list[str], dict]:
    """The search for `text`, whose entities fill `slots` (as the engine's mapping does)."""
    entities = [ent(name, value) for name, value in slots.items()]
    tracker = make_tracker(text, "course_search", entities=entities, slots=slots)
    messages, events = run(ActionSearchCourses(services), tracker)
    return text_of(messages), payloads(messages), slot_events(events)


def test_search_by_category_lists_only_that_category(services: Services) -> None:
    text, buttons, slots = search(services, "有什么技能培训", course_category="技能培训")
    for name in ("低压电工证", "叉车操作", "中式烹调师"):
        assert name in text
    assert "书法" not in text and "插花" not in text
    assert '/course_enroll{"course_id":"JN05"}' in buttons
    assert "· 300元" in text and "· 免费" in text
    assert {k: v for k, v in slots.items() if k in SEARCH_SLOTS} == {s: None for s in SEARCH_SLOTS}
    # the next search starts clean; the list shown is the context of follow-ups
    assert slots["course_list"] == ["JN01", "JN06", "JN05"] and slots["course_shown"] == 3


def test_weekend_means_saturday_or_sunday_and_skips_closed_and_finished(services: Services) -> None:
    text, buttons, _ = search(services, "周末有什么课", weekday="周末")
    assert "为您找到 5 门课程" in text
    for name in ("插花", "低压电工证", "叉车操作", "中式烹调师", "亲子绘本阅读"):
        assert name in text
    assert "书法" not in text  # Tuesday and Thursday evenings
    assert "太极拳" not in text  # closed
    assert "去年的大专班" not in text  # finished in June
    assert len(buttons) == 11  # 详情 and 报名 of each, then 订阅新课程通知
    assert buttons[-1] == '/subscribe{"topic":"courses"}'


def test_free_excludes_paid_courses(services: Services) -> None:
    text, _, _ = search(services, "有免费的技能培训吗", fee="免费", course_category="技能培训")
    assert "低压电工证" in text and "中式烹调师" in text
    assert "叉车操作" not in text


def test_keywords_in_the_message_find_the_course(services: Services) -> None:
    text, buttons, _ = search(services, "我想学做饭")
    assert "中式烹调师" in text
    # one course: its whole card, 报名 and a way back to the others
    assert "地点：" in text and "费用：" in text
    assert buttons == ['/course_enroll{"course_id":"JN06"}', "/course_search"]


def test_nothing_found_is_said_kindly_with_category_buttons(services: Services) -> None:
    text, buttons, _ = search(services, "有没有钢琴课")
    assert "暂时没有找到" in text and "钢琴" in text
    assert '/course_search{"course_category":"技能培训"}' in buttons
    assert '/course_search{"course_category":"亲子活动"}' in buttons
    assert not any(b.startswith("/course_enroll") for b in buttons)


def test_filters_that_match_nothing_are_named(services: Services) -> None:
    text, buttons, _ = search(
        services, "亲子活动有晚上的吗", course_category="亲子活动", time_of_day="晚上"
    )
    assert "没有找到晚上亲子活动的课程" in text
    assert buttons


def test_a_full_course_offers_the_waiting_list(services: Services) -> None:
    with services.db.session() as s:
        course = repo.get_by_code(s, "XF05")
        for i in range(2):
            repo.enrol(
                s, course, channel="wechat", sender_id=f"o-{i}", name="王芳", phone=f"1380000000{i}"
            )
    # a question about one course named in it is the follow-up's: it says how many seats
    tracker = make_tracker("插花课还能报吗", "course_search", entities=[ent("course_name", "插花")])
    _, events = run(ActionSearchCourses(services), tracker)
    assert [(e["event"], e.get("name")) for e in events] == [("followup", "action_course_followup")]
    messages, _ = run(ActionCourseFollowup(services), tracker)
    text = text_of(messages)
    assert "插花" in text and "已满，可报名候补" in text


def test_a_general_question_lists_the_soonest_courses(services: Services) -> None:
    text, buttons, _ = search(services, "你们有哪些课程")
    assert "找到 6 门课程，先列出最近开课的 5 门" in text and "说“还有吗”" in text
    assert len(buttons) == 12 and buttons[-2] == '/course_followup{"course_page":"next"}'
    assert buttons[-1] == '/subscribe{"topic":"courses"}'
    assert buttons[:2] == [
        '/course_followup{"course_id":"XF02"}',
        '/course_enroll{"course_id":"XF02"}',
    ]


def test_a_closed_course_asked_by_name_is_said_to_be_closed(services: Services) -> None:
    text, buttons, _ = search(services, "太极拳还有吗", course_name="太极拳")
    assert "「太极拳」这一期已经停止报名了" in text
    assert '/course_search{"course_category":"幸福学堂"}' in buttons


def test_a_condition_left_in_a_slot_by_an_earlier_message_is_not_a_filter(
    services: Services,
) -> None:
    # "周末加班给多少钱" left weekday=周末; "有没得学书法的" names no day
    messages, _ = run(
        ActionSearchCourses(services),
        make_tracker(
            "有没得学书法的",
            "course_search",
            entities=[ent("course_name", "书法")],
            slots={"weekday": "周末", "course_name": "书法"},
        ),
    )
    text = text_of(messages)
    assert "书法" in text and "停止报名" not in text and "没有找到" not in text
