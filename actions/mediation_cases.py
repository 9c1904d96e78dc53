"""Submitting a confirmed mediation request as a case, and showing a worker their cases."""

from __future__ import annotations

import logging
import re
from datetime import datetime
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.assent import clean_demand
from actions.buttons import button, buttons
from actions.identity import worker_from
from actions.mediation_text import EDITABLE, NOT_SUBMITTED_YET, WHY_NOT_FOUND
from actions.message import (
    latest_confidence,
    latest_entity,
    latest_intent,
    previous_action,
    typed_text,
)
from actions.policy_followups import policy_followup_instead
from actions.services import ServiceAction
from actions.validators import clean_description, clean_employer, clean_name, clean_phone
from bot.core.clock import Clock
from bot.domain.cases import DISPUTE_TYPES
from bot.domain.groups import group_label, group_size
from bot.domain.people import mask_phone
from bot.store import cases as repo
from bot.store.models import CASE_STATUS_LABELS

log = logging.getLogger(__name__)

CASE_SLOTS = (
    "employer",
    "dispute_type",
    "description",
    "demand",
    "mediation_confirm",
    "edit_field",
)
GROUP_TEXT = (
    "这是涉及多名职工的劳动争议，工会会安排专人对接；调解员联系您时，请准备好一起维权的工友名单和"
    "联系方式，人数较多的可以推选代表参加调解。"
)
NEXT_STEPS = (
    "接下来：区总工会职工服务中心的调解员会在 3 个工作日内电话联系您（{phone}），请留意来电。\n"
    "根据《劳动争议调解仲裁法》第十四条，自收到申请之日起 15 日内未达成调解协议的，"
    "可以依法申请劳动仲裁。\n想查进度，随时说“查询调解进度”。"
)


WAITING_LINE = "   下一步：调解员会在提交后 3 个工作日内打电话联系您（{phone}），请留意来电"
# while waiting for that call (the FAQ's entry on what to bring, mediation_materials)
PREPARE_LINE = (
    "   等电话时可以先准备：身份证，能证明在那里上班的材料（劳动合同、工牌、考勤、工资条或"
    "银行流水、聊天记录），和诉求有关的证据"
)


def local_date(clock: Clock, moment: datetime) -> str:
    """A stored naive-UTC time as the worker's calendar date."""
    d = clock.local(moment)
    return f"{d.year}年{d.month}月{d.day}日"


def _dispute_type(value: Any) -> str | None:
    return value if value in DISPUTE_TYPES else None


CLEANERS = {
    "name": clean_name,
    "phone": clean_phone,
    "employer": clean_employer,
    "dispute_type": _dispute_type,
    "description": clean_description,
    "demand": clean_demand,
}


class ActionSubmitMediation(ServiceAction, Action):
    """Creates the case only from a confirmed, complete request, and gives its number."""

    def name(self) -> str:
        return "action_submit_mediation"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        restart = buttons(button("申请调解", "mediation_request"))
        if tracker.get_slot("mediation_confirm") is not True:
            dispatcher.utter_message(
                text="调解申请还没有确认，所以没有提交。需要的话说“申请调解”继续填写。",
                buttons=restart,
            )
            return [SlotSet("mediation_confirm", None)]
        values = {k: clean(tracker.get_slot(k)) for k, clean in CLEANERS.items()}
        missing = [k for k, v in values.items() if v is None]
        if missing:
            # defensive: never store a case with a gap; the form asks the missing ones again
            labels = "、".join(EDITABLE[k] for k in missing)
            dispatcher.utter_message(
                text=f"申请信息不完整（{labels}），这次没有提交。请说“申请调解”补充后再提交。",
                buttons=restart,
            )
            return [SlotSet("mediation_confirm", None)] + [SlotSet(k, None) for k in missing]
        worker = worker_from(tracker)
        group = group_label(group_size(values["description"]))
        if group:  # a collective dispute is marked for the mediators at the top of the story
            values["description"] = f"【{group}】{values['description']}"
        request = repo.CaseRequest(**values)
        with self.services.db.session() as s:
            case = repo.find_open_duplicate(s, worker.channel, worker.sender_id, request)
            if case is not None:
                head = f"这份申请已经提交过了，案件编号：{case.case_no}，不用重复提交。"
            else:
                case = repo.create_case(
                    s,
                    request,
                    channel=worker.channel,
                    sender_id=worker.sender_id,
                    today=self.services.today(),
                    conversation_id=worker.conversation_id,
                )
                log.info("mediation case %s created", case.case_no)
                head = f"您的调解申请已提交，案件编号：{case.case_no}（请记下，查询进度时用）。"
        if group:
            head += "\n" + GROUP_TEXT
        dispatcher.utter_message(
            text=head + "\n" + NEXT_STEPS.format(phone=mask_phone(request.phone)),
            buttons=buttons(button("查询调解进度", "mediation_status")),
        )
        return [SlotSet(k, None) for k in CASE_SLOTS]


