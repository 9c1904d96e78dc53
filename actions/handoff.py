"""Handing a worker to the service centre's staff, with an honest place in the queue."""

from __future__ import annotations

import math
from datetime import datetime
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, ConversationPaused, EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy import func, select

from actions.buttons import button, buttons
from actions.handoff_rasa import (
    RASA_REPLIES_TEXT,
    hold_on_rasa,
    said_before,
    via,
)
from actions.identity import worker_from
from actions.message import latest_confidence, latest_entity, latest_intent, typed_text
from actions.services import ServiceAction
from bot.core.labels import REASONS
from bot.staff.accounts import ONLINE_WITHIN
from bot.staff.hours import WorkingHours
from bot.staff.outside import OutsideDesk
from bot.staff.turn_hooks import StaffTurnHooks
from bot.store.models import EV_BOT, STATE_WAITING, Conversation, StaffUser, utcnow
from intents.question_cues import asks_staff_hours

BACK_BUTTON = {"title": "回到小助手", "payload": "/back_to_bot"}
FORM_CONTROL_SLOTS = ("mediation_confirm", "edit_field")
REASONS_BY_INTENT = {"human_handoff": "asked", "frustrated": "frustrated"}


def handoff_reason(tracker: Tracker) -> str:
    """The reason a button of the bot's offer carries (an upset worker, repeated misses);
    otherwise what the worker said now; else what was recorded; else they asked."""
    offered = latest_entity(tracker, "handoff_reason")
    if offered in REASONS:
        return offered
    intent = latest_intent(tracker)
    if intent in REASONS_BY_INTENT:
        return REASONS_BY_INTENT[intent]
    return tracker.get_slot("handoff_reason") or "asked"


def estimate_minutes(ahead: int, online: int, minutes_per_worker: int) -> int:
    """The wait for the worker after `ahead`, shared among the staff online (at least one)."""
    return math.ceil((ahead + 1) * minutes_per_worker / max(1, online))


def queue_text(ahead: int, minutes: int | None = None) -> str:
    """The worker's place in the real queue and, when staff are at the desk, the wait."""
    place = "您前面没有人在等" if ahead <= 0 else f"前面还有 {ahead} 位"
    if minutes is None:
        return f"已为您转接人工服务，{place}。"
    return f"已为您转接人工服务，{place}，预计等待约 {minutes} 分钟。"


def closed_text(hours: WorkingHours, now: datetime) -> str:
    """Outside working hours: when staff are back, and that the message is kept."""
    return (
        f"现在是非工作时间（服务时间：{hours.schedule()}），工作人员将于"
        f"{hours.describe_next(now)}上班后按顺序回复您。您的留言会保留，请放心。"
    )


# below this a classifier's reading of "wants a person" is offered as a button, not acted on
UNSURE = 0.45
UNSURE_TEXT = (
    "您是想找工作人员吗？需要的话点“转人工”，工作人员会按顺序回复您；也可以直接把问题告诉我。"
)


def hours_text(hours: WorkingHours, now: datetime) -> str:
    """When staff are at the desk, and whether they are now."""
    said = f"工会工作人员的服务时间是{hours.schedule()}。"
    if hours.is_open(now):
        return said + "现在正是服务时间，需要的话点“转人工”。"
    return (
        said + f"现在不在服务时间，工作人员{hours.describe_next(now)}上班；点“转人工”可以先留言，"
        "上班后按顺序回复您。"
    )


class ActionHandoff(ServiceAction, Action):
    """Pauses the bot so staff take over; leaves any form but keeps what was filled."""

    def name(self) -> str:
        return "action_handoff"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        if latest_intent(tracker) == "human_handoff" and latest_confidence(tracker) < UNSURE:
            # "我想找个律师 要钱不", barely read as asking for staff: offered, never forced
            # (a button, a typed 转人工 or a rule's match is sure)
            dispatcher.utter_message(
                text=UNSURE_TEXT,
                buttons=buttons(
                    button("转人工", "human_handoff", handoff_reason="asked"),
                    button("看看能办什么", "help"),
                ),
            )
            return []
        console = self.services.config.console
        hours, now = WorkingHours(console), utcnow()
        if asks_staff_hours(typed_text(tracker).replace(" ", "")):
            # "你们人工好久上班": the hours, and a person offered (not a place in the queue)
            dispatcher.utter_message(
                text=hours_text(hours, now),
                buttons=buttons(button("转人工", "human_handoff", handoff_reason="asked")),
            )
            return []
        worker = worker_from(tracker)
        with self.services.db.session() as s:
            ahead = (
                s.scalar(
                    select(func.count(Conversation.id)).where(
                        Conversation.state == STATE_WAITING,
                        ~(
                            (Conversation.channel == worker.channel)
                            & (Conversation.sender_id == worker.sender_id)
                        ),
                    )
                )
                or 0
            )
            online = s.scalar(
                select(func.count(StaffUser.id)).where(
                    StaffUser.active.is_(True),
                    StaffUser.presence == "online",
                    StaffUser.last_seen_at >= now - ONLINE_WITHIN,
                )
            )
        if hours.is_open(now):
            minutes = estimate_minutes(ahead, online or 0, console.minutes_per_worker)
            text = queue_text(ahead, minutes) + "\n您可以继续留言说明情况，消息都会转给工作人员。"
        else:
            text = queue_text(ahead) + "\n" + closed_text(hours, now)
        if self.services.on_rasa and not self.services.config.rasa.url:
            text += "\n" + RASA_REPLIES_TEXT  # nothing can push staff replies
        text += "\n不想等了，随时说“算了”或点下方按钮回到小助手。"
        reason = handoff_reason(tracker)
        events: list[EventType] = [SlotSet("handoff_reason", reason)]
        if (tracker.active_loop or {}).get("name"):
            # what the worker typed is kept for staff; only the form's own state is dropped
            events += [ActiveLoop(None)]
            events += [SlotSet(s, None) for s in ("requested_slot", *FORM_CONTROL_SLOTS)]
        if self.services.on_rasa:
            # Rasa drops the messages of a paused conversation: queue the worker in our
            # store and keep handoff_form active instead (actions/handoff_rasa.py)
            said = said_before(tracker) + [(EV_BOT, text)]
            _, seen = OutsideDesk(self.services.db, StaffTurnHooks(self.services.config)).hand_over(
                worker.channel, worker.sender_id, worker.display_name, reason, said, via(tracker)
            )
            dispatcher.utter_message(text=text, buttons=[BACK_BUTTON])
            return [*events, *hold_on_rasa(seen)]
        dispatcher.utter_message(text=text, buttons=[BACK_BUTTON])
        return [*events, ConversationPaused()]
