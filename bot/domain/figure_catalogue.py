"""The local figures an FAQ answer may quote: their keys, and what an answer says without one.

A figure is Chongqing's own number (a minimum wage tier, the high-temperature allowance, a
leave length) that changes by official notice. Admins keep the numbers in /admin
(`local_figures`, each row with its dates and source); this catalogue fixes which keys exist,
how an answer names them, and where a worker can check when no number is set for the day —
so an answer never shows a number nobody entered from a notice.
"""

from __future__ import annotations

from dataclasses import dataclass

# where a worker checks labour figures, and the family-planning ones (leave lengths)
HRSS = "请以重庆市人力资源和社会保障局官网公布的现行标准为准，也可以打12333咨询"
REGULATION = "请以《重庆市人口与计划生育条例》的现行规定为准，可以打12333或问工会核实"
LOCAL_RULES = "请以重庆现行的地方规定为准，可以打12333或问工会核实"


@dataclass(frozen=True)
class FigureKind:
    key: str
    # how the answer names it ("重庆现行的月最低工资标准"), and /admin's menu
    subject: str
    # the rest of the sentence when no figure is in force: where to check (no numbers)
    where: str
    label: str  # the default name of a row in the answer
    unit: str  # the default unit
    numeric: bool = True  # the value must be a number (a text value: months, a range)


KINDS: dict[str, FigureKind] = {
    k.key: k
    for k in (
        FigureKind("cq_min_wage_monthly", "重庆现行的月最低工资标准", HRSS, "月最低工资", "元/月"),
        FigureKind(
            "cq_min_wage_hourly", "重庆现行的小时最低工资标准", HRSS, "小时最低工资", "元/小时"
        ),
        FigureKind("cq_heat_allowance", "重庆现行的高温津贴标准", HRSS, "高温津贴", "元/天"),
        FigureKind("cq_heat_months", "重庆发放高温津贴的月份", HRSS, "发放月份", "", numeric=False),
        FigureKind(
            "cq_maternity_leave_extra",
            "重庆在国家产假之外增加的生育假天数",
            REGULATION,
            "增加的生育假",
            "天",
        ),
        FigureKind(
            "cq_nursing_leave", "重庆男职工护理假（陪产假）的天数", REGULATION, "护理假", "天"
        ),
        FigureKind("cq_parental_leave", "重庆育儿假的天数", REGULATION, "育儿假", "天"),
        FigureKind("cq_marriage_leave", "重庆婚假的天数", LOCAL_RULES, "婚假", "天"),
    )
}


def kind_choices() -> list[tuple[str, str]]:
    """(key, subject) for /admin's select box, in catalogue order."""
    return [(k.key, f"{k.subject}（{k.key}）") for k in KINDS.values()]
