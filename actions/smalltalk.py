"""When the bot did not understand, or the worker wants out: rephrase, a human, or leave the form."""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction
from rasa_sdk.executor import CollectingDispatcher

from actions.case_additions import addition_instead
from actions.case_instead import case_question_instead, withdrawal_instead
from actions.course_context import (
    described_instead,
    enrolling_course_reply,
    followup_instead,
    named_course_instead,
)
from actions.course_filters import compared_courses
from actions.course_redirects import near_instead
from actions.mediation_asks import mediation_aspect_instead
from actions.message import previous_action, previous_answer, typed_text, understood_text
from actions.offers import changed_mind_instead, meant_in_context
from actions.policy_followups import find_answer, policy_followup_instead
from actions.review import note_miss
from actions.say_again import say_again_instead
from actions.services import ServiceAction
from actions.story_what_now import grievance_told, what_now_answer, what_now_instead
from actions.topic_opener import WHAT_THE_BOT_DOES, names_a_topic_of_work, topic_opener
from actions.worked_out import worked_out_reply
from bot.domain.told import TOLD_REPLY, told_not_asked
from bot.knowledge.followups import is_short, leans_on_context
from bot.store.models import MISS_FALLBACK
from intents.colloquial import standardise
from intents.greetings import is_only_greeting

# actions that run inside a fallback turn; any other means the turn was understood
# a message that tells something about the worker's job: the FAQ's likeliest answer (under
# its own question, with the close ones as buttons) helps more than "没太明白"
_ABOUT_WORK = re.compile(
    r"老板|公司|单位|厂里|厂头|工地|工资|工钱|辞退|开除|合同|加班|工伤|社保|怀孕|产假|试用期|离职|辞职"
    # "我们厂突然说停产放假 只发生活费": the factory stopped, the pay cut
    r"|我们厂|停产|停工|放长假|生活费|待岗"
    # "扣了我500块 说我迟到了": money kept back, late for work
    r"|扣了?我?\d+|扣钱|罚款|罚了|迟到|早退|旷工"
    # working hours told as a day: "一天从早上7点干到晚上9点", "天天做到半夜"
    r"|(?:干|做|上班|忙)到(?:晚上|半夜|凌晨|深夜|\d{1,2}点)|从早.{0,8}到晚"
)
STORY_CHARS = 10


def tells_about_work(text: str) -> bool:
    return len(text.strip()) >= STORY_CHARS and _ABOUT_WORK.search(standardise(text)) is not None


# words of enrolling or studying beside a course's name ("电商只播咋个报")
# ("拍视频那个呢": a course of the list by what it does)
_ABOUT_A_COURSE = re.compile(r"报|课|班|学|培训|上课|那个呢|这个呢")
_FALLBACK_TURN_ACTIONS = {"action_fallback", "action_listen", "utter_default"}
_STREAK_BREAKERS = {"pause", "resume", "restart", "session_started"}


def fallback_streak(events: list[dict[str, Any]]) -> int:
    """Consecutive not-understood user turns at the end of the conversation, this one included."""
    streak = 0
    turn_actions: list[str] = []
    for e in reversed(events):
        kind = e.get("event")
        if kind in _STREAK_BREAKERS:
            break
        if kind == "action":
            turn_actions.append(str(e.get("name")))
            continue
        if kind != "user":
            continue
        if streak > 0:  # an earlier turn: it counts only if it too ended in the fallback
            intent = ((e.get("parse_data") or {}).get("intent") or {}).get("name")
            fell_back = "action_fallback" in turn_actions or (
                intent == "nlu_fallback" and not turn_actions
            )
            if not fell_back or set(turn_actions) - _FALLBACK_TURN_ACTIONS:
                break
        streak += 1
        turn_actions = []
    return max(streak, 1)


REPEATED_MISS_TEXT = (
    "抱歉，我还是没能理解您的意思。您可以换个说法再试试，比如“加班费怎么算”“我想学书法”"
    "“老板欠工资想调解”；也可以请工作人员来帮您。"
)
REPEATED_MISS_BUTTONS = [
    {"title": "人工服务", "payload": '/human_handoff{"handoff_reason":"repeated_fallback"}'},
    {"title": "看看能办什么", "payload": "/help"},
]


