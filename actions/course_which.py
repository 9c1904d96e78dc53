"""A follow-up that names no course of the list in view: which one is meant, asked with the
list's buttons; with no list, what else the message may be (the FAQ, a sum worked out, what
mediation costs)."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, FollowupAction
from rasa_sdk.executor import CollectingDispatcher

from actions.buttons import button, buttons
from actions.course_followup_cues import COURSE_WORD, NO_LIST_TEXT, WHICH_TEXT, shown_count
from actions.course_list import category_buttons
from actions.mediation_asks import mediation_aspect_instead
from actions.message import ran_this_turn
from actions.policy_followups import find_answer
from actions.worked_out import worked_out_reply
from bot.store import courses as repo
from bot.store.models import Course


def ask_which(
    services: Any,
    dispatcher: CollectingDispatcher,
    s: Any,
    listed: list[Course],
    tracker: Tracker,
    text: str,
) -> list[EventType]:
    """Which course of `listed` the message asks about; with none listed, another reading."""
    if not listed:
        # no course in view or named: the FAQ may know for sure (调解要交钱不 …; "这个要钱吗"
        # while a mediation request is filled in: what mediation costs)
        if mediation := mediation_aspect_instead(services, dispatcher, tracker):
            return mediation
        handed = ran_this_turn(tracker, "action_answer_policy")
        if text and not handed and worked_out_reply(services, tracker, text):
            # ("how much is that? I earn 4350 a month" at a request's summary, 多少钱 heard
            # as a fee: the sum of what the worker told, worked out)
            return [FollowupAction("action_answer_policy")]
        verdict = find_answer(services, tracker, text)[0] if text and not handed else None
        # ("那我下一步自己去申请的话 要准备些啥子材料" after the injury answers: likely enough)
        if verdict == "answer" or (
            verdict == "likely" and tracker.get_slot("last_faq") and not COURSE_WORD.search(text)
        ):
            return [FollowupAction("action_answer_policy")]
        available = repo.open_courses(s, services.today())
        dispatcher.utter_message(text=NO_LIST_TEXT, buttons=category_buttons(available))
        return []
    options = [
        button(c.name, "course_followup", course_id=c.code) for c in listed[: shown_count(listed)]
    ]
    dispatcher.utter_message(text=WHICH_TEXT, buttons=buttons(*options))
    return []
