"""data/rules.yml passes the checks Rasa's RulePolicy runs at training (issue 19)."""

from __future__ import annotations

from pathlib import Path

import yaml

from bot.app.datacheck import validate
from bot.engine.datacheck import rasa_rule_problems
from bot.engine.rulecheck import contradicting_rules, incomplete_rules

ROOT = Path(__file__).resolve().parents[2]
DOMAIN = yaml.safe_load((ROOT / "data" / "domain.yml").read_text(encoding="utf-8"))
CANCEL_INSIDE = {
    "rule": "cancel inside a form",
    "condition": [{"active_loop": "mediation_form"}],
    "steps": [{"intent": "cancel"}, {"action": "action_cancel_form"}, {"active_loop": None}],
}


def test_the_project_s_rules_are_complete_and_consistent():
    assert rasa_rule_problems(ROOT / "data") == []


def test_the_rule_rasa_refused_in_issue_19_is_refused_with_rasa_s_words():
    outside = {
        "rule": "cancel outside a form",
        "steps": [{"intent": "cancel"}, {"action": "action_cancel_form"}],
    }
    [message] = incomplete_rules([CANCEL_INSIDE, outside], DOMAIN)
    assert message.startswith(
        "- the form 'action_cancel_form' in rule 'cancel outside a form' does not set the"
        " 'active_loop', that it sets in other rules: 'action_cancel_form, null'."
    )
    # the fix Rasa asks for: say the loop is null, before and after
    fixed = {
        **outside,
        "condition": [{"active_loop": None}],
        "steps": [*outside["steps"], {"active_loop": None}],
    }
    assert incomplete_rules([CANCEL_INSIDE, fixed], DOMAIN) == []
    # or: the rule does not end there
    open_ended = {**outside, "wait_for_user_input": False}
    assert incomplete_rules([CANCEL_INSIDE, open_ended], DOMAIN) == []


def test_rules_predicting_two_actions_from_the_same_state_contradict():
    one = {"rule": "a", "steps": [{"intent": "greet"}, {"action": "utter_greet"}]}
    two = {"rule": "b", "steps": [{"intent": "greet"}, {"action": "utter_help"}]}
    messages = contradicting_rules([one, two], DOMAIN)
    assert len(messages) == 2 and "contradicting with rule(s) 'b'" in messages[0]
    inside = {**two, "condition": [{"active_loop": "mediation_form"}]}
    assert contradicting_rules([one, inside], DOMAIN) == []


def test_data_validate_refuses_an_incomplete_rule(tmp_path):
    for name in ("domain.yml", "nlu.yml", "faq.yml"):
        (tmp_path / name).write_bytes((ROOT / "data" / name).read_bytes())
    rules = (ROOT / "data" / "rules.yml").read_text(encoding="utf-8")
    fixed = (
        "  - rule: cancel outside a form\n    condition:\n      - active_loop: null\n"
        "    steps:\n      - intent: cancel\n      - action: action_cancel_form\n"
        "      - active_loop: null\n"
    )
    as_it_was = (  # before issue 19's fix
        "  - rule: cancel outside a form\n"
        "    steps:\n      - intent: cancel\n      - action: action_cancel_form\n"
    )
    broken = rules.replace(fixed, as_it_was)
    assert broken != rules
    (tmp_path / "rules.yml").write_text(broken, encoding="utf-8")
    messages = "\n".join(str(p) for p in validate(tmp_path))
    assert "Incomplete rules found" in messages and "'cancel outside a form'" in messages
