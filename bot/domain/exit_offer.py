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
# a sum this small is no offer to leave (a day's pay, a count)
MIN_OFFER = 1000
# leaving by agreement, proposed by the employer ("说协商解除", "劝退", "找我谈话")
_BY_AGREEMENT = re.compile(r"协商解除|协商离职|协议解除|劝退|找我谈话|谈离职|买断|签(?:个|份)?协议")
# whether the offer is worth taking, or how far short it falls
_WEIGHED = re.compile(
    r"划不划算|划算|合算|合不合算|亏不亏|吃亏|值不值|够不够|够不|差好多|差多少|少好多|少多少|还差"
    r"|该不该签|签不签|要不要签|能不能签|合理不|合不合理"
)


def offered_sum(text: str) -> float | None:
    """The sum the employer offers that a message tells ("给我5万块": 50000), or None."""
    for m in _OFFERED.finditer(text or ""):
        value = parse_number(m.group("n"))
        if value is not None and value >= MIN_OFFER:
            return value
    return None


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
