"""A sum offered to leave by agreement, weighed (bot/domain/exit_offer.py does the arithmetic):
with the question ("公司找我谈话 说协商解除 给我5万块 划不划算哦"), with the years and the pay told
right after it, or asked again later ("那他给5万 差好多"), the length put right since."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker

from actions.message import recent_user_texts
from bot.domain.exit_offer import (
    by_agreement,
    offer_rule_text,
    offer_text,
    offered_months,
    own_resignation_asked,
    own_resignation_text,
    refusal_asked,
    refusal_text,
    weighs_offer,
)
from bot.domain.exit_offer import offered_sum as sum_offered  # (months of pay beside it below)
from bot.domain.severance import monthly_pay, months_worked
from bot.domain.years_here import latest_length

# how far back the story of the offer is looked for
STORY_TURNS = 5
# the years and the pay told right after the offer: this many messages after it at most
FIGURES_TURNS = 2


def offer_reply(services: Any, tracker: Tracker, text: str) -> str | None:
    """The offer set against the compensation, or the floor it should reach while the years
    and the pay are still to be told; None when no offer to leave is in view."""
    earlier = recent_user_texts(tracker, STORY_TURNS)
    told = [text, *earlier]
    pay = next(filter(None, map(monthly_pay, told)), None)

    def offered_sum(said: str) -> float | None:
        # a sum, or months of pay ("说给我半个月工资") at the pay told
        return sum_offered(said) or offered_months(said, pay)

    in_view = [t for t in told if offered_sum(t) and by_agreement(t)]
    refused, own = refusal_asked(text), own_resignation_asked(text)
    if in_view and (refused or (own and offered_sum(text) is None)):
        # "我不签他能咋个", "如果是我自己提出来辞职呢" after the offer was weighed: what
        # refusing it brings, or leaving on one's own word instead
        offered = offered_sum(text) or offered_sum(in_view[0])
        if not refused:
            return own_resignation_text(offered)
        return refusal_text(offered, latest_length(told), pay)
    offered = offered_sum(text)
    if offered is not None:
        # the offer in this message: to leave by agreement, told here or before
        if not (by_agreement(text) or (weighs_offer(text) and any(map(by_agreement, earlier)))):
            return None
        if not weighs_offer(text) and months_worked(text) is None:
            return None
    else:
        # "我做了9年3个月 工资每个月7200" right after the offer: the figures it needs
        offer_told = [t for t in earlier[:FIGURES_TURNS] if offered_sum(t) and by_agreement(t)]
        if not offer_told or months_worked(text) is None:
            return None
        offered = offered_sum(offer_told[0])
    months = latest_length(told)
    if offered is None:
        return None
    if months is None or pay is None:
        return offer_rule_text(offered)
    return offer_text(offered, months, pay)
