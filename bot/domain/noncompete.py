"""The compensation for a non-compete promise whose contract names none: 30 % of the average
monthly pay of the last twelve months, each month the worker keeps it, and never below the
local minimum wage (最高人民法院关于审理劳动争议案件适用法律问题的解释（一）第三十六条)."""

from __future__ import annotations

from intents.numbers import format_number

SHARE = 0.3
MAX_YEARS = 2  # 《劳动合同法》第二十四条
SOURCE = "《最高人民法院关于审理劳动争议案件适用法律问题的解释（一）》第三十六条、第三十八条"


def noncompete_pay_text(
    average: float, years: float | None = None, unpaid_months: int | None = None
) -> str:
    """30 % of the average pay a month; over the term told (2 years at most) and for the
    months already gone unpaid, when told."""
    monthly = average * SHARE
    lines = [
        f"按您离职前12个月平均工资{format_number(average)}元算：没约定补偿、你又遵守了竞业限制的，"
        f"单位每月至少要给30%，也就是{format_number(round(monthly, 2))}元"
        "（低于当地最低工资的，按最低工资给）。"
    ]
    if years is not None:
        counted = min(years, MAX_YEARS)
        if years > MAX_YEARS:
            lines.append(
                f"竞业限制最长2年，约定{format_number(years)}年的，超过2年的部分无效，你只需遵守2年。"
            )
        months = int(counted * 12)
        lines.append(
            f"限制期{months}个月全部遵守的，总共至少{months}×{format_number(round(monthly, 2))}"
            f"={format_number(round(monthly * months, 2))}元。"
        )
    if unpaid_months:
        lines.append(
            f"已经{unpaid_months}个月没给，欠您{unpaid_months}×{format_number(round(monthly, 2))}"
            f"={format_number(round(monthly * unpaid_months, 2))}元，可以申请劳动仲裁要回来。"
        )
    lines += [
        "单位因自身原因离职后3个月都没给的，你可以要求解除竞业限制，解除后就可以去同行上班；"
        "已经遵守的那几个月，补偿照样可以要。",
        f"依据：《劳动合同法》第二十四条；{SOURCE}",
    ]
    return "\n".join(lines)
