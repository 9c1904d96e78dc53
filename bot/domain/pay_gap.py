"""The pay of one worker against another's doing the same work: a dispatched worker against
the user's own staff ("我一个月4300 他们5100": 800元 a month short, "我干了7个月了 一共差好多嘛":
7×800=5600元), and a student on placement against the post's pay ("实习工资一个月才2000 正式工
做一样的活拿4500": at least 4500×80%=3600元).

《劳动合同法》第六十三条 (equal pay for dispatched workers); 《职业学校学生实习管理规定》第十八条
(a placement's pay not below 80 % of the post's)."""

from __future__ import annotations

import re

from bot.domain.severance import months_worked
from intents.numbers import NUM, NUM_AR, format_number, parse_number

_LOW, _HIGH = 500, 100_000
# a pay: in digits, or in words of hundreds or thousands ("四千五"; not the 一 of 一样, 一个月)
_PAY = rf"(?:{NUM_AR}|[一二两三四五六七八九十]*[百千万][零一二两三四五六七八九十百千万]*)"
# "我一个月4300 他们5100", "实习工资一个月才2000 正式工做一样的活拿4500"
_MINE = re.compile(
    rf"(?:我|实习(?:工资|的钱|补贴)?)[^，,。\d]{{0,10}}?(?:才|只有|只|拿|是|发)?\s*(?P<n>{_PAY})(?!\s*个)\s*(?:块|元)?"
)
_THEIRS = re.compile(
    r"(?:他们|正式工|正式员工|合同工|同事|别个|人家|师傅|厂里的人|厂头的人|编制内)"
    rf"[^，,。\d]{{0,12}}?(?:拿|是|有|发|能拿)?\s*(?P<n>{_PAY})(?!\s*个)\s*(?:块|元)?"
)
# "派过来3个月了": the months since the agency sent the worker (the length worked otherwise, as
# bot/domain/severance.months_worked reads it)
_SENT_FOR = re.compile(rf"(?:派过来|派来)\s*(?P<n>{NUM}|半)\s*(?:个)?(?:月|年)")
PLACEMENT_SHARE = 0.8
DISPATCH_SOURCE = "《劳动合同法》第六十三条"
PLACEMENT_SOURCE = "《职业学校学生实习管理规定》第十八条"


def _figure(pattern: re.Pattern[str], text: str) -> float | None:
    for m in pattern.finditer(text or ""):
        value = parse_number(m.group("n"))
        if value is not None and _LOW <= value <= _HIGH:
            return value
    return None


def pays_told(text: str) -> tuple[float, float] | None:
    """(the worker's monthly pay, the others'), when a message tells both, or None."""
    theirs = _figure(_THEIRS, text)
    if theirs is None:
        return None
    rest = _THEIRS.sub("", text)
    mine = _figure(_MINE, rest)
    return (mine, theirs) if mine is not None and mine != theirs else None


def months_told(text: str) -> float | None:
    """The months worked a message tells ("干了7个月", "做了1年": 12), or None."""
    worked = months_worked(text)
    if worked:
        return float(worked)
    m = _SENT_FOR.search(text or "")
    value = None if m is None else 0.5 if m.group("n") == "半" else parse_number(m.group("n"))
    if value is None or m is None:
        return None
    months = value * 12 if m.group(0).endswith("年") else value
    return months if 0 < months <= 120 else None


def dispatch_gap_text(mine: float, theirs: float, months: float | None = None) -> str:
    """What a dispatched worker is paid short a month (and over `months`), under equal pay."""
    gap = theirs - mine
    lines = [
        f"按您说的：同样的岗位，他们{format_number(theirs)}元，您{format_number(mine)}元，"
        f"每个月少{format_number(gap)}元。"
    ]
    if months:
        lines.append(
            f"干了{format_number(months)}个月，一共差{format_number(months)}×{format_number(gap)}"
            f"={format_number(gap * months)}元。"
        )
    else:
        lines.append("您在那边干了多久？按月数乘起来就是一共差的钱。")
    lines += [
        "同工同酬看的是同类岗位的劳动报酬分配办法；差的部分可以要求补足，派遣公司和用工单位"
        "给你造成损害的承担连带责任。协商不成可以申请调解或劳动仲裁（1年内，不收费），"
        "工资条、同事的工资证明、岗位安排记录留好。",
        f"依据：{DISPATCH_SOURCE}、第九十二条",
    ]
    return "\n".join(lines)


def placement_text(mine: float, post: float) -> str:
    """A placement's pay against 80 % of the post's."""
    floor = round(post * PLACEMENT_SHARE, 2)
    lines = [
        f"岗位实习的报酬原则上不低于同岗位工资的80%：{format_number(post)}×80%"
        f"={format_number(floor)}元。"
    ]
    if mine < floor:
        lines.append(
            f"您现在拿{format_number(mine)}元，每月少了{format_number(round(floor - mine, 2))}元。"
        )
    else:
        lines.append(f"您拿{format_number(mine)}元，没有低于这个标准。")
    lines += [
        "实习报酬要以货币形式按时足额直接发给学生本人，学校和中介不得截留；不够的，先向学校反映，"
        "也可以向当地教育、人社部门投诉，或找工会帮忙。",
        f"依据：{PLACEMENT_SOURCE}",
    ]
    return "\n".join(lines)
