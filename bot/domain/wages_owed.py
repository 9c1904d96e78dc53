"""Wages owed for days worked, and the extra an employer pays for holding them back.

- "我11月份上了15天班 一个月是4千3百5 他该给我好多": 4350 ÷ 21.75 × 15 = 3000元 (the day's pay as
  《关于职工全年月平均工作时间和工资折算问题的通知》 reckons it);
- "拖着不给还要加付赔偿金 按3000算是好多到好多": 50 % to 100 % of the sum owed, 1500 to 3000元,
  once the labour inspectorate's deadline passed (《劳动合同法》第八十五条)."""

from __future__ import annotations

import re

from intents.numbers import NUM, format_number, parse_number

DAYS_SOURCE = "《工资支付暂行规定》第九条；《关于职工全年月平均工作时间和工资折算问题的通知》"
EXTRA_SOURCE = "《劳动合同法》第八十五条"
WORK_DAYS_A_MONTH = 21.75
# "上了15天班", "做了12天", "干了二十天"
_DAYS_WORKED = re.compile(rf"(?:上了|做了|干了|上|做)\s*(?P<n>{NUM})\s*(?:个)?\s*(?:天|工)(?:班)?")
# "加付赔偿金 按3000算", "加付的赔偿金是好多"
_EXTRA = re.compile(
    r"加付|加倍|另外赔|还要赔|多要一笔|多赔一笔|额外赔|多要(?:好多|多少|点|些)|能多要|还能要一笔"
    # ("他要是一直拖 我可以要他多赔点不")
    r"|多赔(?:点|些|一点)"
)
_OWED = re.compile(rf"(?:按|欠|差|是)\s*(?P<sum>{NUM})\s*(?:块|元)?")


def days_worked(text: str) -> int | None:
    m = _DAYS_WORKED.search(text or "")
    value = parse_number(m.group("n")) if m else None
    return int(value) if value and value == int(value) and 0 < value <= 31 else None


def days_pay_text(days: int, monthly: float) -> str:
    daily = monthly / WORK_DAYS_A_MONTH
    total = round(daily * days, 2)
    return "\n".join(
        [
            f"按您说的：月工资{format_number(monthly)}元，上了{days}天班。",
            f"日工资={format_number(monthly)}÷21.75≈{format_number(round(daily, 2))}元；"
            f"{days}天的工资约{format_number(total)}元，离职时要一次付清。",
            f"依据：{DAYS_SOURCE}",
        ]
    )


def extra_told(text: str) -> float | None:
    """The sum owed, in a message asking what the extra for holding it back comes to."""
    if not _EXTRA.search(text or ""):
        return None
    m = _OWED.search(text)
    value = parse_number(m.group("sum")) if m else None
    return value if value is not None and 100 <= value <= 1_000_000 else None


def extra_text(owed: float, what: str = "") -> str:
    """The extra for holding back `owed` (`what` it is, "一个月工资", said before the sum)."""
    low, high = owed * 0.5, owed
    return "\n".join(
        [
            f"按欠{what}{format_number(owed)}元算：劳动保障监察部门责令限期支付后逾期还不付的，"
            f"单位要按欠款的50%到100%另外加付赔偿金，也就是{format_number(low)}元到"
            f"{format_number(high)}元（具体比例由监察部门或仲裁确定）。",
            "先打12333或到区县人社局劳动保障监察投诉，让他们责令限期支付。",
            f"依据：{EXTRA_SOURCE}",
        ]
    )


# "一共做了78个工 说好一天350 到现在只给了1万块": days worked at a day's rate, less paid
_WORK_DAYS = re.compile(rf"(?:做了|干了|上了|一共)\s*(?P<n>{NUM})\s*(?:个工|个工日|天工|天)")
_DAY_RATE = re.compile(rf"(?:一天|每天|一个工|日薪|工钱)(?:是|给|算)?\s*(?P<n>{NUM})\s*(?:块|元)?")
_PAID = re.compile(rf"(?:只给了|给了|拿了|只拿了|付了|预支了|借了)\s*(?P<n>{NUM})\s*(?:块|元)?")


