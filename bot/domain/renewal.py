"""A fixed-term contract that ends, renewal offered and declined by the worker: whether the
compensation is still due (《劳动合同法》第四十六条第五项).

- "那工资不变 是我自己不想续呢": the employer keeps or betters the terms and the worker declines,
  so no compensation;
- "如果公司说续 但是工资降到6000 我不签呢": the terms lowered and declined, the compensation is
  due as if not renewed (3 years × 8000 = 24000元).
"""

from __future__ import annotations

import re

from bot.domain.severance import Severance
from intents.numbers import format_number

SOURCE = "《劳动合同法》第四十四条、第四十六条第五项、第四十七条"
# the worker declines ("我自己不想续", "我不签", "我不愿意续")
_DECLINED = re.compile(r"(?:我|自己)[^，,。]{0,4}(?:不想|不愿意?|不打算|不)(?:再)?(?:续|签)")
# the same or better terms offered ("工资不变", "条件一样", "还涨工资")
_SAME_TERMS = re.compile(
    r"(?:工资|待遇|条件)[^，,。]{0,3}(?:不变|没变|一样|照旧|不降)|(?:原来|原合同|同样|一样)的?(?:条件|工资|待遇)"
    r"|涨(?:了)?工资|工资(?:还)?涨|加(?:了)?工资|(?:条件|待遇)更好"
)
# lower terms offered ("工资降到6000", "降薪续签", "换个差的岗位")
_LOWER_TERMS = re.compile(r"降到|降低|降薪|降工资|工资(?:少|低)了|少给|调低|减(?:了)?工资|差的岗位")


def renewal_declined(text: str) -> str | None:
    """'same' or 'lower': the terms of the renewal the worker declines, else None."""
    if not _DECLINED.search(text or ""):
        return None
    if _LOWER_TERMS.search(text):
        return "lower"
    return "same" if _SAME_TERMS.search(text) else None


def renewal_declined_text(terms: str, months: int | None, pay: float | None) -> str:
    """Whether the compensation is due when the worker declines a renewal on `terms`."""
    if terms == "same":
        lines = [
            "这种情况没有补偿：合同到期时单位维持或者提高原合同条件跟你续签，你自己不愿意续的，"
            "合同终止，单位不用支付经济补偿。",
            "要是工资不变、但岗位、地点、工时等别的条件变差了，算降低条件，你不续照样可以要补偿；"
            "单位提出续签的条件最好留个书面或聊天记录。",
        ]
    else:
        due = ""
        if months and pay:
            n = Severance(months).months_pay
            due = f"按您说的：{format_number(n)}个月×{format_number(pay)}={format_number(n * pay)}元。"
        lines = [
            "照样有经济补偿：单位降低原合同条件续签，你不同意、合同到期终止的，单位要按年限给经济补偿，"
            "跟单位不续签一样。" + due,
            "补偿按合同期满前12个月的平均工资算（降之前的工资）；单位不给的，可以申请工会调解或劳动仲裁。",
        ]
    return "\n".join([*lines, f"依据：{SOURCE}"])
