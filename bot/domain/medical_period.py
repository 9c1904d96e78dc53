"""The medical period (医疗期) worked out from the years worked in all and at this employer:
"我在这个厂干了5年 总共工作了12年" is answered "9个月，按15个月内累计病休时间算", as a union
lawyer would, instead of the table alone.

《企业职工患病或非因工负伤医疗期规定》第三条: under ten years worked in all, 3 months with
under five years at this employer and 6 months with five or more; ten years or more in all, 6
months under five years here, 9 for five to under ten, 12 for ten to under fifteen, 18 for
fifteen to under twenty, 24 for twenty or more (the seed FAQ's reading of the tiers: 满5年 is
the higher one). 第四条: each period is counted within a longer window of sick leave. 《劳动合同法》
第四十二条: within the period, no dismissal under 第四十条 or 第四十一条.
"""

from __future__ import annotations

import re

from bot.domain.severance import Severance, months_worked
from intents.numbers import NUM, format_number, parse_number

SOURCE = "《企业职工患病或非因工负伤医疗期规定》第三条、第四条；《劳动合同法》第四十二条"
# ("我在公司做了3年半": the half year too)
_YEARS = re.compile(rf"(?P<n>{NUM}|半)\s*(?:多|来)?年(?P<half>半)?")
# the words just before a number of years that say which it is
# ("在另外一个单位 工作了25年": the years in all, said after where; not "在这个厂工作了5年")
_TOTAL_CUE = re.compile(
    r"总共|一共|总工龄|加起来|前后|参加工作|累计|以前|之前|总的|(?<![厂位司里儿边家])工作了"
)
_HERE_CUE = re.compile(
    r"这个?厂|这个?单位|这里|这儿|本单位|这家|这边|现在|这个公司|厂头|厂里|公司|单位"
    # ("我老汉儿在另外一个单位 工作了25年 在那个单位干了18年": someone else's employer)
    r"|那个?单位|那个?厂|那个?公司|那里|那儿|那边"
    # ("如果是只在这干了3年呢": here, said short)
    r"|在这(?=[干做上待呆])"
)
# ("等哈 我算错了 前头在服装厂做了7年多 加起来是11年": the years at an earlier employer, the
# rest of the years in all are the years here)
_ELSEWHERE_CUE = re.compile(
    r"(?:前头|以前|之前|原来|先前|早先)(?:也|还)?在(?!这|现在|本)|别[的个](?:厂|公司|单位|地方)"
    r"|另外一?[个家](?:厂|公司|单位)|上一?[个家](?:厂|公司|单位)"
)
CUE_WINDOW = 10
# months of medical period -> the months within which the sick leave is counted (第四条)
WINDOWS = {3: 6, 6: 12, 9: 15, 12: 18, 18: 24, 24: 30}


_ALL_HERE = re.compile(
    r"一直(?:都)?在(?:我们|这个|这家|同一个|一个)?(?:厂|公司|单位|店|厂头|厂里)"
    r"|都在(?:我们|这个|这家|同一个)(?:厂|公司|单位)|没换过(?:单位|工作|厂)"
    # "她在超市上了3年班 第一份工作": the only job, all its years here
    r"|第一份工作|头一份工作|第一个单位|第一次(?:出来)?上班"
    # ("干了2年 之前没上过班")
    r"|(?:以前|之前|原来|先前)(?:都)?(?:没|没有|莫得|从没)(?:上过班|工作过|打过工|上过)"
)


