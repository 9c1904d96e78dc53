"""Whether the years at an earlier employer count for this employer's compensation: "我之前在
电子厂干了9年 是我自己辞职走的 那9年算不算进去" is answered with no, and the sum for the
years here alone, as a union lawyer would.

《劳动合同法实施条例》第十条: a worker moved to the new employer for reasons not their own
(the employer's arrangement, a merger, a transfer between related firms) has the years at
the old one counted as years at the new one, unless the old one already paid compensation
for them. A worker who left the old job of their own accord starts afresh. The years of all
jobs still add up for the annual leave (《职工带薪年休假条例》第二条, 累计工作年限).
"""

from __future__ import annotations

import re

from bot.domain.severance import Severance
from intents.numbers import format_number

SOURCE = "《劳动合同法》第四十七条；《劳动合同法实施条例》第十条"
# an earlier job named ("我之前在电子厂干了9年", "以前那个厂的8年")
_EARLIER = re.compile(r"之前|以前|原来|上一家|上家|前一家|前面那?家|先前|早先|老厂")
# whether those years count, asked ("那9年算不算进去", "能不能合并算", "加不加得进去")
_COUNT_ASKED = re.compile(
    r"算不算|算进去|算在内|算上|合并|加进去|加不加|加得进|连起来|连续算|一起算|能不能算|可不可以算"
    r"|算吗|算不"
)
# left of the worker's own accord ("是我自己辞职走的")
_OWN_ACCORD = re.compile(
    r"自己(?:要)?(?:辞职|辞工|走|不干|不做|离职)|主动(?:辞职|离职)|辞职走|自愿"
)
# moved by the employers ("是老板安排我过来的", "公司合并过来的")
_MOVED_BY_THEM = re.compile(
    r"安排|调(?:过来|到|我)|派(?:过来|到)|合并|改制|转过来|划过来|分流|关联|一个老板|同一个老板"
)


def earlier_job_asked(text: str) -> bool:
    """The message asks whether the years of an earlier job count."""
    return bool(_EARLIER.search(text) and _COUNT_ASKED.search(text))


def earlier_job_text(text: str, here_months: int | None, pay: float | None) -> str:
    """The answer to `text` (earlier_job_asked), with the compensation for `here_months` at
    this employer at `pay` when both were told."""
    own = _OWN_ACCORD.search(text) is not None
    moved = _MOVED_BY_THEM.search(text) is not None and not own
    if own:
        lead = "不算。之前那份工是您自己辞职走的，那几年不算进现在这家的经济补偿。"
    elif moved:
        lead = (
            "算。您是被单位安排过来的（不是自己要走），原来单位的年限要合并计算；"
            "原来单位已经给过经济补偿的，那几年就不再算。"
        )
    else:
        lead = (
            "要看您当初怎么离开的：自己辞职走的，不算进现在这家的经济补偿；"
            "是单位安排调过来、合并转过来等非本人原因的，合并计算（原来单位已经给过补偿的除外）。"
        )
    lines = [lead]
    if here_months is not None and pay and not moved:
        s = Severance(here_months)
        n = s.months_pay
        lines.append(
            f"只按在这家干的{s.worked_text()}算：经济补偿{format_number(n)}个月×"
            f"{format_number(pay)}={format_number(n * pay)}元。"
        )
    lines.append("不过算年休假的时候，前后几家单位的工龄是累计算的（累计工作年限），那几年照样算。")
    lines.append(f"依据：{SOURCE}")
    return "\n".join(lines)