# a case number as the bot gives it (TJ20261205-0001)
CASE_NO = re.compile(r"TJ\d{8}-\d{4}")
# below this a status request that finds no case is taken as not understood
UNSURE_STATUS = 0.3
_ITS_STATE_ASKED = re.compile(
    r"(?:申请|报|交|登记)了?(?:个|一个)?调解[^。]{0,12}(?:情况|进度|怎么样|咋样|到哪|结果|有人|消息)"
)
# ... and right after a policy answer, below this it may be a follow-up to that answer
UNSURE_AFTER_ANSWER = 0.5


# how long until the dispute is settled (not when the mediator calls: the status says that)
_RESULT_HOW_LONG = re.compile(
    r"(?:好久|多久|多长时间|几天)[^，,。]{0,4}(?:结果|调好|办完|解决|搞定|完)"
    r"|(?:结果|调好|解决)[^，,。]{0,4}(?:好久|多久|多长时间)"
)
DURATION_ENTRY = "mediation_duration"  # the FAQ entry on how long mediation takes


# where the case stands, asked ("现在是啥子状态", "到哪步了")
ASKS_WHERE_IT_STANDS = re.compile(
    r"状态|到哪步|哪一步|到哪了|进度|进展|咋样了|怎么样了|处理到|啥子情况|什么情况|啥情况"
)
DURATION_LINE = (
    "调解一般在收到申请之日起15日内结束；15日内没达成调解协议的，可以直接申请劳动仲裁"
    "（《劳动争议调解仲裁法》第十四条）。"
)


