"""The longest probation a contract allows, worked out from the contract's term and the probation
the worker was given: "我签的三年合同 试用期给我定了8个月" is answered "最长6个月，超了2个月"
with what the excess is worth, as a union lawyer would, instead of the table alone.

《劳动合同法》第十九条: a contract of less than three months (or for a task) has no probation;
three months to less than a year, at most one month; one year to less than three, at most two
months; three years or more, or open-ended, at most six months. 第八十三条: a probation served
beyond the cap is paid, for the time served beyond it, at the full monthly pay after probation,
as compensation. 第二十条: probation pay is at least 80 % of the contract's pay (or the lowest
of the same post) and never below the local minimum wage.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from intents.numbers import NUM, format_number, parse_number

SOURCE = "《劳动合同法》第十九条、第八十三条"
WITHIN_SOURCE = "《劳动合同法》第十九条、第二十条"
_UNIT = r"(?P<{}>年|个月|月)"
# the contract's term: "三年合同", "签的是两年的劳动合同", "合同签了3年", "合同期一年"
_TERM = re.compile(
    # ("18 个月 劳动合同": read from English, words spaced; not "试用期定的6个月 合同才签1年")
    rf"(?P<n>{NUM}|半)\s*{_UNIT.format('u')}(?:(?:的)?(?:劳动)?|\s劳动)合同"
    rf"|合同(?:签了?|签的是?|是|期限?是?|期)(?:的)?\s*(?P<n2>{NUM}|半)\s*{_UNIT.format('u2')}"
    # "那要是签三年的呢": the term alone, after the contract was talked about
    rf"|签(?:了|的是|的)?\s*(?P<n3>{NUM}|半)\s*{_UNIT.format('u3')}(?:的|合同|(?=\s*[，,]?\s*试用))"
    # "那我老公呢 他签的三年": the term said last, asked for someone else
    rf"|签(?:了|的是|的)\s*(?P<n4>{NUM}|半)\s*{_UNIT.format('u4')}(?=(?:的|呢|嘛|喃)?(?:[？?。\s]|$))"
)
_OPEN_ENDED = re.compile(r"无固定期限")
# the probation given: "试用期给我定了8个月", "试用期是六个月", "要试用半年", "8个月的试用期"
_PROBATION = re.compile(
    rf"试用期?[^，,。；;？?\s\d零〇一二两三四五六七八九十半]{{0,8}}\s?(?P<p>{NUM}|半)\s*{_UNIT.format('pu')}"
    rf"|(?P<p2>{NUM}|半)\s*{_UNIT.format('pu2')}(?:的)?试用"
)


# "要再延长三个月试用期", "试用期又加两个月": an extension, whose months are not the probation
# agreed (the law allows one probation only; that entry answers)
_EXTENDED = re.compile(
    r"延长|延期|再(?:试用|试|延|加|续|搞)|又(?:加|延|续|试)|又要(?:重新)?试|重新试用|加长|续期"
)


def extends_probation(text: str) -> bool:
    return _EXTENDED.search(text) is not None


def _months(raw: str | None, unit: str | None) -> float | None:
    if raw is None or unit is None:
        return None
    value = 0.5 if raw == "半" else parse_number(raw)
    if value is None or value <= 0:
        return None
    return value * 12 if unit == "年" else value


def contract_months(text: str) -> float | None:
    """The contract's term in months (open-ended: infinity), or None when not told."""
    if _OPEN_ENDED.search(text):
        return float("inf")
    m = _TERM.search(text)
    if m is None:
        return None
    return _months(
        m.group("n") or m.group("n2") or m.group("n3") or m.group("n4"),
        m.group("u") or m.group("u2") or m.group("u3") or m.group("u4"),
    )


def probation_months(text: str) -> float | None:
    m = _PROBATION.search(text)
    if m is None:
        return None
    return _months(m.group("p") or m.group("p2"), m.group("pu") or m.group("pu2"))


