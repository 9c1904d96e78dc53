"""Enrolling in a course: the enrolment form's checks, then the place or the waiting list."""

from __future__ import annotations

import logging
import re
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import FormValidationAction
from sqlalchemy.orm import Session

from actions.buttons import button, buttons
from actions.course_context import FOCUS_SLOT, LIST_SLOT, SHOWN_SLOT, course_in_view
from actions.course_filters import wanted_course
from actions.course_list import enrol_button
from actions.identity import worker_from
from actions.message import (
    asked_before,
    latest_entity,
    latest_intent,
    typed_text,
    understood_text,
)
from actions.person import PersonSlotsMixin, corrected
from actions.services import ServiceAction
from actions.side_questions import SideQuestionsMixin
from actions.validators import COMMON_SURNAMES, clean_name, clean_phone, looks_like_name
from bot.domain.course_questions import aspects, requirements_text
from bot.domain.course_requirements import meets, unmet
from bot.domain.courses import (
    closed_text,
    fee_text,
    next_term_text,
    period_text,
    resolve,
    when_text,
)
from bot.domain.people import mask_phone
from bot.store import courses as repo
from bot.store.models import ENROLLED, Course, Enrolment

log = logging.getLogger(__name__)

# a message with one of these intents is about something else, not the course to pick
NOT_A_COURSE = {
    "cancel", "human_handoff", "frustrated", "help", "greet", "goodbye", "thanks", "affirm",
    "deny", "out_of_scope", "my_enrolments", "cancel_enrolment", "mediation_request",
    "mediation_status", "policy_question", "course_search",
}  # fmt: skip


# "那我自己去学嘛", "那我来报": the same course, for the worker instead of the one refused
_FOR_MYSELF = re.compile(r"^(?:那|那么|那就)?\s*(?:我自己|我来|我去|换我|给我自己)")

# a side question read as policy this surely is about the law, not the course
SURE_POLICY = 0.5


def surely_policy(tracker: Tracker) -> bool:
    intent = (tracker.latest_message or {}).get("intent") or {}
    return (
        intent.get("name") == "policy_question" and (intent.get("confidence") or 0) >= SURE_POLICY
    )


# at most this many courses in view are offered as buttons at the course question
MAX_IN_VIEW = 5

NOT_ENROLLED_TEXT = "好的，这次没有为您报名。想看看别的课程，说“查课程”就行。"


def _short(text: str, limit: int = 20) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


