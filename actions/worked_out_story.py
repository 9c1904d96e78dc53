"""A sum asked while a mediation request is being filled, read with the request's story.

At the summary a worker asks "等等 那应该给好多 我工资一个月5220" or "wait, how much should that
be? my salary is 5220 a month": the question names no dispute of its own, the request's story
does ("上个月平时下班后加了20个小时班 一分没给"). A desk officer reads the question with the story,
so the calculators (actions/worked_out.py) are tried again on the question with the story after
it (the question first: what it tells wins). A question about the mediation itself ("调解要多少
钱") or a course is no sum of the story.
"""

from __future__ import annotations

import re

from rasa_sdk import Tracker

from actions.message import as_chinese
from bot.domain.severance import asks_how_much

MEDIATION_FORM = "mediation_form"
# what the mediation itself costs or takes, a course's fee: not the story's sum
_ABOUT_THE_PROCESS = re.compile(
    r"调解|仲裁|收费|费用|要钱|交钱|花钱|律师|课|报名|培训|学费|进度|编号|多久|好久|几天"
)

# the job back, wished in the story or kept as the demand
_JOB_BACK = re.compile(r"恢复劳动关系|(?<![不再])回去(?:继续)?上班")
_JOB_BACK_WISH = re.compile(
    r"(?:我)?(?:还是)?(?:想|要|希望)(?:回去|回厂里?|回公司里?|回单位)(?:继续)?(?:上班|干|做|工作)"
)


def story_for_sum(tracker: Tracker, text: str) -> str | None:
    """The request's story so far (English and pinyin read as Chinese), when `text` is asked
    in the mediation form and asks what something comes to, not what the mediation costs;
    None otherwise."""
    if tracker.active_loop_name != MEDIATION_FORM:
        return None
    story = str(tracker.get_slot("description") or "").strip()
    if not story or not asks_how_much(text) or _ABOUT_THE_PROCESS.search(text):
        return None
    if not _JOB_BACK.search(str(tracker.get_slot("demand") or "")):
        # "…啥子理由都没得 我要回去上班", then "我不回去了 我要他赔钱": the wish the story
        # ended with is no longer the demand, the money is
        story = _JOB_BACK_WISH.sub(" ", story)
    return as_chinese(story)
