"""The part of an entry a follow-up asks: "那周末呢" after how overtime is paid lands on the
answer just given and asks its rest-day sentence; "那我现在辞职要咋个写" moves to another entry
and asks one part of it (the key point, then that part)."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker

from actions.message import previous_answer
from bot.knowledge.answers import layout
from bot.knowledge.focus import asks_how_long, covers, focused, sentences
from bot.knowledge.followups import asks_a_judgement, is_short, leans_on_context
from bot.knowledge.index import Hit


def narrowed_answer(services: Any, tracker: Tracker, hits: list[Hit], text: str) -> str | None:
    """A follow-up that lands on the answer just given ("那周末呢" after how overtime is paid)
    asks about part of it: that part, with the source, instead of the whole answer again."""
    previous = previous_answer(services, tracker)
    top = hits[0].answer
    if previous is None:
        return None
    if top.slug != previous.slug:
        return asked_part_first(top, text)
    if leans_on_context(text):
        part = focused(top.answer, text)
        if part is None and covers(top.answer, text, top.question):
            # "公司给我发的比这个还低咋办": leans on the answer and asks a detail of it
            part = focused(top.answer, text, details=True, topic=top.question)
    elif covers(top.answer, text, top.question):
        part = focused(top.answer, text, details=True, topic=top.question)
    elif is_short(text) and asks_how_long(text):
        # "好久之内要去申请" read as this entry: its sentences with a length (30日内, 1年内)
        part = focused(top.answer, text)
    else:
        return None
    if part is None and asks_a_judgement(text):
        # "这样对不对嘛": the answer's verdict, its first sentence, not the whole answer again
        part = sentences(top.answer)[0]
    if part is None:
        return None
    return f"{part}\n依据：{top.source}" if top.source else part


def asked_part_first(answer: Any, text: str) -> str | None:
    """A follow-up that moves to another entry and asks one part of it ("那我现在辞职要咋个写"
    after where to complain about unpaid wages: leaving at once, and what the written notice
    says): the key point, then that part, when the phone's first screen would not show it."""
    part = focused(answer.answer, text, details=True, topic=answer.question)
    parts = layout(answer.answer)
    if part is not None and part.startswith(parts.lead):  # the key point is said once
        part = part[len(parts.lead) :].strip()
    while part and sentences(part) and sentences(part)[0] in parts.lead:
        # ("单位30日内，你本人1年内。" under the key point "向区县人社局申请；单位30日内，你本人
        # 1年内。": said once)
        part = part[len(sentences(part)[0]) :].strip()
    if not part or part in parts.lead or part in parts.shown:
        return None
    body = f"{parts.lead}\n\n{part}"
    return f"{body}\n依据：{answer.source}" if answer.source else body
