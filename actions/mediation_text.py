"""What a mediation request's words say and what its summary shows: the fields a worker may
change, a wish said in passing, the demand proposed for a kind of dispute, the summary."""

from __future__ import annotations

import re
from typing import Any

from actions.assent import clean_demand
from actions.opening import opening_demand
from actions.validators import CERTIFICATES, clean_dispute_type
from bot.domain.cases import DISPUTE_TYPES
from bot.domain.groups import group_label, group_size
from bot.domain.people import mask_phone
from intents.foreign import read_foreign
from intents.normalise import fold

# the fields a worker may change from the summary, in the order they were asked
EDITABLE = {
    "name": "姓名",
    "phone": "手机号",
    "employer": "用人单位",
    "dispute_type": "纠纷类型",
    "description": "事情经过",
    "demand": "调解诉求",
}
NO_EDIT = "none"
# the choice of what to change answered with a confirmation: handed in as it stands
SUBMIT = "submit"
SUBMIT_WORDS = re.compile(
    # "对的 就恁个提交", "对 就这样交上去", "没问题 提交嘛"
    r"(?:(?:就这样|没问题了?|都对|对的|对|是的|好的|好了|好|嗯|没错|可以了?|行了?)[，,\s]*)*"
    r"(?:就(?:恁个|这样|这么|这么样)?)?[，,\s]*"
    r"(?:确认提交|提交|确认|交上去|交了|递上去|报上去)(?:嘛|吧|了|哈|噻)?"
)
# a wish typed at the summary without 希望/要求: "要回7600块工资", "按法律补发加班费"
_WISH_AT_SUMMARY = re.compile(
    r"^(?:我|就)?(?:想|要|希望)?(?:按法律|依法|按规定|按劳动法)?(?:要回|讨回|拿回|追回|补发|补缴|补齐|补交"
    r"|支付|赔偿|退还|退回|退我|退押金|退保证金|退钱|还我|发给我|给我发|出具|开具|开离职证明|恢复"
    r"|要么|让我回去|回去上班|赔钱|赔我)"
    # "补偿按法律给", "工资依法补齐": what is owed, then how the law says to pay it
    r"|^[^，,。？?\s]{1,8}(?:按法律|依法|按规定|按劳动法)(?:给|付|赔|补|算|支付|发|结)"
)


# "八千块一次性给清", "5000元结清": a sum and how it should be paid
_SUM_WISH = re.compile(
    r"^(?:把)?[\d一二两三四五六七八九十百千万]+(?:块钱?|元|千|万)[^，,。]{0,8}"
    r"(?:给清|结清|付清|给齐|补齐|付给我|给我|一次性)"
)


def wish_in(text: str) -> str | None:
    """The demand a message says, with 希望/要求 or starting with its verb, in its words."""
    value = text.strip()
    said = opening_demand(text) or _WISH_AT_SUMMARY.search(value) or _SUM_WISH.search(value)
    return clean_demand(text) if said else None


# more of the story told where the demand is asked: what the boss said, when it began
MORE_STORY = re.compile(
    r"(?:老板|公司|单位|主管|经理|领导|厂里|厂头|站长)(?:说|讲|还说|就说)|进去的|进厂的|入职的|来的时候"
)
WISH_START = re.compile(r"^(?:我|就)?(?:要|想|希望|请求|只要|让|把|必须)")


