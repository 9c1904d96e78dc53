"""The statutory retirement age after the 2025 reform, worked out from a worker's birth month.

《国务院关于渐进式延迟法定退休年龄的办法》, adopted with the NPC Standing Committee's decision
of 2024-09-13 and in force from 2025-01-01, and its tables: men from 60 to 63 and women who retired at 55 from 55 to 58,
one month later for every four months of birth; women who retired at 50 from 50 to 55, one
month later for every two months of birth; starting with those born in January 1965, January
1970 and January 1975. "我男的 1970年3月出生 好久能退" gets 61岁4个月, 2031年7月.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

SOURCE = "《国务院关于渐进式延迟法定退休年龄的办法》第一条及所附对照表"


@dataclass(frozen=True)
class Scheme:
    who: str
    base_years: int
    first_born: tuple[int, int]  # the first birth month the reform delays
    step: int  # birth months per month of delay
    max_delay: int  # months


MEN = Scheme("男职工", 60, (1965, 1), 4, 36)
WOMEN_55 = Scheme("原来55岁退休的女职工（管理、技术岗位等）", 55, (1970, 1), 4, 36)
WOMEN_50 = Scheme("原来50岁退休的女职工（生产一线的女工人）", 50, (1975, 1), 2, 60)


@dataclass(frozen=True)
class Retirement:
    scheme: Scheme
    born: tuple[int, int]
    years: int
    months: int
    at: tuple[int, int]  # year and month of retirement

    def text(self) -> str:
        age = f"{self.years}岁" + (f"{self.months}个月" if self.months else "")
        return (
            f"{self.born[0]}年{self.born[1]}月出生的{self.scheme.who}，"
            f"法定退休年龄是{age}，{self.at[0]}年{self.at[1]}月退休。"
        )


def retirement(scheme: Scheme, born: tuple[int, int]) -> Retirement:
    """The retirement age and month for a birth month (year, month) under `scheme`."""
    year, month = born
    since = (year - scheme.first_born[0]) * 12 + (month - scheme.first_born[1])
    delay = 0 if since < 0 else min(scheme.max_delay, since // scheme.step + 1)
    total = scheme.base_years * 12 + delay
    at = year * 12 + (month - 1) + total
    return Retirement(scheme, born, total // 12, total % 12, (at // 12, at % 12 + 1))


# 1970年3月, 70年3月, 1970.3, 1970-03, 一九七零年三月 is left to a person
_BORN = re.compile(r"(?<!\d)((?:19|20)?\d{2})\s*(?:年|\.|-|/)\s*(\d{1,2})\s*月?(?:份)?")
_MALE = re.compile(r"男|老公|丈夫|先生|父亲|我爸|老汉")
_FEMALE = re.compile(r"女|老婆|妻子|媳妇|爱人|母亲|我妈")
_WORKER = re.compile(r"工人|一线|车间|厂里|流水线|操作工|普工")
_CADRE = re.compile(r"干部|管理|技术|办公室|职员|文员|会计")


def birth_month(text: str) -> tuple[int, int] | None:
    """The birth month a message gives ("1970年3月出生", "76年6月的"), if any."""
    m = _BORN.search(text or "")
    if not m:
        return None
    year, month = int(m.group(1)), int(m.group(2))
    if year < 100:
        year += 1900 if year >= 30 else 2000
    if not (1940 <= year <= 2010 and 1 <= month <= 12):
        return None
    return year, month


def schemes_for(text: str) -> list[Scheme]:
    """Which rules apply to the person a message speaks of: a man, a woman of either group
    (both when the message does not say), or, saying nothing, all three."""
    value = text or ""
    male, female = _MALE.search(value), _FEMALE.search(value)
    if male and not female:
        return [MEN]
    if female and not male or _WORKER.search(value) or _CADRE.search(value):
        if _WORKER.search(value) and not _CADRE.search(value):
            return [WOMEN_50] if female else [MEN, WOMEN_50]
        if _CADRE.search(value) and not _WORKER.search(value):
            return [WOMEN_55] if female else [MEN, WOMEN_55]
        return [WOMEN_50, WOMEN_55] if female else [MEN, WOMEN_50, WOMEN_55]
    return [MEN, WOMEN_50, WOMEN_55]


# already past the age: what that means for the job and the pension
PAST_SOURCE = "；《劳动合同法实施条例》第二十一条；《社会保险法》第十六条"
PAST_AGE = (
    "按这个出生年月，已经到了法定退休年龄：劳动合同到这时依法终止，单位不需要为此给经济补偿，"
    "但之前欠缴的社保、欠发的工资单位仍要补上。养老保险累计缴费满最低年限的，可以申领按月"
    "养老金；不满的，可以继续缴费到满年限再领。具体缴费年限可以打12333或到社保经办机构查询。"
)


def retirement_text(text: str, today: date | None = None) -> str | None:
    """The answer for a message that gives a birth month, else None; `today`: a person whose
    every possible retirement month has come is told what that means."""
    born = birth_month(text)
    if born is None:
        return None
    dates = [retirement(s, born) for s in schemes_for(text)]
    lines = ["按2025年1月1日起实施的渐进式延迟退休规定："]
    lines += [r.text() for r in dates]
    if today is not None and all(r.at <= (today.year, today.month) for r in dates):
        lines.append(PAST_AGE)
        lines.append(f"依据：{SOURCE}{PAST_SOURCE}")
        return "\n".join(lines)
    lines.append(
        "按月领养老金还要缴满最低年限（15年，从2030年起每年提高半年，逐步到20年）。"
        "缴满最低年限的，可以自己选择弹性提前退休，最多提前3年，但不早于原来的退休年龄；"
        "和单位协商一致，也可以弹性延迟，最多3年。"
    )
    lines.append(f"依据：{SOURCE}")
    return "\n".join(lines)


# "退休了合同咋个弄 厂头要给我补偿不": the contract at the retirement age, asked
_CONTRACT_AT_RETIREMENT = re.compile(
    r"退休(?:了|以后|之后|的时候|那天|年龄)[^。？?]{0,8}(?:合同|补偿|赔偿)"
    r"|(?:合同|补偿)[^。？?]{0,8}(?:到|满)(?:了)?(?:退休|退休年龄)"
)
CONTRACT_SOURCE = (
    "《劳动合同法》第四十二条、第四十四条、第八十七条；《劳动合同法实施条例》第二十一条"
)


def contract_at_retirement_text(text: str) -> str | None:
    """The contract at the retirement age: it ends by law (终止), with no compensation for
    that; before then, fifteen years here and under five to go protect from a dismissal."""
    if not _CONTRACT_AT_RETIREMENT.search(text or ""):
        return None
    return "\n".join(
        [
            "到了法定退休年龄（或者开始按月领养老金），劳动合同依法终止，不用签解除协议；"
            "合同因为退休终止，单位不需要给经济补偿。",
            "但终止前欠的工资、没休的年假工资、欠缴的社保，单位照样要补上。",
            "退休前单位要裁员或者以客观情况变化为由解除的：在本单位连续干满15年、离法定退休年龄"
            "不到5年的，单位不能这样解除；硬要解除属于违法解除，可以要求继续干，或者要经济补偿2倍的赔偿金。",
            f"依据：{CONTRACT_SOURCE}",
        ]
    )
