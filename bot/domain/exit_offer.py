"""A sum offered to leave by agreement, weighed against what the law gives: "公司找我谈话 说协商
解除 给我5万块 划不划算" is answered with the floor the offer should reach, and once the years and
the pay are told, the compensation (N) and how far the offer falls short of it.

《劳动合同法》第三十六条: the contract may be ended by agreement; 第四十六条第（二）项: when the
employer proposes it, the employer pays economic compensation; 第四十七条: one month's pay for
each full year (six months or more count as a year, less as half a month). An employer that
ends the contract without a lawful reason when the worker will not sign pays twice that
(第八十七条).
"""

from __future__ import annotations

import re

from bot.domain.severance import Severance
from intents.numbers import NUM, format_number, parse_number

SOURCE = "《劳动合同法》第三十六条、第四十六条、第四十七条、第八十七条"

# the sum offered ("给我5万块", "赔我3万", "补偿2万5", "出4万打发我")
_OFFERED = re.compile(
    rf"(?:给|赔|补|出|开价|补偿)(?:我|我们)?(?:了)?\s*(?P<n>{NUM})\s*(?:块钱|块|元)?(?!\s*个|年|天|号|月)"
)
# or months of pay ("说给我半个月工资", "补两个月工资"), the sum at the pay told
_OFFERED_MONTHS = re.compile(
    rf"(?:给|赔|补|出|补偿)(?:我|我们)?(?:了)?\s*(?P<m>{NUM}|半)\s*个?月(?:的)?工资"
)
# a sum this small is no offer to leave (a day's pay, a count)
MIN_OFFER = 1000
# leaving by agreement, proposed by the employer ("说协商解除", "劝退", "找我谈话"; "人事喊我写个
# 辞职申请 说给我半个月工资": a resignation asked for with a sum, the employer's proposal)
_BY_AGREEMENT = re.compile(
    r"协商解除|协商离职|协议解除|劝退|找我谈话|谈离职|买断|签(?:个|份)?协议"
    r"|(?:喊|叫|让|要|劝)我(?:写|打|交|签)(?:个|份|一份)?(?:辞职|离职|自愿离职)"
)
# whether the offer is worth taking, or how far short it falls
_WEIGHED = re.compile(
    r"划不划算|划算|合算|合不合算|亏不亏|吃亏|值不值|够不够|够不|差好多|差多少|少好多|少多少|还差"
    r"|该不该签|签不签|要不要签|能不能签|合理不|合不合理"
    # ("给我3万 该签不", "我能签不")
    r"|该签不|能签不|可以签不|签得不"
)


def offered_sum(text: str) -> float | None:
    """The sum the employer offers that a message tells ("给我5万块": 50000), or None."""
    for m in _OFFERED.finditer(text or ""):
        value = parse_number(m.group("n"))
        if value is not None and value >= MIN_OFFER:
            return value
    return None


def offered_months(text: str, pay: float | None) -> float | None:
    """The sum of an offer of months of pay ("给我半个月工资": half of `pay`), or None."""
    m = _OFFERED_MONTHS.search(text or "")
    if m is None or pay is None:
        return None
    months = 0.5 if m.group("m") == "半" else parse_number(m.group("m"))
    return months * pay if months and 0 < months <= 24 else None


def by_agreement(text: str) -> bool:
    """The message tells of leaving by an agreement the employer proposes."""
    return _BY_AGREEMENT.search(text or "") is not None


def weighs_offer(text: str) -> bool:
    """The message asks whether a sum offered is worth taking or how far short it falls."""
    return _WEIGHED.search(text or "") is not None


def offer_rule_text(offered: float) -> str:
    """The floor an offer should reach, when the years and the pay are not told yet."""
    return "\n".join(
        [
            f"划不划算，要拿{format_number(offered)}元跟法定的经济补偿比：单位提出协商解除的，"
            "至少应当给经济补偿，每满1年给1个月工资，剩下满6个月按1年算、不满6个月给半个月；"
            "月工资按离职前12个月的平均工资算。",
            "告诉我您在这个单位干了几年几个月、月工资大概多少，我帮您算出经济补偿，跟这笔钱比一比。",
            "协商解除要双方都同意：钱没谈拢可以不签，也可以讨价还价；签了协议一般就不能再要了，"
            "签之前看清楚金额和“已结清全部款项”之类的字眼。单位不协商、直接辞退又没有合法理由的，"
            "是违法解除，可以要经济补偿2倍的赔偿金。",
            f"依据：{SOURCE}",
        ]
    )


