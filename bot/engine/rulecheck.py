"""The consistency checks Rasa's RulePolicy runs on rules at training, run on data/rules.yml.

`rasa train` refuses rules that are incomplete or that contradict each other; `workerbot data
validate` refuses the same data with the same wording, so CI catches what a Rasa user would
hit (issue 19: "cancel outside a form" trained here and failed on Rasa).

- **Incomplete rules** (RulePolicy._check_for_incomplete_rules): each action has a fingerprint,
  the active loops and the featurized slots it sets in any rule (the steps right after it). Every
  rule that runs the action must show the same after it: an active loop among those (`null`
  written out when it is none), and those slots — unless the rule ends there with
  `wait_for_user_input: false`.
- **Contradicting rules**: two rules that reach the same state (the same intent after the
  same conditions, nothing else said) and predict different actions.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

NULL = "null"  # Rasa's SHOULD_NOT_BE_SET, as users write it


@dataclass
class _State:
    """What a rule has said so far: the active loop (None: unsaid) and featurized slots."""

    loop: str | None = None
    slots: set[str] = field(default_factory=set)


@dataclass
class _Step:
    action: str
    state: _State  # after the action and the events that follow it
    sets_loops: set[str]
    sets_slots: set[str]
    last: bool


def featurized_slots(domain: dict[str, Any]) -> set[str]:
    """Slots that influence the conversation (Rasa's default for every type but `any`)."""
    found = set()
    for name, spec in (domain.get("slots") or {}).items():
        spec = spec or {}
        if spec.get("type") != "any" and spec.get("influence_conversation", True):
            found.add(name)
    return found


def _loop_value(value: Any) -> str:
    return NULL if value in (None, "null") else str(value)


def _slot_names(items: Any, featurized: set[str]) -> set[str]:
    names: set[str] = set()
    for item in items or []:
        keys = item.keys() if isinstance(item, dict) else [item]
        names.update(k for k in keys if k in featurized)
    return names


def _walk(rule: dict[str, Any], featurized: set[str]) -> list[_Step]:
    """The actions of a rule with the state after each."""
    state = _State()
    for cond in rule.get("condition") or []:
        if "active_loop" in cond:
            state.loop = _loop_value(cond["active_loop"])
        if "slot_was_set" in cond:
            state.slots |= _slot_names(cond["slot_was_set"], featurized)
    steps: list[_Step] = []
    for step in rule.get("steps") or []:
        if "action" in step:
            steps.append(
                _Step(step["action"], _State(state.loop, set(state.slots)), set(), set(), False)
            )
        elif "active_loop" in step:
            state.loop = _loop_value(step["active_loop"])
            if steps:
                steps[-1].sets_loops.add(state.loop)
                steps[-1].state.loop = state.loop
        elif "slot_was_set" in step:
            names = _slot_names(step["slot_was_set"], featurized)
            state.slots |= names
            if steps:
                steps[-1].sets_slots |= names
                steps[-1].state.slots |= names
        else:  # a user turn (intent, or): what follows is after action_listen
            if steps:
                steps.append(
                    _Step(
                        "action_listen", _State(state.loop, set(state.slots)), set(), set(), False
                    )
                )
    if steps:
        steps[-1].last = True
    return [s for s in steps if s.action != "action_listen"]


def incomplete_rules(rules: list[dict[str, Any]], domain: dict[str, Any]) -> list[str]:
    """Rasa's "Incomplete rules found" messages, one per incomplete action in a rule."""
    featurized = featurized_slots(domain)
    walked = [(rule, _walk(rule, featurized)) for rule in rules if "rule" in rule]
    loops: dict[str, set[str]] = defaultdict(set)
    slots: dict[str, set[str]] = defaultdict(set)
    for _, steps in walked:
        for step in steps:
            loops[step.action] |= step.sets_loops
            slots[step.action] |= step.sets_slots
    messages = []
    for rule, steps in walked:
        name = rule["rule"]
        for step in steps:
            if step.last and rule.get("wait_for_user_input") is False:
                continue  # the rule goes on elsewhere: nothing to check after it
            missing = slots[step.action] - step.state.slots
            if missing:
                messages.append(
                    f"- the action '{step.action}' in rule '{name}' does not set some of the"
                    f" slots that it sets in other rules. Slots not set in rule '{name}':"
                    f" '{', '.join(sorted(missing))}'. Please update the rule with an"
                    " appropriate slot or if it is the last action add"
                    " 'wait_for_user_input: false' after this action."
                )
            expected = loops[step.action]
            if expected and step.state.loop not in expected:
                shown = sorted(expected | {step.action})
                messages.append(
                    f"- the form '{step.action}' in rule '{name}' does not set the"
                    f" 'active_loop', that it sets in other rules: '{', '.join(shown)}'."
                    " Please update the rule with the appropriate 'active loop' property or"
                    " if it is the last action add 'wait_for_user_input: false' after this"
                    " action."
                )
    return messages


def contradicting_rules(rules: list[dict[str, Any]], domain: dict[str, Any]) -> list[str]:
    """Rules that start from the same conditions and intent but predict different actions."""
    featurized = featurized_slots(domain)
    first: dict[tuple, list[tuple[str, str]]] = defaultdict(list)
    for rule in rules:
        if "rule" not in rule:
            continue
        steps = rule.get("steps") or []
        if len(steps) < 2 or "intent" not in steps[0] or "action" not in steps[1]:
            continue
        loop, slot_names = None, set()
        for cond in rule.get("condition") or []:
            if "active_loop" in cond:
                loop = _loop_value(cond["active_loop"])
            if "slot_was_set" in cond:
                slot_names |= _slot_names(cond["slot_was_set"], featurized)
        key = (steps[0]["intent"], loop, frozenset(slot_names))
        first[key].append((rule["rule"], steps[1]["action"]))
    messages = []
    for (intent, _, _), found in first.items():
        actions = {action for _, action in found}
        if len(actions) > 1:
            for name, action in found:
                others = sorted(n for n, a in found if a != action)
                messages.append(
                    f"- the prediction of the action '{action}' in rule '{name}' is"
                    f" contradicting with rule(s) '{', '.join(others)}' (after intent"
                    f" '{intent}')."
                )
    return messages