class ActionMediationStatus(ServiceAction, Action):
    """Lists the worker's own cases with where each one stands."""

    def name(self) -> str:
        return "action_mediation_status"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        from actions.case_additions import addition_instead  # (it reads CASE_NO from here)

        added = addition_instead(tracker)
        if added:
            # "银行流水我也拉出来了 … 补充到我那个申请头": more for the case, not where it stands
            return added
        asks_both = ASKS_WHERE_IT_STANDS.search(typed_text(tracker)) is not None
        if (
            previous_action(tracker) == "action_submit_mediation"
            and _RESULT_HOW_LONG.search(typed_text(tracker))
            and not asks_both
        ):
            # "要等好久才有结果" right after filing: how long mediation takes (15 days)
            return [SlotSet("faq_id", DURATION_ENTRY), FollowupAction("action_answer_policy")]
        worker, clock = worker_from(tracker), self.services.clock
        with self.services.db.session() as s:
            rows = repo.list_for_worker(s, worker.channel, worker.sender_id)
            # ("我现在一共有几个申请": how many, and each one's employer to tell them apart)
            lines = [f"您的调解申请（共{len(rows)}件）：" if len(rows) > 1 else "您的调解申请："]
            for i, (case, update) in enumerate(rows, 1):
                lines += [
                    f"{i}. 案件编号：{case.case_no}",
                    f"   用人单位：{case.employer}",
                    f"   纠纷类型：{case.dispute_type}",
                    f"   提交日期：{local_date(clock, case.created_at)}",
                    f"   当前状态：{CASE_STATUS_LABELS.get(case.status, case.status)}",
                ]
                if update is not None and update.note:
                    lines.append(
                        f"   最新进展：{update.note}（{local_date(clock, update.created_at)}）"
                    )
                if case.status == "submitted":
                    # "好久有人联系我": what happens next, and on which number
                    lines.append(WAITING_LINE.format(phone=mask_phone(case.phone)))
                    lines.append(PREPARE_LINE)
                elif case.status in ("accepted", "mediating") and case.mediator:
                    lines.append(f"   调解员：{case.mediator}（会通过电话和您联系）")
        if (
            not rows
            and latest_intent(tracker) == "mediation_status"
            and latest_confidence(tracker) < UNSURE_STATUS
            and not CASE_NO.search(typed_text(tracker).upper())
            # ("我上个礼拜在这里申请了调解 现在啥子情况了": a request filed, its state asked)
            and not _ITS_STATE_ASKED.search(typed_text(tracker))
        ):
            # "开始了没得 现在报还来得及不" after a course, barely read as a status request, and
            # no case to show: read as not understood (the course or the offer in view first)
            return [FollowupAction("action_fallback")]
        if not rows and latest_confidence(tracker) < UNSURE_AFTER_ANSWER:
            # "那我呢 男的有假没得" right after the maternity leave, half read as "my case":
            # with no case to show, the follow-up to the answer just given
            followup = policy_followup_instead(self.services, tracker)
            if followup:
                return followup
        if (
            not rows
            and latest_intent(tracker) != "mediation_status"
            and latest_entity(tracker, "phone")
        ):
            # the number typed after "没有查到您在这里提交过": why it finds nothing, and who can help
            dispatcher.utter_message(
                text=(
                    "您这个账号下没有查到调解申请。"
                    "为了保护个人信息，这里不能按手机号查别人的或别处的调解申请"
                    "（谁都可以输入一个号码）。转人工后，工作人员核实您的身份，再帮您查进度。"
                ),
                buttons=buttons(button("转人工", "human_handoff")),
            )
            return []
        if not rows and WHY_NOT_FOUND.search(typed_text(tracker)):
            # "咋个会查不到喃 是不是没交上去哦": no case number means it was never handed in here
            dispatcher.utter_message(
                text=(
                    "没有拿到案件编号的话，一般是当时没有提交成功（最后要点“确认提交”，看到编号才算登记上）；"
                    "也可能是用别的微信号、电话或在窗口提交的。可以在这里重新申请，"
                    "或者转人工，由工作人员核实后帮您查。"
                ),
                buttons=buttons(
                    button("重新申请调解", "mediation_request"), button("转人工", "human_handoff")
                ),
            )
            return []
        filling = (tracker.active_loop or {}).get("name") == "mediation_form"
        if not rows and filling:
            # "我那个案子咋样了" at the summary of the request being filled: not handed in yet
            dispatcher.utter_message(text=NOT_SUBMITTED_YET)
            return []
        if not rows:
            # a case filed from another account or phone is not looked up by a number typed
            # here: anyone could type anyone's number (staff check who is asking)
            typed = CASE_NO.search(typed_text(tracker).upper())
            not_found = f"在您这个账号下没有找到编号 {typed.group(0)} 的申请。" if typed else ""
            dispatcher.utter_message(
                text=(
                    f"{not_found}没有查到您在这里提交过调解申请。如果是用别的微信号、电话或在窗口提交的，"
                    "为了保护个人信息，这里不能按手机号查询，可以转人工，由工作人员核实身份后帮您查。"
                    "遇到劳动纠纷，也可以在这里申请调解。"
                ),
                buttons=buttons(
                    button("申请调解", "mediation_request"), button("转人工", "human_handoff")
                ),
            )
            return []
        if filling:
            lines.append("正在填的这份申请还没有提交，点“确认提交”后才会登记。")
        if asks_both and _RESULT_HOW_LONG.search(typed_text(tracker)):
            # "那好久有结果哦 现在是啥子状态": where it stands, and how long mediation takes
            lines.append(DURATION_LINE)
        lines.append("如有疑问，可以说“转人工”联系工作人员。")
        dispatcher.utter_message(text="\n".join(lines))
        return []
