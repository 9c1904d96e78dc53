"""A message that is about the worker's own mediation case, whatever it was read as: how long
it takes or what comes next right after the case was shown, where it stands asked by phone,
the request withdrawn (split from actions/offers.py)."""

from __future__ import annotations

import re

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet

from actions.case_additions import filed_here
from actions.case_cost import case_cost_instead
from actions.mediation_cases import ASKS_WHERE_IT_STANDS, CASE_NO
from actions.mediation_text import WHY_NOT_FOUND
from actions.message import as_chinese, latest_entity, previous_action, typed_text
from intents.overrides import ENROLMENT_TALK

NOT_WITHDRAWN = re.compile(r"[不别莫]撤|不要撤|先不")
# "咋个这么慢 好久才有结果嘛" right after the worker's case was shown: how long mediation takes
_HOW_LONG = re.compile(r"好久|多久|多长时间|几天|慢|啥时候|什么时候|哪天|拖(?!欠)")
CASE_DURATION = "mediation_duration"
_WHAT_IF = re.compile(r"要是|如果|万一|假如|超过|过了")
# another subject the worker asks about right after the case ("工伤认定", "仲裁", "年假")
_OTHER_SUBJECT = re.compile(
    r"工伤|认定|仲裁|起诉|法院|时效|时间限制|年假|社保|补偿|赔偿|多赔|加付|产假|婚假|病假|陪产|育儿|医疗期"
    # "拖这么久 老板除了工资还要不要赔点啥子": more than the wages, not how long
    r"|除了(?:工资|工钱)|(?:工资|工钱)(?:以外|之外)"
)  # the FAQ entry on how long mediation takes
# "然后呢 我要做啥子", "好久有人找我" right after filing: what happens next
_WHAT_NEXT = re.compile(
    r"然后呢|接下来|下一步|(?:要|该|还要|还得)(?:做|干|弄|准备|带)(?:啥|什么|些)|好久有人|多久有人|"
    r"哪个(?:联系|找)|谁(?:联系|找)我|(?:就|只)?等着?(?:就行|就可以|吗|嘛)|咋个弄|怎么弄"
    # ("那好久有人打电话给我哦", "多久 until 有人联系我": the mediator's call)
    r"|有人(?:联系|打电话|来电话|找|打)(?:给)?我|有人打电话给我"
)
WHAT_NEXT_MAX_CHARS = 30


def case_question_instead(tracker: Tracker) -> list[EventType] | None:
    """Right after the status of the worker's case, a short question about how long it
    takes is answered from the FAQ entry on it (whatever the classifier read)."""
    from actions.case_additions import addition_instead  # (it reads the case actions)

    cost = case_cost_instead(tracker)  # "do i need to pay anything for this" after filing
    # ("新的是177… 你帮我改一哈", "老板电话是159…" after filing: kept for the case)
    if cost or addition_instead(tracker):
        return cost or addition_instead(tracker)
    text = typed_text(tracker)
    if text and not re.search(r"[\u4e00-\u9fff]", text):
        text = as_chinese(text)  # ("how long does it take" right after filing)
    if previous_action(tracker) == "action_mediation_status" and WHY_NOT_FOUND.search(text):
        # "咋个会查不到喃 是不是没交上去哦": why the request is not found, said by the status action
        return [FollowupAction("action_mediation_status")]
    if (
        previous_action(tracker) in ("action_mediation_status", "action_submit_mediation")
        and 0 < len(text) <= 30
        and ASKS_WHERE_IT_STANDS.search(text)
        # (not "那要是超过15天还莫得结果呢": what happens then, asked)
        and not _WHAT_IF.search(text)
    ):
        # "那好久有结果哦 现在是啥子状态": where the case stands (and how long it takes)
        return [FollowupAction("action_mediation_status")]
    if _OTHER_SUBJECT.search(text):
        return None  # "对了 工伤认定有没得时间限制哦 我怕拖过了": asked of another thing
    if (
        previous_action(tracker) == "action_mediation_status"
        and 0 < len(text) <= 30
        and _HOW_LONG.search(text)
    ):
        return [SlotSet("faq_id", CASE_DURATION), FollowupAction("action_answer_policy")]
    if (
        previous_action(tracker) == "action_submit_mediation"
        and 0 < len(text) <= WHAT_NEXT_MAX_CHARS
        and _WHAT_NEXT.search(text)
    ):
        # "提交了然后呢 我要做啥子 好久有人找我": the case just filed, where it stands and what
        # to get ready while waiting for the mediator's call
        return [FollowupAction("action_mediation_status")]
    if (
        previous_action(tracker) == "action_submit_mediation"
        and 0 < len(text) <= WHAT_NEXT_MAX_CHARS
        and _HOW_LONG.search(text)
    ):
        # "大概好久才有结果哦" right after filing: how long mediation takes
        return [SlotSet("faq_id", CASE_DURATION), FollowupAction("action_answer_policy")]
    return None


def status_by_phone_instead(tracker: Tracker) -> list[EventType] | None:
    """ "编号我忘了 电话是158…" right after "您在这里没有查到您在这里提交过调解申请": the status action
    says why a typed number finds no case, instead of "没太明白"."""
    if previous_action(tracker) == "action_mediation_status" and latest_entity(tracker, "phone"):
        return [FollowupAction("action_mediation_status")]

    if CASE_NO.search(typed_text(tracker).upper()):  # "编号好像是TJ20261116-0007"
        return [FollowupAction("action_mediation_status")]
    return None


# "算了 我还是想撤回 我准备直接去仲裁" once a request was filed: that request withdrawn (the
# action names it and asks to confirm); not a course ("报名撤了") and never "不撤"
# ("经理说要私了 那个申请不要了": the request, not wanted any more)
# ("那个申请我不要了": the worker named between)
_WITHDRAWS = re.compile(
    r"(?<![不别莫])(?:撤回|撤销|撤掉|撤了|撤嘛)|申请(?:我|我们)?(?:不要了|不用了|不弄了|不搞了)"
)


def withdrawal_instead(tracker: Tracker) -> list[EventType] | None:
    """A bare withdrawal ("我还是想撤回") when this conversation shows a filed request."""
    text = typed_text(tracker)
    if (
        not _WITHDRAWS.search(text)
        or NOT_WITHDRAWN.search(text)
        or ENROLMENT_TALK.search(text)
        or tracker.active_loop
    ):
        return None
    return [FollowupAction("action_withdraw_case")] if filed_here(tracker) else None
