"""Worker messages the staff desk answers inside the engine's turn (bot/engine/hooks.py):
a satisfaction score after a resolve, and what a worker hears while waiting for staff or
talking with them — the way back to the bot is always open, and waiting is never silent."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from sqlalchemy import Connection, select, update
from sqlalchemy.orm import Session

from bot.core.messages import Reply
from bot.domain.people import mask_phone
from bot.settings import BotConfig
from bot.staff.hours import WorkingHours
from bot.staff.missed import missed
from bot.store.models import (
    EV_BOT,
    EV_STATE,
    HELD_REPLY,
    STATE_WAITING,
    STATE_WITH_HUMAN,
    Event,
    Rating,
    utcnow,
)
from intents.foreign import read_foreign
from intents.normalise import fold

_SCORE = re.compile(r"^\s*([1-5１-５一二三四五])\s*(分|星)?\s*[。.!！]?\s*$")
_DIGITS = {c: i + 1 for i, c in enumerate("12345")} | {c: i + 1 for i, c in enumerate("１２３４５")}
_DIGITS |= {c: i + 1 for i, c in enumerate("一二三四五")}

# a number days after the question is probably about something else
RATING_WINDOW = timedelta(days=1)
THANKS_TEXT = "感谢您的评价！有需要随时找我，说“转人工”可以再次联系工作人员。"
LEAVE_QUEUE = "/back_to_bot"
KEEP_WAITING = "/leave_message"
BACK_TEXT = "可以问我课程、调解、劳动政策的问题，需要时再说“转人工”。"
# what the worker left: the queue, or a conversation with a staff member
LEFT_TEXT = {
    STATE_WAITING: "好的，已为您退出排队，已回到小助手继续为您服务。",
    STATE_WITH_HUMAN: "好的，已结束人工服务，已回到小助手继续为您服务。",
}
KEEP_WAITING_TEXT = "好的，请直接留言说明您的情况，消息都会保留，工作人员看到后会尽快回复您。"
BACK_BUTTON = {"title": "回到小助手", "payload": LEAVE_QUEUE}
WAY_BACK = "不想等了可以说“算了”，或点下方按钮回到小助手。"

# what a worker says to leave: while waiting, any "never mind"; with a staff member already
# talking, only an explicit "back to the bot" (a 算了 there is part of the conversation)
_TAIL = r"(?:吧|啦|了|哈|嘛|哦|噢|呀|啊|嗯)*(?:谢谢|谢了|多谢)?(?:你|您)?(?:吧|啦|了|哈|嘛|哦|噢|呀|啊|嗯)*"
_BACK = (
    r"(?:那|那就|那我|我|还是|我还是|那还是)?(?:自己)?(?:回|回到|返回|退回|切回|换回|找|问)"
    r"(?:机器人|小助手|智能客服)|不要人工了|退出人工|结束人工"
)
LEAVE_WHILE_WAITING = re.compile(
    # ("晓得了 不用转人工了 谢谢哈": the answer meanwhile was enough)
    r"(?:晓得了|知道了|明白了|懂了|好的|好|哦|嗯|行|那)*"
    rf"(?:(?:算了|不用了|不用等了|不等了|我不等了|不想等了|等不了了?|不要了|不需要了|没事了|"
    rf"取消|取消转人工|不转了|不转人工了|不用转人工了?|不用人工了?|{_BACK}){_TAIL})+"
)
LEAVE_WITH_HUMAN = re.compile(rf"(?:(?:{_BACK}){_TAIL})+")
_BACK_ANYWHERE = re.compile(
    r"(?<!不要)(?<!不想)(?<!别)(?<!不)(?:回|回到|返回|切回|换回)(?:机器人|小助手|智能客服)"
    r"|不要人工了|退出人工|取消转人工|自己(?:问|找|查)(?:机器人|小助手)|还是问你|还是你来"
)
# "等了半天都莫得人 算了算了": giving up, said at the end of the message
_GIVES_UP = re.compile(r"(?:算了|不等了|不用等了|不想等了)+(?:吧|啦|了|哈|嘛)*$")
# "算了不用了 明天重庆下雨不": giving up first, then a question for the bot (not "算了 我还是
# 等人工吧")
_GIVES_UP_FIRST = re.compile(
    # ("不转了 我再问个 乒乓球在哪点打": the transfer given up, a question for the bot)
    r"^(?:那|哦|好|嗯)?(?:算了|不用了|不等了|不用等了|不想等了|等不起了?|等不到了?|等不了了?|不转了|不转人工了)+"
    # ("我再问个 …" asks the bot one more thing; "再问" alone is asking a person later)
    r"(?!.*(?:等|人工|工作人员|真人|自己去|再来|再问(?!个|一个|下|一下|哈)))"
)
# "算了不等了 我还是问你嘛", "算了 还是不找人了 我自己问": giving up on a person and going
# back to asking the bot, anywhere in the message
_NO_PERSON = re.compile(
    r"算了|不等了|等不起|等不及|等不了|不用等了|不想等了|不找人了?|不找人工了?|不要人工了?|不用人工了?|不转人工了?|不要人了"
    r"|不转了|不等人工了?|不等人了?"
)
# "不等了 我明天打电话问", "算了 我自己去劳动局": giving up on the queue for another way
_ANOTHER_WAY = re.compile(
    r"(?:明天|改天|下次|回头|晚点|过两天|等会儿?)(?:再|自己)?(?:打电话|来电|去|来|问|说)"
    r"|(?:自己|直接)(?:去|打电话|跑一趟)|打电话(?:问|去|过去)"
)
_ASK_BOT = re.compile(
    r"(?:还是|就|先)?(?:问你|自己问|自己查|自己看|自己来|问机器人|问小助手|你来|你回答|你先说)"
    # ("算了不等人工了 我自己申请调解 你帮我弄": done with the bot)
    r"|你帮我(?:弄|办|搞|整|填)|我自己(?:申请|登记|报名|填)"
)
# "人工好久回我 你先帮我申请调解嘛": the bot asked to do it first (a form the queue would hold)
_BOT_FIRST = re.compile(
    r"(?:你|小助手|机器人)?(?<!人工)(?<!人员)(?<!真人)(?<!你们)先(?P<ask>(?:帮我|给我|替我)(?:申请|登记|报名|报个|办|提交|查|看|算|记)"
    # "那我先在你这登个调解嘛": done here with the bot, not by the person awaited
    r"|(?:在你这|在你这里|在这里|在这儿|在这)(?:申请|登记|登个|报名|报个|办|提交))"
)
_HERE = re.compile(r"^(?:在你这里|在你这|在这里|在这儿|在这)")
# "没人理 那你帮我申请调解嘛": the bot asked to file, without 先
_BOT_FILES = re.compile(
    r"你(?:就|还是|直接)?(?P<ask>(?:帮我|给我|替我)(?:申请|登记|登)(?:个|一个|一下)?"
    r"(?:劳动(?:纠纷|争议)?)?调解)"
)
# "ok can you file a mediation request for me instead": the same, in English
_BOT_FILES_ENGLISH = re.compile(
    r"(?:can|could|would) you (?:please )?(?:file|submit|make|start)\s+(?:a |my )?mediation"
    # ("nah forget it, too long to wait. just help me file a mediation request")
    r"|(?:just |please )?help me (?:file|submit|make|start|apply for)\s+(?:a |my )?mediation",
    re.IGNORECASE,
)
# "那我申请调解嘛" while waiting: filing is what the bot does, now (the worker's place in the
# queue would only hold the form's answers for staff)
_FILES_NOW = re.compile(
    r"^(?:那|那么|好|好嘛|行|算了)?(?:我)?(?:就|还是|先|直接)?(?:要|想)?(?:申请|登记|登)(?:个|一个|一下)?"
    r"(?:劳动(?:纠纷|争议)?)?调解(?:嘛|吧|哦|啊)?$"
)
# "那好嘛 我先把申请交了 电话是151… 要他把扣的1500退给我": the request handed in now, by the bot
_HANDS_IN_NOW = re.compile(r"(?:先|还是|直接)把(?:调解)?申请(?:交了|提交了?|交上去|递上去|填了)")
# "还是重新申请一个嘛 我在南岸区宏达电子厂上班 …" while waiting: a request made anew, by the bot
_FILES_AGAIN = re.compile(
    r"^(?:那|算了|好嘛|好|还是|那我|我)*(?:重新|再)(?:申请|登记|报|填|提交)(?:一个|个|一下|一次|一遍)?"
)
MEANWHILE_TEXT = "您还在排队，工作人员接入后会回复您；这个问题小助手先回答您："
_NOISE = re.compile(r"[\s\W_]+", re.UNICODE)
# "明天一早打我电话 19923457810 姓唐": a number left for staff is always acknowledged
_PHONE = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")


def parse_score(text: str) -> int | None:
    """1-5 from "5", "５", "5分", "五星"; None for anything else."""
    m = _SCORE.match(text or "")
    return _DIGITS[m.group(1)] if m else None


def take_rating(s: Session, conversation_id: int, text: str) -> dict | None:
    """Store a score answering the latest satisfaction question: the event's data, or None."""
    score = parse_score(text)
    if score is None:
        return None
    pending = s.scalar(
        select(Rating.id)
        .where(
            Rating.conversation_id == conversation_id,
            Rating.score.is_(None),
            Rating.asked_at >= utcnow() - RATING_WINDOW,
        )
        .order_by(Rating.id.desc())
        .limit(1)
    )
    if pending is None:
        return None
    # a write: in the engine's read phase this asks for the message to be redone locked
    s.execute(
        update(Rating)
        .where(Rating.id == pending, Rating.score.is_(None))
        .values(score=score, rated_at=utcnow())
    )
    return {"score": score, "rating_id": pending}


