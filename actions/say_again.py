"""Saying the last reply again: "你刚才说的那些 再发一遍嘛 我没看清楚" after a list scrolled
away. The bot sends its last reply once more (its buttons too), instead of reading the words
as anger or as a question it cannot place."""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction
from rasa_sdk.executor import CollectingDispatcher

from actions.message import last_reply, typed_text

SAY_AGAIN = "action_say_again"
_AGAIN = re.compile(
    r"再发(?:一遍|一次|一下|下)|重新发(?:一遍|一次|一下|下)?|再说(?:一遍|一次)|再列(?:一下|一遍)"
    r"|没看清楚?|没看到|看不清|刷过去了|翻不到了"
    r"|say (?:that|it) again|repeat (?:that|it)|send (?:that|it) again",
    re.IGNORECASE,
)
# ... but not a question about something else said with it ("再说一遍 加班费咋算")
_MAX_CHARS = 24
# ... nor the employer's papers never seen ("那个啥子制度我从来都没看到过 也没喊我签过字")
_PAPERS_UNSEEN = re.compile(r"从来|制度|规章|规定|合同|通知书|文件|公告|签过字|签字")


def say_again_instead(tracker: Tracker) -> list[EventType] | None:
    """The follow-up that says the last reply again, when the message asks for it."""
    text = typed_text(tracker)
    if not text or len(text) > _MAX_CHARS or not _AGAIN.search(text):
        return None
    if _PAPERS_UNSEEN.search(text):
        return None
    if not any(str(e.get("text") or "").strip() for e in last_reply(tracker)):
        return None
    return [FollowupAction(SAY_AGAIN)]


class ActionSayAgain(Action):
    """The bot's last reply, sent again."""

    def name(self) -> str:
        return SAY_AGAIN

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        reply = [e for e in last_reply(tracker) if str(e.get("text") or "").strip()]
        dispatcher.utter_message(text="好的，再发一遍：")
        for event in reply:
            buttons = (event.get("data") or {}).get("buttons") or []
            dispatcher.utter_message(text=str(event["text"]), buttons=list(buttons))
        return []
