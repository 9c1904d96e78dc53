"""data/domain.yml as the engine needs it: slots and their mappings, forms, responses."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.core.messages import Reply
from bot.core.yamlfile import read_yaml

_TEMPLATE_VAR = re.compile(r"\{(\w+)\}")


@dataclass
class SlotMapping:
    type: str
    entity: str | None = None
    intent: list[str] = field(default_factory=list)
    not_intent: list[str] = field(default_factory=list)
    value: Any = None
    conditions: list[dict[str, Any]] = field(default_factory=list)

    def applies(
        self,
        intent: str,
        active_loop: str | None,
        requested_slot: str | None,
        ignored: list[str] | None = None,
    ) -> bool:
        """Rasa's rules for whether a mapping may fill its slot on this message; `ignored`:
        the active form's ignored_intents, which block a mapping that names no intent of its
        own unless its conditions are all about other forms (Rasa's SlotMapping)."""
        if self.intent and intent not in self.intent:
            return False
        if intent in self.not_intent:
            return False
        if (
            ignored
            and not self.intent
            and intent in ignored
            and (
                not self.conditions
                or any(c.get("active_loop") == active_loop for c in self.conditions)
            )
        ):
            return False
        if not self.conditions:
            return True
        for cond in self.conditions:
            if cond.get("active_loop") != active_loop:
                continue
            if "requested_slot" in cond and cond["requested_slot"] != requested_slot:
                continue
            return True
        return False


@dataclass
class Slot:
    name: str
    type: str
    mappings: list[SlotMapping]
    values: list[str] = field(default_factory=list)
    initial_value: Any = None


def _as_list(value: Any) -> list[str]:
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


class Domain:
    """Parsed domain; `as_dict` is what rasa_sdk actions receive as `domain`."""

    def __init__(self, raw: dict[str, Any]) -> None:
        self.raw = raw
        self.intents: list[str] = [
            i if isinstance(i, str) else next(iter(i)) for i in raw.get("intents", [])
        ]
        self.entities: list[str] = [
            e if isinstance(e, str) else next(iter(e)) for e in raw.get("entities", [])
        ]
        self.responses: dict[str, list[dict[str, Any]]] = raw.get("responses", {}) or {}
        self.actions: list[str] = list(raw.get("actions", []) or [])
        self.forms: dict[str, list[str]] = {
            name: list((spec or {}).get("required_slots", []))
            for name, spec in (raw.get("forms", {}) or {}).items()
        }
        # intents that fill no slot while the form is active (Rasa's ignored_intents)
        self.ignored_intents: dict[str, list[str]] = {
            name: _as_list((spec or {}).get("ignored_intents"))
            for name, spec in (raw.get("forms", {}) or {}).items()
        }
        self.slots: dict[str, Slot] = {}
        for name, spec in (raw.get("slots", {}) or {}).items():
            mappings = [
                SlotMapping(
                    type=m["type"],
                    entity=m.get("entity"),
                    intent=_as_list(m.get("intent")),
                    not_intent=_as_list(m.get("not_intent")),
                    value=m.get("value"),
                    conditions=list(m.get("conditions", []) or []),
                )
                for m in spec.get("mappings", [])
            ]
            self.slots[name] = Slot(
                name,
                spec.get("type", "any"),
                mappings,
                list(spec.get("values", []) or []),
                spec.get("initial_value"),
            )

    @classmethod
    def load(cls, path: Path) -> Domain:
        return cls(read_yaml(path) or {})

    def as_dict(self) -> dict[str, Any]:
        return self.raw

    def initial_slots(self) -> dict[str, Any]:
        slots = {name: s.initial_value for name, s in self.slots.items()}
        slots["requested_slot"] = None
        return slots

    def is_form(self, name: str) -> bool:
        return name in self.forms

    def has_response(self, name: str) -> bool:
        return name in self.responses

    def render(self, name: str, variables: dict[str, Any]) -> Reply | None:
        """A response with `{var}` placeholders filled from slots and action kwargs."""
        variants = self.responses.get(name)
        if not variants:
            return None
        variant = variants[0]

        def fill(text: str) -> str:
            return _TEMPLATE_VAR.sub(
                lambda m: (
                    str(variables[m.group(1)])
                    if variables.get(m.group(1)) is not None
                    else m.group(0)
                ),
                text,
            )

        reply: Reply = {"text": fill(variant.get("text", ""))}
        if variant.get("buttons"):
            reply["buttons"] = [
                {"title": fill(b["title"]), "payload": interpolate_payload(b["payload"], variables)}
                for b in variant["buttons"]
            ]
        return reply

    def ask_response(self, form: str, slot: str) -> str | None:
        """Rasa's lookup order for the question that requests a form slot."""
        for name in (f"utter_ask_{form}_{slot}", f"utter_ask_{slot}"):
            if name in self.responses:
                return name
        return None

    def validate_problems(self) -> list[str]:
        """Inconsistencies that would break a conversation at run time."""
        problems = []
        for form, required in self.forms.items():
            for slot in required:
                if slot not in self.slots:
                    problems.append(f"form {form} requires undefined slot {slot}")
        for slot in self.slots.values():
            for m in slot.mappings:
                if m.type == "from_entity" and m.entity not in self.entities:
                    problems.append(f"slot {slot.name} maps undefined entity {m.entity}")
        return problems


_RASA_TAG = re.compile(r"{([^\n{}]+?)}")


def interpolate_payload(payload: str, variables: dict[str, Any]) -> str:
    """A button payload as Rasa's response interpolation renders it: `{slot}` filled, and the
    JSON of `/intent{{"entity":"value"}}` written with doubled braces (so that Rasa does not
    take it for a slot and log an error) comes out with single ones."""
    text = _RASA_TAG.sub(r"{0[\1]}", payload)
    try:
        out = text.format(variables)
    except (KeyError, IndexError, ValueError):
        return payload
    return payload.format({}) if "0[" in out else out
