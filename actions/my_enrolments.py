"""A worker's own enrolments: listing them and cancelling one (which may free a place)."""

from __future__ import annotations

import logging
import re
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.orm import Session

from actions.buttons import button, buttons
from actions.case_additions import addition_instead
from actions.course_context import FOCUS_SLOT, LIST_SLOT
from actions.course_filters import wanted_course
from actions.enrolment_pending import drop_pending
from actions.identity import Worker, worker_from
from actions.message import last_reply, latest_entity, previous_action, understood_text
from actions.offers import JUST_ENROLLED
from actions.policy_followups import policy_followup_instead
from actions.services import ServiceAction
from bot.domain.course_questions import aspects
from bot.domain.courses import promotion_text, when_text
from bot.domain.people import person_named
from bot.staff import notices as notify
from bot.store import courses as repo
from bot.store.models import ENROLLED, Enrolment

log = logging.getLogger(__name__)


def status_text(s: Session, e: Enrolment) -> str:
    """已报名 / 候补第N位."""
    if e.status == ENROLLED:
        return "已报名"
    return f"候补第{repo.waitlist_position(s, e)}位"


def cancel_button(e: Enrolment, named: bool = False) -> dict[str, str] | None:
    who = f"（{e.name}）" if named else ""
    return button(f"取消 {e.course.name}{who}", "cancel_enrolment", enrolment_id=str(e.id))


def several_people(rows: list[Enrolment]) -> bool:
    """The account enrolled more than one person (the worker and a relative): each row says who."""
    return len({e.name for e in rows}) > 1


def show_enrolments(
    dispatcher: CollectingDispatcher, s: Session, worker: Worker, head: str, notice: str = ""
) -> None:
    """The worker's live enrolments with a cancel button each, or a way to find courses."""
    rows = repo.list_for_worker(s, worker.channel, worker.sender_id)
    if not rows:
        dispatcher.utter_message(
            text=notice + "您目前没有报名任何课程。想看看有哪些课程吗？",
            buttons=buttons(button("查课程", "course_search")),
        )
        return
    named = several_people(rows)
    lines = [notice + head]
    for i, e in enumerate(rows, 1):
        who = f"  报名人：{e.name}" if named else ""
        lines.append(f"{i}. {e.course.name}（{status_text(s, e)}）{who}")
        lines.append(f"   时间：{when_text(e.course)}  地点：{e.course.venue or '另行通知'}")
    dispatcher.utter_message(
        text="\n".join(lines), buttons=buttons(*(cancel_button(e, named) for e in rows))
    )


# a course of one's own named to be dropped, in a message that asks for the list
_CANCELS_ONE = re.compile(
    r"(?<![不别莫])(?:取消|退了|退掉|退出|不报了|不去了|不上了|去掉|划掉|删了|删掉)"
)


class ActionMyEnrolments(ServiceAction, Action):
    """Lists what the worker has enrolled in or is waiting for."""

    def name(self) -> str:
        return "action_my_enrolments"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        if latest_entity(tracker, "duration"):
            # "我上了八年班" right after the annual-leave answer: the figure it needs
            followup = policy_followup_instead(self.services, tracker)
            if followup:
                return followup
        added = addition_instead(tracker)
        if added:
            # "补充一哈 站长是微信上通知我的 我截了图的" after filing: added to the case
            return added
        worker = worker_from(tracker)
        text = (tracker.latest_message or {}).get("text") or ""
        if _CANCELS_ONE.search(text):
            # "我现在报了哪几个 八段锦退了嘛": the one named is cancelled, and the rest shown
            with self.services.db.session() as s:
                own = repo.list_for_worker(s, worker.channel, worker.sender_id)
                named = {e.course.name for e in own if e.course.name in text}
            if len(named) == 1:
                return [
                    SlotSet("course_name", named.pop()),
                    FollowupAction("action_cancel_enrolment"),
                ]
        asked = _course_asked(self.services, dispatcher, tracker, worker)
        if asked is not None:
            return asked
        with self.services.db.session() as s:
            show_enrolments(dispatcher, s, worker, "您的课程报名：")
            rows = [
                e.course.code for e in repo.list_for_worker(s, worker.channel, worker.sender_id)
            ]
        codes = set(rows)
        if len(codes) == 1:
            # "几点开始 我们好早点去" after the list: the one course enrolled in is in view
            return [SlotSet(FOCUS_SLOT, codes.pop())]
        # "第二个在哪点上" after the list: the courses in the order listed
        return [SlotSet(LIST_SLOT, rows), SlotSet(FOCUS_SLOT, None)] if rows else []


def _course_asked(
    services: Any, dispatcher: CollectingDispatcher, tracker: Tracker, worker: Worker
) -> list[EventType] | None:
    """ "我报的厨师那个班 礼拜六下午几点开始哦": a question about a course the worker says they
    are in, answered about that course (the follow-up says first when this chat holds no
    enrolment in it)."""
    text = understood_text(tracker)  # (pinyin read as characters)
    named = wanted_course(tracker)
    if not named or not aspects(text) or _CANCELS_ONE.search(text):
        return None
    with services.db.session() as s:
        course = repo.get_by_name(s, named)
        if course is None:
            return None
        code = course.code  # (what this chat holds is said by the follow-up, enrolment_claims.py)
    return [SlotSet(FOCUS_SLOT, code), FollowupAction("action_course_followup")]


