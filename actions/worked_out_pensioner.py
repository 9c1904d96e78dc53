"""What one drawing a pension is owed for the work taken up after (a labour service, not a
labour contract): the overtime asked ("那我晚上多守几个钟头 有没得加班费") or the pay held back
("那门卫的工钱要是他们拖着不给咋办"), with the pension told earlier in the conversation.

One already drawing a pension who is taken on again works under a labour service: the
Labour Law's overtime rates do not apply, the agreement decides the pay, and a dispute over it
is a civil one (mediation, then the court; not labour arbitration):
《劳动合同法实施条例》第二十一条；《最高人民法院关于审理劳动争议案件适用法律问题的解释（一）》
第三十二条；《民法典》第一百八十八条、第五百零九条；《人民调解法》第四条."""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Tracker

from actions.message import recent_user_texts
from bot.knowledge.situations import DRAWS_A_PENSION, PAST_THE_AGE

__all__ = ["PAST_THE_AGE", "pensioner_reply"]  # (the entry on work past retirement)
PENSION_LOOKBACK = 6  # the worker's messages read back for the pension told
# someone else's pension or pay ("我媳妇社保才交了12年"), not the worker's own
_SOMEONE_ELSE = re.compile(r"老婆|媳妇|老公|爱人|我妈|我爸|老汉|儿子|女儿|同事|朋友")
_OVERTIME_ASKED = re.compile(
    r"加班费|加班工资|加班的?钱|多(?:守|上|干|做|值)[^，,。？?]{0,8}(?:钱|费|工资|加班)"
)
_PAY_HELD = re.compile(
    r"(?:工钱|工资|报酬|劳务费|钱)[^，,。？?]{0,8}(?:拖|欠|不给|不发|没给|没发|不付)"
    r"|(?:拖|欠)[^，,。？?]{0,4}(?:工钱|工资|报酬|劳务费)"
)
PENSIONER_OVERTIME = (
    "按劳务协议的约定来，劳动法的加班费倍数一般管不到。\n"
    "已经领养老金再被招用的，和用工单位是劳务关系，不适用劳动法关于工时和加班费（150%、200%、300%）"
    "的规定。多守的时间给不给钱、给好多，看劳务协议怎么约定的；协议没写的，可以和单位商量，"
    "把多守的钟头和报酬补写进协议，留好排班表和聊天记录。\n"
    "依据：《劳动合同法实施条例》第二十一条；《最高人民法院关于审理劳动争议案件适用法律问题的解释（一）》"
    "第三十二条；《民法典》第五百零九条"
)
PENSIONER_PAY_HELD = (
    "劳务报酬拖着不给，可以先调解，调解不成到法院起诉。\n"
    "领养老金以后再干活是劳务关系，报酬纠纷按民事纠纷处理，一般不走劳动仲裁：留好劳务协议、排班记录、"
    "转账记录和催要的聊天记录，可以找工会，或者街道、社区的人民调解委员会调解，不收费；"
    "调解不成的，直接向法院起诉，诉讼时效3年。\n"
    "依据：《民法典》第一百八十八条、第五百零九条；《人民调解法》第四条；"
    "《最高人民法院关于审理劳动争议案件适用法律问题的解释（一）》第三十二条"
)


def pensioner_reply(services: Any, tracker: Tracker, text: str) -> str | None:
    """The overtime or the pay held back, asked by a worker who said they draw a pension
    (here or in the last few messages): the labour service's rule; None otherwise."""
    if _SOMEONE_ELSE.search(text):
        return None
    told = [text, *recent_user_texts(tracker, PENSION_LOOKBACK)]
    if not any(DRAWS_A_PENSION.search(t) and not _SOMEONE_ELSE.search(t) for t in told):
        return None
    if _OVERTIME_ASKED.search(text):
        return PENSIONER_OVERTIME
    if _PAY_HELD.search(text):
        return PENSIONER_PAY_HELD
    return None
