"""What is still owed after a sum worked out: "他只给了我800块 还差好多" right after the bot worked
out 1600 元 of overtime pay. The sum is read from the bot's last reply (its last "=…元" or
"合计…元"), the amount paid from the message."""

from __future__ import annotations

import re

from intents.numbers import NUM, format_number, parse_number

# the last sum of a worked-out reply: "200×200%×4=1600元", "合计2350元", "一共30000元"
_SUM = re.compile(r"(?:=|＝|合计|一共|共计|总共)\s*(?P<n>\d+(?:\.\d+)?)\s*元")
# "只给了我800块", "就发了1200", "才给800"
_PAID = re.compile(rf"(?:只|就|才|一共)(?:给|发|补|付)(?:了)?(?:我)?\s*(?P<n>{NUM})\s*(?:块|元)?")
_ASKS_THE_REST = re.compile(r"还差|差好多|差多少|少了?好多|少了?多少|还该补|还要补|还该给|还要给")


def shortfall_text(last_reply: str, text: str) -> str | None:
    """The sum still owed, when the last reply worked one out and the message tells what was
    paid and asks the rest; else None."""
    sums = _SUM.findall(last_reply or "")
    paid_m = _PAID.search(text or "")
    if not sums or paid_m is None or _ASKS_THE_REST.search(text or "") is None:
        return None
    due, paid = float(sums[-1]), parse_number(paid_m.group("n"))
    if paid is None or not 0 < paid < due:
        return None
    return "\n".join(
        [
            f"按刚才算的，应得{format_number(due)}元，单位只给了{format_number(paid)}元，"
            f"还差{format_number(round(due - paid, 2))}元。",
            "少给的部分可以要求单位补足；单位不补的，可以打12333向劳动保障监察投诉，"
            "或者申请劳动仲裁（不收费）。",
        ]
    )