def longest_probation(term: float) -> int:
    """The most months of probation a contract of `term` months allows (第十九条)."""
    if term < 3:
        return 0
    if term < 12:
        return 1
    if term < 36:
        return 2
    return 6


@dataclass(frozen=True)
class Probation:
    term: float
    given: float

    def term_text(self) -> str:
        if self.term == float("inf"):
            return "无固定期限合同"
        years, rest = divmod(self.term, 12)
        return (
            f"{format_number(years)}年的合同"
            if not rest
            else f"{format_number(self.term)}个月的合同"
        )


def over_the_cap(text: str) -> bool:
    """The probation told is longer than the contract told allows."""
    term, given = contract_months(text), probation_months(text)
    return term is not None and given is not None and given > longest_probation(term)


# "我都已经做了5个月了": how long the probation has run so far
# ("6个月都干完了": all of it worked)
_SO_FAR = re.compile(
    rf"(?:已经|都|现在)?(?:做|干|上|试用)(?:满|够)?了\s*(?P<n>{NUM}|半)\s*(?:个)?月"
    rf"|(?P<m>{NUM}|半)\s*个?月(?:都|全|全部|已经)?(?:干|做|上|试用)(?:完|满)了?"
)


def months_so_far(text: str) -> float | None:
    m = _SO_FAR.search(text or "")
    return _months(m.group("n") or m.group("m"), "月") if m else None


def probation_text(text: str, so_far: float | None = None, pay: float | None = None) -> str | None:
    """The cap and the excess for a message that tells the contract's term and the probation
    given, else None; `so_far`: the months of probation already worked, `pay`: the monthly
    pay after probation (the compensation for the excess worked is then worked out)."""
    term, given = contract_months(text), probation_months(text)
    if term is None or given is None:
        return None
    p = Probation(term, given)
    cap = longest_probation(term)
    said = f"按您说的，签的是{p.term_text()}，试用期约定了{format_number(given)}个月："
    if cap == 0:
        head = "不满3个月的合同不能约定试用期，约定了也不算，这段时间就是正式合同期。"
        over = given
    elif given <= cap:
        return "\n".join(
            [
                said,
                f"依法最长{cap}个月，您的试用期没有超过上限。",
                "试用期工资不得低于本单位相同岗位最低档工资或者合同约定工资的80%，"
                "也不得低于当地最低工资标准；同一单位和同一个人只能约定一次试用期。",
                f"依据：{WITHIN_SOURCE}",
            ]
        )
    else:
        over = given - cap
        head = f"依法最长{cap}个月，超了{format_number(over)}个月，超出的部分违法。"
    lines = [
        said,
        head,
        f"超出的{format_number(over)}个月已经干了的，单位要以转正后的月工资为标准，按已经"
        "干了的超出时间向您支付赔偿金（这段时间本来就该按转正工资发）；还没到的，可以要求"
        "单位改正、按转正对待。可以打12333投诉，或申请劳动仲裁。",
    ]
    if so_far is not None:
        done = min(so_far, given) - cap
        if done > 0:
            sum_ = (
                f"：{format_number(done)}×{format_number(pay)}={format_number(done * pay)}元"
                if pay
                else ""
            )
            lines.append(
                f"您已经试用了{format_number(so_far)}个月，超出上限的{format_number(done)}个月"
                f"要按转正工资赔{sum_}。"
            )
        else:
            lines.append(f"您试用了{format_number(so_far)}个月，还没超过上限。")
    lines.append(f"依据：{SOURCE}")
    return "\n".join(lines)


def cap_text(text: str) -> str | None:
    """ "我签的是两年的合同" after the caps were answered: that contract's longest probation,
    when the message tells the term and no probation given; else None."""
    term = contract_months(text)
    if term is None or probation_months(text) is not None:
        return None
    cap = longest_probation(term)
    said = f"按您说的，签的是{Probation(term, 0).term_text()}："
    if cap == 0:
        verdict = "不满3个月的合同不能约定试用期，约定了也不算。"
    else:
        verdict = f"试用期依法最长{cap}个月，超过的部分违法；同一单位只能约定一次试用期。"
    if (
        term in _BOUNDARY
    ):  # ("签一年合同的呢": 一年以上 counts the year itself, 民法典第一千二百五十九条)
        verdict += _BOUNDARY[term]
    return f"{said}{verdict}\n依据：{SOURCE}"


