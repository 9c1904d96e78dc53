"""Answers about several courses in view at once: a part asked of each ("那个星期几上" with
three courses listed) and which of them cost something ("这里面哪个要交钱")."""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.buttons import buttons
from actions.course_context import FOCUS_SLOT
from actions.course_list import enrol_button
from bot.domain.course_cards import notes, part
from bot.domain.course_requirements import tells_about, unmet
from bot.domain.courses import clash_text, fee_text
from bot.domain.party import kin_of
from bot.store import courses as repo
from bot.store.models import Course

# a part of a course asked of several in view at once, said for each (its label)
EACH_ASPECT = {
    "time": "上课时间",
    "venue": "上课地点",
    "fee": "费用",
    "requirements": "报名要求",
    "seats": "名额",
    "certificate": "证书",
    "length": "学制",
    "level": "基础",
    "job": "就业",
}
MAX_EACH = 5

# "工会的课是不是都要交钱", "你们的培训收费吗": about the courses in general
ALL_OF_THEM = re.compile(
    r"(?:课|培训|班)[^，,。]{0,6}(?:都|全部|全都|是不是|收费吗|要钱吗|要钱不|收费不)"
)
# ("在哪个地方上" asks where, not which of them)
WHICH_OF_THEM = re.compile(r"哪个(?!地方|地点|位置|楼)|哪些(?!地方)|哪几个|哪门|哪几门|有没有.*要")


def each_answer(
    dispatcher: CollectingDispatcher, s: Any, listed: list[Course], asked: list[str]
) -> list[EventType]:
    """The parts asked (time, place, fee, requirements …) of each course in view: a line
    each for one part, a course with its parts under it for several."""
    described = "介绍：{}"  # the description, when it says nothing to the part asked
    if len(asked) == 1:
        (aspect,) = asked
        lines = [f"刚才这 {len(listed)} 门课程的{EACH_ASPECT[aspect]}："]
        for c in listed:
            said = part(c, aspect, repo.seats_left(s, c))
            shown = said or f"（介绍里没有专门说）{c.description or '暂无介绍'}"
            lines.append(f"· {c.name}：{shown}")
    else:  # "要考试不 学费好多"
        lines = [f"刚才这 {len(listed)} 门课程："]
        for c in listed:
            left = repo.seats_left(s, c)
            parts = [(a, part(c, a, left)) for a in asked]
            lines.append(f"· {c.name}")
            lines += [f"  {EACH_ASPECT[a]}：{said}" for a, said in parts if said]
            if not all(said for _, said in parts):
                lines.append("  " + described.format(c.description or "暂无"))
    if "time" in asked and len(listed) == 2:
        # "我两个都想报 时间对得上不": whether they clash
        lines.append(clash_text(*listed))
    dispatcher.utter_message(
        text="\n".join(lines), buttons=buttons(*(enrol_button(c) for c in listed))
    )
    return []


def paid_answer(
    dispatcher: CollectingDispatcher,
    s: Any,
    listed: list[Course],
    everything: bool = False,
) -> list[EventType]:
    """Which of the courses in view (`everything`: all open ones) cost something, with the
    fee; else that none does."""
    these = f"现在开放报名的 {len(listed)} 门课程" if everything else f"刚才这 {len(listed)} 门课程"
    paid = [c for c in listed if c.fee]
    if not paid:
        dispatcher.utter_message(text=f"{these}都是免费的。")
        return []
    lines = [f"{these}里，要交费的是："]
    # (with what the description says of it: "考证费600元，工会补贴一半，个人交300元")
    lines += [
        f"· {c.name}：{fee_text(c)}" + (f"（{notes(c, 'fee')}）" if notes(c, "fee") else "")
        for c in paid
    ]
    lines.append("其余的都免费。" if len(paid) < len(listed) else "")
    dispatcher.utter_message(
        text="\n".join(line for line in lines if line),
        buttons=buttons(*(enrol_button(c) for c in paid)),
    )
    return []


# "我只是高中毕业 读哪个合适": which of the courses in view the worker may take
_SUITS_ME = re.compile(
    r"合适|适合|能读|读得了|能报|报得了|可以报|可以读|能上|上得了"
    # "我们各人报哪个": which for each of the people told
    r"|(?:各人|各自|分别|每个人)[^，,。]{0,3}(?:报|读|选|上)"
)
_CLAUSES = re.compile(r"[\s，,。；;]+")


def _each_person(listed: list[Course], text: str) -> list[str]:
    """One line per person told with their schooling or age ("我只有高中", "我女儿大专毕业了"):
    the courses in view they may take; [] unless two or more people are told."""
    told = [c for c in _CLAUSES.split(text) if c and tells_about(c)]
    if len(told) < 2:
        return []
    lines = []
    for clause in told:
        kin = kin_of(clause)
        who = f"您{kin}" if kin else "您"
        fits = [c for c in listed if unmet(c, clause, []) is None]
        names = "、".join(f"「{c.name}」" for c in fits)
        lines.append(f"{who}：" + (f"可以报{names}。" if fits else "这几门暂时都报不了。"))
    return lines


def suits_me_answer(
    dispatcher: CollectingDispatcher, listed: list[Course], text: str, earlier: list[str]
) -> list[EventType] | None:
    """For a worker who tells their schooling (or age) and asks which course fits: those whose
    requirements they meet, and why the others do not; None when it asks no such thing."""
    if not (WHICH_OF_THEM.search(text) and _SUITS_ME.search(text) and tells_about(text)):
        return None
    each = _each_person(listed, text)
    if each:  # "我只有高中 我女儿大专毕业了 我们各人报哪个": the answer for each of them
        dispatcher.utter_message(text="\n".join(each))
        return []
    fits = [c for c in listed if unmet(c, text, earlier) is None]
    lines = [f"{unmet(c, text, earlier)}。" for c in listed if c not in fits]
    if fits:
        names = "、".join(f"「{c.name}」" for c in fits)
        lines.insert(0, f"按您说的情况，可以报{names}。")
    else:
        lines.insert(0, "按您说的情况，这几门暂时都报不了。")
    dispatcher.utter_message(
        text="\n".join(lines), buttons=buttons(*(enrol_button(c) for c in fits))
    )
    # the one that fits is the course talked about now ("那我报名 …" next)
    return [SlotSet(FOCUS_SLOT, fits[0].code)] if len(fits) == 1 else []
