"""Labour-policy answers from the FAQ: answer when sure, answer the likeliest entry under its
own question with its neighbours offered when fairly sure, options when unsure, never guess."""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.answer_buttons import answer_buttons, likely_buttons
from actions.answer_more import MORE_INTENT, PLAINER_HELP, PLAINER_LEAD, asks_more, asks_plainer
from actions.buttons import button, buttons
from actions.case_additions import addition_instead
from actions.case_instead import case_question_instead, withdrawal_instead
from actions.case_withdrawal import again_after_withdrawal
from actions.course_context import (
    described_instead,
    enrolling_course_reply,
    followup_instead,
    named_course_instead,
)
from actions.course_enrol_instead import enrol_instead
from actions.course_filters import compared_courses
from actions.course_missed import missed_class_instead
from actions.course_redirects import (
    child_can_join_instead,
    child_course_instead,
    course_wanted_instead,
)
from actions.law_articles import articles_reply
from actions.law_text import asks_which_law
from actions.law_text import law_text as articles_text
from actions.message import (
    last_bot_text,
    last_reply,
    latest_entity,
    latest_intent,
    previous_answer,
    typed_text,
    understood_text,
)
from actions.policy_followups import find_answer
from actions.policy_parts import narrowed_answer
from actions.review import note_miss
from actions.services import ServiceAction
from actions.story_what_now import grievance_told, what_now_answer
from actions.validators import dispute_types_in
from actions.worked_out import worked_out_reply
from bot.domain.told import TOLD_REPLY, only_told, told_not_asked
from bot.knowledge.answers import (
    answer_text,
    layout,
    likely_text,
    more_text,
    suggest_text,
    unseen_detail,
)
from bot.knowledge.aspects_asked import aspects_asked
from bot.knowledge.followups import is_short
from bot.store.models import MISS_FAQ, MISS_FAQ_OPTIONS
from intents.overrides import is_ask_intro

# "问个事哈": a question announced, then the story (bot/domain/told.py)
_ASK_INTRO = re.compile(r"^(?:问个事|问一下|问下|请问|想问下?|我想问下?)(?:哈|哦|嘛|啊)?[\s，,]*")
# "老板说是我自己不小心 一分钱不赔", "公司拖起不发": the employer refusing or holding back,
# told of the worker's own case (a plain "加班费咋算" tells no dispute)
_EMPLOYER_REFUSES = re.compile(
    r"(?:老板|公司|厂里|厂头|单位|主管|领导|包工头|工头|老总|经理|店长|站长|厂长|组长)[^。？?]{0,14}?"
    r"(?:不赔|不给|不发|不管|不认|不算|不肯|不批|不让|不交|不买|不签|拖|欠|扣|辞|开除|炒|赖"
    r"|(?:喊|叫|让)我(?:明天|下个月)?(?:就)?不用来)"
)


def tells_a_dispute(tracker: Tracker, text: str) -> bool:
    """The worker tells their own dispute with the employer (outside any form): under the
    answer, applying for mediation is one tap away."""
    return not tracker.active_loop_name and _EMPLOYER_REFUSES.search(text) is not None


def answered(slug: str, category: str) -> list[EventType]:
    """The conversation's topic after an answer (follow-ups are read against it)."""
    return [SlotSet("last_faq", slug), SlotSet("last_topic", category)]


# "站点扣了我两千块押金不退 这种能调解不": whether the union mediates such a dispute
_MEDIABLE = re.compile(
    r"(?:能|可以|可不可以|能不能|可否|好|管不管)[^，。,？?]{0,4}调解|调解得了|调得了|调不调解"
)
MEDIABLE_TEXT = (
    "这类纠纷可以申请工会的劳动纠纷调解，不收费。需要的话点“申请调解”，我一步步帮您登记。"
)


def offer_mediation(dispatcher: CollectingDispatcher, tracker: Tracker, text: str) -> None:
    """After an answer to a question that asks whether its dispute can be mediated: yes, and
    applying one tap away (never inside a form)."""
    if not tracker.active_loop and _MEDIABLE.search(text):
        dispatcher.utter_message(
            text=MEDIABLE_TEXT, buttons=[button("申请调解", "mediation_request")]
        )


