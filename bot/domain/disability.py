"""The one-off disability grant for a work injury, worked out from the grade: "要是评了个九级
一次性伤残补助金有好多" is answered with 9 months of the worker's own wage, as a union lawyer
would, instead of the whole table again.

《工伤保险条例》第三十五条至第三十七条: 一次性伤残补助金 by grade, in months of 本人工资
(the average monthly pay of the 12 months before the injury; below 60 % of the local average
wage it counts as 60 %, above 300 % as 300 %, 第六十四条); grades 1-4 also a monthly
伤残津贴 (90/85/80/75 %), grades 5-6 one when no work is arranged (70/60 %), grades 5-10 on
leaving the job the one-off medical and employment grants set by the province.
"""

from __future__ import annotations

import re

from bot.domain.severance import monthly_pay
from intents.numbers import format_number, parse_number

SOURCE = "《工伤保险条例》第三十五条、第三十六条、第三十七条、第六十四条"
MONTHS = {1: 27, 2: 25, 3: 23, 4: 21, 5: 18, 6: 16, 7: 13, 8: 11, 9: 9, 10: 7}
ALLOWANCE = {1: 90, 2: 85, 3: 80, 4: 75, 5: 70, 6: 60}
_CN = dict(enumerate("一二三四五六七八九十", 1))
_GRADE = re.compile(r"(?<![一二三四五六七八九十\d])(?P<n>十|[一二三四五六七八九]|10|[1-9])\s*级")
_ABOUT = re.compile(
    r"伤残|评残|残疾|鉴定|评了|评个|评上|补助金|评\s*(?:成|为|到|的)?\s*[一二三四五六七八九十\d]"
)


def grade_told(text: str, about: bool = False) -> int | None:
    """The disability grade the message tells ("评了个九级", "伤残7级"), or None; `about`:
    the conversation is already on the grades ("那九级呢" after the grant of one)."""
    if not about and not _ABOUT.search(text or ""):
        return None
    m = _GRADE.search(text)
    value = parse_number(m.group("n")) if m else None
    return int(value) if value and int(value) in MONTHS else None


def disability_text(text: str, pay: float | None = None, about: bool = False) -> str | None:
    """The grant for the grade told, with the sum when the monthly wage is told too."""
    grade = grade_told(text, about)
    if grade is None:
        return None
    months = MONTHS[grade]
    pay = monthly_pay(text) or pay
    lines = [f"按您说的{_CN[grade]}级伤残：一次性伤残补助金是{months}个月的本人工资。"]
    if pay:
        lines.append(f"按本人工资{format_number(pay)}元算，约{format_number(months * pay)}元。")
    lines.append(
        "本人工资是受伤前12个月的平均月工资；低于当地上年度职工月平均工资60%的按60%算，"
        "高于300%的按300%算。"
    )
    if grade <= 4:
        lines.append(
            f"一到四级保留劳动关系、退出工作岗位，另外按月领伤残津贴：本人工资的{ALLOWANCE[grade]}%。"
        )
    elif grade <= 6:
        lines.append(
            f"五、六级单位要安排适当工作；安排不了的，按月发本人工资的{ALLOWANCE[grade]}%作伤残津贴。"
            "本人提出解除合同的，还有一次性工伤医疗补助金和伤残就业补助金（标准按重庆的规定）。"
        )
    else:
        lines.append(
            "七到十级劳动合同期满终止，或者本人提出解除的，还有一次性工伤医疗补助金和伤残就业"
            "补助金（标准按重庆的规定）。"
        )
    lines.append("没买工伤保险的，这些都由单位按同样标准支付。")
    lines.append(f"依据：{SOURCE}")
    return "\n".join(lines)


# "那以后我要是辞职 还有啥子钱拿" after a grant: what grades 5-10 get on leaving the job
LEAVING = re.compile(r"辞职|离职|不干了|不做了|走人|合同到期|解除|要走")


def leaving_grants_text(grade: int) -> str:
    """The one-off grants of a worker of `grade` who leaves the job (第三十六条, 第三十七条)."""
    if grade <= 4:
        return "\n".join(
            [
                f"{_CN[grade]}级伤残保留劳动关系、退出工作岗位，按月领伤残津贴，一般不办辞职；"
                "到退休年龄办退休后停发伤残津贴，按规定享受基本养老保险待遇。",
                "具体标准以重庆的规定为准，可以打12333问区县人社局。",
                f"依据：{SOURCE}",
            ]
        )
    return "\n".join(
        [
            f"{_CN[grade]}级伤残的，劳动合同期满终止，或者您本人提出解除劳动合同的，"
            "由工伤保险基金支付一次性工伤医疗补助金，由用人单位支付一次性伤残就业补助金"
            "（五、六级的，本人提出解除也可以拿这两项）。",
            "这两项的具体标准由重庆市规定，以重庆的现行规定为准，可以打12333或问区县人社局；"
            "单位没买工伤保险的，这两项都由单位支付。前面说的一次性伤残补助金是另外的，不因离职少。",
            f"依据：{SOURCE}",
        ]
    )
