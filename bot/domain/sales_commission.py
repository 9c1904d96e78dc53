"""A salesperson's commission worked out: "我10月份卖了28万 提成3个点" is 280000×3%=8400元; "9月
卖了20万 一共应该是好多" after it adds that month (6000元, 14400元 together).

Commission on sales made is pay for work done (《关于工资总额组成的规定》第六条: 按营业额提成
的工资 is piece-rate pay), owed in full on leaving (《工资支付暂行规定》第九条); a rule that one who
leaves forfeits it takes away the worker's right to pay (《劳动合同法》第二十六条).
"""

from __future__ import annotations

import re

from intents.numbers import NUM, format_number, parse_number

SOURCE = (
    "《工资支付暂行规定》第九条；《关于工资总额组成的规定》第六条；《劳动合同法》第四条、第二十六条"
)
_MIN_SALES, _MAX_SALES = 1000, 100_000_000

# "10月份卖了28万", "销售额28万", "业绩做了20万"; the month before it, if told
_SALES = re.compile(
    r"(?:(?P<month>\d{1,2}|[一二三四五六七八九十]{1,2})\s*月份?\s*)?"
    rf"(?:卖了|卖出|销售额(?:有|是)?|业绩(?:有|是|做了)?|营业额(?:有|是)?|销售了)\s*(?P<n>{NUM})\s*(?:块|元)?"
)
# "提成3个点", "提成是3%", "按百分之3提成", "3个点的提成"
_RATE = re.compile(
    rf"提成(?:是|有|按|比例(?:是)?)?\s*(?:百分之(?P<cn>{NUM})|(?P<pct>{NUM})\s*(?:%|％|个点))"
    rf"|(?:百分之(?P<cn2>{NUM})|(?P<pct2>{NUM})\s*(?:%|％|个点))的?提成"
)


def sales_told(text: str) -> list[tuple[str, float]]:
    """The sales a message tells, each with its month if named ("10月" or "")."""
    told = []
    for m in _SALES.finditer(text or ""):
        value = parse_number(m.group("n"))
        if value is not None and _MIN_SALES <= value <= _MAX_SALES:
            month = m.group("month")
            told.append((f"{format_number(parse_number(month) or 0)}月" if month else "", value))
    return told


def rate_told(text: str) -> float | None:
    """The commission rate a message tells, as a percentage (3 for 3个点)."""
    m = _RATE.search(text or "")
    if m is None:
        return None
    value = parse_number(next(filter(None, m.group("cn", "pct", "cn2", "pct2"))))
    return value if value is not None and 0 < value < 50 else None


def commission_text(sales: list[tuple[str, float]], rate: float) -> str:
    """The commission on each month's sales at `rate` %, added up when more than one."""
    lines = []
    total = 0.0
    for month, value in sales:
        due = round(value * rate / 100, 2)
        total += due
        lines.append(
            f"{month}销售额{format_number(value)}元×{format_number(rate)}%={format_number(due)}元"
        )
    sums = "；".join(lines)
    together = f"，一共{format_number(total)}元" if len(sales) > 1 else ""
    return "\n".join(
        [
            f"按您说的算：{sums}{together}。",
            "已经完成销售、达到提成条件的提成属于工资，离职时要和工资一起一次结清；制度里写"
            "“离职就不发提成”的，排除了你拿劳动报酬的权利，一般无效（约定以客户回款为条件的，"
            "按约定的条件结算）。单位不给的，可以打12333向劳动保障监察投诉，也可以申请工会调解"
            "或劳动仲裁，都不收费。",
            f"依据：{SOURCE}",
        ]
    )
