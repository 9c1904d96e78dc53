"""One message's work in progress: slots, form, state, new events and replies."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any, Protocol

from rasa_sdk import Tracker

from bot.core.attachments import Attachment
from bot.core.messages import Reply
from bot.engine.domain import Domain
from bot.engine.registry import ActionRegistry
from bot.engine.rules import RuleBook
from bot.store.conversations import ConversationRow
from bot.store.models import EV_ACTION, EV_BOT, EV_SLOT, EV_STATE, EV_USER

EV_LOOP = "loop"


def to_rasa_event(
    type_: str, text: str | None, data: dict[str, Any] | None
) -> dict[str, Any] | None:
    """Our stored event as the dict rasa_sdk expects in tracker.events."""
    data = data or {}
    if type_ == EV_USER:
        return {"event": "user", "text": text, "parse_data": data.get("parse", {})}
    if type_ in (EV_BOT, "staff"):
        bot_data = {"buttons": data.get("buttons")}
        if "faq" in data:
            bot_data["faq"] = data["faq"]  # which FAQ entry this message answered
        return {"event": "bot", "text": text, "data": bot_data}
    if type_ == EV_ACTION:
        return {"event": "action", "name": data.get("name")}
    if type_ == EV_SLOT:
        return {"event": "slot", "name": data.get("name"), "value": data.get("value")}
    if type_ == EV_LOOP:
        return {"event": "active_loop", "name": data.get("name")}
    if type_ == EV_STATE:
        return {"event": "pause" if data.get("to") != "bot" else "resume"}
    return None


@dataclass
class Turn:
    conversation: ConversationRow
    parse: dict[str, Any]
    message_id: str | None
    slots: dict[str, Any]
    active_loop: str | None
    state: str
    history: list[dict[str, Any]] = field(default_factory=list)  # earlier rasa events
    rasa_events: list[dict[str, Any]] = field(default_factory=list)  # this turn's, rasa format
    rows: list[dict[str, Any]] = field(default_factory=list)  # this turn's, to persist
    replies: list[Reply] = field(default_factory=list)
    latest_action: str | None = None
    handoff_reason: str | None = None
    failed: bool = False  # an action failed and the worker got the apology
    # for the misunderstood-message review (bot/misunderstood.py): the intent whose rule
    # answered, whether that was a fallback, the FAQ entry answered, an FAQ miss
    ruled_intent: str | None = None
    fell_back: bool = False
    faq: str | None = None
    faq_missed: bool = False
    faq_near: str | None = None
    miss: dict[str, Any] | None = None
    # the file sent with the message, handed to actions in the message metadata
    attachment: Attachment | None = None
    # the part's place when one message was split into several requests (2, 3 …)
    split_part: int | None = None

    def record(
        self, type_: str, text: str | None = None, data: dict[str, Any] | None = None
    ) -> None:
        """Log an event both for persistence and for the trackers of later actions."""
        self.rows.append(
            {
                "conversation_id": self.conversation.id,
                "type": type_,
                "text": text,
                "data": data,
                "message_id": self.message_id,
            }
        )
        rasa = to_rasa_event(type_, text, data)
        if rasa is not None:
            rasa["timestamp"] = time.time()
            self.rasa_events.append(rasa)

    def set_slot(self, name: str, value: Any) -> None:
        if self.slots.get(name) == value and name in self.slots:
            return
        self.slots[name] = value
        self.record(EV_SLOT, None, {"name": name, "value": value})

    def set_loop(self, name: str | None) -> None:
        if self.active_loop == name:
            return
        self.active_loop = name
        self.record(EV_LOOP, None, {"name": name})

    def say(self, reply: Reply, faq: str | None = None, kind: str | None = None) -> None:
        """Send a reply; `faq` names the FAQ entry it answers (kept in the event for the
        dashboard), `kind` marks a reply the desk looks for later (an acknowledgement)."""
        self.replies.append(reply)
        data: dict[str, Any] | None = (
            {"buttons": reply["buttons"]} if reply.get("buttons") else None
        )
        if faq:
            data = data or {}
            data["faq"] = faq
            self.faq = faq
        if kind:
            data = data or {}
            data["kind"] = kind
        self.record(EV_BOT, reply.get("text", ""), data)

    def tracker(self, extra_events: list[dict[str, Any]] | None = None) -> Tracker:
        """A rasa_sdk Tracker of the conversation as it stands in this turn."""
        conv = self.conversation
        latest = dict(self.parse)
        latest["metadata"] = {
            "channel": conv.channel,
            "sender_id": conv.sender_id,
            "conversation_id": conv.id,
            "display_name": conv.display_name,
        }
        if self.attachment is not None:
            latest["metadata"]["attachment"] = self.attachment
        if self.split_part:
            latest["metadata"]["split_part"] = self.split_part
        return Tracker(
            sender_id=f"{conv.channel}:{conv.sender_id}",
            slots=dict(self.slots),
            latest_message=latest,
            events=self.history + self.rasa_events + list(extra_events or []),
            paused=self.state != "bot",
            followup_action=None,
            active_loop={"name": self.active_loop} if self.active_loop else {},
            latest_action_name=self.latest_action,
        )


class TurnRunner(Protocol):
    """What the form loop needs from the engine that runs the turn (bot/engine/forms.py)."""

    domain: Domain
    rules: RuleBook
    registry: ActionRegistry

    def run_action(self, turn: Turn, name: str, depth: int = 0) -> None: ...

    def tracker_for(self, turn: Turn, extra_events: list[dict] | None = None) -> Any: ...

    def emit(self, turn: Turn, messages: list[dict[str, Any]]) -> None: ...

    def apply_events(self, turn: Turn, events: list[dict[str, Any]]) -> list[str]: ...