# a term on a line of the table: which side it falls on
_BOUNDARY = {
    12: "满1年的合同算“1年以上不满3年”；不满1年的，试用期最多1个月。",
    36: "满3年的合同算“3年以上”；不满3年的，试用期最多2个月。",
}


# "试用期一个月3000 说转正了是4000": the pay in probation and the pay agreed after it
_PROBATION_PAY = re.compile(
    rf"试用期\s?(?:工资|的工资)?(?:他|老板|公司)?(?:一个月|每个?月|月薪)?(?:只|就|才)?(?:是|有|给我?|发我?|给我发|拿|给我开的|开的|开)?\s*(?P<pay>{NUM})"
    r"(?!\s*(?:个|年|天|月))"
)
_REGULAR_PAY = re.compile(
    rf"(?:转正|转了正|正式|合同上写的|合同(?:里|头|中)?写的|合同上的|合同上|合同)(?:了|后|以后|之后|过后)?(?:工资|的工资)?"
    # ("转正说是4千": what the employer said it will be)
    rf"(?:才|就)?(?:说|讲)?(?:是|有|给|拿)?\s*(?P<pay>{NUM})"
    r"(?!\s*(?:个|年|天|月))"
)
PAY_SOURCE = "《劳动合同法》第二十条；《劳动合同法实施条例》第十五条"


# "那3千6的试用期工资": the pay said before the words
_PAY_BEFORE = re.compile(rf"(?P<pay>{NUM})\s*(?:块|元)?(?:钱)?的试用期工资")


def _pay(pattern: re.Pattern[str], text: str) -> float | None:
    m = pattern.search(text or "")
    if m is None and pattern is _PROBATION_PAY:
        m = _PAY_BEFORE.search(text or "")
    value = parse_number(m.group("pay")) if m else None
    return value if value is not None and 500 <= value <= 200_000 else None


def regular_pay(text: str) -> float | None:
    """The pay agreed for after probation, when the message tells it ("转正了是4000")."""
    return _pay(_REGULAR_PAY, text)


def probation_pay_text(text: str, regular_told: float | None = None) -> str | None:
    """Whether the probation pay told reaches 80 % of the pay agreed after it (told here, or
    before: `regular_told`), else None."""
    given, regular = _pay(_PROBATION_PAY, text), _pay(_REGULAR_PAY, text) or regular_told
    if given is None or regular is None or given >= regular:
        return None
    floor = regular * 0.8
    said = f"按您说的，转正工资{format_number(regular)}元，试用期{format_number(given)}元："
    if given < floor:
        verdict = (
            f"试用期工资不得低于约定工资的80%，也就是{format_number(floor)}元；"
            f"您的{format_number(given)}元低了{format_number(floor - given)}元，不合法，"
            "可以要求补足差额（向劳动保障监察投诉或申请劳动仲裁）。"
        )
    else:
        verdict = (
            f"试用期工资不得低于约定工资的80%，也就是{format_number(floor)}元；"
            f"{format_number(given)}元没有低于这个标准，合法（同时不能低于当地最低工资标准）。"
        )
    return "\n".join([said, verdict, f"依据：{PAY_SOURCE}"])


def probation_floor_text(regular: float, given: float | None = None) -> str:
    """The least a probation may pay (80 % of the pay agreed after it), asked with the pay
    after probation told ("那我试用期最少应该拿多少"); what is short of it when the probation
    pay was told too."""
    floor = regular * 0.8
    lines = [
        f"按转正工资{format_number(regular)}元算，试用期工资最少{format_number(floor)}元"
        "（不得低于约定工资的80%，同时不能低于当地最低工资标准）。"
    ]
    if given is not None and given < floor:
        lines.append(
            f"单位只给{format_number(given)}元，每月少{format_number(floor - given)}元，"
            "可以要求补足（向劳动保障监察投诉或申请劳动仲裁）。"
        )
    return "\n".join([*lines, f"依据：{PAY_SOURCE}"])


