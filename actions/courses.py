"""Finding courses: filters from the worker's words, a short list, 详情 and 报名 per course."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.buttons import button, buttons
from actions.message import (
    latest_entity,
    previous_actions,
    ran_this_turn,
    typed_text,
    understood_text,
)
from actions.services import ServiceAction
from bot.domain.course_ages import ages_text, child_age, for_children, suits, without_age
from bot.domain.course_questions import (
    about_me,
    answer,
    aspects,
    is_followup,
    ordinal,
    points_back,
)
from bot.domain.courses import (
    COURSE_CATEGORIES,
    closed_text,
    course_line,
    is_specific,
    place_in,
    rank_by_text,
    residual,
)
from bot.store import courses as repo
from bot.store.models import Course

MAX_LISTED = 5
SEARCH_SLOTS = ("course_name", "course_category", "time_of_day", "weekday", "fee")
# the course list on the worker's screen: every course found (codes, in the order shown), how
# many have been shown, and the one course last talked about (docs/architecture.md, Context)
LIST_SLOT, SHOWN_SLOT, FOCUS_SLOT = "course_list", "course_shown", "course_focus"
# the bot's actions after which a course is in view ("是在文化宫哪里上嘛" after enrolling)
COURSE_ACTIONS = ("action_search_courses", "action_course_followup", "action_enrol_course")
MORE_BUTTON = button("还有吗", "course_followup", course_page="next")


# replies that say the bot did not understand: they do not change the subject
MISSES = ("action_out_of_scope", "action_fallback", "utter_default", "action_affirm")


def in_course_context(tracker: Tracker) -> bool:
    """The bot's last turn was about courses (or the one before, with only a misunderstood
    message between) and a list or a course is still in view."""
    last = previous_actions(tracker, 2)
    about_courses = bool(last) and (
        last[0] in COURSE_ACTIONS
        or (len(last) > 1 and last[0] in MISSES and last[1] in COURSE_ACTIONS)
    )
    return about_courses and bool(tracker.get_slot(LIST_SLOT) or tracker.get_slot(FOCUS_SLOT))


# a short message about the courses on the screen may still be about work ("那加班费呢")
_ABOUT_WORK = re.compile(
    r"工资|加班|合同|工伤|社保|保险|试用期|年假|休假|产假|辞退|开除|补偿|赔偿|仲裁|调解|老板|单位|公司"
    r"|劳动|退休|法律|法规"
)
# the entities that narrow a course list ("星期天下午的呢", "只有晚上才有空")
FILTER_ENTITIES = ("weekday", "time_of_day", "fee", "course_category")
IN_VIEW_SHORT = 16


def narrows(tracker: Tracker) -> bool:
    """The message names a condition on courses (a day, a time of day, free, a category)."""
    return any(latest_entity(tracker, e) for e in FILTER_ENTITIES)


def about_courses_in_view(tracker: Tracker, text: str) -> bool:
    """Right after courses were shown, a short message that asks about a part of a course
    ("每天几点到几点", "好多岁的娃儿可以去"), names a course ("书法呢") or a condition
    ("星期天下午的呢") and nothing about work is about those courses."""
    value = text.strip()
    if not value or len(value) > IN_VIEW_SHORT or value.startswith("/"):
        return False
    if _ABOUT_WORK.search(value):
        return False
    return bool(aspects(value) or latest_entity(tracker, "course_name") or narrows(tracker))


def enrolling_course_reply(services: Any, tracker: Tracker, text: str) -> str | None:
    """While enrolling, a question about a part of the course ("要不要自己带垫子", read as a
    policy question): answered from the course's catalogue entry."""
    code = tracker.get_slot("course_id")
    if tracker.active_loop_name != "enrolment_form" or not code:
        return None
    if not aspects(text) or _ABOUT_WORK.search(text):
        return None
    with services.db.session() as s:
        course = repo.get_by_code(s, str(code))
        return answer(course, aspects(text), repo.seats_left(s, course)) if course else None


_COURSE_WORD = re.compile(r"课|培训")


def followup_instead(tracker: Tracker, searching: bool = False) -> list[EventType] | None:
    """For any action: a short question about the courses just shown is the follow-up
    action's ("第二个在哪里上课" classified as a search, a policy question or a miss), and so
    is a question about a course named in it ("小苗成长营上课要带啥子")."""
    if ran_this_turn(tracker, "action_course_followup"):
        return None  # it handed this message over: never back and forth
    text = understood_text(tracker)
    if in_course_context(tracker) and (
        is_followup(text) or (not searching and about_courses_in_view(tracker, text))
    ):
        return [FollowupAction("action_course_followup")]
    if latest_entity(tracker, "course_name") and aspects(text):
        return [FollowupAction("action_course_followup")]
    if not searching and _COURSE_WORD.search(text) and is_followup(text):
        # 在哪里上课, 你们的培训收费不: no list in view
        return [FollowupAction("action_course_followup")]
    return None


