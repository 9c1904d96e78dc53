"""Follow-ups on a course list: "第二个在哪里上课", "那个要交钱不", "还有没得别的",
"只要免费的", "介绍一下书法班" — answered from the catalogue against the list in view."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.buttons import button, buttons
from actions.course_busy import outside_busy_text
from actions.course_closed import closed_reply
from actions.course_context import (
    CANCELLED_ONE,
    EACH_OF_US,
    FOCUS_SLOT,
    FREE_WHEN,
    LIST_SLOT,
    in_course_context,
    narrows,
    work_question_instead,
)
from actions.course_enrol_instead import cancel_named_instead, enrol_instead
from actions.course_filters import (
    SEARCH_SLOTS,
    busy_weekdays,
    wanted_course,
)
from actions.course_followup_cues import (
    ENROLS_A_CHILD,
    IS_THERE,
    NEW_SEARCH,
    NOT_THE_BASICS,
    OTHERS_ASKED,
    closed_focus,
    courses_of,
    more_with_conditions,
    named_outside,
)
from actions.course_list import enrol_button
from actions.course_list_answers import (
    ALL_OF_THEM,
    EACH_ASPECT,
    MAX_EACH,
    WHICH_OF_THEM,
    each_answer,
    paid_answer,
    suits_me_answer,
)
from actions.course_meant import course_meant
from actions.course_missed import missed_class_instead
from actions.course_narrowing import NO_CERTIFICATE, more, narrow, narrowed_first
from actions.course_no_clash import clash_with_enrolled
from actions.course_pairs import HOLIDAY, all_named, clash_reply, compared_reply
from actions.course_totals import too_few_places, total_told
from actions.course_which import ask_which
from actions.enrolment_claims import claimed_not_held
from actions.identity import worker_from
from actions.message import (
    TOLD_BEFORE,
    latest_entity,
    previous_action,
    recent_user_texts,
    understood_text,
)
from actions.services import ServiceAction
from bot.domain.course_ages import (
    age_range,
    age_told_before,
    child_age,
    child_named,
    children_ages,
    each_child_text,
    suits,
)
from bot.domain.course_cards import (
    answer,
    asks_refund,
    joining_late_text,
    refund_text,
    requirements_text,
    waitlist_text,
)
from bot.domain.course_places import asks_same_day, asks_same_place
from bot.domain.course_questions import (
    CHEAPER,
    asks_more,
    asks_no_clash,
    aspects,
    described,
    kind_asked,
    narrowing,
    ordinal,
)
from bot.domain.course_requirements import (
    instead_of,
    not_told,
    tells_about,
    unmet,
    what_now_instead,
)
from bot.domain.course_times import asks_other_times, other_times_text
from bot.domain.courses import (
    asks_like_this,
    similar_courses,
)
from bot.store import courses as repo


class ActionCourseFollowup(ServiceAction, Action):
    """Answers a question about a course already shown, or shows more of the list."""

    def name(self) -> str:
        return "action_course_followup"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        text = understood_text(tracker)
        work = work_question_instead(tracker)
        if work is not None and not tracker.active_loop_name:
            return work
        enrols = (
            None
            if tracker.active_loop_name
            else cancel_named_instead(tracker) or enrol_instead(tracker)
        )
        if enrols:  # "那我自己来报 我三十五岁高中文化" read as a question: the enrolment
            return enrols
        # (the course being enrolled in stays: "还有合唱是星期几" at the enrolment's summary is
        # answered, then the summary asked again)
        enrolling = tracker.active_loop_name == "enrolment_form"
        done = [
            SlotSet(slot, None) for slot in (*SEARCH_SLOTS, *(() if enrolling else ("course_id",)))
        ]
        if previous_action(tracker) == CANCELLED_ONE and asks_refund(text):
            # "那300块钱退不退" right after cancelling: the fee of the course cancelled
            worker = worker_from(tracker)
            with self.services.db.session() as s:
                cancelled = repo.last_cancelled(s, worker.channel, worker.sender_id)
                if cancelled is not None:
                    dispatcher.utter_message(text=refund_text(cancelled, text))
                    return done
        missed = missed_class_instead(self.services, dispatcher, tracker)
        if missed is not None:  # "这周六来不了 要紧不": the next class, leave and make-up
            return done + missed
        context = in_course_context(tracker)
        codes = [str(c) for c in tracker.get_slot(LIST_SLOT) or []] if context else []
        if total_told(self.services, dispatcher, tracker, text, codes):
            return done  # "那我们两个一共好多": a total of fees
        if (
            asks_like_this(text) or asks_same_place(text) or asks_same_day(text)
        ) and tracker.get_slot(FOCUS_SLOT):
            # "还有没得像这种的" after 太极拳: the courses like it, searched ("同一个地方还有
            # 别的课没得": those held where it is)
            return [*done, FollowupAction("action_search_courses")]
        with self.services.db.session() as s:
            # "育婴员跟家政服务员这两个 哪个适合我", "哪个便宜": set side by side
            side_by_side = compared_reply(dispatcher, s, tracker, codes, text)
        if side_by_side is not None:
            return done + side_by_side
        asked_each = [a for a in aspects(text) if a in EACH_ASPECT]
        named = all_named(tracker)
        if len(named) >= 2 and asked_each and ordinal(text) is None:
            # "瑜伽跟合唱都是好久上课哦": the answer for each course named (not "烘焙 乒乓球
            # 还有电工 第三个要啥子条件": one of them, counted)
            with self.services.db.session() as s:
                found = [c for c in (repo.get_by_name(s, n) for n in named) if c is not None]
                if len(found) >= 2:
                    shown = [SlotSet(LIST_SLOT, [c.code for c in found])]
                    return done + each_answer(dispatcher, s, found, asked_each) + shown
        if asks_no_clash(text) and OTHERS_ASKED.search(text):
            # "跟书法时间不冲突的有啥子": the other courses, searched
            return [*done, FollowupAction("action_search_courses")]
        clash = clash_reply(self.services, dispatcher, tracker, codes)
        if clash is not None:  # "两个时间冲不冲", "书法也是周二周四晚上吧 跟瑜伽时间冲不冲"
            return done + clash
        if (
            not codes
            and narrows(tracker)
            and not aspects(text)
            and closed_focus(self.services, tracker)
        ):
            # "晚上我眼睛不好 莫得白天滴哦" after one course that stopped enrolling (太极拳): a
            # condition on the open courses, searched
            return [*done, FollowupAction("action_search_courses")]
        with self.services.db.session() as s:
            listed = courses_of(s, codes)
            if asks_more(text) and not listed and len(kind_asked(text)) >= 2:
                # "还有没得养老方面的" after one course: courses of that kind, searched
                return [*done, FollowupAction("action_search_courses")]
            if latest_entity(tracker, "course_page") == "next" or (listed and asks_more(text)):
                named = wanted_course(tracker)
                if named and all(named != c.name for c in listed):
                    # "还有没得别的家政类的" after 育婴员: that kind of course, searched
                    return [*done, FollowupAction("action_search_courses")]
                shown_all = int(tracker.get_slot("course_shown") or 0) >= len(listed)
                timed = any(latest_entity(tracker, e) for e in ("time_of_day", "weekday"))
                if (shown_all or timed) and more_with_conditions(tracker, text):
                    # ("还有没得 周末白天的" after the evening courses: a time of its own)
                    # "还有没得其他晚上学的技术 能拿证的" after the whole list: searched anew
                    return [*done, FollowupAction("action_search_courses")]
                return done + more(dispatcher, s, listed, tracker, self.services.today())
            if (
                NEW_SEARCH.search(text)
                # ("周三周五晚上厂里都要喊我直播 … 帮我换个周末的课嘛": named only as busy)
                and not wanted_course(tracker)
                # ("有没得便宜些的" alone: the list in view, narrowed)
                and not (listed and narrowing(text) == CHEAPER)
            ):
                # "那有没得免费的考证培训" after one course: a search of all the courses
                return [*done, FollowupAction("action_search_courses")]
            wanted = narrowing(text)
            focus = (
                repo.get_by_code(s, str(tracker.get_slot(FOCUS_SLOT) or "")) if context else None
            )
            if (
                listed
                and not wanted
                and narrows(tracker)
                # ("晚上的呢 我白天要上班": the busy clause asks nothing about the course)
                and not aspects(outside_busy_text(tracker))
                # "做出来的包子能拿回屋头给娃儿吃不": about the course, not a condition
                and not (focus is not None and described(focus, text))
                # "听说还有个太极拳 周六早上的 也可以报不": a course of its own, not in the list
                and not named_outside(tracker, listed)
            ):
                wanted = text  # "星期天下午的呢": the condition from its entities
            if listed and not wanted and NO_CERTIFICATE.search(text):
                wanted = text  # "只要免费的 不要考证那种": a condition, certificates ruled out
            if EACH_OF_US.search(text):
                wanted = None  # "我初中 我老公大专 我们分别报哪个": which for each, no filter
            if listed and wanted:
                return done + narrow(dispatcher, s, listed, tracker, wanted, self.services.today())
            suited = (
                suits_me_answer(dispatcher, listed, text, recent_user_texts(tracker, 3))
                if len(listed) > 1
                else None
            )
            if suited is not None:
                # "我只是高中毕业 读哪个合适": the ones whose requirements the worker meets
                return done + suited
            if len(listed) > 1 and "fee" in aspects(text) and WHICH_OF_THEM.search(text):
                # "这里面哪个要交钱": the courses of the list that cost something
                return done + paid_answer(dispatcher, s, listed)
            if not listed and aspects(text) == ["fee"] and ALL_OF_THEM.search(text):
                # "工会的课是不是都要交钱": the open courses that cost something, the rest free
                available = repo.open_courses(s, self.services.today())
                if available and not latest_entity(tracker, "course_name"):
                    shown = [SlotSet(LIST_SLOT, [c.code for c in available])]
                    return done + paid_answer(dispatcher, s, available, everything=True) + shown
            course = course_meant(self.services, s, tracker, text, listed, context)
            if course is None and len(listed) > 1:
                # "要自己带拍子不" after the weekend courses: the one whose description speaks
                # of it (乒乓球's 球拍)
                speaks = [c for c in listed if described(c, text)]
                course = speaks[0] if len(speaks) == 1 else None
            kept = narrowed_first(tracker, listed, text) if course is None else []
            if len(kept) == 1:
                # "只要星期天下午的 拍子要自己带不": the one course left, and the question about it
                course = kept[0]
            elif kept:
                listed = kept
            asked = [a for a in aspects(text) if a in EACH_ASPECT]
            if course is None and 1 < len(listed) <= MAX_EACH and asked:
                # "那个星期几上" with a few courses in view: the answer for each of them
                return done + each_answer(dispatcher, s, listed, asked)
            if course is None and len(listed) > MAX_EACH and asked == ["fee"]:
                # "要钱不" after a long list: which of them cost something, the rest free
                return done + paid_answer(dispatcher, s, listed)
            if course is None:
                return done + ask_which(self.services, dispatcher, s, listed, tracker, text)
            available = repo.open_courses(s, self.services.today())
            # "那怎么办呢" after 专升本 refused for 高中: the one course suggested instead
            told = recent_user_texts(tracker, TOLD_BEFORE)
            course = what_now_instead(course, available, text, told) or course
            left = repo.seats_left(s, course)
            if all(c.id != course.id for c in available):
                # "太极拳还能报名不", "这期好久完 还剩几次": a course not open for enrolment
                closed = closed_reply(self.services, dispatcher, s, tracker, course, available)
                return [*done, *closed]
            asked_about = aspects(text)
            if not asked_about and described(course, text):
                asked_about = ["description"]  # "垫子呢 要自己扛起去不": what it says
            if asked_about == ["time"] and FREE_WHEN.search(text):
                # "啥时候上课 我礼拜天才休息": when, and where to go on that day
                asked_about = ["time", "venue"]
            if HOLIDAY.search(text) and "time" not in asked_about:
                # "元旦那天刚好周五 要去不": the time, with the days it does not meet
                asked_about = [*asked_about, "time"]
            if (
                asked_about
                and (set(asked_about) <= NOT_THE_BASICS or IS_THERE.search(text))
                and course.code != tracker.get_slot(FOCUS_SLOT)
                and course.code not in codes
            ):
                # "合唱团还招人不", the first word of a course: the answer, then when and where
                asked_about = [*asked_about, "time", "venue", "fee"]
            reply = answer(course, asked_about, left)
            clash = [d for d in busy_weekdays(tracker) if d in (course.weekdays or [])]
            if clash and clash != list(course.weekdays or []):
                # "我只有星期二晚上有空 星期四要上班 还能报吗": half of its days missed
                days = "、".join(course.weekdays or [])
                reply = (
                    f"「{course.name}」每{days}都上课，您{'、'.join(clash)}来不了的话会缺课，"
                    "可以先问问能不能请假或补课再报。\n" + reply
                )
            # "已经开了课的还可以报不": begun, and still open; "那300块钱退不退": refunded
            late = (  # ("我们三姊妹想去" with 2 places left: the waiting list for the third)
                joining_late_text(course, text, self.services.today())
                or refund_text(course, text)
                or waitlist_text(course, text)  # "要是满了咋个办 可以排起等不"
                or too_few_places(course, left, text, recent_user_texts(tracker, TOLD_BEFORE))
            )
            if late:
                reply = late + "\n" + reply
            if asks_other_times(text):  # "还有其他时间的没得": one class a term, and its like
                reply = other_times_text(course, similar_courses(course, available)) + "\n" + reply
            earlier = recent_user_texts(tracker, TOLD_BEFORE)
            # "小的那个能一起去不": the age told before of the child named by who they are
            who = child_named(text)
            told_age = child_age(text) or (age_told_before(who, earlier) if who else None)
            # "好多岁可以去 我大的8岁小的5岁": who may come, who may not (before one age's)
            each = each_child_text(course, children_ages(text), available)
            reason = None if each else unmet(course, text, earlier)
            focus = course
            if reason:  # "我只有高中毕业 想报那个专升本": the requirement first, and what fits
                instead = instead_of(course, available, text, earlier)
                names = "」「".join(c.name for c in instead)
                also = f"可以看看「{names}」。" if instead else ""
                reply = f"{reason}。{also}\n" + reply
                if len(instead) == 1:  # "这个好多钱" next is about the one suggested
                    focus = instead[0]
                if len(instead) == 1 and ENROLS_A_CHILD.search(text):
                    # "给老大报嘛 他9岁" after another course was offered: the one that suits
                    dispatcher.utter_message(text=f"{reason}；「{focus.name}」适合，帮您报这个。")
                    chosen = [SlotSet("course_id", focus.code), SlotSet(FOCUS_SLOT, focus.code)]
                    return [*done, *chosen, FollowupAction("enrolment_form")]
            clash = clash_with_enrolled(s, tracker, course)
            if clash:  # "合唱呢" after enrolling in 电商直播 (both on Friday evenings)
                reply = reply + "\n" + clash
            if each:  # "好多岁可以去 我大的8岁小的5岁": who may come, who may not
                reply = each + "\n" + reply
            elif (
                reason is None
                and tells_about(text)
                and requirements_text(course)
                # ("那她5岁能去啥子嘛" for a course of 6 to 12: the ages say no, below)
                and (told_age is None or suits(course, told_age))
            ):
                # "我儿子20岁 高中毕业 他能报不": what they said meets the requirement; "我55岁了
                # 能报不" says nothing of the schooling it also needs
                left = "、".join(not_told(course, text, earlier))
                reply = (
                    f"按您说的情况，符合报名要求，「{course.name}」可以报。\n"
                    if not left
                    else f"按您说的，这一条符合；另外还要求{left}，也符合的话就可以报。\n"
                ) + reply
            age, ages = told_age, age_range(course)
            if not each and reason is None and age is not None and ages and not suits(course, age):
                # "她哥哥13岁了 也能一起去不": the course's ages say no, first
                low, high = ages
                fitting = [c for c in available if suits(c, age)]
                names = "」「".join(c.name for c in fitting)
                also = f"适合{age}岁孩子的有「{names}」。" if fitting else ""
                told = f"「{course.name}」收{low}到{high}岁的孩子，{age}岁超出了这个范围，不能报。"
                reply = told + also + "\n" + reply
                if len(fitting) == 1:  # "在哪里" next is about the one that fits
                    focus = fitting[0]
            note = claimed_not_held(self.services, s, tracker, course)  # "我报的…班 …"
            dispatcher.utter_message(
                text=f"{note}\n{reply}" if note else reply,
                buttons=buttons(enrol_button(focus), button("看看其他课程", "course_search")),
            )
            return [*done, SlotSet(FOCUS_SLOT, focus.code)]