class ActionFallback(ServiceAction, Action):
    """Tries the FAQ, then asks to rephrase, and brings in a human after repeated misses."""

    def name(self) -> str:
        return "action_fallback"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        text = typed_text(tracker)
        if _CLOSES.search(text):  # "晚上我来不了 那就算了 多谢哈"
            dispatcher.utter_message(response="utter_thanks")
            return []
        # the first reading that handles the message ends it (a handled message may set no
        # slot: [] is handled, None is not)
        for instead in (
            lambda: changed_mind_instead(tracker),
            lambda: meant_in_context(tracker, domain),
            lambda: described_instead(self.services, tracker),
            lambda: case_question_instead(tracker),
            lambda: near_instead(tracker),
            lambda: mediation_aspect_instead(self.services, dispatcher, tracker),  # "is this free?"
            lambda: topic_opener(self.services, dispatcher, tracker),  # "我想问一下工伤的事"
            lambda: what_now_instead(self.services, dispatcher, tracker),  # "咋办嘛" after a story
        ):
            meant = instead()
            if meant is not None:  # "那个在哪里", "那我重新申请一个", "垫子呢 要自己扛起去不"
                return meant
        cfg = self.services.config
        if text and worked_out_reply(self.services, tracker, understood_text(tracker)):
            return [FollowupAction("action_answer_policy")]  # a calculator's answer
        if text:
            # the FAQ (read against the last answer for a follow-up) may know what was meant
            # ("What if I was already past probation?" read as 那如果 转正后)
            read = understood_text(tracker)
            if read == text or not is_short(read):
                read = text
            verdict, hits = find_answer(self.services, tracker, read)
            follows_up = previous_answer(self.services, tracker) and is_short(read)
            if (
                verdict == "answer"
                or (hits and hits[0].score >= cfg.retrieval.answer_threshold)
                or (verdict == "likely" and follows_up)  # "那干了二十年的喃" after 年假
                # "我怀了娃儿两个月 老板说要把我开了": a story about work, likely answered
                # (told in English: "my factory makes us work every saturday but never pays
                # overtime", read in Chinese)
                or (verdict == "likely" and tells_about_work(understood_text(tracker)))
            ):
                return [FollowupAction("action_answer_policy")]
        if grievance_told(text):
            # "老板拖了我3个月工资 一共15000": what the worker can do about it
            answered = what_now_answer(self.services, dispatcher, tracker, text)
            if answered is not None:
                return answered
        if told_not_asked(text):
            # "我今年4月1号跳槽过来的 之前干了12年": the story first, the question to come
            dispatcher.utter_message(text=TOLD_REPLY)
            return []
        note_miss(self.services, tracker, MISS_FALLBACK)  # on Rasa (our engine: its own)
        if fallback_streak(tracker.events) >= cfg.handoff.fallbacks_before_handoff:
            # offered, never forced: the worker chooses whether to wait for staff
            dispatcher.utter_message(text=REPEATED_MISS_TEXT, buttons=REPEATED_MISS_BUTTONS)
            return []
        dispatcher.utter_message(response="utter_default")
        return []


def unless_a_followup(
    services: Any,
    dispatcher: CollectingDispatcher,
    tracker: Tracker,
    domain: dict[str, Any],
    response: str,
) -> list[EventType]:
    """What this message means right after courses or an answer ("好久上课哦" after a course,
    "要在好久之内申请" after an answer); else `response`."""
    followup = meant_in_context(tracker, domain) or policy_followup_instead(services, tracker)
    if followup:
        return followup
    dispatcher.utter_message(response=response)
    return []


class ActionGreet(ServiceAction, Action):
    """Greets back; right after a policy answer, a short question the classifier read as a
    greeting ("要在好久之内申请") is answered as the follow-up it is."""

    def name(self) -> str:
        return "action_greet"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        if is_only_greeting(typed_text(tracker)):
            # "你好" after an answer greets back; it does not repeat the answer
            dispatcher.utter_message(response="utter_greet")
            return []
        opened = topic_opener(self.services, dispatcher, tracker)  # "你好 我想咨询下年假"
        if opened is not None:
            return opened
        return unless_a_followup(self.services, dispatcher, tracker, domain, "utter_greet")