def years_told(text: str) -> tuple[float | None, float | None]:
    """(years worked in all, years at this employer) as the message tells them."""
    found: list[tuple[float, str | None]] = []
    for m in _YEARS.finditer(text or ""):
        value = 0.5 if m.group("n") == "半" else parse_number(m.group("n"))
        if value is None or not 0 < value <= 60:
            continue
        value += 0.5 if m.group("half") else 0
        before = text[max(0, m.start() - CUE_WINDOW) : m.start()]
        # the cue nearest the number says which it is
        cues = [(c.end(), "total") for c in _TOTAL_CUE.finditer(before)]
        cues += [(c.end(), "here") for c in _HERE_CUE.finditer(before)]
        cues += [(c.end(), "elsewhere") for c in _ELSEWHERE_CUE.finditer(before)]
        found.append((value, max(cues)[1] if cues else None))
    elsewhere = next((v for v, k in found if k == "elsewhere"), None)
    found = [(v, k) for v, k in found if k != "elsewhere"]
    kinds = [k for _, k in found]
    if len(found) == 2 and kinds.count(None) == 1:
        # "工作了22年 在现在单位3年": the one said plainly is the other one
        other = "total" if "here" in kinds else "here"
        found = [(v, k or other) for v, k in found]
    if len(found) == 1 and _ALL_HERE.search(text or ""):
        found = [(found[0][0], found[0][1] or "total")]  # (the one number, both; see below)
    total = next((v for v, k in found if k == "total"), None)
    here = next((v for v, k in found if k == "here"), None)
    if here is None and total is not None and elsewhere is not None and total > elsewhere:
        here = total - elsewhere  # "前头在服装厂做了7年多 加起来是11年": 4 here
    if total is None and here is not None and elsewhere is not None:
        total = here + elsewhere  # "在这个公司做了3年 之前在别的地方还做了5年": 8 in all
    if here is not None and total is None and _ALL_HERE.search(text or ""):
        total = here
    if total is not None and here is None and _ALL_HERE.search(text or ""):
        # "参加工作25年了 一直都在我们厂": every year at this employer
        here = total
    return total, here


def years_here(text: str) -> float | None:
    """The years at this employer the message tells, its months too when the length said
    with a verb of working is those years ("我在厂头干了4年2个月": 4年2个月, not 4年)."""
    here = years_told(text)[1]
    months = months_worked(text)
    if here is not None and months is not None and months // 12 == here:
        return months / 12
    return here


def medical_months(total: float, here: float) -> int:
    """The medical period in months for `total` years worked in all, `here` at this employer."""
    if total < 10:
        return 3 if here < 5 else 6
    for least, months in ((20, 24), (15, 18), (10, 12), (5, 9)):
        if here >= least:
            return months
    return 6


# "他2023年才参加工作 一直在这家": the year work began, all of it at this employer
_BEGAN_HERE = re.compile(
    r"(?P<y>(?:19|20)\d{2})\s*年(?:才|就)?(?:开始)?参加工作[^。]{0,8}(?:一直在这|一直在那|没换过|就在这)"
)


def medical_period_text(
    text: str, earlier: list[str] | None = None, this_year: int | None = None
) -> str | None:
    """The period worked out for a message that tells both the years in all and here, or one
    of them correcting a message before that told both ("在这个公司其实做了6年了")."""
    total, here = years_told(text)
    began = _BEGAN_HERE.search(text or "") if this_year else None
    if began and this_year:
        total = here = max(this_year - int(began.group("y")), 0.5)
    if (total is None) != (here is None):
        told_before = [years_told(before) for before in earlier or []]
        both = next(((t, h) for t, h in told_before if t is not None and h is not None), None)
        # ("我之前在别的厂也做过 加起来上班8年" after "我在公司做了3年半": the other one, told
        # alone before)
        one = (
            next((t for t, _ in told_before if t is not None), None),
            next((h for _, h in told_before if h is not None), None),
        )
        old_total, old_here = both or one
        total, here = total or old_total, here or old_here
    inferred = total is not None and here is None and total < 5
    if inferred:
        # "他才参加工作2年": under 5 years in all, the years here can only be fewer (3 months)
        here = total
    if total is None or here is None:
        return None
    total = max(total, here)  # the years here are part of the years in all
    months = medical_months(total, here)
    return "\n".join(
        [
            f"按您说的，总工龄{format_number(total)}年"
            + ("（在本单位也不满5年）：" if inferred else f"、在本单位{format_number(here)}年："),
            f"医疗期是{months}个月，按{WINDOWS[months]}个月内累计的病休时间算。",
            "医疗期内单位不能以不能胜任、客观情况变化或裁员为由解除合同（严重违纪等过错除外），"
            "合同到期的要顺延到医疗期满；病假工资不得低于当地最低工资标准的80%。",
            f"依据：{SOURCE}",
        ]
    )