def _told(pattern: re.Pattern[str], text: str, low: float, high: float) -> float | None:
    for m in pattern.finditer(text or ""):
        value = parse_number(m.group("n"))
        if value is not None and low <= value <= high:
            return value
    return None


# "是58天不是52天": the days worked, corrected
_DAYS_CORRECTED = re.compile(rf"是\s*(?P<n>{NUM})\s*(?:个工|天)\s*(?:不是|，不是|,不是)")


def days_corrected(text: str) -> float | None:
    return _told(_DAYS_CORRECTED, text, 1, 1000)


def days_and_rate(text: str) -> tuple[float, float] | None:
    """(days worked, a day's rate) a message tells, or None."""
    days, rate = _told(_WORK_DAYS, text, 1, 1000), _told(_DAY_RATE, text, 50, 3000)
    return (days, rate) if days is not None and rate is not None else None


def site_owed_text(text: str, none_paid: bool = False, days: float | None = None) -> str | None:
    """What is still owed for days worked at a day's rate, less what was paid, when the
    message (several joined) tells all three; with `none_paid`, the days and the rate alone
    ("做了52天 说好的一天350 一共该好多": nothing paid yet); `days`: a number corrected."""
    days = days or _told(_WORK_DAYS, text, 1, 1000)
    rate = _told(_DAY_RATE, text, 50, 3000)
    paid = _told(_PAID, text, 100, 10_000_000)
    if paid is None and none_paid:
        paid = 0.0
    if days is None or rate is None or paid is None:
        return None
    total = days * rate
    if paid >= total:
        return None
    less = (
        f"已经给了{format_number(paid)}元，还欠{format_number(total - paid)}元"
        if paid
        else "都还没给"
    )
    return "\n".join(
        [
            f"按您说的：{format_number(days)}个工×每天{format_number(rate)}元="
            f"{format_number(total)}元，{less}。",
            "记下每天的考勤、工友证言、微信聊天和转账记录；包工头不付的，可以找施工总承包单位"
            "或建设单位清偿，打12333或到区县人社局投诉。",
            "依据：《保障农民工工资支付条例》第三十条、第三十六条",
        ]
    )


# "有一个月是4千8 另外两个月才是5千2": months owed at different pays
_MONTHS_AT = re.compile(
    rf"(?P<c>{NUM})\s*个月(?:的)?(?:工资)?(?:才|都|只)?是\s*(?P<p>{NUM})\s*(?:块|元)?"
)


def months_at_pays(text: str) -> list[tuple[float, float]]:
    """(months, pay) pairs a message tells, when it tells two or more."""
    pairs = []
    for m in _MONTHS_AT.finditer(text or ""):
        count, pay = parse_number(m.group("c")), parse_number(m.group("p"))
        if count and pay and 0 < count <= 24 and 100 <= pay <= 100_000:
            pairs.append((count, pay))
    return pairs if len(pairs) >= 2 else []


def owed_by_pays_text(pairs: list[tuple[float, float]]) -> str:
    total = sum(c * p for c, p in pairs)
    parts = "＋".join(f"{format_number(c)}×{format_number(p)}" for c, p in pairs)
    return "\n".join(
        [
            f"按您说的：{parts}，一共欠{format_number(total)}元。",
            "欠的工资可以打12333向劳动保障监察投诉，也可以申请劳动仲裁（不收费）；监察部门责令限期"
            "支付后还不付的，单位还要按应付金额50%到100%加付赔偿金。",
            f"依据：{EXTRA_SOURCE}",
        ]
    )


def asks_the_extra(text: str) -> bool:
    return _EXTRA.search(text or "") is not None


