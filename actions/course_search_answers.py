"""The search's answers besides a page of courses: the one course in view or named that does
not meet when asked ("有没得周末的瑜伽课": only on weekday evenings, and what meets then), which
child the courses found suit, and nothing found."""

from __future__ import annotations

from dataclasses import replace

from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.buttons import buttons
from actions.course_context import FOCUS_SLOT, LIST_SLOT
from actions.course_filters import describe
from actions.course_list import SUBSCRIBE_BUTTON, category_buttons, detail_button, enrol_button
from bot.domain.course_ages import for_children, labelled_ages, suits
from bot.domain.course_requirements import schooling, unmet
from bot.domain.courses import closed_text, similar_courses, when_text
from bot.store import courses as repo
from bot.store.models import Course


def only_then_intro(only: Course, f: repo.CourseFilter) -> str:
    """ "「书法」只在每周二、周四 晚上上课，没有周一、周三晚上的班。" """
    return f"「{only.name}」只在{when_text(only)}上课，没有{describe(replace(f, name=None))}的班。"


def only_then(
    dispatcher: CollectingDispatcher,
    only: Course,
    f: repo.CourseFilter,
    meeting: list[Course],
) -> list[EventType]:
    asked = describe(replace(f, name=None))
    text = only_then_intro(only, f)
    alike = [c for c in similar_courses(only, meeting) if c in meeting]
    others = alike or meeting
    if others:
        names = "」「".join(c.name for c in others[:4])
        text += f"\n{asked}上课的{'同类' if alike else '其他'}课程有「{names}」，点一下看详情。"
    dispatcher.utter_message(
        text=text,
        buttons=buttons(enrol_button(only), *(detail_button(c) for c in others[:4])),
    )
    if len(alike) == 1:
        # "那个几点" next is about the one course like it offered at the time asked, not the
        # one that does not meet then (with several offered, "那在哪里上" is still about the
        # course asked of; other kinds are only mentioned: "在哪" after "乒乓球今天下午有课没")
        return [SlotSet(FOCUS_SLOT, alike[0].code), SlotSet(LIST_SLOT, [alike[0].code])]
    if alike:
        # (the several offered are the list in view: "把瑜伽换成这个" chooses among them)
        return [SlotSet(FOCUS_SLOT, only.code), SlotSet(LIST_SLOT, [c.code for c in alike[:4]])]
    return [SlotSet(FOCUS_SLOT, only.code)]


def nothing_found(
    dispatcher: CollectingDispatcher,
    f: repo.CourseFilter,
    words: str,
    available: list[Course],
    stopped: Course | None = None,
) -> None:
    if stopped is not None:
        text = closed_text(stopped) + "您可以按类别看看现在开放报名的课程："
        dispatcher.utter_message(text=text, buttons=category_buttons(available))
        return
    if not available:
        text = "现在暂时没有开放报名的课程，新一期课程开放后欢迎再来看看。"
        dispatcher.utter_message(text=text, buttons=buttons(SUBSCRIBE_BUTTON))
        return
    what = describe(f) or (f"“{words}”相关" if words else "")
    text = f"抱歉，暂时没有找到{what}的课程。您可以换个说法，或者按类别看看现在开放报名的课程："
    dispatcher.utter_message(text=text, buttons=category_buttons(available))


def any_time(f: repo.CourseFilter) -> repo.CourseFilter:
    return replace(f, weekdays=(), time_of_day=None, either=False)


def when_said(course: Course) -> str:
    """ "亲子绘本阅读（每周日 上午 10:00-11:30，…）": a course and when it meets."""
    return f"{course.name}（{when_text(course)}）"


def who_fits(found: list[Course], text: str, available: list[Course]) -> str:
    """ "弟弟7岁 姐姐11岁 有啥子课": which of the courses found suits which child, said before
    the list when the children's ages differ in what they allow ("" otherwise); a child none
    of them suits hears of an open course of another time that does (寒假 asked, a weekend
    class for a 4-year-old running till then)."""
    ages = labelled_ages(text)
    if len(ages) < 2:
        return ""
    fits = {who: [c.name for c in found if suits(c, age)] for who, age in ages.items()}
    if len({tuple(names) for names in fits.values()}) < 2:
        return ""
    said = []
    for who, names in fits.items():
        if names:
            said.append(f"{who}（{ages[who]}岁）可以上{'、'.join(names)}")
            continue
        other = [c for c in for_children(available) if c not in found and suits(c, ages[who])]
        said.append(
            f"{who}（{ages[who]}岁）这次没有合适的；平时有{'、'.join(when_said(c) for c in other)}"
            if other
            else f"{who}（{ages[who]}岁）暂时没有合适的"
        )
    return "；".join(said) + "。\n"


def schooling_fits(found: list[Course], text: str) -> tuple[list[Course], str]:
    """ "我有个同事只有高中文凭 他能读啥子": the courses found whose schooling the words meet
    first, the others after them (still in the list: "本科那个我能不能直接报" points at one),
    said before the list not to be open to it; `found` and "" when the words tell no
    schooling or none of the courses found is open to it."""
    if schooling(text) is None:
        return found, ""
    refused = [(c, unmet(c, text)) for c in found]
    fit = [c for c, why in refused if why is None]
    if not fit or len(fit) == len(found):
        return found, ""
    said = "；".join(str(why) for _, why in refused if why)
    names = "、".join(f"「{c.name}」" for c in fit)
    return fit + [c for c, why in refused if why], f"{said}。能报的是{names}：\n"
