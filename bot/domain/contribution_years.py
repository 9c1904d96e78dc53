"""Pension contributions paid in several places, added up: "我在成都交了6年零4个月 重庆这边以前
也交过2年零9个月 加起来算好多年" is 9 years 1 month, and what is still short of the minimum.

《社会保险法》第十六条、第十九条: contributions paid in different places are added up when the
insurance is transferred; a pension is drawn monthly after at least 15 years in all at the
statutory retirement age (《国务院关于渐进式延迟法定退休年龄的办法》第二条: from 2030 the
minimum rises by half a year a year, to 20 years).
"""

from __future__ import annotations

import re

from intents.numbers import NUM, parse_number

SOURCE = "《社会保险法》第十六条、第十九条；《国务院关于渐进式延迟法定退休年龄的办法》第二条"
MINIMUM_YEARS = 15
_PAID = re.compile(
    rf"(?:交|缴|买)(?:了|过)?\s*(?:(?P<y>{NUM}|半)\s*年(?:多)?(?:零|又)?(?:(?P<m>{NUM})\s*个?月)?"
    rf"|(?P<only>{NUM})\s*个月)"
)
_ADDED_UP = re.compile(r"加起来|一共|总共|合计|算好多|算多少|累计")


def paid_periods(text: str) -> list[int]:
    """Each contribution period a message tells, in months."""
    periods = []
    for m in _PAID.finditer(text or ""):
        if m.group("only"):
            n = parse_number(m.group("only"))
            months = int(n) if n and n < 600 else None
        else:
            years = 0.5 if m.group("y") == "半" else parse_number(m.group("y"))
            extra = parse_number(m.group("m")) if m.group("m") else 0
            ok = years is not None and 0 < years <= 50 and extra is not None and extra < 12
            months = round(years * 12) + int(extra) if ok else None  # type: ignore[operator]
        if months:
            periods.append(months)
    return periods


def _span(months: int) -> str:
    years, rest = divmod(months, 12)
    return f"{years}年{rest}个月" if years and rest else (f"{years}年" if years else f"{rest}个月")


def contribution_years_text(text: str) -> str | None:
    """The periods added up and what is short of 15 years, when the message tells two or more
    and asks the total; else None."""
    periods = paid_periods(text)
    if len(periods) < 2 or not _ADDED_UP.search(text or ""):
        return None
    total = sum(periods)
    short = MINIMUM_YEARS * 12 - total
    lines = [
        "按您说的："
        + "＋".join(_span(p) for p in periods)
        + f"＝{_span(total)}（{total}个月）。养老保险的缴费年限在不同地方是累计计算的，"
        "转移接续后合在一起算，中间断了也不清零。",
        f"目前按月领养老金要累计缴满{MINIMUM_YEARS}年，您还差{_span(short)}；从2030年起这个最低年限"
        "每年提高半年，逐步到20年。"
        if short > 0
        else f"已经超过目前按月领养老金要求的{MINIMUM_YEARS}年（从2030年起最低年限逐步提高到20年）。",
        "转移时在新参保地社保经办机构申请，原参保地的缴费记录会转过来；具体问12333。",
        f"依据：{SOURCE}",
    ]
    return "\n".join(lines)


# whether the years paid are enough for a pension, asked ("社保才交了12年 到时候领得到退休金不")
_ENOUGH_ASKED = re.compile(
    r"(?:领|拿)(?:得到|不到|得了|不了|不领得到|不拿得到)|能(?:不能)?(?:领|拿)|够不够|够了没|够没得|够不"
    # "我中间断了几年 只交了13年 到时候不够咋个办" after the years a pension needs
    r"|不够(?:的话)?(?:咋个办|怎么办|咋办|咋整|咋个整)"
)
_PENSION = re.compile(r"养老|退休金|养老金|退休工资|退休")
# (unemployment or medical insurance asked: "失业金最多能领好久")
_OTHER_INSURANCE = re.compile(r"失业|医保|生育|工伤")


# how far short, asked after the years were told ("那还差好多年", "还差几年")
_SHORT_ASKED = re.compile(r"差(?:好多|几|多少)年|差(?:好多|多少)")


def short_of_minimum_text(text: str, before: str = "") -> str | None:
    """One contribution period told, and whether it is enough for a pension asked: what is
    short of 15 years and how it may be made up; else None. `before`: the message before,
    read with one asking only how far short ("那还差好多年")."""
    if before and _SHORT_ASKED.search(text or "") and not paid_periods(text):
        text = f"{text} {before}"
    periods = paid_periods(text)
    # (the pension named in the message before: "社保要交满好多年才能领退休金" then the years)
    pension = _PENSION.search(text or "") or _PENSION.search(before)
    if len(periods) != 1 or not pension or not _ENOUGH_ASKED.search(text):
        return None
    if _OTHER_INSURANCE.search(text):
        return None
    paid = periods[0]
    short = MINIMUM_YEARS * 12 - paid
    if short <= 0:
        return "\n".join(
            [
                f"按您说的交了{_span(paid)}：已经够目前按月领养老金要求的累计{MINIMUM_YEARS}年"
                "（从2030年起最低年限每年提高半年，逐步到20年），到法定退休年龄就可以申请按月领取。",
                f"依据：{SOURCE}",
            ]
        )
    return "\n".join(
        [
            f"按您说的交了{_span(paid)}：到法定退休年龄时要累计缴满{MINIMUM_YEARS}年才能按月领"
            f"养老金，您还差{_span(short)}。",
            "不够的可以延长缴费，一直缴到满15年再按月领；也可以按当地规定一次性补缴不够的年限"
            "（能不能一次补、怎么补，以当地社保经办机构的规定为准）。"
            "从2030年起这个最低年限每年提高半年，逐步到20年。",
            "具体问12333或当地社保经办机构。",
            f"依据：{SOURCE}",
        ]
    )
