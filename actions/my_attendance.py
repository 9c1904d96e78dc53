"""我上了几次课 / 我请了几次假: the worker's attendance and leave, per course."""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction
from rasa_sdk.executor import CollectingDispatcher

from actions.buttons import button, buttons
from actions.course_context import followup_instead
from actions.identity import worker_from
from actions.message import previous_action, typed_text
from actions.services import ServiceAction
from bot.store import attendance

# the worker's own record ("我上了几次课", "我的出勤"), not how often a course meets
_OWN_RECORD = re.compile(r"我|记录|出勤|考勤|缺勤|请过|请了|点名")


class ActionMyAttendance(ServiceAction, Action):
    """Per course: sessions attended and excused, as staff marked them and the worker asked."""

    def name(self) -> str:
        return "action_my_attendance"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        if not _OWN_RECORD.search(typed_text(tracker)):
            instead = followup_instead(tracker)  # "一个星期上几次" right after a course
            if instead:
                return instead
        worker = worker_from(tracker)
        with self.services.db.read() as s:
            counts = attendance.counts_for_worker(s, worker.channel, worker.sender_id)
        if (
            not counts
            and previous_action(tracker) == "action_answer_policy"
            and "课" not in typed_text(tracker)
        ):
            # "我看了下考勤 5号我请了假的 只上了4号" after the overtime's sum: work's attendance,
            # a figure of the policy answer corrected
            return [FollowupAction("action_answer_policy")]
        if not counts:
            dispatcher.utter_message(
                text="您还没有报名课程，所以没有上课和请假的记录。想看看有哪些课程吗？",
                buttons=buttons(button("查课程", "course_search")),
            )
            return []
        lines = ["您的上课记录（以老师点名为准）："]
        for c in counts:
            lines.append(f"· {c.course}：上课 {c.present} 次，请假 {c.excused} 次")
        dispatcher.utter_message(text="\n".join(lines))
        return []