class ActionAnswerPolicy(ServiceAction, Action):
    """Answers a policy question from the FAQ (the likeliest entry under its own question when
    not sure), or asks "您是想问…", or offers a human."""

    def name(self) -> str:
        return "action_answer_policy"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        done: list[EventType] = [SlotSet("faq_id", None)]
        if not tracker.active_loop and tracker.get_slot("dispute_type"):
            # "加班费怎么算" fills dispute_type (its mapping must hear the opening message of
            # a request); asking about overtime files nothing, so staff must not read one
            done.append(SlotSet("dispute_type", None))
        knowledge = self.services.knowledge
        if latest_intent(tracker) == MORE_INTENT:  # 详细说明 under an answer
            return done + self.more(dispatcher, tracker)
        previous = previous_answer(self.services, tracker)
        if previous is not None and more_text(previous) and asks_more(typed_text(tracker)):
            return done + self.more(dispatcher, tracker)  # "说详细点" typed instead
        if previous is not None and asks_plainer(typed_text(tracker)):
            # "我看不懂这些": the key point alone, and where to ask the rest
            lead = layout(previous.answer).lead
            dispatcher.utter_message(
                text=f"{PLAINER_LEAD}{lead}\n{PLAINER_HELP}",
                buttons=buttons(button("转人工", "human_handoff")),
                faq=previous.slug,
            )
            return done + answered(previous.slug, previous.category)
        if previous is not None and asks_which_law(typed_text(tracker)):
            # "是哪条法律规定的嘛 我好拿去跟老板说": the citation, and the articles' text
            dispatcher.utter_message(
                text=f"依据：{previous.source}\n\n{articles_text(previous.source)}",
                buttons=buttons(button("转人工", "human_handoff")),
                faq=previous.slug,
            )
            return done + answered(previous.slug, previous.category)
        slug = tracker.get_slot("faq_id")
        chosen = knowledge.get(str(slug)) if slug else None
        if chosen is not None:
            dispatcher.utter_message(
                text=answer_text(chosen),
                buttons=answer_buttons(chosen, bool(tracker.active_loop), detail=True),
                faq=chosen.slug,
            )
            return done + answered(chosen.slug, chosen.category)
        if slug:  # an old "您是想问" button for an entry that has since been withdrawn
            dispatcher.utter_message(response="utter_policy_not_found")
            return done
        missed = missed_class_instead(self.services, dispatcher, tracker)
        if missed is not None:  # "那节课去不到咋个办" after the course: the next class
            return done + missed
        # (in the mediation form too: "等下 先问下 调解要交钱不 要弄好久哦" at the summary)
        several = aspects_asked(knowledge, typed_text(tracker))
        if several:
            # "工会调解要不要钱 一般要搞好久": each thing asked, its own answer, in order
            in_form = bool(tracker.active_loop)
            for n, entry in enumerate(several, 1):
                last = n == len(several)
                dispatcher.utter_message(
                    text=answer_text(entry),
                    buttons=answer_buttons(entry, in_form, detail=True) if last else [],
                    faq=entry.slug,
                )
            return done + answered(several[-1].slug, several[-1].category)
        # "要交钱不" right after a course list; "然后呢 我还要准备些啥" right after filing
        instead = (
            # "那我自己报嘛 我初中毕业的 可以不" after the son was too young: enrolling
            enrol_instead(tracker)
            or followup_instead(tracker)
            or case_question_instead(tracker)
            or child_can_join_instead(tracker)
            # ("算了 我还是想撤回 我准备直接去仲裁": the request filed, withdrawn)
            or withdrawal_instead(tracker)
            or addition_instead(tracker)  # "还要补充一哈 …" after filing: added to the case
        )
        if instead:
            return done + instead
        again = again_after_withdrawal(tracker)
        if again:  # "如果下个月他又不发 我还可以重新申请不" right after withdrawing
            # (asked while the withdrawal waits: its buttons offered again, 确认撤回 still works)
            waiting = [
                b for e in last_reply(tracker) for b in (e.get("data") or {}).get("buttons") or []
            ]
            dispatcher.utter_message(text=again, buttons=waiting if "确认撤回" in again else None)
            return done
        if compared_courses(tracker):
            # "工会是不是有电工证和叉车证的培训 两个有啥子区别": the courses side by side
            return done + [FollowupAction("action_course_followup")]
        text = typed_text(tracker)
        about_course = enrolling_course_reply(self.services, tracker, text)
        if about_course:
            dispatcher.utter_message(text=about_course)
            return done
        if not text or is_ask_intro(text):  # "我有个劳动方面的问题": which one?
            dispatcher.utter_message(response="utter_ask_policy_topic")
            return done
        # (an English or pinyin message as read in Chinese: "I worked there for 3 years")
        # ("加班废咋个算": the terms typed by sound heard as the search hears them)
        heard = self.services.knowledge.heard(understood_text(tracker))
        worked_out = worked_out_reply(self.services, tracker, heard)
        if worked_out:
            worked_out, calculated = worked_out
            entry = knowledge.get(calculated)
            dispatcher.utter_message(
                text=worked_out,
                buttons=answer_buttons(
                    entry, bool(tracker.active_loop), told=tells_a_dispute(tracker, text)
                )
                if entry
                else [],
                faq=entry.slug if entry else None,
            )
            return done + (answered(entry.slug, entry.category) if entry else [])
        # (an English follow-up is read as the Chinese it means: "what if i was already past
        # probation?" is 那如果 转正后, leaning on the answer just given)
        read = understood_text(tracker)
        short_follow_up = previous is not None and read != text and is_short(read)
        verdict, hits = find_answer(self.services, tracker, read if short_follow_up else text)
        if verdict in ("none", "suggest"):
            # "我周六要上班的 只在网上学可以不" after the course whose description says
            # 网上学习: about that course, not a policy the FAQ lacks
            # ("… 我中专毕业的 读得了专升本不": a course named, read as a policy question)
            described = (
                described_instead(self.services, tracker)
                or named_course_instead(tracker)
                or child_course_instead(tracker)
                or course_wanted_instead(tracker)
            )
            if described:
                return done + described
        narrowed = narrowed_answer(self.services, tracker, hits, text) if hits else None
        if verdict in ("answer", "likely") and narrowed:
            top = hits[0].answer  # "那周末呢" after the overtime answer: its rest-day part
            moved = top.slug != getattr(previous, "slug", None)  # its rest behind 详细说明
            dispatcher.utter_message(
                text=narrowed,
                buttons=answer_buttons(top, bool(tracker.active_loop), detail=moved),
                faq=top.slug,
            )
            offer_mediation(dispatcher, tracker, text)
            return done + answered(top.slug, top.category)
        if verdict == "answer":
            top = hits[0].answer
            dispatcher.utter_message(
                text=answer_text(top),
                buttons=answer_buttons(
                    top, bool(tracker.active_loop), detail=True, told=tells_a_dispute(tracker, text)
                ),
                faq=top.slug,
            )
            offer_mediation(dispatcher, tracker, text)
            return done + answered(top.slug, top.category)
        elif verdict == "likely" and previous is None and only_told(understood_text(tracker)):
            # "我在商贸公司做会计 合同是2024年1月15号签的 签了三年": facts with no grievance
            # and no question: the question is still to come, a guessed answer would not help
            dispatcher.utter_message(text=TOLD_REPLY)
            return done
        elif verdict == "likely":
            top = hits[0].answer
            # an answer: reviewed by the admins only if the worker says 没帮助
            dispatcher.utter_message(
                text=likely_text(top),
                buttons=likely_buttons(
                    top, hits[1:], bool(tracker.active_loop), told=tells_a_dispute(tracker, text)
                ),
                faq=top.slug,
            )
            offer_mediation(dispatcher, tracker, text)
            return done + answered(top.slug, top.category)
        elif (
            verdict == "suggest"
            and previous is None
            and told_not_asked(story := _ASK_INTRO.sub("", understood_text(tracker)))
        ):
            # "老板拖了我3个月工资 一共15000": a grievance, what the worker can do about it
            what_now = (
                what_now_answer(self.services, dispatcher, tracker, story)
                if grievance_told(story)
                else None
            )
            if what_now is not None:
                return done + what_now
            # "…我是2月1号进的厂 10月31号自己走的 一直没跟我签过合同" and no question yet: the
            # story kept for the question to come, not a menu of guesses
            dispatcher.utter_message(text=TOLD_REPLY)
            return done
        elif verdict == "suggest":
            options = [
                button(h.answer.question, "policy_question", faq_id=h.answer.slug) for h in hits
            ]
            # a dispute told ("…老板说是我自己不小心 不得赔 咋个整嘛"): mediation one tap away
            ranked = [r.get("name") for r in tracker.latest_message.get("intent_ranking") or []]
            told = not tracker.active_loop_name and bool(
                dispute_types_in(text) or "mediation_request" in ranked[:2]
            )
            apply = button("申请调解", "mediation_request") if told else None
            # faq_miss: the FAQ had no sure answer (collected for the admins' review)
            dispatcher.utter_message(
                text=suggest_text([h.answer.question for h in hits]),
                buttons=buttons(*options, apply, button("都不是，转人工", "human_handoff")),
                faq_miss=hits[0].answer.slug,
            )
            note_miss(self.services, tracker, MISS_FAQ_OPTIONS, hits[0].answer.slug)  # on Rasa
        elif law := articles_reply(text):
            # no FAQ entry close: the closest law articles, a note and a human
            law_text, law_buttons = law
            dispatcher.utter_message(text=law_text, buttons=law_buttons, faq_miss="")
            note_miss(self.services, tracker, MISS_FAQ)  # on Rasa (our engine: its own)
        elif told_not_asked(_ASK_INTRO.sub("", understood_text(tracker))):
            # "问个事哈 我在汽配厂上班 前年进的厂": the story first, the question to come
            dispatcher.utter_message(text=TOLD_REPLY)
        else:
            dispatcher.utter_message(response="utter_policy_not_found", faq_miss="")
            note_miss(self.services, tracker, MISS_FAQ)  # on Rasa (our engine: its own)
        return done

    def more(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
        """The rest of the answer behind 详细说明 (the button's entry, else the one answered
        last), with the buttons of the answer again; the whole answer if nothing was kept
        back (the entry was shortened since). No `faq` mark: the answer was counted once."""
        slug = latest_entity(tracker, "faq_id") or tracker.get_slot("last_faq")
        entry = self.services.knowledge.get(str(slug)) if slug else None
        if entry is None:  # withdrawn since, or pressed in a conversation without an answer
            dispatcher.utter_message(response="utter_ask_policy_topic")
            return []
        dispatcher.utter_message(
            text=unseen_detail(entry, last_bot_text(tracker))
            or more_text(entry)
            or answer_text(entry, whole=True),
            buttons=answer_buttons(entry, bool(tracker.active_loop)),
        )
        return answered(entry.slug, entry.category)
