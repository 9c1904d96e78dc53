"""One more thing told after a request was filed ("还有个事忘了说 他们上个月还无缘无故扣了我800
块钱", "I forgot to say … please add that"): added to the filed case's timeline as the worker's
own words, where the mediators read it, and said so with the case's number. Only the worker's
own open cases take additions; a question asked is answered instead."""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction
from rasa_sdk.executor import CollectingDispatcher

from actions.identity import worker_from
from actions.mediation_cases import CASE_NO
from actions.message import typed_text
from actions.services import ServiceAction
from bot.store import cases as repo

ADD_TO_CASE = "action_add_to_case"
# a case still in the mediators' hands
OPEN = ("submitted", "accepted", "mediating")
_ADDS = re.compile(
    r"忘了说|忘记说|还有个事|还有一个事|还有件事|还有一件事|还有个情况|还有一个情况|补充|再加上|也写上|也加上"
    # ("还要补点东西 我有考勤截图": more to add, then what)
    r"|(?:还要|还想|要|想)补(?:点|个|一点|一下|些)"
    r"|也记上|一起写进去|加进去"
    # ("其他几个人是 王小兵 李红 … 帮我补上": the names promised, sent after filing)
    r"|帮我补上|帮我加上|帮我添上|补上去|添上去|写上去|加上去"
    # ("何小平电话记错了 是177…": a detail put right after filing, kept for the mediators)
    r"|(?:电话|手机|号码|名字|姓名)[^，,。]{0,4}?(?:记错|写错|打错|弄错|说错|搞错)"
    # ("我说错了 欠的不是8000 是9600 之前把1600的提成漏了": a sum put right, or left out)
    r"|不是\s*\d+(?:\.\d+)?\s*(?:块|元|块钱)?[，,\s]*(?:是|而是|应该是)\s*\d+|漏了|漏掉了|少说了"
    r"|\b(?:forgot to (?:say|mention|tell)|please add|add (?:that|this|it)|one more thing|also add)\b",
    re.IGNORECASE,
)
# a question of its own ("还有个事 调解要去现场不"), answered, not added
_ASKS = re.compile(
    r"[?？]|吗|不嘛|没得$|不$|不哦$|没有$|能不能|可不可以|咋个|怎么|啥子|什么|好久|多久|是不是|要不要"
    r"|好多钱|多少钱|该好多|有好多|算好多"
    r"|\b(?:how|what|when|can i|should i|do i)\b",
    re.IGNORECASE,
)
# asking to add it is adding it ("可以加进去不", "can I add that to the request")
_ASKS_TO_ADD = re.compile(
    r"please add|add (?:that|this)"
    r"|(?:可以|能)(?:加|补充|写|添)(?:进去|上去|上)?(?:不|吗|嘛|没)|能不能(?:加|补充|写)|可不可以(?:加|补充|写)",
    re.IGNORECASE,
)
# "老板电话是159… 你们可以直接打给他", "他们人事经理姓吴 电话是185…": how the mediators can
# reach the other side, told after filing (kept for them, 《劳动争议调解仲裁法》第十二条 asks
# the request to name the other party)
_OTHER_SIDE_PHONE = re.compile(
    r"(?:老板|老总|人事|经理|主管|负责人|包工头|工头|厂长|店长|财务|领班|组长|他们|他的?)"
    r"[^。？?]{0,10}?(?:电话|手机|号码)[^。\d]{0,4}1[3-9]\d{9}"
)
# "我过两天要换号码了 新的是177… 你帮我改一哈": the worker's own number, changed
_NEW_OWN_PHONE = re.compile(
    r"(?:换|改)(?:了|个)?(?:新)?(?:号码|号|电话|手机)|新的?(?:号码|电话|手机号?)?(?:是|为)"
    r"|(?:号码|电话|手机)[^，,。\d]{0,6}(?:换|改|停)"
)
_PHONE = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")
_WITHDRAWS_OR_CHECKS = re.compile(r"撤|进度|到哪|查询|withdraw|status|progress", re.IGNORECASE)
MIN_CHARS = 8
SAID_BACK_MAX = 60
NOTE_MAX = repo.NOTE_MAX


def filed_here(tracker: Tracker) -> bool:
    """This conversation shows a filed request (its case number was sent)."""
    return any(
        e.get("event") == "bot" and CASE_NO.search(str(e.get("text") or "")) for e in tracker.events
    )


def new_phone(text: str) -> str | None:
    """The worker's own new number, told after filing ("新的是177… 你帮我改一哈"); None when
    the number is someone else's (the boss's, HR's)."""
    found = _PHONE.search(text)
    if not found or not _NEW_OWN_PHONE.search(text) or _OTHER_SIDE_PHONE.search(text):
        return None
    return found.group(0)


def addition_instead(tracker: Tracker) -> list[EventType] | None:
    """One more thing told, not asked, once a request was filed in this conversation."""
    text = typed_text(tracker).strip()
    if (
        tracker.active_loop
        or len(text) < MIN_CHARS
        or not (_ADDS.search(text) or _OTHER_SIDE_PHONE.search(text) or new_phone(text))
        or _WITHDRAWS_OR_CHECKS.search(text)
        or (_ASKS.search(text) and not _ASKS_TO_ADD.search(text))
        or not filed_here(tracker)
    ):
        return None
    return [FollowupAction(ADD_TO_CASE)]


class ActionAddToCase(ServiceAction, Action):
    """Adds the message to the worker's latest open case as a 职工补充 row."""

    def name(self) -> str:
        return ADD_TO_CASE

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        worker = worker_from(tracker)
        text = typed_text(tracker).strip()[:NOTE_MAX]
        with self.services.db.session() as s:
            own = [
                case
                for case, _ in repo.list_for_worker(s, worker.channel, worker.sender_id)
                if case.status in OPEN
            ]
            if not own:
                dispatcher.utter_message(
                    text="您在这里没有还在处理中的调解申请，这条情况没法补充进去。"
                    "需要的话可以说“申请调解”重新登记，或者说“转人工”。"
                )
                return []
            case = max(own, key=lambda c: c.id)
            phone = new_phone(text)
            if phone:  # the mediators call the new number; the change kept in the timeline
                repo.change_phone(s, case, phone)
                dispatcher.utter_message(
                    text=f"好的，调解申请 {case.case_no} 的联系电话已改为 {phone}，"
                    "调解员会打这个新号码联系您。"
                )
                return []
            repo.add_worker_note(s, case, text)
            case_no = case.case_no
        dispatcher.utter_message(
            text=f"好的，已把这条情况补充到调解申请 {case_no}，调解员处理时会看到。"
            "还有材料（照片、截图）也可以直接发过来。"
            # (what was added, said back: a number put right can be checked)
            + (f"\n已补充：{text}" if len(text) <= SAID_BACK_MAX else "")
        )
        return []
