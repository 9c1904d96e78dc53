"""The name and phone an enrolment need not ask: told with an earlier wish to enrol (the
worker's own), or with the companion now enrolled ("把我老公也报上那个" after "… 他叫刘永福
137…")."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker

from actions.enrolment_cues import ENROLS
from actions.enrolment_party import companion_told_before
from actions.message import recent_user_texts, typed_text
from actions.opening import is_opening
from actions.person import name_and_phone
from bot.domain.party import person_before_number
from bot.domain.people import enrolled_for

# how far back a name and phone given with a wish to enrol are looked for
RECENT_FOR_DETAILS = 6


def given_before(tracker: Tracker, slot: str) -> dict[str, Any]:
    """ "周六上午那个做面包的课 我要报 陈晓燕 186…" … "那就报乒乓球": the name and phone the
    worker gave with an earlier wish to enrol (themselves), not asked again; for a companion,
    theirs told before."""
    if not is_opening(tracker):
        return {}
    called = enrolled_for(typed_text(tracker))
    if called:  # (the slots may hold the worker's own, from their enrolment)
        told = person_before_number(typed_text(tracker))
        if told is not None:  # "还有我表姐周敏 137… 也帮她登记个候补嘛"
            return {slot: told[0] if slot == "name" else told[1]}
        known = companion_told_before(tracker, called)
        return {slot: getattr(known, slot)} if known else {}
    if tracker.get_slot(slot) is not None:
        return {}
    for before in recent_user_texts(tracker, RECENT_FOR_DETAILS):
        if not ENROLS.search(before) or enrolled_for(before):
            continue
        name, phone = name_and_phone(before)
        if name and phone:
            return {slot: name if slot == "name" else phone}
    return {}
