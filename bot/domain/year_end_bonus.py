"""A year-end bonus reckoned by the months worked, for one who left before it was paid and not
by their own resignation or fault: "去年年终奖发了18000 按今年干了11个月算" is 18000×11/12=16500元.

No law fixes the bonus; the contract, the rules and the usual practice do. When a rule says
"not paid to those gone by then", one who left not of their own wish and did the year's work
may still claim it (最高人民法院指导性案例183号), the sum weighed by the time worked and the
work done: the share of the months is the usual reckoning, a figure to claim, not a fixed one.
"""

from __future__ import annotations

import re

from intents.numbers import NUM, format_number, parse_number

SOURCE = "《劳动合同法》第四条、第十七条；最高人民法院指导性案例183号"
_MIN_BONUS, _MAX_BONUS = 100, 2_000_000
# "去年年终奖发了18000", "年终奖一般是2万", "年底奖金18000"
_BONUS = re.compile(
    rf"(?:年终奖|年底奖金|年终奖金|年底双薪|十三薪)[^，,。\d]{{0,6}}?(?P<n>{NUM})\s*(?:块|元)?"
)
# "按今年干了11个月算", "今年做了10个月"
_MONTHS = re.compile(rf"(?:干了|做了|上了|工作了|在职)\s*(?P<n>{NUM})\s*个月")


def bonus_told(text: str) -> float | None:
    m = _BONUS.search(text or "")
    value = parse_number(m.group("n")) if m else None
    return value if value is not None and _MIN_BONUS <= value <= _MAX_BONUS else None


def months_this_year(text: str) -> int | None:
    m = _MONTHS.search(text or "")
    value = parse_number(m.group("n")) if m else None
    return int(value) if value and value == int(value) and 0 < value < 12 else None


def prorated_bonus_text(bonus: float, months: int) -> str:
    due = round(bonus * months / 12, 2)
    return "\n".join(
        [
            f"按您说的，按在职月数折算：{format_number(bonus)}×{months}÷12={format_number(due)}元。",
            "这是按工作时间折算的参考数：不是你主动辞职、也不是因过错被辞退，你又完成了工作任务的，"
            "可以按这个数主张；具体数额还会看单位的年终奖制度、往年发放做法和你的考核表现。"
            "单位不给的，可以申请工会调解或劳动仲裁，都不收费。",
            f"依据：{SOURCE}",
        ]
    )
