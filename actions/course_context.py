"""The courses in view: what a short message after a course list or card is about."""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, FollowupAction

from actions.case_cost import case_cost_instead
from actions.course_busy import ECHOED_TIME, entity_values
from actions.message import (
    latest_entity,
    latest_intent,
    previous_action,
    previous_actions,
    ran_this_turn,
    set_last_turn,
    typed_text,
    understood_text,
)
from actions.work_talk import ABOUT_WORK as _ABOUT_WORK
from bot.domain.course_cards import answer, asks_refund
from bot.domain.course_places import asks_same_day, asks_same_place
from bot.domain.course_questions import (
    SHORT,
    asks_no_clash,
    aspects,
    described,
    is_followup,
)
from bot.domain.course_requirements import WHAT_NOW, schooling, tells_about
from bot.domain.courses import COURSE_CATEGORIES, asks_like_this
from bot.store import courses as repo

# the course list on the worker's screen: every course found (codes, in the order shown), how
# many have been shown, and the one course last talked about (docs/architecture.md, Context)
LIST_SLOT, SHOWN_SLOT, FOCUS_SLOT = "course_list", "course_shown", "course_focus"
SCHOOLING_KIND = COURSE_CATEGORIES[2]  # 学历提升
# the bot's actions after which a course is in view ("是在文化宫哪里上嘛" after enrolling)
COURSE_ACTIONS = (
    "action_search_courses",
    "action_course_followup",
    "action_enrol_course",
    # (the enrolments listed: "几点开始" next asks of the one course enrolled in)
    "action_my_enrolments",
)


# replies that say the bot did not understand: they do not change the subject
CANCELLED_ONE = "action_cancel_enrolment"
MISSES = ("action_out_of_scope", "action_fallback", "utter_default", "action_affirm")


def in_course_context(tracker: Tracker) -> bool:
    """The bot's last turn was about courses (or the one before, with only a misunderstood
    message between; or it answered about a course inside a form it then ended: "确认 然后那个
    做面包的课在哪里上") and a list or a course is still in view."""
    last = previous_actions(tracker, 2)
    about_courses = bool(last) and (
        last[0] in COURSE_ACTIONS
        or (len(last) > 1 and last[0] in MISSES and last[1] in COURSE_ACTIONS)
        or set_last_turn(tracker, FOCUS_SLOT)
    )
    return about_courses and bool(tracker.get_slot(LIST_SLOT) or tracker.get_slot(FOCUS_SLOT))


IN_VIEW_SHORT = 16
FEW_LISTED = 3  # a list this short is answered course by course
# the course's own parts asked beside words of work ("学费好多 我工资不高哦", "学完有证不
# 以后退休了出去当月嫂用得到不")
_ABOUT_THE_COURSE = re.compile(
    r"学费|报名费|材料费|书本费|课时费|资料费|学完|学了|有证不|发证|发不发证|证书|下课|上课"
)
EACH_OF_US = re.compile(r"各人|各自|分别|每个人")
_WHICH_ONE = re.compile(r"哪个|哪门|哪一个|哪一门|哪些")


# a day or time the worker is free ("周六下午早餐店没得事", "星期天我有空")
_FREE_THEN = re.compile(
    r"(?:星期|周|礼拜)[一二三四五六天日末][^，,。？?]{0,8}(?:没得?事|没有?事|有空|得空|空着|闲着|不上班)"
)