class ValidateEnrolmentForm(
    ServiceAction, SideQuestionsMixin, PersonSlotsMixin, FormValidationAction
):
    """Turns "我想报书法" into a course code and checks the worker's name and phone."""

    def name(self) -> str:
        return "validate_enrolment_form"

    async def required_slots(
        self,
        domain_slots: list[str],
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: dict[str, Any],
    ) -> list[str]:
        """Already in this course: end the form at once (the enrol action says so)."""
        code = tracker.get_slot("course_id")
        if code and self._already_in(tracker, str(code)):
            return ["course_id"]
        return domain_slots

    def _already_in(self, tracker: Tracker, code: str) -> bool:
        worker = worker_from(tracker)
        with self.services.db.session() as s:
            course = repo.get_by_code(s, code)
            if course is None:
                return False
            return repo.find_active(s, course.id, worker.channel, worker.sender_id) is not None

    async def extract_course_id(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> dict[str, Any]:
        """A course named in words (the slot itself only maps button codes)."""
        if tracker.get_slot("course_id"):
            return {}
        if latest_intent(tracker) in NOT_A_COURSE:
            return {}
        in_view = course_in_view(tracker, understood_text(tracker))  # 报第二个 after a list
        if in_view:
            return {"course_id": in_view}
        named = wanted_course(tracker)
        if named:
            return {"course_id": named}
        text = understood_text(tracker)
        if not text:
            return {}
        if tracker.get_slot("requested_slot") == "course_id":
            refused = tracker.get_slot(FOCUS_SLOT)
            if refused and _FOR_MYSELF.search(text):  # after a requirement unmet
                return {"course_id": refused}
            given = self._details_not_course(text)
            if given:  # "刘小梅" before the course was chosen: kept, the course asked again
                return given
            return {"course_id": text}
        # the message that opened the form: take a course only if the words are unambiguous
        with self.services.db.session() as s:
            found = resolve(repo.all_courses(s), text)
            return {"course_id": found[0].code} if len(found) == 1 else {}

    def _details_not_course(self, text: str) -> dict[str, Any]:
        """A name or a phone number typed at the course question (no course is called
        that): the worker's details, given early."""
        with self.services.db.session() as s:
            if resolve(repo.all_courses(s), text):
                return {}
        phone = clean_phone(text)
        if phone:
            return {"phone": phone}
        name = looks_like_name(text)
        # a common surname first: "钢琴" is a course asked for, "杜春燕" a name
        return {"name": name} if name and name[0] in COMMON_SURNAMES else {}

    def validate_course_id(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict
    ) -> dict[str, Any]:
        """Only an open course can be enrolled in; otherwise show what can be."""
        today = self.services.today()
        with self.services.db.session() as s:
            found = resolve(repo.all_courses(s), str(value or ""))
            running = [c for c in found if repo.is_running(c, today)]
            available = repo.open_courses(s, today)
            if len(running) == 1:
                reason = unmet(running[0], typed_text(tracker))
                if reason is None:
                    return {"course_id": running[0].code}
                instead = self._requirement_unmet(
                    dispatcher, running[0], reason, available, tracker
                )
                # the form ends (said why); "那个学费好多" next is about the one suggested,
                # "那我自己去学嘛" about this course
                focus = instead[0] if len(instead) == 1 else running[0]
                return {
                    "course_id": None,
                    FOCUS_SLOT: focus.code,
                    "enrolment_refused": True,
                    "requested_slot": None,
                }
            if len(found) == 1:
                self._not_open(dispatcher, found[0], available)
            elif running:
                dispatcher.utter_message(
                    text="您想报名的是哪一门？请点一下：",
                    buttons=buttons(*(enrol_button(c) for c in running)),
                )
            else:
                self._unknown(dispatcher, str(value or ""), available)
        return {"course_id": None}

    def course_asked_about(self, tracker: Tracker, text: str) -> Course | None:
        """The course being enrolled in, when the side question asks about a course (or the
        course it names)."""
        code = tracker.get_slot("course_id")
        if not code or not aspects(text) or surely_policy(tracker):
            return None  # "试用期最长好久" asks about the law, not when the class meets
        if latest_entity(tracker, "course_name"):
            return super().course_asked_about(tracker, text)
        with self.services.db.session() as s:
            course = repo.get_by_code(s, str(code))
            if course is not None:
                s.expunge(course)
            return course

    def validate_enrolment_confirm(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict
    ) -> dict[str, Any]:
        """确认报名 or 不报了; a correction ("名字写错了…") is no answer: the summary again."""
        if corrected(tracker):
            return {"enrolment_confirm": None}
        return {"enrolment_confirm": value if isinstance(value, bool) else None}

    def _not_open(
        self, dispatcher: CollectingDispatcher, course: Course, available: list[Course]
    ) -> None:
        similar = [c for c in available if c.category == course.category][:3] or available[:3]
        if course.status != "open":
            text = f"「{course.name}」这一期已经停止报名，暂时报不了名。{next_term_text(course)}"
        else:
            text = f"「{course.name}」这一期已经结束，暂时报不了名。"
        if similar:
            text += "现在还可以报名这些课程："
        dispatcher.utter_message(text=text, buttons=buttons(*(enrol_button(c) for c in similar)))

    def _requirement_unmet(
        self,
        dispatcher: CollectingDispatcher,
        course: Course,
        reason: str,
        available: list[Course],
        tracker: Tracker,
    ) -> list[Course]:
        """The requirement the worker's own words show unmet, and what they can take instead."""
        told = typed_text(tracker)
        instead = [
            c
            for c in available
            if c.category == course.category and c.id != course.id and meets(c, told)
        ][:3]
        text = f"{reason}。"
        if instead:
            names = "、".join(f"「{c.name}」" for c in instead)
            text += f"可以先看看同类的{names}："
        dispatcher.utter_message(text=text, buttons=buttons(*(enrol_button(c) for c in instead)))
        return instead

    def _unknown(
        self, dispatcher: CollectingDispatcher, value: str, available: list[Course]
    ) -> None:
        shown = available[:4]
        text = f"没有找到“{_short(value)}”这门课程。"
        if shown:
            text += "您可以点下面的课程报名，或者点“查看全部课程”："
        items = [enrol_button(c) for c in shown] + [button("查看全部课程", "course_search")]
        dispatcher.utter_message(text=text, buttons=buttons(*items))


def enrolment_summary(course: Course, name: str | None, phone: str | None, left: int | None) -> str:
    """What the worker is about to sign up for: when, where, what it costs, who may come."""
    period = period_text(course)
    lines = [
        "请确认报名信息：",
        f"课程：{course.name}（{course.category}）",
        f"时间：{when_text(course)}" + (f"（{period}）" if period else ""),
        f"地点：{course.venue or '另行通知'}",
        f"费用：{fee_text(course)}",
    ]
    needs = requirements_text(course)
    if needs:
        lines.append(f"报名要求：{needs}。请确认您符合要求再报名。")
    if left is not None and left <= 0:
        lines.append("名额：已报满，确认后登记为候补，有空位会通知您。")
    # the whole number: the summary is where the worker checks it (the mediation summary shows
    # it whole too); later messages mask it
    lines.append(f"报名人：{name or ''}（{phone or ''}）")
    return "\n".join(lines)


class ActionAskCourseId(ServiceAction, Action):
    """Which course: with a few courses in view, one button each ("帮我报一个" after a list)."""

    def name(self) -> str:
        return "action_ask_course_id"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        codes = [str(c) for c in tracker.get_slot(LIST_SLOT) or []]
        shown = int(tracker.get_slot(SHOWN_SLOT) or len(codes))
        codes = codes[:shown][-MAX_IN_VIEW:]  # the page on the screen
        if len(codes) > 1:
            with self.services.db.session() as s:
                shown = [c for c in (repo.get_by_code(s, code) for code in codes) if c]
                items = [b for b in (enrol_button(c) for c in shown) if b]
            if items:
                dispatcher.utter_message(text="您想报名哪一门？请点一下：", buttons=buttons(*items))
                return []
        dispatcher.utter_message(response="utter_ask_course_id")
        return []


class ActionAskEnrolmentName(ServiceAction, Action):
    """The enrolment form's name question says which course it is for ("报名「书法」"), and
    after a side question picks up the thread."""

    def name(self) -> str:
        return "action_ask_enrolment_form_name"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        code = str(tracker.get_slot("course_id") or "")
        with self.services.db.session() as s:
            course = repo.get_by_code(s, code) if code else None
            title = f"「{course.name}」" if course is not None else ""
        lead = "我们接着报名" if asked_before(tracker, "enrolment_form") else "好的，报名"
        dispatcher.utter_message(
            text=f"{lead}{title}。请问您的姓名是？" if title else "请问您的姓名是？"
        )
        return []


class ActionAskEnrolmentPhone(ServiceAction, Action):
    """The phone question names the course when it is the form's first question (the name
    came with the request: "报个名 邓建平")."""

    def name(self) -> str:
        return "action_ask_enrolment_form_phone"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        question = "请留一个能联系到您的手机号码（11位）。"
        code = str(tracker.get_slot("course_id") or "")
        if asked_before(tracker, "enrolment_form") or not code:
            dispatcher.utter_message(text=question)
            return []
        with self.services.db.session() as s:
            course = repo.get_by_code(s, code)
            title = f"「{course.name}」" if course is not None else ""
        name = tracker.get_slot("name")
        lead = f"好的，报名{title}" + (f"，报名人{name}" if name else "") + "。" if title else ""
        dispatcher.utter_message(text=lead + question)
        return []


class ActionAskEnrolmentConfirm(ServiceAction, Action):
    """The form's last question: the summary with 确认报名 / 不报了."""

    def name(self) -> str:
        return "action_ask_enrolment_confirm"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        code = str(tracker.get_slot("course_id") or "")
        with self.services.db.session() as s:
            course = repo.get_by_code(s, code)
            if course is None:  # defensive: the form has a checked course by now
                return []
            text = enrolment_summary(
                course,
                tracker.get_slot("name"),
                tracker.get_slot("phone"),
                repo.seats_left(s, course),
            )
            yes = "符合，确认报名" if requirements_text(course) else "确认报名"
        dispatcher.utter_message(
            text=text, buttons=buttons(button(yes, "affirm"), button("不报了", "deny"))
        )
        return []


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
            existing = repo.find_active(s, course.id, worker.channel, worker.sender_id)
            if existing is not None:
                self._already(dispatcher, s, course, existing)
                return events
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
            result = repo.enrol(
                s,
                course,
                channel=worker.channel,
                sender_id=worker.sender_id,
                name=name,
                phone=phone,
                conversation_id=worker.conversation_id,
            )
            if result.already:
                self._already(dispatcher, s, course, result.enrolment)
            else:
                log.info("enrolment %s created in course %s", result.enrolment.id, course.code)
                dispatcher.utter_message(text=self._done_text(course, result, name, phone))
                # the course stays in view: "是在文化宫哪里上嘛" is about it
                events += [SlotSet(LIST_SLOT, [course.code]), SlotSet(FOCUS_SLOT, course.code)]
        return events

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
