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
    r"平均工资\s*(?:好像|应该|大概|差不多|大约|估计|可能)?\s*(?:是|有|为)?"
    rf"\s*(?P<n>{NUM})\s*(?P<k>千|k|K)?"
)
_ALLOWANCE = re.compile(r"生育津贴|生育补贴|产假(?:的|期间的?)?(?:钱|工资)")


def birth_allowance_text(text: str) -> str | None:
    """The allowance for the days and the average wage told; None unless the message tells
    both and is about the allowance."""
    if not _ALLOWANCE.search(text or ""):
        return None
    days_m, average_m = _DAYS.search(text), _AVERAGE.search(text)
    if days_m is None or average_m is None:
        return None
    days = parse_number(days_m.group("n"))
    average = parse_number(average_m.group("n"))
    if average and average_m.group("k"):
        average *= 1000
    if not days or not average or not 0 < days <= 400 or average < 500:
        return None
    total = round(average / DAYS_IN_A_MONTH * days, 2)
    return "\n".join(
        [
            f"按您说的：单位上年度职工月平均工资{format_number(average)}元，产假{format_number(days)}天，"
            f"生育津贴一般按 {format_number(average)}÷30×{format_number(days)}≈{format_number(total)}元 计发。",
            "单位交了生育保险的，由生育保险基金按单位上年度职工月平均工资发；没交的由单位按您产假前的"
            "工资标准付。津贴比原工资低时单位要不要补差，各地规定不同；具体金额以当地医保经办机构核定的为准。",
            "依据：《社会保险法》第五十六条；《女职工劳动保护特别规定》第八条",
        ]
    )
