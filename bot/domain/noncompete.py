"""The compensation for a non-compete promise whose contract names none: 30 % of the average
monthly pay of the last twelve months, each month the worker keeps it, and never below the
local minimum wage (最高人民法院关于审理劳动争议案件适用法律问题的解释（一）第三十六条)."""

from __future__ import annotations

from intents.numbers import format_number

SHARE = 0.3
SOURCE = "《最高人民法院关于审理劳动争议案件适用法律问题的解释（一）》第三十六条、第三十八条"


def noncompete_pay_text(average: float) -> str:
    monthly = average * SHARE
    return "\n".join(
        [
            f"按您离职前12个月平均工资{format_number(average)}元算：没约定补偿、你又遵守了竞业限制的，"
            f"单位每月至少要给30%，也就是{format_number(round(monthly, 2))}元"
            "（低于当地最低工资的，按最低工资给）。",
            "单位因自身原因离职后3个月都没给的，你可以要求解除竞业限制，解除后就可以去同行上班；"
            "已经遵守的那几个月，补偿照样可以要。",
            f"依据：{SOURCE}",
        ]
    )
