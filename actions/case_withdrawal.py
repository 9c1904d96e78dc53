"""A worker withdraws their own mediation request ("和老板谈好了 调解申请撤回"): the case is
named back to them and confirmed first, then marked 已撤回 in its timeline, where the
mediators see it. Only the worker's own open cases can be withdrawn, and only by them."""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.buttons import button, buttons
from actions.identity import worker_from
from actions.mediation_cases import CASE_NO
from actions.message import last_bot_text, latest_entity, latest_intent, typed_text
from actions.offers import taken_offer
from actions.services import ServiceAction
from bot.store import cases as repo
from bot.store.models import MediationCase

WITHDRAW_INTENT = "withdraw_case"
CONFIRM_INTENT = "withdraw_case_confirm"
# a case still in the mediators' hands; a finished one has nothing left to withdraw
WITHDRAWABLE = ("submitted", "accepted", "mediating")
NOTE = "职工本人在对话中撤回了调解申请。"
NONE_TEXT = (
    "您在这里没有可以撤回的调解申请（已经结束或撤回的不用再撤）。想看申请的情况，可以点“查询进度”。"
)
WHICH_TEXT = "您有几件调解申请还在处理，要撤回哪一件？"
DONE_TEXT = (
    "已撤回调解申请 {case_no}，调解员不会再处理这件事。以后如果还需要，可以随时重新申请调解。"
)


def _describe(case: MediationCase) -> str:
    return f"{case.case_no}（{case.dispute_type}）"


def confirm_text(case: MediationCase) -> str:
    return (
        f"确定要撤回调解申请 {_describe(case)}吗？撤回后调解员就不再处理了；"
        "如果只是想改信息或补充情况，可以转人工跟工作人员说。"
    )


class ActionWithdrawCase(ServiceAction, Action):
    """Names the case to withdraw and asks to confirm; withdraws it on 确认撤回."""

    def name(self) -> str:
        return "action_withdraw_case"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        worker = worker_from(tracker)
        typed = CASE_NO.search(typed_text(tracker).upper())
        wanted = latest_entity(tracker, "case_no") or (typed.group(0) if typed else None)
        confirmed = latest_intent(tracker) == CONFIRM_INTENT
        taken = taken_offer(tracker)  # "好的" / "确认撤回" typed under the question
        if taken is not None and taken[0] == CONFIRM_INTENT:
            confirmed, wanted = True, str(taken[1].get("case_no") or "") or wanted
        with self.services.db.session() as s:
            own = [
                case
                for case, _ in repo.list_for_worker(s, worker.channel, worker.sender_id)
                if case.status in WITHDRAWABLE
            ]
            if wanted:
                own = [c for c in own if c.case_no == wanted]
            if not own:
                dispatcher.utter_message(
                    text=NONE_TEXT, buttons=buttons(button("查询进度", "mediation_status"))
                )
                return []
            if len(own) > 1:
                options = [
                    button(f"撤回 {_describe(c)}", WITHDRAW_INTENT, case_no=c.case_no) for c in own
                ]
                dispatcher.utter_message(text=WHICH_TEXT, buttons=buttons(*options[:5]))
                return []
            case = own[0]
            if not confirmed:
                dispatcher.utter_message(
                    text=confirm_text(case),
                    buttons=buttons(
                        button("确认撤回", CONFIRM_INTENT, case_no=case.case_no),
                        button("不撤回", "deny"),
                        button("转人工", "human_handoff"),
                    ),
                )
                return []
            repo.change_status(s, case, "withdrawn", NOTE, actor="worker")
            case_no = case.case_no
        dispatcher.utter_message(text=DONE_TEXT.format(case_no=case_no))
        return []


# "如果下个月他又不发 我还可以重新申请不" right after the withdrawal: applying again asked
_AGAIN = re.compile(r"重新申请|再申请|再来申请|还(?:可以|能)申请|再(?:去)?调解|重新(?:来|弄|办)")
AGAIN_TEXT = (
    "可以。撤回不影响您的权利：以后他还是不发，随时可以重新申请调解，说“申请调解”就行；"
    "也可以直接申请劳动仲裁，或者打12333向劳动保障监察投诉。"
    "仲裁时效是1年，从知道或者应当知道权利被侵害之日起算，在职期间被拖欠的工资不受这1年限制"
    "（《劳动争议调解仲裁法》第二十七条）。"
)


def again_after_withdrawal(tracker: Tracker) -> str | None:
    """Whether the worker may apply again, asked right after their request was withdrawn:
    yes, and the time limit that still runs; None otherwise."""
    if not _AGAIN.search(typed_text(tracker)):
        return None
    if last_bot_text(tracker).startswith("确定要撤回"):
        # "要是他到时候又不给 我还可以再申请不" while the withdrawal waits to be confirmed
        return AGAIN_TEXT + "\n还要撤回的话，点“确认撤回”；不撤了就点“不撤回”。"
    return AGAIN_TEXT if last_bot_text(tracker).startswith("已撤回") else None
