"""Rasa's slot extraction and form loop, driven by data/domain.yml."""

from __future__ import annotations

from typing import Any

from bot.engine.turn import Turn, TurnRunner


def extract_slots(engine: TurnRunner, turn: Turn) -> dict[str, Any]:
    """Slot candidates from this message (Rasa's action_extract_slots): first applicable mapping wins."""
    parse = turn.parse
    intent = (parse.get("intent") or {}).get("name") or ""
    text = parse.get("text") or ""
    entities = parse.get("entities") or []
    requested = turn.slots.get("requested_slot")
    ignored = engine.domain.ignored_intents.get(turn.active_loop or "")
    candidates: dict[str, Any] = {}
    for slot in engine.domain.slots.values():
        for m in slot.mappings:
            if not m.applies(intent, turn.active_loop, requested, ignored):
                continue
            value: Any = None
            if m.type == "from_entity":
                value = next((e["value"] for e in entities if e.get("entity") == m.entity), None)
            elif m.type == "from_text":
                # a button payload is not something the worker wrote
                value = text.strip() if text.strip() and not text.startswith("/") else None
            elif m.type == "from_intent":
                value = m.value
            if value is not None:
                candidates[slot.name] = value
                break
    return candidates


class FormLoop:
    """Activates, continues and completes forms for the engine."""

    def __init__(self, engine: TurnRunner) -> None:
        self.engine = engine

    def _validate(
        self, turn: Turn, form: str, candidates: dict[str, Any]
    ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """Run validate_<form> over the candidates the way rasa_sdk expects to see them."""
        name = f"validate_{form}"
        if name not in self.engine.registry:
            return [], [{"event": "slot", "name": k, "value": v} for k, v in candidates.items()]
        slot_events = [{"event": "slot", "name": k, "value": v} for k, v in candidates.items()]
        saved = dict(turn.slots)
        turn.slots.update(candidates)
        try:
            tracker = self.engine.tracker_for(turn, extra_events=slot_events)
        finally:
            turn.slots = saved
        return self.engine.registry.run(name, tracker, self.engine.domain.as_dict())

    def continue_(self, turn: Turn, candidates: dict[str, Any]) -> bool:
        """Handle a message while a form is active; False means the form rejects it."""
        form = turn.active_loop or ""
        required = self.engine.domain.forms[form]
        messages, events = self._validate(turn, form, candidates)
        sets_required = any(e.get("event") == "slot" and e.get("name") in required for e in events)
        if not candidates and not sets_required:
            return False
        self._apply_and_ask(turn, form, messages, events)
        return True

    def activate(self, turn: Turn, form: str) -> None:
        """Start a form: validate what this message already filled, then ask the first gap."""
        turn.set_loop(form)
        turn.record("action", None, {"name": form})
        required = self.engine.domain.forms[form]
        filled_now = {
            e["name"]: e.get("value")
            for e in turn.rasa_events
            if e.get("event") == "slot" and e.get("name") in required and e.get("value") is not None
        }
        messages, events = self._validate(turn, form, filled_now)
        self._apply_and_ask(turn, form, messages, events)

    def _apply_and_ask(
        self, turn: Turn, form: str, messages: list[dict[str, Any]], events: list[dict[str, Any]]
    ) -> None:
        engine = self.engine
        engine.emit(turn, messages)
        explicit = [
            e for e in events if e.get("event") == "slot" and e.get("name") == "requested_slot"
        ]
        followups = engine.apply_events(turn, [e for e in events if e not in explicit])
        if turn.active_loop != form or turn.state != "bot":
            return  # the validator left the form or handed over
        if explicit:
            next_slot = explicit[-1].get("value")
        else:
            required = engine.domain.forms[form]
            next_slot = next((s for s in required if turn.slots.get(s) is None), None)
        if next_slot:
            turn.set_slot("requested_slot", next_slot)
            self.ask(turn, form, next_slot)
        else:
            self.complete(turn, form)
        for name in followups:
            engine.run_action(turn, name)

    def ask(self, turn: Turn, form: str, slot: str) -> None:
        """Ask for a slot: action_ask_* if defined, else the utter_ask_* response."""
        for action in (f"action_ask_{form}_{slot}", f"action_ask_{slot}"):
            if action in self.engine.registry:
                self.engine.run_action(turn, action)
                return
        response = self.engine.domain.ask_response(form, slot)
        if response:
            self.engine.run_action(turn, response)

    def complete(self, turn: Turn, form: str) -> None:
        """All slots filled: leave the form and run what the rules say follows it."""
        turn.set_slot("requested_slot", None)
        turn.set_loop(None)
        for name in self.engine.rules.after_form(form):
            if turn.state != "bot":
                break
            self.engine.run_action(turn, name)