AFTER_SOURCE = "《劳动合同法》第四十条、第四十六条、第四十七条"
# "要是3个月到了我还没好得了 老板可以把我开了不": the period over, the worker not well
PERIOD_OVER = re.compile(
    r"(?:过了|满了|到了|完了|结束了?|到期了?|用完了?)[^，,。]{0,4}"
    r"(?:还没好|没好|好不了|没恢复|还没恢复|上不了班|干不了|回不去)"
)
DISMISSAL_ASKED = re.compile(r"开了|开除|辞退|解除|炒|不要我|把我开|开我|辞了我")


def after_period_text(years_here: float, pay: float) -> str:
    """Let go when the medical period is over and the worker cannot do the job or another one
    arranged: the compensation by the years at this employer, and a month's pay in lieu of the
    30 days' written notice (《劳动合同法》第四十条第一项)."""
    worked = Severance(int(round(years_here * 12)))
    n = worked.months_pay
    compensation = n * pay
    return "\n".join(
        [
            "医疗期满后，你不能从事原工作、也不能从事单位另行安排的工作的，单位才可以解除合同，"
            "要提前30天书面通知你，或者额外付1个月工资，并给经济补偿；还在医疗期内的不能这样解除。",
            f"按您在本单位干了{worked.worked_text()}、月工资{format_number(pay)}元算："
            f"经济补偿{format_number(n)}×{format_number(pay)}={format_number(compensation)}元；"
            f"没提前30天通知的，另加1个月工资{format_number(pay)}元，"
            f"共{format_number(compensation + pay)}元。",
            "不是因为身体原因干不了、或者没给你安排别的工作就解除的，属于违法解除，可以要求继续干"
            "或者要经济补偿2倍的赔偿金。",
            f"依据：{AFTER_SOURCE}",
        ]
    )


THREAT_SOURCE = "《企业职工患病或非因工负伤医疗期规定》第三条、第四条；《劳动合同法》第四十条、第四十二条、第八十七条"
# "厂头说歇超过两个月就要辞退我": a dismissal threatened after so many months of sick leave
_MONTHS_OFF = re.compile(
    rf"(?:歇|休|病休|病假|请假|请病假|养病)[^，,。\d]{{0,4}}?(?:超过|满|到|了)?\s*(?P<n>{NUM}|半)\s*个?月"
)


def months_off_threatened(text: str) -> float | None:
    """The months of sick leave after which the message says the worker will be let go."""
    m = _MONTHS_OFF.search(text or "")
    if m is None or not DISMISSAL_ASKED.search(text or ""):
        return None
    value = 0.5 if m.group("n") == "半" else parse_number(m.group("n"))
    return value if value and 0 < value <= 36 else None


def threatened_within_text(months_off: float, total: float, here: float) -> str:
    """A dismissal threatened after `months_off` of sick leave, against the medical period of
    `total` years in all and `here` at this employer (《劳动合同法》第四十条、第四十二条)."""
    total = max(total, here)
    months = medical_months(total, here)
    off = format_number(months_off)
    within = months_off <= months
    lines = [
        f"按您说的，总工龄{format_number(total)}年、在本单位{format_number(here)}年，医疗期是{months}个月"
        f"（按{WINDOWS[months]}个月内累计的病休时间算）。",
        f"歇{off}个月还在医疗期内，单位不能因为您病休就辞退您；医疗期内单位不能以不能胜任、"
        "客观情况变化或裁员为由解除合同（严重违纪等过错除外），违法解除的要付经济补偿2倍的赔偿金。"
        if within
        else f"歇{off}个月超过了{months}个月的医疗期。",
        f"医疗期满（{months}个月）后病还没好、不能从事原工作也不能从事单位另行安排的工作的，单位才能"
        "提前30天书面通知或多付1个月工资解除合同，并且要给经济补偿。",
        f"依据：{THREAT_SOURCE}",
    ]
    return "\n".join(lines)