def wants_to_leave(text: str, state: str) -> bool:
    """The worker asks to go back to the bot (the button, or in words)."""
    if text.strip() == LEAVE_QUEUE:
        return True
    words = _NOISE.sub("", read_foreign(fold(text or "")))  # "suan le", "never mind" too
    pattern = LEAVE_WHILE_WAITING if state == STATE_WAITING else LEAVE_WITH_HUMAN
    if words and pattern.fullmatch(words) is not None:
        return True
    # "算了 我自己查 回到小助手": an explicit way back, whatever else the message says
    return state == STATE_WAITING and (
        _BACK_ANYWHERE.search(words) is not None
        or _BOT_FIRST.search(words) is not None
        or _BOT_FILES.search(words) is not None
        or _BOT_FILES_ENGLISH.search(text or "") is not None
        # "ok forget it. sign me up for the phone video class …": given up, in English, first
        or _rest_after_english(text or "") is not None
        or _GIVES_UP.search(words) is not None
        or _GIVES_UP_FIRST.search(words) is not None
        or _FILES_NOW.match(words) is not None
        or _HANDS_IN_NOW.search(words) is not None
        or _FILES_AGAIN.match(words) is not None
        or (
            _NO_PERSON.search(words) is not None
            and (_ASK_BOT.search(words) is not None or _ANOTHER_WAY.search(words) is not None)
        )
    )