def offer_text(offered: float, months: int, pay: float) -> str:
    """The compensation by the years and the pay told, set against the sum offered."""
    stay = Severance(months)
    n = stay.months_pay
    due = n * pay
    gap = due - offered
    if gap > 0:
        verdict = (
            f"单位给{format_number(offered)}元，比经济补偿少{format_number(gap)}元，"
            "低于法定标准，可以不签，要求按经济补偿给足。"
        )
    else:
        verdict = (
            f"单位给{format_number(offered)}元，不低于经济补偿"
            + (f"（多{format_number(-gap)}元）" if gap < 0 else "")
            + "，达到了法定标准；还有没发的工资、加班费、没休的年假，要另外结清。"
        )
    return "\n".join(
        [
            f"按您说的（干了{stay.worked_text()}，月工资{format_number(pay)}元）：",
            f"经济补偿（N）：{format_number(n)}个月×{format_number(pay)}={format_number(due)}元。",
            verdict,
            "协商解除要双方都同意，签了协议一般就不能再要了。单位不协商、直接辞退又没有合法理由的，"
            f"是违法解除，赔偿金是经济补偿的2倍：{format_number(2 * due)}元。",
            f"依据：{SOURCE}",
        ]
    )


# the offer refused, what then asked ("我不签他能咋个", "不同意会怎样")
_REFUSAL_ASKED = re.compile(
    r"(?:不签|不同意|不答应|不接受)[^，,。]{0,6}(?:能咋|会咋|咋个|怎么样|会怎样|能怎样|怎么办|咋办|行不行|可以不|会不会)"
    r"|(?:可以|能)不签"
)
# leaving on the worker's own word instead, asked ("如果是我自己提出来辞职呢")
_OWN_RESIGNATION = re.compile(
    r"(?:我|自己)[^，,。]{0,6}(?:提出|主动|先提)[^，,。]{0,4}(?:辞职|离职|走|解除)|我自己辞职|主动辞职"
    # ("那我要是自己写了辞职信呢")
    r"|自己(?:写|打|交)了?(?:个|份)?(?:辞职|离职)(?:信|申请|报告)"
)
REFUSAL_SOURCE = (
    "《劳动合同法》第三十六条、第三十九条至第四十一条、第四十六条、第四十八条、第八十七条"
)
OWN_SOURCE = "《劳动合同法》第三十七条、第四十六条"


def refusal_asked(text: str) -> bool:
    return _REFUSAL_ASKED.search(text or "") is not None


def own_resignation_asked(text: str) -> bool:
    return _OWN_RESIGNATION.search(text or "") is not None


def refusal_text(offered: float | None, months: int | None, pay: float | None) -> str:
    """What follows when the worker will not sign the agreement offered: the contract goes on;
    ending it without a lawful reason is unlawful (2N), with one (第四十条) it is N and a
    month's pay in lieu of notice, worked out when the years and the pay are told."""
    due = Severance(months).months_pay * pay if months and pay else None
    sums = (
        f"按您说的算，违法解除的赔偿金（2N）是{format_number(2 * due)}元；单位依第四十条合法解除的，"
        f"至少给经济补偿{format_number(due)}元，没提前30天书面通知的再加1个月工资"
        f"（{format_number(due + pay)}元）。"
        if due is not None and pay
        else "没有合法理由硬把你辞退的，赔偿金是经济补偿的2倍（2N）。"
    )
    offer = f"单位给的{format_number(offered)}元你不接受的，" if offered else "你不同意的，"
    return "\n".join(
        [
            f"可以不签。协商解除要双方协商一致，{offer}单位不能逼你签，合同照常履行，"
            "单位要照常安排工作、发工资。",
            "单位要单方面解除，只能凭法律规定的理由（严重违纪、不能胜任经培训调岗仍不能胜任、"
            "客观情况重大变化协商不成等），并依法通知；没有合法理由的，是违法解除，你可以要求回去上班，"
            "或者要赔偿金。" + sums,
            "谈话时别当场签字，也别写辞职信；留好录音、聊天记录。需要的话可以申请工会调解。",
            f"依据：{REFUSAL_SOURCE}",
        ]
    )


def own_resignation_text(offered: float | None) -> str:
    """Leaving on the worker's own word: no compensation, so the offer is worth keeping in view."""
    offer = f"单位现在提出的{format_number(offered)}元也可以不给了。" if offered else ""
    return "\n".join(
        [
            "你自己提出辞职的，单位一般不支付经济补偿，" + offer,
            "经济补偿只在单位提出协商解除、单位依法解除、裁员、合同到期单位不续签，或者单位欠薪、"
            "不缴社保等你被迫解除时才有。所以单位找你谈离职时，别自己写辞职信、别签“自愿离职”；"
            "真想走的，提前30天书面通知（试用期提前3天）就行。",
            f"依据：{OWN_SOURCE}",
        ]
    )
