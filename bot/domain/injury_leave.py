"""The pay of a work injury's rest (停工留薪期, 《工伤保险条例》第三十三条): the months the
doctor gave and the monthly pay told ("我月工资6000 医生喊我休3个月") worked out."""

from __future__ import annotations

import re

from bot.domain.severance import monthly_pay
from intents.numbers import NUM, format_number, parse_number

SOURCE = "《工伤保险条例》第三十三条"
LONGEST_MONTHS = 12  # 一般不超过12个月; extended by at most 12 more
# "医生喊我休3个月", "要养伤两个月", "停工留薪三个月"
_RESTED = re.compile(
    rf"(?:休|休息|养伤|养|歇|停工留薪|停工)\s*(?:了)?\s*(?P<n>{NUM}|半)\s*(?:个)?\s*月"
    # "医生开了3个月的假", "请了两个月病假": the leave the doctor wrote
    rf"|(?P<n2>{NUM}|半)\s*(?:个)?\s*月\s*的?\s*(?:假|病假|假条|病休|伤假)"
    # "8 9 10 11 是4个月" (歇 said before it): the months counted again
    rf"|(?:歇|休|养)[^，,。]{{0,16}}?是\s*(?P<n3>{NUM})\s*个\s*月"
    # "这3个月厂头每个月只发了3500": the months of the rest so far, pointed at
    rf"|(?:这|这个|这几|已经)\s*(?P<n4>{NUM})\s*个\s*月"
    # "要是要养半年呢", "歇了一年": the rest told in years
    rf"|(?:休|休息|养伤|养|歇|停工留薪|停工)\s*(?:了)?\s*(?P<y>{NUM}|半)\s*年(?P<yh>半)?(?!\s*(?:个|多个)?\s*月)"
)
# "公司一个月只给我发2千块": what is paid a month instead
_PAID_A_MONTH = re.compile(
    rf"(?:一个月|每个?月)(?:只|就|才)?(?:给我|给)?(?:发|给|打)(?:了)?\s*(?P<n>{NUM})\s*(?:块|元)?"
    # "公司说休息期间只发1800": what is paid instead, the month understood (not "只发了3个月")
    rf"|(?:只|就|才)(?:给我|给)?(?:发|给|打)(?:了)?(?:我)?\s*(?P<n2>{NUM})(?!\s*(?:个|年|天|号|%))\s*(?:块|元)?"
)


# "公司每个月只给我发了一半": half the pay paid a month instead
_HALF_PAID = re.compile(r"(?:只|就|才)?(?:给我|给)?(?:发|给|打)了?(?:我)?\s*一半")


def paid_a_month(text: str) -> float | None:
    m = _PAID_A_MONTH.search(text or "")
    value = parse_number(m.group("n") or m.group("n2")) if m else None
    return value if value is not None and 100 <= value <= 100_000 else None


def pay_before(text: str) -> float | None:
    """The monthly pay the message tells, not what is paid instead ("公司每个月只发我2000 我平时
    一个月6500": 6500)."""
    return monthly_pay(_PAID_A_MONTH.sub(" ", text or ""))


def rest_months(text: str) -> float | None:
    m = _RESTED.search(text or "")
    if not m:
        return None
    n = m.group("n") or m.group("n2") or m.group("n3") or m.group("n4")
    if n is None:  # (years: 半年 is six months)
        years = 0.5 if m.group("y") == "半" else parse_number(m.group("y"))
        value = years * 12 + (6 if m.group("yh") else 0) if years is not None else None
    else:
        value = 0.5 if n == "半" else parse_number(n)
    return value if value is not None and 0 < value <= 2 * LONGEST_MONTHS else None


def injury_leave_text(text: str, pay_text: str | None = None) -> str | None:
    """The pay owed for the rest told, when the message (or `pay_text`, the messages
    before it) tells the monthly pay and the months ("我一个月4千2 那这3个月应该拿好多" after
    "医生说要休3个月"), else None."""
    months = rest_months(text) or rest_months(pay_text or "")
    paid = paid_a_month(text) or paid_a_month(pay_text or "")
    pay = pay_before(text) or pay_before(pay_text or "")
    if months is None or pay is None:
        return None
    if paid is None and any(_HALF_PAID.search(t or "") for t in (text, pay_text)):
        paid = pay / 2
    total = pay * months
    lines = [
        f"按您说的：停工留薪{format_number(months)}个月，原月工资{format_number(pay)}元。",
        "停工留薪期内原工资福利待遇不变，由单位按月支付："
        f"{format_number(pay)}×{format_number(months)}={format_number(total)}元。",
    ]
    if paid is not None and paid < pay:
        # "公司一个月只给我发2千块": the months' shortfall
        short = (pay - paid) * months
        lines.append(
            f"单位每月只发了{format_number(paid)}元，每月少{format_number(pay - paid)}元，"
            f"{format_number(months)}个月一共该补{format_number(short)}元。"
        )
    lines += [
        "停工留薪期一般不超过12个月；伤情严重或情况特殊的，经劳动能力鉴定委员会确认可以延长，"
        "最多再延长12个月。评定伤残等级后停发原待遇，改享受伤残待遇。",
        f"依据：{SOURCE}",
    ]
    return "\n".join(lines)


def monthly_due_text(pay: float, paid: float | None = None) -> str:
    """The pay due each month of the rest, with what is short of it when less is paid ("我受伤
    前每个月7000" after "老板每个月只给2000块"), the months still to be told."""
    lines = [
        f"按您说的：受伤前月工资{format_number(pay)}元。停工留薪期内原工资福利待遇不变，"
        f"单位每月应当照发{format_number(pay)}元，不能只发基本工资或生活费。",
    ]
    if paid is not None and paid < pay:
        lines.append(
            f"单位每月只发{format_number(paid)}元，每月少发{format_number(pay - paid)}元；"
            "告诉我已经歇了几个月，我帮您算一共该补好多。"
        )
    else:
        lines.append("告诉我已经歇了几个月，我帮您算一共该发好多。")
    lines.append(f"依据：{SOURCE}")
    return "\n".join(lines)