class ActionHelp(ServiceAction, Action):
    """Says what the bot can do; right after courses or an answer, a short question read as
    a request for help ("从哪天开始算", "那我能找他要些啥子") is answered as the follow-up."""

    def name(self) -> str:
        return "action_help"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        text = typed_text(tracker)
        if WHAT_THE_BOT_DOES.search(text.replace(" ", "")):
            # "你能帮我干啥" after an answer asks what the bot does, not about that answer
            dispatcher.utter_message(response="utter_help")
            return []
        if text:
            # "你们这里能帮我查社保不", "能不能帮我写个仲裁申请书": help with one thing of work,
            # which the FAQ answers (how to check the records, what the application says)
            # better than the list of what the bot does
            verdict, _ = find_answer(self.services, tracker, text)
            if verdict == "answer" or (verdict == "likely" and names_a_topic_of_work(tracker)):
                return [FollowupAction("action_answer_policy")]
        return unless_a_followup(self.services, dispatcher, tracker, domain, "utter_help")


class ActionThanks(ServiceAction, Action):
    """Thanks back (for a thanks, or a no outside a form); right after courses, a question
    about them read as either ("不是说有补贴吗" after a course's fee) is answered, and right
    after a policy answer a follow-up that leans on it ("这样对不对嘛")."""

    def name(self) -> str:
        return "action_thanks"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        text = typed_text(tracker)
        instead = None if _CLOSES.search(text) else followup_instead(tracker)
        if instead is None and leans_on_context(text):
            # "这样对不对嘛" right after an answer, read as a no: whether the practice just
            # told is lawful, asked of that answer
            instead = policy_followup_instead(self.services, tracker)
        if instead:
            return instead
        if worked_out_reply(self.services, tracker, understood_text(tracker)):
            # "哦不对我说错了 是3年8个月" right after a sum, read as a no: the figure
            # corrected, the sum worked out again
            return [FollowupAction("action_answer_policy")]
        if _CORRECTS.search(text) and previous_action(tracker) == "action_answer_policy":
            # "不对不对 我看错单子了 预产期是3月20号" after an answer: a figure corrected, never
            # thanked for; the answer is given again in its light
            return [FollowupAction("action_answer_policy")]
        after_answer = (
            previous_action(tracker) == "action_answer_policy" and len(text) >= STORY_CHARS
        )
        if _ASKS_IF_ALLOWED.search(text) and (tells_about_work(text) or after_answer):
            # ("其实我还想回去接着上班 不要那笔钱 行不行" after the compensation: asked of it)
            # "他说不愿意上就走人 能这样不", read as a no: whether the employer may, asked
            verdict, _ = find_answer(self.services, tracker, text)
            if verdict in ("answer", "likely"):
                return [FollowupAction("action_answer_policy")]
        dispatcher.utter_message(response="utter_thanks")
        return []


# a figure of the worker's own corrected ("打错了 是5千4 不是5千")
_CORRECTS = re.compile(
    r"(?:说|搞|打|看|记|弄|算|写)错了|不对(?:不对|哦|哈|的)?[\s，,]|是[^，,。\s]{1,12}[\s，,]*不是"
)


# whether something is allowed, asked ("能这样不", "合法不", "可以这样吗")
_ASKS_IF_ALLOWED = re.compile(r"能这样|可以这样|合法|违法|行不行|能不能|可不可以|[吗嘛不][？?]?$")


# "下午我去不了 算了 谢谢哈": the thanks closes what came before, it asks nothing of it
_CLOSES = re.compile(
    r"(?:算了|不用了|去不了|来不了|莫得空|没空|再说|下次)[^？?]{0,6}"
    r"(?:谢谢|多谢|感谢|谢了)[哈啊呀哦嘛了你您们]*[!！。~～\s]*$"
)


# the words of a farewell: with them a goodbye is one, whatever else the message says
_FAREWELL = re.compile(r"再见|拜拜|拜了|bye|回头聊|下次聊|不聊了|先这样|先走了|晚安", re.IGNORECASE)


class ActionGoodbye(ServiceAction, Action):
    """Says goodbye; right after an answer, a follow-up the classifier read as a goodbye
    ("平时下了班再干两个钟头呢" after the overtime answer) is answered as what it is."""

    def name(self) -> str:
        return "action_goodbye"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        text = typed_text(tracker)
        # ("我工作8年了" after the annual leave's answer: a figure told, the days it makes;
        # "嗯 钱已经到账了 撤了嘛" after a request was filed: it withdrawn)
        followup = withdrawal_instead(tracker)
        if (leans_on_context(text) or re.search(r"\d", text)) and not _FAREWELL.search(text):
            followup = followup or followup_instead(tracker)
            followup = followup or policy_followup_instead(self.services, tracker)
        if followup:
            return followup
        dispatcher.utter_message(response="utter_goodbye")
        return []


