"""Enrolment: the form's checks, enrolled / waitlisted / already, and the worker's own list."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select

from actions.enrolment import ActionEnrolCourse
from actions.enrolment_form import ValidateEnrolmentForm
from actions.my_enrolments import ActionCancelEnrolment, ActionMyEnrolments
from actions.services import Services
from bot.store.models import CANCELLED, ENROLLED, WAITLISTED, Enrolment
from tests.actions.action_support import make_tracker, payloads, run, slot_events, text_of

FORM = "enrolment_form"


def validate(services: Services, text: str, requested: str | None, **kw: Any):
    tracker = make_tracker(
        text,
        kw.pop("intent", "inform"),
        slots={"requested_slot": requested, **kw.pop("slots", {})},
        active_loop=FORM,
        **kw,
    )
    messages, events = run(ValidateEnrolmentForm(services), tracker)
    return messages, slot_events(events)


def enrol(services: Services, sender: str, name: str, phone: str, code: str = "XF05"):
    tracker = make_tracker(
        "/affirm", slots={"course_id": code, "name": name, "phone": phone}, sender=sender
    )
    messages, events = run(ActionEnrolCourse(services), tracker)
    return text_of(messages), slot_events(events)


def count(services: Services, **where: Any) -> int:
    with services.db.session() as s:
        stmt = select(func.count(Enrolment.id)).filter_by(**where)
        return s.scalar(stmt)


def test_a_button_code_is_accepted(services: Services) -> None:
    messages, slots = validate(
        services, '/course_enroll{"course_id":"XF05"}', None, candidates={"course_id": "XF05"}
    )
    assert slots["course_id"] == "XF05" and not messages


def test_a_course_named_in_words_is_resolved(services: Services) -> None:
    _, slots = validate(services, "我想报插花", "course_id")
    assert slots["course_id"] == "XF05"
    _, slots = validate(services, "报名", "course_id", entities=[], intent="course_enroll")
    assert slots.get("course_id") is None


def test_the_opening_message_can_already_name_the_course(services: Services) -> None:
    _, slots = validate(services, "我想报名学叉车", None, intent="course_enroll")
    assert slots["course_id"] == "JN05"


def test_a_closed_course_is_refused_with_alternatives(services: Services) -> None:
    messages, slots = validate(services, "太极拳", "course_id")
    assert slots["course_id"] is None
    assert "太极拳」这一期已经停止报名" in text_of(messages)
    assert '/course_enroll{"course_id":"XF02"}' in payloads(messages)  # same category, open


def test_an_unknown_course_is_refused_with_what_exists(services: Services) -> None:
    messages, slots = validate(services, "钢琴", "course_id")
    assert slots["course_id"] is None
    assert "没有找到“钢琴”这门课程" in text_of(messages)
    assert "/course_search" in payloads(messages)


def test_name_prefixes_are_stripped_and_nonsense_rejected(services: Services) -> None:
    _, slots = validate(services, "我叫王芳", "name", candidates={"name": "我叫王芳"})
    assert slots["name"] == "王芳"
    messages, slots = validate(services, "12345", "name", candidates={"name": "12345"})
    assert slots["name"] is None
    assert (
        messages == [{"response": "utter_invalid_name", **_empty()}]
        or messages[0]["response"] == "utter_invalid_name"
    )


def _empty() -> dict:
    return {}


def test_phone_accepts_spaces_and_full_width_digits(services: Services) -> None:
    for typed in ("138 0013 8000", "138-0013-8000", "１３８００１３８０００", "+86 13800138000"):
        _, slots = validate(services, typed, "phone", candidates={"phone": typed})
        assert slots["phone"] == "13800138000", typed


def test_a_bad_phone_is_asked_again(services: Services) -> None:
    messages, slots = validate(services, "1380013", "phone", candidates={"phone": "1380013"})
    assert slots["phone"] is None
    assert messages[0]["response"] == "utter_invalid_phone"


def test_capacity_then_waiting_list_with_position(services: Services) -> None:
    first, events = enrol(services, "o-wang", "王芳", "13800000001")
    assert "报名成功" in first and "区职工服务中心二楼活动室" in first and "每周六" in first
    assert "138****0001" in first
    # name and phone are kept for the next form
    assert events == {
        "course_id": None,
        "course_name": None,
        "enrolment_confirm": None,
        # the course stays in view for questions about it
        "course_list": ["XF05"],
        "course_focus": "XF05",
    }
    enrol(services, "o-li", "李强", "13800000002")
    third, _ = enrol(services, "o-zhao", "赵敏", "13800000003")
    assert "您是第 1 位候补，有空位会通知您" in third
    assert count(services, status=ENROLLED) == 2 and count(services, status=WAITLISTED) == 1


def test_enrolling_twice_does_not_duplicate(services: Services) -> None:
    enrol(services, "o-wang", "王芳", "13800000001")
    again, _ = enrol(services, "o-wang", "王芳", "13800000001")
    assert "已经报名了「插花」" in again
    assert count(services) == 1


def test_an_enrolled_worker_clicking_enrol_again_skips_the_questions(services: Services) -> None:
    enrol(services, "o-wang", "王芳", "13800000001")
    _, slots = validate(
        services,
        '/course_enroll{"course_id":"XF05"}',
        None,
        candidates={"course_id": "XF05"},
        sender="o-wang",
    )
    assert slots["requested_slot"] is None  # the form ends; action_enrol_course says so


def test_enrol_action_refuses_incomplete_details(services: Services) -> None:
    text, events = enrol(services, "o-wang", "王芳", "1380000")
    assert "没有报名成功" in text
    assert events["phone"] is None
    assert count(services) == 0


def test_my_enrolments_lists_status_and_cancel_buttons(services: Services) -> None:
    enrol(services, "o-a", "王芳", "13800000001")
    enrol(services, "o-b", "李强", "13800000002")
    enrol(services, "o-wang", "张伟", "13800000003")  # waitlisted first
    enrol(services, "o-wang", "张伟", "13800000003", code="XF02")
    messages, _ = run(
        ActionMyEnrolments(services), make_tracker("我报了哪些课", "my_enrolments", sender="o-wang")
    )
    text = text_of(messages)
    assert "插花（候补第1位）" in text and "书法（已报名）" in text
    buttons = payloads(messages)
    assert len(buttons) == 2 and all(
        b.startswith('/cancel_enrolment{"enrolment_id":"') for b in buttons
    )
    nothing, _ = run(
        ActionMyEnrolments(services), make_tracker("我的报名", "my_enrolments", sender="o-new")
    )
    assert "没有报名任何课程" in text_of(nothing) and payloads(nothing) == ["/course_search"]


def test_cancelling_frees_the_place_for_the_first_waitlisted(services: Services) -> None:
    enrol(services, "o-wang", "王芳", "13800000001")
    enrol(services, "o-li", "李强", "13800000002")
    enrol(services, "o-zhao", "赵敏", "13800000003")
    with services.db.session() as s:
        mine = s.scalars(select(Enrolment).filter_by(sender_id="o-wang")).one().id
        waiting = s.scalars(select(Enrolment).filter_by(sender_id="o-zhao")).one().id
    tracker = make_tracker(
        f'/cancel_enrolment{{"enrolment_id":"{mine}"}}',
        sender="o-wang",
        slots={"enrolment_id": str(mine)},
    )
    messages, events = run(ActionCancelEnrolment(services), tracker)
    assert "已为您取消「插花」的报名" in text_of(messages)
    assert "赵敏" not in text_of(messages)  # the promotion is not this worker's business
    assert slot_events(events)["enrolment_id"] is None
    with services.db.session() as s:
        assert s.get(Enrolment, mine).status == CANCELLED
        assert s.get(Enrolment, waiting).status == ENROLLED


def test_a_worker_cannot_cancel_another_workers_enrolment(services: Services) -> None:
    enrol(services, "o-wang", "王芳", "13800000001")
    with services.db.session() as s:
        theirs = s.scalars(select(Enrolment)).one().id
    tracker = make_tracker(
        "/cancel_enrolment", sender="o-intruder", slots={"enrolment_id": str(theirs)}
    )
    messages, _ = run(ActionCancelEnrolment(services), tracker)
    assert "没有找到这条报名" in text_of(messages)
    with services.db.session() as s:
        assert s.get(Enrolment, theirs).status == ENROLLED


def test_cancel_without_a_choice_lists_the_enrolments(services: Services) -> None:
    enrol(services, "o-wang", "王芳", "13800000001")
    enrol(services, "o-wang", "王芳", "13800000001", code="XF02")
    messages, _ = run(
        ActionCancelEnrolment(services),
        make_tracker("我想取消报名", "cancel_enrolment", sender="o-wang"),
    )
    assert "请选择要取消的报名" in text_of(messages)
    assert len(payloads(messages)) == 2
    assert count(services, status=ENROLLED) == 2


def test_cancel_by_course_name_in_words(services: Services) -> None:
    enrol(services, "o-wang", "王芳", "13800000001")
    enrol(services, "o-wang", "王芳", "13800000001", code="XF02")
    tracker = make_tracker("书法不想上了，取消吧", "cancel_enrolment", sender="o-wang")
    messages, _ = run(ActionCancelEnrolment(services), tracker)
    assert "已为您取消「书法」的报名" in text_of(messages)
    assert count(services, status=ENROLLED) == 1


def test_a_requirement_unmet_with_nothing_of_its_kind_left_is_no_dead_end():
    from rasa_sdk.executor import CollectingDispatcher

    from actions.enrolment_refusals import OTHER_KINDS_TEXT, requirement_unmet
    from bot.store.models import Course
    from tests.actions.action_support import make_tracker

    upgrade = Course(
        id=1, code="XL02", name="专升本班", category="学历提升",
        description="报名要有大专毕业证。",
    )  # fmt: skip
    hobby = Course(id=2, code="XF02", name="书法", category="幸福学堂", description="练字。")
    dispatcher = CollectingDispatcher()
    tracker = make_tracker("报名", history=[])
    instead = requirement_unmet(
        dispatcher, upgrade, "「专升本班」报名要求大专及以上学历", [upgrade, hobby], tracker
    )
    assert instead == []
    [message] = dispatcher.messages
    assert OTHER_KINDS_TEXT in message["text"]
    titles = [b["title"] for b in message["buttons"]]
    assert titles == ["幸福学堂", "转人工"]
