"""Enrolling in a course: once the form is done, the place or the waiting list."""

from __future__ import annotations

import logging
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.orm import Session

from actions.buttons import button, buttons
from actions.course_context import FOCUS_SLOT, LIST_SLOT
from actions.course_list import enrol_button
from actions.enrolment_party import enrol_companions
from actions.enrolment_questions import contact_signs_up
from actions.enrolment_switch import cancel_replaced, name_before, replaced
from actions.identity import worker_from
from actions.message import opening_text
from actions.services import ServiceAction
from actions.validators import clean_name, clean_phone
from bot.domain.courses import closed_text, fee_text, period_text, when_text
from bot.domain.people import CONTACT_LABEL, enrolled_for, mask_phone
from bot.store import courses as repo
from bot.store.models import ENROLLED, Course, Enrolment

log = logging.getLogger(__name__)

NOT_ENROLLED_TEXT = "好的，这次没有为您报名。想看看别的课程，说“查课程”就行。"


class ActionEnrolCourse(ServiceAction, Action):
    """Writes the enrolment once the form has the course, name and phone."""

    def name(self) -> str:
        return "action_enrol_course"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        events: list[EventType] = [
            SlotSet("course_id", None),
            SlotSet("course_name", None),
            SlotSet("enrolment_confirm", None),
        ]
        if tracker.get_slot("enrolment_refused"):
            # the form ended on a requirement not met: the worker has been told why
            return [*events, SlotSet("enrolment_refused", None)]
        worker = worker_from(tracker)
        code = str(tracker.get_slot("course_id") or "")
        if tracker.get_slot("enrolment_confirm") is False:
            dispatcher.utter_message(text=NOT_ENROLLED_TEXT)
            return events
        with self.services.db.session() as s:
            course = repo.get_by_code(s, code) if code else None
            if course is None:
                dispatcher.utter_message(
                    text="还不知道您要报名哪门课程，请先看看有哪些课程：",
                    buttons=buttons(button("查课程", "course_search")),
                )
                return events
            # the course stays in view after this turn: "是在文化宫哪里上嘛" is about it
            in_view = [SlotSet(LIST_SLOT, [course.code]), SlotSet(FOCUS_SLOT, course.code)]
            # "帮我妈报个八段锦": she is enrolled, whatever place the worker holds
            other = enrolled_for(opening_text(tracker, "enrolment_form"))
            existing = (
                None if other else repo.find_active(s, course.id, worker.channel, worker.sender_id)
            )
            if existing is not None:
                self._already(dispatcher, s, course, existing)
                return events + in_view
            if not repo.is_running(course, self.services.today()):
                dispatcher.utter_message(text=closed_text(course))
                return events
            name = clean_name(tracker.get_slot("name"))
            phone = clean_phone(tracker.get_slot("phone"))
            if name is None or phone is None:
                # defensive: the form should have checked; never write half an enrolment
                dispatcher.utter_message(
                    text="报名信息不完整（需要姓名和手机号），这次没有报名成功，请再报名一次。",
                    buttons=buttons(enrol_button(course)),
                )
                events += [SlotSet(k, None) for k, v in (("name", name), ("phone", phone)) if not v]
                return events
            old = None if other else replaced(s, tracker, worker, course.code)
            result = _enrol(s, course, worker, name, phone, someone_else=bool(other))
            if result.already:
                self._already(dispatcher, s, course, result.enrolment)
            else:
                log.info("enrolment %s created in course %s", result.enrolment.id, course.code)
                text = self._done_text(course, result, name, phone)
                if old is not None:  # "改成合唱嘛": the one it replaces, cancelled now
                    text += "\n" + cancel_replaced(s, old, worker)
                    if name != name_before(tracker):  # "把他换成八段锦": the companion's
                        text = text.replace("您已报名", f"已为{name}报名", 1)
                if other and contact_signs_up(tracker):
                    # "给娃儿报一个 我叫周丽": the child is enrolled, the parent is the contact
                    text = text.replace("您已报名", f"已为{other}报名", 1)
                    text = text.replace(f"报名人：{name}", f"{CONTACT_LABEL}：{name}", 1)
                elif other:  # "帮我妈报个八段锦": she is enrolled, not the worker
                    # (a pronoun says nothing beside her name: "已为刘雨涵报名", not "为她刘雨涵")
                    who = "" if other in ("他", "她") else other
                    text = text.replace("您已报名", f"已为{who}{name}报名", 1)
                if not other:
                    # "报两个 我 蒋华 137… 同事 付小军 189…": the others enrolled too
                    together = enrol_companions(s, tracker, course, worker, phone, _enrol)
                    text += "".join("\n" + line for line in together)
                dispatcher.utter_message(text=text)
            events += in_view
            return events + self._next_course(dispatcher, tracker, course)
        return events

    def _next_course(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, course: Course
    ) -> list[EventType]:
        """ "我要报合唱和手机摄影 两个都要": after the first, the next one's summary to confirm,
        with the same name and phone."""
        wanted = tracker.get_slot("next_courses") or {}
        later = list(wanted.get("next") or []) if isinstance(wanted, dict) else []
        if not later or wanted.get("after") != course.name:
            return [SlotSet("next_courses", None)] if wanted else []
        following, rest = later[0], later[1:]
        dispatcher.utter_message(text=f"您一起要报的「{following}」接着报上：")
        return [
            SlotSet("next_courses", {"after": following, "next": rest} if rest else None),
            SlotSet("course_id", following),
            FollowupAction("enrolment_form"),
        ]

    def _done_text(self, course: Course, result: repo.EnrolResult, name: str, phone: str) -> str:
        who = f"报名人：{name}（{mask_phone(phone)}）"
        if result.enrolment.status == ENROLLED:
            period = period_text(course)
            return "\n".join(
                [
                    f"报名成功！您已报名「{course.name}」。",
                    f"时间：{when_text(course)}" + (f"（{period}）" if period else ""),
                    f"地点：{course.venue or '另行通知'}",
                    f"费用：{fee_text(course)}",
                    who,
                    "请按时参加。想查看或取消报名，说“我的报名”就行。",
                ]
            )
        return (
            f"「{course.name}」的名额已经报满了，已为您登记候补："
            f"您是第 {result.position} 位候补，有空位会通知您。\n{who}\n"
            "想查看或取消，说“我的报名”就行。"
        )

    def _already(
        self, dispatcher: CollectingDispatcher, s: Session, course: Course, e: Enrolment
    ) -> None:
        if e.status == ENROLLED:
            text = (
                f"您已经报名了「{course.name}」，不用重复报名。\n"
                f"时间：{when_text(course)}\n地点：{course.venue or '另行通知'}"
            )
        else:
            text = (
                f"您已经在「{course.name}」的候补名单里了，目前是第 "
                f"{repo.waitlist_position(s, e)} 位候补，有空位会通知您。"
            )
        dispatcher.utter_message(text=text)


def _enrol(
    s: Session, course: Course, worker: Any, name: str, phone: str, someone_else: bool
) -> repo.EnrolResult:
    """The enrolment written for the worker's conversation (theirs, or someone they enrol)."""
    return repo.enrol(
        s,
        course,
        channel=worker.channel,
        sender_id=worker.sender_id,
        name=name,
        phone=phone,
        conversation_id=worker.conversation_id,
        someone_else=someone_else,
    )
