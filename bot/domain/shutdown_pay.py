"""The pay of a stoppage the worker did not cause, worked out for the first pay cycle.

《工资支付暂行规定》第十二条: within one pay cycle (usually a month) of a stoppage not caused by
the worker, the employer pays the wage the contract agrees; after it, a worker given work is
paid at least the local minimum wage, one given none the living allowance of local rules
(Chongqing's figure is not in the seed data, so the worker is pointed to 12333). "我合同上工资
4500 放了一个半月 第一个月该拿好多": 4500.
"""

from __future__ import annotations

import re

from intents.numbers import NUM, format_number, parse_number

SOURCE = "《工资支付暂行规定》第十二条"
MAX_MONTHS = 36

# "放了一个半月", "停了两个月", "歇了3个月"
_MONTHS_OFF = re.compile(
    rf"(?:放|停|歇|休|待岗)(?:假)?了?\s*(?P<n>{NUM})\s*个\s*(?P<half>半)?\s*月"
)


def months_stopped(text: str) -> float | None:
    """How long the stoppage has lasted, in months ("放了一个半月" → 1.5), or None."""
    m = _MONTHS_OFF.search(text or "")
    n = parse_number(m.group("n")) if m else None
    if not n or not 0 < n <= MAX_MONTHS:
        return None
    return n + (0.5 if m.group("half") else 0)


def shutdown_pay_text(pay: float, months: float | None = None) -> str:
    """The first cycle's pay of a stoppage at the contract's monthly `pay`, and what follows
    when the stoppage lasts longer than a month."""
    told = f"，停工停产{format_number(months)}个月" if months else ""
    lines = [
        f"按您说的：劳动合同约定月工资{format_number(pay)}元{told}。",
        "停工停产不是你的原因造成的，第一个工资支付周期（一般是一个月）内，单位要按劳动合同"
        f"约定的标准照发工资：第一个月应拿{format_number(pay)}元，不能打折。",
    ]
    if months is None or months > 1:
        lines.append(
            "超过一个工资支付周期的：安排你上班的，工资不得低于当地最低工资标准；没安排上班的，"
            "单位按重庆的规定发生活费（现行标准以重庆的规定为准，可以问12333）。"
        )
    lines.append("单位少发的，可以向劳动保障监察投诉（12333）或申请劳动仲裁。")
    lines.append(f"依据：{SOURCE}")
    return "\n".join(lines)