# a worker asking after their case while this request is still being filled
NOT_SUBMITTED_YET = (
    "您正在填的这份调解申请还没有提交，填完并点“确认提交”后才会登记，并给您案件编号。"
    "以前提交过的申请，这件办完后说“查询调解进度”就能看。"
)
# the type of a dispute of no listed kind (押金, 离职证明)
OTHER_TYPE = "其他"
# what a worker with this kind of dispute almost always asks for: proposed in the summary
# (marked, and changed with 修改 or by saying the wish at the summary: the job back instead of
# money after a dismissal) instead of one more question on a phone; contract disputes and
# 其他 are too varied to guess and are asked
PROPOSED_DEMANDS = {
    "拖欠工资": "补发拖欠的工资",
    "加班费": "支付拖欠的加班费",
    "社会保险": "依法补缴社会保险",
    "工伤": "依法享受工伤待遇",
    "解除劳动合同": "依法支付经济补偿或赔偿金",
}
# … and for a dispute of no listed kind, what its words plainly ask back
OTHER_PROPOSALS = {
    "押金": "退还押金",
    "保证金": "退还保证金",
    "离职证明": "出具离职证明",
    "年假": "支付未休年休假的工资报酬",
    **{paper: "退还扣押的证件" for paper in CERTIFICATES},
}
# the demand of a worker who hands the request in without saying one ("好 确认提交" at the
# demand question): the mediator asks it on the phone
DEMAND_TO_ASK = "请工会帮忙协调（具体诉求由调解员电话确认）"
# every demand the bot may have filled in itself
PROPOSED = (
    frozenset(PROPOSED_DEMANDS.values())
    | frozenset(OTHER_PROPOSALS.values())
    | {DEMAND_TO_ASK, "支付未签书面劳动合同期间的二倍工资差额"}
)
PROPOSED_NOTE = "（按纠纷类型代填，不对请点“修改”）"
SUMMARY_DESCRIPTION_CHARS = 200
_EDIT_WORDS = (
    ("name", ("姓名", "名字")),
    ("phone", ("电话", "手机", "号码")),
    ("employer", ("单位", "公司", "老板", "厂")),
    ("dispute_type", ("类型", "类别", "种类")),
    ("description", ("经过", "情况", "描述", "事情")),
    ("demand", ("诉求", "要求", "希望", "结果")),
    (NO_EDIT, ("不用改", "不改", "没问题", "都对", "不修改")),
)


def field_from_text(text: str) -> str | None:
    """Which field "单位名字写错了" means: the earliest field word in the message."""
    best: tuple[int, str] | None = None
    for field, words in _EDIT_WORDS:
        for w in words:
            at = text.find(w)
            if at >= 0 and (best is None or at < best[0]):
                best = (at, field)
    return best[1] if best else None


def proposed_demand(dispute_type: Any, description: Any = None) -> str | None:
    """The demand proposed for this kind of dispute ("站长扣了我1500块押金不退", of no listed
    kind: 退还押金), or None when it must be asked."""
    kind = str(dispute_type or "")
    if kind == "拖欠工资" and "年假" in str(description or ""):
        return OTHER_PROPOSALS["年假"]  # "年假的钱公司不给": the pay for the leave not taken
    if kind == OTHER_TYPE:
        told = str(description or "")
        return next((wish for word, wish in OTHER_PROPOSALS.items() if word in told), None)
    # (a story kept as the worker typed it in English or pinyin, read in Chinese)
    told = str(description or "")
    told = f"{told} {read_foreign(fold(told))}"
    if kind == CONTRACT_TYPE and _NEVER_SIGNED.search(told) and _LEFT_OR_PAY.search(told):
        # "进去到走都没签过合同": the double wage for the months without one (one still at
        # work may want the contract signed instead: asked)
        return DOUBLE_WAGE_DEMAND
    return PROPOSED_DEMANDS.get(kind)


CONTRACT_TYPE = "劳动合同"
# ("我能要点啥子", "补签了前头的还作不作数": what is owed for the months, asked)
_LEFT_OR_PAY = re.compile(r"走|离职|辞职|辞工|不干|不做|双倍|二倍|两倍|能要|能拿|补签")
DOUBLE_WAGE_DEMAND = "支付未签书面劳动合同期间的二倍工资差额"
_NEVER_SIGNED = re.compile(
    r"(?:没|没有|未|从来没|一直没|都没)(?:跟我|和我|给我)?签(?:过|订)?(?:书面)?(?:劳动)?合同"
    r"|没得合同|莫得合同|没有合同|没合同"
)


