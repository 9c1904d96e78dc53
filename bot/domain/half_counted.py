"""Half days and half months in wages owed: "一天280 我做了45天" then "等哈 有5天是半天 算一半"
is (45-5×0.5)=42.5 days×280=11900元; "一个月3200 上个月的还没发 这个月做了半个月 说好按一半算" is
(1+0.5)×3200=4800元 (wages for the work done, 《劳动合同法》第三十条; 《保障农民工工资支付
条例》第三十条、第三十六条 for a site's; for someone drawing a pension, the work's pay as
agreed, 《最高人民法院关于审理劳动争议案件适用法律问题的解释（一）》第三十二条)."""

from __future__ import annotations

import re

from intents.numbers import NUM, format_number, parse_number

# "有5天是半天", "其中5天只做了半天", "5天只上了半天班", "5个半天"
_HALF_DAYS = re.compile(
    rf"(?P<n>{NUM})\s*(?:天|个工)(?:都)?(?:只)?(?:是|做了|干了|上了|算)?\s*半天"
    rf"|(?P<n2>{NUM})\s*个半天(?!班)"
)
# "上个月的还没发", "上个月工资没给"
_LAST_MONTH_UNPAID = re.compile(
    r"上个?月(?:的)?(?:工资|工钱)?(?:都|也)?(?:还)?(?:没发|没给|没结|没拿到|欠着|拖着)"
)
# "这个月做了半个月", "这个月干了一半"
_HALF_THIS_MONTH = re.compile(r"(?:这个月|本月)(?:只)?(?:做了|干了|上了)(?:半个月|一半|15天)")
SITE_SOURCE = "《保障农民工工资支付条例》第三十条、第三十六条"
WAGES_SOURCE = "《劳动合同法》第三十条；《工资支付暂行规定》第九条"
# (someone drawing a pension: the work is a labour service, its pay as agreed)
PENSIONER_SOURCE = "《最高人民法院关于审理劳动争议案件适用法律问题的解释（一）》第三十二条"


def half_days_told(text: str) -> float | None:
    """The days of the days worked that were half days, or None."""
    m = _HALF_DAYS.search(text or "")
    value = parse_number(m.group("n") or m.group("n2")) if m else None
    return value if value and 0 < value <= 366 else None


def half_days_text(days: float, half: float, rate: float) -> str | None:
    """Days worked at a day's rate, `half` of them half days, none paid; None when the half
    days are more than the days."""
    if half > days:
        return None
    counted = days - half / 2
    total = counted * rate
    return "\n".join(
        [
            f"按您改的算：{format_number(days)}天里有{format_number(half)}天是半天，折成"
            f"{format_number(days)}-{format_number(half)}×0.5={format_number(counted)}个工，"
            f"×每天{format_number(rate)}元={format_number(total)}元，都还没给。",
            "记下每天的考勤、工友证言、微信聊天和转账记录；包工头不付的，可以找施工总承包单位"
            "或建设单位清偿，打12333或到区县人社局投诉。",
            f"依据：{SITE_SOURCE}",
        ]
    )


def month_and_half_told(text: str) -> float | None:
    """1.5 when a message tells last month's pay unpaid and half of this month worked."""
    if _LAST_MONTH_UNPAID.search(text or "") and _HALF_THIS_MONTH.search(text or ""):
        return 1.5
    return None


def months_owed_text(months: float, pay: float, pensioner: bool = False) -> str:
    """A month and a half (or so) owed at a monthly pay (to a worker drawing a pension: a
    dispute over work done, not a labour dispute)."""
    whole = int(months)
    parts = (
        f"上个月{format_number(pay)}元＋这个月半个月{format_number(pay / 2)}元"
        if (months - whole == 0.5 and whole == 1)
        else f"{format_number(months)}个月"
    )
    return "\n".join(
        [
            f"按您说的：{parts}，一共{format_number(months)}×{format_number(pay)}"
            f"={format_number(months * pay)}元。",
            "干了活的报酬要按约定足额支付；拖着不给的，可以申请工会调解，"
            + (
                "已经领养老金的按劳务关系处理，调解不成可以到法院起诉。"
                if pensioner
                else "或者打12333投诉、申请劳动仲裁（不收费）。"
            ),
            f"依据：{PENSIONER_SOURCE if pensioner else WAGES_SOURCE}",
        ]
    )
