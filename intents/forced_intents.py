"""The rules that override the classifier's reading of a message (after the explicit requests
of intents/overrides.py): a course cancelled, switched, asked whether it fits or what it
certifies, another course asked, an unsure search that asks about work, the money owed asked
where the classifier heard a course's fee, a date of the job
told where the classifier heard a goodbye, and the explicit requests read again in English or
pinyin. intents/interpreter.py applies them before its own sure-or-fallback logic."""

from __future__ import annotations

import re

from intents.course_rules import (
    asks_another_course,
    asks_if_a_course_fits,
    asks_the_certificate,
    cancels_a_course,
    drops_a_course,
    learns_the_course_named,
    switches_course,
    wants_to_learn,
)
from intents.foreign import read_foreign
from intents.overrides import rule_intent

# below this, a reading is a guess the rules may set aside
UNSURE_REQUEST_CONFIDENCE = 0.5

# words of work and its rights: an unsure course search that names them asks about work
_WORK_WORDS = re.compile(
    r"补偿|赔偿|工资|加班|合同|工伤|社保|辞职|辞退|开除|离职|老板|单位|公司|年假|产假|试用期|仲裁"
)
# leave as a right, asked ("她生了过后我有假没得": a father's leave), not a course's holiday
_LEAVE_AS_A_RIGHT = re.compile(
    r"有假|假没得|假没有|几天假|好多天假|多少天假|陪产|护理假|生了过后|生了以后"
)
# money the employer owes or held back from the worker ("一共欠我多少钱", "扣了我好多"): a
# question of wages, never of a course's fee
_OWED_TO_ME = re.compile(r"(?:欠|拖欠|扣|少给|少发)(?:了)?(?:我|我们)")
_COURSE_READINGS = ("course_followup", "course_search")
# a course given up ("书法那个给我取消了嘛 … 去不了"): not a question of whether it fits
_CANCELS_WORDS = re.compile(r"取消|退了|退掉|不报了|不去了|不上了|不学了")
# a day the job began or ended, told ("我是2月1号就去上班了")
_WORK_DATE_TOLD = re.compile(
    r"\d{1,2}\s*月(?:\s*\d{1,2}\s*[号日])?[^，,。]{0,3}"
    r"(?:进的|进去|进厂|入职|去上班|开始上班|来上班|上班的|走的|走了|离职)"
)


# someone at work whose words the worker tells ("店长暗示我…干脆自己辞职算了": the manager's
# 算了, not the worker's)
_SOMEONE_AT_WORK = re.compile(
    r"老板|店长|站长|厂长|主管|经理|领导|组长|班长|工头|包工头|人事|公司|单位|厂里|厂头"
)
# the worker's own never mind, said first ("算了 老板那边我自己去说")
_OWN_CANCEL_FIRST = re.compile(r"^(?:那|哦|嗯|好|唉)?[\s，,]*(?:算了|取消|不用了|不弄了|不办了)")


# the worker's own stopping, wherever said ("老板刚打电话说明天就发 那我先不申请了",
# "…帮我取消了嘛")
_OWN_STOP = re.compile(
    r"不用调解|不调解|不申请|先不|不报|取消|撤|不用了|不要了|那就?算了|不弄了|不办了|不填了|不等了"
)
# what someone said or hinted, told
_TOLD_SAYING = re.compile(r"说|暗示|喊我|叫我|让我|劝我|逼我")


def quotes_someone_at_work(norm: str) -> bool:
    """A story of what someone at work said or hinted, whose own words end it ("…自己辞职算了"):
    not the worker's never mind."""
    if _OWN_CANCEL_FIRST.match(norm) or _OWN_STOP.search(norm):
        return False
    return bool(_SOMEONE_AT_WORK.search(norm)) and bool(_TOLD_SAYING.search(norm))


def top_is_unsure(ranking: list[tuple[str, float]]) -> bool:
    """The classifier's first reading is a fallback or a weak guess."""
    return not ranking or ranking[0][0] == "nlu_fallback" or ranking[0][1] < UNSURE_TOP


UNSURE_TOP = 0.5


def forced_intent(norm: str, entities: list[dict], ranking: list[tuple[str, float]]) -> str | None:
    """The intent the rules give the (normalised) message, or None to keep the classifier's."""
    forced = "cancel_enrolment" if drops_a_course(norm, entities) else rule_intent(norm)
    if forced is None and "调节" in norm:
        # "… 手指头压断了 … 我要调节 钟永福 136…": 调解 typed by sound, asked for all the same
        forced = rule_intent(norm.replace("调节", "调解"))
    if forced is None and cancels_a_course(norm, entities):
        forced = "cancel_enrolment"  # "八段锦还是取消了嘛": that course's enrolment
    if forced is None and switches_course(norm, entities):
        forced = "course_enroll"  # "改成合唱嘛": enrolled in that one instead
    if (
        forced is None
        and ranking
        and ranking[0][0] == "course_search"
        and ranking[0][1] < UNSURE_REQUEST_CONFIDENCE
        and not wants_to_learn(norm)
        and not any(e.get("entity") in ("course_name", "course_category") for e in entities)
        and _WORK_WORDS.search(norm)
    ):
        # "我自己想词职回老家 有没得经济补偿拿": unsure, no course in it, a question of work
        forced = "policy_question"
    if (
        forced is None
        and ranking
        and ranking[0][0] == "my_enrolments"
        and ranking[0][1] < UNSURE_REQUEST_CONFIDENCE
        and not any(e.get("entity") in ("course_name", "course_category") for e in entities)
        and (_WORK_WORDS.search(norm) or _LEAVE_AS_A_RIGHT.search(norm))
    ):
        # "她生了过后我有假没得" heard as the worker's enrolments: a question of work
        forced = "policy_question"
    if (
        forced is None
        and ranking
        and ranking[0][0] in _COURSE_READINGS
        and not any(e.get("entity") in ("course_name", "course_category") for e in entities)
        and _OWED_TO_ME.search(read_foreign(norm))
    ):
        # "一共欠我多少钱" (or "yigong qian wo duoshao qian") at a request's summary: the wages
        # owed added up, not a course's fee
        forced = "policy_question"
    if (
        forced is None
        and ranking
        and ranking[0][0] in ("goodbye", "thanks")
        and _WORK_DATE_TOLD.search(norm)
    ):
        # "等哈我翻了下聊天记录 我是2月1号就去上班了": a date of the job, corrected, not a
        # goodbye (等哈 is "wait a moment")
        forced = "policy_question"
    if (
        forced is None
        and ranking
        and ranking[0][0] == "cancel"
        and ranking[0][1] < UNSURE_REQUEST_CONFIDENCE
        and quotes_someone_at_work(norm)
    ):
        # "店长暗示我怀起了干脆自己辞职算了": the manager's words told, a question of work
        forced = "policy_question"
    if (
        forced is None
        and (asks_if_a_course_fits(norm, entities) or asks_the_certificate(norm))
        and not _CANCELS_WORDS.search(norm)
    ):
        # "我周二周四都要加班 那书法是不是去不成", "考出来发啥子证": about the course
        forced = "course_followup"
    if forced is None and asks_another_course(norm, entities):
        forced = "course_search"  # "算了瑜伽不报了 八段锦是哪天嘛": the other one asked
    if forced is None and top_is_unsure(ranking) and learns_the_course_named(norm, entities):
        forced = "course_search"  # "算了 … 想练哈毛笔字": the course named, wanted
    if forced is None and (read := read_foreign(norm)) != norm:
        forced = rule_intent(read)  # "i want to sign up. my name is …, phone 136…"
    return forced
