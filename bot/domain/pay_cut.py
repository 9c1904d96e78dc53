"""What a pay cut the worker never agreed to has held back, worked out.

《劳动合同法》第三十五条: the contract's terms, the pay among them, change only when both sides
agree in writing; a cut imposed alone leaves the pay agreed due (第三十条: paid in full), and
the worker may leave at once with compensation (第三十八条). "工资从5000降到4000" then "降了3个月
了 我少拿了好多": (5000 − 4000) × 3 = 3000.
"""

from __future__ import annotations

import re

from intents.numbers import NUM, format_number, parse_number

SOURCE = (
    "《劳动合同法》第三十条、第三十五条、第三十八条；"
    "《最高人民法院关于审理劳动争议案件适用法律问题的解释（一）》第四十三条"
)
MIN_PAY, MAX_PAY = 500, 200_000
MAX_MONTHS = 36

# "工资从5000降到4000", "从6千降成4千5", "由5000降为4000"
_FROM_TO = re.compile(
    rf"(?:从|由)?\s*(?P<before>{NUM})\s*(?:块|元)?\s*(?:降|减|砍|扣)(?:到|成|为|至)了?\s*(?P<after>{NUM})"
)
# "降了3个月了", "已经3个月了", "这3个月都只发4000"
_MONTHS = re.compile(rf"(?P<n>{NUM})\s*个月")


def cut_pays(text: str) -> tuple[float, float] | None:
    """The pay before and after the cut a message tells ("从5000降到4000"), or None."""
    m = _FROM_TO.search(text or "")
    if m is None:
        return None
    before, after = parse_number(m.group("before")), parse_number(m.group("after"))
    if before is None or after is None or not MIN_PAY <= after < before <= MAX_PAY:
        return None
    return before, after


def months_cut(text: str) -> int | None:
    """How many months a message says the cut has lasted ("降了3个月了"), or None."""
    m = _MONTHS.search(text or "")
    n = parse_number(m.group("n")) if m else None
    return int(n) if n and 0 < n <= MAX_MONTHS and n == int(n) else None


# 《女职工劳动保护特别规定》第五条: no pay cut because of pregnancy, birth or nursing; a cut that
# breaks it is void whatever the weeks kept at the lower pay (the one-month rule does not save it)
PREGNANCY_SOURCE = "《女职工劳动保护特别规定》第五条；《劳动合同法》第三十条、第三十五条"


def pay_cut_text(before: float, after: float, months: int, pregnant: bool = False) -> str:
    """The pay held back by a cut of `before` to `after` over `months` months (`pregnant`: a
    cut made to a pregnant or nursing woman, unlawful in itself)."""
    short = before - after
    total = short * months
    held_back = (
        f"按您说的：每月工资从{format_number(before)}元降到{format_number(after)}元，"
        f"每月少发{format_number(short)}元，{months}个月一共少发"
        f"{format_number(short)}×{months}={format_number(total)}元。"
    )
    if pregnant:
        return "\n".join(
            [
                held_back,
                "单位不得因女职工怀孕、生育、哺乳降低工资，因怀孕调岗降薪的，少发的部分可以要求"
                "按原工资补足。单位不补的，可以打12333向劳动保障监察投诉，或者申请劳动仲裁"
                "（不收费），也可以找工会女职工委员会帮忙。",
                f"依据：{PREGNANCY_SOURCE}",
            ]
        )
    return "\n".join(
        [
            held_back,
            "降工资是变更劳动合同，要双方协商一致并书面变更；单位没跟你协商、你也没同意的，"
            "少发的部分可以要求单位按原工资补足。单位不补的，可以打12333向劳动保障监察投诉，"
            "或者申请劳动仲裁（不收费）；因为这个不干了，可以书面通知单位解除合同，并要求经济补偿。",
            "注意：按降后的工资干了1个月以上一直没提出反对的，可能被认定为已经同意，"
            "不同意的要尽快书面提出。",
            f"依据：{SOURCE}",
        ]
    )