def narrows(tracker: Tracker) -> bool:
    """The message names a condition on courses (a day, a time of day, free, a category),
    not only a day or time the worker is busy ("星期几上课 我周六要上班")."""
    if latest_entity(tracker, "fee"):
        return True
    if ECHOED_TIME.match(typed_text(tracker)) and not latest_entity(tracker, "course_category"):
        # "星期天上午啊 在哪里上" after the course: its time said back, then a question
        return False
    said = typed_text(tracker)  # ("周六下午早餐店没得事 在哪点上课": free then, a part asked)
    if _FREE_THEN.search(said) and aspects(said) and not latest_entity(tracker, "course_category"):
        return False
    if latest_entity(tracker, "course_category") and entity_values(
        tracker, "course_category", outside_busy=True
    ):
        return True
    timed = any(entity_values(tracker, e, outside_busy=True) for e in ("weekday", "time_of_day"))
    busy_time = any(
        entity_values(tracker, e) != entity_values(tracker, e, outside_busy=True)
        for e in ("weekday", "time_of_day")
    )
    # (a kind named in a clause that names no busy time: "可以带娃娃一起参加的活动")
    return timed or (bool(latest_entity(tracker, "course_category")) and not busy_time)


def about_courses_in_view(tracker: Tracker, text: str) -> bool:
    """Right after courses were shown, a short message that asks about a part of a course
    ("每天几点到几点", "好多岁的娃儿可以去"), names a course ("书法呢") or a condition
    ("星期天下午的呢") and nothing about work is about those courses."""
    value = text.strip()
    if not value or len(value) > SHORT or value.startswith("/"):
        return False
    if _ABOUT_WORK.search(value) and not _ABOUT_THE_COURSE.search(value):
        # ("学费好多 我工资不高哦": the course's fee, the worker's pay said beside it)
        return False
    if _WHICH_ONE.search(value) and tells_about(value):
        # "我中专毕业 报哪个合适", "我只有高中 我女儿大专毕业了 我们各人报哪个": which of them
        # the worker (or each of them) may take
        return True
    if len(value) > IN_VIEW_SHORT:
        # longer ("不是说工会有补贴的嘛 咋个还要300"): only a question about the one course
        # in focus
        return bool(tracker.get_slot(FOCUS_SLOT) and aspects(value))
    return bool(aspects(value) or latest_entity(tracker, "course_name") or narrows(tracker))


def enrolling_course_reply(services: Any, tracker: Tracker, text: str) -> str | None:
    """While enrolling, a question about a part of the course ("要不要自己带垫子", read as a
    policy question): answered from the course's catalogue entry."""
    code = tracker.get_slot("course_id")
    if tracker.active_loop_name != "enrolment_form" or not code:
        return None
    if not aspects(text) or _ABOUT_WORK.search(text):
        return None
    with services.db.session() as s:
        course = repo.get_by_code(s, str(code))
        return answer(course, aspects(text), repo.seats_left(s, course)) if course else None


_COURSE_WORD = re.compile(r"课|培训")
# "那我应该先读哪个", "我这种情况该报啥子": which course, for the worker
_WHAT_FITS = re.compile(
    r"(?:该|应该|可以|能)(?:先)?(?:报|读|学|上)(?:啥子|什么|哪个|哪门|哪一个|哪些)"
)


# whether the course in view meets at a time, asked ("是不是周末上", "晚上上不")
_ASKS_IF_WHEN = re.compile(
    r"是不是(?:在)?(?:周末|晚上|白天|上午|下午|周[一二三四五六日天]|星期[一二三四五六日天]|礼拜[一二三四五六天])"
    r"|(?:周末|晚上|白天|上午|下午)(?:上课?|开课)?(?:吗|不|嘛|哇)$"
    # ("是周末上课不 考证费要自己出不": asked, then more asked)
    r"|是(?:在)?(?:周末|晚上|白天|上午|下午|周[一二三四五六日天])(?:上课?|开课)?(?:吗|不|嘛|哇)"
    # "上课在哪里上 周末哪天": which day of the weekend the course in view meets
    r"|(?:周末|星期|礼拜)[^，,。\s]{0,2}(?:哪天|哪一天|几)"
)


# more courses of a kind asked for ("那还有啥子练身体的嘛", "有没得学手艺的")
_MORE_OF_A_KIND = re.compile(
    r"(?:还有|有没得|有没有|有莫得)(?:啥子|什么|别的|其他|其它)?(?:可以)?(?:练|学|锻炼|耍|玩)"
    r"[^，,。\s]{0,6}的"
)