# "报", "我要报名", "就报这个嘛": enrolling, with the course on the screen
_JUST_ENROL = re.compile(
    r"^(?:那|好|行|要得|可以)?[，,\s]*(?:我|就|那就)?(?:要|想)?报(?:名|一个|这个|个|上)?[吧嘛啊哈呀噻]?$"
)


def just_enrolled(tracker: Tracker) -> bool:
    """The bot's last turn enrolled the worker: the course stays in view for questions about
    it ("在哪个楼"), but "我要报名" now means another course. (A form that ended on a
    requirement not met runs the same action, and enrolled nobody.)"""
    return previous_actions(tracker, 1) == ["action_enrol_course"] and not _refused_last_turn(
        tracker
    )


def _refused_last_turn(tracker: Tracker) -> bool:
    """The bot's last turn ended the enrolment form on a requirement not met."""
    users = 0
    for e in reversed(tracker.events):
        if e.get("event") == "user":
            users += 1
            if users == 2:
                return False
        elif users == 1 and e.get("event") == "slot" and e.get("name") == "enrolment_refused":
            if e.get("value") is True:
                return True
    return False


# "那我自己去学嘛", "那我来报": the course in view, for the worker instead of the one refused
_FOR_MYSELF = re.compile(
    r"^(?:那|那么|那就)?\s*(?:我自己|我来|换我|给我自己)\S{0,3}?(?:学|报|读|上)"
)


def enrol_instead(tracker: Tracker) -> list[EventType] | None:
    """Right after one course was shown, "报" (read as nothing in particular) or a name and a
    phone number (read as a form's answer with no form open) enrols in that course."""
    if not in_course_context(tracker) or just_enrolled(tracker):
        return None
    focus = tracker.get_slot(FOCUS_SLOT)
    codes = tracker.get_slot(LIST_SLOT) or []
    course = focus or (codes[0] if len(codes) == 1 else None)
    text = typed_text(tracker).strip()
    if course and (
        _JUST_ENROL.match(text) or _FOR_MYSELF.match(text) or latest_entity(tracker, "phone")
    ):
        return [SlotSet("course_id", str(course)), FollowupAction("enrolment_form")]
    return None


def course_in_view(tracker: Tracker, text: str) -> str | None:
    """The code of the course "报第二个" or "就报这个" means, from the list in view."""
    # "您想报名哪一门？" with the page's buttons: "第一个" is the first of that page too
    asked_which = previous_actions(tracker, 1) == ["action_ask_course_id"]
    in_context = in_course_context(tracker) and not just_enrolled(tracker)
    if not (in_context or asked_which):
        return None
    codes = [str(c) for c in tracker.get_slot(LIST_SLOT) or []]
    position = ordinal(text)
    if position is not None:
        return (
            codes[-1]
            if position == -1 and codes
            else (codes[position - 1] if 1 <= position <= len(codes) else None)
        )
    focus = tracker.get_slot(FOCUS_SLOT)
    just_asked = previous_actions(tracker, 1) == ["action_course_followup"]
    if not in_context or (latest_entity(tracker, "course_name") and not points_back(text)):
        return None  # "叉车" names its own course, whatever was in view
    if focus and (points_back(text) or len(codes) <= 1 or just_asked):
        # "我要报名" right after a question about one course: that course
        return str(focus)
    return None


def listed(found: list[Course], shown: int) -> list[EventType]:
    """The context slots after showing `shown` of `found`."""
    focus = found[0].code if len(found) == 1 else None
    return [
        SlotSet(LIST_SLOT, [c.code for c in found]),
        SlotSet(SHOWN_SLOT, shown),
        SlotSet(FOCUS_SLOT, focus),
    ]


