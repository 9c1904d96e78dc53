"""A group owed the same each: "我们车间有9个人 老板拖了两个月工资没发 … 每个人都是4500".

Each worker's wages are their own claim, and workers with a common claim may file together
through a representative (《劳动争议调解仲裁法》第七条); what the group asks for in all is the
workers times the monthly wage times the months owed (wages are paid in full and on time,
《劳动法》第五十条). The sum each is read as a month's wage when months owed are told, else as
what each is owed.
"""

from __future__ import annotations

import re

from bot.domain.groups import PART, group_size
from intents.numbers import format_number, parse_number

# "每个人都是4500", "每人4500", "一个人4500块"
_EACH = re.compile(
    # ("每个人每月7000": a month's wage each)
    r"(?:每个人|每人|每个|一个人|一人)(?:的工资)?(?:每月|每个月|一个月|一月)?(?:都|也)?"
    # ("每个人差不多8000", "每人大概6千": about that much)
    r"(?:是|有|欠|拿|差)?(?:都是)?(?:差不多|大概|大约|约)?"
    r"\s*(?P<n>\d{3,6})\s*(?:块钱?|元)?"
)
# "拖了两个月工资", "欠了3个月", "两个月的工资": the months owed
_MONTHS = re.compile(
    # ("拖了我们两个月": whose, between, after the verb that says they are owed)
    r"(?:拖了|欠了|拖欠了?|差了?|压了)(?:我们|大家)\s*(?P<m>\d{1,2}|[一二两三四五六七八九十]{1,2})\s*个月"
    r"|(?:拖了|欠了|拖欠了?|差了?|没发|压了|扣了)?\s*"
    r"(?P<n>\d{1,2}|[一二两三四五六七八九十]{1,2})\s*个月"
    r"(?:的)?(?:工资|工钱|没发|没给|了)"
)
MONTHS_MAX = 36
_MONTHLY = re.compile(r"每月|每个月|一个月|一月")


def same_each_total(text: str | None) -> str | None:
    """ "9个人×4500元×2个月＝81000元 …" when the story tells how many workers, the same sum
    each and (perhaps) the months owed; None otherwise."""
    value = text or ""
    people, each = group_size(value), _EACH.search(value)
    if not people or people < 2 or each is None:
        return None
    sum_each = float(each.group("n"))
    months = _MONTHS.search(value)
    count = parse_number(months.group("m") or months.group("n")) if months else None
    if count and 1 <= count <= MONTHS_MAX:
        total = people * sum_each * count
        # ("每个人差不多8000" after "欠了两个月工资": a month's wage, or all each is owed)
        owed = (
            ""
            if _MONTHLY.search(each.group(0))
            else f"如果{format_number(sum_each)}元是每人一共被欠的钱，就是{people}个人×"
            f"{format_number(sum_each)}元＝{format_number(people * sum_each)}元。"
        )
        return (
            f"{people}个人×{format_number(sum_each)}元×{format_number(count)}个月"
            f"＝{format_number(total)}元（按每人每月{format_number(sum_each)}元、"
            f"欠{format_number(count)}个月算）。{owed}每个人的钱是各自的诉求，调解时各自的工资和欠款要各自举证。"
        )
    total = people * sum_each
    return (
        f"{people}个人×{format_number(sum_each)}元＝{format_number(total)}元（按每人"
        f"{format_number(sum_each)}元算）。每个人的钱是各自的诉求，调解时各自的工资和欠款要各自举证。"
    )


# "3个人每人欠12600 另外3个每人欠9800": a group in parts, each part owed the same each
_PART_EACH = re.compile(
    PART.pattern + r"(?:都)?(?:是|有|欠了?|差|拿)?\s*(?P<n>\d{3,6})\s*(?:块钱?|元)?"
)


def parts_total(text: str | None) -> str | None:
    """ "3个人×12600元＋3个人×9800元＝67200元" when the message tells two or more parts of a
    group, each with the same sum each; None otherwise."""
    parts = []
    for m in _PART_EACH.finditer(text or ""):
        people = parse_number(m.group("p"))
        if people is None or not 1 <= people <= 500:
            return None
        parts.append((int(people), float(m.group("n"))))
    if len(parts) < 2:
        return None
    added = "＋".join(f"{p}个人×{format_number(n)}元" for p, n in parts)
    total = sum(p * n for p, n in parts)
    people = sum(p for p, _ in parts)
    return (
        f"{people}个人一共：{added}＝{format_number(total)}元。"
        "每个人的钱是各自的诉求，调解时各自的工资和欠款要各自举证。"
    )
