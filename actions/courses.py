"""Finding courses: filters from the worker's words, a short list, 详情 and 报名 per course."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.course_busy import busy_spans
from actions.course_context import FOCUS_SLOT, LIST_SLOT, followup_instead, in_course_context
from actions.course_filters import (
    SEARCH_SLOTS,
    asks_about_leave,
    compared_courses,
    filter_from,
    tells_a_dispute,
    unsure_search,
)
from actions.course_list import (
    category_buttons,
    detail_button,
    listed,
    show_page,
)
from actions.course_no_clash import clash_with_enrolled, lead_said, no_clash_search
from actions.course_search_answers import (
    any_time,
    nothing_found,
    only_then,
    only_then_intro,
    schooling_fits,
    who_fits,
)
from actions.course_search_extras import like_this, same_day, same_place, several_named
from actions.message import latest_entity, previous_action, recent_user_texts, understood_text
from actions.policy_followups import policy_followup_instead
from actions.services import ServiceAction
from bot.domain.course_ages import (
    age_told_before,
    ages_text,
    child_named,
    children_ages,
    for_children,
    is_child_word,
    suits,
    without_age,
    without_child_words,
)
from bot.domain.course_fees import all_free_text, asks_all_free
from bot.domain.course_places import place_in
from bot.domain.courses import (
    alike_meeting,
    closed_text,
    is_specific,
    rank_by_text,
    residual,
    tells_own_age,
)
from bot.knowledge.followups import leans_on_context
from bot.store import courses as repo
from bot.store.models import Course

HOBBY = "幸福学堂"  # the hobby classes' category (data/courses.yml)


def _named_by_a_child_word(tracker: Tracker) -> bool:
    """The course this message names, it names only by a word for a child ("娃儿")."""
    message = tracker.latest_message or {}
    text = message.get("text") or ""
    spans = [
        text[e["start"] : e["end"]]
        for e in message.get("entities") or []
        if e.get("entity") == "course_name" and isinstance(e.get("start"), int)
    ]
    return bool(spans) and all(is_child_word(span) for span in spans)


def leans_on_an_answer(tracker: Tracker) -> bool:
    """ "那室内上班有没得" right after the high-temperature allowance: a short message that
    leans on the policy answer just given and names no course nor kind of course."""
    return (
        previous_action(tracker) == "action_answer_policy"
        and leans_on_context(understood_text(tracker))
        and not latest_entity(tracker, "course_name")
        and not latest_entity(tracker, "course_category")
    )


# courses for younger children asked for, the child's age told before
_YOUNGER = re.compile(r"小点|小一点|小些|更小|年纪小|年龄小|岁数小")
# "那有莫得他能去的嘛" after the child's age was told: for that child (the one told last)
_THAT_CHILD = re.compile(
    r"(?:他|她|娃儿|孩子|儿子|女儿|小孩)(?:能|可以)(?:去|报|参加|耍|上)"
    # "那他这个年纪有啥子可以去的没得"
    r"|(?:他|她|娃儿|孩子|儿子|女儿|小孩)(?:这个|这么大的?|这种)(?:年纪|岁数|年龄)"
    # "那还有没得适合她这么大的"
    r"|(?:适合|合适)(?:他|她|娃儿|孩子|儿子|女儿|小孩)(?:这么大|这个年纪|这个岁数)"
)


# other courses asked for, not the one in view at another time ("有没得星期一晚上的课")
# others than the course in view asked for
_OTHERS_THAN = re.compile(r"别的|其他|其它|还有(?:没|吗|不|啥|什么)")
# (or the worker's own after a child's: "算了 那我自己学点啥子 周四下午我调休")
_OTHER_COURSES = re.compile(r"的(?:课|班|培训|活动)|别的|其他|其它|我自己(?:学|报|上|去)|自己学")


# the bot's turns about one course, after which a new search ranks that kind first
COURSE_TURNS = frozenset({"action_course_followup", "action_search_courses"})
# how far back a child's age told by who they are is looked for ("大的10岁小的5岁")
RECENT_FOR_AGES = 6


# the cheaper courses wanted ("有没得便宜点的考证培训", "不贵的")
_CHEAPER_WANTED = re.compile(r"便宜|不贵|实惠|省钱|花钱少|少花钱")


class ActionSearchCourses(ServiceAction, Action):
    """Shows open courses matching what the worker asked for."""

    def name(self) -> str:
        return "action_search_courses"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        cleared = [SlotSet(slot, None) for slot in SEARCH_SLOTS]
        like = like_this(self.services, dispatcher, tracker)
        if like is None:
            like = same_place(self.services, dispatcher, tracker)
        if like is None:
            like = same_day(self.services, dispatcher, tracker)
        if like is not None:
            return cleared + like
        if compared_courses(tracker):
            # "书法和插花哪个好": the courses side by side (the follow-up action's)
            return cleared + [FollowupAction("action_course_followup")]
        instead = followup_instead(tracker, searching=True)
        if instead:
            return instead  # the follow-up reads this message's filters, then clears them
        if tells_a_dispute(tracker) or asks_about_leave(tracker):
            # "学校说当老师就是这样 没得加班费": a dispute told, not a course wanted
            return cleared + [FollowupAction("action_answer_policy")]
        if unsure_search(tracker) or leans_on_an_answer(tracker):
            # "我没有参加过啥子培训 也没签竞业协议" right after the answer about penalty
            # clauses: a word like 培训 in a follow-up to a policy answer is not a search
            instead = policy_followup_instead(self.services, tracker)
            if instead:
                return cleared + instead
        if asks_all_free(understood_text(tracker)):
            # "你们那些课都是免费的噻": most, and the ones that cost something
            with self.services.db.session() as s:
                available = repo.open_courses(s, self.services.today())
                dispatcher.utter_message(
                    text=all_free_text(available), buttons=category_buttons(available)
                )
            return cleared
        several = several_named(self.services, dispatcher, tracker)
        if several:
            # "我娃儿10岁 要托管 我婆娘想学做蛋糕 我自己想考个电工证": one course for each
            return cleared + several
        f = filter_from(tracker)
        text = text_told = understood_text(tracker)
        raw = (tracker.latest_message or {}).get("text") or ""
        if raw == text:
            # "星期六下午我要接娃儿 上午有没得别的学做吃的": a child in the clause that says when
            # the worker is busy is no course wanted (a word of its time, 寒假, still is)
            for a, b in reversed(busy_spans(tracker)):
                text = text[:a] + without_child_words(text[a:b]) + text[b:]
        with self.services.db.session() as s:
            available = repo.open_courses(s, self.services.today())
            clear_intro = ""
            kept_clear = no_clash_search(s, tracker, text, available)
            if kept_clear:  # "跟直播不撞的有哪些": none at the same time as it
                available, text, clear_intro = kept_clear
                f = replace(f, name=None)
            place = place_in(text, available)
            in_view: set[str] = set()
            if place:  # "城南那边有啥课": courses held there
                if f == repo.CourseFilter() and in_course_context(tracker):
                    # "我住城南那边 有没得近点的" after the evening courses: those held there
                    in_view = {str(c) for c in tracker.get_slot(LIST_SLOT) or []}
                f = replace(f, place=place)
                text = text.replace(place, " ")
            ages = children_ages(text)
            who = None if ages else child_named(text)
            told = (
                age_told_before(who, recent_user_texts(tracker, RECENT_FOR_AGES)) if who else None
            )
            if told is not None:
                # "那小的有啥子可以耍的" after "大的10岁小的5岁": that child's age
                ages = [told]
                text = text.replace(who or "", " ")
            if not ages and (_YOUNGER.search(text) or _THAT_CHILD.search(text)):
                # "那有没得小点的娃儿可以去的" after "我娃儿5岁半" was too young: that age; "那寒假
                # 有没得他可以去的" after "她哥哥9岁了": the child told of last
                told_ages = [children_ages(t) for t in recent_user_texts(tracker, RECENT_FOR_AGES)]
                told_ages = [a for a in told_ages if a]
                if told_ages:
                    younger = _YOUNGER.search(text) is not None
                    ages = (
                        [min(a for ts in told_ages for a in ts)] if younger else [told_ages[0][-1]]
                    )
                    text = _THAT_CHILD.sub(" ", _YOUNGER.sub(" ", text))
            if ages:  # "有没得适合5岁娃儿的": the child's age, not a course's name
                text = without_age(text)
                if f.name and _named_by_a_child_word(tracker):
                    # "两个娃儿 一个5岁一个9岁": 娃儿 is a keyword of one course, not a choice
                    f = replace(f, name=None)
            has_filter = f != repo.CourseFilter() or bool(ages)
            found = [c for c in available if repo.matches(c, f)]
            if (
                not in_view
                and not f.name
                and not f.category
                and (f.weekdays or f.time_of_day)
                and in_course_context(tracker)
            ):
                # "周末的有没得" right after the courses to keep fit: those of the list that
                # meet then (all of that day when none does)
                in_view = {str(c) for c in tracker.get_slot(LIST_SLOT) or []}
            if len(in_view) == 1 and not f.name and not f.category and not ages:
                only = repo.get_by_code(s, next(iter(in_view)))
                if only is not None and only in available and not repo.matches(only, f):
                    if found and _OTHER_COURSES.search(text):
                        # "有没得星期一星期三晚上的课" after 书法: the courses that meet then,
                        # after the one in view said when it meets
                        intro = only_then_intro(only, f) + "这些时间上课的有：\n"
                        return cleared + show_page(dispatcher, s, found, intro=intro)
                    # "星期四下午哇 我要上班 有没得晚上或者周末的" after 养老护理员: it meets
                    # only then; the courses that meet when asked, offered beside it
                    return cleared + only_then(dispatcher, only, f, found)
            if len(in_view) > 1:
                found = [c for c in found if c.code in in_view] or found
            kind_only = False
            if not found and f.name and f.category:
                # "有啥子亲子活动 可以带娃儿的": 带娃 names 育婴员, a course of another kind;
                # the kind asked for wins (and its words rank nothing: all of that kind)
                f = replace(f, name=None)
                found = [c for c in available if repo.matches(c, f)]
                kind_only = True
            if ages:
                named = found
                found = self._for_age(dispatcher, found, available, ages)
                if found is None:
                    # the children's courses told are the list on the screen, the one the
                    # worker named its focus ("那他哥哥9岁 每天几点到几点" asks of it)
                    children = for_children(available)
                    fits = [c for c in children if any(suits(c, a) for a in ages)]
                    focus = named[0].code if len(named) == 1 and f.name else None
                    if focus is None and len(fits) == 1:
                        focus = fits[0].code  # the one course offered for that age
                    return [
                        *cleared,
                        *listed(children, len(children)),
                        SlotSet(FOCUS_SLOT, focus),
                    ]
            elif tells_own_age(text):
                # "我今年55了 有没得适合我的课": for the worker, not the children's courses; an
                # older worker's words about their days name no course ("退休两年了 天天在屋头
                # 闲起"): the hobby classes first
                children = for_children(found)
                found = [c for c in found if c not in children]
                found.sort(key=lambda c: c.category != HOBBY)
                has_filter = True
            if ages:
                # "两个娃儿 一个5岁一个9岁 有啥子活动": who comes, the ages chose the courses
                text = without_child_words(text)
            words = residual(text)
            words = words if is_specific(words) and not kind_only else ""
            ranked = rank_by_text(found, text) if words else []
            if ranked:
                found = ranked
            elif words and not has_filter:
                found = []
            elif not words and not f.category and not ages:
                # "周末的有没得" right after 太极拳 (closed): courses of its kind first
                found = self._like_the_one_before(s, tracker, found)
            if _OTHERS_THAN.search(text) and tracker.get_slot(FOCUS_SLOT) and len(found) > 1:
                # "哦 那周六的呢 还有别的没" after 电工 was refused: not that one again
                found = [c for c in found if c.code != tracker.get_slot(FOCUS_SLOT)]
            if not found:
                stopped = repo.get_by_name(s, f.name) if f.name else None
                if stopped is not None and any(c.id == stopped.id for c in available):
                    stopped = None  # open, just not on the day or time asked for
                unnamed = replace(f, name=None)
                if stopped is not None and unnamed != repo.CourseFilter():
                    # "周末有没得锻炼身体的课 太极拳还报得到不": closed, and the open courses
                    # most like it that meet the conditions asked (a course asked for alone:
                    # only that it is closed, "那给我报个名" still means that one)
                    alike = alike_meeting(stopped, available, lambda c: repo.matches(c, unnamed))
                    if alike:
                        intro = closed_text(stopped) + "和它相近、现在可以报名的：\n"
                        return cleared + show_page(dispatcher, s, alike, intro=intro)
                named = [c for c in available if f.name and repo.matches(c, any_time(f))]
                if len(named) == 1 and (f.weekdays or f.time_of_day) and stopped is None:
                    # "有没得周末的瑜伽课": 瑜伽 meets on weekday evenings only, said so
                    meeting = [c for c in available if repo.matches(c, replace(f, name=None))]
                    return cleared + only_then(dispatcher, named[0], f, meeting)
                nothing_found(dispatcher, f, words, available, stopped)
                # "帮我报个名嘛" after a course that stopped enrolling is about that course
                return cleared + ([SlotSet(FOCUS_SLOT, stopped.code)] if stopped else [])
            found, schooled = schooling_fits(found, text_told)  # "只有高中文凭 他能读啥子"
            if _CHEAPER_WANTED.search(text) and len(found) > 1:
                # "有没得便宜点的考证培训": the cheapest first (free ones before the 300元 one)
                found = sorted(found, key=lambda c: c.fee)
                clear_intro = (clear_intro or "") + "按个人要交的费用从低到高排：\n"
            # "我做护理好几年了 有没得考证的课": the one that fits the worker's own job said
            # first and kept in view ("哪天上", "报一个" ask of it)
            intro, lead = lead_said(found, text) if ranked else ("", [])
            if lead:
                return cleared + show_page(dispatcher, s, found, intro=intro, ranked=True) + lead
            return cleared + show_page(
                dispatcher,
                s,
                found,
                intro=clear_intro or schooled or who_fits(found, text_told, available),
                ranked=bool(ranked),
                # "瑜伽呢" after the courses clear of 书法: it clashes, said
                note=clash_with_enrolled(s, tracker, found[0]) if len(found) == 1 else "",
            )

    def _like_the_one_before(self, s: Any, tracker: Tracker, found: list[Course]) -> list[Course]:
        """`found` with the courses of the kind of the one talked about just before first."""
        focus = tracker.get_slot(FOCUS_SLOT) if previous_action(tracker) in COURSE_TURNS else None
        before = repo.get_by_code(s, str(focus)) if focus else None
        if before is None:
            return found
        return sorted(found, key=lambda c: c.category != before.category)

    @staticmethod
    def _for_age(
        dispatcher: CollectingDispatcher,
        found: list[Course],
        available: list[Course],
        ages: list[int],
    ) -> list[Course] | None:
        """The courses for a child of those ages (any of them: "一个5岁一个9岁"); None when
        there is none (the worker is told which children's courses there are, and for what
        ages)."""
        fitting = [c for c in found if any(suits(c, age) for age in ages)]
        age = "、".join(str(a) for a in ages)
        if fitting:
            return fitting
        children = for_children(available)
        others = [c for c in children if any(suits(c, a) for a in ages)]
        if others and len(found) < len(children):
            # "我娃儿4岁半 那个寒假的成长营收不收嘛": not that one, but another course takes her
            asked = "、".join(f"「{ages_text(c)}」" for c in found if c in children)
            refused = f"{asked}，{age}岁的孩子还报不了。" if asked else ""
            listed = "、".join(ages_text(c) for c in others)
            dispatcher.utter_message(
                text=f"{refused}适合{age}岁孩子的有：{listed}。",
                buttons=[detail_button(c) for c in others[:4]],
            )
            return None
        if children:
            listed = "、".join(ages_text(c) for c in children)
            text = f"抱歉，现在没有适合{age}岁孩子的课程。开放报名的亲子课程有：{listed}。"
            dispatcher.utter_message(text=text, buttons=[detail_button(c) for c in children[:4]])
        else:
            dispatcher.utter_message(
                text=f"抱歉，现在没有适合{age}岁孩子的课程。您可以按类别看看现在开放报名的课程：",
                buttons=category_buttons(available),
            )
        return None
