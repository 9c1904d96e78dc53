"""Running actions for a turn (Rasa's action server side of the engine): responses, custom
actions and forms, the events they return, and the follow-ups they ask for."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from bot.engine.domain import Domain
from bot.engine.forms import FormLoop
from bot.engine.registry import ActionRegistry
from bot.engine.rules import RuleBook
from bot.engine.turn import Turn, to_rasa_event
from bot.settings import BotConfig
from bot.store import conversations
from bot.store.models import EV_STATE, STATE_BOT, STATE_WAITING
from bot.store.transitions import state_change

MAX_FOLLOWUPS = 5
_STD_MESSAGE_KEYS = {
    "text",
    "buttons",
    "elements",
    "custom",
    "template",
    "response",
    "image",
    "attachment",
    "faq",  # the FAQ entry a message answers (actions/knowledge.py)
    "faq_miss",  # the FAQ had no sure answer: "" or the nearest entry
}


class ActionRunner:
    """Runs a turn's actions against the domain and registry (the forms' TurnRunner)."""

    def __init__(
        self, domain: Domain, rules: RuleBook, registry: ActionRegistry, config: BotConfig
    ) -> None:
        self.domain, self.rules, self.registry, self.config = domain, rules, registry, config
        self.forms = FormLoop(self)

    def run_action(self, turn: Turn, name: str, depth: int = 0) -> None:
        """Run a form, a response or a custom action, then what it asks to follow."""
        if self.domain.is_form(name):
            self.forms.activate(turn, name)
            return
        turn.record("action", None, {"name": name})
        turn.latest_action = name
        if name.startswith("utter_") and self.domain.has_response(name):
            reply = self.domain.render(name, turn.slots)
            if reply:
                turn.say(reply)
            return
        if name not in self.registry:
            raise LookupError(f"action {name!r} is used but not defined")
        messages, events = self.registry.run(name, self.tracker_for(turn), self.domain.as_dict())
        self.emit(turn, messages)
        for follow in self.apply_events(turn, events):
            if depth >= MAX_FOLLOWUPS:
                raise RuntimeError(f"follow-up chain too long after {name}")
            self.run_action(turn, follow, depth + 1)

    def tracker_for(self, turn: Turn, extra_events: list[dict] | None = None):  # noqa: ANN201
        if turn.history is None:
            turn.history = self._history(turn)
        return turn.tracker(extra_events)

    def _history(self, turn: Turn) -> list[dict[str, Any]]:
        s: Session = turn._session  # type: ignore[attr-defined]
        rows = conversations.recent_events(
            s.connection(), turn.conversation.id, self.config.conversation.tracker_events
        )
        events = [to_rasa_event(t, x, d) for t, x, d in rows]
        return [e for e in events if e is not None]

    def emit(self, turn: Turn, messages: list[dict[str, Any]]) -> None:
        """Turn dispatcher messages into replies (responses rendered with slots and kwargs)."""
        for m in messages:
            name = m.get("response") or m.get("template")
            if name:
                variables = dict(turn.slots)
                variables.update({k: v for k, v in m.items() if k not in _STD_MESSAGE_KEYS})
                reply = self.domain.render(name, variables)
                if reply is None:
                    raise LookupError(f"response {name!r} is not in the domain")
            elif m.get("text") or m.get("buttons"):
                reply = {"text": m.get("text") or ""}
                if m.get("buttons"):
                    reply["buttons"] = [
                        {"title": b["title"], "payload": b["payload"]} for b in m["buttons"]
                    ]
            else:
                continue
            if "faq_miss" in m:
                turn.faq_missed, turn.faq_near = True, m["faq_miss"] or None
            turn.say(reply, m.get("faq"))

    def apply_events(self, turn: Turn, events: list[dict[str, Any]]) -> list[str]:
        """Apply rasa_sdk events to the turn; returns follow-up action names."""
        followups: list[str] = []
        activate: str | None = None
        for e in events:
            kind = e.get("event")
            if kind == "slot":
                turn.set_slot(e["name"], e.get("value"))
            elif kind == "active_loop":
                if e.get("name"):
                    activate = e["name"]
                else:
                    turn.set_slot("requested_slot", None)
                    turn.set_loop(None)
            elif kind == "followup":
                followups.append(e["name"])
            elif kind == "pause":
                set_state(turn, STATE_WAITING, turn.slots.get("handoff_reason") or "asked")
            elif kind == "resume":
                set_state(turn, STATE_BOT, "resumed")
            elif kind in ("reset_slots", "restart"):
                keep = {k: turn.slots.get(k) for k in ("name", "phone")}
                for k, v in self.domain.initial_slots().items():
                    turn.set_slot(k, keep.get(k, v) if kind == "reset_slots" else v)
                turn.set_loop(None)
        if activate:
            self.forms.activate(turn, activate)
        return followups


def set_state(turn: Turn, state: str, reason: str) -> None:
    """Move the conversation to `state`, recording the change and why (a handoff's reason)."""
    if turn.state == state:
        return
    turn.record(EV_STATE, None, state_change(turn.state, state, reason))
    turn.state = state
    if state == STATE_WAITING:
        turn.handoff_reason = reason
