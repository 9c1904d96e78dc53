"""Chinese names for what the console shows: channels, handoff reasons, states, intents, slots."""

from __future__ import annotations

CHANNELS = {
    "wechat": "微信",
    "telegram": "Telegram",
    "web": "网页",
    "rest": "REST",
    "callback": "REST回调",
    "shell": "终端",
}

REASONS = {
    "asked": "主动要求人工",
    "repeated_fallback": "多次没听懂",
    "frustrated": "情绪不满",
}

STATES = {
    "bot": "机器人服务中",
    "waiting_for_human": "等待人工",
    "with_human": "人工服务中",
    "closed": "已结束",
}

INTENTS = {
    "greet": "问候",
    "goodbye": "道别",
    "thanks": "感谢",
    "help": "求助",
    "affirm": "肯定",
    "deny": "否定",
    "cancel": "取消",
    "inform": "提供信息",
    "course_search": "查课程",
    "course_enroll": "报名课程",
    "course_followup": "问课程详情",
    "my_enrolments": "我的报名",
    "cancel_enrolment": "取消报名",
    "mediation_request": "申请调解",
    "mediation_status": "调解进度",
    "policy_question": "政策咨询",
    "human_handoff": "转人工",
    "frustrated": "不满",
    "out_of_scope": "超出范围",
    "nlu_fallback": "没听懂",
    "bot_challenge": "问是不是机器人",
}

SLOTS = {
    "name": "姓名",
    "phone": "电话",
    "employer": "单位",
    "dispute_type": "纠纷类型",
    "description": "情况",
    "demand": "诉求",
    "course_id": "课程编号",
    "course_name": "课程",
    "course_category": "课程类别",
    "time_of_day": "时段",
    "weekday": "星期",
    "fee": "费用",
    "faq_id": "政策条目",
    "handoff_reason": "转人工原因",
}
# form bookkeeping, meaningless to staff
HIDDEN_SLOTS = frozenset(
    {
        "requested_slot",
        "mediation_confirm",
        "enrolment_confirm",
        "edit_field",
        "enrolment_id",
        "handoff_reason",
        "last_faq",
        "last_topic",
        "course_list",
        "course_shown",
        "course_focus",
    }
)


def channel(name: str) -> str:
    """微信 / Telegram / 网页 …; unknown names as they are."""
    return CHANNELS.get(name, name)


def reason(name: str | None) -> str:
    """Why the bot handed over, in words staff use."""
    return REASONS.get(name or "", name or "—")


def state(name: str) -> str:
    """A conversation state in Chinese."""
    return STATES.get(name, name)


def intent(name: str | None) -> str:
    """What the bot understood, in Chinese, next to the intent's own name."""
    return INTENTS.get(name or "", name or "—")
