"""The last wages of a worker who leaves, asked to wait for the next payday ("这个月的工资 公司
说下个月15号才发 可以不" after "我这个月30号就离职了"): 《工资支付暂行规定》第九条 has them paid
in full when the contract ends, not on the usual payday after it; 《劳动合同法》第八十五条
adds the extra for wages not paid once the inspectorate's deadline passes."""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Tracker

from actions.message import recent_user_texts
from actions.worked_out_unused_leave import leaves_the_job
from bot.domain.unused_leave import last_day

FINAL_PAY = "quit_certificate_final"  # the entry on the last wages and the certificate
SOURCE = "《工资支付暂行规定》第九条；《劳动合同法》第五十条、第八十五条"
# the wages put off to a later day ("下个月15号才发", "等发薪日再给", "要压一个月")
_PUT_OFF = re.compile(
    r"(?:下个?月|下月|月底|年后|过段时间|以后|发薪日|发工资那天|\d{1,2}\s*[号日])[^，,。]{0,4}(?:才|再)(?:发|给|结|打)"
    r"|(?:压|押)(?:一|1|两|2)个月|跟着?(?:大家|别人|正常)[^，,。]{0,4}(?:发|结)"
    # ("要等到下个月15号跟其他人一起发")
    r"|跟着?(?:其他人|其他的人|别个|工友|同事|其他员工)[^，,。]{0,4}(?:发|结)"
)
_WAGES = re.compile(r"工资|工钱|薪水")
LOOKBACK = 6
_WHAT_IF = re.compile(r"要是|如果|假如|万一|假设")


def final_pay_reply(services: Any, tracker: Tracker, text: str) -> str | None:
    """Wages put off past the last day, asked about by a worker who told of leaving."""
    if not (_WAGES.search(text) and _PUT_OFF.search(text)):
        return None
    told = [text, *recent_user_texts(tracker, LOOKBACK)]
    if not any(map(leaves_the_job, told)):
        return None
    today = services.today()
    # (the day told as fact, not one asked of: "要是我干到12月31号再走呢")
    facts = [t for t in told if not _WHAT_IF.search(t)]
    leaving = next(filter(None, (last_day(t, today) for t in facts)), None)
    when = f"您{leaving.month}月{leaving.day}日离职，" if leaving else ""
    return "\n".join(
        [
            f"不可以。{when}劳动合同解除或终止时，单位应当在那时把工资一次付清，"
            "不能等到下个发薪日再发；没休年假的折算工资、该给的补偿也要一起结清。",
            "离职时可以书面（微信、短信也行）要求单位当天结清，留好记录。单位拖着不付的，可以打12333"
            "向劳动保障监察投诉，或者申请劳动仲裁（不收费）；责令限期支付后还不付的，单位要按应付金额"
            "50%到100%加付赔偿金。",
            f"依据：{SOURCE}",
        ]
    )
