"""One more thing told at a request's summary ("还有个事 他们也莫给我买社保 这个也一起写进去"),
added to what happened (split from actions/corrections.py)."""

from __future__ import annotations

import re

from rasa_sdk import Tracker

from actions.message import as_chinese, faq_of_last_turn, typed_text
from actions.validators import clean_description, dispute_types_in
from bot.domain.groups import group_size
from bot.domain.severance import asks_how_much, monthly_pay, months_worked

# "还有个事 他们也莫给我买社保 这个也一起写进去" at the summary: one more thing that happened
# a message at the summary this long, telling the dispute with figures, adds to the story
# (not a question asked there: "先问哈 工伤认定有没得时间限制哦")
STORY_MORE_MIN = 15
_ASKS_MORE = re.compile(
    r"有没得|有没有|先问|问哈|问下|问一下|问个|多久|好久|要不要|是不是|可以不|行不|对不|合法|咋办"
)
_ADDS = re.compile(r"还有|另外|也|一起|补充|加上|再加|顺便|忘了说|漏了")
_ADDED_OUTRIGHT = re.compile(r"补充|忘了说|漏了|也写上|也加上|写进去|加进去")
# (a field of its own: "还有电话打错了 是139…" corrects the phone, it tells nothing)
_OTHER_FIELD = re.compile(r"电话|手机|号码|名字|姓名|单位名|公司名|诉求")
_SUM_TOLD = re.compile(
    r"\d{3,}|(?:\d|[一二两三四五六七八九十几])+(?:千|万)|少发|没发|扣了|一半|按\S{1,4}发"
)
# a sum wanted, said as a statement ("差的1千5也要补给我")
_WANTED_TOO = re.compile(r"(?:也|还)要(?:他|公司|老板|厂里)?(?:补|赔|退|还|发)(?:给我)?")
_ASKS = re.compile(r"[?？吗么]|不嘛$|没得?$|能不能|可不可以|咋个|怎么|啥子|什么")


def story_added(tracker: Tracker) -> str | None:
    """What happened with one more dispute added, when the worker tells it at the summary
    (a kind of dispute the story does not name yet, said as an addition, not asked)."""
    story = str(tracker.get_slot("description") or "")
    text = typed_text(tracker).strip()
    if not story or not text or tracker.get_slot("requested_slot") != "mediation_confirm":
        return None
    if text in story:  # taken already this turn (the form validates after extracting)
        return story if story.endswith(text) and story != text else None
    typed, text = text, as_chinese(text)  # (read in Chinese; added as typed)
    if (
        _ASKS.search(text)
        # ("sorry the phone is wrong, it is 135…": a field corrected in English)
        or _OTHER_FIELD.search(text)
        # (not "差的1千5也要补给我": what is wanted, told; nor "我想补充一下 老板还说要扣我押金
        # 不退": an addition said outright)
        or (
            asks_how_much(text)
            and not _WANTED_TOO.search(text)
            and not _ADDED_OUTRIGHT.search(text)
        )
    ):
        return None  # ("没休的年假应该补好多钱 我月工资4350": a question, answered)
    if (
        (months_worked(text) is not None or monthly_pay(text) is not None)
        and not dispute_types_in(text)
        and faq_of_last_turn(tracker)
    ):
        return None  # ("月工资5000 做了2年9个月" after the compensation was explained: its sum)
    size = group_size(text)
    if size and size != group_size(story):
        # "哦还有 人数是16个 刚刚又有一个要加进来": the group's head count, kept with the story
        return clean_description(f"{story}；{typed}")
    known = set(dispute_types_in(story)) | {tracker.get_slot("dispute_type")}
    if not _ADDS.search(text):
        # "一共14个人 7月到10月天天加班到晚上10点 加班费一分都没给" at the summary: more of the
        # story told at length, with its figures (not a short yes or a word of the form)
        told_more = (
            len(text) >= STORY_MORE_MIN
            and not _ASKS_MORE.search(text)
            and bool(set(dispute_types_in(text)) & known or _SUM_TOLD.search(text))
        )
        return clean_description(f"{story}；{typed}") if told_more else None
    # one more kind of dispute, or more of this one told with its sums ("8月份也只发了一半
    # 少发了3400 加起一共是17000"), or anything said outright to be added ("我想补充一下 老板
    # 还说要扣我押金不退")
    if not (
        set(dispute_types_in(text)) - known
        or _SUM_TOLD.search(text)
        or _ADDED_OUTRIGHT.search(text)
    ):
        return None
    return clean_description(f"{story}；{typed}")
