"""The actions package as Rasa's action server and our engine load it: names, no db at import."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from rasa_sdk.executor import ActionExecutor

from actions.services import ServiceAction
from bot.engine.registry import ActionRegistry
from tests.actions.action_support import DOMAIN, ROOT

OURS = {
    "action_search_courses", "action_enrol_course", "action_my_enrolments",
    "action_cancel_enrolment", "validate_enrolment_form", "validate_mediation_form",
    "action_submit_mediation", "action_mediation_status", "action_answer_policy",
    "action_handoff", "action_fallback", "action_cancel_form", "action_out_of_scope",
    "action_ask_mediation_confirm", "action_withdraw_case",
}  # fmt: skip


def test_rasa_sdk_registers_every_action_without_touching_the_database(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # any attempt to build services from the environment would fail loudly here
    monkeypatch.setenv("WORKERBOT_CONFIG", str(tmp_path / "missing.yml"))
    monkeypatch.setenv("WORKERBOT_DATABASE_URL", f"sqlite:///{tmp_path / 'never.db'}")
    executor = ActionExecutor()
    executor.register_package("actions")
    assert OURS <= set(executor.actions)
    assert not (tmp_path / "never.db").exists()


def test_the_engine_registry_builds_them_with_services(services) -> None:  # noqa: ANN001
    registry = ActionRegistry(services)
    assert OURS <= set(registry.actions)
    for name in OURS:
        action = registry.actions[name]
        assert isinstance(action, ServiceAction) and action.services is services


def test_the_domain_declares_every_action_and_response_used() -> None:
    assert OURS <= set(DOMAIN["actions"])
    rules = yaml.safe_load((ROOT / "data" / "rules.yml").read_text(encoding="utf-8"))["rules"]
    used = {step["action"] for r in rules for step in r["steps"] if "action" in step}
    known = set(DOMAIN["actions"]) | set(DOMAIN["responses"]) | set(DOMAIN["forms"])
    assert used <= known
    for response in ("utter_invalid_phone", "utter_invalid_name", "utter_invalid_employer",
                     "utter_ask_edit_field", "utter_policy_not_found", "utter_default",
                     "utter_form_cancelled", "utter_out_of_scope", "utter_ask_policy_topic"):  # fmt: skip
        assert response in DOMAIN["responses"]


def test_every_button_in_the_domain_fits_telegram() -> None:
    for name, variants in DOMAIN["responses"].items():
        for v in variants:
            for b in v.get("buttons", []):
                assert len(b["payload"].encode("utf-8")) <= 64, (name, b)
