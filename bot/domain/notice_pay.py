"""The compensation and the month's pay in lieu of notice, added up: let go under
《劳动合同法》第四十条 (the job cannot be done after the medical period or training, or the
circumstances the contract was made in changed, such as the factory moving far away), the
employer must give 30 days' written notice or one more month's pay, and the compensation by
the years worked (第四十六条, 第四十七条; the month's pay is the last month's, 实施条例第二十条,
while the compensation's is the average of the last twelve months).
"""

from __future__ import annotations

import re

from bot.domain.severance import MAX_PAY, MIN_PAY, Severance
from intents.numbers import NUM, format_number, parse_number

SOURCE = "《劳动合同法》第四十条、第四十六条、第四十七条；《劳动合同法实施条例》第二十条"


# "上个月工资是6500哦 前面平均才6000": the last month's pay, and the average before it
_LAST_MONTH = re.compile(
    rf"上个?月(?:的)?(?:工资|实发|应发)?(?:是|有|拿了|发了|拿的|发的)?\s*(?P<pay>{NUM})\s*(?:块|元)?"
)
_AVERAGE = re.compile(
    rf"平均(?:下来|算下来|算)?(?:一个月|每个?月)?(?:才|只有|就|是|有|大概|差不多)?\s*(?P<pay>{NUM})"
)


def _pay_of(pattern: re.Pattern[str], text: str) -> float | None:
    m = pattern.search(text or "")
    value = parse_number(m.group("pay")) if m else None
    return value if value is not None and MIN_PAY <= value <= MAX_PAY else None


def pays_told(text: str) -> tuple[float, float] | None:
    """(the last month's pay, the average pay) a message tells both of, or None."""
    last, average = _pay_of(_LAST_MONTH, text), _pay_of(_AVERAGE, text)
    return (last, average) if last is not None and average is not None else None


def notice_and_severance_text(
    months_worked: int, pay: float, last_month: float | None = None
) -> str:
    """N months of compensation and one month in lieu of notice, each and their total
    (`last_month`: the last month's pay, which the month in lieu is, the compensation then at
    `pay`, the average)."""
    stay = Severance(months_worked)
    n = stay.months_pay
    compensation = n * pay
    notice = pay if last_month is None else last_month
    told = (
        f"月工资{format_number(pay)}元"
        if last_month is None
        else (f"前12个月平均工资{format_number(pay)}元、上个月工资{format_number(last_month)}元")
    )
    return "\n".join(
        [
            f"按您说的（干了{stay.worked_text()}，{told}）：",
            f"经济补偿{format_number(n)}个月×{format_number(pay)}={format_number(compensation)}元"
            + ("（按离职前12个月的平均工资算）；" if last_month is not None else "；"),
            f"没提前30天书面通知的，另加1个月工资（代通知金）{format_number(notice)}元"
            + ("（按上个月的工资算）；" if last_month is not None else "；"),
            f"一共{format_number(compensation + notice)}元。",
            "提前30天书面通知了的，就只有经济补偿；单位不给的，可以申请工会调解或劳动仲裁，都不收费。",
            f"依据：{SOURCE}",
        ]
    )