class ActionEmpathize(ServiceAction, Action):
    """Acknowledges a worker's feelings; right after a policy answer, a short follow-up that
    sounds upset ("那一直都不签呢 都一年多了") is answered first."""

    def name(self) -> str:
        return "action_empathize"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        again = say_again_instead(tracker)
        if again:  # "你刚才说的那些 再发一遍嘛 我没看清楚": not anger, the list asked again
            return again
        if _AT_THE_BOT.search(typed_text(tracker)):
            dispatcher.utter_message(response="utter_empathize_bot")
            if names_a_topic_of_work(tracker) or _TOLD_AT_WORK.search(typed_text(tracker)):
                # "破机器人…老子遭公司开了 一分钱都不给": what happened at work, answered too
                return [FollowupAction("action_answer_policy")]
            return []
        if _TOLD_AT_WORK.search(typed_text(tracker)) and _FIGURES_TOLD.search(typed_text(tracker)):
            # "太气人了 做了四年 主管说辞就辞 一分钱都不给": angry at the employer, with what
            # happened and how long: heard, then answered
            dispatcher.utter_message(text="遇到这种事确实窝火，先别急，我把能要的跟您说清楚：")
            return [FollowupAction("action_answer_policy")]
        return unless_a_followup(self.services, dispatcher, tracker, domain, "utter_empathize")


# how long or how much, told with the anger ("做了四年", "欠了我8000")
_FIGURES_TOLD = re.compile(r"\d|[一二两三四五六七八九十几]+(?:年|个月|千|万|百)")


# what happened at work, told in the same breath as anger at the bot
_TOLD_AT_WORK = re.compile(
    r"开了|开除|辞退|炒了|不要我了|欠薪|欠我|拖欠|不给钱|一分钱都不给|没发工资|工资不发|加班费|工伤|社保"
)
# anger at the bot itself, not at what happened at work
_AT_THE_BOT = re.compile(
    r"机器人|小助手|你这个|你们这个|这个破|答非所问|听不懂|不懂人话|说了等于没说|没帮上|瞎回"
)


class ActionOutOfScope(ServiceAction, Action):
    """Says plainly what the bot can and cannot do."""

    def name(self) -> str:
        return "action_out_of_scope"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        instead = (
            followup_instead(tracker)
            or described_instead(self.services, tracker)
            or case_question_instead(tracker)
            or addition_instead(tracker)  # "I also have wechat messages … can I add that"
            or what_now_instead(self.services, dispatcher, tracker)  # "咋办嘛" after a story
        )
        if instead:  # "第二个要钱不" after a course list, "练了要去演出不" after a course
            return instead
        about_course = enrolling_course_reply(self.services, tracker, typed_text(tracker))
        if about_course:  # "等哈 要自己带垫子不" at the enrolment's summary: from the catalogue
            dispatcher.utter_message(text=about_course)
            return []
        # "重庆是好多天" right after a policy answer: a follow-up, not something else
        followup = policy_followup_instead(self.services, tracker)
        if followup:
            return followup
        text = typed_text(tracker)
        if text and worked_out_reply(self.services, tracker, understood_text(tracker)):
            # "他还欠我好多" after the days, the rate and what was paid were told
            return [FollowupAction("action_answer_policy")]
        if text and tells_about_work(text):
            # "我们厂突然说停产放假 只发生活费 咋个办嘛": a story about work the FAQ surely
            # answers, whatever the classifier made of it
            verdict, _ = find_answer(self.services, tracker, text)
            if verdict == "answer":
                return [FollowupAction("action_answer_policy")]
        if _ABOUT_A_COURSE.search(typed_text(tracker)) or compared_courses(tracker):
            # "电商只播咋个报": a course named (by sound) with how to enrol or study; "书法和插花
            # 哪个好一点": two courses compared
            named = named_course_instead(tracker)
            if named:
                return named
        note_miss(self.services, tracker, MISS_FALLBACK)  # on Rasa (our engine: its own)
        dispatcher.utter_message(response="utter_out_of_scope")
        return []