def show_page(
    dispatcher: CollectingDispatcher, s: Any, found: list[Course], start: int = 0
) -> list[EventType]:
    """Courses start+1 … start+5 of `found`, numbered as in the whole list."""
    shown = found[start : start + MAX_LISTED]
    seats = repo.seats_left_many(s, shown)
    end = start + len(shown)
    more = end < len(found)
    if len(found) == 1:  # one course: its whole card at once
        (course,) = shown
        dispatcher.utter_message(
            text="为您找到 1 门课程：\n"
            + answer(course, [], seats[course.id])
            + "\n点下面的按钮就可以报名；想了解更多，可以问“有啥要求”“讲些什么”。",
            buttons=buttons(enrol_button(course), button("看看其他课程", "course_search")),
        )
        return listed(found, end)
    lines = [course_line(start + i, c, seats[c.id]) for i, c in enumerate(shown, 1)]
    if start:
        head = f"第 {start + 1}-{end} 门（共 {len(found)} 门）："
    elif more:
        head = (
            f"找到 {len(found)} 门课程，先列出最近开课的 {len(shown)} 门"
            "（可以加上类别、时间或“免费”缩小范围）："
        )
    else:
        head = f"为您找到 {len(found)} 门课程："
    tail = "点“详情”看时间地点和介绍，点“报名”直接报名；也可以问“第二个在哪里上课”。"
    if more:
        tail += "说“还有吗”看后面的课程。"
    items = [b for c in shown for b in (detail_button(c), enrol_button(c))]
    dispatcher.utter_message(
        text=head + "\n" + "\n".join(lines) + "\n" + tail,
        buttons=buttons(*items, MORE_BUTTON if more else None, SUBSCRIBE_BUTTON),
    )
    return listed(found, end)


# offered under every course list (docs/notices.md)
SUBSCRIBE_BUTTON = button("订阅新课程通知", "subscribe", topic="courses")


def detail_button(course: Course) -> dict[str, str]:
    return button(f"{course.name}详情", "course_followup", course_id=course.code)


def enrol_button(course: Course) -> dict[str, str] | None:
    return button(f"报名 {course.name}", "course_enroll", course_id=course.code)


def category_buttons(available: list[Course] | None = None) -> list[dict[str, str]]:
    """One button per category that has open courses (all of them if none is known)."""
    present = {c.category for c in available or []}
    names = [c for c in COURSE_CATEGORIES if c in present] or list(COURSE_CATEGORIES)
    return buttons(*(button(n, "course_search", course_category=n) for n in names))


def wanted_time(tracker: Tracker) -> str | None:
    """The time of day the worker wants: the last one named, when a message names two
    ("我下午六点下班，晚上有啥课": busy in the afternoon, free in the evening)."""
    named = [
        str(e["value"])
        for e in (tracker.latest_message or {}).get("entities") or []
        if e.get("entity") == "time_of_day" and e.get("value")
    ]
    return named[-1] if named else None


def filter_from(tracker: Tracker) -> repo.CourseFilter:
    """The worker's conditions, from this message's entities: a slot may still hold a word
    of an earlier message ("周末加班…" before "有没得学书法的" is not a weekend search)."""
    fee = latest_entity(tracker, "fee")
    name = wanted_course(tracker)
    return repo.CourseFilter(
        category=latest_entity(tracker, "course_category"),
        time_of_day=wanted_time(tracker),
        weekdays=repo.expand_weekday(latest_entity(tracker, "weekday")),
        free=True if fee == "免费" else (False if fee == "收费" and not name else None),
        name=name,
    )


# below this, a course search naming no course or condition may be something else
SURE_SEARCH = 0.5


def unsure_search(tracker: Tracker) -> bool:
    """Read as a course search, but not surely, and naming no course and no condition."""
    confidence = ((tracker.latest_message or {}).get("intent") or {}).get("confidence") or 0
    return (
        float(confidence) < SURE_SEARCH
        and not latest_entity(tracker, "course_name")
        and not narrows(tracker)
    )


def tells_a_dispute(tracker: Tracker) -> bool:
    """Read as a course search, but not surely, naming no course and a kind of labour
    dispute (加班费, 拖欠工资 …): a worker's situation, for the policy answer."""
    confidence = ((tracker.latest_message or {}).get("intent") or {}).get("confidence") or 0
    return (
        float(confidence) < SURE_SEARCH
        and bool(latest_entity(tracker, "dispute_type"))
        and not latest_entity(tracker, "course_name")
    )


def wanted_course(tracker: Tracker) -> str | None:
    """The course this message names, skipping one named only as the worker's own schooling
    ("我大专毕业的 想读个本科": 专升本, not the 大专 class)."""
    message = tracker.latest_message or {}
    text = message.get("text") or ""
    named = [
        e
        for e in message.get("entities") or []
        if e.get("entity") == "course_name" and e.get("value") not in (None, "")
    ]
    for e in named:
        start, end = e.get("start"), e.get("end")
        words = text[start:end] if isinstance(start, int) and isinstance(end, int) else ""
        if not about_me(text, words):
            return str(e["value"])
    return str(named[0]["value"]) if named else None