# when the worker is free, said beside a question ("我周末才有空", "我只有晚上有时间")
FREE_WHEN = re.compile(
    r"(?:只有|就|才)?(?:周末|星期六|星期天|礼拜六|礼拜天|周六|周日|晚上|白天|下午|上午)"
    # ("啥时候上课 我只有星期天休息")
    r"(?:才|就)?(?:有空|有时间|得空|空得出来|休息|不上班|歇)"
)
# courses for the age of the child told before, asked
_FOR_THAT_AGE = re.compile(
    r"(?:这个|那个|这么大|她的|他的)(?:年纪|岁数|年龄)|这么大的|那么大的"
    # "那5岁的有啥子可以参加的": a child's age, and what there is for it
    r"|\d{1,2}\s*岁(?:的|那个)?(?:娃儿?|孩子|小孩|小的|大的)?[^，,。]{0,3}"
    r"(?:有啥子?|有什么|有哪些|能去啥|可以去啥|能参加啥|可以参加啥|能报啥|可以报啥)"
)


def followup_instead(tracker: Tracker, searching: bool = False) -> list[EventType] | None:
    """For any action: a short question about the courses just shown is the follow-up
    action's ("第二个在哪里上课" classified as a search, a policy question or a miss), and so
    is a question about a course named in it ("小苗成长营上课要带啥子")."""
    if ran_this_turn(tracker, "action_course_followup"):
        return None  # it handed this message over: never back and forth
    text = understood_text(tracker)
    if searching and asks_no_clash(text):
        return None  # "跟书法时间不冲突的有啥子": the others, searched
    if (
        searching
        and schooling(text)
        and latest_entity(tracker, "course_category") == SCHOOLING_KIND
        # ("我初中 我老公大专 我们分别报哪个": which of those in view for each of them)
        and not EACH_OF_US.search(text)
    ):
        return None  # "我有个同事只有高中文凭 他能读啥子" after 专升本: what suits it, searched
    if searching and _FOR_THAT_AGE.search(text):
        # "哦 那还有没得适合她这个年纪的" after a course she is too young for: a search
        return None
    if in_course_context(tracker) and (
        is_followup(text)
        or (not searching and about_courses_in_view(tracker, text))
        or (EACH_OF_US.search(text) and _WHICH_ONE.search(text) and tells_about(text))
        # "总共好多节课 啥时候结束", "好久开始 在哪里练车": read as a search, but naming no
        # course and no condition, only parts of the course in view
        or (
            searching
            and aspects(text)
            and not latest_entity(tracker, "course_name")
            and not narrows(tracker)
            and not _ABOUT_WORK.search(text)
        )
    ):
        return [FollowupAction("action_course_followup")]
    if (
        latest_entity(tracker, "course_name")
        and aspects(text)
        # "做钟点工的 老板说一个月结一次钱": a course's keyword in a question about work
        and not (latest_intent(tracker) == "policy_question" and _ABOUT_WORK.search(text))
        # "星期天带娃儿有啥子活动 娃儿7岁": a kind asked for (亲子活动) is a search, whatever
        # course a word of it names (带娃儿 is also 育婴员's)
        and not (searching and latest_entity(tracker, "course_category"))
    ):
        return [FollowupAction("action_course_followup")]
    if not searching and in_course_context(tracker) and _MORE_OF_A_KIND.search(text):
        # "哦 那还有啥子练身体的嘛 我在服装厂踩缝纫机…" after a closed course: a search of
        # that kind, whatever else the message tells
        return [FollowupAction("action_search_courses")]
    if (
        tracker.get_slot(FOCUS_SLOT)
        and in_course_context(tracker)
        and (
            asks_like_this(text)
            or asks_same_day(text)
            or asks_same_place(text)
            or asks_refund(text)  # "学费退不退" of the course in view
        )
    ):
        # "那有没得差不多的嘛 养生的 动作简单点的" after a closed course: those like it;
        # "那我自己呢 同一天有没得我能上的" after a child's course: those held that day
        return [FollowupAction("action_course_followup")]
    if previous_action(tracker) == CANCELLED_ONE and asks_refund(text):
        # "那300块钱退不退" right after cancelling 叉车: that course's fee
        return [FollowupAction("action_course_followup")]
    if tracker.get_slot(FOCUS_SLOT) and in_course_context(tracker) and WHAT_NOW.match(text.strip()):
        # "那咋个办嘛" after 专升本 refused with the 大专班 suggested: the one suggested
        return [FollowupAction("action_course_followup")]
    if (
        tracker.get_slot(FOCUS_SLOT)
        and in_course_context(tracker)
        and aspects(text)
        and FREE_WHEN.search(text)
    ):
        # "啥子时候开学 在哪里上课 我周末才有空" after one course: its time and place, the
        # worker's free days said with it (not a search for weekend courses)
        return [FollowupAction("action_course_followup")]
    listed = tracker.get_slot(LIST_SLOT) or []
    if (
        not tracker.get_slot(FOCUS_SLOT)
        and 1 < len(listed) <= FEW_LISTED
        and in_course_context(tracker)
        and "time" in aspects(text)
        and FREE_WHEN.search(text)
    ):
        # "是哪天上课 我只有周末有空" after two courses: when each meets (not a new search)
        return [FollowupAction("action_course_followup")]
    if tracker.get_slot(FOCUS_SLOT) and in_course_context(tracker) and _ASKS_IF_WHEN.search(text):
        # "啥时候开学 平时要上班 是不是周末上" after one course: whether that one meets then,
        # not a search for weekend courses
        return [FollowupAction("action_course_followup")]
    if tracker.get_slot(FOCUS_SLOT) and in_course_context(tracker) and _WHAT_FITS.search(text):
        # "那我这种情况该报啥子" after a course whose requirement was not met: the one that fits
        return [FollowupAction("action_course_followup")]
    if not searching and _COURSE_WORD.search(text) and is_followup(text):
        # 在哪里上课, 你们的培训收费不: no list in view
        return [FollowupAction("action_course_followup")]
    return None


