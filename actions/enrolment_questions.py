"""The enrolment form's questions after the course: name, phone, and the summary to confirm."""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.buttons import button, buttons
from actions.course_context import FOCUS_SLOT, LIST_SLOT
from actions.enrolment_party import awaited_line, summary_lines
from actions.enrolment_switch import replaced, summary_line
from actions.identity import worker_from
from actions.message import (
    asked_before,
    form_texts,
    opening_text,
    previous_action,
    recent_user_texts,
    typed_text,
)
from actions.services import ServiceAction
from bot.domain.course_cards import asked_lines, part, requirements_text
from bot.domain.course_questions import aspects
from bot.domain.course_requirements import met_text
from bot.domain.courses import fee_text, period_text, when_text
from bot.domain.people import CONTACT_LABEL, enrolled_for, said_as_own
from bot.store import courses as repo
from bot.store.models import Course


def enrolment_summary(
    course: Course, name: str | None, phone: str | None, left: int | None, contact: bool = False
) -> str:
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
    # a worker who gave their own name for their child or parent signs up as the contact
    label = CONTACT_LABEL if contact else "报名人"
    lines.append(f"{label}：{name or ''}（{phone or ''}）")
    return "\n".join(lines)


# how many of the worker's latest messages may hold their own name ("我叫周丽")
RECENT_FOR_OWN_NAME = 8


def contact_signs_up(tracker: Tracker) -> bool:
    """Enrolling someone else, the worker gave their own name ("给娃儿报一个 我叫周丽"): the
    worker signs up as the contact of the one who comes (a child, a parent)."""
    if not enrolled_for(opening_text(tracker, "enrolment_form")):
        return False
    texts = [typed_text(tracker), *recent_user_texts(tracker, RECENT_FOR_OWN_NAME)]
    return said_as_own(texts, tracker.get_slot("name"))


def course_title(services: Any, tracker: Tracker) -> str:
    """「name」 of the course being enrolled in, for the questions; "" when none is chosen."""
    code = str(tracker.get_slot("course_id") or "")
    if not code:
        return ""
    with services.db.session() as s:
        course = repo.get_by_code(s, code)
        return f"「{course.name}」" if course is not None else ""


def _picked_at_course_question(tracker: Tracker) -> bool:
    """The course was asked for last turn, and this message chose it."""
    return previous_action(tracker) in ("action_ask_course_id", "action_search_courses")


class ActionAskEnrolmentName(ServiceAction, Action):
    """The enrolment form's name question says which course it is for ("报名「书法」"), and
    after a side question picks up the thread."""

    def name(self) -> str:
        return "action_ask_enrolment_form_name"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        title = course_title(self.services, tracker)
        again = asked_before(tracker, "enrolment_form")
        lead = "我们接着报名" if again else "好的，报名"
        # "帮我妈报个八段锦": the name asked is hers
        opening = opening_text(tracker, "enrolment_form")
        other = enrolled_for(opening)
        question = f"请问报名人（{other}）的姓名是？" if other else "请问您的姓名是？"
        found = None if again else self._found_for(tracker, opening)
        if found:
            # "我想给我娃儿报个班 他8岁": the one course that fits, said before its questions
            dispatcher.utter_message(text=f"{found}\n要报这个的话，{question}")
            return []
        asked = None if again else self._asked_with(tracker, opening)
        if again and asked is None and _picked_at_course_question(tracker):
            # "第一个要钱不" answering "您想报名哪一门？": that course, and its fee said
            asked = self._asked_with(tracker, typed_text(tracker))
        if not again and not asked:
            # "那我自己去学嘛 我43了 初中文化 可以不": the requirements told, and met
            asked = self._requirements_met(tracker, opening)
        if asked:
            # "想报那个八段锦 好久上课": the question answered first, then the name asked
            dispatcher.utter_message(text=f"{asked}\n{lead}{title}。{question}")
            return []
        dispatcher.utter_message(text=f"{lead}{title}。{question}" if title else question)
        return []

    def _asked_with(self, tracker: Tracker, opening: str) -> str | None:
        """What the request asked about the course besides enrolling (its time, place, fee),
        from the catalogue."""
        asked = [a for a in aspects(opening) if a in ("time", "venue", "fee")]
        code = str(tracker.get_slot("course_id") or "")
        if not asked or not code:
            return None
        with self.services.db.session() as s:
            course = repo.get_by_code(s, code)
            if course is None:
                return None
            said = [(a, part(course, a, None)) for a in asked]
            return "\n".join(f"{_LABELS[a]}：{text}" for a, text in said if text)

    def _found_for(self, tracker: Tracker, opening: str) -> str | None:
        """What the course is, when the opening message did not name it (found by its kind
        or the child's age)."""
        code = str(tracker.get_slot("course_id") or "")
        shown = [str(c) for c in tracker.get_slot(LIST_SLOT) or []]
        if not code or code == tracker.get_slot(FOCUS_SLOT) or code in shown:
            return None  # a course already in view ("好 那就刚才那个 帮我报上")
        with self.services.db.session() as s:
            course = repo.get_by_code(s, code)
            if course is None or course.name[:2] in opening:
                return None
            return (
                f"合适的课程是「{course.name}」（{course.category}）：{when_text(course)}，"
                f"{course.venue or '地点另行通知'}，{fee_text(course)}。"
            )

    def _requirements_met(self, tracker: Tracker, opening: str) -> str | None:
        code = str(tracker.get_slot("course_id") or "")
        if not code or enrolled_for(opening):
            return None
        with self.services.db.session() as s:
            course = repo.get_by_code(s, code)
            return met_text(course, opening) if course is not None else None