def _proposed(slots: dict[str, Any]) -> bool:
    wanted = slots.get("demand")
    return wanted is not None and wanted == proposed_demand(
        slots.get("dispute_type"), slots.get("description")
    )


def summary(slots: dict[str, Any]) -> str:
    """What will be submitted, so the worker can check it before it goes to a mediator."""
    description = str(slots.get("description") or "")
    if len(description) > SUMMARY_DESCRIPTION_CHARS:
        description = description[:SUMMARY_DESCRIPTION_CHARS] + f"…（共{len(description)}字）"
    lines = ["请核对您的调解申请："]
    group = group_label(group_size(str(slots.get("description") or "")))
    for field, label in EDITABLE.items():
        value = description if field == "description" else slots.get(field)
        if field == "name" and group:
            label = "姓名（代表）"
        note = PROPOSED_NOTE if field == "demand" and _proposed(slots) else ""
        lines.append(f"{label}：{value or '（未填）'}{note}")
        if field == "dispute_type" and group:
            lines.append(f"涉及人数：{group}")
    lines.append("信息无误请点“确认提交”；需要改动请点“修改”。")
    return "\n".join(lines)


# what the opening message gave, said back before the form's first question
# (the name bare: "姓名" would read as the form asking it again)
_TAKEN_LABELS = {"name": "", "phone": "手机", "employer": "单位"}
TAKEN_MIN = 2


def taken_from_opening(slots: dict[str, Any]) -> str | None:
    """ "已记下：姓名何美玲，手机187****5918，单位…。" when the opening message gave at least two of
    the worker's details (a desk clerk says back what they wrote down), or None."""
    said = [
        f"{label}{mask_phone(str(slots[field])) if field == 'phone' else slots[field]}"
        for field, label in _TAKEN_LABELS.items()
        if slots.get(field)
    ]
    if len(said) < TAKEN_MIN:
        return None
    told = "，事情经过也记下了" if slots.get("description") else ""
    left = sum(1 for field in EDITABLE if not slots.get(field))
    more = "还要问您一个问题" if left == 1 else "还要问您几个问题"
    return f"好的，已记下：{'，'.join(said)}{told}。{more}。"


# a question about mediation at the end of a request with details ("… 调解要是公司不认账咋办")
ASKED_AT_THE_END = re.compile(
    r"(?:调解|仲裁)[^，,。？?\d]{0,14}(?:咋办|怎么办|咋个办|要钱不|收不收费|收费不|要好久|要多久)"
    r"[嘛呢哦啊]*[？?]*$"
)

TYPE_LABEL = re.compile(
    r"^(?:好的?|对|嗯|是)?[，,\s]*(?:纠纷)?(?:类型|类别)?(?:是|选|为|就是)?[：:\s]*"
)


LEADING_TYPE = re.compile(
    rf"^(?P<kind>{'|'.join(sorted(DISPUTE_TYPES, key=len, reverse=True))})[，,。：:\s]+(?P<story>.+)$"
)


def bare_type(text: str) -> str | None:
    """The kind of dispute when the message is only its name ("拖欠工资", "类型是加班费")."""
    rest = TYPE_LABEL.sub("", text.strip(" 。！!")).strip(" 。！!的")
    kind = clean_dispute_type(rest)
    return kind if kind and len(rest) <= len(kind) + 2 else None


# why a request the worker filed is not found, asked ("咋个会查不到喃", "是不是没交上去哦")
WHY_NOT_FOUND = re.compile(
    r"(?:咋个|怎么|为啥|为什么)(?:会)?(?:查不到|没有|没得|找不到)|没交上去|没提交上|没交成功|没提交成功"
)


# "要得 就按赔钱来 诉求写清楚 我看一哈" at the summary: a yes to the change, the request to be
# seen again before it is handed in
SEE_IT_FIRST = re.compile(r"我(?:先|再)?看(?:一[哈下]|下|看)|给我看|让我看|看(?:一[哈下]|下)再")