NOT_HELD = (
    "我这里没查到您在小助手上报「{course}」的记录，所以这里取消不了；如果是在工会窗口或用别的微信、"
    "账号报的，可以说“转人工”请工作人员帮您取消。"
)
NOTHING_HELD = (
    "没有可以取消的报名（在工会窗口或用别的微信、账号报的名这里查不到，可以说“转人工”请工作人员"
    "帮您取消）。"
)


def _cancelled_before(tracker: Tracker) -> bool:
    """The bot's last reply cancelled an enrolment (not only listed them to choose from)."""
    return any(CANCELLED_LEAD in str(e.get("text") or "") for e in last_reply(tracker))


CANCELLED_LEAD = "已为您取消"
# whether a class is off that day, asked ("元旦那天合唱取消了吗", "那天停不停课")
_CLASS_OFF_ASKED = re.compile(
    r"(?:那天|当天|那一天|元旦|春节|国庆|五一|放假)[^，,。]{0,8}(?:取消了?(?:吗|没|不)|停(?:不停)?课)"
)


class ActionCancelEnrolment(ServiceAction, Action):
    """Cancels one of the worker's own enrolments, or asks which one."""

    def name(self) -> str:
        return "action_cancel_enrolment"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        worker = worker_from(tracker)
        events: list[EventType] = [SlotSet("enrolment_id", None), SlotSet("course_name", None)]
        if _CLASS_OFF_ASKED.search(understood_text(tracker)):
            # "元旦那天合唱取消了吗": whether a class meets, not a cancellation
            return [FollowupAction("action_course_followup")]
        dropped = drop_pending(dispatcher, tracker)
        if dropped is not None:
            return events + dropped
        with self.services.db.session() as s:
            target, notice = self._target(s, tracker, worker)
            if target is None:
                show_enrolments(dispatcher, s, worker, "请选择要取消的报名：", notice)
                return events
            name = target.course.name
            own = repo.list_for_worker(s, worker.channel, worker.sender_id)
            who = f"（{target.name}）" if several_people(own) else ""
            result = repo.cancel(s, target.id, worker.channel, worker.sender_id)
            if result is None:  # pragma: no cover - target was just read as this worker's
                show_enrolments(dispatcher, s, worker, "请选择要取消的报名：")
                return events
            self._notify_promoted(s, result)
            left = [
                f"{e.course.name}（{e.name}）" if who else e.course.name
                for e in own
                if e.id != target.id
            ]
        # what is still enrolled, so "我现在报了哪几个 八段锦退了嘛" is answered whole
        still = f"您还报了：{'、'.join(left)}。" if left else ""
        dispatcher.utter_message(
            text=f"{CANCELLED_LEAD}「{name}」{who}的报名。{still}想报其他课程，可以说“查课程”。",
            buttons=buttons(button("查课程", "course_search")),
        )
        return events

    def _target(self, s: Session, tracker: Tracker, worker: Worker) -> tuple[Enrolment | None, str]:
        """The enrolment the worker means (by button id, course name, and the person's name
        when the account enrolled several), or None and what to say before the list."""
        missing = "没有找到这条报名（可能已经取消了）。"
        raw = str(tracker.get_slot("enrolment_id") or "").strip()
        if raw:
            e = (
                repo.get_for_worker(s, int(raw), worker.channel, worker.sender_id)
                if raw.isdigit()
                else None
            )
            return e, "" if e else missing
        own = repo.list_for_worker(s, worker.channel, worker.sender_id)
        named = tracker.get_slot("course_name")
        text = (tracker.latest_message or {}).get("text") or ""
        if named and named not in text and all(e.course.name != named for e in own):
            # "我要带娃 还是帮我退了嘛": 带娃 is a keyword of a course not enrolled in, a
            # reason told, not the course to cancel
            named = None
        hits = [e for e in own if (named and e.course.name == named) or e.course.name in text]
        if len(hits) > 1:
            # "取消我妈的八段锦" / "八段锦 刘秀英那个": the person named picks one
            person = [e for e in hits if e.name in text or e.name[1:] in text]
            if len(person) == 1:
                return person[0], ""
            return None, f"「{hits[0].course.name}」有{len(hits)}条报名，报名人不同。"
        if len(hits) == 1:
            return hits[0], ""
        person = [e for e in own if person_named(e.name, text)]
        if not hits and len(person) == 1:
            # "付小军说他星期天要加班 把他那个取消了": one enrolment of the person named
            return person[0], ""
        if not named and previous_action(tracker) == JUST_ENROLLED:
            # "还是取消了嘛" right after enrolling: the course just enrolled in
            focus = str(tracker.get_slot(FOCUS_SLOT) or "")
            just = [e for e in own if e.course.code == focus]
            if len(just) == 1:
                return just[0], ""
        if not named and previous_action(tracker) == self.name() and _cancelled_before(tracker):
            # "嗯 取消" right after a cancellation: it is done, said again
            return None, "刚才那门课的报名已经取消了。"
        if named and all(e.course.name != named for e in own):
            # "帮我把合唱退了嘛" with no enrolment in it here (made at the desk, or elsewhere)
            return None, NOT_HELD.format(course=named)
        if not own:
            return None, NOTHING_HELD
        return None, missing if named else ""

    def _notify_promoted(self, s: Session, result: repo.CancelResult) -> None:
        """A freed place went to the waiting list: tell each promoted worker, in this turn's
        transaction (delivered on their channel after the turn, see bot/notify.py)."""
        for p in result.promoted:
            if notify.record(s, p.channel, p.sender_id, promotion_text(p.course)) is None:
                log.info("enrolment %s promoted; the worker has no conversation to notify", p.id)
