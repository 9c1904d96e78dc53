"""The mediation form's dispute type (split from actions/mediation.py): a type chosen, named in
words or corrected; a story or a wish told instead registered as 其他 (changeable at the
summary), and the demand proposed for the type kept in step with it."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.assent import is_assent
from actions.corrections import (
    corrected,
    corrected_dispute_type,
)
from actions.mediation_text import (
    OTHER_TYPE,
    PROPOSED,
    SUBMIT_WORDS,
    proposed_demand,
    wish_in,
)
from actions.message import (
    previous_value,
    typed_text,
)
from actions.validators import (
    STORY_AFTER,
    STORY_BEFORE_FIX,
    clean_description,
    dispute_types_in,
)

# the worker's details a message may give several of at once
TYPE_STILL_MISSING = "还差“纠纷类型”这一项：请点下面最接近的一个，拿不准就点“其他”。"


class DisputeTypeMixin:
    """validate_dispute_type for the mediation form, with the demand it proposes."""

    def validate_dispute_type(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict
    ) -> dict[str, Any]:
        """One of the domain's types; words are mapped; a story or a wish told instead of a type
        is registered as 其他 (the worker can change it at the summary)."""
        fixed = corrected_dispute_type(tracker)
        if fixed:  # "纠纷类型选错了，应该是工伤", at any question
            dispatcher.utter_message(text=f"好的，纠纷类型已改为{fixed}。")
            return {"dispute_type": fixed, **self._demand_for(tracker, fixed)}
        text_now = typed_text(tracker).strip()
        if corrected(tracker):
            # another answer corrected at the type question ("搞错了 我是做了九年 不是八年",
            # "不对 单位要写…公司 合同也是跟他们签的"): no type, asked again; unless what
            # happened is told after it ("…有限公司 事情是…一直没给我买社保")
            # (or before it: "9月到11月加班费没给 … 哦对了公司名字打错了 是…")
            told = STORY_AFTER.search(text_now) or STORY_BEFORE_FIX.match(text_now)
            found = dispute_types_in(told.group("story")) if told else []
            if len(found) == 1:
                kept = clean_description(told.group("story"))
                keep = {"description": kept} if kept and not tracker.get_slot("description") else {}
                return {"dispute_type": found[0], **keep, **self._demand_for(tracker, found[0])}
            return {"dispute_type": previous_value(tracker, "dispute_type")}
        before = previous_value(tracker, "dispute_type")
        if before and tracker.get_slot("requested_slot") not in (None, "dispute_type"):
            # a later answer that happens to mention 工资 must not change the chosen type
            return {"dispute_type": before}
        found = dispute_types_in(str(value or ""))
        if len(found) == 1:
            return {"dispute_type": found[0], **self._demand_for(tracker, found[0])}
        if found:
            dispatcher.utter_message(text=f"您的情况可能涉及{'、'.join(found)}，请选一个最主要的。")
            return {"dispute_type": None}
        text = typed_text(tracker).strip()
        asked = tracker.get_slot("requested_slot") == "dispute_type"
        if (
            asked
            and (SUBMIT_WORDS.fullmatch(text.strip(" 。！!")) or is_assent(text))
            # (with what happened told, "没问题 提交嘛" files it as 其他, changeable at the summary)
            and not tracker.get_slot("description")
        ):
            # "好的 就这样提交吧", "对头" asked the kind of dispute: not yet, this is missing
            dispatcher.utter_message(text=TYPE_STILL_MISSING)
            return {"dispute_type": None}
        told = clean_description(text)
        wish = self._wish_in(tracker)
        if (
            not asked
            or not text
            or (told is None and not wish and not tracker.get_slot("description"))
        ):
            dispatcher.utter_message(text="我没能判断是哪一类纠纷，请从下面选一个最接近的。")
            return {"dispute_type": None}
        # a story or a wish instead of a type (押金, 离职证明, 罚款): 其他, never the same
        # question again; the story is kept as what happened, the wish as the demand, and the
        # summary lets the worker change the type
        dispatcher.utter_message(
            text="好的，纠纷类型先按“其他”登记，调解员会根据您说的情况处理，核对时也可以修改。"
        )
        kept = (
            {} if told is None or tracker.get_slot("description") or wish else {"description": told}
        )
        return {"dispute_type": OTHER_TYPE, **kept, **wish}

    @staticmethod
    def _wish_in(tracker: Tracker) -> dict[str, Any]:
        """The demand a story at the type question also says ("要求马上出具离职证明")."""
        if tracker.get_slot("demand"):
            return {}
        wish = wish_in(typed_text(tracker))
        return {"demand": wish} if wish else {}

    @staticmethod
    def _demand_for(tracker: Tracker, kind: str) -> dict[str, Any]:
        """A demand proposed for another type is proposed again for this one (or asked, when
        this type has none); a demand in the worker's own words stays."""
        demand = tracker.get_slot("demand")
        description = tracker.get_slot("description")
        if demand in PROPOSED and demand != proposed_demand(kind, description):
            return {"demand": proposed_demand(kind, description)}
        return {}
