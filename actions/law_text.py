"""查看法条原文: the text of the national-law articles a policy answer cites.

The articles come from the statute text shipped with the bot (bot/knowledge/statutes.py). A
citation of a regulation or a rule, whose text the bot does not hold, is named with where
to read it; nothing is paraphrased or invented.
"""

from __future__ import annotations

import json
import re
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.buttons import MAX_PAYLOAD_BYTES, button, buttons
from actions.law_articles import article_text
from actions.message import latest_entity
from actions.services import ServiceAction
from bot.knowledge.statutes import citations, statutes

NOTE = "以上是法律条文原文，供您对照；您的具体情况怎么适用，可以转人工咨询工作人员。"
NOT_HELD = "《{acts}》的原文这里没有收录，可以在国家法律法规数据库（flk.npc.gov.cn）查询。"
NOTHING = "这条回答没有引用可以查看原文的法律条文。"
# one reply holds at most this many characters of law text; the rest is named, not shown
MAX_CHARS = 1500


# "是哪条法律规定的嘛 我好拿去跟老板说": the law behind the answer just given, asked
_WHICH_LAW = re.compile(
    r"哪条法|哪一条|哪条规定|哪个法|法律依据|依据是|哪里规定|哪个规定|什么法律|啥子法律|法条"
)
WHICH_LAW_MAX = 24


def asks_which_law(text: str) -> bool:
    value = (text or "").strip()
    return len(value) <= WHICH_LAW_MAX and _WHICH_LAW.search(value) is not None


def law_button(slug: str, source: str) -> dict[str, str] | None:
    """查看法条原文 under an answer whose source cites articles the bot holds."""
    if not statutes().cited_articles(source):
        return None
    text = "/law_text" + json.dumps({"faq_id": slug}, ensure_ascii=False, separators=(",", ":"))
    if len(text.encode()) > MAX_PAYLOAD_BYTES:
        text = "/law_text"  # the answer just given (slot last_faq) is meant
    return {"title": "查看法条原文", "payload": text}


def law_text(source: str) -> str:
    """The cited articles' text, then the acts cited without text held."""
    law = statutes()
    parts: list[str] = []
    used = 0
    for act, article, text in law.cited_articles(source):
        block = f"《{act}》{article}：\n{text}"
        if used + len(block) > MAX_CHARS and parts:
            parts.append(f"《{act}》{article}（篇幅较长，可在国家法律法规数据库查看全文）")
            continue
        parts.append(block)
        used += len(block)
    missing = [c.act for c in citations(source) if law.full_name(c.act) is None]
    if not parts:
        return NOT_HELD.format(acts="》《".join(missing)) if missing else NOTHING
    if missing:
        parts.append(NOT_HELD.format(acts="》《".join(missing)))
    return "\n\n".join([*parts, NOTE])


class ActionLawText(ServiceAction, Action):
    """Shows the articles behind an answer (the button's entry, else the last one answered)."""

    def name(self) -> str:
        return "action_law_text"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        ref = latest_entity(tracker, "law_article")
        whole = article_text(ref) if ref else None
        if whole is not None:  # 查看全文 under the closest articles (actions/law_articles.py)
            dispatcher.utter_message(
                text=whole,
                buttons=buttons(button("转人工", "human_handoff"), button("还有别的问题", "help")),
            )
            return [SlotSet("faq_id", None)]
        slug = latest_entity(tracker, "faq_id") or tracker.get_slot("last_faq")
        entry = self.services.knowledge.get(str(slug)) if slug else None
        if entry is None:
            dispatcher.utter_message(response="utter_ask_policy_topic")
            return [SlotSet("faq_id", None)]
        dispatcher.utter_message(
            text=law_text(entry.source or ""),
            buttons=buttons(button("转人工", "human_handoff"), button("还有别的问题", "help")),
        )
        return [SlotSet("faq_id", None)]
