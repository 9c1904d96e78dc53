"""The enrolment form's validation: which course, then the worker's name, phone and yes."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import FormValidationAction

from actions.buttons import buttons
from actions.corrections import corrected
from actions.course_context import (
    FOCUS_SLOT,
    LIST_SLOT,
    enrolling_course_reply,
    in_course_context,
)
from actions.course_enrol_instead import course_in_view
from actions.course_filters import wanted_course
from actions.course_list import enrol_button
from actions.course_pairs import last_two_focused
from actions.enrolment_child import for_the_child
from actions.enrolment_cues import (
    ALL_IN_VIEW,
    ASKED_AFTER,
    ASKS_WHETHER,
    CHANGE_COURSE,
    FOR_MYSELF,
    PEOPLE_BOTH,
    SET_ASIDE_IN_VIEW,
    named_then_wanted,
)
from actions.enrolment_details import given_before
from actions.enrolment_party import (
    companions_told,
    own_wish_in_view,
    own_words,
    party_course,
)
from actions.enrolment_pending import NEXT_SLOT, also_wanted, at_the_summary
from actions.enrolment_refusals import not_open, requirement_unmet, unknown_course
from actions.enrolment_switch import (
    course_at_the_days,
    name_before,
    replaced,
    switched_to_in_view,
)
from actions.enrolment_unmet import refused_midway
from actions.identity import worker_from
from actions.message import (
    TOLD_BEFORE,
    latest_confidence,
    latest_entity,
    latest_intent,
    opening_text,
    recent_user_texts,
    typed_text,
    understood_text,
)
from actions.opening import is_opening
from actions.person import PersonSlotsMixin
from actions.services import ServiceAction
from actions.side_questions import SideQuestionsMixin
from actions.validators import COMMON_SURNAMES, clean_phone, looks_like_name
from bot.domain.course_ages import for_children
from bot.domain.course_cards import answer as course_answer
from bot.domain.course_questions import aspects
from bot.domain.course_requirements import unmet
from bot.domain.courses import resolve
from bot.domain.people import enrolled_for
from bot.store import courses as repo
from bot.store.models import Course
from intents.course_rules import switched_to_the_one_in_view

# a message with one of these intents is about something else, not the course to pick
NOT_A_COURSE = {
    "cancel", "human_handoff", "frustrated", "help", "greet", "goodbye", "thanks", "affirm",
    "deny", "out_of_scope", "my_enrolments", "cancel_enrolment", "mediation_request",
    "mediation_status", "policy_question", "course_search",
}  # fmt: skip


# a side question read as policy this surely is about the law, not the course
SURE_POLICY = 0.5


def surely_policy(tracker: Tracker) -> bool:
    return latest_intent(tracker) == "policy_question" and latest_confidence(tracker) >= SURE_POLICY


MAX_IN_VIEW = 3


class ValidateEnrolmentForm(
    ServiceAction, SideQuestionsMixin, PersonSlotsMixin, FormValidationAction
):
    """Turns "我想报书法" into a course code and checks the worker's name and phone."""

    def name(self) -> str:
        return "validate_enrolment_form"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        """ "帮我妈也报个八段锦" after enrolling oneself: the name and phone kept from the worker's
        own enrolment are not hers; only what this message says of her is kept. (A child's
        course keeps the parent's phone: "给她也报一个 她叫刘雨涵" after the winter camp for her
        is reached through the parent, who sees it in the summary and may change it.)"""
        refused = refused_midway(self.services, dispatcher, tracker)
        if refused is not None:  # "我只有高中毕业证 能读不嘛" at 专升本's name question
            return refused
        if tracker.get_slot("requested_slot") == "enrolment_confirm":
            at_summary = at_the_summary(self, dispatcher, tracker, domain)
            if at_summary is not None:
                return at_summary
        events = await super().run(dispatcher, tracker, domain)
        self._asked_with_details(dispatcher, tracker, events)
        if is_opening(tracker) and enrolled_for(typed_text(tracker)):
            set_now = {e.get("name") for e in events if e.get("event") == "slot"}
            kept = {"phone"} if self._for_a_child(tracker, events) else set()
            events += [
                SlotSet(slot, None)
                for slot in ("name", "phone")
                if slot not in set_now | kept and tracker.get_slot(slot) is not None
            ]
        return events

    def _for_a_child(self, tracker: Tracker, events: list[EventType]) -> bool:
        """The course being enrolled in is one for children (it states their ages)."""
        chosen = [e.get("value") for e in events if e.get("name") == "course_id"]
        code = str((chosen[-1] if chosen else None) or tracker.get_slot("course_id") or "")
        with self.services.db.session() as s:
            course = repo.get_by_code(s, code) if code else None
            return course is not None and bool(for_children([course]))

    def _asked_with_details(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, events: list[EventType]
    ) -> None:
        """ "我叫杨小红 对了 这个学完发证书不": the details kept and the question about the
        course after them answered."""
        given = {e.get("name") for e in events if e.get("event") == "slot" and e.get("value")}
        tail = ASKED_AFTER.search(typed_text(tracker))
        code = tracker.get_slot("course_id")
        if not (given & {"name", "phone"}) or tail is None or not code:
            return
        asked = aspects(tail.group("q"))
        if not asked:
            return
        with self.services.db.session() as s:
            course = repo.get_by_code(s, str(code))
            if course is not None:
                dispatcher.utter_message(text=course_answer(course, asked, None))

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
            if enrolled_for(opening_text(tracker, "enrolment_form")):
                return False  # a relative: known only once the name and phone are given
            return repo.find_active(s, course.id, worker.channel, worker.sender_id) is not None

    async def extract_name(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> dict[str, Any]:
        found = await super().extract_name(dispatcher, tracker, domain)
        return found or given_before(tracker, "name") or self._switched(tracker, "name")

    async def extract_phone(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> dict[str, Any]:
        found = await super().extract_phone(dispatcher, tracker, domain)
        return found or given_before(tracker, "phone") or self._switched(tracker, "phone")

    def _switched(self, tracker: Tracker, slot: str) -> dict[str, Any]:
        """ "改成合唱嘛" after enrolling in 书法: the name and phone of the enrolment it
        replaces, not asked again."""
        if not is_opening(tracker):
            return {}
        with self.services.db.session() as s:
            old = replaced(
                s, tracker, worker_from(tracker), str(tracker.get_slot("course_id") or "")
            )
        held = tracker.get_slot(slot)
        # (the slots hold the worker's own; "把他换成八段锦" changes the companion's place)
        if old is None or (held is not None and old.name == name_before(tracker)):
            return {}
        return {slot: old.name if slot == "name" else old.phone}

    async def extract_course_id(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> dict[str, Any]:
        """A course named in words (the slot itself only maps button codes); another course
        named as a change ("报错了 改成报面点烘焙那个") while the form runs."""
        if tracker.get_slot("course_id"):
            named = wanted_course(tracker)
            if named and CHANGE_COURSE.search(typed_text(tracker)):
                with self.services.db.session() as s:
                    current = repo.get_by_code(s, str(tracker.get_slot("course_id")))
                    if current is None or current.name != named:
                        return {"course_id": named}
            return {}
        if latest_intent(tracker) in NOT_A_COURSE and not (
            # "瑜伽" answering "请问您想报名哪门课程": a course named alone (read as a search)
            tracker.get_slot("requested_slot") == "course_id"
            and latest_intent(tracker) == "course_search"
            and wanted_course(tracker)
        ):
            return {}
        # "我报烹调师 他报面点 我叫… 他叫…", "两个都报嘛" after "我想考叉车证 她想学带娃儿
        # 那种": the worker's own course (the other's follows them)
        own_course = party_course(tracker) or own_wish_in_view(self.services, tracker)
        if own_course:
            return {"course_id": own_course}
        if switched_to_the_one_in_view(understood_text(tracker)):
            # "那把瑜伽换成这个": the course in view, not the one left (named before 换成)
            return switched_to_in_view(self.services, tracker)
        named = wanted_course(tracker)
        in_view = course_in_view(tracker, understood_text(tracker))  # 报第二个 after a list
        if named and in_view and SET_ASIDE_IN_VIEW.search(understood_text(tracker)):
            # "那绘本的先不管 我先报手机拍视频那个": the course named, not the one in view
            return {"course_id": named}
        if named and in_view and named_then_wanted(tracker, named):
            # "太极拳我喜欢 就报那个嘛": the course named is "那个", not the one in view
            return {"course_id": named}
        if in_view:
            return {"course_id": in_view}
        if named:
            return {"course_id": named}
        with self.services.db.session() as s:
            by_days = course_at_the_days(s, tracker, worker_from(tracker), self.services.today())
        if by_days:  # "换成周一周三晚上那个嘛" after an enrolment
            return {"course_id": by_days}
        if ALL_IN_VIEW.search(typed_text(tracker)) and in_course_context(tracker):
            # "两个都给我报了 魏丽 136…" after two courses: the first of them, the others next
            codes = [str(c) for c in tracker.get_slot(LIST_SLOT) or []]
            if 2 <= len(codes) <= MAX_IN_VIEW:
                return {"course_id": codes[0]}
        text = understood_text(tracker)
        if not text:
            return {}
        if tracker.get_slot("requested_slot") == "course_id":
            refused = tracker.get_slot(FOCUS_SLOT)
            if refused and FOR_MYSELF.search(text):  # after a requirement unmet
                return {"course_id": refused}
            given = self._details_not_course(text)
            if given:  # "刘小梅" before the course was chosen: kept, the course asked again
                return given
            return {"course_id": text}
        # the message that opened the form: take a course only if the words are unambiguous
        with self.services.db.session() as s:
            found = resolve(repo.all_courses(s), text)
            if len(found) == 1:
                return {"course_id": found[0].code}
            # "想给我女儿报个班 她9岁": no one course named, a child's: the one that fits, or
            # the ones that do to choose from
            fitting = for_the_child(s, text, tracker, self.services.today())
            if found and fitting:
                fitting = [c for c in fitting if c in found] or fitting
            if len(fitting) == 1:
                return {"course_id": fitting[0].code}
            if fitting:
                dispatcher.utter_message(
                    text="适合孩子的课程有这些，请点一下要报的：",
                    buttons=buttons(*(enrol_button(c) for c in fitting)),
                )
            return {}

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

    def _rest_in_view(self, s: Any, tracker: Tracker, first: str) -> list[str]:
        """ "两个都给我报了" with two or three courses in view: the others, after `first`."""
        text = typed_text(tracker)
        if not ALL_IN_VIEW.search(text) or not in_course_context(tracker):
            return []
        if companions_told(text) or PEOPLE_BOTH.search(text):
            return []  # "我跟我婆娘两个都报 … 她叫…": both people, one course
        codes = [str(c) for c in tracker.get_slot(LIST_SLOT) or []]
        if own_wish_in_view(self.services, tracker):
            return []  # "两个都报嘛" after "我想考叉车证 她想学带娃儿那种": each their own
        if len(codes) < 2:
            # "那两个都帮我报了嘛" after one course for each child, talked about in turn
            codes = last_two_focused(tracker)
        if not 2 <= len(codes) <= MAX_IN_VIEW or first not in codes:
            return []
        found = [repo.get_by_code(s, c) for c in codes if c != first]
        return [c.name for c in found if c is not None]

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
                told = recent_user_texts(tracker, TOLD_BEFORE)
                said = typed_text(tracker)
                if companions_told(said):
                    # "报嘛 我黄俊 139… 报专升本 她王小琴 …" after "我老婆只有高中": what is
                    # said of the others is not the worker's
                    said, told = own_words(said), [own_words(t) for t in told]
                reason = unmet(running[0], said, told)
                if reason is None:
                    others = also_wanted(tracker, running[0].name) or self._rest_in_view(
                        s, tracker, running[0].code
                    )
                    if others:  # "我要报合唱和手机摄影 两个都要": this one first, then the others
                        later = {"after": running[0].name, "next": others}
                        return {"course_id": running[0].code, NEXT_SLOT: later}
                    return {"course_id": running[0].code}
                instead = requirement_unmet(dispatcher, running[0], reason, available, tracker)
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
                not_open(dispatcher, found[0], available)
                # the form ends (said why and what is open); "那下一期啥时候开" next is
                # about this course, not an answer to "which course"
                return {
                    "course_id": None,
                    FOCUS_SLOT: found[0].code,
                    "enrolment_refused": True,
                    "requested_slot": None,
                }
            if running:
                dispatcher.utter_message(
                    text="您想报名的是哪一门？请点一下：",
                    buttons=buttons(*(enrol_button(c) for c in running)),
                )
            else:
                unknown_course(dispatcher, str(value or ""), available)
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
        if value is False and ASKS_WHETHER.search(typed_text(tracker)):
            # "要不要带垫子" read as a no: a question about the course, answered, no cancel
            reply = enrolling_course_reply(self.services, tracker, typed_text(tracker))
            if reply:
                dispatcher.utter_message(text=reply)
            return {"enrolment_confirm": None}
        return {"enrolment_confirm": value if isinstance(value, bool) else None}