_LABELS = {"time": "上课时间", "venue": "上课地点", "fee": "费用"}
_WAITLIST_ASKED = re.compile(r"候补|排个?队|等位|排个号")


class ActionAskEnrolmentPhone(ServiceAction, Action):
    """The phone question names the course when it is the form's first question (the name
    came with the request: "报个名 邓建平")."""

    def name(self) -> str:
        return "action_ask_enrolment_form_phone"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        other = enrolled_for(opening_text(tracker, "enrolment_form"))
        whose = f"报名人（{other}）或您" if other else "您"
        question = f"请留一个能联系到{whose}的手机号码（11位）。"
        code = str(tracker.get_slot("course_id") or "")
        if asked_before(tracker, "enrolment_form") or not code:
            dispatcher.utter_message(text=question)
            return []
        title = course_title(self.services, tracker)
        name = tracker.get_slot("name")
        lead = f"好的，报名{title}" + (f"，报名人{name}" if name else "") + "。" if title else ""
        # "帮我报一个 杨建 要交钱不", "报嘛 我叫黄俊 等下 上课是星期几哦": what was asked
        # with the request, answered above the question
        with self.services.db.session() as s:
            course = repo.get_by_code(s, code)
            asked = aspects(opening_text(tracker, "enrolment_form"))
            said = asked_lines(course, asked, repo.seats_left(s, course)) if course else []
        dispatcher.utter_message(text="\n".join([*said, lead + question]))
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
            seats = repo.seats_left(s, course)
            text = enrolment_summary(
                course,
                tracker.get_slot("name"),
                tracker.get_slot("phone"),
                seats,
                contact=contact_signs_up(tracker),
            )
            if not asked_before(tracker, "enrolment_form"):
                # "发证不 要得的话我报 何雪梅 199…": what was asked with the request, answered
                # above the summary (the name and phone came with it: no other question)
                asked = aspects(opening_text(tracker, "enrolment_form"))
                said = asked_lines(course, asked, seats)
                text = "\n".join([*said, text]) if said else text
            if seats and any(map(_WAITLIST_ASKED.search, form_texts(tracker, "enrolment_form"))):
                # "那帮我排个候补嘛" while places are left: no waiting, said so
                text = (
                    f"「{course.name}」现在还有{seats}个名额，不用排候补，可以直接报名。\n" + text
                )
            old = replaced(s, tracker, worker_from(tracker), course.code)
            if old is not None:  # "改成合唱嘛": the enrolment this one replaces
                text += "\n" + summary_line(old)
            # "报两个 我 蒋华 137… 同事 付小军 189…": the others, enrolled on confirming
            together = summary_lines(s, tracker, course, tracker.get_slot("phone"))
            awaited = awaited_line(tracker)  # "帮我和我男朋友报 我叫孙悦 173…": his details
            if together or awaited:
                text += "".join(
                    "\n" + line for line in [*together, *([awaited] if awaited else [])]
                )
            wanted = tracker.get_slot("next_courses") or {}
            later = wanted.get("next") if isinstance(wanted, dict) else None
            if later and wanted.get("after") == course.name:
                # "我要报合唱和手机摄影 两个都要": the others come next, each confirmed
                text += "\n确认后接着用同样的信息报名" + "、".join(f"「{n}」" for n in later) + "。"
            yes = "符合，确认报名" if requirements_text(course) else "确认报名"
        dispatcher.utter_message(
            text=text, buttons=buttons(button(yes, "affirm"), button("不报了", "deny"))
        )
        return []
