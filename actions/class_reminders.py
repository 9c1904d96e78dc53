"""The worker's answers to a class reminder: 收到, and 请假 with an optional reason."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.course_missed import missed_class_instead
from actions.identity import worker_from
from actions.services import ServiceAction
from bot.domain.course_sessions import session_text
from bot.store import attendance
from bot.store.models import ClassReminder, Course, utcnow

REASON_CHARS = 200


def _reminder_id(tracker: Tracker) -> int | None:
    raw = str(tracker.get_slot("reminder_id") or "").strip()
    return int(raw) if raw.isdigit() else None


def _session_name(s: Any, reminder: ClassReminder) -> str:
    course = s.get(Course, reminder.course_id)
    return f"「{course.name}」{session_text(course, reminder.session_date)}"


NO_REMINDER = "您最近没有收到上课提醒，暂时没有可以请假的课。想看看自己报了哪些课吗？"


class ActionClassAck(ServiceAction, Action):
    """收到: noted on the reminder, and the worker is told we expect them."""

    def name(self) -> str:
        return "action_class_ack"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        worker = worker_from(tracker)
        today = self.services.today()
        with self.services.db.session() as s:
            reminder = attendance.reminder_of_worker(
                s, worker.channel, worker.sender_id, _reminder_id(tracker), today
            )
            if reminder is None:
                dispatcher.utter_message(text="好的，收到！还有什么可以帮您？")
                return [SlotSet("reminder_id", None)]
            reminder.acknowledged_at = reminder.acknowledged_at or utcnow()
            what = _session_name(s, reminder)
        dispatcher.utter_message(text=f"好的，{what}，我们课上见！")
        return [SlotSet("reminder_id", None)]


class ActionClassLeave(ServiceAction, Action):
    """请假: an excused absence for the reminded session; then the reason is asked (optional)."""

    def name(self) -> str:
        return "action_class_leave"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        worker = worker_from(tracker)
        today = self.services.today()
        with self.services.db.session() as s:
            reminder = attendance.reminder_of_worker(
                s, worker.channel, worker.sender_id, _reminder_id(tracker), today
            )
            if reminder is None or reminder.session_date < today:
                missed = missed_class_instead(self.services, dispatcher, tracker)
                if missed is not None:  # "下周四值班 那次课来不了" after the course
                    return [*missed, SlotSet("reminder_id", None)]
                dispatcher.utter_message(
                    text=NO_REMINDER,
                    buttons=[{"title": "我的报名", "payload": "/my_enrolments"}],
                )
                return [SlotSet("reminder_id", None)]
            attendance.take_leave(s, reminder)
            what = _session_name(s, reminder)
        dispatcher.utter_message(text=f"已为您请假：{what}。谢谢告知！")
        return [
            SlotSet("reminder_id", str(reminder.id)),
            SlotSet("leave_reason", None),
            FollowupAction("leave_reason_form"),
        ]


class ActionLeaveReason(ServiceAction, Action):
    """The reason the worker typed after 请假, kept with the excused absence."""

    def name(self) -> str:
        return "action_leave_reason"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        worker = worker_from(tracker)
        reason = str(tracker.get_slot("leave_reason") or "").strip()[:REASON_CHARS]
        with self.services.db.session() as s:
            reminder = attendance.reminder_of_worker(
                s, worker.channel, worker.sender_id, _reminder_id(tracker), self.services.today()
            )
            if reminder is not None and reason:
                attendance.take_leave(s, reminder, reason)
        dispatcher.utter_message(text="好的，原因已记下，老师会知道的。谢谢！")
        return [SlotSet("leave_reason", None), SlotSet("reminder_id", None)]


class ActionLeaveNoReason(Action):
    """不说明: the leave stands without a reason."""

    def name(self) -> str:
        return "action_leave_no_reason"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        dispatcher.utter_message(text="好的，不用说明。假已经请好了，谢谢告知！")
        return [
            ActiveLoop(None),
            SlotSet("requested_slot", None),
            SlotSet("leave_reason", None),
            SlotSet("reminder_id", None),
        ]
