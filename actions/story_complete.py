"""A short story told in the opening, taken as what happened once the worker has also said
what they want.

"老板欠我两个月工资不给 我想找工会调解", then the name and phone, then "渝香阁火锅店 解放碑那家
我要他把工资结了 一个月3800": the employer, the demand and a figure are told; the request is as
complete as one told in a single message ("申请调解 老板两个月没发工资 我叫… 公司是…", filed
as told: see actions/opening.complete_but_short), so it goes to the summary, the words said with
the employer added to the story, and the mediator asks the rest (《劳动争议调解仲裁法》第十二条:
the request records the facts, the mediator hears the parties). With the employer alone
("重庆长丰机械厂") the story is still asked for.
"""

from __future__ import annotations

import re

from rasa_sdk import Tracker

from actions.assent import is_assent
from actions.demand_job_back import WANTS_THE_JOB_BACK
from actions.mediation_cases import CASE_NO
from actions.mediation_text import WISH_START
from actions.message import as_chinese, opening_text
from actions.opening import NOTHING_TO_ADD, opening_demand, short_opening_story
from actions.validators import clean_description

# the pieces of what was said with the employer ("解放碑那家 我要他把工资结了 一个月3800")
_PIECES = re.compile(r"[\s，,。；;]+")


def short_story_with_wish(tracker: Tracker, rest: str) -> str | None:
    """What happened, from the opening's short story and what `rest` (said after the employer's
    name) tells besides the wish; None unless `rest` says what the worker wants."""
    if tracker.get_slot("description") or not rest.strip():
        return None
    short = next(filter(None, map(short_opening_story, _openings(tracker))), None)
    if not short or not (opening_demand(rest) or WANTS_THE_JOB_BACK.search(rest)):
        return None
    facts = " ".join(
        p
        for p in _PIECES.split(rest)
        if p and not WISH_START.match(p) and not WANTS_THE_JOB_BACK.search(p)
    )
    if facts and facts not in short:
        return clean_description(f"{short}；{facts}") or short
    return short


def _openings(tracker: Tracker) -> list[str]:
    """The messages that started the mediation form, newest first, back to the last request
    filed: "公司不给我交社保 我想调解", then 转人工 halfway, then "不等了 你帮我弄嘛 公司是…"
    (the request taken up again, its story told the first time)."""
    found: list[str] = []
    started = handed = False
    for event in reversed(tracker.events):
        kind = event.get("event")
        if kind == "bot" and CASE_NO.search(str(event.get("text") or "")):
            break
        if kind == "action" and event.get("name") == "action_handoff":
            handed = True
        elif kind == "active_loop" and event.get("name") == "mediation_form":
            started = True
        elif kind == "user" and started:
            if handed or not found:  # (an earlier one across a handoff, not one cancelled)
                found.append(str(event.get("text") or ""))
            started = False
    return found or [opening_text(tracker, "mediation_form")]


def nothing_to_add(said: str) -> bool:
    """ "就这些", or a yes ("对的", "dui"), asked to add to a short story: it is the story."""
    return bool(NOTHING_TO_ADD.fullmatch(said.strip(" 。！!～~"))) or is_assent(as_chinese(said))
