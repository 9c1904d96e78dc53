"""A short follow-up that asks about an entry offered as a button under the answer just given."""

from __future__ import annotations

import json
from types import SimpleNamespace

from actions.message import offered_entries
from actions.policy_topic import offered_taken
from tests.actions.action_support import make_tracker, user_event


def _after(answered: str, offered: list[str], text: str):
    shown = [
        {"title": slug, "payload": "/policy_question" + json.dumps({"faq_id": slug})}
        for slug in offered
    ] + [{"title": "有帮助", "payload": '/faq_feedback{"faq_id":"x","helpful":1}'}]
    history = [
        user_event("前面的问题", "policy_question"),
        {"event": "action", "name": "action_answer_policy"},
        {"event": "bot", "text": "…", "data": {"buttons": shown, "faq": answered}},
    ]
    return make_tracker(text, "policy_question", history=history, slots={"last_faq": answered})


def test_the_entries_offered_under_the_last_answer_are_read_from_its_buttons():
    tracker = _after("contract_sign_deadline", ["wage_migrant_site", "injury_no_insurance"], "嗯")
    assert offered_entries(tracker) == ["wage_migrant_site", "injury_no_insurance"]


def test_a_follow_up_about_an_offered_entry_takes_it(bot):
    services = SimpleNamespace(knowledge=bot.knowledge, config=bot.settings.config)
    previous = bot.knowledge.get("contract_sign_deadline")
    # the worker told a contract and unpaid wages; the wage entry was offered under the answer
    tracker = _after("contract_sign_deadline", ["wage_migrant_site", "injury_no_insurance"], "")
    taken = offered_taken(services, tracker, "那工资咋个要", previous)
    assert taken is not None and taken.slug == "wage_migrant_site"


def test_not_when_the_answer_just_given_says_what_is_asked(bot):
    services = SimpleNamespace(knowledge=bot.knowledge, config=bot.settings.config)
    previous = bot.knowledge.get("mediation_failed")
    tracker = _after("mediation_failed", ["dispute_arbitration_form"], "")
    # 调解不成怎么办 says 仲裁不收费: the fee is asked of it, not of the form entry
    assert offered_taken(services, tracker, "仲裁要钱不", previous) is None