def probation_pays(texts: list[str]) -> tuple[float, float] | None:
    """(the probation pay, the pay after it) told across several messages, or None."""
    given = next(filter(None, (_pay(_PROBATION_PAY, t) for t in texts)), None)
    regular = next(filter(None, (_pay(_REGULAR_PAY, t) for t in texts)), None)
    return (given, regular) if given and regular and given < regular else None


def shortfall_text(given: float, regular: float, months: float) -> str | None:
    """What a probation paid below 80 % of the pay after it owes over its months."""
    floor = regular * 0.8
    if given >= floor:
        return None
    short = floor - given
    return "\n".join(
        [
            f"按您说的：转正工资{format_number(regular)}元，试用期每月至少{format_number(floor)}元，"
            f"实发{format_number(given)}元，每月少{format_number(short)}元；"
            f"试用期{format_number(months)}个月一共少{format_number(short * months)}元，可以要求补发。",
            "先找单位要；不给的，向劳动保障监察投诉（12333）或申请劳动仲裁，工会也可以帮忙调解。",
            f"依据：{PAY_SOURCE}",
        ]
    )


# "试用期工资只给我打了7折", "只发6成": the probation pay told as a share of the agreed pay
_SHARE = re.compile(
    r"打了?\s*(?P<z>[5-9](?:\.\d)?|[五六七八九])\s*折|(?P<c>[五六七八九]|[5-9])\s*成"
    r"|(?:百分之|%)?(?P<p>[5-9]\d)\s*(?:%|％)"
)
_CN_DIGIT = dict(zip("五六七八九", "56789", strict=True))


def probation_share_text(text: str) -> str | None:
    """Whether a probation pay told as a share (打7折, 6成, 70%) reaches the 80 % floor."""
    share = share_told(text)
    if share is None:
        return None
    told = f"按您说的，试用期工资是约定工资的{format_number(share)}%："
    if share < 80:
        verdict = (
            "试用期工资不得低于劳动合同约定工资的80%（也不得低于当地最低工资标准），"
            f"{format_number(share)}%低于这个标准，不合法，可以要求补足差额"
            "（向劳动保障监察投诉或申请劳动仲裁）。"
        )
    else:
        verdict = (
            "试用期工资不得低于劳动合同约定工资的80%（也不得低于当地最低工资标准），"
            f"{format_number(share)}%没有低于这个标准。"
        )
    return "\n".join([told, verdict, f"依据：{PAY_SOURCE}"])


def share_told(text: str) -> float | None:
    """The share of the agreed pay a message says the probation pay is (70.0 for 打7折)."""
    if "试用" not in (text or ""):
        return None
    m = _SHARE.search(text)
    if m is None:
        return None
    raw = m.group("z") or m.group("c")
    share = float(_CN_DIGIT.get(raw, raw)) * 10 if raw else float(m.group("p"))
    return share if 50 <= share <= 100 else None


def share_with_pay_text(share: float, regular: float) -> str:
    """The share told before, worked out with the pay after probation told now."""
    given, floor = regular * share / 100, regular * 0.8
    lines = [
        f"按您说的，转正工资{format_number(regular)}元，试用期按{format_number(share)}%发，"
        f"也就是{format_number(given)}元。",
        f"试用期工资不得低于约定工资的80%，也就是{format_number(floor)}元"
        + (
            f"；少了{format_number(floor - given)}元，不合法，可以要求补足差额"
            "（向劳动保障监察投诉或申请劳动仲裁）。"
            if given < floor
            else "，没有低于这个标准。"
        ),
        f"依据：{PAY_SOURCE}",
    ]
    return "\n".join(lines)
