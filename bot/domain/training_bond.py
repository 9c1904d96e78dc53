"""The most a worker pays for leaving before a training's service period ends: "培训费是12000
服务期3年 她已经干满2年了 最多赔好多" is 12000 ÷ 3 × 1 = 4000 元.

《劳动合同法》第二十二条: the penalty may not exceed the training cost, nor the part of it that
falls on the service period not yet served; 《劳动合同法实施条例》第二十六条: none is owed when
the worker leaves because the employer broke the law (unpaid wages, insurance)."""

from __future__ import annotations

import re

from intents.numbers import NUM, format_number, parse_number

SOURCE = "《劳动合同法》第二十二条；《劳动合同法实施条例》第二十六条"
_COST = re.compile(
    rf"培训费(?:用)?(?:是|有|花了|一共|总共|大概)*\s*(?P<n>{NUM})\s*(?:块|元|块钱)?"
    # "公司送我出去学数控编程 学费加差旅一共花了24000": the cost told as what was spent
    rf"|(?:学费|培训)[^，,。\d]{{0,8}}?(?:一共|总共|共|花了)+\s*(?P<n2>{NUM})"
    # "厂里出钱送我去学数控 花了12000": what the employer spent sending the worker
    rf"|(?:出钱|送我)[^，,。\d]{{0,10}}?(?:一共|总共)?(?:花了|用了|出了)\s*(?P<n3>{NUM})"
)
_TERM = re.compile(
    rf"服务期(?:是|有|签的|定的|约定)*\s*(?P<n>{NUM}|半)\s*(?P<unit>年|个月)"
    # "签了4年服务期": the term said before the words
    rf"|(?P<n2>{NUM}|半)\s*(?P<unit2>年|个月)的?服务期"
)
_SERVED = re.compile(
    rf"(?:干满|做满|干了|做了|已经干了|已经做了|已经干满|已经做满|服务了|上了)"
    # ("培训完回来我干了刚好一年")
    rf"(?:刚好|正好|整整|整|差不多)?\s*(?P<n>{NUM}|半)"
    rf"\s*(?P<unit>年半?|个月)(?P<half>半)?"
)


def _months(m: re.Match[str]) -> float | None:
    said = m.group("n") or m.groupdict().get("n2")
    value = 0.5 if said == "半" else parse_number(said or "")
    if value is None:
        return None
    unit = m.group("unit") or m.group("unit2")
    months = value * 12 if unit.startswith("年") else value
    if unit == "年半" or (m.groupdict().get("half")):
        months += 6
    return months


def bond_figure_told(text: str) -> bool:
    """The message tells the cost, the term or the time served ("培训完回来我干了刚好一年")."""
    return any(p.search(text) for p in (_COST, _TERM, _SERVED))


def bond_penalty_text(texts: list[str]) -> str | None:
    """The largest penalty for the cost, term and time served told in `texts` (newest first,
    each figure taken from the newest message that tells it); None unless all three are told."""
    cost = next(
        (
            parse_number(m.group("n") or m.group("n2") or m.group("n3"))
            for t in texts
            if (m := _COST.search(t))
        ),
        None,
    )
    term = next((_months(m) for t in texts if (m := _TERM.search(t))), None)
    served = next((_months(m) for t in texts if (m := _SERVED.search(_TERM.sub(" ", t)))), None)
    if not cost or not term or served is None or not 0 < term <= 240:
        return None
    if served >= term:
        return f"按您说的，服务期{_length(term)}已经干满了，不用再付服务期违约金。\n依据：{SOURCE}"
    left = term - served
    most = round(cost * left / term, 2)
    return "\n".join(
        [
            f"按您说的：培训费{format_number(cost)}元，服务期{_length(term)}，已经干了{_length(served)}，"
            f"还差{_length(left)}。",
            f"违约金最多是没履行的那部分分摊的培训费：{format_number(cost)}×{_length(left)}÷"
            f"{_length(term)}={format_number(most)}元，不能超过这个数，合同写得再高也无效。",
            "单位欠薪、不交社保等，你依法解除合同走的，不用付这笔违约金。",
            f"依据：{SOURCE}",
        ]
    )


def breach_leaving_text() -> str:
    """Leaving over the employer's breach (wages or insurance unpaid): no penalty is owed."""
    return "\n".join(
        [
            "单位不缴社保、欠薪等，你依法解除合同（可以随时书面通知走，不用提前30天），"
            "不属于违反服务期约定，不用支付违约金，单位也不能扣你的工资抵。",
            "同时单位还要按你的工作年限给经济补偿。解除通知里写明是因为单位不缴社保（或欠薪）走的，留好底。",
            f"依据：{SOURCE}；《劳动合同法》第三十八条、第四十六条",
        ]
    )


def _length(months: float) -> str:
    years, rest = divmod(months, 12)
    if rest == 0:
        return f"{format_number(years)}年"
    if years == 0:
        return f"{format_number(rest)}个月"
    return f"{format_number(years)}年{format_number(rest)}个月"
