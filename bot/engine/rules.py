"""data/rules.yml: which actions follow an intent, and what follows a completed form."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.core.yamlfile import read_yaml


@dataclass(frozen=True)
class Rule:
    name: str
    intent: str | None
    condition_loop: str | None
    actions: tuple[str, ...]
    completes_form: str | None  # set for "form finished -> submit" rules


def _parse_rule(raw: dict[str, Any]) -> Rule:
    condition_loop = None
    for cond in raw.get("condition", []) or []:
        if "active_loop" in cond:
            condition_loop = cond["active_loop"]
    steps = raw.get("steps", []) or []
    intent = None
    actions: list[str] = []
    completes_form = None
    for i, step in enumerate(steps):
        if "intent" in step and i == 0:
            intent = step["intent"]
        elif "action" in step:
            actions.append(step["action"])
        elif "active_loop" in step and step["active_loop"] is None and intent is None and actions:
            # `- action: form` then `- active_loop: null`: what follows runs after the form
            completes_form = actions.pop()
    return Rule(raw.get("rule", "?"), intent, condition_loop, tuple(actions), completes_form)


class RuleBook:
    """Routing is data: intent (and active form) -> action sequence."""

    def __init__(self, rules: list[Rule]) -> None:
        self.rules = rules
        self._by_intent: dict[tuple[str, str | None], tuple[str, ...]] = {}
        self._after_form: dict[str, tuple[str, ...]] = {}
        for r in rules:
            if r.completes_form:
                self._after_form[r.completes_form] = r.actions
            elif r.intent:
                self._by_intent.setdefault((r.intent, r.condition_loop), r.actions)

    @classmethod
    def load(cls, path: Path) -> RuleBook:
        raw = read_yaml(path) or {}
        return cls([_parse_rule(r) for r in raw.get("rules", []) or []])

    def for_intent(self, intent: str, active_loop: str | None) -> tuple[str, ...] | None:
        """Actions for an intent, preferring a rule conditioned on the active form."""
        if active_loop:
            found = self._by_intent.get((intent, active_loop))
            if found is not None:
                return found
        return self._by_intent.get((intent, None))

    def opens_form(self, intent: str, forms: object) -> bool:
        """The intent's rule (outside any form) starts one of `forms`."""
        actions = self._by_intent.get((intent, None)) or ()
        return bool(actions) and actions[0] in forms  # type: ignore[operator]

    def after_form(self, form: str) -> tuple[str, ...]:
        return self._after_form.get(form, ())

    def intents(self) -> set[str]:
        return {r.intent for r in self.rules if r.intent}

    def action_names(self) -> set[str]:
        names = {a for r in self.rules for a in r.actions}
        names |= {r.completes_form for r in self.rules if r.completes_form}
        return names