def described_instead(services: Any, tracker: Tracker) -> list[EventType] | None:
    """Right after a course, a short question about something its description speaks of
    ("练了是要去演出还是咋个" after the choir, read as out of scope): about that course."""
    focus = tracker.get_slot(FOCUS_SLOT)
    text = understood_text(tracker)
    if not (focus and in_course_context(tracker)) or ran_this_turn(
        tracker, "action_course_followup"
    ):
        return None
    if not text or len(text) > SHORT or aspects(text) or _ABOUT_WORK.search(text):
        return None
    with services.db.session() as s:
        course = repo.get_by_code(s, str(focus))
        if course is None or not described(course, text):
            return None
    return [FollowupAction("action_course_followup")]


def named_course_instead(tracker: Tracker) -> list[EventType] | None:
    """A message not understood otherwise that names a course ("那个晚上练身体的 不是跳舞
    是有点像打拳那种" names 太极拳 by a keyword) and nothing about work: that course's card."""
    if latest_entity(tracker, "course_name") and not _ABOUT_WORK.search(understood_text(tracker)):
        return [FollowupAction("action_course_followup")]
    return None


def work_question_instead(tracker: Tracker) -> list[EventType] | None:
    """ "还有产检要请假 厂头说请一次扣一次钱" read as a question about a course, with no course
    named or in view: a question about work, for the policy answer; more told for a request
    filed here ("还有个事补充一哈 当时旁边的工友李刚看到了的"): added to it."""
    from actions.case_additions import addition_instead  # (the case actions read courses)

    added = addition_instead(tracker)
    if added:
        return added
    if in_course_context(tracker) or latest_entity(tracker, "course_name"):
        return None
    cost = case_cost_instead(tracker)  # "这个要交钱不" right after filing: the case's cost
    if cost:
        return cost
    if _ABOUT_WORK.search(understood_text(tracker)):
        return [FollowupAction("action_answer_policy")]
    return None