def describe(f: repo.CourseFilter) -> str:
    """The conditions in the worker's words, for "没有找到…" messages."""
    parts = [
        "、".join(f.weekdays) if f.weekdays else "",
        f.time_of_day or "",
        "免费" if f.free else ("收费" if f.free is False else ""),
        f.category or "",
        f"“{f.name}”" if f.name else "",
        f"在{f.place}附近" if f.place else "",
    ]
    return "".join(p for p in parts if p)


class ActionSearchCourses(ServiceAction, Action):
    """Shows open courses matching what the worker asked for."""

    def name(self) -> str:
        return "action_search_courses"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        cleared = [SlotSet(slot, None) for slot in SEARCH_SLOTS]
        instead = followup_instead(tracker, searching=True)
        if instead:
            return instead  # the follow-up reads this message's filters, then clears them
        if tells_a_dispute(tracker):
            # "学校说当老师就是这样 没得加班费": a dispute told, not a course wanted
            return cleared + [FollowupAction("action_answer_policy")]
        if unsure_search(tracker):
            # "我没有参加过啥子培训 也没签竞业协议" right after the answer about penalty
            # clauses: a word like 培训 in a follow-up to a policy answer is not a search
            from actions.knowledge import policy_followup_instead  # knowledge imports courses

            instead = policy_followup_instead(self.services, tracker)
            if instead:
                return cleared + instead
        f = filter_from(tracker)
        text = understood_text(tracker)
        with self.services.db.session() as s:
            available = repo.open_courses(s, self.services.today())
            place = place_in(text, available)
            if place:  # "城南那边有啥课": courses held there
                f = replace(f, place=place)
                text = text.replace(place, " ")
            age = child_age(text)
            if age is not None:  # "有没得适合5岁娃儿的": the child's age, not a course's name
                text = without_age(text)
            has_filter = f != repo.CourseFilter() or age is not None
            found = [c for c in available if repo.matches(c, f)]
            if age is not None:
                found = self._for_age(dispatcher, found, available, age)
                if found is None:
                    return cleared
            words = residual(text)
            words = words if is_specific(words) else ""
            ranked = rank_by_text(found, text) if words else []
            if ranked:
                found = ranked
            elif words and not has_filter:
                found = []
            if not found:
                stopped = repo.get_by_name(s, f.name) if f.name else None
                if stopped is not None and any(c.id == stopped.id for c in available):
                    stopped = None  # open, just not on the day or time asked for
                self._nothing_found(dispatcher, f, words, available, stopped)
                # "帮我报个名嘛" after a course that stopped enrolling is about that course
                return cleared + ([SlotSet(FOCUS_SLOT, stopped.code)] if stopped else [])
            return cleared + show_page(dispatcher, s, found)

    @staticmethod
    def _for_age(
        dispatcher: CollectingDispatcher, found: list[Course], available: list[Course], age: int
    ) -> list[Course] | None:
        """The courses for a child of that age; None when there is none (the worker is told
        which children's courses there are, and for what ages)."""
        fitting = [c for c in found if suits(c, age)]
        if fitting:
            return fitting
        children = for_children(available)
        if children:
            listed = "、".join(ages_text(c) for c in children)
            text = f"抱歉，现在没有适合{age}岁孩子的课程。开放报名的亲子课程有：{listed}。"
            dispatcher.utter_message(text=text, buttons=[detail_button(c) for c in children[:4]])
        else:
            dispatcher.utter_message(
                text=f"抱歉，现在没有适合{age}岁孩子的课程。您可以按类别看看现在开放报名的课程：",
                buttons=category_buttons(available),
            )
        return None

    def _nothing_found(
        self,
        dispatcher: CollectingDispatcher,
        f: repo.CourseFilter,
        words: str,
        available: list[Course],
        stopped: Course | None = None,
    ) -> None:
        if stopped is not None:
            text = closed_text(stopped) + "您可以按类别看看现在开放报名的课程："
            dispatcher.utter_message(text=text, buttons=category_buttons(available))
            return
        if not available:
            text = "现在暂时没有开放报名的课程，新一期课程开放后欢迎再来看看。"
            dispatcher.utter_message(text=text, buttons=buttons(SUBSCRIBE_BUTTON))
            return
        what = describe(f) or (f"“{words}”相关" if words else "")
        text = f"抱歉，暂时没有找到{what}的课程。您可以换个说法，或者按类别看看现在开放报名的课程："
        dispatcher.utter_message(text=text, buttons=category_buttons(available))