# giving up the wait in English, sentence by sentence
_ENGLISH_GIVES_UP = re.compile(
    r"^(?:(?:ok(?:ay)?|nah|no|oh)\b,?\s*)?(?:forget it|never ?mind|no need|i(?: do not|'?m not| don'?t) (?:want to )?wait"
    r"|(?:i'?ll |let me )?(?:go )?back to (?:you|the bot)|cancel (?:that|it|the wait)|too slow"
    r"|nobody(?:'s| is)? (?:here|answering|answered))\b[^.!?]*$",
    re.IGNORECASE,
)


def _rest_after_english(value: str) -> str | None:
    """The sentences after the English words of giving up, or None."""
    sentences = [p.strip() for p in re.split(r"(?<=[.!?])\s+", value) if p.strip()]
    dropped = 0
    for sentence in sentences:
        if not _ENGLISH_GIVES_UP.match(sentence.rstrip(".!?").strip()):
            break
        dropped += 1
    rest = " ".join(sentences[dropped:])
    return rest if dropped and rest else None


def rest_after_giving_up(text: str) -> str | None:
    """What follows the giving-up words ("算了不用了 瑜伽课多少钱" -> "瑜伽课多少钱"), or what the
    bot is asked to do first ("你先帮我申请调解嘛" -> "帮我申请调解嘛")."""
    value = (text or "").strip()
    if (
        _FILES_NOW.match(_NOISE.sub("", value))
        or _HANDS_IN_NOW.search(value)
        or _FILES_AGAIN.match(_NOISE.sub("", value))
    ):
        return value  # "那我申请调解嘛": the request itself, handled by the bot
    if _BOT_FILES_ENGLISH.search(value):
        return "帮我申请调解"  # "nobody answered. ok can you file a mediation request …"
    asked = _BOT_FIRST.search(value) or _BOT_FILES.search(value)
    if asked:  # "人工好久回我 你先帮我申请调解嘛" -> "帮我申请调解嘛"
        rest = value[asked.start("ask") :].strip(" ，,。.!！")
        return _HERE.sub("", rest, count=1)  # "在你这登个调解嘛" -> "登个调解嘛"
    english = _rest_after_english(value)
    if english:  # "forget it I don't want to wait. back to you. how much is …"
        return english
    m = _GIVES_UP_FIRST.match(_NOISE.sub("", value))
    if not m:
        return None
    # the same characters counted in the text as typed (spaces and commas skipped)
    kept, i = 0, 0
    while i < len(value) and kept < m.end():
        if not _NOISE.fullmatch(value[i]):
            kept += 1
        i += 1
    rest = value[i:].strip(" ，,。.!！")
    return rest if len(rest) >= 2 else None


# when someone will answer, asked while waiting ("你们工作人员一般啥时候在", "好久才有人")
_ASKS_WHEN_STAFF = re.compile(
    r"(?:啥时候|什么时候|几点|好久|多久|哪天|几时)[^，,。]{0,6}(?:在|有人|上班|回复|回我|接|来)"
    r"|(?:工作人员|人工|你们|有人)[^，,。]{0,8}(?:啥时候|什么时候|几点|好久|多久|上班时间|在不在|在吗)"
    # "星期六有人上班没得": whether the desk is staffed on a day
    r"|(?:星期|周|礼拜)[一二三四五六日天末]?[^，,。]{0,3}(?:有人|有没有人|有没得人)(?:上班|在|值班)"
)


