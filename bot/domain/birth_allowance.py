"""The maternity allowance (生育津贴) from the figures a worker tells: the employer's average
monthly wage of last year ÷ 30 × the days of maternity leave, the usual way the insurance
offices reckon it (《社会保险法》第五十六条: paid at the employer's average monthly wage of last
year; the daily figure and its rounding are the local office's to confirm)."""

from __future__ import annotations

import re

from intents.numbers import NUM, format_number, parse_number

DAYS_IN_A_MONTH = 30
_DAYS = re.compile(rf"(?P<n>{NUM})\s*天")
# ("去年平均工资好像是6000一个月": the average told as remembered)
_AVERAGE = re.compile(
    r"平均工资\s*(?:好像|应该|大概|差不多|大约|估计|可能|听说|据说)?\s*(?:是|有|为)?"
    rf"\s*(?P<n>{NUM})\s*(?P<k>千|k|K)?"
)
_ALLOWANCE = re.compile(r"生育津贴|生育补贴|产假(?:的|期间的?)?(?:钱|工资)")


# the national maternity leave, counted when the worker tells no days (《女职工劳动保护特别规定》
# 第七条; Chongqing's extra days are the regulation's to confirm)
NATIONAL_DAYS = 98
_HOW_MUCH = re.compile(r"咋个?算|怎么算|怎样算|好多|多少|几多|该给|该拿|能拿|算一下|算下")
# "我生之前每个月4500": the pay before the leave, what an uninsured worker is paid at
_PRE_LEAVE_PAY = re.compile(
    r"(?:生之前|生孩子之前|生娃之前|产前|产假前|休产假前|休产假之前|怀孕前|怀孕之前)"
    rf"[^，,。\d]{{0,8}}(?P<n>{NUM})\s*(?P<k>千|k|K)?"
)
_UNINSURED = re.compile(
    r"没(?:给我|帮我)?(?:买|交|缴|上|办)(?:过)?(?:社保|生育保险|保险)|没有(?:社保|生育保险)|没参保|未参保"
    r"|不(?:给我)?买社保"
)


def _figure(m: re.Match[str]) -> float | None:
    value = parse_number(m.group("n"))
    if value and m.group("k"):
        value *= 1000
    return value


def birth_allowance_text(text: str, earlier: str = "") -> str | None:
    """The allowance for the days and the average wage told (the national 98 days when the
    days are not told and the sum is asked), or, for a worker without the insurance, the pay
    before the leave the employer owes for them; None unless the message (or, for the pay
    before the leave, the messages before it) is about the allowance."""
    text = text or ""
    about = _ALLOWANCE.search(text) or (_ALLOWANCE.search(earlier) and _PRE_LEAVE_PAY.search(text))
    if not about:
        return None
    days_m, average_m = _DAYS.search(text), _AVERAGE.search(text)
    days = parse_number(days_m.group("n")) if days_m else None
    national = days is None and _HOW_MUCH.search(text) is not None
    if national:
        days = NATIONAL_DAYS
    if not days or not 0 < days <= 400:
        return None
    counted = f"产假按国家规定的{NATIONAL_DAYS}天算" if national else f"产假{format_number(days)}天"
    extra = (
        ["难产、多胞胎另加的天数，以及重庆增加的生育假，也按同样的日标准算。"] if national else []
    )
    pre_leave = _PRE_LEAVE_PAY.search(text)
    if average_m is None and pre_leave and _UNINSURED.search(f"{text} {earlier}"):
        return _uninsured_text(_figure(pre_leave), days, counted, extra)
    average = _figure(average_m) if average_m else None
    if not average or average < 500:
        return None
    total = round(average / DAYS_IN_A_MONTH * days, 2)
    return "\n".join(
        [
            f"按您说的：单位上年度职工月平均工资{format_number(average)}元，{counted}，"
            f"生育津贴一般按 {format_number(average)}÷30×{format_number(days)}≈{format_number(total)}元 计发。",
            *extra,
            "单位交了生育保险的，由生育保险基金按单位上年度职工月平均工资发；没交的由单位按您产假前的"
            "工资标准付。津贴比原工资低时单位要不要补差，各地规定不同；具体金额以当地医保经办机构核定的为准。",
            "依据：《社会保险法》第五十六条；《女职工劳动保护特别规定》第八条",
        ]
    )


def _uninsured_text(pay: float | None, days: float, counted: str, extra: list[str]) -> str | None:
    """What the employer owes for the leave of a worker it never insured: her pay before the
    leave for the days of leave (《女职工劳动保护特别规定》第八条)."""
    if not pay or pay < 500:
        return None
    total = round(pay / DAYS_IN_A_MONTH * days, 2)
    return "\n".join(
        [
            f"按您说的：产假前月工资{format_number(pay)}元，{counted}，单位没给您参加生育保险，"
            f"产假期间的钱由单位按产假前的工资标准付：{format_number(pay)}÷30×{format_number(days)}"
            f"≈{format_number(total)}元（每天约{format_number(round(pay / DAYS_IN_A_MONTH, 2))}元）。",
            *extra,
            "生育的医疗费也由单位承担。单位不给的，可以申请工会调解或劳动仲裁，也可以向劳动保障监察投诉。",
            "依据：《女职工劳动保护特别规定》第八条；《社会保险法》第五十四条、第五十六条",
        ]
    )
