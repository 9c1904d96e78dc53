"""详细说明: the rest of a long policy answer, kept back so that a phone shows the key point
first (bot/knowledge/answers.py layout).

The button's payload names the entry, like 查看法条原文's (actions/law_text.py); the intent
`answer_more` is routed to action_answer_policy, so the conversation's topic (last_faq) and
its follow-ups ("那周末呢") stay with the entry after the rest is read.
"""

from __future__ import annotations

import json
import re

from actions.buttons import MAX_PAYLOAD_BYTES

MORE_INTENT = "answer_more"
MORE_TITLE = "详细说明"
# the button's words typed, or asked for in other words, right after a cut answer
_ASKS_MORE = re.compile(
    r"^(请|麻烦)?你?再?(说|讲)?得?(详细|具体|展开)(说明|一点|点|些|说说|讲讲|说一下|讲一下)?"
    r"(呢|嘛|吧|哈|哦)?[。！!?？~～]*$"
    r"|^(还有呢|更多|看全文|全文)[。！!?？~～]*$"
)


def more_button(slug: str) -> dict[str, str]:
    """详细说明 under an answer whose detail was cut; without the entry when it would not fit
    Telegram's 64 bytes (then the entry answered last, slot last_faq, is meant)."""
    text = f"/{MORE_INTENT}" + json.dumps(
        {"faq_id": slug}, ensure_ascii=False, separators=(",", ":")
    )
    if len(text.encode()) > MAX_PAYLOAD_BYTES:
        text = f"/{MORE_INTENT}"
    return {"title": MORE_TITLE, "payload": text}


def asks_more(text: str) -> bool:
    """说详细点 / 具体说说 / 还有呢: the rest of the answer just given is asked for."""
    return bool(_ASKS_MORE.match(re.sub(r"\s", "", text)))


# "我看不懂这些", "说简单点", "太复杂了": the answer just given, in fewer words
_ASKS_PLAINER = re.compile(
    r"^(?:我|哎|唉|嗯)?(?:还是|有点|完全|根本)?(?:看不懂|没看懂|看不明白|没看明白|搞不懂|不懂|没懂|听不懂)"
    r"(?:这些|这个|你说的|你说的这些|啥意思|什么意思)?(?:呢|嘛|啊|哦|哈|耶)?[。！!?？~～]*$"
    r"|^(?:能不能|可不可以|请|麻烦)?(?:你)?(?:说|讲)?得?(?:简单|通俗|直白)(?:点|一点|些)?(?:说|讲)?"
    r"(?:嘛|吧|呢|哈)?[。！!?？~～]*$"
    r"|^(?:太|好)(?:复杂|长|难懂)了?(?:嘛|吧|哦|哈)?[。！!?？~～]*$|^说人话[。！!?？~～]*$"
)
PLAINER_LEAD = "简单说："
PLAINER_HELP = "哪一点不明白，可以接着问我那一点，或者点“转人工”，工作人员会一条一条跟您说。"


def asks_plainer(text: str) -> bool:
    """看不懂 / 说简单点 right after an answer: its key point, in fewer words."""
    return bool(_ASKS_PLAINER.match(re.sub(r"\s", "", text)))