def last_acknowledged(s: Session, conversation_id: int) -> datetime | None:
    """When the worker was last told their message is waiting, in this handoff (or None)."""
    rows = s.execute(
        select(Event.type, Event.data, Event.created_at)
        .where(Event.conversation_id == conversation_id, Event.type.in_((EV_BOT, EV_STATE)))
        .order_by(Event.id.desc())
        .limit(50)
    ).all()
    for type_, data, at in rows:
        if type_ == EV_STATE:
            return None  # the handoff itself: nothing acknowledged since
        if (data or {}).get("kind") == HELD_REPLY:
            return at
    return None


class StaffTurnHooks:
    """The desk's DeskHooks for the engine."""

    def __init__(self, config: BotConfig | None = None) -> None:
        # read at each message: the desk's hours and the acknowledgement interval are the
        # configuration of the moment (tests and a reload change them on the live config)
        self.config = config or BotConfig()

    def missed(self, conn: Connection, conversation_id: int) -> list[Reply]:
        return missed(conn, conversation_id)

    @property
    def hours(self) -> WorkingHours:
        return WorkingHours(self.config.console)

    @property
    def ack_every(self) -> timedelta:
        return timedelta(minutes=self.config.handoff.waiting_ack_minutes)

    def take_rating(self, s: Session, conversation_id: int, text: str) -> tuple[dict, str] | None:
        rated = take_rating(s, conversation_id, text)
        return None if rated is None else (rated, THANKS_TEXT)

    def while_held(
        self, s: Session, conversation_id: int, state: str, text: str
    ) -> tuple[bool, Reply | None]:
        if wants_to_leave(text, state):
            return True, {
                "text": LEFT_TEXT.get(state, "好的，已回到小助手继续为您服务。") + BACK_TEXT
            }
        if state == STATE_WITH_HUMAN:
            return False, None  # a staff member is in the conversation and answers
        if text.strip() == KEEP_WAITING:
            return False, {"text": KEEP_WAITING_TEXT}
        now = utcnow()
        phone = _PHONE.search(text)
        if phone:  # a number left to be called back: said once it is kept, whatever the pace
            return False, {"text": self.phone_kept(now, phone.group()), "buttons": [BACK_BUTTON]}
        if _ASKS_WHEN_STAFF.search(text):
            # "你们工作人员一般啥时候在": a question about the desk's hours, always answered
            # (in working hours too: the hours, and that someone will answer soon)
            return False, {"text": self.hours_answer(now), "buttons": [BACK_BUTTON]}
        last = last_acknowledged(s, conversation_id)
        if last is not None and now - last < self.ack_every:
            return False, None  # told a moment ago; the message is stored for staff
        return False, {"text": self.acknowledgement(now), "buttons": [BACK_BUTTON]}

    def rest_after_leaving(self, text: str) -> str | None:
        return rest_after_giving_up(text)

    def answers_meanwhile(self, text: str, state: str) -> Reply | None:
        # still waiting (no staff member yet): a question the bot can answer is answered,
        # the place in the queue kept; with a staff member, they answer (a question about the
        # desk's own hours is the desk's: answered by the acknowledgement)
        if _ASKS_WHEN_STAFF.search(text):
            return None
        return (
            {"text": MEANWHILE_TEXT, "buttons": [BACK_BUTTON]} if state == STATE_WAITING else None
        )

    def phone_kept(self, now: datetime, phone: str) -> str:
        when = "接入后" if self.hours.is_open(now) else f"{self.hours.describe_next(now)}上班后"
        return (
            f"已收到，您留的电话 {mask_phone(phone)} 已记下，工作人员能看到，{when}会按顺序"
            f"联系您。\n{WAY_BACK}"
        )

    def hours_answer(self, now: datetime) -> str:
        """The desk's hours, asked while waiting."""
        if self.hours.is_open(now):
            return (
                f"现在是服务时间（{self.hours.schedule()}），工作人员接入后会马上回复您，请稍候。"
                f"\n{WAY_BACK}"
            )
        return self.acknowledgement(now)

    def acknowledgement(self, now: datetime) -> str:
        if self.hours.is_open(now):
            return f"已收到，您的留言会转给工作人员，接入后会马上回复您，请稍候。\n{WAY_BACK}"
        return (
            f"已收到您的留言。现在是非工作时间（服务时间：{self.hours.schedule()}），工作人员将于"
            f"{self.hours.describe_next(now)}上班后按顺序回复您，留言都会保留。\n{WAY_BACK}"
        )