# "我一个月6000 她4500": the pay of the partner (or a parent) owed with the worker
_PARTNER_PAY = re.compile(
    rf"(?P<who>她|他|老婆|老公|媳妇|爱人|婆娘|我妈|我爸)(?:的)?(?:一个月|每个?月|月工资|工资)?"
    rf"(?:是|有|拿|才)?\s*(?P<n>{NUM})\s*(?:块|元)?"
)
PARTNER_MIN, PARTNER_MAX = 500, 100000


def partner_pay(text: str) -> tuple[str, float] | None:
    """(who, monthly pay) of a second person whose wages are owed too, said with the
    worker's own ("我一个月6000 她4500 一共欠好多")."""
    m = _PARTNER_PAY.search(text or "")
    value = parse_number(m.group("n")) if m else None
    if m is None or value is None or not PARTNER_MIN <= value <= PARTNER_MAX:
        return None
    return m.group("who"), value


def two_owed_text(months: float, own: float, who: str, theirs: float) -> str:
    """The wages owed to two people for the same months, each and together."""
    n = format_number(months)
    own_sum, their_sum = months * own, months * theirs
    return "\n".join(
        [
            f"按您说的，拖欠{n}个月：您{n}×{format_number(own)}={format_number(own_sum)}元，"
            f"{who}{n}×{format_number(theirs)}={format_number(their_sum)}元，"
            f"两个人一共{format_number(own_sum + their_sum)}元。",
            "欠的工资可以打12333向劳动保障监察投诉，也可以一起申请劳动仲裁或工会调解（都不收费）；"
            "监察部门责令限期支付后还不付的，单位还要按应付金额50%到100%加付赔偿金。",
            "依据：《劳动合同法》第三十条、第八十五条；《工资支付暂行规定》第九条",
        ]
    )


# "拖了我三个月提成一共9600", "欠我12000工钱": the sum held back, told whole
_HELD_SUM = re.compile(r"(?:拖|欠|压)[^。，,？?]{0,12}?(?:一共|总共|共)?\s*(?P<sum>\d{3,6})(?!\d)")
HELD_MIN = 100


def held_sum(text: str) -> float | None:
    """The sum a message says is held back ("他们拖了我三个月提成一共9600": 9600), or None."""
    m = _HELD_SUM.search(text or "")
    value = float(m.group("sum")) if m else None
    return value if value and value >= HELD_MIN else None


# "连到三个月每个月只发一半", "这两个月都只给了一半工资": months paid half the pay each
_HALF_MONTHS = re.compile(
    rf"(?P<n>{NUM})\s*个月[^。？?！!]{{0,8}}?(?:只|就|才)(?:发|给|开|打)了?(?:我)?\s*一半"
)
HALF_SOURCE = "《劳动合同法》第三十条、第三十八条、第八十五条；《工资支付暂行规定》第九条"


def half_paid_months(text: str) -> int | None:
    """How many months a message says only half the pay was paid ("三个月每个月只发一半")."""
    m = _HALF_MONTHS.search(text or "")
    n = parse_number(m.group("n")) if m else None
    return int(n) if n and n == int(n) and 0 < n <= 36 else None


def half_paid_text(months: int, pay: float) -> str:
    """The half of `pay` held back each of `months` months, added up."""
    half = pay / 2
    return "\n".join(
        [
            f"按您说的：月工资{format_number(pay)}元，每月只发一半，每月少发{format_number(half)}元，"
            f"{months}个月一共少发{format_number(half)}×{months}={format_number(half * months)}元。",
            "资金周转困难不是少发工资的理由，工资要按月足额发。少发的可以打12333向劳动保障监察投诉，"
            "也可以申请劳动仲裁（不收费）；监察部门责令限期支付后还不付的，单位还要按应付金额50%到"
            "100%加付赔偿金。单位没有及时足额发工资，你可以随时书面通知解除合同，还能要经济补偿。",
            f"依据：{HALF_SOURCE}",
        ]
    )
