"""A form left for staff, taken up again when the worker gives up the wait and says to go on
("算了 等不到 还是接到填嘛 电话186…"): what was filled is kept, the next question asked."""

from __future__ import annotations

import re

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, FollowupAction

from actions.message import typed_text

# "还是接到填嘛", "接着登记", "继续填", "那就填完嘛": going on with the form
_GOES_ON = re.compile(
    r"(?:接到|接着|接倒|继续)(?:填|登记|申请|报名|弄|办)"
    r"|(?:还是|那就|就|我)(?:自己)?(?:填完|填了|填嘛|填吧)"
)
# how many of the worker's messages back the handoff may be
LEFT_WITHIN = 3
_RESUMABLE = ("mediation_form", "enrolment_form")


def form_left_for_staff(tracker: Tracker) -> str | None:
    """The form that was being filled when the worker asked for staff a message or two ago."""
    users, handed = 0, False
    for e in reversed(tracker.events):
        kind = e.get("event")
        if kind == "user" and not handed:
            users += 1
            if users > LEFT_WITHIN:
                return None
        elif kind == "action" and e.get("name") == "action_handoff":
            handed = True
        elif handed and kind == "active_loop":
            name = e.get("name")
            return str(name) if name in _RESUMABLE else None
    return None


def resumed_form_instead(tracker: Tracker) -> list[EventType] | None:
    """The form left for staff, started again, when the message says to go on with it."""
    form = form_left_for_staff(tracker)
    if form and _GOES_ON.search(typed_text(tracker)):
        return [FollowupAction(form)]
    return None
