"""Maternity leave worked out from what the worker told: twins or more, a difficult birth
(《女职工劳动保护特别规定》第七条: 98 days, 15 of them before the birth; 15 more for a difficult
birth; 15 more for each further baby). Chongqing adds days of its own; the answer says where
they are set rather than a number."""

from __future__ import annotations

import re
from datetime import date, timedelta

from intents.numbers import parse_number

BASE_DAYS, BEFORE_BIRTH, EACH_MORE = 98, 15, 15
SOURCE = "《女职工劳动保护特别规定》第七条"
_BABIES = {"双胞胎": 2, "龙凤胎": 2, "三胞胎": 3, "四胞胎": 4}
_BABIES_SAID = re.compile(r"双胞胎|龙凤胎|三胞胎|四胞胎|(?P<n>[两二三四2-4])\s*个(?:娃|孩子|宝宝)")
_DIFFICULT = re.compile(r"难产|剖腹产|剖宫产|剖腹|剖宫|顺转剖")
_ASKS_LEAVE = re.compile(r"产假|生育假")


def babies(text: str) -> int | None:
    m = _BABIES_SAID.search(text or "")
    if m is None:
        return None
    if m.group("n"):
        n = parse_number(m.group("n"))
        return int(n) if n else None
    return _BABIES[m.group(0)]


# "预产期是3月20号": the due date (the latest one told wins)
_DUE = re.compile(
    r"预产期(?:是|在)?\s*(?:(?P<y>20\d{2})\s*年)?\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*[号日]"
)


def due_date(text: str, today: date) -> date | None:
    """The due date the message tells, the next such day from today when no year is said."""
    m = _DUE.search(text or "")
    if m is None:
        return None
    month, day = int(m.group("m")), int(m.group("d"))
    year = int(m.group("y")) if m.group("y") else today.year
    try:
        found = date(year, month, day)
        if not m.group("y") and found < today:
            found = date(year + 1, month, day)
    except ValueError:
        return None
    return found


def total_days(told: str) -> int:
    n, difficult = babies(told), _DIFFICULT.search(told or "") is not None
    return BASE_DAYS + (EACH_MORE * (n - 1) if n and n > 1 else 0) + (EACH_MORE if difficult else 0)


def leave_dates_text(due: date, told: str) -> str:
    """When the leave may begin (15 days before the due date) and, taken from then, ends."""
    days = total_days(told)
    start = due - timedelta(days=BEFORE_BIRTH)
    end = start + timedelta(days=days - 1)
    return "\n".join(
        [
            f"按预产期{due.month}月{due.day}日算：产前可以休{BEFORE_BIRTH}天，最早从{start.month}月"
            f"{start.day}日开始休；按国家规定共{days}天算，从那天休起到{end.month}月{end.day}日"
            "（实际生的日子早了晚了，产后的天数照样休足）。",
            "重庆另外增加的生育假天数以《重庆市人口与计划生育条例》的现行规定为准，可以打12333核实。",
            f"依据：{SOURCE}",
        ]
    )


def maternity_text(told: str) -> str | None:
    """The days for the births told (several messages joined), or None when nothing beyond
    the ordinary birth is told."""
    n, difficult = babies(told), _DIFFICULT.search(told or "") is not None
    if (n is None or n < 2) and not difficult:
        return None
    days, parts = BASE_DAYS, [f"{BASE_DAYS}天"]
    said = []
    if n and n > 1:
        days += EACH_MORE * (n - 1)
        parts.append(f"多胞胎每多1个加{EACH_MORE}天×{n - 1}")
        said.append({2: "双胞胎", 3: "三胞胎", 4: "四胞胎"}.get(n, f"{n}胞胎"))
    if difficult:
        days += EACH_MORE
        parts.append(f"难产（含剖腹产）加{EACH_MORE}天")
        said.append("难产或剖腹产")
    return "\n".join(
        [
            f"按您说的（{'、'.join(said)}）：国家规定的产假是{'＋'.join(parts)}，共{days}天，"
            f"其中产前可以休{BEFORE_BIRTH}天，一般从预产期前15天开始休。",
            "重庆在国家产假之外还增加了生育假，具体天数以《重庆市人口与计划生育条例》的现行规定为准，"
            "可以打12333或问单位人事核实；产假期间按规定享受生育津贴。",
            f"依据：{SOURCE}",
        ]
    )


def asks_leave_days(text: str) -> bool:
    return _ASKS_LEAVE.search(text or "") is not None
