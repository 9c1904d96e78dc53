"""The compensation and the month's pay in lieu of notice, added up: let go under
《劳动合同法》第四十条 (the job cannot be done after the medical period or training, or the
circumstances the contract was made in changed, such as the factory moving far away), the
employer must give 30 days' written notice or one more month's pay, and the compensation by
the years worked (第四十六条, 第四十七条; the month's pay is the last month's, 实施条例第二十条).
"""

from __future__ import annotations

from bot.domain.severance import Severance
from intents.numbers import format_number

SOURCE = "《劳动合同法》第四十条、第四十六条、第四十七条；《劳动合同法实施条例》第二十条"


def notice_and_severance_text(months_worked: int, pay: float) -> str:
    """N months of compensation and one month in lieu of notice, each and their total."""
    stay = Severance(months_worked)
    n = stay.months_pay
    compensation = n * pay
    return "\n".join(
        [
            f"按您说的（干了{stay.worked_text()}，月工资{format_number(pay)}元）：",
            f"经济补偿{format_number(n)}个月×{format_number(pay)}={format_number(compensation)}元；",
            f"没提前30天书面通知的，另加1个月工资（代通知金）{format_number(pay)}元；",
            f"一共{format_number(compensation + pay)}元。",
            "提前30天书面通知了的，就只有经济补偿；单位不给的，可以申请工会调解或劳动仲裁，都不收费。",
            f"依据：{SOURCE}",
        ]
    )
