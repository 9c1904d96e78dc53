"""Photos and files a worker sends for their mediation case: kept, placed, confirmed."""

from __future__ import annotations

import logging
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.buttons import button, buttons
from actions.identity import worker_from
from actions.services import ServiceAction
from bot.core.attachments import Attachment
from bot.domain import evidence as ev
from bot.domain.evidence_check import EMPTY, TOO_BIG

log = logging.getLogger(__name__)

PENDING_SLOT = "evidence_pending"
MAX_PENDING = 20  # files waiting for their case at one time (older ones wait in vain)
TYPES_TEXT = "图片（JPG、PNG、WebP、HEIC）和 PDF 文件"


def refusal(name: str, reason: str, max_bytes: int) -> str:
    """Why a file was not kept, and what the worker can do instead."""
    if reason == TOO_BIG:
        return (
            f"抱歉，文件「{name}」太大了，每个文件最大 {max_bytes // (1024 * 1024)} MB，"
            "这次没有收下。可以压缩或分成几份后再发送。"
        )
    if reason == EMPTY:
        return f"抱歉，文件「{name}」是空的，没有收下，请重新发送。"
    return (
        f"抱歉，只能收{TYPES_TEXT}，「{name}」不是这几种格式，这次没有收下。"
        "可以拍照后发送，或导出成 PDF 再发。"
    )


def attached(name: str, case_no: str) -> str:
    return (
        f"已收到您的材料「{name}」，已附到案件 {case_no}。"
        "调解员处理案件时会查看；还有其他材料可以继续发送。"
    )


def _sender(tracker: Tracker) -> ev.Sender:
    worker = worker_from(tracker)
    return ev.Sender(worker.channel, worker.sender_id, worker.conversation_id)


def _pending(tracker: Tracker) -> list[int]:
    value = tracker.get_slot(PENDING_SLOT)
    return [int(x) for x in value if isinstance(x, int)] if isinstance(value, list) else []


class ActionReceiveEvidence(ServiceAction, Action):
    """A file came in: refused, attached to the one open case, or the worker picks the case."""

    def name(self) -> str:
        return "action_receive_evidence"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        meta = (tracker.latest_message or {}).get("metadata") or {}
        attachment = meta.get("attachment")
        desk = self.services.evidence
        if not isinstance(attachment, Attachment) or desk is None:
            dispatcher.utter_message(text="抱歉，这个文件没有收到，请重新发送一次。")
            return []
        with self.services.db.session() as s:
            outcome = desk.receive(s, attachment, _sender(tracker))
        if outcome.kind == ev.REFUSED:
            dispatcher.utter_message(
                text=refusal(outcome.name, outcome.reason, desk.config.max_bytes)
            )
            return []
        if outcome.kind == ev.NO_CASE:
            dispatcher.utter_message(
                text=(
                    f"收到您发来的「{outcome.name}」。照片和文件（工资条、劳动合同、聊天截图等）"
                    "可以作为证据材料附到进行中的调解案件里，但您现在没有进行中的调解案件，"
                    "所以这份材料没有保存。需要的话，我可以帮您申请调解，提交后再把材料发给我。"
                ),
                buttons=buttons(
                    button("申请调解", "mediation_request"),
                    button("查询调解进度", "mediation_status"),
                ),
            )
            return []
        if outcome.kind == ev.DUPLICATE:
            dispatcher.utter_message(
                text=f"这份材料「{outcome.name}」已经附在案件 {outcome.case_no} 里了，不用重复发送。"
            )
            return []
        if outcome.kind == ev.ATTACHED:
            log.info("evidence %s attached to a case", outcome.evidence_id)
            dispatcher.utter_message(text=attached(outcome.name, outcome.case_no))
            return []
        # several open cases: keep it waiting and ask which one
        pending = (_pending(tracker) + [outcome.evidence_id])[-MAX_PENDING:]
        choices = [
            button(f"{case_no}（{kind}）", "attach_evidence", case_no=case_no)
            for case_no, kind in outcome.cases
        ]
        dispatcher.utter_message(
            text=f"收到您的材料「{outcome.name}」。您有 {len(outcome.cases)} 件进行中的调解案件，"
            "请选择这份材料属于哪一件：",
            buttons=buttons(*choices),
        )
        return [SlotSet(PENDING_SLOT, pending)]


class ActionAttachEvidence(ServiceAction, Action):
    """The worker picked the case for the files waiting for one."""

    def name(self) -> str:
        return "action_attach_evidence"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        case_no = next(tracker.get_latest_entity_values("case_no"), None)
        pending, desk = _pending(tracker), self.services.evidence
        if not pending or not isinstance(case_no, str) or desk is None:
            dispatcher.utter_message(text="没有等待归档的材料了。需要补充材料的话，请重新发送。")
            return [SlotSet(PENDING_SLOT, None)]
        lines: list[str] = []
        with self.services.db.session() as s:
            for evidence_id in pending:
                outcome = desk.place(s, evidence_id, case_no, _sender(tracker))
                if outcome.kind == ev.ATTACHED:
                    lines.append(attached(outcome.name, outcome.case_no))
                elif outcome.kind == ev.DUPLICATE:
                    lines.append(
                        f"「{outcome.name}」已经附在案件 {outcome.case_no} 里了，不用重复发送。"
                    )
        if not lines:
            lines.append("这件案件现在不能再补充材料了，或材料已经过期。请重新发送。")
        dispatcher.utter_message(text="\n".join(lines))
        return [SlotSet(PENDING_SLOT, None)]
