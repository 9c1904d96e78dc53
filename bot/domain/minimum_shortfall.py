"""Pay below the minimum wage for a full month's work, against the minimum the worker gives:
"计件 … 我天天按时上班的 算下来应发只有1600" then "我在网上查的我们这点最低工资是2100 就按2100算嘛
厂头该补我好多" is 2100-1600=500元. The project never states a local minimum itself (the worker's
figure is used, as theirs, to be checked with 12333).

《劳动法》第四十八条; 《最低工资规定》第三条、第十二条: whoever works the legal hours in full,
paid by the piece as well, is paid no less than the local minimum wage (leaving out overtime and
special allowances); 《劳动合同法》第八十五条: pay below the minimum is made up by order of the
labour inspectorate, and if not paid in the time set, 50 % to 100 % more as compensation.
"""

from __future__ import annotations

import re

from intents.numbers import NUM, format_number, parse_number

SOURCE = "《劳动法》第四十八条；《最低工资规定》第三条、第十二条；《劳动合同法》第八十五条"
MIN_PAY, MAX_PAY = 300, 20_000
# "我们这点最低工资是2100", "最低工资标准2100"
_MINIMUM_TOLD = re.compile(rf"最低(?:工资)?(?:标准)?\s*(?:是|为|有|才)?\s*(?P<n>{NUM})")
# "应发只有1600", "计件只有1350", "一个月才拿1500"
_PAID = re.compile(
    rf"(?:只有|只拿了?|才拿了?|才发了?|只发了?|才|应发|实发|拿了|发了)\s*(?P<n>{NUM})\s*(?:块钱|块|元)?"
)
# the legal hours worked in full: "天天按时上班", "满勤", "全勤", "正常上班"
FULL_MONTH = re.compile(
    r"天天[^，,。]{0,4}上班|每天都?[^，,。]{0,4}上班|满勤|全勤|正常上(?:满)?班|上满|没请(?:过)?假"
)
# paid by the piece or by output: "计件", "做好多拿好多"
PIECE_WORK = re.compile(r"计件|按件|做好多拿好多|做多少拿多少|按产量")


def _figure(pattern: re.Pattern[str], text: str) -> float | None:
    for m in pattern.finditer(text or ""):
        value = parse_number(m.group("n"))
        if value and MIN_PAY <= value <= MAX_PAY:
            return value
    return None


def minimum_told(text: str) -> float | None:
    """The local minimum wage as the worker gives it ("最低工资是2100"), or None."""
    return _figure(_MINIMUM_TOLD, text)


def paid_told(text: str) -> float | None:
    """The month's pay said to be low ("应发只有1600"), or None."""
    return _figure(_PAID, _MINIMUM_TOLD.sub("", text or ""))


def piece_rate_floor_text() -> str:
    """Whether piece-rate pay may fall below the minimum for a full month's work."""
    return (
        "不对。计件工资也受最低工资保护：你在法定工作时间内提供了正常劳动（天天按时上班），"
        "单位发的工资扣掉加班费、夜班高温等津贴以后，不能低于当地最低工资标准；订单少、活路少是单位的经营风险，"
        "不能让你拿不够最低工资。\n"
        "重庆现行的最低工资标准以市人社局公布的为准，可以打12333问；低于标准的，单位要补足差额，"
        "可以向劳动保障监察投诉或找工会协商。\n"
        f"依据：{SOURCE}"
    )


def shortfall_text(paid: float, minimum: float) -> str:
    """The difference to make up for one month paid `paid` against the minimum `minimum`."""
    if paid >= minimum:
        return (
            f"按您说的最低工资{format_number(minimum)}元，发的{format_number(paid)}元没有低于它，"
            "不用补差额（加班费、津贴不能算在里头凑数）。\n"
            f"依据：{SOURCE}"
        )
    return (
        f"按您说的：这个月正常上满了班，应发{format_number(paid)}元，当地最低工资按您查的"
        f"{format_number(minimum)}元算。\n"
        f"单位至少要补差额：{format_number(minimum)}-{format_number(paid)}="
        f"{format_number(minimum - paid)}元（加班费、夜班高温等津贴不能算进最低工资里凑数）。\n"
        "最低工资标准以重庆市人社局公布的为准，最好打12333核实一下。\n"
        f"依据：{SOURCE}"
    )


UNPAID_AFTER = (
    "单位不补的话，可以打12333或到区县人社局劳动保障监察投诉：监察部门会责令单位限期补发低于最低工资的差额；"
    "逾期还不补的，单位还要按应付金额50%以上100%以下另外加付赔偿金给你。"
    "也可以申请工会调解或劳动仲裁（不收费），要求补足差额。先收好工资条、考勤、银行流水这些证据。\n"
    f"依据：{SOURCE}"
)

LEAVE_TAKEN = re.compile(
    r"请了?\s*(?:\d+|[一二两三四五六七八九十几]+)\s*天\s*(?:的)?(?:事假|假)|事假|旷工"
)
LEAVE_AFTER = (
    "最低工资保的是法定工作时间内提供了正常劳动的工资。请了事假、没有正常出勤的那几天，单位可以不发那几天的工资，"
    "最低工资也要按实际出勤折算（一般是：月最低工资÷21.75×实际出勤天数），拿折算后的数和他应发的比，"
    "低了的部分单位照样要补。各地折算办法有差别，可以打12333核实。\n"
    f"依据：{SOURCE}"
)
