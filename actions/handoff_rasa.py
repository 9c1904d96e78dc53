"""A handoff on a Rasa server: the worker waits in our staff console's queue, as on workerbot.

workerbot's engine pauses a conversation handed to staff, and its staff desk takes the
worker's messages from then on (bot/staff/turn_hooks.py). Rasa drops every message of a paused
conversation, so on Rasa action_handoff queues the worker in our store and keeps handoff_form
active instead (data/domain.yml). Its validation takes each message to our store for the
console and answers as the desk answers on workerbot, with the staff messages and desk notices
written since the worker's last message (bot/staff/outside.py); when the worker leaves the queue
(算了, 回到小助手) or staff hand the conversation back or resolve it, the form is filled and
ends, and action_back_to_bot returns the worker to the bot (data/rules.yml). Our own engine
never runs this form.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActionExecuted, ActiveLoop, EventType, SlotSet, UserUttered
from rasa_sdk.executor import CollectingDispatcher

from actions.identity import worker_from
from actions.services import ServiceAction
from actions.staff_messages import is_pushed, utter
from bot.staff.outside import OutsideDesk, via_rasa
from bot.staff.turn_hooks import StaffTurnHooks
from bot.store.models import EV_BOT, EV_USER

FORM, NOTE, SEEN = "handoff_form", "handoff_note", "handoff_seen"
# what handoff_note holds when the form ends: the worker's message is the bot's to answer
# (staff handed them back), or it was answered by the desk or pushed by the console
ANSWER, LEFT = "answer", "left"
# said when queued on Rasa without config's `rasa:`: staff replies wait for the worker's next
# message. With it they are pushed through the Rasa server (bot/channels/rasa_push.py) as
# workerbot's channels push them, or shown in the next turn on a channel that cannot take a
# push (Rasa's rest, as workerbot's REST channel: bot/staff/missed.py), and the handoff says
# what it says on workerbot
RASA_REPLIES_TEXT = "工作人员的回复会在您下一次发消息时显示。"
# the messages before the handoff copied for staff, since the last handoff at most
BEFORE_HANDOFF = 20


def hold_on_rasa(seen: int) -> list[EventType]:
    """Events that keep the worker with staff on Rasa: handoff_form active, asking its slot."""
    return [
        ActiveLoop(FORM),
        SlotSet(NOTE, None),
        SlotSet("requested_slot", NOTE),
        SlotSet(SEEN, float(seen)),
    ]


def said_before(tracker: Tracker) -> list[tuple[str, str]]:
    """What the worker wrote and the bot answered since the last handoff (Rasa's tracker), for
    staff to read in the console: our store has not seen this conversation before."""
    said: list[tuple[str, str]] = []
    held = False
    for event in tracker.events:
        kind = event.get("event")
        if kind == "active_loop" and (event.get("name") == FORM or held):
            # an earlier handoff: what came before it and during it is in our store already
            said, held = [], event.get("name") == FORM
        elif held:
            continue
        elif kind == "user" and event.get("text"):
            said.append((EV_USER, str(event["text"])))
        elif kind == "bot" and event.get("text"):
            said.append((EV_BOT, str(event["text"])))
    return said[-BEFORE_HANDOFF:]


def via(tracker: Tracker) -> dict[str, Any]:
    """The mark on what we store of this Rasa conversation: Rasa's id for it and its channel,
    where the console's pushes go (bot/channels/rasa_push.py)."""
    return via_rasa(tracker.sender_id, tracker.get_latest_input_channel())


def handed_over_this_turn(tracker: Tracker) -> bool:
    """action_handoff ran after the worker's latest message."""
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            return False
        if event.get("event") == "action" and event.get("name") == "action_handoff":
            return True
    return False


class ValidateHandoffForm(ServiceAction, Action):
    """Each message while held on Rasa: stored for staff, answered as the desk answers."""

    def name(self) -> str:
        return "validate_handoff_form"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        if handed_over_this_turn(tracker):
            # Rasa runs the form (and this) right after action_handoff too, on the message
            # that asked for a human: already stored and answered by the handoff
            return []
        worker = worker_from(tracker)
        text = ((tracker.latest_message or {}).get("text") or "").strip()
        seen = int(tracker.get_slot(SEEN) or 0)
        desk = OutsideDesk(self.services.db, StaffTurnHooks(self.services.config))
        if is_pushed(tracker):
            # the console pushed a staff message or notice through Rasa: show what the
            # worker has not seen, and remember it as seen (their next turn skips it)
            taken = desk.unseen(worker.channel, worker.sender_id, seen)
            text = "-"
        else:
            taken = desk.take(worker.channel, worker.sender_id, text, seen, via(tracker))
        utter(dispatcher, taken.replies)
        if taken.back:
            # the form's one slot filled: it ends, and the rule runs action_back_to_bot,
            # which has the bot answer the message when it is the bot's (ANSWER)
            note = ANSWER if taken.for_bot else LEFT
            return [SlotSet(NOTE, note), SlotSet(SEEN, float(taken.seen))]
        return [SlotSet(NOTE, None), SlotSet(SEEN, float(taken.seen))]


class ActionAskHandoffNote(Action):
    """handoff_form's question: nothing to ask, the validation has said what the desk says."""

    def name(self) -> str:
        return "action_ask_handoff_note"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        return []


class ActionBackToBot(Action):
    """After a handoff on Rasa: the handoff's slots cleared. A message the desk answered
    (leaving the queue, a score) is done; one that met staff's hand-back (or came after a
    resolve) is the bot's to answer, as workerbot's engine answers it. Rasa's rules cannot
    chain that answer after this action, so the message is logged again after an
    action_listen (as Rasa's own TwoStageFallback re-logs a message): Rasa extracts its
    slots again and its policies answer it as a new message."""

    def name(self) -> str:
        return "action_back_to_bot"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        events = [SlotSet(NOTE, None), SlotSet(SEEN, None), SlotSet("handoff_reason", None)]
        if tracker.get_slot(NOTE) != ANSWER or is_pushed(tracker):
            return events
        return [*events, *again(tracker)]


def again(tracker: Tracker) -> list[EventType]:
    """The worker's latest message, logged again for Rasa's policies to answer."""
    message = dict(tracker.latest_message or {})
    text = message.get("text")
    if not text:
        return []
    user = UserUttered(text, parse_data=message, input_channel=tracker.get_latest_input_channel())
    if message.get("metadata"):
        user["metadata"] = message["metadata"]
    return [ActionExecuted("action_listen"), user]
