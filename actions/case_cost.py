"""What the worker's own case costs, asked right after filing it or seeing where it stands
("do i need to pay anything for this", "这个要交钱不"): the FAQ entry on mediation's fee
(free, and arbitration too: 《人民调解法》第四条；《劳动争议调解仲裁法》第五十三条), whatever
the classifier read (a course's fee, with no course in view; a guess among FAQ entries)."""

from __future__ import annotations

import re

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet

from actions.message import as_chinese, previous_action, typed_text

FEE_ENTRY = "mediation_fee"
# the actions after which "this" is the worker's case: filed, or its status shown
_CASE_SHOWN = frozenset({"action_submit_mediation", "action_mediation_status"})
_ASKS_COST = re.compile(
    r"要(?:不要)?(?:交|付|花|出)?钱|收(?:不收)?(?:钱|费)|(?:交|付|出)(?:不交|不付)?(?:钱|费)"
    r"|费用|免费|花钱|多少钱|好多钱"
)
# (not a course's or a lawyer's cost: another thing named)
# (and "一共欠了我们好多钱哦", "两个月是好多钱嘛": the sum owed, not a fee)
_OTHER_THING = re.compile(
    r"课|班|培训|报名|学费|律师|鉴定|体检|法院|起诉|欠|拖了|该赔|该补|个月|工资"
)
SHORT_QUESTION = 30


def case_cost_instead(tracker: Tracker) -> list[EventType] | None:
    """The fee entry, for a short question of cost right after the worker's case was filed or
    shown; None otherwise."""
    if previous_action(tracker) not in _CASE_SHOWN:
        return None
    text = typed_text(tracker)
    said = f"{text} {as_chinese(text)}"
    if not 0 < len(text) <= SHORT_QUESTION * 2 or _OTHER_THING.search(said):
        return None
    if not _ASKS_COST.search(said) or len(as_chinese(text)) > SHORT_QUESTION:
        return None
    return [SlotSet("faq_id", FEE_ENTRY), FollowupAction("action_answer_policy")]
