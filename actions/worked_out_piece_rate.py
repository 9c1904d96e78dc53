"""Piece-rate overtime asked with the pieces made: "上个礼拜六厂头喊加班 没补休 我做了80件 这80件
该拿好多" after "一件3块钱" is 80×3×200%=480元 (bot/domain/piece_rate.py does the arithmetic);
the count put right ("等哈 我数错了 是90件") or another day supposed ("如果是国庆节10月1号那天做的
90件呢") right after such a sum is worked out again, the kind or price told before kept."""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Tracker

from actions.message import last_bot_text, recent_user_texts
from bot.domain.piece_rate import (
    overtime_kind,
    piece_price,
    piece_rate_overtime_text,
    pieces_made,
)
from bot.domain.severance import asks_how_much

# the worker's messages before this one that may hold the piece's price or the day's kind
LOOKBACK = 6
_PIECE_WORK = re.compile(r"计件|一件|每件|单价")
_AFTER_A_SUM = "计件单价"  # the last answer was a piece-rate sum
_OVERTIME = re.compile(r"加班|补休|多做|又喊|做满")


def piece_rate_reply(services: Any, tracker: Tracker, text: str) -> str | None:
    """The overtime pay for the pieces made, when this message counts them and asks (or puts
    a sum just worked out right) and the conversation told the piece's price."""
    pieces = pieces_made(text)
    if pieces is None:
        return None
    earlier = recent_user_texts(tracker, LOOKBACK)
    after = _AFTER_A_SUM in last_bot_text(tracker)
    if not after and not (asks_how_much(text) and _OVERTIME.search(text)):
        return None
    if not after and not any(_PIECE_WORK.search(t) for t in [text, *earlier]):
        return None
    price = next(filter(None, map(piece_price, [text, *earlier])), None)
    # (this message's kind first, else the kind of the last count told: "是90件" after the
    # Saturday's 80)
    told = [t for t in earlier if pieces_made(t) and overtime_kind(t)]
    kind = overtime_kind(text) or next(map(overtime_kind, told), None)
    if price is None or kind is None:
        return None
    return piece_rate_overtime_text(pieces, price, kind)
